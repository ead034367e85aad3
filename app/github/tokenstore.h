// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"

#include <QFuture>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Glc {
/// Where tokens live (never in settings, database or logs). Asynchronous so a keychain can prompt.
class TokenStore
{
public:
    using ReadCallback = std::function<void(const QString &token, const QString &error)>;
    using WriteCallback = std::function<void(const QString &error)>;
    virtual ~TokenStore() = default;
    virtual void readToken(const QString &connectionId, ReadCallback callback) = 0;
    virtual void writeToken(const QString &connectionId, const QString &token, WriteCallback callback) = 0;
    virtual void removeToken(const QString &connectionId, WriteCallback callback) = 0;

    /// The token the environment gives `connection`, as gh reads them: GH_ENTERPRISE_TOKEN (Server connections),
    /// then GH_TOKEN, then GITHUB_TOKEN. A Lab connection takes GLC_LAB_TOKEN, and GH_TOKEN / GITHUB_TOKEN only
    /// for a lab on this machine (a loopback address or localhost): a GitHub token set for gh never goes to a
    /// lab on another host. Empty when none applies.
    static QString environmentToken(const Connection &connection);
    /// Whether a Lab connection's lab runs on this machine (no URL: the built-in one).
    static bool isLocalLab(const Connection &connection);
    /// For a server read beside another connection (a Cloud refresh reading a server through its own
    /// connection): GH_ENTERPRISE_TOKEN only, never the GH_TOKEN or GITHUB_TOKEN meant for the other one.
    static QString linkedServerEnvironmentToken();
    /// The token of a server read beside another connection, or why there is none.
    struct Lookup
    {
        QString token; ///< empty: none in the environment or the keychain
        QString error; ///< translated: why the keychain could not be read (empty: it answered)
    };
    using Lookups = QHash<QString, Lookup>; ///< by connection id
    /// The tokens of those GitHub Enterprise Server connections, by linkedServerEnvironmentToken() or else
    /// from the store createDefault() gives. Callable from any thread: the keychain is asked in the
    /// application's thread (where the console and the CLI ask it), at once for all of them, and waited for
    /// at most timeoutMs (a locked keychain may wait for its password).
    static QFuture<Lookups> readLinkedServerTokens(const QList<Connection> &servers, int timeoutMs = 60 * 1000);
    /// The variables environmentToken() reads, for keeping them from child processes that need no token.
    static const QStringList &environmentVariables();
    /// The store the application uses: the OS keychain (KeychainTokenStore). Without a usable
    /// keychain its calls report a translated error (never a plaintext fallback); check
    /// KeychainTokenStore::isAvailable() to suggest GH_TOKEN up front.
    static std::unique_ptr<TokenStore> createDefault();

    using Factory = std::function<std::unique_ptr<TokenStore>()>;
    /// Tests: makes createDefault() return the factory's store (e.g. a MemoryTokenStore) instead of
    /// the keychain; an empty factory restores the keychain.
    static void setDefaultFactory(Factory factory);
};

/// Tokens in memory only (tests, and the in-process lab).
class MemoryTokenStore : public TokenStore
{
public:
    void readToken(const QString &connectionId, ReadCallback callback) override;
    void writeToken(const QString &connectionId, const QString &token, WriteCallback callback) override;
    void removeToken(const QString &connectionId, WriteCallback callback) override;

private:
    QHash<QString, QString> m_tokens;
};
} // namespace Glc
