// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The action views and the dialogs by keyboard and for screen readers: the focus when they open, the
// Tab order (reading order), and an accessible name on every control Tab reaches.

#include "licensepage/connectiondialog.h"
#include "licensepage/retentiondialog.h"
#include "licensepage/usagefiledropzone.h"
#include "mainwindow.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

namespace {
/// The widget a focus stop stands for: a spin box, not its inner line edit.
QWidget *control(QWidget *widget)
{
    while (widget && widget->parentWidget() &&
        (widget->objectName().isEmpty() || widget->objectName().startsWith(QLatin1String("qt_")))) {
        widget = widget->parentWidget();
    }
    return widget;
}

QStringList names(const char *commaSeparated)
{
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','));
}

QString focusName()
{
    QWidget *focused = control(QApplication::focusWidget());
    return focused ? focused->objectName() : QStringLiteral("<no focus>");
}

/// Opens @p window and waits until it has the keyboard.
bool openWindow(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window)) {
        return false;
    }
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

/// Presses Tab from @p first until the focus comes back to it; the object names of the stops.
QStringList tabWalk(QWidget *first, Qt::Key key = Qt::Key_Tab)
{
    first->setFocus(Qt::TabFocusReason);
    QStringList names{focusName()};
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), key, key == Qt::Key_Backtab ? Qt::ShiftModifier : Qt::NoModifier);
        if (control(QApplication::focusWidget()) == first) {
            return names;
        }
        if (names.constLast() != focusName()) { // a label with links keeps the focus from link to link
            names.append(focusName());
        }
    }
    names.append(QStringLiteral("<no way back to the first control>"));
    return names;
}

bool hasBuddy(const QWidget *widget)
{
    const QList<QLabel *> labels = widget->window()->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
        [widget](const QLabel *label) { return label->buddy() == widget && !label->text().isEmpty(); });
}

/// Every control Tab reaches that a screen reader could not name: no accessible name, no text of its
/// own (buttons), no label whose buddy it is.
QStringList unnamedControls(QWidget *window)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window) || !(widget->focusPolicy() & Qt::TabFocus)) {
            continue;
        }
        // A spin box's line edit speaks for the spin box (one is the focus proxy of the other).
        QWidget *named = widget->focusProxy() ? widget->focusProxy() : widget;
        if (named->parentWidget() && named->parentWidget()->focusProxy() == named) {
            named = named->parentWidget();
        }
        if (!named->accessibleName().isEmpty() || hasBuddy(named)) {
            continue;
        }
        const auto *button = qobject_cast<QAbstractButton *>(named);
        if (button && !QString(button->text()).remove(QLatin1Char('&')).trimmed().isEmpty()) {
            continue;
        }
        unnamed.append(
            QStringLiteral("%1 (%2)").arg(named->objectName(), QLatin1String(named->metaObject()->className())));
    }
    return unnamed;
}
} // namespace

class KeyboardTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;

    LicenseController *controller() const { return m_window->controller(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // The views only need the controller (not started: no lab, no refresh).
        m_dir = std::make_unique<QTemporaryDir>();
        LicenseController::Options options;
        options.storeLocation = m_dir->filePath(QStringLiteral("store.sqlite"));
        m_window = std::make_unique<MainWindow>(options);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_dir.reset();
    }

    void shouldWalkSyncNowInReadingOrder()
    {
        SyncNowView view(controller());
        QVERIFY(openWindow(&view));
        // It opens on the server choice, not on its buttons.
        QTRY_COMPARE(focusName(), QStringLiteral("server"));
        QCOMPARE(tabWalk(view.serverCombo()), names("server,start,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));

        // After a run: the results, the instructions of an assisted flow with their button, Cancel.
        view.resultList()->show();
        view.assistLabel()->setText(QStringLiteral("<p>Click Sync now.<br><a href=\"https://github.com/x\">x</a></p>"));
        view.assistLabel()->show();
        view.findChild<QWidget *>(QStringLiteral("openPage"))->show();
        view.cancelButton()->setEnabled(true);
        QCOMPARE(tabWalk(view.serverCombo()), names("server,results,assist,openPage,start,close,cancel"));
        QCOMPARE(
            tabWalk(view.serverCombo(), Qt::Key_Backtab), names("server,cancel,close,start,openPage,assist,results"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        QVERIFY(!view.assistLabel()->accessibleName().isEmpty());
        QVERIFY(!view.assistLabel()->accessibleDescription().isEmpty());
        QVERIFY(!view.startButton()->accessibleDescription().isEmpty());
    }

    void shouldWalkExportInReadingOrder()
    {
        ExportUsageView view(controller());
        QVERIFY(openWindow(&view));
        QTRY_COMPARE(focusName(), QStringLiteral("server"));
        QCOMPARE(tabWalk(view.serverCombo()), names("server,target,browse,start,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));

        // Assisted: the button for the downloaded file comes after the target, before the buttons.
        view.pickDownloadButton()->show();
        view.cancelButton()->setEnabled(true);
        QCOMPARE(tabWalk(view.serverCombo()), names("server,target,browse,pickDownload,start,close,cancel"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        QVERIFY(!view.summaryLabel()->accessibleName().isEmpty());
        QVERIFY(!view.pickDownloadButton()->accessibleDescription().isEmpty());
    }

    void shouldWalkAddServerUsageInReadingOrder()
    {
        AddServerUsageView view(controller());
        QVERIFY(openWindow(&view));
        QTRY_COMPARE(focusName(), QStringLiteral("usageFileDropZone"));
        // Upload stays disabled (skipped) until a file is ready.
        QCOMPARE(tabWalk(view.dropZone()), names("usageFileDropZone,chooseFilesButton,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));

        view.dropZone()->setResults({{QStringLiteral("/tmp/a.json"), true, QStringLiteral("Ready to upload"), {}}});
        view.startButton()->setEnabled(true);
        QCOMPARE(tabWalk(view.dropZone()), names("usageFileDropZone,chooseFilesButton,resultsView,start,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        QVERIFY(!view.previewLabel()->accessibleName().isEmpty());
        QVERIFY(!view.stagesLabel()->accessibleName().isEmpty());
    }

    void shouldWalkTheConnectionDialogInReadingOrder()
    {
        ConnectionDialog dialog;
        QVERIFY(openWindow(&dialog));
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameField"));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kindCombo"));
        QVERIFY(name);
        QVERIFY(kind);
        QTRY_COMPARE(focusName(), QStringLiteral("nameField"));
        QCOMPARE(tabWalk(name), names("nameField,kindCombo,externalLabCheck,tokenField,testButton,ok,cancel"));
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u',')));

        kind->setCurrentIndex(kind->findData(int(Glc::Connection::Kind::Server)));
        dialog.findChild<QLineEdit *>(QStringLiteral("hostField"))->setText(QStringLiteral("ghe.example.com"));
        dialog.findChild<QGroupBox *>(QStringLiteral("adminShellGroup"))->setChecked(true);
        QCOMPARE(tabWalk(name),
            names("nameField,kindCombo,hostField,serverSlugField,caFileField,caFileBrowseButton,adminShellGroup,"
                  "shellUserField,shellPortSpin,identityFileField,identityFileBrowseButton,shellCommandField,"
                  "tokenField,testButton,ok,cancel"));
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u',')));

        kind->setCurrentIndex(kind->findData(int(Glc::Connection::Kind::Cloud)));
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u',')));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("testStatusLabel"))->accessibleName().isEmpty());
    }

    void shouldWalkTheRetentionDialogInReadingOrder()
    {
        RetentionDialog dialog;
        QVERIFY(openWindow(&dialog));
        QTRY_COMPARE(focusName(), QStringLiteral("keepNewestBox"));
        QCOMPARE(tabWalk(dialog.findChild<QWidget *>(QStringLiteral("keepNewestBox"))),
            names("keepNewestBox,maxAgeDaysBox,ok,cancel"));
        QVERIFY2(unnamedControls(&dialog).isEmpty(), qPrintable(unnamedControls(&dialog).join(u',')));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("retentionSummary"))->accessibleName().isEmpty());
    }
};

QTEST_MAIN(KeyboardTest)
#include "keyboardtest.moc"
