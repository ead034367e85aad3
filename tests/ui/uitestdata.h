// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Sample data and set-up shared by the License page widget tests and the screenshots.

#include "licensepage/countedtwicepanel.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/userlicensescard.h"
#include "licensing/licensevalues.h"

#include <QDateTime>
#include <QLocale>
#include <QStandardPaths>
#include <QTimeZone>

namespace UiTestData {
/// Fixed "now" so relative times and the stale warning are deterministic.
inline QDateTime now()
{
    return QDateTime(QDate(2026, 5, 10), QTime(12, 0), QTimeZone::UTC);
}

/// Test mode for paths, US English numbers and dates unless the environment asks for Chinese.
inline void setUp()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("zh"))) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
}

inline LicenseSummary summary()
{
    return {1342, 1500, QStringLiteral("enterprise"), now().addDays(45)};
}

inline QList<Glc::ServerLicenseInfo> serverLicenses()
{
    Glc::ServerLicenseInfo a;
    a.hostname = QStringLiteral("ghes1.corp.example");
    a.seats = 1000;
    a.seatsUsed = 812;
    a.seatsAvailable = 188;
    a.kind = QStringLiteral("enterprise");
    a.expireAt = now().addDays(200);
    a.installedVersion = QStringLiteral("3.14.2");
    Glc::ServerLicenseInfo b;
    b.hostname = QStringLiteral("ghes2.lab.example");
    b.seats = std::nullopt;
    b.seatsUsed = 57;
    b.kind = QStringLiteral("evaluation");
    b.installedVersion = QStringLiteral("3.12.9");
    return {a, b};
}

inline QList<ServerRow> serverRows()
{
    ServerRow fresh{{QStringLiteral("11111111-aaaa"), QStringLiteral("ghes1.corp.example"), now().addDays(-2),
                        QStringLiteral("success"), QString(), QDateTime()},
        QStringLiteral("3.14.2"), true};
    ServerRow stale{
        {QStringLiteral("22222222-bbbb"), QStringLiteral("ghes2.lab.example"), now().addDays(-9),
            QStringLiteral("failure"),
            QStringLiteral("Upload rejected: license usage file is older than the last upload"), now().addDays(-16)},
        QStringLiteral("3.12.9"), false};
    ServerRow never{{QStringLiteral("33333333-cccc"), QStringLiteral("ghes3.eu.example"), QDateTime(), QString(),
                        QString(), QDateTime()},
        QString(), std::nullopt};
    return {fresh, stale, never};
}

inline QList<Glc::EnterpriseServerInstallation> installations()
{
    Glc::EnterpriseServerInstallation a;
    a.id = QStringLiteral("ESI_1");
    a.hostName = QStringLiteral("ghes1.corp.example");
    a.customerName = QStringLiteral("Acme Corp");
    a.isConnected = true;
    a.uploads = {{QStringLiteral("ghes1-license-usage-2026-05-08.json"), Glc::UploadSyncState::Success,
        now().addDays(-2), now().addDays(-2)}};
    Glc::EnterpriseServerInstallation b;
    b.id = QStringLiteral("ESI_2");
    b.hostName = QStringLiteral("ghes2.lab.example");
    b.customerName = QStringLiteral("Acme Corp");
    b.isConnected = false;
    b.uploads = {{QStringLiteral("ghes2-license-usage-2026-05-10.json"), Glc::UploadSyncState::Pending,
        now().addSecs(-3600), now().addSecs(-3600)}};
    Glc::EnterpriseServerInstallation c;
    c.id = QStringLiteral("ESI_3");
    c.hostName = QStringLiteral("ghes3.eu.example");
    c.customerName = QStringLiteral("Acme GmbH");
    return {a, b, c};
}

inline QList<Glc::SuspectedPairRow> pairs()
{
    return {
        {QStringLiteral("ghes1.corp.example: jdoe (jane.doe@corp.example)"), QStringLiteral("janedoe-gh"),
            QStringLiteral("Same person: the server email is not a verified email of the GitHub.com account"),
            QStringLiteral("Add and verify jane.doe@corp.example on janedoe-gh"), 1, 0.92},
        {QStringLiteral("ghes2.lab.example: bsmith"), QStringLiteral("bob-smith"),
            QStringLiteral("Same name and login, different emails"),
            QStringLiteral("Make the primary server email a verified GitHub.com email"), 2, 0.61},
    };
}

inline QList<QPair<QDateTime, int>> consumedHistory()
{
    QList<QPair<QDateTime, int>> out;
    int value = 1100;
    for (int week = 20; week >= 0; --week) {
        out.append({now().addDays(-7 * week), value});
        value += (week % 3 == 0) ? 20 : 8;
    }
    return out;
}

inline QList<QPair<QDateTime, int>> purchasedHistory()
{
    return {{now().addDays(-140), 1400}, {now().addDays(-70), 1400}, {now().addDays(-69), 1500}, {now(), 1500}};
}

inline QList<QPair<QDateTime, int>> forecast()
{
    return {{now().addDays(30), 1390}, {now().addDays(60), 1440}, {now().addDays(90), 1510}};
}
} // namespace UiTestData
