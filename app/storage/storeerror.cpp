// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "storeerror.h"

#include <KLocalizedString>

namespace Glc {
QString StoreError::nextStep() const
{
    if (code == Code::QueryFailed) {
        return i18nc("@info next step after a failed database query",
            "Try again. If it fails again, another program may have changed or damaged the database: restore it "
            "from a backup, or use another database (--store).");
    }
    return detail;
}
} // namespace Glc
