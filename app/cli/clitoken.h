// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"

#include <QString>

namespace Glc {
/// Where ghe-license finds a connection's token: the environment first (CI), then the keychain the
/// console saved it in. Never from an argument, never printed.
namespace CliToken {
struct Lookup
{
    QString token;
    QString error; ///< translated; why the keychain could not be read (may be empty)
};
Lookup find(const Connection &connection);
} // namespace CliToken
} // namespace Glc
