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

QString TokenStore::environmentToken(Connection::Kind kind)
{
    if (kind == Connection::Kind::Server) {
        const QString server = qEnvironmentVariable("GH_ENTERPRISE_TOKEN");
        if (!server.isEmpty()) {
            return server;
        }
    }
    const QString gh = qEnvironmentVariable("GH_TOKEN");
    return gh.isEmpty() ? qEnvironmentVariable("GITHUB_TOKEN") : gh;
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
