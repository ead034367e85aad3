// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
//
// glc-bench-storage: the storage, model and judgement figures of the README, on SQLite and on a
// private PostgreSQL server, side by side. Not a test: run it on a release build.
//
//   glc-bench-storage [--users 300000] [--servers 20] [--no-postgres]

#include "licensing/countedtwice.h"
#include "licensing/snapshotdiff.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"
#include "postgresharness.h"
#include "snapshotgenerator.h"
#include "storage/licensestore.h"
#include "workflows/pagedatajob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <malloc.h>

using namespace Glc;

namespace {
qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly)) {
        f.write("5");
    }
}

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
    double modelRssMb = 0;
    double recordsMb = 0;
    double peakRssMb = 0;
    double packListRowsPerSecond = 0;
    double countedTwiceListMs = 0;
    double pageDataMs = 0;
    double pagePeakRssMb = 0;
    double pageRssMb = 0;
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
    malloc_trim(0);
    const qint64 rssBefore = statusKb("VmRSS");
    // VmHWM from here on is the peak of the load (the kernel's own high-water mark, reset to the
    // current RSS).
    resetPeak();
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
    fig.peakRssMb = (statusKb("VmHWM") - rssBefore) / 1024.0;
    fig.readRowsPerSecond = rows / readSeconds;
    fig.modelRowsPerSecond = rows / modelSeconds;
    fig.loadTotalRowsPerSecond = rows / (readSeconds + modelSeconds);
    // Give the allocator's free lists (QVariants of the read) back first: the figure is what the
    // loaded model keeps.
    malloc_trim(0);
    fig.modelRssMb = (statusKb("VmRSS") - rssBefore) / 1024.0;
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

    // Rebuilding every row from the compact model, timed on its own.
    t.restart();
    fig.rebuildMs = model.licenses().size() == qsizetype(rows) ? t.nsecsElapsed() / 1e6 : -1;
    // The console analyses the packed rows it loaded (PageDataJob), the command line a list.
    t.restart();
    const auto result = CountedTwiceAnalyzer::analyze(model.rows());
    fig.countedTwiceMs = t.nsecsElapsed() / 1e6;
    fig.pairs = int(result.pairs.size());
    const QList<ConsumedLicense> seats = store.loadConsumedLicenses(id).value;
    t.restart();
    const auto fromList = CountedTwiceAnalyzer::analyze(seats);
    fig.countedTwiceListMs = t.nsecsElapsed() / 1e6;
    if (fromList.pairs.size() != result.pairs.size() || fromList.unexpected.size() != result.unexpected.size()) {
        fig.error = QStringLiteral("the analysis of the packed rows differs from the list's");
    }
    {
        // Two snapshots of the same people, one in reverse order: every person matched by identity.
        const QList<ConsumedLicense> reversed(seats.crbegin(), seats.crend());
        t.restart();
        const SnapshotDiff diff = SnapshotDiff::compute(seats, reversed);
        fig.diffMs = diff.came.isEmpty() && diff.went.isEmpty() ? t.nsecsElapsed() / 1e6 : -1;
    }
    return fig;
}

/// The License page's whole load as the console runs it (PageDataJob: the rows packed as read and
/// sorted by login in a helper thread, the servers, the counted-twice analysis), on its own: peak
/// and kept memory against the process before it, and its time.
void runPageData(Figures &fig, const QString &location, const QString &connectionId)
{
    malloc_trim(0);
    const qint64 rssBefore = statusKb("VmRSS");
    resetPeak();
    WorkflowContext context;
    context.connection.id = connectionId;
    context.storeLocation = location;
    QElapsedTimer t;
    t.start();
    PageDataJob job(context);
    job.start();
    fig.pageDataMs = t.nsecsElapsed() / 1e6;
    fig.pagePeakRssMb = (statusKb("VmHWM") - rssBefore) / 1024.0;
    if (job.status() != WorkflowJob::Status::Succeeded || job.data().rows.isEmpty()) {
        fig.error = QStringLiteral("the page data job failed: ") + job.errorText();
    }
    malloc_trim(0);
    fig.pageRssMb = (statusKb("VmRSS") - rssBefore) / 1024.0;
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
    parser.addOptions({usersOption, serversOption, noPgOption});
    parser.process(app);

    GlcTest::SnapshotGeneratorOptions o;
    o.users = parser.value(usersOption).toInt();
    o.servers = parser.value(serversOption).toInt();
    o.mismatchedShare = 0.05;
    const LicenseSnapshot snapshot = GlcTest::SnapshotGenerator::generate(o);
    std::printf(
        "%lld seat rows (%d people) over %d servers\n", qlonglong(snapshot.licenses.users.size()), o.users, o.servers);

    QList<Figures> all;
    QTemporaryDir dir;
    const QString sqlite = dir.filePath(QStringLiteral("bench.sqlite"));
    all.append(run(QStringLiteral("SQLite"), sqlite, snapshot));
    runPageData(all.last(), sqlite, snapshot.connectionId);

    GlcTest::PostgresHarness pg;
    if (!parser.isSet(noPgOption)) {
        QString error;
        if (pg.start(&error, true)) {
            const QString url = pg.createDatabase(QStringLiteral("bench"), &error);
            all.append(run(QStringLiteral("PostgreSQL"), url, snapshot));
            runPageData(all.last(), url, snapshot.connectionId);
        } else {
            Figures f;
            f.backend = QStringLiteral("PostgreSQL");
            f.error = error;
            all.append(f);
        }
    }

    std::printf("\n%-40s", "");
    for (const Figures &f : all) {
        std::printf("%16s", qPrintable(f.backend));
    }
    std::printf("\n");
    auto line = [&](const char *label, auto get, const char *format) {
        std::printf("%-40s", label);
        for (const Figures &f : all) {
            std::printf(format, get(f));
        }
        std::printf("\n");
    };
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
    line("counted-twice pairs found", [](const Figures &f) { return f.pairs; }, "%16d");
    line("snapshot diff by person (ms)", [](const Figures &f) { return f.diffMs; }, "%16.0f");
    line("loaded model RSS delta (MB, < 300)", [](const Figures &f) { return f.modelRssMb; }, "%16.0f");
    line("  of which compact row records (MB)", [](const Figures &f) { return f.recordsMb; }, "%16.0f");
    line("peak RSS delta while loading (MB, < 300)", [](const Figures &f) { return f.peakRssMb; }, "%16.0f");
    line("License page data job (ms)", [](const Figures &f) { return f.pageDataMs; }, "%16.0f");
    line("  its peak RSS delta (MB)", [](const Figures &f) { return f.pagePeakRssMb; }, "%16.0f");
    line("  RSS delta it keeps (MB)", [](const Figures &f) { return f.pageRssMb; }, "%16.0f");
    for (const Figures &f : all) {
        if (!f.error.isEmpty()) {
            std::printf("%s: %s\n", qPrintable(f.backend), qPrintable(f.error));
        }
    }
    return 0;
}
