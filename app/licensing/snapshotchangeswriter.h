// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/snapshotdiff.h"

#include <QByteArray>
#include <QStringList>

namespace Glc {
/// The changes between two snapshots as a CSV list for a spreadsheet or a mail: one line per person who
/// came, went or changed environment, with their login, name, Enterprise Server accounts and
/// environments before and after ("Cloud" and server hosts). Titles and texts in the interface's
/// language; cells formula-safe like the license report.
namespace SnapshotChangesWriter {
QStringList columns();
/// The list for `diff` of `before` and `after` (its rows index them); `utf8Bom` for spreadsheet programs.
QByteArray toCsv(
    const CompactLicenseRows &before, const CompactLicenseRows &after, const SnapshotDiff &diff, bool utf8Bom);
} // namespace SnapshotChangesWriter
} // namespace Glc
