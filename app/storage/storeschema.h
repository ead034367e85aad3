// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QStringList>

namespace Glc {
/// The store's tables, version by version: LicenseStore::migrate() runs the statements of each
/// version above the database's own, in one transaction per version. Same SQL on SQLite and
/// PostgreSQL; never change a version that shipped, add the next one.
namespace StoreSchema {
struct Migration
{
    int version;
    QStringList statements; ///< `%ID%`: the engine's auto-increment primary key
};

const QList<Migration> &migrations();
} // namespace StoreSchema
} // namespace Glc
