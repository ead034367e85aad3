// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QByteArray>
#include <QSortFilterProxyModel>

namespace Glc {
class ConsumedLicensesModel;

/// Search and filters over a ConsumedLicensesModel: free text across login, name and every e-mail
/// (case-insensitive), environment, license type, github.com organization, Visual Studio, 2FA off,
/// pending invitation only, probably counted twice. Works on the source model's precomputed side arrays, not on
/// QVariants.
class ConsumedLicensesFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Environment : qint8 {
        Any,
        Cloud, ///< has a github.com account
        ServerOnly, ///< only Enterprise Server accounts
        Host, ///< has an account on environmentHost()
    };
    Q_ENUM(Environment)

    explicit ConsumedLicensesFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setEnvironment(Environment environment, const QString &host = {});
    Environment environment() const { return m_environment; }
    QString environmentHost() const { return m_host; }
    /// Empty: any; else the raw license type ("enterprise", "visual_studio").
    void setLicenseType(const QString &type);
    /// Empty: any; else the seats with a member role in, or an invitation to, this github.com
    /// organization (what OrganizationBreakdown counts for it).
    void setOrganization(const QString &organization);
    QString organization() const { return m_organization; }
    void setVisualStudioOnly(bool on);
    void setTwoFactorOffOnly(bool on);
    void setPendingInvitationOnly(bool on);
    void setCountedTwiceOnly(bool on);
    void clearFilters();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    ConsumedLicensesModel *m_model = nullptr;
    QString m_searchText;
    QByteArray m_needle;
    Environment m_environment = Environment::Any;
    QString m_host;
    QString m_licenseType;
    QString m_organization;
    quint8 m_requiredFlags = 0;
};
} // namespace Glc
