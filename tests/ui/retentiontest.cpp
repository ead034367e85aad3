// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// File > Snapshot Retention in the real main window: the stored setting shown, changed by keyboard,
// stored, applied at once to the stored snapshots, and the page's history reloaded.
#include "controllers/licensecontroller.h"
#include "licensepage/retentiondialog.h"
#include "mainwindow.h"
#include "snapshotgenerator.h"
#include "storage/licensestore.h"
#include "storedhistory.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;

class RetentionTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString storeLocation() const
    {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".sqlite"));
    }

    /// The built-in lab's connection with snapshots of 1000 seats taken `daysAgo` days back, and
    /// `policy` stored.
    static void prepareStore(const QString &location, const QList<int> &daysAgo, const RetentionPolicy &policy)
    {
        GlcTest::SnapshotGeneratorOptions options;
        options.users = 1000;
        const QList<ConsumedLicense> seats = GlcTest::SnapshotGenerator::generate(options).licenses.users;
        QList<StoredHistory::Entry> entries;
        for (int days : daysAgo) {
            entries.append({days, seats, 1200});
        }
        QCOMPARE(StoredHistory::write(location, StoredHistory::builtInLab(), entries).size(), daysAgo.size());
        LicenseStore store;
        QVERIFY(!store.open(location).isError());
        QVERIFY(!store.setRetentionPolicy(policy).isError());
    }

    static int storedSnapshots(const QString &location)
    {
        LicenseStore store;
        if (store.open(location).isError()) {
            return -1;
        }
        return int(store.snapshots(QStringLiteral("lab")).value.size());
    }

    static RetentionDialog *openDialog(MainWindow &window)
    {
        auto *action = window.findChild<QAction *>(QStringLiteral("retentionAction"));
        if (!action || !action->isEnabled()) {
            return nullptr;
        }
        action->trigger();
        return window.findChild<RetentionDialog *>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void shouldShowStoreAndApplyTheSetting()
    {
        const QString location = storeLocation();
        prepareStore(location, {60, 30, 14, 7, 0}, RetentionPolicy{10, 0});
        LicenseController::Options options;
        options.storeLocation = location;
        options.refreshWhenEmpty = false;
        options.labConfig.users = 20;
        options.labConfig.servers = 1;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.controller(), &LicenseController::dataLoaded);
        window.start();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.controller()->data().history.size(), 5);

        RetentionDialog *dialog = openDialog(window);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->keepNewestBox()->isEnabled()); // the stored setting was read
        QCOMPARE(dialog->keepNewestBox()->value(), 10);
        QCOMPARE(dialog->maxAgeDaysBox()->value(), 0);
        QCOMPARE(dialog->maxAgeDaysBox()->text(), dialog->maxAgeDaysBox()->specialValueText());
        // What is stored, and what the limits being edited would remove.
        auto *stored = dialog->findChild<QLabel *>(QStringLiteral("retentionStored"));
        QVERIFY(stored && stored->isVisible());
        QVERIFY2(stored->text().startsWith(QLatin1String("Stored now: 5 snapshots of 1 connection, taking ")),
            qPrintable(stored->text()));
        QVERIFY2(stored->text().endsWith(QLatin1String(". OK removes none of them now.")), qPrintable(stored->text()));
        dialog->keepNewestBox()->setValue(4);
        QVERIFY2(stored->text().endsWith(QLatin1String(". OK removes 1 of them now.")), qPrintable(stored->text()));
        dialog->keepNewestBox()->setValue(10);

        // Keep snapshots up to 20 days old, typed as a user would.
        dialog->maxAgeDaysBox()->setFocus();
        QTest::keyClick(dialog->maxAgeDaysBox(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog->maxAgeDaysBox(), QStringLiteral("20"));
        QCOMPARE(dialog->maxAgeDaysBox()->value(), 20);
        QVERIFY2(stored->text().endsWith(QLatin1String(". OK removes 2 of them now.")), qPrintable(stored->text()));
        // Compacting is offered (an SQLite store), on by default; turned off by keyboard this time.
        QVERIFY(dialog->compactBox()->isVisible() && dialog->compactBox()->isChecked());
        dialog->compactBox()->setFocus();
        QTest::keyClick(dialog->compactBox(), Qt::Key_Space);
        QVERIFY(!dialog->compact());
        QSignalSpy reloaded(window.controller(), &LicenseController::dataLoaded);
        QPointer<RetentionDialog> guard(dialog);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible()); // closes once stored
        QCOMPARE(storedSnapshots(location), 3);
        QCOMPARE(window.statusBar()->currentMessage(),
            QStringLiteral("Snapshot retention saved; 2 older snapshots removed."));
        QVERIFY(!reloaded.isEmpty() || reloaded.wait(30000));
        QCOMPARE(window.controller()->data().history.size(), 3);
        qint64 unused = 0;
        QList<ConsumedLicense> kept;
        {
            LicenseStore store;
            QVERIFY(!store.open(location).isError());
            unused = store.unusedSize().value;
            kept = store.loadConsumedLicenses(store.snapshots(QStringLiteral("lab")).value.constLast().id).value;
            QVERIFY(kept.size() >= 1000);
        }
        QVERIFY(unused > 0); // not compacted

        // Opened again, it shows what was stored.
        dialog = openDialog(window);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->keepNewestBox()->isEnabled());
        QCOMPARE(dialog->keepNewestBox()->value(), 10);
        QCOMPARE(dialog->maxAgeDaysBox()->value(), 20);
        stored = dialog->findChild<QLabel *>(QStringLiteral("retentionStored"));
        QVERIFY2(stored->text().contains(QLatin1String(" of the file is unused, left by removed snapshots.")),
            qPrintable(stored->text()));
        // Cancel stores nothing.
        dialog->keepNewestBox()->setValue(1);
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        {
            LicenseStore store;
            QVERIFY(!store.open(location).isError());
            QCOMPARE(store.retentionPolicy().value.keepNewest, 10);
            QCOMPARE(store.unusedSize().value, unused);
        }
        QCOMPARE(storedSnapshots(location), 3);

        // OK with the same limits and compacting on: nothing removed, the unused space given back.
        QTRY_VERIFY(!window.findChild<RetentionDialog *>()); // the closed one is gone
        dialog = openDialog(window);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->keepNewestBox()->isEnabled());
        QVERIFY(dialog->compact());
        guard = dialog;
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(guard.isNull() || !guard->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().startsWith(
                     QLatin1String("Snapshot retention saved. Compacting gave ")),
            qPrintable(window.statusBar()->currentMessage()));
        LicenseStore store;
        QVERIFY(!store.open(location).isError());
        QCOMPARE(store.unusedSize().value, 0);
        QCOMPARE(storedSnapshots(location), 3);
        QCOMPARE(store.loadConsumedLicenses(store.snapshots(QStringLiteral("lab")).value.constLast().id).value, kept);
    }

    void shouldAskToStopRemovingInsteadOfClosing()
    {
        // While old snapshots are removed, Cancel, Esc and the window's close button stop the removal (the
        // command cancels its job and closes the dialog when it stopped) rather than close the dialog.
        RetentionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy cancelRequested(&dialog, &RetentionDialog::cancelRequested);
        dialog.setBusy(true);
        dialog.setStoring(true);
        dialog.setProgress(2, 26);
        QVERIFY(dialog.progressBar()->isVisible());
        QCOMPARE(dialog.progressBar()->text(), QStringLiteral("Removing older snapshots: 2 of 26 removed"));
        QCOMPARE(dialog.progressBar()->value(), 2);
        QCOMPARE(dialog.progressBar()->maximum(), 26);
        QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(cancelRequested.count(), 1);
        QVERIFY(dialog.isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(cancelRequested.count(), 2);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.close()); // the window's close button
        QCOMPARE(cancelRequested.count(), 3);
        QVERIFY(dialog.isVisible());
        // Compacting after the removal: a busy bar, and the line above it says so; Cancel still stops.
        dialog.setCompacting();
        QVERIFY(dialog.progressBar()->isVisible());
        QCOMPARE(dialog.progressBar()->maximum(), 0);
        auto *stage = dialog.findChild<QLabel *>(QStringLiteral("retentionStored"));
        QCOMPARE(stage->text(), QStringLiteral("Compacting the database file…"));
        QVERIFY(stage->isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(cancelRequested.count(), 4);
        QVERIFY(dialog.isVisible());
        // Once stopped, Esc closes it again and the bar is gone.
        dialog.setStoring(false);
        QVERIFY(!dialog.progressBar()->isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(cancelRequested.count(), 4);
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(RetentionTest)
#include "retentiontest.moc"
