// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "reportjob.h"

#include <KLocalizedString>

namespace Glc {
ReportJob::ReportJob(const WorkflowContext &context, const QString &path, const ConsumedLicensesReport &report,
    const std::optional<QList<int>> &rows, const LicenseReportWriter::Options &options, QObject *parent)
    : WorkflowJob(context, parent)
    , m_path(path)
    , m_report(report)
    , m_rows(rows)
    , m_options(options)
{
}

ReportJob::ReportJob(const WorkflowContext &context, const QString &path, const ConsumedLicensesReport &totals,
    const CompactLicenseRows &compactRows, const std::optional<QList<int>> &rows,
    const LicenseReportWriter::Options &options, QObject *parent)
    : ReportJob(context, path, totals, rows, options, parent)
{
    m_report.users.clear();
    m_compactRows = compactRows;
}

LicenseReportWriter::Format ReportJob::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? LicenseReportWriter::Format::Json
                                                                      : LicenseReportWriter::Format::Csv;
}

void ReportJob::run()
{
    setStage(0, i18nc("@info:status %1 file path", "Writing %1…", m_path));
    // The seats as they are written, one at a time (from the model's packed rows, or the report's own),
    // in the order of `rows` (picked here, not in the interface thread: a filter can keep most of
    // 300,000 seats). Nothing holds them all at once.
    const qsizetype available = m_compactRows ? m_compactRows->size() : m_report.users.size();
    const qsizetype count = m_rows ? m_rows->size() : available;
    qsizetype i = 0;
    qsizetype given = 0;
    bool stopped = false;
    Q_EMIT progress(0, count, 0);
    const LicenseReportWriter::NextSeat next = [&](ConsumedLicense *seat) {
        while (i < count) {
            // Every few thousand seats: how far it got, and whether the admin still wants the file.
            if (i % ProgressInterval == 0 && i > 0) {
                Q_EMIT progress(i, count, given);
                if (cancelRequested()) {
                    stopped = true;
                    return false;
                }
            }
            const qsizetype row = m_rows ? m_rows->at(i) : i;
            ++i;
            if (row >= 0 && row < available) {
                *seat = m_compactRows ? m_compactRows->license(row) : m_report.users.at(row);
                ++given;
                return true;
            }
        }
        return false;
    };
    // A cancelled report is not saved: the file that was there stays as it was.
    const LicenseReportWriter::Result result = LicenseReportWriter::writeFile(m_path, [&](QIODevice *file) {
        return LicenseReportWriter::writeTo(file, m_report, next, m_options, &m_written) && !stopped;
    });
    if (stopped) {
        m_written = 0;
        cancel();
        return;
    }
    if (!result.ok()) {
        fail(result.errorMessage, i18nc("@info", "Choose a folder you can write to."));
        return;
    }
    Q_EMIT progress(count, count, given);
    succeed();
}
} // namespace Glc
