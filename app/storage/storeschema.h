// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QStringList>

namespace Glc {
/// The store's tables, version by version: LicenseStore::migrate() runs the statements of each
/// version above the database's own, in one transaction per version. Same SQL on SQLite and
/// PostgreSQL, the same tables and columns after it; where an engine needs a step the other does not,
/// it has statements of its own. Never change a version that shipped, add the next one.
namespace StoreSchema {
struct Migration
{
    int version;
    QStringList statements; ///< `%ID%`: the engine's auto-increment primary key
    QStringList sqlite = {}; ///< then these, on SQLite only
    QStringList postgresql = {}; ///< or these, on PostgreSQL only
};

const QList<Migration> &migrations();
} // namespace StoreSchema
} // namespace Glc
