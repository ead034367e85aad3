// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "userlicensescard.h"

#include "statuscolors.h"
#include "uiformat.h"
#include "usagemeter.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

UserLicensesCard::UserLicensesCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "User licenses"), parent)
    , m_consumedLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("consumedLabel"), i18nc("@label accessible name", "Consumed licenses"), this))
    , m_availableLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("availableLabel"), i18nc("@label accessible name", "Available licenses"), this))
    , m_meter(new UsageMeter(this))
    , m_meterLabel(
          WidgetUtil::makeValueLabel(QStringLiteral("meterLabel"), i18nc("@label accessible name", "Seat usage"), this))
    , m_kindLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("kindLabel"), i18nc("@label accessible name", "License kind"), this))
    , m_expiryLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("expiryLabel"), i18nc("@label accessible name", "License expiry"), this))
    , m_serversHeading(new QLabel(i18nc("@title:group", "Enterprise Server license seats"), this))
    , m_servers(new QWidget(this))
    , m_serversLayout(new QGridLayout(m_servers))
    , m_moreServers(new QPushButton(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("userLicensesCard"));
    setAccessibleName(title());

    QFont big = m_consumedLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_consumedLabel->setFont(big);
    m_consumedLabel->setWordWrap(true);
    m_availableLabel->setWordWrap(true);
    m_meterLabel->setWordWrap(true);
    m_kindLabel->setWordWrap(true);
    m_expiryLabel->setWordWrap(true);

    m_serversHeading->setObjectName(QStringLiteral("serversHeading"));
    QFont bold = m_serversHeading->font();
    bold.setBold(true);
    m_serversHeading->setFont(bold);
    m_servers->setObjectName(QStringLiteral("serverSeats"));
    m_serversLayout->setContentsMargins(0, 0, 0, 0);
    m_serversLayout->setColumnStretch(1, 1);
    m_moreServers->setObjectName(QStringLiteral("moreServersButton"));
    m_moreServers->setFlat(true);
    m_moreServers->setVisible(false);
    connect(m_moreServers, &QPushButton::clicked, this, [this] {
        m_allServersShown = !m_allServersShown;
        showServerRows();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_consumedLabel);
    layout->addWidget(m_availableLabel);
    layout->addWidget(m_meter);
    layout->addWidget(m_meterLabel);
    layout->addWidget(m_kindLabel);
    layout->addWidget(m_expiryLabel);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_serversHeading);
    layout->addWidget(m_servers);
    layout->addWidget(m_moreServers, 0, Qt::AlignLeft);
    layout->addStretch(1);

    updateSummary();
    rebuildServers();
}

void UserLicensesCard::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    updateSummary();
}

void UserLicensesCard::setSummary(const LicenseSummary &summary)
{
    m_summary = summary;
    updateSummary();
}

void UserLicensesCard::setServerLicenses(const QList<Glc::ServerLicenseInfo> &servers)
{
    m_serverLicenses = servers;
    rebuildServers();
}

void UserLicensesCard::updateSummary()
{
    const LicenseSummary &s = m_summary;
    // A license without a seat limit has no share to meter and nothing available or over.
    m_meter->setVisible(!s.unlimited);
    m_meterLabel->setVisible(!s.unlimited);
    const int available = s.purchased - s.consumed;
    if (s.unlimited) {
        m_consumedLabel->setText(i18ncp("@info licenses consumed, license without a seat limit", "%2 consumed",
            "%2 consumed", s.consumed, UiFormat::number(s.consumed)));
        m_availableLabel->setText(i18nc("@info", "The license has no seat limit"));
        StatusColors::setTextRole(m_availableLabel, std::nullopt);
    } else if (available >= 0) {
        m_consumedLabel->setText(i18nc("@info consumed of purchased licenses", "%1 of %2 consumed",
            UiFormat::number(s.consumed), UiFormat::number(s.purchased)));
        m_availableLabel->setText(
            i18ncp("@info", "%2 license available", "%2 licenses available", available, UiFormat::number(available)));
        StatusColors::setTextRole(m_availableLabel, std::nullopt);
    } else {
        m_consumedLabel->setText(i18nc("@info consumed of purchased licenses", "%1 of %2 consumed",
            UiFormat::number(s.consumed), UiFormat::number(s.purchased)));
        m_availableLabel->setText(i18ncp("@info", "%2 license over the purchased seats",
            "%2 licenses over the purchased seats", -available, UiFormat::number(-available)));
        StatusColors::setTextRole(m_availableLabel, StatusColors::Role::Negative);
    }
    m_meter->setUsage(s.consumed, s.purchased);
    m_meterLabel->setText(m_meter->text());

    m_kindLabel->setText(i18nc("@info", "License: %1", UiFormat::licenseKind(s.kind)));
    if (s.expiresAt.isValid()) {
        const int days = int(m_clock().toLocalTime().date().daysTo(s.expiresAt.toLocalTime().date()));
        m_expiryLabel->setText(i18nc(
            "@info expiry date (days left)", "Expires %1 (%2)", UiFormat::date(s.expiresAt), UiFormat::daysLeft(days)));
        StatusColors::setTextRole(m_expiryLabel,
            days < 0         ? std::optional(StatusColors::Role::Negative)
                : days <= 30 ? std::optional(StatusColors::Role::Warning)
                             : std::nullopt);
        m_expiryLabel->setToolTip(s.expiryFrom.isEmpty()
                ? QString()
                : i18nc("@info:tooltip %1 host",
                      "From the license file of %1: GitHub Enterprise Cloud does not report when the license ends.",
                      s.expiryFrom));
    } else {
        m_expiryLabel->setText(i18nc("@info", "Expiry date unknown"));
        StatusColors::setTextRole(m_expiryLabel, std::nullopt);
        m_expiryLabel->setToolTip(i18nc("@info:tooltip",
            "No license read so far tells when it ends (GitHub Enterprise Cloud does not report it); a GitHub "
            "Enterprise Server connection to one of the enterprise's servers reads it from that server's license "
            "file."));
    }
    m_expiryLabel->setAccessibleDescription(m_expiryLabel->toolTip());
}

