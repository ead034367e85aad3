// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "libpqsupport.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <cstring>

namespace Glc::Libpq {
PGconn *connectionOf(const QSqlDatabase &db, PGTransactionStatusType status)
{
    if (!db.isOpen() || !db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    // Qt names the type by libpq's struct: "pg_conn*" (older versions "PGconn*").
    if (!handle.isValid() ||
        (std::strcmp(handle.typeName(), "pg_conn*") != 0 && std::strcmp(handle.typeName(), "PGconn*") != 0)) {
        return nullptr;
    }
    PGconn *const conn = *static_cast<PGconn *const *>(handle.constData());
    if (!conn || PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != status) {
        return nullptr;
    }
    return conn;
}

Failure failureOf(PGconn *conn, const PGresult *result)
{
    Failure failure;
    if (result) {
        failure.sqlState = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        failure.text = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    }
    if (failure.text.isEmpty()) {
        failure.text = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    }
    return failure;
}

Result run(PGconn *conn, const char *sql, ExecStatusType expected, Failure *failure, const QByteArray &parameter)
{
    const char *const values[] = {parameter.constData()};
    Result result(
        parameter.isNull() ? PQexec(conn, sql) : PQexecParams(conn, sql, 1, nullptr, values, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) == expected) {
        return result;
    }
    *failure = failureOf(conn, result.get());
    return nullptr;
}
} // namespace Glc::Libpq
