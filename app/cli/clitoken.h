// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"

#include <QString>

namespace Glc {
/// Where ghe-license finds a connection's token: the environment first (CI), then the keychain the
/// console saved it in (TokenStore::createDefault()). Never from an argument, never printed.
/// The keychain is asynchronous: these calls wait for it in a local event loop, at most `timeoutMs`
/// (a locked keychain may be waiting for its password prompt).
namespace CliToken {
inline constexpr int DefaultTimeoutMs = 60 * 1000;

struct Lookup
{
    enum class Source : qint8 {
        None,
        Environment,
        Keychain,
    };
    QString token;
    Source source = Source::None;
    QString keychainError; ///< translated; why the keychain could not be read (empty: it answered)
};
Lookup find(const Connection &connection, int timeoutMs = DefaultTimeoutMs);

/// Saves the token in the keychain under the connection's id; returns a translated error, empty on success.
QString save(const QString &connectionId, const QString &token, int timeoutMs = DefaultTimeoutMs);
/// Removes the connection's token from the keychain (no token there is success); a translated error or empty.
QString remove(const QString &connectionId, int timeoutMs = DefaultTimeoutMs);

/// The token on standard input: its first line, trimmed (empty when there is none). On a terminal it
/// prompts on stderr and does not echo what is typed.
QString readStandardInput();

/// What the commands print when find() found nothing: the error and its next step (several lines).
struct Missing
{
    QString message;
    QString nextStep;
};
Missing missing(const Connection &connection, const Lookup &lookup);
} // namespace CliToken
} // namespace Glc
