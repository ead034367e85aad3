// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "tokenstore.h"

#include "github/keychaintokenstore.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QHostAddress>
#include <QPointer>
#include <QPromise>
#include <QTimer>

namespace Glc {
namespace {
TokenStore::Factory &defaultFactory()
{
    static TokenStore::Factory factory;
    return factory;
}
} // namespace

const QStringList &TokenStore::environmentVariables()
{
    // As gh names them: a GitHub Enterprise Server's first, then github.com's and GHE.com's, the lab's own last.
    static const QStringList names{QStringLiteral("GH_ENTERPRISE_TOKEN"), QStringLiteral("GITHUB_ENTERPRISE_TOKEN"),
        QStringLiteral("GH_TOKEN"), QStringLiteral("GITHUB_TOKEN"), QStringLiteral("GLC_LAB_TOKEN")};
    return names;
}

QString TokenStore::linkedServerEnvironmentToken()
{
    const QString token = qEnvironmentVariable("GH_ENTERPRISE_TOKEN");
    return token.isEmpty() ? qEnvironmentVariable("GITHUB_ENTERPRISE_TOKEN") : token;
}

bool TokenStore::isLocalLab(const Connection &connection)
{
    if (connection.kind != Connection::Kind::Lab) {
        return false;
    }
    if (connection.labUrl.isEmpty()) {
        return true;
    }
    const QString host = connection.labUrl.host();
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

QString TokenStore::environmentToken(const Connection &connection)
{
    QStringList names;
    switch (connection.kind) {
    case Connection::Kind::Server:
        // Never GH_TOKEN or GITHUB_TOKEN: they hold a github.com token (gh's, or the one GitHub Actions sets),
        // which is not for whatever host a server connection names.
        names = {QStringLiteral("GH_ENTERPRISE_TOKEN"), QStringLiteral("GITHUB_ENTERPRISE_TOKEN")};
        break;
    case Connection::Kind::Cloud:
        names = {QStringLiteral("GH_TOKEN"), QStringLiteral("GITHUB_TOKEN")};
        break;
    case Connection::Kind::Lab:
        names = {QStringLiteral("GLC_LAB_TOKEN")};
        if (isLocalLab(connection)) {
            names << QStringLiteral("GH_TOKEN") << QStringLiteral("GITHUB_TOKEN");
        }
        break;
    }
    for (const QString &name : std::as_const(names)) {
        const QString token = qEnvironmentVariable(name.toLatin1().constData());
        if (!token.isEmpty()) {
            return token;
        }
    }
    return {};
}

std::unique_ptr<TokenStore> TokenStore::createDefault()
{
    if (const Factory &factory = defaultFactory()) {
        return factory();
    }
    return std::make_unique<KeychainTokenStore>();
}

QFuture<TokenStore::Lookups> TokenStore::readLinkedServerTokens(const QList<Connection> &servers, int timeoutMs)
{
    auto promise = std::make_shared<QPromise<Lookups>>();
    QFuture<Lookups> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [promise, servers, timeoutMs] {
            struct State
            {
                Lookups lookups;
                qsizetype pending = 0;
                bool done = false;
                QPointer<QTimer> timeout;
            };
            auto state = std::make_shared<State>();
            const auto finish = [promise, state] {
                if (std::exchange(state->done, true)) {
                    return;
                }
                if (state->timeout) {
                    state->timeout->deleteLater();
                }
                promise->addResult(state->lookups);
                promise->finish();
            };
            const QString environment = linkedServerEnvironmentToken();
            if (!environment.isEmpty() || servers.isEmpty()) {
                for (const Connection &server : servers) {
                    state->lookups.insert(server.id, Lookup{environment, QString()});
                }
                finish();
                return;
            }
            state->pending = servers.size();
            auto *timeout = new QTimer(QCoreApplication::instance());
            state->timeout = timeout;
            timeout->setSingleShot(true);
            QObject::connect(timeout, &QTimer::timeout, timeout, [state, finish, servers, timeoutMs] {
                const int seconds = std::max(1, timeoutMs / 1000);
                for (const Connection &server : servers) {
                    if (!state->lookups.contains(server.id)) {
                        state->lookups.insert(server.id,
                            Lookup{QString(),
                                i18ncp("@info",
                                    "The keychain did not answer within %1 second (is it locked, waiting for its "
                                    "password?).",
                                    "The keychain did not answer within %1 seconds (is it locked, waiting for its "
                                    "password?).",
                                    seconds)});
                    }
                }
                finish();
            });
            timeout->start(timeoutMs);
            const std::shared_ptr<TokenStore> keychain = createDefault();
            for (const Connection &server : servers) {
                keychain->readToken(
                    server.id, [keychain, state, finish, id = server.id](const QString &token, const QString &error) {
                        if (state->done) {
                            return;
                        }
                        state->lookups.insert(id, Lookup{token, error});
                        if (--state->pending == 0) {
                            finish();
                        }
                    });
            }
        },
        Qt::QueuedConnection);
    return future;
}

void TokenStore::setDefaultFactory(Factory factory)
{
    defaultFactory() = std::move(factory);
}

void MemoryTokenStore::readToken(const QString &connectionId, ReadCallback callback)
{
    callback(m_tokens.value(connectionId), QString());
}

void MemoryTokenStore::writeToken(const QString &connectionId, const QString &token, WriteCallback callback)
{
    m_tokens.insert(connectionId, token);
    callback(QString());
}

void MemoryTokenStore::removeToken(const QString &connectionId, WriteCallback callback)
{
    m_tokens.remove(connectionId);
    callback(QString());
}
} // namespace Glc
