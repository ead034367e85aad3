// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clitoken.h"

#include "github/tokenstore.h"

namespace Glc::CliToken {
Lookup find(const Connection &connection)
{
    Lookup lookup;
    lookup.token = TokenStore::environmentToken(connection.kind);
    return lookup;
}
} // namespace Glc::CliToken
