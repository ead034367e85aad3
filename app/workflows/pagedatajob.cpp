// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "pagedatajob.h"

#include "glc_debug.h"
#include "models/serverinstancesmodel.h"
#include "storage/licensestore.h"
#include "workflows/labhistoryjob.h"
#include "workflows/linkedservers.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <memory>

namespace Glc {
namespace {
/// The order the table shows first (what its proxy's stable sort by login, case-insensitive and empty logins
/// last, would give), made here rather than by sorting 100,000 rows in the interface thread.
void sortByLogin(CompactLicenseRows &rows)
{
    std::vector<std::pair<QString, qsizetype>> keys;
    keys.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        keys.emplace_back(rows.text(i, CompactLicenseRows::Text::Login).toCaseFolded(), i);
    }
    // Empty logins (server-only seats) last, as the proxy sorts them.
    std::stable_sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) {
        return a.first.isEmpty() != b.first.isEmpty() ? b.first.isEmpty() : a.first < b.first;
    });
    QList<qsizetype> order;
    order.reserve(rows.size());
    for (const auto &key : keys) {
        order.append(key.second);
    }
    keys = {};
    rows.reorder(order);
}
} // namespace

QList<ServerLicenseInfo> PageData::allServerLicenses() const
{
    return LinkedServers::merged(snapshot.serverLicenses, linkedServerLicenses);
}

LicenseSnapshot PageData::shownSnapshot() const
{
    LicenseSnapshot shown = snapshot;
    shown.serverLicenses = allServerLicenses();
    ServerInstancesModel::addConsoleUploads(shown.installations, usageFiles);
    return shown;
}

PageDataJob::PageDataJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

void PageDataJob::run()
{
    QElapsedTimer timer;
    timer.start();
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    const QString connectionId = context().connection.id;
    const auto latest = db->latestSnapshot(connectionId);
    if (!latest.ok()) {
        fail(latest.error);
        return;
    }
    if (latest.value) {
        const qint64 id = latest.value->id;
        // Two halves in parallel, each with its own store connection: the rows (read, then sorted)
        // in a helper thread, everything else here - the servers, their statuses and the profile
        // names of their accounts (not the accounts themselves).
        StoreResult<CompactLicenseRows> rows;
        const QString location =
            context().storeLocation.isEmpty() ? LicenseStore::defaultLocation() : context().storeLocation;
        std::unique_ptr<QThread> rowReader(QThread::create([this, &rows, &timer, id, location] {
            LicenseStore rowStore;
            if (const StoreError error = rowStore.open(location); error.isError()) {
                rows.error = error;
                return;
            }
            rows = rowStore.loadCompactLicenses(id);
            qCDebug(GLC_CORE) << "page data: rows loaded after" << timer.elapsed() << "ms";
            if (rows.ok()) {
                sortByLogin(rows.value);
                Q_EMIT rowsReady(rows.value);
            }
        }));
        rowReader->setObjectName(QStringLiteral("glc-page-rows"));
        rowReader->start();
        LicenseStore::LoadParts parts;
        parts.users = false;
        parts.userAccounts = false; // the page needs their profile names only, read on their own
        parts.newestSyncStatus = true; // what Sync now learned since the snapshot, too
        auto snapshot = db->loadSnapshot(id, parts);
        StoreResult<QHash<QString, QString>> profileNames;
        if (snapshot.ok()) {
            profileNames = db->loadServerProfileNames(id);
            if (!profileNames.ok()) {
                snapshot.error = profileNames.error;
            }
        }
        qCDebug(GLC_CORE) << "page data: servers loaded after" << timer.elapsed() << "ms";
        rowReader->wait();
        if (cancelRequested()) { // e.g. the console closes: the analysis would only keep it waiting
            cancel();
            return;
        }
        if (!snapshot.ok()) {
            fail(snapshot.error);
            return;
        }
        if (!rows.ok()) {
            fail(rows.error);
            return;
        }
        m_data.hasSnapshot = true;
        m_data.snapshot = std::move(snapshot.value);
        m_data.rows = std::move(rows.value);
        const CompactLicenseRows &users = m_data.rows;
        for (qsizetype row = 0; row < users.size(); ++row) {
            if (const QString &type = users.licenseType(row); !m_data.licenseTypes.contains(type)) {
                m_data.licenseTypes.append(type);
            }
        }
        // The people by GitHub's rules and the organizations in a helper thread, beside the counted-twice
        // analysis.
        MergedView merged;
        std::unique_ptr<QThread> merger(QThread::create([this, &merged, &users] {
            merged = MergedView::build(users, MergedView::optionsFor(users));
            m_data.organizations = OrganizationBreakdown::compute(users);
        }));
        merger->setObjectName(QStringLiteral("glc-page-people"));
        merger->start();
        m_data.countedTwice = CountedTwiceAnalyzer::analyze(users, profileNames.value);
        merger->wait();
        m_data.people = merged.totals(m_data.countedTwice.pairs);
        for (const CountedTwicePair &pair : std::as_const(m_data.countedTwice.pairs)) {
            if (pair.serverRow >= 0 && pair.serverRow < users.size() && pair.cloudRow >= 0 &&
                pair.cloudRow < users.size()) {
                m_data.countedTwiceRows << pair.serverRow << pair.cloudRow;
            }
        }
    }
    qCDebug(GLC_CORE) << "page data: counted twice after" << timer.elapsed() << "ms";
    if (cancelRequested()) {
        cancel();
        return;
    }
    const auto history = db->snapshots(connectionId);
    if (!history.ok()) {
        fail(history.error);
        return;
    }
    m_data.history = history.value;
    std::sort(m_data.history.begin(), m_data.history.end(),
        [](const SnapshotSummary &a, const SnapshotSummary &b) { return a.takenAt < b.takenAt; });
    m_data.forecast = SeatForecast::forLatest(SnapshotSummary::forecastPoints(m_data.history), m_data.snapshot);
    const auto pastTaken = db->setting(LabHistoryJob::pastTakenKey(connectionId));
    m_data.labPastTaken = pastTaken.ok() && pastTaken.value.has_value();
    const auto uploadDays = db->uploadDays(connectionId);
    if (!uploadDays.ok()) {
        fail(uploadDays.error);
        return;
    }
    m_data.uploadDays = uploadDays.value.value_or(LicenseCadence::Days);
    const auto files = db->usageFiles(connectionId);
    if (!files.ok()) {
        fail(files.error);
        return;
    }
    m_data.usageFiles = files.value;
    const auto syncs = db->syncStatusHistory(connectionId);
    if (!syncs.ok()) {
        fail(syncs.error);
        return;
    }
    m_data.syncHistory = syncs.value;
    if (m_data.hasSnapshot && context().connection.kind != Connection::Kind::Server) {
        m_data.linkedServerLicenses = LinkedServers::read(*db, m_data.snapshot);
    }
    qCDebug(GLC_CORE) << "page data: ready after" << timer.elapsed() << "ms";
    succeed();
}
} // namespace Glc
