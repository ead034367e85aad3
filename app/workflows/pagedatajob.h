// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"
#include "licensing/mergedview.h"
#include "licensing/organizationbreakdown.h"
#include "licensing/seatforecast.h"
#include "storage/storerecords.h"
#include "workflows/workflowjob.h"

namespace Glc {
/// Everything the License page shows for one connection, read from the store and judged.
struct PageData
{
    bool hasSnapshot = false;
    /// Everything but its users: they are in `rows`.
    LicenseSnapshot snapshot;
    /// The seats, packed as read from the store (never a list of them: 300k seats take about 47 MB
    /// so), sorted by login (case-insensitive, stable: the table's first order), so the interface
    /// does not have to sort them.
    CompactLicenseRows rows;
    QList<SnapshotSummary> history; ///< oldest first
    QList<UsageFileRecord> usageFiles;
    QList<SyncStatusRecord> syncHistory; ///< each change of a server's license sync on record, oldest first
    CountedTwiceResult countedTwice; ///< its rows index `rows`
    QList<int> countedTwiceRows; ///< both rows of every valid pair
    MergedView::Totals people; ///< the seats as people, and the count once every pair is fixed
    OrganizationBreakdown organizations; ///< seats per github.com organization
    QStringList licenseTypes; ///< distinct raw license types, in order of appearance
    SeatForecast forecast;
    /// How often the servers without GitHub Connect are to have their usage added (LicenseStore::uploadDays()).
    int uploadDays = LicenseCadence::Days;
    bool labPastTaken = false; ///< a LabHistoryJob took this connection's past (LabHistoryJob::pastTakenKey)
    /// For a Cloud (or lab) connection: the licenses of the enterprise's servers that have a GitHub
    /// Enterprise Server connection of their own in the store, from that connection's newest snapshot
    /// (GitHub Enterprise Cloud does not report them). One view across the cloud and its servers.
    QList<ServerLicenseInfo> linkedServerLicenses;
    /// `snapshot.serverLicenses` (the lab reads its servers itself) and `linkedServerLicenses` together; a
    /// server with a connection of its own is shown as that connection read it.
    QList<ServerLicenseInfo> allServerLicenses() const;
    /// `snapshot` as the page shows it: with allServerLicenses(), and each server's uploads with the newer ones made
    /// from the console put first (ServerInstancesModel::addConsoleUploads()).
    LicenseSnapshot shownSnapshot() const;
};

/// Loads the latest snapshot, its history and usage files, and runs the counted-twice analysis and
/// the forecast - in the worker thread, so the page gets values ready to show. Needs only the
/// context's store and connection id (no network), so it may run before the lab answers.
class PageDataJob : public WorkflowJob
{
    Q_OBJECT
public:
    explicit PageDataJob(const WorkflowContext &context, QObject *parent = nullptr);
    const PageData &data() const { return m_data; }

Q_SIGNALS:
    /// The rows of the snapshot, sorted as in PageData, as soon as they are read - before the
    /// servers' data and the analysis, so a table can fill meanwhile. Emitted from a helper thread.
    void rowsReady(const Glc::CompactLicenseRows &rows);

protected:
    void run() override;

private:
    PageData m_data;
};
} // namespace Glc
