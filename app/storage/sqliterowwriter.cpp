// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "sqliterowwriter.h"

#include "licensecolumns.h"
#include "sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QVariant>

#include <array>

namespace Glc {
namespace {
constexpr char ListSeparator = 0x1f;
// Rows between two questions to the caller's cancel check: as often as the store's other writes ask.
constexpr qsizetype RowsPerCancelCheck = 200;
constexpr int TextColumns = 13;

/// One row's texts as UTF-8 in one buffer: a field is a range of it, or NULL.
class RowTexts
{
public:
    void clear()
    {
        m_bytes.resize(0); // keeps its capacity from row to row
        m_count = 0;
    }
    void null() { m_fields[m_count++] = Field{0, -1}; }
    /// An empty text is NULL, as the store's bound VALUES bind it.
    void text(const QString &s)
    {
        if (s.isEmpty()) {
            null();
            return;
        }
        const qsizetype from = m_bytes.size();
        encode(s);
        m_fields[m_count++] = Field{from, m_bytes.size() - from};
    }
    /// NULL for no items or one null item; else the items joined by U+001F, each without it.
    void list(const QStringList &items)
    {
        if (items.isEmpty() || (items.size() == 1 && items.first().isNull())) {
            null();
            return;
        }
        const qsizetype from = m_bytes.size();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0) {
                m_bytes.append(ListSeparator);
            }
            const qsizetype item = m_bytes.size();
            encode(items.at(i));
            // U+001F is one byte of UTF-8 that no other character's bytes contain.
            if (m_bytes.indexOf(ListSeparator, item) >= 0) {
                const auto kept = std::remove(m_bytes.begin() + item, m_bytes.end(), ListSeparator);
                m_bytes.truncate(kept - m_bytes.begin());
            }
        }
        m_fields[m_count++] = Field{from, m_bytes.size() - from};
    }
    /// Binds the fields to parameters `first`, `first` + 1, ...; the bytes must stay as they are
    /// until the statement has run.
    int bind(sqlite3_stmt *statement, int first) const
    {
        for (int i = 0; i < m_count; ++i) {
            const Field &f = m_fields[i];
            // Never a null pointer for an empty text: SQLite would bind NULL.
            const int result = f.size < 0 ? sqlite3_bind_null(statement, first + i)
                                          : sqlite3_bind_text(statement, first + i,
                                                f.size ? m_bytes.constData() + f.from : "", int(f.size), SQLITE_STATIC);
            if (result != SQLITE_OK) {
                return result;
            }
        }
        return SQLITE_OK;
    }

private:
    struct Field
    {
        qsizetype from;
        qsizetype size; ///< -1: NULL
    };
    void encode(QStringView s)
    {
        const qsizetype old = m_bytes.size();
        m_bytes.resize(old + s.size() * 3);
        char *const end = m_encoder.appendToBuffer(m_bytes.data() + old, s);
        m_bytes.truncate(end - m_bytes.constData());
    }

    QByteArray m_bytes;
    std::array<Field, TextColumns> m_fields{};
    int m_count = 0;
    // Stateless: a lone surrogate at the end of one text is not carried into the next.
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

QByteArray insertSql()
{
    QByteArray sql = QByteArrayLiteral("INSERT INTO consumed_licenses (snapshot_id, row_index, ");
    sql += LicenseSelectColumns;
    sql += ") VALUES (?";
    for (int i = 1; i < 2 + TextColumns + 5; ++i) {
        sql += ",?";
    }
    sql += ')';
    return sql;
}
} // namespace

bool SqliteRowWriter::attach(const QSqlDatabase &db)
{
    m_db = nullptr;
    if (!db.isOpen() || !db.driver()) {
        return false;
    }
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return false;
    }
    // The handle is only ours to use when Qt's driver runs on the SQLite this process links: the same
    // source, asked through the driver and through our own library.
    QSqlQuery source(db);
    if (!source.exec(QStringLiteral("SELECT sqlite_source_id()")) || !source.next() ||
        source.value(0).toString() != QLatin1String(sqlite3_sourceid())) {
        return false;
    }
    auto *const connection = *static_cast<sqlite3 *const *>(handle.constData());
    // In the store's transaction (the snapshot's row is there, uncommitted).
    if (!connection || sqlite3_get_autocommit(connection)) {
        return false;
    }
    m_db = connection;
    return true;
}

bool SqliteRowWriter::fail()
{
    m_errorCode = sqlite3_errcode(m_db) & 0xff;
    m_errorText = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteRowWriter::write(qint64 snapshotId, const QList<ConsumedLicense> &rows, const std::function<bool()> &cancel)
{
    m_cancelled = false;
    if (!m_db) {
        m_errorCode = SQLITE_MISUSE;
        m_errorText = QStringLiteral("not attached to an SQLite connection");
        return false;
    }
    const SqliteStatement insert(m_db, insertSql(), SQLITE_PREPARE_PERSISTENT);
    if (!insert.isValid()) {
        return fail();
    }
    sqlite3_stmt *const s = insert.get();
    RowTexts texts;
    for (qsizetype index = 0; index < rows.size(); ++index) {
        if (index % RowsPerCancelCheck == 0 && cancel && cancel()) {
            m_cancelled = true;
            return false;
        }
        const ConsumedLicense &r = rows.at(index);
        texts.clear();
        for (const QString *text : {&r.githubComLogin, &r.githubComName, &r.githubComProfile, &r.githubComSamlNameId,
                 &r.licenseType, &r.visualStudioLicenseStatus, &r.visualStudioSubscriptionEmail}) {
            texts.text(*text);
        }
        for (const QStringList *list :
            {&r.enterpriseServerUserIds, &r.enterpriseServerEmails, &r.githubComVerifiedDomainEmails,
                &r.githubComMemberRoles, &r.githubComEnterpriseRoles, &r.githubComOrgsWithPendingInvites}) {
            texts.list(*list);
        }
        int p = 1;
        if (sqlite3_bind_int64(s, p++, snapshotId) != SQLITE_OK || sqlite3_bind_int64(s, p++, index) != SQLITE_OK ||
            texts.bind(s, p) != SQLITE_OK) {
            return fail();
        }
        p += TextColumns;
        for (const int number : {r.totalUserAccounts, r.githubComUser ? 1 : 0, r.visualStudioSubscriptionUser ? 1 : 0,
                 int(r.enterpriseServerUser), int(r.githubComTwoFactorAuth)}) {
            if (sqlite3_bind_int(s, p++, number) != SQLITE_OK) {
                return fail();
            }
        }
        if (sqlite3_step(s) != SQLITE_DONE) {
            const bool failed = fail();
            sqlite3_reset(s);
            return failed;
        }
        sqlite3_reset(s);
    }
    return true;
}
} // namespace Glc
