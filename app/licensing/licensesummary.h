// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"
#include "licensing/mergedview.h"
#include "licensing/organizationbreakdown.h"
#include "licensing/seatforecast.h"

#include <QDateTime>
#include <QList>
#include <QSize>
#include <QString>

namespace Glc {
/// The License page on one page for people who do not open the console - management, a ticket, a
/// weekly mail: what needs attention (Attention), seats, expiry, each server's license sync, who is counted twice, the
/// history and its forecast. An HTML document in the interface language, every value from GitHub escaped; the console
/// prints it as PDF (with the history chart), `ghe-license summary` writes it for cron.
namespace LicenseSummary {
/// Seats consumed and purchased at one snapshot.
struct HistoryPoint
{
    QDateTime takenAt;
    int consumed = 0;
    int purchased = 0;
};

struct Input
{
    QString connectionName;
    QString source; ///< where the snapshot came from, as Connection::sourceText() says it
    LicenseSnapshot snapshot; ///< its totals, licenses and servers (the seats themselves are not read)
    QList<HistoryPoint> history; ///< oldest first
    SeatForecast forecast;
    CountedTwiceResult countedTwice;
    MergedView::Totals people;
    OrganizationBreakdown organizations; ///< seats per github.com organization, for a chargeback
    QDateTime now; ///< when the summary is written; servers are judged stale against it
    /// How often servers without GitHub Connect are to have their usage added (the Upload Interval).
    int uploadDays = LicenseCadence::Days;
};

/// At most this many snapshots are listed (the newest); a chart, when given, shows them all.
constexpr int HistoryRows = 12;
/// At most this many organizations are listed (the most members first); the rest are counted.
constexpr int OrganizationRows = 15;

/// The document. `chartImage`: the address of an image of the history chart to show (the console's
/// chart, as a document resource or a data: URL) at `chartSize` pixels, or empty for none.
QString html(const Input &input, const QString &chartImage = {}, QSize chartSize = {});
} // namespace LicenseSummary
} // namespace Glc
