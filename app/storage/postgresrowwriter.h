// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QString>

#include <functional>

class QSqlDatabase;
struct pg_conn;

namespace Glc {
/// Writes a snapshot's consumed-license rows on PostgreSQL with COPY through libpq, on the store's
/// own connection (the handle of Qt's QPSQL driver) inside the store's open transaction: one
/// stream of text lines instead of statements, stored exactly as the store's INSERTs store them
/// (an empty text and an empty list are NULL, a list its items joined by U+001F).
class PostgresRowWriter
{
public:
    /// False when `db` is not a PostgreSQL connection of this process's libpq inside a transaction.
    bool attach(const QSqlDatabase &db);
    /// Streams the rows; `cancel` is asked between batches. False on an error or when cancelled
    /// (cancelled(); sqlState(), errorText() otherwise): the transaction is then aborted.
    bool write(qint64 snapshotId, const QList<ConsumedLicense> &rows, const std::function<bool()> &cancel);

    bool cancelled() const { return m_cancelled; }
    QString sqlState() const { return m_sqlState; }
    QString errorText() const { return m_errorText; }

private:
    /// Ends the COPY (with `abortReason` when not null) and takes its result.
    bool finish(const char *abortReason);

    pg_conn *m_conn = nullptr;
    bool m_cancelled = false;
    QString m_sqlState;
    QString m_errorText;
};
} // namespace Glc
