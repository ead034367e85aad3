// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QByteArray>

#include <sqlite3.h>

namespace Glc {
/// A statement prepared through SQLite's own API, finalized however its use ends.
class SqliteStatement
{
public:
    /// `flags`: sqlite3_prepare_v3's (SQLITE_PREPARE_PERSISTENT for one stepped many times).
    SqliteStatement(sqlite3 *db, const QByteArray &sql, unsigned int flags = 0)
    {
        m_result = sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), flags, &m_statement, nullptr);
    }
    ~SqliteStatement() { sqlite3_finalize(m_statement); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_result == SQLITE_OK; }
    sqlite3_stmt *get() const { return m_statement; }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_OK;
};
} // namespace Glc
