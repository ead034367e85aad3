// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "mainwindow.h"

#include <KLocalizedString>
#include <QAction>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// View > Language stores the choice; the real console started afterwards (a new process with the
// same settings folder) follows it, whatever LANG says; System follows LANG again.
class LanguageChoiceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Glc::ApplicationInfo::apply();
        Glc::Localization::setConfiguredLanguage({});
        Glc::Localization::setup(qApp);
        QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("en"));
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase() { Glc::Localization::setConfiguredLanguage({}); }

    void shouldApplyTheChosenLanguageAtTheNextStart_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QByteArray>("lang");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        const QString chinese = QStringLiteral("GHE 许可证控制台");
        const QString english = QStringLiteral("GHE License Console");
        QTest::newRow("Chinese under an English LANG")
            << QStringLiteral("language_zh_CN") << QStringLiteral("zh_CN") << QByteArray("en_US.UTF-8")
            << QStringLiteral("zh_CN") << chinese;
        QTest::newRow("English under a Chinese LANG") << QStringLiteral("language_en") << QStringLiteral("en")
                                                      << QByteArray("zh_CN.UTF-8") << QStringLiteral("en") << english;
        QTest::newRow("System follows an English LANG") << QStringLiteral("language_system") << QString()
                                                        << QByteArray("en_US.UTF-8") << QStringLiteral("en") << english;
        QTest::newRow("System follows a Chinese LANG")
            << QStringLiteral("language_system") << QString() << QByteArray("zh_CN.UTF-8") << QStringLiteral("zh_CN")
            << chinese;
    }

    void shouldApplyTheChosenLanguageAtTheNextStart()
    {
        QFETCH(QString, action);
        QFETCH(QString, stored);
        QFETCH(QByteArray, lang);
        QFETCH(QString, language);
        QFETCH(QString, title);

        // Start from another choice, so triggering the action has something to change.
        Glc::Localization::setConfiguredLanguage(
            stored == QLatin1String("en") ? QStringLiteral("zh_CN") : QStringLiteral("en"));
        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("window.sqlite"));
        options.labConfig.users = 5;
        options.labConfig.servers = 1;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *choice = window.findChild<QAction *>(action);
        QVERIFY(choice);
        QVERIFY(!choice->isChecked());
        choice->trigger();
        QVERIFY(choice->isChecked());
        QCOMPARE(Glc::Localization::configuredLanguage(), stored);
        QCOMPARE(
            window.statusBar()->currentMessage(), i18nc("@info:status", "The language changes at the next start."));
        // Only the next start changes the language, not this process.
        QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("en"));

        const QString output = runConsole(lang);
        QVERIFY2(output.contains(QStringLiteral("self-test: ok")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("language: %1\n").arg(language)), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("title: %1\n").arg(title)), qPrintable(output));
    }

private:
    QString runConsole(const QByteArray &lang)
    {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QString::fromLatin1(lang));
        env.insert(QStringLiteral("LANGUAGE"), QString::fromLatin1(lang.left(lang.indexOf('.'))));
        env.insert(QStringLiteral("LC_ALL"), QString());
        // The settings this test-mode process wrote are the console's ordinary ones there.
        env.insert(
            QStringLiteral("XDG_CONFIG_HOME"), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(GLC_CONSOLE_EXE),
            {QStringLiteral("--self-test"), QStringLiteral("--store"), m_dir.filePath(QStringLiteral("console.sqlite")),
                QStringLiteral("--lab-users"), QStringLiteral("5"), QStringLiteral("--lab-servers"),
                QStringLiteral("1")});
        if (!console.waitForFinished(60000)) {
            console.kill();
            console.waitForFinished();
        }
        return QString::fromUtf8(console.readAllStandardOutput() + console.readAllStandardError());
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(LanguageChoiceTest)
#include "languagechoicetest.moc"
