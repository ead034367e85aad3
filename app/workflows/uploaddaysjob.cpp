// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "uploaddaysjob.h"

#include "storage/licensestore.h"

namespace Glc {
UploadDaysJob::UploadDaysJob(const WorkflowContext &context, int days, QObject *parent)
    : WorkflowJob(context, parent)
    , m_days(LicenseCadence::boundedUploadDays(days))
{
}

void UploadDaysJob::run()
{
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    if (const StoreError e = db->setUploadDays(context().connection.id, m_days); e) {
        fail(e);
        return;
    }
    succeed();
}
} // namespace Glc
