// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensevalues.h"

#include <KLocalizedString>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Glc {
QStringList ConsumedLicense::serverHosts() const
{
    QStringList hosts;
    for (const QString &id : enterpriseServerUserIds) {
        const qsizetype colon = id.lastIndexOf(QLatin1Char(':'));
        const QString host = colon > 0 ? id.left(colon) : id;
        if (!host.isEmpty() && !hosts.contains(host)) {
            hosts.append(host);
        }
    }
    return hosts;
}

bool ConsumedLicense::isPendingInvitationOnly() const
{
    return isPendingInvitationOnly(isServerOnly(), githubComOrgsWithPendingInvites.size(), githubComMemberRoles.size(),
        githubComEnterpriseRoles.size(), enterpriseServerUserIds.size(), visualStudioSubscriptionUser);
}

bool ConsumedLicense::isPendingInvitationOnly(bool serverOnly, qsizetype pendingInvites, qsizetype memberRoles,
    qsizetype enterpriseRoles, qsizetype serverUserIds, bool visualStudioSubscriptionUser)
{
    return !serverOnly && pendingInvites > 0 && memberRoles == 0 && enterpriseRoles == 0 && serverUserIds == 0 &&
        !visualStudioSubscriptionUser;
}

QString uploadSyncStateText(UploadSyncState state)
{
    switch (state) {
    case UploadSyncState::Pending:
        return i18nc("@item:intable upload state", "Pending");
    case UploadSyncState::Success:
        return i18nc("@item:intable upload state", "Processed");
    case UploadSyncState::Failure:
        return i18nc("@item:intable upload state", "Failed");
    case UploadSyncState::Unknown:
        break;
    }
    return {};
}
QString ServerLicenseInfo::seatsText() const
{
    const QLocale locale;
    if (!seats) {
        return i18nc("@item:intable seats used of unlimited", "%1 of unlimited", locale.toString(seatsUsed));
    }
    return i18nc(
        "@item:intable seats used of purchased", "%1 of %2", locale.toString(seatsUsed), locale.toString(*seats));
}

double seatUsePercent(qint64 consumed, qint64 purchased)
{
    if (purchased <= 0) {
        return consumed > 0 ? 100.0 : 0.0;
    }
    // Per mille in integers, rounded half up; then held below a threshold the seats have not reached.
    qint64 perMille = (consumed * 2000 + purchased) / (purchased * 2);
    for (const qint64 threshold : {qint64(900), qint64(1000)}) {
        if (perMille >= threshold && consumed * 1000 < purchased * threshold) {
            perMille = threshold - 1;
        }
    }
    return perMille / 10.0;
}

double ConsumedLicensesReport::usedPercent() const
{
    return seatUsePercent(totalSeatsConsumed, totalSeatsPurchased);
}

int LicenseCadence::wholeDaysSince(const QDateTime &then, const QDateTime &now)
{
    return then.isValid() ? int(then.secsTo(now) / (24 * 3600)) : -1;
}

bool LicenseCadence::isOverdue(const QDateTime &last, const QDateTime &now, int days)
{
    return !last.isValid() || last.secsTo(now) > qint64(days) * 24 * 3600;
}

int LicenseCadence::boundedUploadDays(int days)
{
    return std::clamp(days, MinUploadDays, MaxUploadDays);
}

int ServerLicenseInfo::daysLeft(const QDateTime &now) const
{
    return int(std::floor(double(now.secsTo(expireAt)) / (24 * 3600)));
}

int ServerLicenseInfo::calendarDaysLeft(const QDateTime &now) const
{
    return int(now.toLocalTime().date().daysTo(expireAt.toLocalTime().date()));
}

const ServerLicenseInfo *ServerLicenseInfo::soonestExpiry(const QList<ServerLicenseInfo> &licenses)
{
    const ServerLicenseInfo *soonest = nullptr;
    for (const ServerLicenseInfo &license : licenses) {
        if (license.expireAt.isValid() && (!soonest || license.expireAt < soonest->expireAt)) {
            soonest = &license;
        }
    }
    return soonest;
}

bool ServerLicenseInfo::expiresWith(const ServerLicenseInfo *soonest) const
{
    return soonest && expireAt.isValid() && expireAt.toLocalTime().date() == soonest->expireAt.toLocalTime().date();
}
} // namespace Glc
