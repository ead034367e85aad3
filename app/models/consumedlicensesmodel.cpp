// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "consumedlicensesmodel.h"

#include <KLocalizedString>

#include <QHash>

#include <algorithm>

namespace Glc {
namespace {
QString yesNo(bool b)
{
    return b ? i18nc("@item:intable", "Yes") : i18nc("@item:intable", "No");
}

QString triText(TriState t)
{
    return t == TriState::Unknown ? QString() : yesNo(t == TriState::Yes);
}

QStringView hostOf(const QString &serverUserId)
{
    const qsizetype colon = serverUserId.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? QStringView(serverUserId).left(colon) : QStringView(serverUserId);
}
} // namespace

ConsumedLicensesModel::ConsumedLicensesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString ConsumedLicensesModel::licenseTypeText(const QString &type)
{
    if (type == QLatin1String("enterprise")) {
        return i18nc("@item:intable license type", "Enterprise");
    }
    if (type == QLatin1String("visual_studio")) {
        return i18nc("@item:intable license type", "Visual Studio subscription");
    }
    return type;
}

void ConsumedLicensesModel::setLicenses(const QList<ConsumedLicense> &licenses)
{
    beginResetModel();
    m_rows = licenses;
    const qsizetype n = m_rows.size();
    m_flags.assign(n, 0);
    m_hostMasks.assign(n, 0);
    m_search.clear();
    m_search.reserve(n);
    m_hosts.clear();
    QHash<QStringView, int> hostIndex;
    QString blob;
    for (qsizetype i = 0; i < n; ++i) {
        const ConsumedLicense &l = m_rows.at(i);
        quint8 f = 0;
        f |= l.isServerOnly() ? ServerOnlyFlag : CloudFlag;
        if (l.githubComTwoFactorAuth == TriState::No) {
            f |= TwoFactorOffFlag;
        }
        if (!l.githubComOrgsWithPendingInvites.isEmpty() && l.githubComMemberRoles.isEmpty() &&
            l.githubComEnterpriseRoles.isEmpty() && l.enterpriseServerUserIds.isEmpty()) {
            f |= PendingInvitationOnlyFlag;
        }
        if (l.visualStudioSubscriptionUser) {
            f |= VisualStudioFlag;
        }
        quint64 mask = 0;
        for (const QString &id : l.enterpriseServerUserIds) {
            f |= HasServerFlag;
            const QStringView host = hostOf(id);
            auto it = hostIndex.constFind(host);
            if (it == hostIndex.constEnd()) {
                m_hosts.append(host.toString());
                it = hostIndex.insert(QStringView(m_hosts.constLast()), int(m_hosts.size() - 1));
            }
            if (*it < 64) {
                mask |= quint64(1) << *it;
            }
        }
        m_flags[i] = f;
        m_hostMasks[i] = mask;
        // Free-text search covers login, name and every e-mail; precomputed once per load so a
        // keystroke is a substring scan.
        blob.clear();
        blob += l.githubComLogin;
        blob += QChar(0x1f);
        blob += l.githubComName;
        for (const QString &e : l.githubComVerifiedDomainEmails) {
            blob += QChar(0x1f);
            blob += e;
        }
        for (const QString &e : l.enterpriseServerEmails) {
            blob += QChar(0x1f);
            blob += e;
        }
        if (!l.githubComSamlNameId.isEmpty()) {
            blob += QChar(0x1f);
            blob += l.githubComSamlNameId;
        }
        if (!l.visualStudioSubscriptionEmail.isEmpty()) {
            blob += QChar(0x1f);
            blob += l.visualStudioSubscriptionEmail;
        }
        m_search.append(blob.toLower().toUtf8());
    }
    endResetModel();
}

void ConsumedLicensesModel::setCountedTwiceRows(const QList<int> &rows)
{
    QList<bool> flagged(m_rows.size(), false);
    for (int r : rows) {
        if (r >= 0 && r < m_rows.size()) {
            flagged[r] = true;
        }
    }
    int first = -1;
    int last = -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const bool was = m_flags.at(i) & CountedTwiceFlag;
        if (was != flagged.at(i)) {
            m_flags[i] ^= CountedTwiceFlag;
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(first, CountedTwiceColumn), index(last, CountedTwiceColumn),
            {Qt::DisplayRole, RawValueRole, CountedTwiceRole});
    }
}

int ConsumedLicensesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConsumedLicensesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList ConsumedLicensesModel::environments(int row) const
{
    QStringList envs;
    if (m_flags.at(row) & CloudFlag) {
        envs.append(i18nc("@item:intable environment", "Cloud"));
    }
    envs.append(m_rows.at(row).serverHosts());
    return envs;
}

