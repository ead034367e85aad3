// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotdiff.h"

#include <QHash>

namespace Glc {
QString SnapshotDiff::seatKey(const ConsumedLicense &seat)
{
    if (!seat.isServerOnly()) {
        return QStringLiteral("gh:") + seat.githubComLogin.toLower();
    }
    QStringList ids = seat.enterpriseServerUserIds;
    ids.sort();
    if (ids.isEmpty() && !seat.visualStudioSubscriptionEmail.isEmpty()) {
        return QStringLiteral("vs:") + seat.visualStudioSubscriptionEmail.toLower();
    }
    return QStringLiteral("es:") + ids.join(QLatin1Char(','));
}

QStringList SnapshotDiff::environments(const ConsumedLicense &seat)
{
    QStringList envs;
    if (!seat.isServerOnly()) {
        envs.append(QStringLiteral("Cloud"));
    }
    QStringList hosts = seat.serverHosts();
    hosts.sort();
    envs.append(hosts);
    return envs;
}

SnapshotDiff SnapshotDiff::compute(const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after)
{
    SnapshotDiff diff;
    QHash<QString, int> beforeByKey;
    beforeByKey.reserve(before.size());
    for (int i = 0; i < before.size(); ++i) {
        beforeByKey.insert(seatKey(before.at(i)), i);
    }
    QList<bool> seen(before.size(), false);
    for (int i = 0; i < after.size(); ++i) {
        const int b = beforeByKey.value(seatKey(after.at(i)), -1);
        if (b < 0) {
            diff.came.append(i);
            continue;
        }
        seen[b] = true;
        const QStringList envBefore = environments(before.at(b));
        const QStringList envAfter = environments(after.at(i));
        if (envBefore != envAfter) {
            diff.changedEnvironment.append(Change{b, i, envBefore, envAfter});
        }
    }
    for (int i = 0; i < before.size(); ++i) {
        if (!seen.at(i)) {
            diff.went.append(i);
        }
    }
    return diff;
}
} // namespace Glc
