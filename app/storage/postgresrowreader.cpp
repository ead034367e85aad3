// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "postgresrowreader.h"

#include "libpqsupport.h"
#include "licensecolumns.h"
#include "rowbatches.h"

#include <QByteArray>

namespace Glc {
namespace {
constexpr int Columns = RowBatch::TextColumns + RowBatch::NumberColumns;

/// One field of COPY's text format as its value: `\N` is NULL (nullptr); a backslash escapes the
/// next character (`\t`, `\n`, `\r`, `\b`, `\f`, `\v` control characters, else the character itself), unescaped
/// into `scratch` only when there is one.
QByteArrayView copyField(QByteArrayView field, QByteArray &scratch, bool &null)
{
    null = field == QByteArrayView("\\N", 2);
    if (null || !field.contains('\\')) {
        return field;
    }
    scratch.resize(0);
    for (qsizetype i = 0; i < field.size(); ++i) {
        char c = field.at(i);
        if (c == '\\' && i + 1 < field.size()) {
            c = field.at(++i);
            switch (c) {
            case 't':
                c = '\t';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'v':
                c = '\v';
                break;
            default:
                break;
            }
        }
        scratch.append(c);
    }
    return QByteArrayView(scratch);
}

/// Adds one row of COPY's text format (fields separated by tabs, ending in a newline) to `batch`; false when it
/// does not have the columns of LicenseSelectColumns.
bool addCopyRow(RowBatch &batch, QByteArrayView line, QByteArray &scratch)
{
    if (line.endsWith('\n')) {
        line.chop(1);
    }
    int column = 0;
    qsizetype from = 0;
    while (column < Columns) {
        qsizetype to = line.indexOf('\t', from);
        if (to < 0) {
            to = line.size();
        }
        bool null = false;
        const QByteArrayView value = copyField(line.sliced(from, to - from), scratch, null);
        if (column < RowBatch::TextColumns) {
            batch.addText(null ? nullptr : value.data(), value.size());
        } else {
            // A TriState's NULL is -1; the other numbers are never NULL.
            batch.addNumber(null ? -1 : value.toInt());
        }
        ++column;
        from = to + 1;
        if (to == line.size()) {
            break;
        }
    }
    return column == Columns && from > line.size();
}
} // namespace

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
    // The rows in their order by the primary key's index, not sorted after a scan: a snapshot just written has no
    // statistics yet, and the planner's bitmap scan and sort of 300,000 rows spilled 64 MB to disk (600 ms of 1 s).
    ok = ok && run("SET LOCAL enable_sort = off", PGRES_COMMAND_OK);
    qsizetype expected = 0;
    if (ok) {
        const Libpq::Result count =
            run("SELECT user_count FROM snapshots WHERE id = $1", PGRES_TUPLES_OK, QByteArray::number(snapshotId));
        ok = bool(count);
        if (count && PQntuples(count.get()) > 0) {
            expected = QByteArrayView(PQgetvalue(count.get(), 0, 0)).toLongLong();
            rows.reserve(expected);
        }
    }
    // COPY's text stream, not a cursor's rows: the server sends it without waiting for the next FETCH, and libpq
    // hands each row over as it is, without building a result of every value (12-22 % faster at 300,000 rows).
    // COPY takes no parameters: the id is a number written here.
    const QByteArray copy = QByteArrayLiteral("COPY (SELECT ") + LicenseSelectColumns +
        QByteArrayLiteral(" FROM consumed_licenses WHERE snapshot_id = ") + QByteArray::number(snapshotId) +
        QByteArrayLiteral(" ORDER BY row_index) TO STDOUT");
    ok = ok && run(copy.constData(), PGRES_COPY_OUT);
    if (ok) {
        bool copying = true;
        QByteArray scratch;
        packBatches(
            [&](RowBatch &batch) {
                batch.reserve(m_batchRows);
                for (int n = 0; n < m_batchRows; ++n) {
                    char *line = nullptr;
                    const int size = PQgetCopyData(m_conn, &line, 0);
                    if (size < 0) {
                        // -1: the rows are all there, the COPY's result follows; -2: an error, in that result.
                        copying = false;
                        return false;
                    }
                    const bool added = addCopyRow(batch, QByteArrayView(line, size), scratch);
                    PQfreemem(line);
                    if (!added) {
                        ok = false;
                        failure.text =
                            QStringLiteral("a row of the snapshot does not have the %1 expected columns").arg(Columns);
                        return false;
                    }
                }
                return true;
            },
            expected >= m_threadedFrom, rows);
        // The rest of a stream left on a malformed row, then the COPY's own outcome.
        while (copying) {
            char *line = nullptr;
            const int size = PQgetCopyData(m_conn, &line, 0);
            if (line) {
                PQfreemem(line);
            }
            copying = size >= 0;
        }
        while (PGresult *result = PQgetResult(m_conn)) {
            if (PQresultStatus(result) != PGRES_COMMAND_OK && ok) {
                ok = false;
                failure = Libpq::failureOf(m_conn, result);
            }
            PQclear(result);
        }
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
