// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "consumedlicensesmodel.h"

#include "licensing/hostorder.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>
#include <numeric>

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

/// The items of a cell joined the way the interface language joins a list ("a, b and c", "a、b和c").
QString listText(const QStringList &items)
{
    return QLocale().createSeparatedList(items);
}

/// GitHub's words for a role are the same in either spelling ("Billing manager", "billing_manager").
QString roleKey(const QString &role)
{
    return role.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

/// A role of GitHub's license report (organizations say "Owner", the enterprise "owner"), translated.
/// An unknown role is GitHub's own word and is shown as it came.
QString roleText(const QString &role)
{
    const QString key = roleKey(role);
    if (key == QLatin1String("owner")) {
        return i18nc("@item:intable organization or enterprise role", "Owner");
    }
    if (key == QLatin1String("member")) {
        return i18nc("@item:intable organization or enterprise role", "Member");
    }
    if (key == QLatin1String("billing_manager")) {
        return i18nc("@item:intable organization or enterprise role", "Billing manager");
    }
    if (key == QLatin1String("moderator")) {
        return i18nc("@item:intable organization role", "Moderator");
    }
    if (key == QLatin1String("security_manager")) {
        return i18nc("@item:intable organization role", "Security manager");
    }
    if (key == QLatin1String("outside_collaborator")) {
        return i18nc("@item:intable organization or enterprise role", "Outside collaborator");
    }
    if (key == QLatin1String("guest_collaborator")) {
        return i18nc("@item:intable enterprise role", "Guest collaborator");
    }
    if (key == QLatin1String("unaffiliated")) {
        return i18nc("@item:intable enterprise role", "Unaffiliated");
    }
    return role;
}

/// "ORG:Role" (github_com_member_roles): the organization as it is, its role translated.
QString memberRoleText(const QString &orgAndRole)
{
    const qsizetype colon = orgAndRole.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == orgAndRole.size() - 1) {
        return roleText(orgAndRole);
    }
    return i18nc("@item:intable %1 organization, %2 the person's role in it", "%1: %2", orgAndRole.left(colon),
        roleText(orgAndRole.mid(colon + 1)));
}

/// visual_studio_license_status, translated when GitHub's word is known.
QString visualStudioStatusText(const QString &status)
{
    const QString key = roleKey(status);
    if (key == QLatin1String("matched")) {
        return i18nc("@item:intable Visual Studio license status", "Matched");
    }
    if (key == QLatin1String("unmatched")) {
        return i18nc("@item:intable Visual Studio license status", "Unmatched");
    }
    return status;
}

QStringList translated(QStringList items, QString (*text)(const QString &))
{
    for (QString &item : items) {
        item = text(item);
    }
    return items;
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
    setRows(CompactLicenseRows::fromLicenses(licenses));
}

void ConsumedLicensesModel::setRows(const CompactLicenseRows &rows)
{
    beginResetModel();
    for (SortRanks &cached : m_sortRanks) {
        cached = {};
    }
    m_rows = rows;
    const qsizetype n = m_rows.size();
    m_flags.assign(n, 0);
    m_hostMasks.assign(n, 0);
    for (qsizetype i = 0; i < n; ++i) {
        quint8 f = m_rows.isServerOnly(i) ? ServerOnlyFlag : CloudFlag;
        if (m_rows.githubComTwoFactorAuth(i) == TriState::No) {
            f |= TwoFactorOffFlag;
        }
        if (m_rows.isPendingInvitationOnly(i)) {
            f |= PendingInvitationOnlyFlag;
        }
        if (m_rows.visualStudioSubscriptionUser(i)) {
            f |= VisualStudioFlag;
        }
        quint64 mask = 0;
        const QList<int> hosts = m_rows.hostIndexes(i);
        for (int h : hosts) {
            if (h < 64) {
                mask |= quint64(1) << h;
            }
        }
        if (!hosts.isEmpty()) {
            f |= HasServerFlag;
        }
        m_flags[i] = f;
        m_hostMasks[i] = mask;
    }
    endResetModel();
}

QList<ConsumedLicense> ConsumedLicensesModel::licenses() const
{
    QList<ConsumedLicense> all;
    all.reserve(m_rows.size());
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        all.append(m_rows.license(i));
    }
    return all;
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
        for (SortRanks &cached : m_sortRanks) {
            if (cached.column == CountedTwiceColumn) {
                cached = {};
            }
        }
        Q_EMIT dataChanged(index(first, CountedTwiceColumn), index(last, CountedTwiceColumn),
            {Qt::DisplayRole, RawValueRole, CountedTwiceRole});
    }
}

