// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// What PostgresRowReader and PostgresRowWriter share: the libpq connection under Qt's QPSQL driver,
// statements run on it, and their errors.

#include <QByteArray>
#include <QString>

#include <libpq-fe.h>

#include <memory>

class QSqlDatabase;

namespace Glc::Libpq {
struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

/// A statement's error: its SQLSTATE ("55P03": lock not available) and libpq's text.
struct Failure
{
    QString sqlState;
    QString text;
};

/// The libpq connection of `db` (Qt's QPSQL driver, of this process's libpq) when it is open,
/// between statements and its transaction status is `status`; null otherwise.
PGconn *connectionOf(const QSqlDatabase &db, PGTransactionStatusType status);
/// The error of `result`, or of the connection when there is no result or it says nothing.
Failure failureOf(PGconn *conn, const PGresult *result);
/// Runs `sql` with at most one text parameter (none when `parameter` is null): the result when its
/// status is `expected`, else null with `failure` filled.
Result run(PGconn *conn, const char *sql, ExecStatusType expected, Failure *failure, const QByteArray &parameter = {});
} // namespace Glc::Libpq
