// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labenterprise.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace Glc {
namespace {
const QStringList s_versions = {
    QStringLiteral("3.11.8"), QStringLiteral("3.13.4"), QStringLiteral("3.15.2"), QStringLiteral("3.16.0")};

QString deterministicUuid(QRandomGenerator &rng)
{
    QUuid uuid(rng.generate(), quint16(rng.generate()), quint16(rng.generate()), quint8(rng.generate()),
        quint8(rng.generate()), quint8(rng.generate()), quint8(rng.generate()), quint8(rng.generate()),
        quint8(rng.generate()), quint8(rng.generate()), quint8(rng.generate()));
    // Version 4, RFC 4122 variant: looks like a real server_id.
    uuid.data3 = (uuid.data3 & 0x0fff) | 0x4000;
    uuid.data4[0] = (uuid.data4[0] & 0x3f) | 0x80;
    return uuid.toString(QUuid::WithoutBraces);
}

/// Member @p i's display name: one in four is written as people in China, Spain, Poland or Viet Nam write theirs,
/// so the lab's names take every path beyond ASCII (API, store, table, reports). The number keeps each unique.
QString memberName(int i)
{
    static const char16_t *const names[] = {
        u"王芳", u"José Álvarez", u"李娜", u"Zoë Müller", u"张伟", u"Łukasz Wróbel", u"Nguyễn Thị Hà", u"田中 花子"};
    if (i % 4 != 0) {
        return QStringLiteral("Lab User %1").arg(i);
    }
    return QStringLiteral("%1 %2").arg(QString::fromUtf16(names[(i / 4) % std::size(names)])).arg(i);
}
} // namespace

