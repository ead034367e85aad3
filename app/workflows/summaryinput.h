// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "licensing/licensesummary.h"
#include "storage/storerecords.h"

namespace Glc {
/// LicenseSummary's input from what the store gives, the same for the console and `ghe-license summary`:
/// the snapshot of `connection`, its stored snapshots (oldest first; the forecast is computed from them as
/// the License page's), and the counted-twice analysis of its seats.
LicenseSummary::Input summaryInput(const Connection &connection, const LicenseSnapshot &snapshot,
    const QList<SnapshotSummary> &history, const CountedTwiceResult &countedTwice, const MergedView::Totals &people,
    const OrganizationBreakdown &organizations, const QDateTime &now);
} // namespace Glc
