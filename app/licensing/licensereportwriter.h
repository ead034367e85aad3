// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace Glc {
/// Writes the consumed licenses as CSV with the columns of GitHub's license report (existing
/// spreadsheets keep working) or as JSON in the REST shape. Files are written atomically: on any
/// failure the target is left untouched.
class LicenseReportWriter
{
public:
    enum class Format : qint8 {
        Csv,
        Json,
    };

    struct Options
    {
        Format format = Format::Csv;
        bool utf8Bom = false; ///< CSV only: lets spreadsheet programs detect UTF-8
    };

    struct Result
    {
        QString errorMessage; ///< translated; empty on success
        bool ok() const { return errorMessage.isEmpty(); }
    };

    /// The next seat of a report into `seat`, or false at its end: a report written as its seats are
    /// made (from packed rows, for example), never holding all of them.
    using NextSeat = std::function<bool(ConsumedLicense *seat)>;

    static QStringList csvColumns();
    static QByteArray toCsv(const ConsumedLicensesReport &report, bool utf8Bom = false);
    static QByteArray toJson(const ConsumedLicensesReport &report);
    /// One seat as toJson() writes it: the REST API's fields.
    static QJsonObject userJson(const ConsumedLicense &seat);
    static Result write(const QString &path, const ConsumedLicensesReport &report, const Options &options);
    /// The same from seats as `next` gives them (`totals`' own users are not read); `written` (if not
    /// null) gets how many seats went into the file.
    static Result write(const QString &path, const ConsumedLicensesReport &totals, const NextSeat &next,
        const Options &options, qsizetype *written = nullptr);
    /// Writes into `device` what toCsv() or toJson() return, a seat at a time in chunks of about a
    /// megabyte. False when the device took fewer bytes than given (its errorString() says why).
    static bool writeTo(QIODevice *device, const ConsumedLicensesReport &totals, const NextSeat &next,
        const Options &options, qsizetype *written = nullptr);

    /// Writes `path` atomically with what `fill` writes into the file (false: it failed, the file's
    /// errorString() says why): on any failure the file is left as it was.
    static Result writeFile(const QString &path, const std::function<bool(QIODevice *file)> &fill);
    /// Writes `bytes` to `path` atomically, as writeFile() above.
    static Result writeFile(const QString &path, const QByteArray &bytes);

    /// One CSV line (CRLF) of csvCell()s.
    static QByteArray csvRow(const QStringList &cells);
    /// A text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) with a leading apostrophe.
    static QString neutralized(const QString &value);
    /// A cell neutralized(), then quoted for CSV.
    static QString csvCell(const QString &value);
};
} // namespace Glc