LabEnterprise LabEnterprise::generate(const LabConfig &config)
{
    LabEnterprise enterprise;
    enterprise.m_slug = config.enterpriseSlug;
    enterprise.m_configuredSeats = config.seatsPurchased;
    QRandomGenerator rng(config.seed);
    // Join dates have a generator of their own, so the rest of the enterprise is what the seed always gave.
    QRandomGenerator joinRng(config.seed ^ 0x6a011edu);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 historySecs = std::max(1, config.historyDays) * 24LL * 3600;
    const int orgCount = 5;
    // Four to ten months ahead, from a generator of its own so the rest stays what the seed always gave.
    QRandomGenerator expiryRng(config.seed ^ 0x11ce05eu);
    enterprise.m_licenseExpiresAt = now.addDays(120 + expiryRng.bounded(180));

    enterprise.m_members.reserve(config.users);
    for (int i = 1; i <= config.users; ++i) {
        Member member;
        member.login = QStringLiteral("user%1").arg(i, 6, 10, QLatin1Char('0'));
        member.name = memberName(i);
        const QString domainEmail = member.login + QLatin1String("@lab.example");
        member.verifiedEmails.append(domainEmail);
        if (rng.generateDouble() < 0.3) {
            member.verifiedEmails.append(member.login + QLatin1String("@mail.example"));
        }
        member.verifiedDomainEmails.append(domainEmail);
        member.samlNameId = domainEmail;
        const QString org = QStringLiteral("lab-org-%1").arg(i % orgCount + 1);
        if (rng.generateDouble() < config.pendingInviteShare) {
            member.pendingInviteOrgs.append(org);
        } else {
            member.memberRoles.append(
                org + (rng.generateDouble() < 0.05 ? QLatin1String(":Owner") : QLatin1String(":Member")));
        }
        if (i == 1) {
            member.enterpriseRoles.append(QStringLiteral("owner"));
        }
        member.twoFactor = rng.generateDouble() < 0.85 ? TriState::Yes : TriState::No;
        if (rng.generateDouble() < config.visualStudioShare) {
            // One in ten subscriptions uses an address the github.com account has not verified.
            member.visualStudioEmail =
                rng.generateDouble() < 0.1 ? member.login + QLatin1String("@vs.example") : domainEmail;
        }
        // The owner was there first; recent members spread evenly over the history, the others years back.
        const bool recent = i > 1 && joinRng.generateDouble() < config.recentJoinShare;
        member.joinedAt = recent ? now.addSecs(-qint64(joinRng.bounded(double(historySecs))))
                                 : now.addDays(-historySecs / (24 * 3600) - 30 - joinRng.bounded(1000));
        enterprise.m_members.append(std::move(member));
    }

    for (int s = 1; s <= config.servers; ++s) {
        Server server;
        server.serverId = deterministicUuid(rng);
        server.installationId = QStringLiteral("LAB_ESI_%1").arg(s);
        server.hostname = config.serverHostnames.value(s - 1, QStringLiteral("ghes-%1.lab.example").arg(s));
        server.version = s_versions.at((s - 1) % s_versions.size());
        server.connected = !(s == config.servers && config.servers > 1);
        server.createdAt = now.addDays(-400 + s);
        int nextId = 1;
        for (const Member &member : std::as_const(enterprise.m_members)) {
            if (rng.generateDouble() >= config.serverUserShare) {
                continue;
            }
            ServerUser user;
            user.login = member.login;
            user.id = nextId++;
            user.primaryEmail = rng.generateDouble() < config.mismatchedEmailShare
                ? member.login + QLatin1String("@corp-alias.example")
                : member.verifiedEmails.first();
            user.suspended = rng.generateDouble() < config.suspendedShare;
            user.siteAdmin = user.id == 1;
            // Nobody has a server account before joining the enterprise.
            user.createdAt = std::max(server.createdAt.addDays(user.id % 300), member.joinedAt);
            if (config.extraEmailsEvery > 0 && user.id % config.extraEmailsEvery == 0) {
                for (int k = 1; k <= config.extraEmails; ++k) {
                    user.otherEmails.append(
                        QStringLiteral("%1+%2@lab.example").arg(member.login).arg(k, 3, 10, QLatin1Char('0')));
                }
            }
            server.users.append(std::move(user));
        }
        const int serverOnly = int(std::lround(config.users * config.serverOnlyShare));
        for (int k = 1; k <= serverOnly; ++k) {
            ServerUser user;
            user.login = QStringLiteral("svc-%1-%2").arg(s).arg(k);
            user.id = nextId++;
            user.primaryEmail = QStringLiteral("svc-%1@ghes-%2.internal").arg(k).arg(s);
            user.createdAt = server.createdAt;
            server.users.append(std::move(user));
        }
        server.knownUsers = server.users;
        server.syncStatus.serverId = server.serverId;
        server.syncStatus.hostname = server.hostname;
        if (server.connected) {
            server.syncStatus.lastSyncDate = now.addDays(-1).addSecs(-3600 * s);
            server.syncStatus.status = QStringLiteral("success");
        } else {
            const QDateTime uploaded = now.addDays(-10);
            server.uploads.append(
                UserAccountsUpload{QStringLiteral("%1-license-usage-%2.json")
                                       .arg(server.hostname, uploaded.toString(QStringLiteral("yyyyMMdd"))),
                    UploadSyncState::Success, uploaded, uploaded.addSecs(90)});
        }
        enterprise.m_servers.append(std::move(server));
    }
    enterprise.recompute();
    if (config.seatsPurchased < 0) {
        enterprise.m_seatsPurchased = int(std::ceil(enterprise.m_report.users.size() * 1.1 / 100.0)) * 100;
        enterprise.m_report.totalSeatsPurchased = enterprise.m_seatsPurchased;
    }
    return enterprise;
}

LabEnterprise LabEnterprise::asOf(const QDateTime &when) const
{
    LabEnterprise past = *this;
    past.m_members.removeIf([&when](const Member &member) { return member.joinedAt > when; });
    past.m_servers.removeIf([&when](const Server &server) { return server.createdAt > when; });
    constexpr qint64 week = 7 * 24LL * 3600;
    for (Server &server : past.m_servers) {
        // A server that syncs did so weekly before its last sync: GitHub knew its users as of the last
        // of those syncs before `when`.
        QDateTime known = when;
        const QDateTime lastSync = server.syncStatus.lastSyncDate;
        if (lastSync.isValid() && lastSync > when) {
            known = lastSync.addSecs(-(when.secsTo(lastSync) + week - 1) / week * week);
            server.syncStatus.lastSyncDate = known;
        }
        const auto later = [](const QDateTime &limit) {
            return [limit](const ServerUser &user) { return user.createdAt > limit; };
        };
        server.users.removeIf(later(when));
        server.knownUsers.removeIf(later(known));
        server.uploads.removeIf([&when](const UserAccountsUpload &upload) { return upload.createdAt > when; });
    }
    past.recompute();
    return past;
}

