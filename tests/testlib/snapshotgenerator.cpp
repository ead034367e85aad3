// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotgenerator.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTimeZone>

using namespace Glc;

namespace GlcTest {
namespace {
const char16_t *const FamilyNames[] = {u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵"};
const char16_t *const GivenNames[] = {u"伟", u"芳", u"娜", u"敏", u"静", u"丽", u"强", u"磊"};
const char *const FirstNames[] = {
    "Anna", "Björn", "Chloé", "David", "Elif", "Farah", "Gustavo", "Hiro", "Ines", "José"};
const char *const LastNames[] = {"Müller", "Smith", "Øster", "García", "Nguyen", "Kowalski", "O'Brien", "Dubois"};
} // namespace

namespace {
/// Every server account the seat rows name ("HOST:ID"), on its installation, as a refresh stores
/// the GraphQL `userAccounts`: the row's login or name and its first server e-mail.
void addServerAccounts(LicenseSnapshot &snapshot)
{
    QHash<QString, qsizetype> installationOf;
    for (qsizetype i = 0; i < snapshot.installations.size(); ++i) {
        installationOf.insert(snapshot.installations.at(i).hostName, i);
    }
    for (const ConsumedLicense &seat : std::as_const(snapshot.licenses.users)) {
        for (const QString &userId : seat.enterpriseServerUserIds) {
            const qsizetype colon = userId.lastIndexOf(QLatin1Char(':'));
            const auto it = installationOf.constFind(userId.left(colon));
            if (colon < 0 || it == installationOf.cend()) {
                continue;
            }
            EnterpriseServerInstallation &inst = snapshot.installations[*it];
            const QString id = userId.mid(colon + 1);
            QString login = seat.githubComLogin;
            login.replace(QLatin1String("-gh"), QString());
            inst.userAccounts.append(ServerUserAccount{login.isEmpty() ? QStringLiteral("user") + id : login, id,
                seat.githubComName, snapshot.takenAt.addDays(-200), false,
                {ServerUserEmail{seat.enterpriseServerEmails.value(0), true}}});
            inst.userAccountsTotal = int(inst.userAccounts.size());
        }
    }
}
} // namespace

QString SnapshotGenerator::serverHost(int server)
{
    return QStringLiteral("ghes-%1.example.com").arg(server + 1);
}

LicenseSnapshot SnapshotGenerator::generate(const SnapshotGeneratorOptions &o)
{
    QRandomGenerator rng(o.seed);
    LicenseSnapshot snapshot;
    snapshot.connectionId = o.connectionId;
    snapshot.takenAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone::UTC);
    snapshot.source = QStringLiteral("generator seed %1").arg(o.seed);
    QList<ConsumedLicense> &users = snapshot.licenses.users;
    users.reserve(o.users + int(o.users * o.serverShare * o.mismatchedShare) + 16);
    const QString license = QStringLiteral("enterprise");
    const QString vsLicense = QStringLiteral("visual_studio");
    const QString member = QStringLiteral("acme:Member");
    const QString owner = QStringLiteral("acme:Owner");
    const QString research = QStringLiteral("research:Member");
    QStringList serverIdsCounter(o.servers);
    for (int i = 0; i < o.users; ++i) {
        ConsumedLicense u;
        const bool chinese = rng.generateDouble() < o.chineseShare;
        QString local;
        if (chinese) {
            u.githubComName = QString::fromUtf16(FamilyNames[i % 8]) + QString::fromUtf16(GivenNames[(i / 8) % 8]) +
                QString::number(i);
            local = QStringLiteral("zh.user%1").arg(i);
        } else {
            const QString first = QString::fromUtf8(FirstNames[i % 10]);
            const QString last = QString::fromUtf8(LastNames[(i / 10) % 8]);
            u.githubComName = QStringLiteral("%1 %2 %3").arg(first, last).arg(i);
            local = QStringLiteral("%1.%2%3").arg(first.toLower(), QStringLiteral("u"), QString::number(i));
        }
        u.githubComLogin = QStringLiteral("user%1-gh").arg(i);
        u.githubComProfile = QStringLiteral("https://github.com/") + u.githubComLogin;
        const QString email = local + QStringLiteral("@example.com");
        u.githubComVerifiedDomainEmails = {email};
        u.githubComSamlNameId = email;
        u.githubComUser = true;
        u.licenseType = license;
        u.githubComTwoFactorAuth = (i % 17 == 0) ? TriState::No : TriState::Yes;
        u.totalUserAccounts = 1;
        if (rng.generateDouble() < o.pendingInviteShare) {
            u.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
            u.githubComUser = false;
        } else {
            u.githubComMemberRoles = {i % 50 == 0 ? owner : member};
            if (i % 7 == 0) {
                u.githubComMemberRoles.append(research);
            }
        }
        if (rng.generateDouble() < o.visualStudioShare) {
            u.visualStudioSubscriptionUser = true;
            u.licenseType = vsLicense;
            u.visualStudioLicenseStatus = QStringLiteral("Active");
            u.visualStudioSubscriptionEmail = email;
        }
        ConsumedLicense serverOnly;
        if (o.servers > 0 && rng.generateDouble() < o.serverShare) {
            const int count = 1 + (rng.bounded(10) == 0 ? 1 : 0);
            const bool mismatched = rng.generateDouble() < o.mismatchedShare;
            ConsumedLicense &target = mismatched ? serverOnly : u;
            const QString serverEmail = mismatched ? local + QStringLiteral("@corp.example.net") : email;
            for (int k = 0; k < count; ++k) {
                const int server = (i + k * 7) % o.servers;
                target.enterpriseServerUserIds.append(
                    serverHost(server) + QLatin1Char(':') + QString::number(1000 + i));
            }
            target.enterpriseServerEmails = {serverEmail};
            target.enterpriseServerUser = TriState::Yes;
            if (mismatched) {
                target.licenseType = license;
                target.totalUserAccounts = count;
            } else {
                u.totalUserAccounts += count;
            }
        }
        users.append(u);
        if (!serverOnly.enterpriseServerUserIds.isEmpty()) {
            users.append(serverOnly);
        }
    }
    snapshot.licenses.totalSeatsConsumed = static_cast<int>(users.size());
    snapshot.licenses.totalSeatsPurchased = o.users + o.users / 10;
    for (int s = 0; s < o.servers; ++s) {
        LicenseSyncStatus st;
        st.serverId = QStringLiteral("00000000-0000-4000-8000-%1").arg(s, 12, 10, QLatin1Char('0'));
        st.hostname = serverHost(s);
        st.lastSyncDate = snapshot.takenAt.addDays(-(s % 10));
        st.status = s % 5 == 4 ? QStringLiteral("failure") : QStringLiteral("success");
        st.error = s % 5 == 4 ? QStringLiteral("Connection to GitHub Enterprise Cloud failed") : QString();
        snapshot.syncStatus.append(st);
        ServerLicenseInfo info;
        info.hostname = serverHost(s);
        info.seats = s % 3 == 2 ? std::optional<int>() : std::optional<int>(o.users);
        info.seatsUsed = o.users / qMax(1, o.servers);
        info.seatsAvailable = info.seats ? std::optional<int>(*info.seats - info.seatsUsed) : std::nullopt;
        info.kind = QStringLiteral("standard");
        info.daysUntilExpiration = 200 + s;
        info.expireAt = snapshot.takenAt.addDays(200 + s);
        info.installedVersion = QStringLiteral("3.%1.2").arg(12 + s % 4);
        snapshot.serverLicenses.append(info);
        EnterpriseServerInstallation inst;
        inst.id = QStringLiteral("ESI_%1").arg(s);
        inst.hostName = serverHost(s);
        inst.customerName = QStringLiteral("Acme 股份有限公司");
        inst.isConnected = s % 4 != 3;
        inst.createdAt = snapshot.takenAt.addDays(-400);
        inst.updatedAt = snapshot.takenAt.addDays(-1);
        inst.uploads.append(UserAccountsUpload{QStringLiteral("usage-%1.json").arg(s), UploadSyncState::Success,
            snapshot.takenAt.addDays(-3), snapshot.takenAt.addDays(-3)});
        inst.userAccounts.append(ServerUserAccount{QStringLiteral("admin%1").arg(s), QString::number(s + 1),
            QStringLiteral("管理员 %1").arg(s), snapshot.takenAt.addDays(-300), true,
            {ServerUserEmail{QStringLiteral("admin%1@example.com").arg(s), true}}});
        inst.userAccountsTotal = 1;
        snapshot.installations.append(inst);
    }
    if (o.serverAccounts) {
        addServerAccounts(snapshot);
    }
    return snapshot;
}

LicenseSnapshot SnapshotGenerator::weekLater(const LicenseSnapshot &snapshot, int every, const QString &newcomerPrefix)
{
    LicenseSnapshot later = snapshot;
    later.takenAt = snapshot.takenAt.addDays(7);
    const QList<ConsumedLicense> &users = snapshot.licenses.users;
    QList<ConsumedLicense> &laterUsers = later.licenses.users;
    laterUsers.clear();
    laterUsers.reserve(users.size());
    int gone = 0;
    for (qsizetype row = users.size() - 1; row >= 0; --row) {
        if (row % every == 0) {
            ++gone;
            continue;
        }
        ConsumedLicense user = users.at(row);
        if (row % every == every / 2) {
            user.enterpriseServerUserIds.append(QStringLiteral("ghes-new.example.com:%1").arg(row));
        }
        laterUsers.append(user);
    }
    for (int i = 0; i < gone; ++i) {
        ConsumedLicense u;
        u.githubComLogin = newcomerPrefix + QString::number(i);
        u.githubComUser = true;
        u.githubComProfile = QStringLiteral("https://github.com/") + u.githubComLogin;
        u.githubComVerifiedDomainEmails = {u.githubComLogin + QStringLiteral("@example.com")};
        u.githubComMemberRoles = {QStringLiteral("acme:Member")};
        u.licenseType = QStringLiteral("enterprise");
        u.totalUserAccounts = 1;
        laterUsers.append(u);
    }
    later.licenses.totalSeatsConsumed = int(laterUsers.size());
    return later;
}
} // namespace GlcTest
