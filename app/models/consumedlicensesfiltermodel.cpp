// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "consumedlicensesfiltermodel.h"

#include "consumedlicensesmodel.h"
#include "licensing/organizationbreakdown.h"

#include <QByteArrayMatcher>

namespace Glc {
ConsumedLicensesFilterModel::ConsumedLicensesFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ConsumedLicensesFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ConsumedLicensesModel *>(model);
    Q_ASSERT(!model || m_model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ConsumedLicensesFilterModel::refilter()
{
    // A keystroke can add or remove most of 300k rows; incremental row removal/insertion is far
    // slower then than rebuilding the mapping (one pass over the precomputed search texts).
    invalidate();
}

void ConsumedLicensesFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText) {
        return;
    }
    m_searchText = trimmed;
    m_needle = trimmed.toLower().toUtf8();
    refilter();
}

void ConsumedLicensesFilterModel::setEnvironment(Environment environment, const QString &host)
{
    m_environment = environment;
    m_host = environment == Environment::Host ? host : QString();
    refilter();
}

void ConsumedLicensesFilterModel::setLicenseType(const QString &type)
{
    m_licenseType = type;
    refilter();
}

void ConsumedLicensesFilterModel::setOrganization(const QString &organization)
{
    m_organization = organization;
    refilter();
}

namespace {
quint8 withFlag(quint8 flags, quint8 flag, bool on)
{
    return on ? (flags | flag) : (flags & ~flag);
}
} // namespace

void ConsumedLicensesFilterModel::setVisualStudioOnly(bool on)
{
    m_requiredFlags = withFlag(m_requiredFlags, ConsumedLicensesModel::VisualStudioFlag, on);
    refilter();
}

void ConsumedLicensesFilterModel::setTwoFactorOffOnly(bool on)
{
    m_requiredFlags = withFlag(m_requiredFlags, ConsumedLicensesModel::TwoFactorOffFlag, on);
    refilter();
}

void ConsumedLicensesFilterModel::setPendingInvitationOnly(bool on)
{
    m_requiredFlags = withFlag(m_requiredFlags, ConsumedLicensesModel::PendingInvitationOnlyFlag, on);
    refilter();
}

void ConsumedLicensesFilterModel::setCountedTwiceOnly(bool on)
{
    m_requiredFlags = withFlag(m_requiredFlags, ConsumedLicensesModel::CountedTwiceFlag, on);
    refilter();
}

void ConsumedLicensesFilterModel::clearFilters()
{
    m_searchText.clear();
    m_needle.clear();
    m_environment = Environment::Any;
    m_host.clear();
    m_licenseType.clear();
    m_organization.clear();
    m_requiredFlags = 0;
    refilter();
}

bool ConsumedLicensesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid()) {
        return true;
    }
    const quint8 flags = m_model->flags(sourceRow);
    if ((flags & m_requiredFlags) != m_requiredFlags) {
        return false;
    }
    switch (m_environment) {
    case Environment::Any:
        break;
    case Environment::Cloud:
        if (!(flags & ConsumedLicensesModel::CloudFlag)) {
            return false;
        }
        break;
    case Environment::ServerOnly:
        if (!(flags & ConsumedLicensesModel::ServerOnlyFlag)) {
            return false;
        }
        break;
    case Environment::Host: {
        const qsizetype hostIndex = m_model->hosts().indexOf(m_host);
        if (hostIndex < 0) {
            return false;
        }
        if (hostIndex < 64) {
            if (!(m_model->hostMask(sourceRow) & (quint64(1) << hostIndex))) {
                return false;
            }
        } else if (!m_model->serverHosts(sourceRow).contains(m_host)) {
            return false;
        }
        break;
    }
    }
    if (!m_licenseType.isEmpty() && m_model->licenseType(sourceRow) != m_licenseType) {
        return false;
    }
    if (!m_needle.isEmpty() && !m_model->searchText(sourceRow).contains(m_needle)) {
        return false;
    }
    if (!m_organization.isEmpty()) {
        if (!OrganizationBreakdown::involves(m_model->rows(), sourceRow, m_organization)) {
            return false;
        }
    }
    return true;
}

bool ConsumedLicensesFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const int column = left.column();
    if (column == ConsumedLicensesModel::TotalAccountsColumn) {
        return m_model->totalUserAccounts(left.row()) < m_model->totalUserAccounts(right.row());
    }
    if (column == ConsumedLicensesModel::CountedTwiceColumn) {
        return (m_model->flags(left.row()) & ConsumedLicensesModel::CountedTwiceFlag) <
            (m_model->flags(right.row()) & ConsumedLicensesModel::CountedTwiceFlag);
    }
    // Same order as comparing the display texts case-insensitively, precomputed per column.
    const quint32 leftRank = m_model->sortRank(left.row(), column);
    const quint32 rightRank = m_model->sortRank(right.row(), column);
    // Empty cells (rank 0 where there are any) last in either order, as in a spreadsheet (descending, Qt places
    // a row first when it is *not* less): sorted by login the table does not open on a screen of server-only
    // seats without one.
    if ((leftRank == 0) != (rightRank == 0) && m_model->blankRanksFirst(column)) {
        return sortOrder() == Qt::AscendingOrder ? rightRank == 0 : leftRank == 0;
    }
    return leftRank < rightRank;
}
} // namespace Glc
