// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Download report as a job: the chosen rows, in order, written atomically in the worker thread.

#include "workflows/reportjob.h"
#include "workflows/jobrunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;
using namespace Qt::StringLiterals;

namespace {
ConsumedLicensesReport threeSeats()
{
    ConsumedLicensesReport report;
    report.totalSeatsConsumed = 3;
    report.totalSeatsPurchased = 10;
    for (const char *login : {"ada", "brian", "=cmd()"}) {
        ConsumedLicense seat;
        seat.githubComLogin = QString::fromLatin1(login);
        seat.githubComUser = true;
        seat.licenseType = QStringLiteral("enterprise");
        report.users.append(seat);
    }
    return report;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class ReportJobTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /// Runs the job the way the console does: in JobRunner's worker thread, results read in this thread
    /// by a slot connected before the start (JobRunner deletes the job after such slots ran).
    static bool runInWorker(JobRunner &runner, ReportJob *job, WorkflowJob::Status *status, QString *error = nullptr,
        QString *nextStep = nullptr, qsizetype *written = nullptr)
    {
        QObject receiver;
        bool done = false;
        QObject::connect(job, &WorkflowJob::finished, &receiver, [=, &done] {
            *status = job->status();
            if (error) {
                *error = job->errorText();
            }
            if (nextStep) {
                *nextStep = job->nextStep();
            }
            if (written) {
                *written = job->seatsWritten();
            }
            done = true;
        });
        runner.start(job);
        return QTest::qWaitFor([&done] { return done; }, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void shouldPickTheFormatFromTheFileName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("json");
        QTest::newRow("csv") << QStringLiteral("/tmp/report.csv") << false;
        QTest::newRow("JSON upper case") << QStringLiteral("/tmp/report.JSON") << true;
        QTest::newRow("no suffix") << QStringLiteral("/tmp/report") << false;
    }

    void shouldPickTheFormatFromTheFileName()
    {
        QFETCH(QString, path);
        QFETCH(bool, json);
        QCOMPARE(ReportJob::formatFor(path) == LicenseReportWriter::Format::Json, json);
    }

    void shouldWriteTheChosenRowsInTheirOrder()
    {
        JobRunner runner;
        const QString path = m_dir.filePath(QStringLiteral("chosen.csv"));
        LicenseReportWriter::Options options;
        options.utf8Bom = true;
        const ConsumedLicensesReport report = threeSeats();
        auto *job = new ReportJob({}, path, report, QList<int>{2, 0}, options);
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        qsizetype written = -1;
        QVERIFY(runInWorker(runner, job, &status, nullptr, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(written, 2);
        ConsumedLicensesReport expected = report;
        expected.users = {report.users.at(2), report.users.at(0)};
        const QByteArray bytes = readAll(path);
        QCOMPARE(bytes, LicenseReportWriter::toCsv(expected, true));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("'=cmd()")); // formula-injection safe, as the writer makes it
    }

    void shouldWriteEverySeatAsJson()
    {
        JobRunner runner;
        const QString path = m_dir.filePath(QStringLiteral("all.json"));
        LicenseReportWriter::Options options;
        options.format = LicenseReportWriter::Format::Json;
        auto *job = new ReportJob({}, path, threeSeats(), std::nullopt, options);
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        qsizetype written = -1;
        QVERIFY(runInWorker(runner, job, &status, nullptr, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(written, 3);
        QCOMPARE(readAll(path), LicenseReportWriter::toJson(threeSeats()));
    }

    void shouldWriteFromCompactRows()
    {
        // The console's way: the model's compact rows, rebuilt into seats in the worker thread.
        JobRunner runner;
        const ConsumedLicensesReport report = threeSeats();
        CompactLicenseRows compact;
        for (const ConsumedLicense &seat : report.users) {
            compact.append(seat);
        }
        ConsumedLicensesReport totals = report;
        totals.users.clear();
        LicenseReportWriter::Options options;

        const QString chosen = m_dir.filePath(QStringLiteral("compact-chosen.csv"));
        auto *job = new ReportJob({}, chosen, totals, compact, QList<int>{2, 0, 7}, options);
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        qsizetype written = -1;
        QVERIFY(runInWorker(runner, job, &status, nullptr, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(written, 2); // row 7 does not exist
        ConsumedLicensesReport expected = report;
        expected.users = {report.users.at(2), report.users.at(0)};
        QCOMPARE(readAll(chosen), LicenseReportWriter::toCsv(expected, false));

        const QString all = m_dir.filePath(QStringLiteral("compact-all.csv"));
        job = new ReportJob({}, all, totals, compact, std::nullopt, options);
        QVERIFY(runInWorker(runner, job, &status, nullptr, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(written, 3);
        QCOMPARE(readAll(all), LicenseReportWriter::toCsv(report, false));
    }

    void shouldWriteAnEmptyReportWhenAFilterKeepsNothing()
    {
        JobRunner runner;
        const QString path = m_dir.filePath(QStringLiteral("none.csv"));
        auto *job = new ReportJob({}, path, threeSeats(), QList<int>{}, {});
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        qsizetype written = -1;
        QVERIFY(runInWorker(runner, job, &status, nullptr, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(written, 0);
        ConsumedLicensesReport empty = threeSeats();
        empty.users.clear();
        QCOMPARE(readAll(path), LicenseReportWriter::toCsv(empty));
    }

    void shouldReportProgressAndKeepTheOldFileWhenCancelled()
    {
        JobRunner runner;
        const ConsumedLicensesReport seats = threeSeats();
        CompactLicenseRows compact;
        const qsizetype count = 3 * ReportJob::ProgressInterval;
        for (qsizetype n = 0; n < count; ++n) {
            compact.append(seats.users.at(n % 3));
        }
        ConsumedLicensesReport totals = seats;
        totals.users.clear();

        // Written whole: progress from 0 to every row, the seats written as the last count.
        const QString whole = m_dir.filePath(QStringLiteral("progress.csv"));
        auto *job = new ReportJob({}, whole, totals, compact, std::nullopt, {});
        QList<qint64> done;
        qint64 total = -1;
        qint64 items = -1;
        // In the worker thread, as the job emits it; read here after finished() (queued) came.
        connect(
            job, &WorkflowJob::progress, job,
            [&](qint64 d, qint64 t, qint64 i) {
                done.append(d);
                total = t;
                items = i;
            },
            Qt::DirectConnection);
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        QVERIFY(runInWorker(runner, job, &status));
        QCOMPARE(status, WorkflowJob::Status::Succeeded);
        QCOMPARE(total, count);
        QCOMPARE(items, count);
        QCOMPARE(done, (QList<qint64>{0, ReportJob::ProgressInterval, 2 * ReportJob::ProgressInterval, count}));
        QCOMPARE(readAll(whole).count("\r\n"), count + 1); // the header and every seat

        // Cancelled at the first progress after the start: the file that was there is left as it was, and no
        // half-written file is left beside it.
        const QString kept = m_dir.filePath(QStringLiteral("kept/report.csv"));
        QVERIFY(QDir().mkpath(QFileInfo(kept).path()));
        {
            QFile old(kept);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the report from last week\n");
        }
        job = new ReportJob({}, kept, totals, compact, std::nullopt, {});
        connect(
            job, &WorkflowJob::progress, job,
            [job](qint64 d) {
                if (d > 0) {
                    job->requestCancel();
                }
            },
            Qt::DirectConnection);
        qsizetype written = -1;
        QString error;
        QVERIFY(runInWorker(runner, job, &status, &error, nullptr, &written));
        QCOMPARE(status, WorkflowJob::Status::Cancelled);
        QCOMPARE(written, 0);
        QCOMPARE(readAll(kept), QByteArray("the report from last week\n"));
        QCOMPARE(QDir(QFileInfo(kept).path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"report.csv"_s});
    }

    void shouldNotBeginWhenCancelledBeforeItsTurn()
    {
        // Cancelled while it waited for the worker thread: no file at all, even for a report too small to check.
        JobRunner runner;
        const QString path = m_dir.filePath(QStringLiteral("never.csv"));
        auto *job = new ReportJob({}, path, threeSeats(), std::nullopt, {});
        job->requestCancel();
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        QVERIFY(runInWorker(runner, job, &status));
        QCOMPARE(status, WorkflowJob::Status::Cancelled);
        QVERIFY(!QFile::exists(path));
    }

    void shouldFailWithTheNextStepAndLeaveNothingBehind()
    {
        JobRunner runner;
        const QString path = m_dir.filePath(QStringLiteral("missing-folder/report.csv"));
        auto *job = new ReportJob({}, path, threeSeats(), std::nullopt, {});
        WorkflowJob::Status status = WorkflowJob::Status::NotStarted;
        QString error;
        QString nextStep;
        QVERIFY(runInWorker(runner, job, &status, &error, &nextStep));
        QCOMPARE(status, WorkflowJob::Status::Failed);
        QVERIFY(!error.isEmpty());
        QCOMPARE(nextStep, QStringLiteral("Choose a folder you can write to."));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(ReportJobTest)
#include "reportjobtest.moc"