QVariant ConsumedLicensesModel::rawValue(const ConsumedLicense &l, int column, int row) const
{
    switch (column) {
    case LoginColumn:
        return l.githubComLogin;
    case NameColumn:
        return l.githubComName;
    case EnvironmentsColumn:
        return environments(row);
    case CountedTwiceColumn:
        return bool(m_flags.at(row) & CountedTwiceFlag);
    case LicenseTypeColumn:
        return l.licenseType;
    case ServerUserIdsColumn:
        return l.enterpriseServerUserIds;
    case ServerEmailsColumn:
        return l.enterpriseServerEmails;
    case VerifiedEmailsColumn:
        return l.githubComVerifiedDomainEmails;
    case SamlNameIdColumn:
        return l.githubComSamlNameId;
    case MemberRolesColumn:
        return l.githubComMemberRoles;
    case EnterpriseRolesColumn:
        return l.githubComEnterpriseRoles;
    case PendingInvitesColumn:
        return l.githubComOrgsWithPendingInvites;
    case TwoFactorColumn:
        return int(l.githubComTwoFactorAuth);
    case GithubComUserColumn:
        return l.githubComUser;
    case EnterpriseServerUserColumn:
        return int(l.enterpriseServerUser);
    case VisualStudioUserColumn:
        return l.visualStudioSubscriptionUser;
    case VisualStudioStatusColumn:
        return l.visualStudioLicenseStatus;
    case VisualStudioEmailColumn:
        return l.visualStudioSubscriptionEmail;
    case ProfileColumn:
        return l.githubComProfile;
    case TotalAccountsColumn:
        return l.totalUserAccounts;
    default:
        return {};
    }
}

QVariant ConsumedLicensesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const ConsumedLicense &l = m_rows.at(row);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        const QVariant raw = rawValue(l, index.column(), row);
        switch (index.column()) {
        case CountedTwiceColumn:
            return raw.toBool() ? i18nc("@item:intable counted twice", "Probably") : QString();
        case LicenseTypeColumn:
            return licenseTypeText(l.licenseType);
        case TwoFactorColumn:
            return triText(l.githubComTwoFactorAuth);
        case EnterpriseServerUserColumn:
            return triText(l.enterpriseServerUser);
        case GithubComUserColumn:
        case VisualStudioUserColumn:
            return yesNo(raw.toBool());
        case TotalAccountsColumn:
            return raw;
        default:
            if (raw.metaType().id() == QMetaType::QStringList) {
                return raw.toStringList().join(QLatin1String(", "));
            }
            return raw;
        }
    }
    case Qt::TextAlignmentRole:
        return index.column() == TotalAccountsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RawValueRole:
        return rawValue(l, index.column(), row);
    case ServerOnlyRole:
        return l.isServerOnly();
    case CountedTwiceRole:
        return bool(m_flags.at(row) & CountedTwiceFlag);
    case ServerHostsRole:
        return l.serverHosts();
    default:
        return {};
    }
}

QVariant ConsumedLicensesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case LoginColumn:
        return i18nc("@title:column", "Login");
    case NameColumn:
        return i18nc("@title:column", "Name");
    case EnvironmentsColumn:
        return i18nc("@title:column", "Environments");
    case CountedTwiceColumn:
        return i18nc("@title:column", "Counted twice?");
    case LicenseTypeColumn:
        return i18nc("@title:column", "License type");
    case ServerUserIdsColumn:
        return i18nc("@title:column", "Server user IDs");
    case ServerEmailsColumn:
        return i18nc("@title:column", "Server e-mails");
    case VerifiedEmailsColumn:
        return i18nc("@title:column", "Verified-domain e-mails");
    case SamlNameIdColumn:
        return i18nc("@title:column", "SAML NameID");
    case MemberRolesColumn:
        return i18nc("@title:column", "Organization roles");
    case EnterpriseRolesColumn:
        return i18nc("@title:column", "Enterprise roles");
    case PendingInvitesColumn:
        return i18nc("@title:column", "Pending invitations");
    case TwoFactorColumn:
        return i18nc("@title:column", "2FA");
    case GithubComUserColumn:
        return i18nc("@title:column", "github.com user");
    case EnterpriseServerUserColumn:
        return i18nc("@title:column", "Server user");
    case VisualStudioUserColumn:
        return i18nc("@title:column", "Visual Studio subscriber");
    case VisualStudioStatusColumn:
        return i18nc("@title:column", "Visual Studio license status");
    case VisualStudioEmailColumn:
        return i18nc("@title:column", "Visual Studio e-mail");
    case ProfileColumn:
        return i18nc("@title:column", "Profile");
    case TotalAccountsColumn:
        return i18nc("@title:column", "Accounts");
    case ColumnCount:
        break;
    }
    return {};
}
} // namespace Glc
