// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "postgresrowreader.h"

#include "libpqsupport.h"
#include "licensecolumns.h"
#include "rowbatches.h"

#include <QByteArray>

namespace Glc {
bool PostgresRowReader::attach(const QSqlDatabase &db)
{
    // Idle: no transaction of the store's own (this one would not see its rows) and no query.
    m_conn = Libpq::connectionOf(db, PQTRANS_IDLE);
    return m_conn;
}

bool PostgresRowReader::read(qint64 snapshotId, CompactLicenseRows &rows)
{
    if (!m_conn) {
        return false;
    }
    Libpq::Failure failure;
    const auto run = [this, &failure](const char *sql, ExecStatusType expected, const QByteArray &parameter = {}) {
        return Libpq::run(m_conn, sql, expected, &failure, parameter);
    };
    // The count and the rows of one state of the database.
    bool ok = bool(run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", PGRES_COMMAND_OK));
    const QByteArray id = QByteArray::number(snapshotId);
    qsizetype expected = 0;
    if (ok) {
        const Libpq::Result count = run("SELECT user_count FROM snapshots WHERE id = $1", PGRES_TUPLES_OK, id);
        ok = bool(count);
        if (count && PQntuples(count.get()) > 0) {
            expected = QByteArrayView(PQgetvalue(count.get(), 0, 0)).toLongLong();
            rows.reserve(expected);
        }
    }
    const QByteArray declare = QByteArrayLiteral("DECLARE glc_rows NO SCROLL CURSOR FOR SELECT ") +
        LicenseSelectColumns + QByteArrayLiteral(" FROM consumed_licenses WHERE snapshot_id = $1 ORDER BY row_index");
    ok = ok && run(declare.constData(), PGRES_COMMAND_OK, id);
    if (ok) {
        const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(m_batchRows) + " FROM glc_rows";
        constexpr int Columns = RowBatch::TextColumns + RowBatch::NumberColumns;
        packBatches(
            [&](RowBatch &batch) {
                const Libpq::Result result = run(fetch.constData(), PGRES_TUPLES_OK);
                ok = result && PQnfields(result.get()) == Columns;
                if (!ok) {
                    if (result) {
                        failure.text = QStringLiteral("expected %1 columns, the query has %2")
                                           .arg(Columns)
                                           .arg(PQnfields(result.get()));
                    }
                    return false;
                }
                PGresult *const r = result.get();
                const int n = PQntuples(r);
                batch.reserve(n);
                for (int row = 0; row < n; ++row) {
                    for (int c = 0; c < RowBatch::TextColumns; ++c) {
                        batch.addText(PQgetisnull(r, row, c) ? nullptr : PQgetvalue(r, row, c), PQgetlength(r, row, c));
                    }
                    for (int c = RowBatch::TextColumns; c < Columns; ++c) {
                        // A TriState's NULL is -1; the other numbers are never NULL.
                        batch.addNumber(PQgetisnull(r, row, c) ? -1 : QByteArrayView(PQgetvalue(r, row, c)).toInt());
                    }
                }
                return n == m_batchRows;
            },
            expected >= m_threadedFrom, rows);
    }
    if (ok) {
        ok = bool(run("COMMIT", PGRES_COMMAND_OK));
    } else if (PQtransactionStatus(m_conn) != PQTRANS_IDLE) {
        // The error kept is the failed statement's, not the rollback's.
        Libpq::Failure ignored;
        Libpq::run(m_conn, "ROLLBACK", PGRES_COMMAND_OK, &ignored);
    }
    m_sqlState = failure.sqlState;
    m_errorText = failure.text;
    return ok;
}
} // namespace Glc
