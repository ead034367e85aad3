// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connectiontestjob.h"

#include "github/consumedlicensesjob.h"
#include "github/githubclient.h"
#include "github/githubjob.h"
#include "github/installationsjob.h"
#include "github/licensesyncstatusjob.h"
#include "github/requestscheduler.h"
#include "github/serverlicensejob.h"
#include "github/tokenstore.h"

#include <KLocalizedString>

namespace Glc {
ConnectionTestJob::ConnectionTestJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

ConnectionTestJob::Check ConnectionTestJob::missingToken(const QString &detail, const QString &fix)
{
    return Check{i18nc("@info connection check", "A token is available"), false,
        detail.isEmpty() ? i18nc("@info", "No token was found in the keychain or the environment.") : detail,
        fix.isEmpty() ? i18nc("@info", "Save a token with the read:enterprise scope, or set GH_TOKEN.") : fix};
}

void ConnectionTestJob::add(const QString &what, bool ok, const QString &detail, const QString &fix)
{
    m_checks.append(Check{what, ok, detail, fix});
    Q_EMIT checked(int(m_checks.size()) - 1);
}

void ConnectionTestJob::run()
{
    const Connection &connection = context().connection;
    if (context().token.isEmpty()) {
        // A lab on another host is not given GH_TOKEN (TokenStore::environmentToken()): its own variable.
        QString fix;
        if (connection.kind == Connection::Kind::Lab && !TokenStore::isLocalLab(connection)) {
            fix = i18nc("@info", "Save the lab's token for this connection, or set GLC_LAB_TOKEN.");
        } else if (connection.kind == Connection::Kind::Server) {
            // Nor is a server given GH_TOKEN: that is a github.com token.
            fix = i18nc("@info", "Save a site administrator's token for this server, or set GH_ENTERPRISE_TOKEN.");
        }
        const Check token = missingToken({}, fix);
        add(token.what, false, token.detail, token.fix);
        conclude();
        return;
    }
    setStage(0, i18nc("@info:status", "Testing the connection…"));
    // One authenticated read tells reachability, token, scope, SSO and ownership apart.
    const bool server = connection.kind == Connection::Kind::Server;
    QUrl url = connection.restBase();
    url.setPath(url.path() +
        (server ? QStringLiteral("/enterprise/settings/license")
                : QStringLiteral("/enterprises/%1/consumed-licenses").arg(connection.enterpriseSlug)));
    if (!server) {
        url.setQuery(QStringLiteral("per_page=1"));
    }
    client()->scheduler()->submit(this, url, "GET", {}, [this](const HttpResult &result) {
        if (!isRunning()) {
            return;
        }
        accessChecks(result.error, result.headers.value("x-oauth-scopes"));
    });
}

void ConnectionTestJob::accessChecks(const GitHubError &error, const QByteArray &scopes)
{
    using Kind = GitHubError::Kind;
    const bool server = context().connection.kind == Connection::Kind::Server;
    // A CA file that cannot be used stops the request before it leaves: nothing was reached either.
    const bool networkFailure = error.kind == Kind::HostNotFound || error.kind == Kind::ConnectionRefused ||
        error.kind == Kind::Tls || error.kind == Kind::Proxy || error.kind == Kind::Timeout ||
        error.kind == Kind::Network || error.kind == Kind::CaFile;
    add(i18nc("@info connection check", "The server is reachable"), !networkFailure,
        networkFailure ? error.message() : context().connection.restBase().host(),
        networkFailure ? error.nextStep() : QString());
    if (networkFailure) {
        conclude();
        return;
    }
    // Any answer but the four that speak about the token (a server error, a retired API version, a
    // rate limit, a body that is not GitHub's) says nothing about it: stop there, with GitHub's words.
    const bool accessError = error.kind == Kind::BadToken || error.kind == Kind::MissingScope ||
        error.kind == Kind::SsoRequired || error.kind == Kind::Forbidden || error.kind == Kind::NotFound;
    if (error.isError() && !accessError) {
        add(i18nc("@info connection check", "The server answers the request"), false, error.message(),
            error.nextStep());
        conclude();
        return;
    }
    const auto step = [this, &error](const QString &what, Kind failing) {
        const bool ok = error.kind != failing;
        add(what, ok, ok ? QString() : error.message(), ok ? QString() : error.nextStep());
        return ok;
    };
    if (!step(i18nc("@info connection check", "The token is valid"), Kind::BadToken)) {
        conclude();
        return;
    }
    if (!step(i18nc("@info connection check", "The token has the read:enterprise scope"), Kind::MissingScope)) {
        conclude();
        return;
    }
    if (!scopes.isEmpty()) {
        // Classic tokens list their scopes; fine-grained tokens and the lab's "repo" say nothing useful.
        m_checks.last().detail = i18nc("@info %1 scopes", "Scopes: %1", QString::fromLatin1(scopes));
    }
    if (!step(i18nc("@info connection check", "The token is authorized for SAML single sign-on"), Kind::SsoRequired)) {
        conclude();
        return;
    }
    if (!step(i18nc("@info connection check", "GitHub lets the token in from here (IP allow list, policies)"),
            Kind::Forbidden)) {
        conclude();
        return;
    }
    if (!step(server ? i18nc("@info connection check", "The token belongs to a site administrator")
                     : i18nc("@info connection check", "The token belongs to an enterprise owner"),
            Kind::NotFound)) {
        conclude();
        return;
    }
    endpoints();
}

void ConnectionTestJob::endpoints()
{
    const auto run = [this](const QString &what, GitHubJob *job) {
        m_reading = job;
        connect(job, &GitHubJob::finished, this, [this, what, job] {
            job->deleteLater();
            if (!isRunning()) {
                return;
            }
            const GitHubError &error = job->error();
            add(what, !error.isError(), error.isError() ? error.message() : i18nc("@info", "Answered as expected."),
                error.isError() ? error.nextStep() : QString());
            next();
        });
    };
    if (context().connection.kind == Connection::Kind::Server) {
        m_steps.append([this, run] {
            run(i18nc("@info connection check", "Endpoint: enterprise/settings/license and meta"),
                client()->fetchServerLicense());
        });
    } else {
        m_steps.append([this, run] {
            // The first page answers for the endpoint: the test reads no more of the seats.
            run(i18nc("@info connection check", "Endpoint: consumed-licenses"), client()->probeConsumedLicenses());
        });
        m_steps.append([this, run] {
            run(i18nc("@info connection check", "Endpoint: license-sync-status"), client()->fetchLicenseSyncStatus());
        });
        m_steps.append([this, run] {
            run(i18nc("@info connection check", "Endpoint: GraphQL Enterprise Server installations"),
                client()->fetchInstallations(true));
        });
    }
    next();
}

void ConnectionTestJob::abort()
{
    // The access check's own request is the scheduler's to cancel (WorkflowJob::cancel()).
    m_steps.clear();
    if (m_reading && !m_reading->isFinished()) {
        // Its finished() must not report "Cancelled" as a failed check: this job ends as Cancelled.
        disconnect(m_reading, nullptr, this, nullptr);
        m_reading->cancel();
        m_reading->deleteLater();
    }
}

void ConnectionTestJob::next()
{
    if (m_steps.isEmpty()) {
        conclude();
        return;
    }
    const std::function<void()> step = m_steps.takeFirst();
    step();
}

void ConnectionTestJob::conclude()
{
    for (const Check &check : std::as_const(m_checks)) {
        if (!check.ok) {
            fail(i18nc("@info %1 check, %2 detail", "%1: no. %2", check.what, check.detail), check.fix);
            return;
        }
    }
    succeed();
}
} // namespace Glc