int LabEnterprise::activeUsers(const Server &server)
{
    return int(std::count_if(
        server.users.cbegin(), server.users.cend(), [](const ServerUser &user) { return !user.suspended; }));
}

int LabEnterprise::serverIndex(const QString &key) const
{
    for (int i = 0; i < m_servers.size(); ++i) {
        const Server &server = m_servers.at(i);
        if (server.hostname == key || server.serverId == key || server.installationId == key) {
            return i;
        }
    }
    return -1;
}

QString LabEnterprise::memberLoginForEmail(const QString &email) const
{
    const int index = m_memberByEmail.value(email.toLower(), -1);
    return index < 0 ? QString() : m_members.at(index).login;
}

void LabEnterprise::recompute()
{
    if (m_configuredSeats >= 0) {
        m_seatsPurchased = m_configuredSeats;
    }
    m_memberByEmail.clear();
    m_memberByEmail.reserve(m_members.size() * 2);
    for (int i = 0; i < m_members.size(); ++i) {
        const Member &member = m_members.at(i);
        // SAML identity first, then verified emails: the order GitHub compares them in.
        if (member.samlNameId.contains(QLatin1Char('@'))) {
            m_memberByEmail.insert(member.samlNameId.toLower(), i);
        }
        for (const QString &email : member.verifiedEmails) {
            m_memberByEmail.insert(email.toLower(), i);
        }
    }

    QList<ConsumedLicense> licenses;
    licenses.reserve(m_members.size() + 16);
    m_unmatchedVisualStudio.clear();
    for (const Member &member : std::as_const(m_members)) {
        ConsumedLicense license;
        license.githubComLogin = member.login;
        license.githubComName = member.name;
        license.githubComProfile = QLatin1String("https://github.com/") + member.login;
        license.githubComSamlNameId = member.samlNameId;
        license.githubComUser = true;
        license.enterpriseServerUser = TriState::No;
        license.githubComMemberRoles = member.memberRoles;
        license.githubComEnterpriseRoles = member.enterpriseRoles;
        license.githubComVerifiedDomainEmails = member.verifiedDomainEmails;
        license.githubComOrgsWithPendingInvites = member.pendingInviteOrgs;
        license.githubComTwoFactorAuth = member.twoFactor;
        license.totalUserAccounts = 1;
        license.licenseType = QStringLiteral("enterprise");
        if (!member.visualStudioEmail.isEmpty()) {
            if (member.verifiedEmails.contains(member.visualStudioEmail, Qt::CaseInsensitive)) {
                license.visualStudioSubscriptionUser = true;
                license.licenseType = QStringLiteral("visual_studio");
                license.visualStudioLicenseStatus = QStringLiteral("matched");
                license.visualStudioSubscriptionEmail = member.visualStudioEmail;
            } else {
                m_unmatchedVisualStudio.append(member.visualStudioEmail);
            }
        }
        licenses.append(std::move(license));
    }

    // Server accounts: matched by primary email, else one server-only seat per distinct email.
    QHash<QString, int> serverOnlyByEmail;
    for (const Server &server : std::as_const(m_servers)) {
        for (const ServerUser &user : server.knownUsers) {
            if (user.suspended) {
                continue;
            }
            const QString email = user.primaryEmail.toLower();
            int index = m_memberByEmail.value(email, -1);
            if (index < 0) {
                index = serverOnlyByEmail.value(email, -1);
                if (index < 0) {
                    ConsumedLicense license;
                    license.licenseType = QStringLiteral("enterprise");
                    license.enterpriseServerUser = TriState::Yes;
                    index = int(licenses.size());
                    serverOnlyByEmail.insert(email, index);
                    licenses.append(std::move(license));
                }
            }
            ConsumedLicense &license = licenses[index];
            license.enterpriseServerUser = TriState::Yes;
            license.enterpriseServerUserIds.append(server.hostname + QLatin1Char(':') + QString::number(user.id));
            if (!license.enterpriseServerEmails.contains(user.primaryEmail)) {
                license.enterpriseServerEmails.append(user.primaryEmail);
            }
            ++license.totalUserAccounts;
        }
    }
    for (const QString &email : std::as_const(m_unmatchedVisualStudio)) {
        ConsumedLicense license;
        license.licenseType = QStringLiteral("visual_studio");
        license.visualStudioSubscriptionUser = true;
        license.visualStudioLicenseStatus = QStringLiteral("unmatched");
        license.visualStudioSubscriptionEmail = email;
        licenses.append(std::move(license));
    }
    m_report.users = std::move(licenses);
    m_report.totalSeatsConsumed = int(m_report.users.size());
    m_report.totalSeatsPurchased = m_seatsPurchased;
}

