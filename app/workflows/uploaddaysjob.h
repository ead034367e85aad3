// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

namespace Glc {
/// Stores how often the connection's servers without GitHub Connect are to have their usage added
/// (LicenseStore::setUploadDays()), so the console and `ghe-license` judge their uploads by it.
class UploadDaysJob : public WorkflowJob
{
    Q_OBJECT
public:
    UploadDaysJob(const WorkflowContext &context, int days, QObject *parent = nullptr);

    /// The days stored, within LicenseCadence's bounds.
    int days() const { return m_days; }

protected:
    void run() override;

private:
    const int m_days;
};
} // namespace Glc
