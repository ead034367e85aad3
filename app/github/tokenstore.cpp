// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "tokenstore.h"

#include "github/keychaintokenstore.h"

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
    // In the order environmentToken() prefers them for a Server connection.
    static const QStringList names{
        QStringLiteral("GH_ENTERPRISE_TOKEN"), QStringLiteral("GH_TOKEN"), QStringLiteral("GITHUB_TOKEN")};
    return names;
}

QString TokenStore::linkedServerEnvironmentToken()
{
    return qEnvironmentVariable("GH_ENTERPRISE_TOKEN");
}

QString TokenStore::environmentToken(Connection::Kind kind)
{
    for (const QString &name : environmentVariables()) {
        if (name == QLatin1String("GH_ENTERPRISE_TOKEN") && kind != Connection::Kind::Server) {
            continue;
        }
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