quint32 ConsumedLicensesModel::sortRank(int row, int column) const
{
    for (const SortRanks &cached : m_sortRanks) {
        if (cached.column == column) {
            return cached.ranks.at(row);
        }
    }
    const int n = rowCount();
    // Each text case-folded once, then compared as plain UTF-16: the order (and the equal texts) of comparing
    // case-insensitively, without folding both sides again at every one of the sort's n log n comparisons.
    QList<QString> keys;
    keys.reserve(n);
    for (int i = 0; i < n; ++i) {
        keys.append(data(index(i, column), Qt::DisplayRole).toString().toCaseFolded());
    }
    QList<quint32> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&keys](quint32 a, quint32 b) { return keys.at(a) < keys.at(b); });
    QList<quint32> ranks(n);
    for (int k = 0; k < n; ++k) {
        const bool sameAsPrevious = k > 0 && keys.at(order.at(k)) == keys.at(order.at(k - 1));
        ranks[order.at(k)] = sameAsPrevious ? ranks.at(order.at(k - 1)) : quint32(k);
    }
    // Replace the older entry; the newer one moves first.
    m_sortRanks[1] = std::move(m_sortRanks[0]);
    m_sortRanks[0] = SortRanks{column, std::move(ranks), n > 0 && keys.at(order.at(0)).isEmpty()};
    return m_sortRanks[0].ranks.at(row);
}

bool ConsumedLicensesModel::blankRanksFirst(int column) const
{
    for (const SortRanks &cached : m_sortRanks) {
        if (cached.column == column) {
            return cached.blankFirst;
        }
    }
    return false;
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
    QStringList hosts = m_rows.serverHosts(row);
    HostOrder::sort(hosts); // as every list of servers
    envs.append(hosts);
    return envs;
}

QVariant ConsumedLicensesModel::rawValue(int column, int row) const
{
    using Text = CompactLicenseRows::Text;
    using List = CompactLicenseRows::List;
    // One field decoded per call: a view asks for a few dozen cells, a sort for one column.
    switch (column) {
    case LoginColumn:
        return m_rows.text(row, Text::Login);
    case NameColumn:
        return m_rows.text(row, Text::Name);
    case EnvironmentsColumn:
        return environments(row);
    case CountedTwiceColumn:
        return bool(m_flags.at(row) & CountedTwiceFlag);
    case LicenseTypeColumn:
        return m_rows.licenseType(row);
    case ServerUserIdsColumn:
        return m_rows.list(row, List::ServerUserIds);
    case ServerEmailsColumn:
        return m_rows.list(row, List::ServerEmails);
    case VerifiedEmailsColumn:
        return m_rows.list(row, List::VerifiedDomainEmails);
    case SamlNameIdColumn:
        return m_rows.text(row, Text::SamlNameId);
    case MemberRolesColumn:
        return m_rows.list(row, List::MemberRoles);
    case EnterpriseRolesColumn:
        return m_rows.list(row, List::EnterpriseRoles);
    case PendingInvitesColumn:
        return m_rows.list(row, List::OrgsWithPendingInvites);
    case TwoFactorColumn:
        return int(m_rows.githubComTwoFactorAuth(row));
    case GithubComUserColumn:
        return m_rows.githubComUser(row);
    case EnterpriseServerUserColumn:
        return int(m_rows.enterpriseServerUser(row));
    case VisualStudioUserColumn:
        return m_rows.visualStudioSubscriptionUser(row);
    case VisualStudioStatusColumn:
        return m_rows.text(row, Text::VisualStudioLicenseStatus);
    case VisualStudioEmailColumn:
        return m_rows.text(row, Text::VisualStudioSubscriptionEmail);
    case ProfileColumn:
        return m_rows.text(row, Text::Profile);
    case TotalAccountsColumn:
        return m_rows.totalUserAccounts(row);
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
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        switch (index.column()) {
        case CountedTwiceColumn:
            return (m_flags.at(row) & CountedTwiceFlag) ? i18nc("@item:intable counted twice", "Probably") : QString();
        case LicenseTypeColumn:
            return licenseTypeText(m_rows.licenseType(row));
        case TwoFactorColumn:
            return triText(m_rows.githubComTwoFactorAuth(row));
        case EnterpriseServerUserColumn:
            return triText(m_rows.enterpriseServerUser(row));
        case GithubComUserColumn:
            return yesNo(m_rows.githubComUser(row));
        case VisualStudioUserColumn:
            return yesNo(m_rows.visualStudioSubscriptionUser(row));
        case TotalAccountsColumn:
            return m_rows.totalUserAccounts(row);
        case MemberRolesColumn:
            return listText(translated(m_rows.list(row, CompactLicenseRows::List::MemberRoles), memberRoleText));
        case EnterpriseRolesColumn:
            return listText(translated(m_rows.list(row, CompactLicenseRows::List::EnterpriseRoles), roleText));
        case VisualStudioStatusColumn:
            return visualStudioStatusText(m_rows.text(row, CompactLicenseRows::Text::VisualStudioLicenseStatus));
        default:
            break;
        }
        // Logins, names, e-mails, hosts and organizations are data: shown as they are, lists joined
        // the way the interface language joins them.
        const QVariant raw = rawValue(index.column(), row);
        if (raw.metaType().id() == QMetaType::QStringList) {
            return listText(raw.toStringList());
        }
        return raw;
    }
    case Qt::TextAlignmentRole:
        return index.column() == TotalAccountsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RawValueRole:
        return rawValue(index.column(), row);
    case ServerOnlyRole:
        return bool(m_flags.at(row) & ServerOnlyFlag);
    case CountedTwiceRole:
        return bool(m_flags.at(row) & CountedTwiceFlag);
    case ServerHostsRole:
        return m_rows.serverHosts(row);
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
