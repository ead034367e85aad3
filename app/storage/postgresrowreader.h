// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"

#include <QString>

class QSqlDatabase;
struct pg_conn;

namespace Glc {
/// Reads a snapshot's consumed-license rows on PostgreSQL through libpq, on the store's own
/// connection (the handle of Qt's QPSQL driver, which speaks UTF-8): one COPY … TO STDOUT in COPY's
/// text format, each row split and packed as the server sent it (CompactLicenseRows::append(Utf8Row)),
/// without a QVariant or a QString per value. Used by LicenseStore; the QtSql path stays for a
/// connection this cannot take over.
class PostgresRowReader
{
public:
    /// `batchRows`: rows handed to the packing at a time; `threadedFrom`: from this many rows (the
    /// snapshot's stored count) one thread reads while the caller's packs the rows.
    explicit PostgresRowReader(int batchRows = 2048, qsizetype threadedFrom = 20000)
        : m_batchRows(qMax(1, batchRows))
        , m_threadedFrom(threadedFrom)
    {
    }

    /// False when `db` is not an open PostgreSQL connection of this process's libpq, or is in
    /// the middle of a transaction or a query.
    bool attach(const QSqlDatabase &db);
    /// Appends the snapshot's rows in order (none for an unknown snapshot), in a read-only
    /// transaction of its own. False on an error of the server (sqlState(), errorText()); `rows`
    /// then holds what was read before it.
    bool read(qint64 snapshotId, CompactLicenseRows &rows);

    /// The SQLSTATE of the last failure ("55P03": lock not available).
    QString sqlState() const { return m_sqlState; }
    QString errorText() const { return m_errorText; }

private:
    const int m_batchRows;
    const qsizetype m_threadedFrom;
    pg_conn *m_conn = nullptr;
    QString m_sqlState;
    QString m_errorText;
};
} // namespace Glc
