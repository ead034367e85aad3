// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"
#include "licensing/mergedview.h"
#include "licensing/seatforecast.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>

namespace Glc {
/// The stable JSON documents of ghe-license (schemas in README.md, "Command line") and options shared by the
/// report commands. Keys are snake_case and sorted (QJsonObject); never rename, only add.
namespace SnapshotJson {
/// The values a command's --format takes; the first is the default.
enum class Formats : qint8 {
    TextOrJson,
    CsvOrJson, ///< users
    TextCsvOrJson, ///< counted-twice
};
QCommandLineOption formatOption(Formats formats);
/// Checks a --format value against formatOption(formats): true when valid, else prints the error (the
/// command then exits with ExitCode::Usage).
bool checkFormat(const QString &format, Formats formats);
/// -o/--output FILE: write the report there atomically instead of standard output; --force: replace the
/// file when it exists (without it an existing file is refused, as `export` does).
QList<QCommandLineOption> outputOptions();
/// False, after saying why and that --force replaces it, when -o names a file that exists and --force is not
/// given (the command then exits with ExitCode::Failure). Asked before a report is made and again right
/// before it is written.
bool outputMayBeWritten(const QCommandLineParser &parser);
/// --bom: a CSV report starts with a UTF-8 byte order mark.
QCommandLineOption bomOption();
/// --refresh: pull a new snapshot before reporting.
QCommandLineOption refreshOption();
/// --file FILE: report on a license report file (GitHub's CSV, the consumed-licenses JSON) instead of the store.
QCommandLineOption fileOption();

/// `users`: the snapshot's seat rows (their stored count when they were not read).
/// `uploadDays`: how often servers without GitHub Connect are due to have their usage added (their "overdue").
QJsonObject status(const Connection &connection, const LicenseSnapshot &snapshot, qsizetype users,
    const SeatForecast &forecast, const QDateTime &now, int uploadDays = LicenseCadence::Days);
QJsonObject countedTwice(
    const CompactLicenseRows &seats, const CountedTwiceResult &result, const MergedView::Totals &people);
} // namespace SnapshotJson
} // namespace Glc
