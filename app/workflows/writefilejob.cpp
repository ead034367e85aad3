// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "writefilejob.h"

#include "licensing/licensereportwriter.h"

#include <KLocalizedString>

namespace Glc {
WriteFileJob::WriteFileJob(
    const WorkflowContext &context, const QString &path, std::function<QByteArray()> bytes, QObject *parent)
    : WorkflowJob(context, parent)
    , m_path(path)
    , m_bytes(std::move(bytes))
{
}

void WriteFileJob::run()
{
    setStage(0, i18nc("@info:status %1 file path", "Writing %1…", m_path));
    const LicenseReportWriter::Result result = LicenseReportWriter::writeFile(m_path, m_bytes());
    if (!result.ok()) {
        fail(result.errorMessage, i18nc("@info", "Choose a folder you can write to."));
        return;
    }
    succeed();
}
} // namespace Glc
