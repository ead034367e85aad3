// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "sqliterowreader.h"

#include "licensecolumns.h"
#include "rowbatches.h"
#include "sqlitestatement.h"

#include <QByteArray>
#include <QScopeGuard>

#include <sqlite3.h>

namespace Glc {
namespace {
/// Steps up to `maxRows` rows into `batch`; returns SQLite's last step result (SQLITE_ROW: more).
int fillBatch(sqlite3_stmt *s, int maxRows, RowBatch &batch)
{
    batch.reserve(maxRows);
    for (int n = 0; n < maxRows; ++n) {
        const int step = sqlite3_step(s);
        if (step != SQLITE_ROW) {
            return step;
        }
        for (int c = 0; c < RowBatch::TextColumns; ++c) {
            // sqlite3_column_text() first: the length of its own UTF-8 (NULL: none).
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
            batch.addText(text, text ? sqlite3_column_bytes(s, c) : 0);
        }
        for (int c = RowBatch::TextColumns; c < RowBatch::TextColumns + 3; ++c) {
            batch.addNumber(sqlite3_column_int(s, c));
        }
        for (int c = RowBatch::TextColumns + 3; c < RowBatch::TextColumns + RowBatch::NumberColumns; ++c) {
            batch.addNumber(sqlite3_column_type(s, c) == SQLITE_NULL ? -1 : sqlite3_column_int(s, c));
        }
    }
    return SQLITE_ROW;
}
} // namespace

SqliteRowReader::~SqliteRowReader()
{
    sqlite3_close(m_db);
}

bool SqliteRowReader::open(const QString &path, int busyTimeoutMs)
{
    sqlite3_close(m_db);
    m_db = nullptr;
    // Read-only, and never creating a file: the store's own connection made it already. UTF-8, as
    // SQLite and Qt's driver take a file name.
    const int result = sqlite3_open_v2(path.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
    if (result != SQLITE_OK) {
        fail();
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    return true;
}

bool SqliteRowReader::fail()
{
    m_errorCode = m_db ? sqlite3_errcode(m_db) & 0xff : SQLITE_NOMEM;
    m_errorText = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("out of memory");
    return false;
}

bool SqliteRowReader::read(qint64 snapshotId, CompactLicenseRows &rows)
{
    if (!m_db) {
        return false;
    }
    // One read transaction for both statements: the count and the rows of the same state.
    if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        return fail();
    }
    const auto end = qScopeGuard([this] { sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr); });
    qsizetype expected = 0;
    {
        const SqliteStatement count(m_db, QByteArrayLiteral("SELECT user_count FROM snapshots WHERE id = ?"));
        if (!count.isValid() || sqlite3_bind_int64(count.get(), 1, snapshotId) != SQLITE_OK) {
            return fail();
        }
        const int step = sqlite3_step(count.get());
        if (step == SQLITE_ROW) {
            expected = sqlite3_column_int64(count.get(), 0);
            rows.reserve(expected);
        } else if (step != SQLITE_DONE) {
            return fail();
        }
    }
    const SqliteStatement select(m_db,
        QByteArrayLiteral("SELECT ") + LicenseSelectColumns +
            QByteArrayLiteral(" FROM consumed_licenses WHERE snapshot_id = ? ORDER BY row_index"));
    if (!select.isValid() || sqlite3_bind_int64(select.get(), 1, snapshotId) != SQLITE_OK) {
        return fail();
    }
    sqlite3_stmt *const s = select.get();
    if (sqlite3_column_count(s) != RowBatch::TextColumns + RowBatch::NumberColumns) {
        m_errorCode = SQLITE_ERROR;
        m_errorText = QStringLiteral("expected %1 columns, the query has %2")
                          .arg(RowBatch::TextColumns + RowBatch::NumberColumns)
                          .arg(sqlite3_column_count(s));
        return false;
    }
    int step = SQLITE_ROW;
    packBatches(
        [&](RowBatch &batch) {
            step = fillBatch(s, m_batchRows, batch);
            return step == SQLITE_ROW;
        },
        expected >= m_threadedFrom, rows);
    return step == SQLITE_DONE || fail();
}
} // namespace Glc
