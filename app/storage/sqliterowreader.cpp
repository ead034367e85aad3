// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "sqliterowreader.h"

#include "licensecolumns.h"

#include <QByteArray>
#include <QMutex>
#include <QScopeGuard>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <memory>

#include <sqlite3.h>

namespace Glc {
namespace {
/// Closes a prepared statement however the read ends.
class Statement
{
public:
    Statement(sqlite3 *db, const QByteArray &sql)
    {
        m_result = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_statement, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_result == SQLITE_OK; }
    sqlite3_stmt *get() const { return m_statement; }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_result = SQLITE_OK;
};

constexpr int TextColumns = 13; // then 5 numbers: see LicenseSelectColumns
constexpr int NumberColumns = 5;
constexpr qsizetype QueueCapacity = 4;

/// Rows copied out of the statement, to be packed on another thread: every text back to back.
struct Batch
{
    QByteArray text;
    QList<quint32> ends; ///< TextColumns per row: where each text ends in `text`
    QList<qint32> numbers; ///< NumberColumns per row (a TriState's NULL as -1)

    qsizetype size() const { return numbers.size() / NumberColumns; }
};

/// Steps up to `maxRows` rows into `batch`; returns SQLite's last step result (SQLITE_ROW: more).
int fillBatch(sqlite3_stmt *s, int maxRows, Batch &batch)
{
    batch.ends.reserve(qsizetype(maxRows) * TextColumns);
    batch.numbers.reserve(qsizetype(maxRows) * NumberColumns);
    for (int n = 0; n < maxRows; ++n) {
        const int step = sqlite3_step(s);
        if (step != SQLITE_ROW) {
            return step;
        }
        for (int c = 0; c < TextColumns; ++c) {
            // sqlite3_column_text() first: the length of its own UTF-8 (NULL: none).
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
            if (text) {
                batch.text.append(text, sqlite3_column_bytes(s, c));
            }
            batch.ends.append(quint32(batch.text.size()));
        }
        for (int c = TextColumns; c < TextColumns + 3; ++c) {
            batch.numbers.append(sqlite3_column_int(s, c));
        }
        for (int c = TextColumns + 3; c < TextColumns + NumberColumns; ++c) {
            batch.numbers.append(sqlite3_column_type(s, c) == SQLITE_NULL ? -1 : sqlite3_column_int(s, c));
        }
    }
    return SQLITE_ROW;
}

TriState toTri(qint32 stored)
{
    return stored > 0 ? TriState::Yes : (stored == 0 ? TriState::No : TriState::Unknown);
}

void appendBatch(const Batch &batch, CompactLicenseRows &rows)
{
    const char *const text = batch.text.constData();
    CompactLicenseRows::Utf8Row row;
    QByteArrayView *const texts[TextColumns] = {&row.login, &row.name, &row.profile, &row.samlNameId, &row.licenseType,
        &row.visualStudioLicenseStatus, &row.visualStudioSubscriptionEmail, &row.serverUserIds, &row.serverEmails,
        &row.verifiedDomainEmails, &row.memberRoles, &row.enterpriseRoles, &row.orgsWithPendingInvites};
    quint32 from = 0;
    for (qsizetype r = 0; r < batch.size(); ++r) {
        const quint32 *const ends = batch.ends.constData() + r * TextColumns;
        for (int c = 0; c < TextColumns; ++c) {
            *texts[c] = QByteArrayView(text + from, ends[c] - from);
            from = ends[c];
        }
        const qint32 *const numbers = batch.numbers.constData() + r * NumberColumns;
        row.totalUserAccounts = numbers[0];
        row.githubComUser = numbers[1] != 0;
        row.visualStudioSubscriptionUser = numbers[2] != 0;
        row.enterpriseServerUser = toTri(numbers[3]);
        row.githubComTwoFactorAuth = toTri(numbers[4]);
        rows.append(row);
    }
}

/// Batches from the thread that steps the statement to the one that packs them; the stepping
/// thread waits while QueueCapacity batches are waiting.
class BatchQueue
{
public:
    void push(Batch &&batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.size() >= QueueCapacity) {
            m_notFull.wait(&m_mutex);
        }
        m_batches.push_back(std::move(batch));
        m_notEmpty.wakeOne();
    }
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_notEmpty.wakeOne();
    }
    /// False once every batch was taken and the stepping thread has finished.
    bool pop(Batch &batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.empty() && !m_finished) {
            m_notEmpty.wait(&m_mutex);
        }
        if (m_batches.empty()) {
            return false;
        }
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.wakeOne();
        return true;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    std::deque<Batch> m_batches;
    bool m_finished = false;
};
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
        const Statement count(m_db, QByteArrayLiteral("SELECT user_count FROM snapshots WHERE id = ?"));
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
    const Statement select(m_db,
        QByteArrayLiteral("SELECT ") + LicenseSelectColumns +
            QByteArrayLiteral(" FROM consumed_licenses WHERE snapshot_id = ? ORDER BY row_index"));
    if (!select.isValid() || sqlite3_bind_int64(select.get(), 1, snapshotId) != SQLITE_OK) {
        return fail();
    }
    sqlite3_stmt *const s = select.get();
    if (sqlite3_column_count(s) != TextColumns + NumberColumns) {
        m_errorCode = SQLITE_ERROR;
        m_errorText = QStringLiteral("expected %1 columns, the query has %2")
                          .arg(TextColumns + NumberColumns)
                          .arg(sqlite3_column_count(s));
        return false;
    }
    int step = SQLITE_ROW;
    if (expected < m_threadedFrom) {
        Batch batch;
        while (step == SQLITE_ROW) {
            batch = Batch();
            step = fillBatch(s, m_batchRows, batch);
            appendBatch(batch, rows);
        }
    } else {
        // Stepping SQLite and packing the rows take about as long each: one thread for each.
        BatchQueue queue;
        const std::unique_ptr<QThread> stepper(QThread::create([&] {
            while (step == SQLITE_ROW) {
                Batch batch;
                step = fillBatch(s, m_batchRows, batch);
                queue.push(std::move(batch));
            }
            queue.finish();
        }));
        stepper->start();
        Batch batch;
        while (queue.pop(batch)) {
            appendBatch(batch, rows);
        }
        stepper->wait();
    }
    return step == SQLITE_DONE || fail();
}
} // namespace Glc
