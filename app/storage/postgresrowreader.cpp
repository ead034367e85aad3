// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "postgresrowreader.h"

#include "licensecolumns.h"
#include "rowbatches.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <cstring>
#include <memory>

namespace Glc {
namespace {
struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;
} // namespace

bool PostgresRowReader::attach(const QSqlDatabase &db)
{
    m_conn = nullptr;
    if (!db.isOpen() || !db.driver()) {
        return false;
    }
    const QVariant handle = db.driver()->handle();
    // Qt names the type by libpq's struct: "pg_conn*" (older versions "PGconn*").
    if (!handle.isValid() ||
        (std::strcmp(handle.typeName(), "pg_conn*") != 0 && std::strcmp(handle.typeName(), "PGconn*") != 0)) {
        return false;
    }
    PGconn *const conn = *static_cast<PGconn *const *>(handle.constData());
    // Idle: no transaction of the store's own (this one would not see its rows) and no query.
    if (!conn || PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE) {
        return false;
    }
    m_conn = conn;
    return true;
}

bool PostgresRowReader::exec(const char *sql, int expected, const QByteArray &parameter)
{
    const char *const values[] = {parameter.constData()};
    const Result result(
        parameter.isNull() ? PQexec(m_conn, sql) : PQexecParams(m_conn, sql, 1, nullptr, values, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) == expected) {
        return true;
    }
    m_sqlState = QString::fromUtf8(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE));
    m_errorText = QString::fromUtf8(result ? PQresultErrorMessage(result.get()) : PQerrorMessage(m_conn)).trimmed();
    return false;
}

bool PostgresRowReader::read(qint64 snapshotId, CompactLicenseRows &rows)
{
    if (!m_conn) {
        return false;
    }
    // The count and the rows of one state of the database.
    if (!exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", PGRES_COMMAND_OK)) {
        return false;
    }
    const QByteArray id = QByteArray::number(snapshotId);
    bool ok = true;
    qsizetype expected = 0;
    {
        const char *const values[] = {id.constData()};
        const Result count(PQexecParams(
            m_conn, "SELECT user_count FROM snapshots WHERE id = $1", 1, nullptr, values, nullptr, nullptr, 0));
        if (PQresultStatus(count.get()) != PGRES_TUPLES_OK) {
            m_sqlState = QString::fromUtf8(PQresultErrorField(count.get(), PG_DIAG_SQLSTATE));
            m_errorText = QString::fromUtf8(PQresultErrorMessage(count.get())).trimmed();
            ok = false;
        } else if (PQntuples(count.get()) > 0) {
            expected = QByteArrayView(PQgetvalue(count.get(), 0, 0)).toLongLong();
            rows.reserve(expected);
        }
    }
    ok = ok &&
        exec(QByteArray(QByteArrayLiteral("DECLARE glc_rows NO SCROLL CURSOR FOR SELECT ") + LicenseSelectColumns +
                 QByteArrayLiteral(" FROM consumed_licenses WHERE snapshot_id = $1 ORDER BY row_index"))
                 .constData(),
            PGRES_COMMAND_OK, id);
    if (ok) {
        const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(m_batchRows) + " FROM glc_rows";
        constexpr int Columns = RowBatch::TextColumns + RowBatch::NumberColumns;
        packBatches(
            [&](RowBatch &batch) {
                const Result result(PQexec(m_conn, fetch.constData()));
                if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQnfields(result.get()) != Columns) {
                    m_sqlState = QString::fromUtf8(PQresultErrorField(result.get(), PG_DIAG_SQLSTATE));
                    m_errorText = QString::fromUtf8(PQresultErrorMessage(result.get())).trimmed();
                    if (m_errorText.isEmpty()) {
                        m_errorText = QStringLiteral("expected %1 columns, the query has %2")
                                          .arg(Columns)
                                          .arg(PQnfields(result.get()));
                    }
                    ok = false;
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
    if (!ok) {
        // Keeps the error of the statement that failed, not the rollback's.
        const QString state = m_sqlState;
        const QString text = m_errorText;
        exec("ROLLBACK", PGRES_COMMAND_OK);
        m_sqlState = state;
        m_errorText = text;
        return false;
    }
    return exec("COMMIT", PGRES_COMMAND_OK);
}
} // namespace Glc
