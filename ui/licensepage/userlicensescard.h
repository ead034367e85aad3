// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QDateTime>
#include <QGroupBox>

#include <functional>

class QGridLayout;
class QLabel;
class QPushButton;
class UsageMeter;

/// The enterprise's seat totals as the User licenses card shows them.
struct LicenseSummary
{
    int consumed = 0;
    int purchased = 0;
    QString kind; ///< GitHub's word: "enterprise", "evaluation", ...
    QDateTime expiresAt; ///< invalid when unknown
    /// The server whose license file gave expiresAt, when the enterprise's own data does not tell it (GitHub
    /// Enterprise Cloud); empty for a server's own license.
    QString expiryFrom = {};
    bool unlimited = false; ///< a license without a seat limit: nothing is "available" or "over"

    bool operator==(const LicenseSummary &) const = default;
};

/// "User licenses": consumed of purchased, available, the usage meter, license kind and expiry,
/// and the license seats of each Enterprise Server instance.
class UserLicensesCard : public QGroupBox
{
    Q_OBJECT
public:
    explicit UserLicensesCard(QWidget *parent = nullptr);

    void setSummary(const LicenseSummary &summary);
    void setServerLicenses(const QList<Glc::ServerLicenseInfo> &servers);
    /// The clock that "days left" counts from; tests inject a fixed one.
    void setClock(const std::function<QDateTime()> &clock);
    /// The clock moved on (the page's minute tick): "12 days left" follows it.
    void refreshTimes() { updateSummary(); }

    LicenseSummary summary() const { return m_summary; }
    UsageMeter *meter() const { return m_meter; }

private:
    void updateSummary();
    void rebuildServers();
    /// Hides the servers beyond the first few of a long list unless the admin asked to see them all.
    void showServerRows();

    QLabel *const m_consumedLabel;
    QLabel *const m_availableLabel;
    UsageMeter *const m_meter;
    QLabel *const m_meterLabel;
    QLabel *const m_kindLabel;
    QLabel *const m_expiryLabel;
    QLabel *const m_serversHeading;
    QWidget *const m_servers;
    QGridLayout *const m_serversLayout;
    /// Shows the servers beyond the first few of a long list, or hides them again.
    QPushButton *const m_moreServers;
    bool m_allServersShown = false;

    LicenseSummary m_summary;
    QList<Glc::ServerLicenseInfo> m_serverLicenses;
    std::function<QDateTime()> m_clock;
};
