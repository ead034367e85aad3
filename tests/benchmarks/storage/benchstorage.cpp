// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
//
// glc-bench-storage: the storage, model and judgement figures of the README, on SQLite and on a
// private PostgreSQL server, side by side. Not a test: run it on a release build.
//
//   glc-bench-storage [--users 300000] [--servers 20] [--no-postgres]
//   glc-bench-storage --weeks 52 [--users 300000] [--servers 20] [--no-postgres]
//
// With --weeks: a year of weekly refreshes instead, each server's user accounts stored as a refresh
// stores them: the database's size, each week's write, the page's load, history and retention then.

#include "licensing/countedtwice.h"
#include "licensing/organizationbreakdown.h"
#include "licensing/snapshotdiff.h"
#include "memorypeak.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"
#include "postgresharness.h"
#include "snapshotgenerator.h"
#include "storage/licensestore.h"
#include "workflows/pagedatajob.h"
#include "workflows/snapshotchangesjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Glc;

namespace {
/// One column per backend: a header, then one line per measure, then each backend's error.
template<typename F>
class Table
{
public:
    Table(const QList<F> &all, int labelWidth, const QString &title)
        : m_all(all)
        , m_labelWidth(labelWidth)
    {
        std::printf("\n%-*s", m_labelWidth, qPrintable(title));
        for (const F &f : m_all) {
            std::printf("%16s", qPrintable(f.backend));
        }
        std::printf("\n");
    }
    template<typename Get>
    void line(const char *label, Get get, const char *format) const
    {
        std::printf("%-*s", m_labelWidth, label);
        for (const F &f : m_all) {
            std::printf(format, get(f));
        }
        std::printf("\n");
    }
    void errors() const
    {
        for (const F &f : m_all) {
            if (!f.error.isEmpty()) {
                std::printf("%s: %s\n", qPrintable(f.backend), qPrintable(f.error));
            }
        }
    }

private:
    const QList<F> &m_all;
    const int m_labelWidth;
};

struct Figures
{
    QString backend;
    double writeRowsPerSecond = 0;
    double readRowsPerSecond = 0;
    double modelRowsPerSecond = 0;
    double loadTotalRowsPerSecond = 0;
    double filterMedianMs = 0;
    double filterMaxMs = 0;
    int filterMatches = 0;
    double sortedFilterMedianMs = 0;
    double sortMs = 0;
    double rebuildMs = 0;
    double countedTwiceMs = 0;
    int pairs = 0;
    double diffMs = 0;
    double diffPackedMs = 0;
    double modelRssMb = 0;
    double recordsMb = 0;
    double peakRssMb = 0;
    double packListRowsPerSecond = 0;
    double countedTwiceListMs = 0;
    double organizationsMs = 0;
    double organizationFilterMs = 0;
    double pageDataMs = 0;
    double pagePeakRssMb = 0;
    double pageRssMb = 0;
    double changesListMs = 0;
    double changesListPeakMb = 0;
    double changesMs = 0;
    double changesPeakMb = 0;
    int changesCame = 0;
    int changesWent = 0;
    int changesChanged = 0;
    QString error;
};

Figures run(const QString &backend, const QString &location, const LicenseSnapshot &snapshot)
{
    Figures fig;
    fig.backend = backend;
    const double rows = double(snapshot.licenses.users.size());
    qint64 id = 0;
    {
        LicenseStore store;
        if (auto e = store.open(location); e) {
            fig.error = e.message + QLatin1Char(' ') + e.detail;
            return fig;
        }
        QElapsedTimer t;
        t.start();
        const auto written = store.writeSnapshot(snapshot);
        const double s = t.nsecsElapsed() / 1e9;
        if (!written.ok()) {
            fig.error = written.error.message;
            return fig;
        }
        id = written.value;
        fig.writeRowsPerSecond = rows / s;
    }
    LicenseStore store;
    store.open(location);
    // The peak of the load and what the model keeps.
    const GlcTest::MemoryPeak memory;
    QElapsedTimer t;
    t.start();
    // What the License page does: the rows packed as they are read, no list of them.
    auto loaded = store.loadCompactLicenses(id);
    const double readSeconds = t.nsecsElapsed() / 1e9;
    if (!loaded.ok() || loaded.value.size() != qsizetype(rows)) {
        fig.error = QStringLiteral("loading the rows failed: ") + loaded.error.message;
        return fig;
    }
    ConsumedLicensesModel model;
    ConsumedLicensesFilterModel proxy;
    proxy.setSourceModel(&model);
    t.restart();
    model.setRows(loaded.value);
    const double modelSeconds = t.nsecsElapsed() / 1e9;
    // The model shares the same buffers; this releases nothing but the second handle.
    loaded.value = CompactLicenseRows();
    fig.peakRssMb = memory.peakMb();
    fig.readRowsPerSecond = rows / readSeconds;
    fig.modelRowsPerSecond = rows / modelSeconds;
    fig.loadTotalRowsPerSecond = rows / (readSeconds + modelSeconds);
    // Without the allocator's free lists (QVariants of the read): what the loaded model keeps.
    fig.modelRssMb = memory.keptMb();
    fig.recordsMb = model.rows().recordBytes() / 1048576.0;
    {
        // Packing rows a caller holds as a list (a fresh refresh; the figure this benchmark
        // reported as the model load before the store packed while reading).
        ConsumedLicensesModel fromList;
        t.restart();
        fromList.setLicenses(snapshot.licenses.users);
        fig.packListRowsPerSecond = rows / (t.nsecsElapsed() / 1e9);
    }

    // Typing a search and deleting it again, one keystroke at a time.
    const QString typed = QStringLiteral("zh.user2345@");
    QList<double> times;
    int matches = 0;
    auto keystroke = [&](const QString &text) {
        QElapsedTimer k;
        k.start();
        proxy.setSearchText(text);
        // A view asks for the rows right away; the proxy filters lazily until then.
        matches = proxy.rowCount();
        times.append(k.nsecsElapsed() / 1e6);
    };
    auto typeAndDelete = [&] {
        times.clear();
        for (int i = 1; i <= typed.size(); ++i) {
            keystroke(typed.left(i));
        }
        for (int i = int(typed.size()) - 1; i >= 0; --i) {
            keystroke(typed.left(i));
        }
        Q_ASSERT(matches == int(rows));
        std::sort(times.begin(), times.end());
    };
    typeAndDelete();
    proxy.setSearchText(typed);
    fig.filterMatches = proxy.rowCount();
    proxy.setSearchText(QString());
    fig.filterMedianMs = times.at(times.size() / 2);
    fig.filterMaxMs = times.constLast();

    // The License page sorts by login: the proxy then sorts the matching rows on every keystroke.
    t.restart();
    proxy.sort(ConsumedLicensesModel::LoginColumn, Qt::AscendingOrder);
    fig.sortMs = t.nsecsElapsed() / 1e6;
    typeAndDelete();
    fig.sortedFilterMedianMs = times.at(times.size() / 2);
    proxy.sort(-1);

    // The console analyses the packed rows it loaded (PageDataJob), the command line a list.
    t.restart();
    const auto result = CountedTwiceAnalyzer::analyze(model.rows());
    fig.countedTwiceMs = t.nsecsElapsed() / 1e6;
    fig.pairs = int(result.pairs.size());
    // Rebuilding every row from the compact model, timed on its own.
    t.restart();
    fig.rebuildMs = model.licenses().size() == qsizetype(rows) ? t.nsecsElapsed() / 1e6 : -1;
    const QList<ConsumedLicense> seats = store.loadConsumedLicenses(id).value;
    t.restart();
    const auto fromList = CountedTwiceAnalyzer::analyze(seats);
    fig.countedTwiceListMs = t.nsecsElapsed() / 1e6;
    if (fromList.pairs.size() != result.pairs.size() || fromList.unexpected.size() != result.unexpected.size()) {
        fig.error = QStringLiteral("the analysis of the packed rows differs from the list's");
    }
    {
        // Seats by Organization (PageDataJob, beside the people) and the table's organization filter.
        t.restart();
        const OrganizationBreakdown organizations = OrganizationBreakdown::compute(model.rows());
        fig.organizationsMs = t.nsecsElapsed() / 1e6;
        if (organizations.organizations != OrganizationBreakdown::compute(seats).organizations) {
            fig.error = QStringLiteral("the organizations of the packed rows differ from the list's");
        } else if (!organizations.organizations.isEmpty()) {
            t.restart();
            proxy.setOrganization(organizations.organizations.constFirst().name);
            const int shown = proxy.rowCount(); // the proxy maps its rows when asked
            fig.organizationFilterMs = t.nsecsElapsed() / 1e6;
            if (shown !=
                organizations.organizations.constFirst().members +
                    organizations.organizations.constFirst().pendingInvites) {
                fig.organizationFilterMs = -1;
            }
            proxy.setOrganization({});
        }
    }
    {
        // Two snapshots of the same people, one in reverse order: every person matched by identity.
        const QList<ConsumedLicense> reversed(seats.crbegin(), seats.crend());
        t.restart();
        const SnapshotDiff diff = SnapshotDiff::compute(seats, reversed);
        fig.diffMs = diff.came.isEmpty() && diff.went.isEmpty() ? t.nsecsElapsed() / 1e6 : -1;
        // The same over packed rows (the model's are in the store's order, like `seats`).
        CompactLicenseRows reversedRows;
        reversedRows.reserve(reversed.size());
        for (const ConsumedLicense &seat : reversed) {
            reversedRows.append(seat);
        }
        reversedRows.squeeze();
        t.restart();
        const SnapshotDiff packedDiff = SnapshotDiff::compute(model.rows(), reversedRows);
        fig.diffPackedMs = t.nsecsElapsed() / 1e6;
        if (!(packedDiff == diff)) {
            fig.error = QStringLiteral("the snapshot diff of the packed rows differs from the lists'");
        }
    }
    return fig;
}

/// One PageDataJob over the store, as the console runs it at start (the rows packed as read and sorted
/// by login in a helper thread, the servers, the counted-twice analysis): its time. `whileAlive` runs
/// before the job and what it holds go.
double pageDataMs(
    const QString &location, const QString &connectionId, QString *error, const std::function<void()> &whileAlive = {})
{
    WorkflowContext context;
    context.connection.id = connectionId;
    context.storeLocation = location;
    QElapsedTimer t;
    t.start();
    PageDataJob job(context);
    job.start();
    const double ms = t.nsecsElapsed() / 1e6;
    if (job.status() != WorkflowJob::Status::Succeeded || job.data().rows.isEmpty()) {
        *error = QStringLiteral("the page data job failed: ") + job.errorText();
    }
    if (whileAlive) {
        whileAlive();
    }
    return ms;
}

/// The License page's whole load on its own: its time, and peak and kept memory against the process
/// before it.
void runPageData(Figures &fig, const QString &location, const QString &connectionId)
{
    const GlcTest::MemoryPeak memory;
    fig.pageDataMs = pageDataMs(location, connectionId, &fig.error, [&] {
        fig.pagePeakRssMb = memory.peakMb();
        fig.pageRssMb = memory.keptMb();
    });
}

/// Compare Snapshots and `ghe-license changes`: the snapshot and the same enterprise a week later,
/// both read from the store and compared, as lists (how the job did it) and packed as read (the
/// SnapshotChangesJob now), each with its peak against the process before it.
void runChanges(Figures &fig, const QString &location, const LicenseSnapshot &snapshot)
{
    qint64 firstId = 0;
    qint64 secondId = 0;
    {
        LicenseStore store;
        store.open(location);
        const auto snapshots = store.snapshots(snapshot.connectionId);
        const auto written = store.writeSnapshot(GlcTest::SnapshotGenerator::weekLater(snapshot));
        if (!snapshots.ok() || snapshots.value.isEmpty() || !written.ok()) {
            fig.error = QStringLiteral("writing the second snapshot failed: ") + written.error.message;
            return;
        }
        firstId = snapshots.value.constLast().id;
        secondId = written.value;
    }
    SnapshotDiff fromLists;
    {
        LicenseStore store;
        store.open(location);
        const GlcTest::MemoryPeak memory;
        QElapsedTimer t;
        t.start();
        const QList<ConsumedLicense> before = store.loadConsumedLicenses(firstId).value;
        const QList<ConsumedLicense> after = store.loadConsumedLicenses(secondId).value;
        fromLists = SnapshotDiff::compute(before, after);
        fig.changesListMs = t.nsecsElapsed() / 1e6;
        fig.changesListPeakMb = memory.peakMb();
    }
    {
        const GlcTest::MemoryPeak memory;
        WorkflowContext context;
        context.connection.id = snapshot.connectionId;
        context.storeLocation = location;
        QElapsedTimer t;
        t.start();
        SnapshotChangesJob job(context, firstId, secondId);
        job.start();
        fig.changesMs = t.nsecsElapsed() / 1e6;
        fig.changesPeakMb = memory.peakMb();
        if (job.status() != WorkflowJob::Status::Succeeded) {
            fig.error = QStringLiteral("the snapshot changes job failed: ") + job.errorText();
        } else if (!(job.diff() == fromLists)) {
            fig.error = QStringLiteral("the packed snapshot diff differs from the lists'");
        }
        fig.changesCame = int(job.diff().came.size());
        fig.changesWent = int(job.diff().went.size());
        fig.changesChanged = int(job.diff().changedEnvironment.size());
    }
}
struct YearFigures
{
    QString backend;
    QList<double> writeSeconds; ///< one per week
    qint64 rowsWritten = 0;
    double bytesAfterYear = 0;
    double bytesAfterRetention = 0;
    double compactMs = 0;
    double bytesAfterCompact = 0;
    double historyMs = 0;
    int historyPoints = 0;
    double pageDataFirstWeekMs = 0;
    double pageDataMs = 0;
    double changesMs = 0;
    double retentionWeekWriteMs = 0;
    double retentionRemoveMs = 0;
    double retentionHalfMs = 0;
    int retentionHalfRemoved = 0;
    QString error;
};

/// A year of weekly refreshes of one enterprise (each week: every 100th person gone, as many new),
/// then what the console does with that history: the page's load, the history chart's points,
/// comparing the first week with the last, one refresh more with a retention of as many weeks (52 by
/// default: the oldest snapshot goes), keeping half of them, and compacting the database file.
YearFigures runYear(const QString &backend, const QString &location, LicenseSnapshot week, int weeks,
    const std::function<double()> &databaseBytes)
{
    YearFigures fig;
    fig.backend = backend;
    LicenseStore store;
    if (auto e = store.open(location); e) {
        fig.error = e.message + QLatin1Char(' ') + e.detail;
        return fig;
    }
    qint64 firstId = 0;
    qint64 lastId = 0;
    QElapsedTimer t;
    for (int w = 0; w < weeks; ++w) {
        if (w > 0) {
            week = GlcTest::SnapshotGenerator::weekLater(week, 100, QStringLiteral("w%1-newcomer-").arg(w));
        }
        t.start();
        const auto written = store.writeSnapshot(week);
        fig.writeSeconds.append(t.nsecsElapsed() / 1e9);
        if (!written.ok()) {
            fig.error = QStringLiteral("writing week %1 failed: ").arg(w + 1) + written.error.message;
            return fig;
        }
        fig.rowsWritten += week.licenses.users.size();
        (w == 0 ? firstId : lastId) = written.value;
        if (w == 0) {
            fig.pageDataFirstWeekMs = pageDataMs(location, week.connectionId, &fig.error);
        }
        std::printf("  %s week %d: %.2f s\n", qPrintable(backend), w + 1, fig.writeSeconds.constLast());
        std::fflush(stdout);
    }
    fig.bytesAfterYear = databaseBytes();
    t.start();
    const auto history = store.snapshots(week.connectionId);
    fig.historyMs = t.nsecsElapsed() / 1e6;
    fig.historyPoints = int(history.value.size());
    fig.pageDataMs = pageDataMs(location, week.connectionId, &fig.error);
    {
        WorkflowContext context;
        context.connection.id = week.connectionId;
        context.storeLocation = location;
        t.start();
        SnapshotChangesJob job(context, firstId, lastId);
        job.start();
        fig.changesMs = t.nsecsElapsed() / 1e6;
        if (job.status() != WorkflowJob::Status::Succeeded) {
            fig.error = QStringLiteral("comparing the first and last week failed: ") + job.errorText();
        }
    }
    // One week more, as a refresh does it: write, then the retention setting (52 by default).
    week = GlcTest::SnapshotGenerator::weekLater(week, 100, QStringLiteral("w%1-newcomer-").arg(weeks));
    t.start();
    const auto written = store.writeSnapshot(week);
    fig.retentionWeekWriteMs = t.nsecsElapsed() / 1e6;
    t.start();
    const auto removed = store.applyRetention(week.connectionId, RetentionPolicy{weeks, 0}, week.takenAt);
    fig.retentionRemoveMs = t.nsecsElapsed() / 1e6;
    if (!written.ok() || !removed.ok() || removed.value != 1) {
        fig.error = QStringLiteral("the week after a year failed: ") + written.error.message + removed.error.message;
        return fig;
    }
    t.start();
    const auto half = store.applyRetention(week.connectionId, RetentionPolicy{weeks / 2, 0}, week.takenAt);
    fig.retentionHalfMs = t.nsecsElapsed() / 1e6;
    fig.retentionHalfRemoved = half.value;
    fig.bytesAfterRetention = databaseBytes();
    // Snapshot Retention's "Compact the database file" (SQLite's VACUUM; nothing to do on PostgreSQL).
    t.start();
    if (const StoreError e = store.compact(); e) {
        fig.error = QStringLiteral("compacting failed: ") + e.message + QLatin1Char(' ') + e.detail;
        return fig;
    }
    fig.compactMs = t.nsecsElapsed() / 1e6;
    fig.bytesAfterCompact = databaseBytes();
    return fig;
}

void printYear(const QList<YearFigures> &all, int weeks)
{
    const Table table(all, 48, QStringLiteral("a year: %1 weekly snapshots").arg(weeks));
    auto line = [&table](const char *label, auto get, const char *format) { table.line(label, get, format); };
    auto sorted = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    line("seat rows written", [](const YearFigures &f) { return double(f.rowsWritten); }, "%16.0f");
    line("write, first week (s)", [](const YearFigures &f) { return f.writeSeconds.value(0); }, "%16.2f");
    line(
        "write, median week (s)",
        [&](const YearFigures &f) {
            const auto v = sorted(f.writeSeconds);
            return v.value(v.size() / 2);
        },
        "%16.2f");
    line(
        "write, last week (s)", [](const YearFigures &f) { return f.writeSeconds.value(f.writeSeconds.size() - 1); },
        "%16.2f");
    line(
        "write, slowest week (s)",
        [&](const YearFigures &f) { return sorted(f.writeSeconds).value(f.writeSeconds.size() - 1); }, "%16.2f");
    line(
        "database size after the year (MB)", [](const YearFigures &f) { return f.bytesAfterYear / 1048576.0; },
        "%16.0f");
    line(
        "  per weekly snapshot (MB)",
        [](const YearFigures &f) {
            return f.writeSeconds.isEmpty() ? 0.0 : f.bytesAfterYear / 1048576.0 / f.writeSeconds.size();
        },
        "%16.1f");
    line("history: every snapshot's totals (ms)", [](const YearFigures &f) { return f.historyMs; }, "%16.1f");
    line("  points", [](const YearFigures &f) { return f.historyPoints; }, "%16d");
    line(
        "License page data job, first week (ms)", [](const YearFigures &f) { return f.pageDataFirstWeekMs; }, "%16.0f");
    line("License page data job, after the year (ms)", [](const YearFigures &f) { return f.pageDataMs; }, "%16.0f");
    line("compare the first week with the last (ms)", [](const YearFigures &f) { return f.changesMs; }, "%16.0f");
    line("one week more: write (ms)", [](const YearFigures &f) { return f.retentionWeekWriteMs; }, "%16.0f");
    line(
        "  then retention removes the oldest (ms)", [](const YearFigures &f) { return f.retentionRemoveMs; }, "%16.0f");
    line("keep half a year: remove snapshots (ms)", [](const YearFigures &f) { return f.retentionHalfMs; }, "%16.0f");
    line("  snapshots removed", [](const YearFigures &f) { return f.retentionHalfRemoved; }, "%16d");
    line(
        "database size after that (MB)", [](const YearFigures &f) { return f.bytesAfterRetention / 1048576.0; },
        "%16.0f");
    line("compact the database file (ms)", [](const YearFigures &f) { return f.compactMs; }, "%16.0f");
    line(
        "database size after that (MB)", [](const YearFigures &f) { return f.bytesAfterCompact / 1048576.0; },
        "%16.0f");
    table.errors();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption usersOption(
        QStringLiteral("users"), QStringLiteral("people to generate"), QStringLiteral("n"), QStringLiteral("300000"));
    const QCommandLineOption serversOption(
        QStringLiteral("servers"), QStringLiteral("servers"), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption noPgOption(QStringLiteral("no-postgres"), QStringLiteral("SQLite only"));
    const QCommandLineOption noSqliteOption(
        QStringLiteral("no-sqlite"), QStringLiteral("PostgreSQL only (to profile its half alone)"));
    const QCommandLineOption weeksOption(QStringLiteral("weeks"),
        QStringLiteral("a year of history instead: this many weekly snapshots"), QStringLiteral("n"));
    parser.addOptions({usersOption, serversOption, noPgOption, noSqliteOption, weeksOption});
    parser.process(app);

    GlcTest::SnapshotGeneratorOptions o;
    o.users = parser.value(usersOption).toInt();
    o.servers = parser.value(serversOption).toInt();
    o.mismatchedShare = 0.05;
    const int weeks = parser.value(weeksOption).toInt();
    if (weeks > 1) {
        o.serverAccounts = true;
        const LicenseSnapshot first = GlcTest::SnapshotGenerator::generate(o);
        std::printf("%lld seat rows (%d people) over %d servers, %d weeks\n", qlonglong(first.licenses.users.size()),
            o.users, o.servers, weeks);
        QList<YearFigures> all;
        QTemporaryDir dir;
        const QString sqlite = dir.filePath(QStringLiteral("year.sqlite"));
        all.append(runYear(QStringLiteral("SQLite"), sqlite, first, weeks,
            [&] { return double(QFileInfo(sqlite).size() + QFileInfo(sqlite + QStringLiteral("-wal")).size()); }));
        GlcTest::PostgresHarness pg;
        if (!parser.isSet(noPgOption)) {
            QString error;
            const QString url = pg.start(&error, true) ? pg.createDatabase(QStringLiteral("year"), &error) : QString();
            if (!url.isEmpty()) {
                all.append(runYear(QStringLiteral("PostgreSQL"), url, first, weeks,
                    [&] { return double(pg.databaseSize(QStringLiteral("year"))); }));
            } else {
                YearFigures f;
                f.backend = QStringLiteral("PostgreSQL");
                f.error = error;
                all.append(f);
            }
        }
        printYear(all, weeks);
        return 0;
    }
    const LicenseSnapshot snapshot = GlcTest::SnapshotGenerator::generate(o);
    std::printf(
        "%lld seat rows (%d people) over %d servers\n", qlonglong(snapshot.licenses.users.size()), o.users, o.servers);

    QList<Figures> all;
    QTemporaryDir dir;
    const QString sqlite = dir.filePath(QStringLiteral("bench.sqlite"));
    if (!parser.isSet(noSqliteOption)) {
        all.append(run(QStringLiteral("SQLite"), sqlite, snapshot));
        runPageData(all.last(), sqlite, snapshot.connectionId);
        runChanges(all.last(), sqlite, snapshot);
    }

    GlcTest::PostgresHarness pg;
    if (!parser.isSet(noPgOption)) {
        QString error;
        if (pg.start(&error, true)) {
            const QString url = pg.createDatabase(QStringLiteral("bench"), &error);
            all.append(run(QStringLiteral("PostgreSQL"), url, snapshot));
            runPageData(all.last(), url, snapshot.connectionId);
            runChanges(all.last(), url, snapshot);
        } else {
            Figures f;
            f.backend = QStringLiteral("PostgreSQL");
            f.error = error;
            all.append(f);
        }
    }

    const Table table(all, 40, QString());
    auto line = [&table](const char *label, auto get, const char *format) { table.line(label, get, format); };
    line("write snapshot (rows/s, >= 150000)", [](const Figures &f) { return f.writeRowsPerSecond; }, "%16.0f");
    line("read from store, packed as read (rows/s)", [](const Figures &f) { return f.readRowsPerSecond; }, "%16.0f");
    line("load into model (rows/s, >= 500000)", [](const Figures &f) { return f.modelRowsPerSecond; }, "%16.0f");
    line("store read + model load (rows/s)", [](const Figures &f) { return f.loadTotalRowsPerSecond; }, "%16.0f");
    line("pack a list into a model (rows/s)", [](const Figures &f) { return f.packListRowsPerSecond; }, "%16.0f");
    line("filter keystroke median (ms, < 50)", [](const Figures &f) { return f.filterMedianMs; }, "%16.1f");
    line("filter keystroke max (ms)", [](const Figures &f) { return f.filterMaxMs; }, "%16.1f");
    line("rows matching the typed search", [](const Figures &f) { return f.filterMatches; }, "%16d");
    line("sort by login, first time (ms)", [](const Figures &f) { return f.sortMs; }, "%16.0f");
    line("keystroke median, sorted by login (ms)", [](const Figures &f) { return f.sortedFilterMedianMs; }, "%16.1f");
    line("rebuild every row from the model (ms)", [](const Figures &f) { return f.rebuildMs; }, "%16.0f");
    line("counted-twice analysis (ms, < 1000)", [](const Figures &f) { return f.countedTwiceMs; }, "%16.0f");
    line("  the same over a list (ms)", [](const Figures &f) { return f.countedTwiceListMs; }, "%16.0f");
    line("seats by organization, packed rows (ms)", [](const Figures &f) { return f.organizationsMs; }, "%16.0f");
    line("organization filter on the table (ms)", [](const Figures &f) { return f.organizationFilterMs; }, "%16.0f");
    line("counted-twice pairs found", [](const Figures &f) { return f.pairs; }, "%16d");
    line("snapshot diff by person (ms)", [](const Figures &f) { return f.diffMs; }, "%16.0f");
    line("  the same over packed rows (ms)", [](const Figures &f) { return f.diffPackedMs; }, "%16.0f");
    line("loaded model RSS delta (MB, < 300)", [](const Figures &f) { return f.modelRssMb; }, "%16.0f");
    line("  of which compact row records (MB)", [](const Figures &f) { return f.recordsMb; }, "%16.0f");
    line("peak RSS delta while loading (MB, < 300)", [](const Figures &f) { return f.peakRssMb; }, "%16.0f");
    line("License page data job (ms)", [](const Figures &f) { return f.pageDataMs; }, "%16.0f");
    line("  its peak RSS delta (MB)", [](const Figures &f) { return f.pagePeakRssMb; }, "%16.0f");
    line("  RSS delta it keeps (MB)", [](const Figures &f) { return f.pageRssMb; }, "%16.0f");
    line("compare 2 stored snapshots, lists (ms)", [](const Figures &f) { return f.changesListMs; }, "%16.0f");
    line("  its peak RSS delta (MB)", [](const Figures &f) { return f.changesListPeakMb; }, "%16.0f");
    line("compare 2 stored snapshots, packed (ms)", [](const Figures &f) { return f.changesMs; }, "%16.0f");
    line("  its peak RSS delta (MB)", [](const Figures &f) { return f.changesPeakMb; }, "%16.0f");
    std::printf("%-40s", "  people came / went / changed");
    for (const Figures &f : all) {
        std::printf("%16s",
            QStringLiteral("%1/%2/%3")
                .arg(f.changesCame)
                .arg(f.changesWent)
                .arg(f.changesChanged)
                .toUtf8()
                .constData());
    }
    std::printf("\n");
    table.errors();
    return 0;
}
