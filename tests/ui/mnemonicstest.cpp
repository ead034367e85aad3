// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Alt+letter in the main window, in English and in Chinese: each menu of the menu bar and each quick
// link of the License page has a letter of its own, and the standard shortcuts are shown as the
// platform names them.

#include "mnemonics.h"
#include "core/localization.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensepage.h"
#include "licensepage/quicklinkscard.h"
#include "mainwindow.h"

#include <KLocalizedString>
#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>

using GlcTest::mnemonic;

class MnemonicsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // gettext ignores the language Ki18n asks for under the C locale (the default under ctest).
        QVERIFY2(std::setlocale(LC_MESSAGES, "en_US.UTF-8"), "the en_US.UTF-8 locale is needed");
        Glc::Localization::setConfiguredLanguage({});
        Glc::Localization::setup(qApp);
    }

    void cleanupTestCase() { KLocalizedString::setLanguages({}); }

    void shouldGiveEachMenuAndQuickLinkALetterOfItsOwn_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("en") << QStringLiteral("en_US") << QStringLiteral("&File");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("文件(&F)");
    }

    void shouldGiveEachMenuAndQuickLinkALetterOfItsOwn()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        KLocalizedString::setLanguages({language});
        QTemporaryDir dir;
        LicenseController::Options options;
        options.storeLocation = dir.filePath(QStringLiteral("store.sqlite"));
        MainWindow window(options);
        QStringList texts;
        for (const QAction *menu : window.menuBar()->actions()) {
            texts.append(menu->text());
        }
        QCOMPARE(texts.first(), fileMenu); // the catalog of the language is in use
        const QuickLinksCard *links = window.licensePage()->quickLinksCard();
        for (const auto link : {QuickLinksCard::Link::ExportLicenseUsage, QuickLinksCard::Link::AddServerUsage,
                 QuickLinksCard::Link::DownloadReport}) {
            texts.append(links->button(link)->text());
        }
        QMap<QChar, QStringList> byLetter;
        for (const QString &text : std::as_const(texts)) {
            const QChar letter = mnemonic(text);
            QVERIFY2(!letter.isNull(), qPrintable(text));
            byLetter[letter].append(text);
        }
        // The License page's own buttons, check boxes and labels: no letter of theirs may take one of the above or
        // of each other (each server row's Sync now shares its letter with the others', on purpose: Alt+S goes
        // from one to the next).
        QList<QWidget *> pageWidgets;
        for (QAbstractButton *button : window.licensePage()->findChildren<QAbstractButton *>()) {
            if (!button->objectName().startsWith(QLatin1String("syncNowButton_"))) {
                pageWidgets.append(button);
            }
        }
        for (QLabel *label : window.licensePage()->findChildren<QLabel *>()) {
            if (label->buddy()) {
                pageWidgets.append(label);
            }
        }
        int pageLetters = 0;
        for (QWidget *widget : std::as_const(pageWidgets)) {
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            const QString text = button ? button->text() : static_cast<QLabel *>(widget)->text();
            const QChar letter = mnemonic(text);
            if (!letter.isNull() && !texts.contains(text)) {
                byLetter[letter].append(text);
                ++pageLetters;
            }
        }
        QVERIFY(pageLetters >= 10);
        for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
            QVERIFY2(it.value().size() == 1,
                qPrintable(QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QLatin1String(", ")))));
        }
    }

    void shouldShowTheStandardShortcutsAsThePlatformNamesThem()
    {
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        QTemporaryDir dir;
        LicenseController::Options options;
        options.storeLocation = dir.filePath(QStringLiteral("store.sqlite"));
        MainWindow window(options);
        const QString find = QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText);
        QVERIFY(!find.isEmpty());
        const QString placeholder = window.licensePage()->filterBar()->searchField()->placeholderText();
        QVERIFY2(placeholder.endsWith(QStringLiteral("(%1)").arg(find)), qPrintable(placeholder));
        auto *newConnection = window.findChild<QAction *>(QStringLiteral("newConnectionAction"));
        QVERIFY(newConnection);
        QCOMPARE(newConnection->shortcut(), QKeySequence(QKeySequence::New));
    }
};

QTEST_MAIN(MnemonicsTest)
#include "mnemonicstest.moc"
