// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportwriter.h"

#include <QByteArray>
#include <QStringList>

namespace Glc {
/// The counted-twice findings as a CSV list to work through or hand to whoever changes the e-mails:
/// one line per suspected pair, then one per seat that counts unexpectedly, each with what to do.
/// Titles and texts in the interface's language; cells formula-safe like the license report.
namespace FixListWriter {
QStringList columns();
/// The list for the analysis `result` of `seats` (its rows index them); `utf8Bom` for spreadsheet programs.
QByteArray toCsv(const CompactLicenseRows &seats, const CountedTwiceResult &result, bool utf8Bom);
} // namespace FixListWriter
} // namespace Glc