void UserLicensesCard::rebuildServers()
{
    WidgetUtil::clearLayout(m_serversLayout);
    m_serversHeading->setVisible(!m_serverLicenses.isEmpty());
    m_servers->setVisible(!m_serverLicenses.isEmpty());
    // The card's expiry is the soonest of these; a server's line names its own only where it differs.
    const Glc::ServerLicenseInfo *soonest = Glc::ServerLicenseInfo::soonestExpiry(m_serverLicenses);
    int row = 0;
    for (const Glc::ServerLicenseInfo &server : std::as_const(m_serverLicenses)) {
        const QString suffix = WidgetUtil::objectNameSuffix(server.hostname);
        auto *host = WidgetUtil::makeValueLabel(
            QStringLiteral("serverHost_%1").arg(suffix), i18nc("@label accessible name", "Server"), m_servers);
        host->setText(server.hostname);
        auto *seats = WidgetUtil::makeValueLabel(QStringLiteral("serverSeats_%1").arg(suffix),
            i18nc("@label accessible name, %1 a host name", "License seats of %1", server.hostname), m_servers);
        seats->setWordWrap(true);
        QString text;
        if (server.seats) {
            text = i18ncp("@info %2 seats used of %3 seats", "%2 of %3 seat used", "%2 of %3 seats used", *server.seats,
                UiFormat::number(server.seatsUsed), UiFormat::number(*server.seats));
        } else {
            text = i18ncp("@info %2 seats used, license without a seat limit", "%2 seat used of unlimited",
                "%2 seats used of unlimited", server.seatsUsed, UiFormat::number(server.seatsUsed));
        }
        if (!server.kind.isEmpty()) {
            text = i18nc("@info seat text, license kind", "%1 · %2", text, UiFormat::licenseKind(server.kind));
        }
        if (server.expireAt.isValid() && !server.expiresWith(soonest)) {
            text = i18nc("@info seat text, expiry", "%1 · expires %2", text, UiFormat::date(server.expireAt));
        }
        seats->setText(text);
        m_serversLayout->addWidget(host, row, 0, Qt::AlignTop);
        m_serversLayout->addWidget(seats, row, 1);
        ++row;
    }
    showServerRows();
}

namespace {
/// A list this long shows its first CollapsedServerRows servers until the admin asks for all.
constexpr int LongServerList = 9;
constexpr int CollapsedServerRows = 6;
} // namespace

void UserLicensesCard::showServerRows()
{
    const int rows = m_serverLicenses.size();
    const bool collapsible = rows >= LongServerList;
    const int shown = collapsible && !m_allServersShown ? CollapsedServerRows : rows;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < 2; ++column) {
            if (QLayoutItem *item = m_serversLayout->itemAtPosition(row, column); item && item->widget()) {
                item->widget()->setVisible(row < shown);
            }
        }
    }
    m_moreServers->setVisible(collapsible);
    m_moreServers->setText(shown < rows
            ? i18ncp("@action:button", "Show the Other %1 Server", "Show the Other %1 Servers", rows - shown)
            : i18nc("@action:button", "Show Fewer Servers"));
}
