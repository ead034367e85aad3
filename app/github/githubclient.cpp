// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githubclient.h"

#include "github/consumedlicensesjob.h"
#include "github/installationsjob.h"
#include "github/licensesyncstatusjob.h"
#include "github/requestscheduler.h"
#include "github/serverlicensejob.h"

#include <KLocalizedString>
#include <QFile>
#include <QFileInfo>
#include <QNetworkProxyFactory>
#include <QSslCertificate>

namespace Glc {
GitHubClient::GitHubClient(
    const Connection &connection, const QString &token, const GitHubClientOptions &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(options)
{
    if (!m_options.proxy) {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }
    m_scheduler = new RequestScheduler(m_options, token, connection.restBase(), this);
    if (connection.kind == Connection::Kind::Server) {
        m_scheduler->setServerHost(connection.serverHost);
    }
    const QString caFile = m_options.caFile.isEmpty() ? connection.caFile : m_options.caFile;
    if (!caFile.isEmpty()) {
        // Added to the system's CAs: a private CA is trusted, every other check stays on.
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        m_caLoaded = !certificates.isEmpty();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(certificates);
        m_scheduler->setSslConfiguration(ssl);
        if (!m_caLoaded) {
            // Going on without it would end in a TLS error that tells to add the CA file already set.
            GitHubError error(GitHubError::Kind::CaFile);
            error.serverMessage = caFileProblem(caFile);
            m_scheduler->setConfigurationError(error);
        }
    }
}

QString GitHubClient::caFileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return i18nc("@info %1 file", "%1 does not exist.", path);
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        return i18nc("@info %1 file", "%1 cannot be read.", path);
    }
    if (QSslCertificate::fromDevice(&file, QSsl::Pem).isEmpty()) {
        return i18nc("@info %1 file", "%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).", path);
    }
    return {};
}

GitHubClient::~GitHubClient() = default;

QUrl GitHubClient::restUrl(const QString &path) const
{
    QUrl url = m_connection.restBase();
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(basePath + (q < 0 ? path : path.left(q)));
    if (q >= 0) {
        url.setQuery(path.mid(q + 1));
    }
    return url;
}

ConsumedLicensesJob *GitHubClient::fetchConsumedLicenses()
{
    auto *job = new ConsumedLicensesJob(m_scheduler,
        restUrl(QStringLiteral("/enterprises/%1/consumed-licenses?per_page=%2")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.enterpriseSlug)))
                .arg(m_options.perPage)),
        this);
    job->start();
    return job;
}

ConsumedLicensesJob *GitHubClient::probeConsumedLicenses()
{
    auto *job = new ConsumedLicensesJob(m_scheduler,
        restUrl(QStringLiteral("/enterprises/%1/consumed-licenses?per_page=1")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.enterpriseSlug)))),
        this);
    job->setFirstPageOnly(true);
    job->start();
    return job;
}

LicenseSyncStatusJob *GitHubClient::fetchLicenseSyncStatus()
{
    auto *job = new LicenseSyncStatusJob(m_scheduler,
        restUrl(QStringLiteral("/enterprises/%1/license-sync-status")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.enterpriseSlug)))),
        this);
    job->start();
    return job;
}

ServerLicenseJob *GitHubClient::fetchServerLicense()
{
    return startServerLicense(
        QString(), m_connection.serverHost.isEmpty() ? m_connection.restBase().host() : m_connection.serverHost);
}

ServerLicenseJob *GitHubClient::fetchLabServerLicense(const QString &host)
{
    Q_ASSERT(m_connection.kind == Connection::Kind::Lab);
    return startServerLicense(
        QStringLiteral("/_lab/ghes/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(host))), host);
}

ServerLicenseJob *GitHubClient::startServerLicense(const QString &prefix, const QString &host)
{
    auto *job = new ServerLicenseJob(m_scheduler, restUrl(prefix + QLatin1String("/enterprise/settings/license")),
        restUrl(prefix + QLatin1String("/meta")), host, this);
    job->start();
    return job;
}

InstallationsJob *GitHubClient::fetchInstallations(bool connectedOnly)
{
    auto *job =
        new InstallationsJob(m_scheduler, m_connection.graphqlUrl(), m_connection.enterpriseSlug, connectedOnly, this);
    job->start();
    return job;
}
} // namespace Glc
