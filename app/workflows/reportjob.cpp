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
    if (m_compactRows) {
        const qsizetype count = m_rows ? m_rows->size() : m_compactRows->size();
        m_report.users.reserve(count);
        for (qsizetype i = 0; i < count; ++i) {
            const qsizetype row = m_rows ? m_rows->at(i) : i;
            if (row >= 0 && row < m_compactRows->size()) {
                m_report.users.append(m_compactRows->license(row));
            }
        }
    } else if (m_rows) {
        // Picked here, not in the interface thread: a filter can keep most of 300,000 seats.
        const QList<ConsumedLicense> all = m_report.users;
        m_report.users.clear();
        m_report.users.reserve(m_rows->size());
        for (const int row : std::as_const(*m_rows)) {
            if (row >= 0 && row < all.size()) {
                m_report.users.append(all.at(row));
            }
        }
    }
    const LicenseReportWriter::Result result = LicenseReportWriter::write(m_path, m_report, m_options);
    if (!result.ok()) {
        fail(result.errorMessage, i18nc("@info", "Choose a folder you can write to."));
        return;
    }
    m_written = m_report.users.size();
    succeed();
}
} // namespace Glc
