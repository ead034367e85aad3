// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"

#include <QString>

struct sqlite3;

namespace Glc {
/// Reads a snapshot's consumed-license rows from an SQLite file through SQLite's own API, on a
/// read-only connection of its own (WAL lets it read beside the store's connection): the text
/// arrives as the UTF-8 the file holds and is packed with CompactLicenseRows::append(Utf8Row),
/// without a QVariant or a QString per value. Used by LicenseStore; the QtSql path stays for
/// PostgreSQL and for databases this cannot open (an in-memory one).
class SqliteRowReader
{
public:
    /// `batchRows`: rows copied out of SQLite at a time; `threadedFrom`: from this many rows (the
    /// snapshot's stored count) one thread steps SQLite while the caller's packs the rows.
    explicit SqliteRowReader(int batchRows = 2048, qsizetype threadedFrom = 20000)
        : m_batchRows(qMax(1, batchRows))
        , m_threadedFrom(threadedFrom)
    {
    }
    ~SqliteRowReader();
    SqliteRowReader(const SqliteRowReader &) = delete;
    SqliteRowReader &operator=(const SqliteRowReader &) = delete;

    /// False when the file cannot be opened this way (errorText() says why).
    bool open(const QString &path, int busyTimeoutMs);
    /// Appends the snapshot's rows in order (none for an unknown snapshot). False on an error of
    /// SQLite (errorCode(), errorText()); `rows` then holds what was read before it.
    bool read(qint64 snapshotId, CompactLicenseRows &rows);

    /// SQLite's result code of the last failure (its primary code: SQLITE_BUSY is 5).
    int errorCode() const { return m_errorCode; }
    QString errorText() const { return m_errorText; }

private:
    bool fail();

    const int m_batchRows;
    const qsizetype m_threadedFrom;
    sqlite3 *m_db = nullptr;
    int m_errorCode = 0;
    QString m_errorText;
};
} // namespace Glc