bool LabEnterprise::setServerUserEmail(const QString &server, const QString &login, const QString &email)
{
    const int index = serverIndex(server);
    if (index < 0) {
        return false;
    }
    for (ServerUser &user : m_servers[index].users) {
        if (user.login == login) {
            user.primaryEmail = email;
            return true;
        }
    }
    return false;
}

bool LabEnterprise::setServerUserSuspended(const QString &server, const QString &login, bool suspended)
{
    const int index = serverIndex(server);
    if (index < 0) {
        return false;
    }
    for (ServerUser &user : m_servers[index].users) {
        if (user.login == login) {
            user.suspended = suspended;
            return true;
        }
    }
    return false;
}

bool LabEnterprise::removeServerUser(const QString &server, const QString &login)
{
    const int index = serverIndex(server);
    return index >= 0 &&
        m_servers[index].users.removeIf([&login](const ServerUser &user) { return user.login == login; }) > 0;
}

bool LabEnterprise::setServerConnected(const QString &server, bool connected)
{
    const int index = serverIndex(server);
    if (index < 0) {
        return false;
    }
    m_servers[index].connected = connected;
    return true;
}

void LabEnterprise::applySync(int serverIndex, const QDateTime &when)
{
    Server &server = m_servers[serverIndex];
    server.knownUsers = server.users;
    server.syncStatus.lastSyncDate = when;
    server.syncStatus.status = QStringLiteral("success");
    server.syncStatus.error.clear();
    recompute();
}

void LabEnterprise::recordSyncFailure(int serverIndex, const QDateTime &when, const QString &error)
{
    Server &server = m_servers[serverIndex];
    server.syncStatus.lastSyncDate = when;
    server.syncStatus.status = QStringLiteral("failure");
    server.syncStatus.error = error;
}

void LabEnterprise::applyUpload(int serverIndex, const QList<ServerUser> &users)
{
    m_servers[serverIndex].knownUsers = users;
    recompute();
}

int LabEnterprise::addOfflineServer(
    const QString &serverId, const QString &hostname, const QString &version, const QDateTime &when)
{
    Server server;
    server.serverId = serverId;
    server.installationId = QStringLiteral("LAB_ESI_%1").arg(m_servers.size());
    server.hostname = hostname.isEmpty() ? serverId : hostname;
    server.version = version;
    server.createdAt = when;
    server.syncStatus.serverId = server.serverId;
    server.syncStatus.hostname = server.hostname;
    m_servers.append(server);
    return int(m_servers.size()) - 1;
}

void LabEnterprise::addUpload(int serverIndex, const UserAccountsUpload &upload)
{
    m_servers[serverIndex].uploads.prepend(upload);
}

void LabEnterprise::updateUpload(int serverIndex, const QString &name, UploadSyncState state, const QDateTime &when)
{
    for (UserAccountsUpload &upload : m_servers[serverIndex].uploads) {
        if (upload.name == name) {
            upload.syncState = state;
            upload.updatedAt = when;
            return;
        }
    }
}
} // namespace Glc
