// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "pagedatajob.h"

#include "storage/licensestore.h"

namespace Glc {
PageDataJob::PageDataJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

void PageDataJob::run()
{
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
        const auto snapshot = db->loadSnapshot(latest.value->id);
        if (!snapshot.ok()) {
            fail(snapshot.error);
            return;
        }
        m_data.hasSnapshot = true;
        m_data.snapshot = snapshot.value;
        m_data.countedTwice = CountedTwiceAnalyzer::analyze(
            m_data.snapshot.licenses.users, CountedTwiceAnalyzer::serverProfileNames(m_data.snapshot.installations));
    }
    const auto history = db->snapshots(connectionId);
    if (!history.ok()) {
        fail(history.error);
        return;
    }
    m_data.history = history.value;
    std::sort(m_data.history.begin(), m_data.history.end(),
        [](const SnapshotSummary &a, const SnapshotSummary &b) { return a.takenAt < b.takenAt; });
    QList<SeatForecast::Point> points;
    for (const SnapshotSummary &summary : std::as_const(m_data.history)) {
        points.append({summary.takenAt, summary.totalSeatsConsumed});
    }
    m_data.forecast = SeatForecast::compute(points, m_data.snapshot.licenses.totalSeatsPurchased);
    const auto files = db->usageFiles(connectionId);
    if (!files.ok()) {
        fail(files.error);
        return;
    }
    m_data.usageFiles = files.value;
    succeed();
}
} // namespace Glc
