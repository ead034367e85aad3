// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The action views and the dialogs by keyboard and for screen readers: the focus when they open, the
// Tab order (reading order), and an accessible name on every control Tab reaches - also while an
// action really runs against the lab, where Cancel must be reachable and work from the keyboard.

#include "controllers/licensecontroller.h"
#include "lab/licenselab.h"
#include "labbrowser.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/retentiondialog.h"
#include "licensepage/snapshotchangesdialog.h"
#include "licensepage/usagefiledropzone.h"
#include "mainwindow.h"
#include "urlopener.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"
#include "workflows/labhost.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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

/// Presses Tab from @p first until @p target has the focus, then @p key on it; false when Tab never
/// reaches it.
bool pressByKeyboard(QWidget *first, QWidget *target, Qt::Key key = Qt::Key_Space)
{
    first->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 40 && control(QApplication::focusWidget()) != target; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    if (control(QApplication::focusWidget()) != target) {
        return false;
    }
    QTest::keyClick(QApplication::focusWidget(), key);
    return true;
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

    /// A console started on a lab of its own (GitHub-like: the assisted flows), with its first snapshot.
    std::unique_ptr<MainWindow> startedConsole(bool githubLike)
    {
        LicenseController::Options options;
        options.storeLocation =
            m_dir->filePath(QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        options.labConfig.users = 30;
        options.labConfig.servers = 2;
        options.labConfig.githubLike = githubLike;
        options.historyWeeks = 0;
        auto window = std::make_unique<MainWindow>(options);
        QSignalSpy refreshed(window->controller(), &LicenseController::refreshFinished);
        window->start();
        [&] {
            QVERIFY(refreshed.wait(60000));
            QVERIFY(refreshed.first().first().toBool());
            QTRY_VERIFY_WITH_TIMEOUT(window->controller()->data().hasSnapshot, 30000);
        }();
        return window;
    }

    static void setLatency(LicenseController *controller, int latencyMs)
    {
        controller->labHost()->runInLab([latencyMs](Glc::LicenseLab *lab) {
            Glc::LabFaults faults = lab->faults();
            faults.latencyMs = latencyMs;
            lab->setFaults(faults);
        });
    }

    static qint64 labRequests(LicenseController *controller)
    {
        qint64 requests = 0;
        controller->labHost()->runInLab([&requests](Glc::LicenseLab *lab) { requests = lab->counters().requests; });
        return requests;
    }

    /// Cancel is reached by Tab and pressed with Space: the view's job ends cancelled.
    static void cancelByKeyboard(ActionView *view, QWidget *first)
    {
        QSignalSpy finished(view, &ActionView::jobFinished);
        QVERIFY(pressByKeyboard(first, view->cancelButton()));
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!view->isBusy());
        QCOMPARE(view->resultMessage()->title(), QStringLiteral("Cancelled."));
        QVERIFY(!view->cancelButton()->isEnabled());
    }

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

        QVERIFY(!view.assistLabel()->accessibleName().isEmpty());
        QVERIFY(!view.assistLabel()->accessibleDescription().isEmpty());
        QVERIFY(!view.startButton()->accessibleDescription().isEmpty());
    }

    void shouldWalkAndCancelARunningAssistedSyncNow()
    {
        // GitHub-like: the console opens the server's page and polls until the admin clicks - nobody does.
        const std::unique_ptr<MainWindow> console = startedConsole(true);
        QVERIFY(console);
        QList<QUrl> opened;
        UrlOpener::set([&opened](const QUrl &url) { opened.append(url); });
        SyncNowView view(console->controller());
        QVERIFY(openWindow(&view));
        view.setServer(console->controller()->serverHosts().value(0));
        // Started from the keyboard (its mnemonic), the job runs: its instructions and link appear.
        QTest::keyClick(&view, Qt::Key_Y, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(view.assistLabel()->isVisible(), 10000);
        QVERIFY(view.isBusy());
        QCOMPARE(opened.size(), 1);
        // Reading order while it runs: the instructions and their button, then Close and Cancel (Start is off).
        QCOMPARE(tabWalk(view.serverCombo()), names("server,assist,openPage,close,cancel"));
        QCOMPARE(tabWalk(view.serverCombo(), Qt::Key_Backtab), names("server,cancel,close,openPage,assist"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        // The link in the instructions opens from the keyboard: Tab onto the instructions, Tab to their
        // link (Qt's labels take the focus themselves first), Enter.
        QVERIFY(pressByKeyboard(view.serverCombo(), view.assistLabel(), Qt::Key_Tab));
        QCOMPARE(focusName(), QStringLiteral("assist"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.last(), opened.first());
        QVERIFY(view.isBusy());

        cancelByKeyboard(&view, view.serverCombo());
        // Stopped indeed: no more polls reach the lab (the console polls every 2 s while it waits).
        const qint64 requests = labRequests(console->controller());
        QTest::qWait(console->controller()->context().pollIntervalMs * 2 + 500);
        QCOMPARE(labRequests(console->controller()), requests);
        // After the run: its outcome (a message that can be closed), and Start again instead of Cancel.
        QVERIFY(view.startButton()->isEnabled());
        QCOMPARE(tabWalk(view.serverCombo()), names("server,assist,openPage,messageCloseButton,start,close"));
    }

    void shouldWalkExportInReadingOrder()
    {
        ExportUsageView view(controller());
        QVERIFY(openWindow(&view));
        QTRY_COMPARE(focusName(), QStringLiteral("server"));
        QCOMPARE(tabWalk(view.serverCombo()), names("server,target,browse,start,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));

        QVERIFY(!view.summaryLabel()->accessibleName().isEmpty());
        QVERIFY(!view.pickDownloadButton()->accessibleDescription().isEmpty());
    }

    void shouldWalkAndCancelARunningExport()
    {
        // Slow answers: the export's request to the lab is in flight while the view is walked.
        const std::unique_ptr<MainWindow> console = startedConsole(false);
        QVERIFY(console);
        ExportUsageView view(console->controller());
        QVERIFY(openWindow(&view));
        view.targetEdit()->setText(m_dir->filePath(QStringLiteral("running-export.json")));
        setLatency(console->controller(), 60000);
        const qint64 before = labRequests(console->controller());
        QVERIFY(pressByKeyboard(view.serverCombo(), view.startButton()));
        QVERIFY(view.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(labRequests(console->controller()) > before, 10000); // the lab has the request
        QCOMPARE(tabWalk(view.serverCombo()), names("server,target,browse,close,cancel"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        cancelByKeyboard(&view, view.serverCombo());
        QVERIFY(view.startButton()->isEnabled());
        QVERIFY(!QFile::exists(view.targetEdit()->text())); // nothing half-written
        setLatency(console->controller(), 0);
    }

    void shouldWalkAndCancelARunningAssistedExport()
    {
        // GitHub-like: the console opens the server's page and waits for the downloaded file.
        const std::unique_ptr<MainWindow> console = startedConsole(true);
        QVERIFY(console);
        UrlOpener::set([](const QUrl &) { });
        ExportUsageView view(console->controller());
        QVERIFY(openWindow(&view));
        view.targetEdit()->setText(m_dir->filePath(QStringLiteral("assisted-export.json")));
        QVERIFY(pressByKeyboard(view.serverCombo(), view.startButton()));
        QTRY_VERIFY_WITH_TIMEOUT(view.pickDownloadButton()->isVisible(), 10000);
        QVERIFY(view.isBusy());
        // The button for the downloaded file comes after the target, then the instructions, Close, Cancel.
        QCOMPARE(tabWalk(view.serverCombo()), names("server,target,browse,pickDownload,assist,openPage,close,cancel"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        cancelByKeyboard(&view, view.serverCombo());
    }

    void shouldWalkAddServerUsageInReadingOrder()
    {
        AddServerUsageView view(controller());
        QVERIFY(openWindow(&view));
        QTRY_COMPARE(focusName(), QStringLiteral("usageFileDropZone"));
        // Upload stays disabled (skipped) until a file is ready.
        QCOMPARE(tabWalk(view.dropZone()), names("usageFileDropZone,chooseFilesButton,close"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));

        QVERIFY(!view.previewLabel()->accessibleName().isEmpty());
        QVERIFY(!view.stagesLabel()->accessibleName().isEmpty());
    }

    void shouldWalkAndCancelARunningUpload()
    {
        const std::unique_ptr<MainWindow> console = startedConsole(false);
        QVERIFY(console);
        LicenseController *running = console->controller();
        // A file the admin exported on a server (in the browser, over HTTP), checked and ready.
        LabBrowser browser(running->labHost()->url(), running->labHost()->token());
        const QString file = m_dir->filePath(QStringLiteral("ready.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QVERIFY(out.write(browser.exportUsage(running->serverHosts().value(0))) > 0);
        }
        AddServerUsageView view(running);
        QVERIFY(openWindow(&view));
        QSignalSpy checked(&view, &AddServerUsageView::filesChecked);
        view.addFiles({file});
        QVERIFY(checked.wait(30000));
        QVERIFY2(view.startButton()->isEnabled(), qPrintable(view.dropZone()->results().value(0).detail));
        QCOMPARE(tabWalk(view.dropZone()), names("usageFileDropZone,chooseFilesButton,resultsView,start,close"));

        // Slow answers: the upload is in flight while the view is walked.
        setLatency(running, 60000);
        const qint64 before = labRequests(running);
        QVERIFY(pressByKeyboard(view.dropZone(), view.startButton()));
        QVERIFY(view.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(labRequests(running) > before, 10000);
        // Choose files is disabled while the upload runs (the zone takes no files meanwhile).
        QCOMPARE(tabWalk(view.dropZone()), names("usageFileDropZone,resultsView,close,cancel"));
        QVERIFY2(unnamedControls(&view).isEmpty(), qPrintable(unnamedControls(&view).join(u',')));
        checked.clear();
        setLatency(running, 0);
        cancelByKeyboard(&view, view.dropZone());
        // The cancelled file is checked again and ready once more: nothing to add again by hand.
        QVERIFY(checked.count() == 1 || checked.wait(30000));
        QCOMPARE(view.dropZone()->results().size(), 1);
        QCOMPARE(view.dropZone()->results().first().path, file);
        QVERIFY2(view.dropZone()->results().first().ok, qPrintable(view.dropZone()->results().first().detail));
        QVERIFY(view.startButton()->isEnabled());
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

    void shouldWalkSeatsByOrganizationInReadingOrder()
    {
        const std::unique_ptr<MainWindow> console = startedConsole(false);
        QVERIFY(console);
        QVERIFY(openWindow(console.get()));
        console->findChild<QAction *>(QStringLiteral("organizationsAction"))->trigger();
        auto *dialog = console->findChild<OrganizationsDialog *>();
        QVERIFY(dialog);
        QVERIFY(openWindow(dialog));
        QVERIFY(dialog->list()->topLevelItemCount() > 0);
        QTRY_COMPARE(focusName(), QStringLiteral("organizationsList"));
        QCOMPARE(tabWalk(dialog->list()), names("organizationsList,showSeatsButton,close"));
        QVERIFY2(unnamedControls(dialog).isEmpty(), qPrintable(unnamedControls(dialog).join(u',')));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("organizationsSummary"))->accessibleName().isEmpty());
        dialog->close();
    }

    void shouldWalkCompareSnapshotsInReadingOrder()
    {
        const std::unique_ptr<MainWindow> console = startedConsole(false);
        QVERIFY(console);
        // A second snapshot, so there are two to compare.
        QSignalSpy refreshed(console->controller(), &LicenseController::refreshFinished);
        console->controller()->refresh();
        QVERIFY(refreshed.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(console->controller()->data().history.size(), 2, 30000);
        QVERIFY(openWindow(console.get()));
        console->findChild<QAction *>(QStringLiteral("compareSnapshotsAction"))->trigger();
        auto *dialog = console->findChild<SnapshotChangesDialog *>();
        QVERIFY(dialog);
        QVERIFY(openWindow(dialog));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->tree()->topLevelItemCount(), 3, 30000);
        QCOMPARE(
            tabWalk(dialog->fromBox()), names("fromSnapshotBox,toSnapshotBox,changesTree,saveChangesButton,close"));
        QVERIFY2(unnamedControls(dialog).isEmpty(), qPrintable(unnamedControls(dialog).join(u',')));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("changesSummary"))->accessibleName().isEmpty());
        // An error shown inline: its close button is reached and named too.
        dialog->showError(
            QStringLiteral("The snapshot could not be read."), QStringLiteral("Refresh, then try again."));
        QVERIFY2(unnamedControls(dialog).isEmpty(), qPrintable(unnamedControls(dialog).join(u',')));
        dialog->close();
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
