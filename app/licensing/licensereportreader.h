// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QByteArray>
#include <QString>

namespace Glc {
/// Reads a consumed-licenses report that reached the admin as a file - the CSV GitHub's License page gives
/// (and the console's Download report writes), or the JSON of `GET /enterprises/{enterprise}/consumed-licenses`
/// (and the console's JSON report) - so an e-mailed report gets the console's judgement without a token.
/// Lenient like the API reader: columns in any order, unknown columns ignored, missing ones defaulted; strict
/// about what would lose rows: a quote left open, a row with more cells than the header.
class LicenseReportReader
{
public:
    struct Result
    {
        ConsumedLicensesReport report; ///< a CSV has no purchased total: 0
        bool hasPurchased = false; ///< the file gave the purchased seats (JSON)
        QString error; ///< translated, with what is wrong and where; empty when read
        QString nextStep; ///< translated

        bool ok() const { return error.isEmpty(); }
    };

    /// Larger files are refused before they are read (300,000 seats take about 70 MB as CSV).
    static constexpr qint64 MaxFileSize = 1024LL * 1024 * 1024;

    static Result read(const QByteArray &bytes);
    /// Reads @p path, refused when it holds more than @p sizeLimit bytes (a pipe or a device read one byte past).
    static Result readFile(const QString &path, qint64 sizeLimit = MaxFileSize);
};
} // namespace Glc
