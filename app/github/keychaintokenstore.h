// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/tokenstore.h"

namespace Glc {
/// Tokens in the OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS,
/// Credential Manager on Windows): service "ghe-license-console", key = connection id. Never falls
/// back to a plaintext file: without a keychain every call reports a translated error instead.
/// Built without QtKeychain (GLC_HAVE_QTKEYCHAIN undefined), every call reports that error.
class KeychainTokenStore : public TokenStore
{
public:
    static constexpr QLatin1StringView ServiceName{"ghe-license-console"};

    /// True when this build has QtKeychain and it sees a secure backend (a cheap check that can be
    /// wrong both ways: the backend may still refuse at the first read).
    static bool isAvailable();
    /// Translated "no keychain" message with the way out (GH_TOKEN or a Secret Service provider).
    static QString noKeychainMessage();

    void readToken(const QString &connectionId, ReadCallback callback) override;
    void writeToken(const QString &connectionId, const QString &token, WriteCallback callback) override;
    void removeToken(const QString &connectionId, WriteCallback callback) override;
};
} // namespace Glc
