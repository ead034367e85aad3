// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Compare Snapshots and `ghe-license changes` over a real store: the job reads both snapshots'
// seats packed as they are read, never as lists, and finds what the lists would give.
#include "workflows/snapshotchangesjob.h"
#include "memorypeak.h"
#include "snapshotgenerator.h"
#include "storage/licensestore.h"
#include "workflows/jobrunner.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;

class SnapshotChangesJobTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    qint64 m_firstId = 0;
    qint64 m_secondId = 0;

    WorkflowContext context() const
    {
        WorkflowContext context;
        context.connection.id = QStringLiteral("lab");
        context.storeLocation = m_store;
        return context;
    }

    static bool runToEnd(WorkflowJob *job)
    {
        QSignalSpy finished(job, &WorkflowJob::finished);
        job->start();
        return finished.count() == 1 || finished.wait(120000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("changes.sqlite"));
        // Big enough that the seats' memory stands out from the store's own.
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 50000;
        o.servers = 20;
        const LicenseSnapshot first = GlcTest::SnapshotGenerator::generate(o);
        LicenseStore store;
        QVERIFY(!store.open(m_store).isError());
        const auto firstId = store.writeSnapshot(first);
        QVERIFY(firstId.ok());
        const auto secondId = store.writeSnapshot(GlcTest::SnapshotGenerator::weekLater(first));
        QVERIFY(secondId.ok());
        m_firstId = firstId.value;
        m_secondId = secondId.value;
    }

    void shouldStopBetweenItsReadsWhenCancelled()
    {
        // Another choice in the dialog, or the dialog closed: JobRunner::cancel() from the interface thread
        // while the worker reads; the job stops before its second read.
        SnapshotChangesJob job(context());
        QList<std::pair<qint64, qint64>> progress;
        connect(
            &job, &WorkflowJob::progress, &job,
            [&](qint64 done, qint64 total, qint64 seats) {
                progress.append({done, total});
                if (done == 1) {
                    QVERIFY(seats > 50000); // the first snapshot's seats are read
                    JobRunner::cancel(&job);
                }
            },
            Qt::DirectConnection);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Cancelled);
        QCOMPARE(progress, (QList<std::pair<qint64, qint64>>{{0, 2}, {1, 2}}));
        QVERIFY(job.after().isEmpty());
        QVERIFY(job.diff().came.isEmpty() && job.diff().went.isEmpty());
    }

    void shouldFindWhatTheListsGive()
    {
        SnapshotChangesJob job(context());
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QCOMPARE(job.from().id, m_firstId);
        QCOMPARE(job.to().id, m_secondId);

        LicenseStore store;
        QVERIFY(!store.open(m_store).isError());
        const QList<ConsumedLicense> before = store.loadConsumedLicenses(m_firstId).value;
        const QList<ConsumedLicense> after = store.loadConsumedLicenses(m_secondId).value;
        const SnapshotDiff expected = SnapshotDiff::compute(before, after);
        // The week's changes: people gone, newcomers, accounts on a new server.
        QVERIFY(!expected.came.isEmpty());
        QVERIFY(!expected.went.isEmpty());
        QVERIFY(!expected.changedEnvironment.isEmpty());
        QVERIFY(job.diff() == expected);

        // The rows the diff indexes are the stored seats, in the store's order.
        QCOMPARE(job.before().size(), before.size());
        QCOMPARE(job.after().size(), after.size());
        for (int row : expected.came) {
            QCOMPARE(job.after().license(row), after.at(row));
        }
        for (int row : expected.went) {
            QCOMPARE(job.before().license(row), before.at(row));
        }
        for (const SnapshotDiff::Change &change : expected.changedEnvironment) {
            QCOMPARE(job.before().license(change.beforeRow), before.at(change.beforeRow));
            QCOMPARE(job.after().license(change.afterRow), after.at(change.afterRow));
        }
    }

    void shouldNotHoldListsOfTheSeats()
    {
#if defined(__SANITIZE_ADDRESS__)
        // Its allocator keeps freed memory in quarantine and hands it out again: peaks mean nothing there.
        QSKIP("memory peaks are not measurable under AddressSanitizer");
#endif
        double jobMb = 0;
        {
            const GlcTest::MemoryPeak peak;
            if (!peak.isValid()) {
                QSKIP("the kernel's memory high-water mark cannot be restarted here");
            }
            SnapshotChangesJob job(context());
            QVERIFY(runToEnd(&job));
            QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
            jobMb = peak.peakMb();
        }
        LicenseStore store;
        QVERIFY(!store.open(m_store).isError());
        double listMb = 0;
        {
            const GlcTest::MemoryPeak peak;
            const auto list = store.loadConsumedLicenses(m_secondId);
            QVERIFY(list.ok());
            listMb = peak.peakMb();
        }
        qInfo("comparing the snapshots: peak %.1f MB; loading one of them as a list: peak %.1f MB", jobMb, listMb);
        // Lists of both snapshots would take twice what loading one takes; the packed rows and the
        // diff's tables take a fraction of one (about a third).
        QVERIFY2(jobMb < listMb, qPrintable(QStringLiteral("%1 MB against %2 MB").arg(jobMb).arg(listMb)));
    }
};

QTEST_GUILESS_MAIN(SnapshotChangesJobTest)
#include "snapshotchangesjobtest.moc"
