// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "fixlistjob.h"

#include "licensing/fixlistwriter.h"

#include <KLocalizedString>

namespace Glc {
FixListJob::FixListJob(const WorkflowContext &context, const QString &path, const CompactLicenseRows &seats,
    const CountedTwiceResult &result, bool utf8Bom, QObject *parent)
    : WorkflowJob(context, parent)
    , m_path(path)
    , m_seats(seats)
    , m_result(result)
    , m_utf8Bom(utf8Bom)
{
}

void FixListJob::run()
{
    setStage(0, i18nc("@info:status %1 file path", "Writing %1…", m_path));
    const LicenseReportWriter::Result result = FixListWriter::write(m_path, m_seats, m_result, m_utf8Bom);
    if (!result.ok()) {
        fail(result.errorMessage, i18nc("@info", "Choose a folder you can write to."));
        return;
    }
    succeed();
}
} // namespace Glc
