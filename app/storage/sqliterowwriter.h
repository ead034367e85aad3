// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QSqlDatabase;
struct sqlite3;

namespace Glc {
/// Writes a snapshot's consumed-license rows on SQLite through SQLite's own API, on the store's own
/// connection (the handle of Qt's QSQLITE driver) inside the store's open transaction: one prepared
/// INSERT stepped per row, each text bound as the UTF-8 SQLite stores, without a QVariant per value.
/// Stores exactly what the store's bound VALUES store (an empty text and an empty list are NULL, a
/// list its items joined by U+001F, which an item loses).
class SqliteRowWriter
{
public:
    /// False when `db` is not an SQLite connection of this process's SQLite library (Qt's driver
    /// built with its own copy, say) inside a transaction: the caller then binds VALUES through QtSql.
    bool attach(const QSqlDatabase &db);
    /// Inserts the rows; `cancel` is asked every few hundred rows. False on an error or when
    /// cancelled (cancelled(); errorCode(), errorText() otherwise): the caller rolls back.
    bool write(qint64 snapshotId, const QList<ConsumedLicense> &rows, const std::function<bool()> &cancel);

    bool cancelled() const { return m_cancelled; }
    /// SQLite's primary result code of the failure (SQLITE_FULL is 13).
    int errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }

private:
    bool fail();

    sqlite3 *m_db = nullptr;
    bool m_cancelled = false;
    int m_errorCode = 0;
    QString m_errorText;
};
} // namespace Glc
