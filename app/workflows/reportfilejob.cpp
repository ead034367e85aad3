// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "reportfilejob.h"

#include "licensing/licensereportreader.h"

#include <KLocalizedString>

namespace Glc {
ReportFileJob::ReportFileJob(const WorkflowContext &context, const QString &path, QObject *parent)
    : WorkflowJob(context, parent)
    , m_path(path)
{
}

void ReportFileJob::run()
{
    Q_EMIT stageChanged(0, i18nc("@info stage", "Reading the license report"), {});
    LicenseReportReader::Result read = LicenseReportReader::readFile(m_path);
    if (!read.ok()) {
        fail(read.error, read.nextStep);
        return;
    }
    if (cancelRequested()) {
        cancel();
        return;
    }
    Q_EMIT stageChanged(1, i18nc("@info stage", "Looking for people counted twice"), {});
    m_seats = CompactLicenseRows::fromLicenses(read.report.users);
    read.report.users.clear();
    m_totals = read.report;
    m_hasPurchased = read.hasPurchased;
    m_countedTwice = CountedTwiceAnalyzer::analyze(m_seats, {});
    if (cancelRequested()) {
        cancel();
        return;
    }
    m_people = MergedView::build(m_seats, MergedView::optionsFor(m_seats)).totals(m_countedTwice.pairs);
    succeed();
}
} // namespace Glc
