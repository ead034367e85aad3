// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "summaryinput.h"

namespace Glc {
LicenseSummary::Input summaryInput(const Connection &connection, const LicenseSnapshot &snapshot,
    const QList<SnapshotSummary> &history, const CountedTwiceResult &countedTwice, const MergedView::Totals &people,
    const OrganizationBreakdown &organizations, const QDateTime &now)
{
    LicenseSummary::Input input;
    input.connectionName = connection.name;
    input.source = Connection::sourceText(connection.kind, snapshot.source);
    input.snapshot = snapshot;
    input.snapshot.licenses.users.clear(); // the totals are what it reads
    for (const SnapshotSummary &summary : history) {
        input.history.append({summary.takenAt, summary.totalSeatsConsumed, summary.totalSeatsPurchased});
    }
    input.forecast = SeatForecast::forLatest(SnapshotSummary::forecastPoints(history), snapshot);
    input.countedTwice = countedTwice;
    input.people = people;
    input.organizations = organizations;
    input.now = now;
    return input;
}
} // namespace Glc
