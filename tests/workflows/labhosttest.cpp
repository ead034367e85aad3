// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The lab started without blocking its caller, and the License page's data read from the store
// while the lab is not there yet.

#include "workflows/labhost.h"
#include "lab/licenselab.h"
#include "storage/licensestore.h"
#include "workflows/pagedatajob.h"
#include "workflows/refreshjob.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;

namespace {
LabConfig smallLab(int users = 300)
{
    LabConfig config;
    config.users = users;
    config.servers = 3;
    config.serverOnlyShare = 0.1;
    config.mismatchedEmailShare = 0.2;
    return config;
}

bool runToEnd(WorkflowJob *job)
{
    QSignalSpy finished(job, &WorkflowJob::finished);
    job->start();
    return finished.count() == 1 || finished.wait(60000);
}
} // namespace

class LabHostTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void shouldStartWithoutBlockingTheCaller()
    {
        LabHost host;
        QSignalSpy started(&host, &LabHost::started);
        QSignalSpy failed(&host, &LabHost::failed);
        host.startAsync(smallLab(5000));
        // The outcome comes back queued: whatever the lab thread did meanwhile, the caller sees a start.
        QCOMPARE(host.state(), LabHost::State::Starting);
        QVERIFY(host.isStarting());
        QVERIFY(!host.isRunning());
        QVERIFY(host.url().isEmpty());
        QVERIFY(started.wait(60000));
        QCOMPARE(started.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(host.state(), LabHost::State::Running);
        QVERIFY(host.url().isValid());
        QVERIFY(!host.token().isEmpty());
        QCOMPARE(host.connection().restBase(), host.url());
        int members = 0;
        host.runInLab(
            [&members](LicenseLab *lab) { members = lab->enterprise().consumedLicenses().totalSeatsConsumed; });
        QVERIFY(members >= 5000);
    }

    void shouldRunInTheLabOnceItStarted()
    {
        LabHost host;
        QSignalSpy started(&host, &LabHost::started);
        host.startAsync(smallLab(3000));
        // Waits behind the generation in the lab's thread instead of finding no lab.
        int members = 0;
        host.runInLab(
            [&members](LicenseLab *lab) { members = lab->enterprise().consumedLicenses().totalSeatsConsumed; });
        QVERIFY(members >= 3000);
        QVERIFY(started.wait(60000));
    }

    void shouldReportAFailedStart()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        LabConfig config = smallLab();
        config.port = taken.serverPort();
        LabHost host;
        QSignalSpy started(&host, &LabHost::started);
        QSignalSpy failed(&host, &LabHost::failed);
        host.startAsync(config);
        QVERIFY(failed.wait(60000));
        QCOMPARE(started.count(), 0);
        QCOMPARE(host.state(), LabHost::State::Failed);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QCOMPARE(host.errorText(), failed.first().first().toString());
        QVERIFY(host.url().isEmpty());

        // The blocking start says the same.
        QString error;
        QVERIFY(!host.start(config, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(host.state(), LabHost::State::Failed);
    }

    void shouldForgetAStartThatWasStopped()
    {
        LabHost host;
        QSignalSpy started(&host, &LabHost::started);
        QSignalSpy failed(&host, &LabHost::failed);
        host.startAsync(smallLab(2000));
        host.stop(); // waits for the generation, then drops the lab
        QCoreApplication::processEvents(); // the outcome already posted must not count
        QCOMPARE(started.count(), 0);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(host.state(), LabHost::State::Stopped);
        bool ran = false;
        host.runInLab([&ran](LicenseLab *) { ran = true; });
        QVERIFY(!ran);

        // And it can start again.
        host.startAsync(smallLab(100));
        QVERIFY(started.wait(60000));
        QVERIFY(host.isRunning());
    }

    void shouldForgetTheClockOfALabThatWasStopped()
    {
        LabHost host;
        QString error;
        QVERIFY2(host.start(smallLab(50), &error), qPrintable(error));
        host.runInLab([](LicenseLab *lab) { lab->advanceClock(std::chrono::days(3)); });
        QTRY_COMPARE(host.clockOffsetSeconds(), qint64(3 * 24 * 3600));
        // A move announced just before the lab stops arrives after it: it must not stick.
        host.runInLab([](LicenseLab *lab) { lab->advanceClock(std::chrono::days(4)); });
        host.stop();
        QCoreApplication::processEvents();
        QCOMPARE(host.clockOffsetSeconds(), qint64(0));
        // A new lab starts on this machine's clock and reports its own moves.
        QVERIFY2(host.start(smallLab(50), &error), qPrintable(error));
        QCOMPARE(host.clockOffsetSeconds(), qint64(0));
        host.runInLab([](LicenseLab *lab) { lab->advanceClock(std::chrono::days(1)); });
        QTRY_COMPARE(host.clockOffsetSeconds(), qint64(24 * 3600));
    }

    void shouldLoadThePageDataWithoutTheLab()
    {
        const QString store = m_dir.filePath(QStringLiteral("page.sqlite"));
        {
            LabHost host;
            QVERIFY(host.start(smallLab(800)));
            WorkflowContext context;
            context.connection = host.connection();
            context.connection.id = QStringLiteral("lab");
            context.token = host.token();
            context.storeLocation = store;
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
            QCOMPARE(refresh.status(), WorkflowJob::Status::Succeeded);
        }
        // No lab any more: the page data needs only the store and the connection's id.
        WorkflowContext context;
        context.connection.id = QStringLiteral("lab");
        context.storeLocation = store;
        PageDataJob job(context);
        CompactLicenseRows early;
        bool finishedBeforeRows = false;
        // Direct: the rows come from the job's helper thread, which the job waits for.
        connect(
            &job, &PageDataJob::rowsReady, &job,
            [&](const CompactLicenseRows &rows) {
                early = rows;
                finishedBeforeRows = job.isFinished();
            },
            Qt::DirectConnection);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        const PageData &data = job.data();
        QVERIFY(data.hasSnapshot);
        // The table's rows came first, the very rows the page data holds (shared, not copied).
        QVERIFY(!finishedBeforeRows);
        QVERIFY(early.isSharedWith(data.rows));
        QCOMPARE(early.size(), data.rows.size());
        // No list of the seats besides the packed rows.
        QVERIFY(data.snapshot.licenses.users.isEmpty());
        QCOMPARE(data.history.size(), 1);

        LicenseStore db;
        QVERIFY(!db.open(store).isError());
        const auto stored = db.loadConsumedLicenses(data.snapshot.id);
        QVERIFY(stored.ok());
        QList<ConsumedLicense> users;
        for (qsizetype row = 0; row < data.rows.size(); ++row) {
            users.append(data.rows.license(row));
        }
        QCOMPARE(users.size(), stored.value.size());
        // Sorted by login as the table shows it first, the server-only seats (no login) last, stable for equal
        // logins.
        QList<ConsumedLicense> expected = stored.value;
        std::stable_sort(expected.begin(), expected.end(), [](const ConsumedLicense &a, const ConsumedLicense &b) {
            if (a.githubComLogin.isEmpty() != b.githubComLogin.isEmpty()) {
                return b.githubComLogin.isEmpty();
            }
            return a.githubComLogin.compare(b.githubComLogin, Qt::CaseInsensitive) < 0;
        });
        QVERIFY(users.first().githubComLogin.size() > 0 && users.last().githubComLogin.isEmpty());
        QCOMPARE(users, expected);

        QStringList types;
        for (const ConsumedLicense &user : users) {
            if (!types.contains(user.licenseType)) {
                types.append(user.licenseType);
            }
        }
        QCOMPARE(data.licenseTypes, types);

        // The analysis indexes the sorted rows; both rows of each pair are listed.
        QVERIFY(!data.countedTwice.pairs.isEmpty());
        QCOMPARE(data.countedTwiceRows.size(), data.countedTwice.pairs.size() * 2);
        for (const CountedTwicePair &pair : data.countedTwice.pairs) {
            QVERIFY(users.at(pair.serverRow).isServerOnly());
            QVERIFY(!users.at(pair.cloudRow).githubComLogin.isEmpty());
            QVERIFY(data.countedTwiceRows.contains(pair.serverRow));
            QVERIFY(data.countedTwiceRows.contains(pair.cloudRow));
        }
    }

    void shouldLoadNothingForAConnectionWithoutSnapshots()
    {
        WorkflowContext context;
        context.connection.id = QStringLiteral("nothing-here");
        context.storeLocation = m_dir.filePath(QStringLiteral("empty.sqlite"));
        PageDataJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QVERIFY(!job.data().hasSnapshot);
        QVERIFY(job.data().rows.isEmpty());
        QVERIFY(job.data().countedTwiceRows.isEmpty());
    }
};

QTEST_GUILESS_MAIN(LabHostTest)
#include "labhosttest.moc"
