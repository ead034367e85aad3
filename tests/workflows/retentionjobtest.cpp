// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Snapshot retention: the setting as stored, applied when it changes and after every refresh.
#include "workflows/retentionjob.h"
#include "lab/licenselab.h"
#include "snapshotgenerator.h"
#include "storage/licensestore.h"
#include "storedhistory.h"
#include "workflows/jobrunner.h"
#include "workflows/labhost.h"
#include "workflows/refreshjob.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Glc;

class RetentionJobTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    WorkflowContext storeOnlyContext() const
    {
        WorkflowContext context;
        context.storeLocation =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".sqlite"));
        return context;
    }

    static bool runToEnd(WorkflowJob *job)
    {
        QSignalSpy finished(job, &WorkflowJob::finished);
        job->start();
        return finished.count() == 1 || finished.wait(60000);
    }

    /// Snapshots of `connection` taken `daysAgo` days back (one each), written straight to the store.
    static void addSnapshots(const QString &location, const Connection &connection, const QList<int> &daysAgo)
    {
        QList<StoredHistory::Entry> entries;
        for (int days : daysAgo) {
            entries.append({days, {}, 10});
        }
        QCOMPARE(StoredHistory::write(location, connection, entries).size(), daysAgo.size());
    }

    static Connection cloud(const QString &id)
    {
        Connection connection;
        connection.kind = Connection::Kind::Cloud;
        connection.id = id;
        connection.name = id;
        connection.enterpriseSlug = id;
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void shouldReadNoLimitWhenNeverSet()
    {
        RetentionJob job(storeOnlyContext());
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QCOMPARE(job.policy().keepNewest, 0);
        QCOMPARE(job.policy().maxAgeDays, 0);
        QCOMPARE(job.removedSnapshots(), 0);
    }

    void shouldStoreThePolicyAndApplyItToEveryConnectionAtOnce()
    {
        const WorkflowContext context = storeOnlyContext();
        addSnapshots(context.storeLocation, cloud(QStringLiteral("a")), {40, 30, 20, 10, 1});
        addSnapshots(context.storeLocation, cloud(QStringLiteral("b")), {400, 2});
        RetentionPolicy policy;
        policy.keepNewest = 3;
        policy.maxAgeDays = 25;
        RetentionJob change(context, policy);
        QVERIFY(runToEnd(&change));
        QCOMPARE(change.status(), WorkflowJob::Status::Succeeded);
        // a: 40 and 30 days are beyond the count of 3 and 40/30 also too old; b: 400 days is too old.
        QCOMPARE(change.removedSnapshots(), 3);

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.snapshots(QStringLiteral("a")).value.size(), 3);
        QCOMPARE(store.snapshots(QStringLiteral("b")).value.size(), 1);

        RetentionJob read(context);
        QVERIFY(runToEnd(&read));
        QCOMPARE(read.policy().keepNewest, 3);
        QCOMPARE(read.policy().maxAgeDays, 25);
        // What is stored, for the dialog: each connection's snapshots, oldest first, and the size on disk.
        QCOMPARE(read.storedSnapshots().size(), 2);
        QList<qsizetype> counts;
        for (const QList<SnapshotSummary> &connection : read.storedSnapshots()) {
            counts.append(connection.size());
            QVERIFY(connection.size() == 1 || connection.constFirst().takenAt < connection.constLast().takenAt);
        }
        std::sort(counts.begin(), counts.end());
        QCOMPARE(counts, (QList<qsizetype>{1, 3}));
        QCOMPARE(read.databaseBytes(),
            QFileInfo(context.storeLocation).size() + QFileInfo(context.storeLocation + QStringLiteral("-wal")).size());
        QVERIFY(read.databaseBytes() > 0);

        // Back to no limit: nothing more goes.
        RetentionJob unlimited(context, RetentionPolicy{});
        QVERIFY(runToEnd(&unlimited));
        QCOMPARE(unlimited.removedSnapshots(), 0);
        QCOMPARE(store.snapshots(QStringLiteral("a")).value.size(), 3);
    }

    void shouldKeepTheNewestSnapshotWhateverItsAge()
    {
        const WorkflowContext context = storeOnlyContext();
        addSnapshots(context.storeLocation, cloud(QStringLiteral("old")), {500, 400});
        RetentionPolicy policy;
        policy.maxAgeDays = 7;
        RetentionJob change(context, policy);
        QVERIFY(runToEnd(&change));
        QCOMPARE(change.removedSnapshots(), 1);
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto left = store.snapshots(QStringLiteral("old"));
        QCOMPARE(left.value.size(), 1);
        QVERIFY(left.value.constFirst().takenAt > QDateTime::currentDateTimeUtc().addDays(-401));
    }

    void shouldReportProgressAndStopBetweenSnapshotsWhenCancelled()
    {
        WorkflowContext context = storeOnlyContext();
        addSnapshots(context.storeLocation, cloud(QStringLiteral("a")), {50, 40, 30, 20, 10, 0});
        RetentionJob job(context, RetentionPolicy{1, 0});
        QList<std::pair<qint64, qint64>> progress;
        // Cancelled from elsewhere once two are gone: JobRunner::cancel() as the dialog's Cancel does.
        connect(
            &job, &WorkflowJob::progress, &job,
            [&](qint64 done, qint64 total) {
                progress.append({done, total});
                if (done == 2) {
                    JobRunner::cancel(&job);
                }
            },
            Qt::DirectConnection);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Cancelled);
        QCOMPARE(job.removedSnapshots(), 2);
        QCOMPARE(progress, (QList<std::pair<qint64, qint64>>{{0, 5}, {1, 5}, {2, 5}}));
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.retentionPolicy().value.keepNewest, 1); // stored before removing
        const auto left = store.snapshots(QStringLiteral("a")).value;
        QCOMPARE(left.size(), 4); // the two oldest went, each whole
        QVERIFY(left.constFirst().takenAt > QDateTime::currentDateTimeUtc().addDays(-31));
        // The next refresh (or change) removes the rest.
        QCOMPARE(
            store.applyRetention(QStringLiteral("a"), RetentionPolicy{1, 0}, QDateTime::currentDateTimeUtc()).value, 3);
    }

    void shouldCompactAfterRemovingAndLeaveTheFileAsItWasWhenCancelled()
    {
        const WorkflowContext context = storeOnlyContext();
        GlcTest::SnapshotGeneratorOptions options;
        options.users = 2000;
        const QList<ConsumedLicense> seats = GlcTest::SnapshotGenerator::generate(options).licenses.users;
        QList<StoredHistory::Entry> entries;
        for (int days : {30, 20, 10, 0}) {
            entries.append({days, seats, 2500});
        }
        QCOMPARE(StoredHistory::write(context.storeLocation, cloud(QStringLiteral("a")), entries).size(), 4);

        // Cancelled as compacting begins: the snapshots removed before stay removed, the file as it was.
        RetentionJob cancelled(context, RetentionPolicy{1, 0}, RetentionJob::Compact::Yes);
        QList<int> stages;
        connect(
            &cancelled, &WorkflowJob::stageChanged, &cancelled,
            [&](int stage) {
                stages.append(stage);
                if (stage == RetentionJob::Compacting) {
                    JobRunner::cancel(&cancelled);
                }
            },
            Qt::DirectConnection);
        QVERIFY(runToEnd(&cancelled));
        QCOMPARE(cancelled.status(), WorkflowJob::Status::Cancelled);
        QVERIFY(cancelled.compactingCancelled());
        QCOMPARE(stages, (QList<int>{RetentionJob::Removing, RetentionJob::Compacting}));
        QCOMPARE(cancelled.removedSnapshots(), 3);
        QCOMPARE(cancelled.freedBytes(), 0);
        qint64 unused = 0;
        {
            LicenseStore store;
            QVERIFY(!store.open(context.storeLocation).isError());
            unused = store.unusedSize().value;
            QVERIFY(unused > 0);
            QCOMPARE(store.snapshots(QStringLiteral("a")).value.size(), 1);
        }

        // Again, to the end: what removed snapshots left is given back.
        RetentionJob read(context);
        QVERIFY(runToEnd(&read));
        QCOMPARE(read.unusedBytes(), unused);
        RetentionJob compacting(context, RetentionPolicy{1, 0}, RetentionJob::Compact::Yes);
        QVERIFY(runToEnd(&compacting));
        QCOMPARE(compacting.status(), WorkflowJob::Status::Succeeded);
        QVERIFY(!compacting.compactingCancelled());
        QCOMPARE(compacting.removedSnapshots(), 0);
        QVERIFY2(compacting.freedBytes() >= unused, qPrintable(QString::number(compacting.freedBytes())));
        RetentionJob after(context);
        QVERIFY(runToEnd(&after));
        QCOMPARE(after.unusedBytes(), 0);
        QCOMPARE(after.databaseBytes(), read.databaseBytes() - compacting.freedBytes());
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto left = store.snapshots(QStringLiteral("a")).value;
        QCOMPARE(left.size(), 1);
        QCOMPARE(store.loadConsumedLicenses(left.constFirst().id).value, seats);
    }

    void shouldApplyTheSettingAfterEveryRefresh()
    {
        LabHost lab;
        LabConfig config;
        config.users = 30;
        config.servers = 1;
        QString error;
        QVERIFY2(lab.start(config, &error), qPrintable(error));
        WorkflowContext context = storeOnlyContext();
        context.connection = lab.connection();
        context.connection.id = QStringLiteral("lab-retention");
        context.token = lab.token();
        context.labActions = true;

        RetentionPolicy policy;
        policy.keepNewest = 2;
        RetentionJob change(context, policy);
        QVERIFY(runToEnd(&change));
        for (int i = 0; i < 3; ++i) {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
            QCOMPARE(refresh.status(), WorkflowJob::Status::Succeeded);
            QCOMPARE(refresh.removedByRetention(), i < 2 ? 0 : 1);
            QCOMPARE(refresh.notes().size(), i < 2 ? 0 : 1);
            QVERIFY(i < 2 || refresh.notes().constFirst().contains(QLatin1String("removed 1 older snapshot")));
        }
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.snapshots(context.connection.id).value.size(), 2);

        // A store that refuses to remove: the new snapshot stands, and the refresh says why the old ones stay.
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER keep_snapshots BEFORE DELETE ON snapshots"
                                          " BEGIN SELECT RAISE(ABORT, 'snapshots are kept by policy'); END")));
        }
        RefreshJob refused(context);
        QVERIFY(runToEnd(&refused));
        QCOMPARE(refused.status(), WorkflowJob::Status::Succeeded);
        QCOMPARE(refused.removedByRetention(), 0);
        QCOMPARE(refused.notes().size(), 1);
        QVERIFY2(refused.notes().constFirst().contains(QLatin1String("could not be removed")) &&
                refused.notes().constFirst().contains(QLatin1String("snapshots are kept by policy")),
            qPrintable(refused.notes().constFirst()));
        QCOMPARE(store.snapshots(context.connection.id).value.size(), 3);
    }

    void shouldFailClearlyWhenTheStoreCannotBeOpened()
    {
        WorkflowContext context;
        context.storeLocation = m_dir.filePath(QStringLiteral("missing-folder/and/more/store.sqlite"));
        QFile blocker(m_dir.filePath(QStringLiteral("missing-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        RetentionJob job(context, RetentionPolicy{1, 0});
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY(!job.errorText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(RetentionJobTest)
#include "retentionjobtest.moc"
