// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QList>

namespace Glc {
/// Who came, who went and who changed environment between two snapshots. A seat is identified by
/// its github.com login, or for a server-only seat by its server accounts.
struct SnapshotDiff
{
    struct Change
    {
        int beforeRow = -1;
        int afterRow = -1;
        QStringList environmentsBefore; ///< "Cloud" first, then server hosts
        QStringList environmentsAfter;
    };

    QList<int> came; ///< rows of `after`
    QList<int> went; ///< rows of `before`
    QList<Change> changedEnvironment;

    static SnapshotDiff compute(const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after);
    /// Identity of a seat across snapshots.
    static QString seatKey(const ConsumedLicense &seat);
    /// "Cloud" (untranslated marker) when the seat has a github.com login, then its server hosts.
    static QStringList environments(const ConsumedLicense &seat);
};
} // namespace Glc
