// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/licensereportwriter.h"
#include "workflows/workflowjob.h"

#include <optional>

namespace Glc {
/// "Download report": the consumed licenses as CSV (the columns of GitHub's license report) or JSON,
/// written atomically in the worker thread, with progress and cancel. Needs no network and no store.
class ReportJob : public WorkflowJob
{
    Q_OBJECT
public:
    /// `rows`: indexes into report.users to write, in that order (the table's filtered, sorted view);
    /// nullopt: every seat. The report's totals are kept as they are.
    ReportJob(const WorkflowContext &context, const QString &path, const ConsumedLicensesReport &report,
        const std::optional<QList<int>> &rows, const LicenseReportWriter::Options &options, QObject *parent = nullptr);
    /// The same from a model's compact rows (a cheap shared copy): `rows` index them, and the seats
    /// are rebuilt in the worker thread. `totals`' own users are ignored.
    ReportJob(const WorkflowContext &context, const QString &path, const ConsumedLicensesReport &totals,
        const CompactLicenseRows &compactRows, const std::optional<QList<int>> &rows,
        const LicenseReportWriter::Options &options, QObject *parent = nullptr);

    QString path() const { return m_path; }
    /// Seats written (valid once succeeded).
    qsizetype seatsWritten() const { return m_written; }
    /// CSV for a path ending in .csv (or anything else), JSON for .json.
    static LicenseReportWriter::Format formatFor(const QString &path);
    /// progress() comes every this many rows (done: rows of `rows` looked at, total: their count, items: seats
    /// written); a cancel is seen at the same points, and leaves the file as it was.
    static constexpr qsizetype ProgressInterval = 4096;

protected:
    void run() override;

private:
    QString m_path;
    ConsumedLicensesReport m_report;
    std::optional<QList<int>> m_rows;
    std::optional<CompactLicenseRows> m_compactRows;
    LicenseReportWriter::Options m_options;
    qsizetype m_written = 0;
};
} // namespace Glc
