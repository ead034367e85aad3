// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "postgresrowwriter.h"

#include "libpqsupport.h"

#include <QByteArray>
#include <QStringEncoder>

namespace Glc {
namespace {
constexpr char16_t ListSeparator = 0x1f;
// Rows sent at a time, and between two questions to the caller's cancel check: as often as the
// store's other writes ask it.
constexpr qsizetype RowsPerChunk = 200;

const char CopySql[] =
    "COPY consumed_licenses (snapshot_id, row_index, github_com_login, github_com_name, github_com_profile,"
    " github_com_saml_name_id, license_type, visual_studio_license_status, visual_studio_subscription_email,"
    " enterprise_server_user_ids, enterprise_server_emails, github_com_verified_domain_emails,"
    " github_com_member_roles, github_com_enterprise_roles, github_com_orgs_with_pending_invites,"
    " total_user_accounts, github_com_user, visual_studio_subscription_user, enterprise_server_user,"
    " github_com_two_factor_auth) FROM STDIN";

/// COPY's text format, one field at a time: UTF-8 with backslash, tab, newline and carriage return
/// escaped; NULL is \N.
class CopyLine
{
public:
    explicit CopyLine(QByteArray &out)
        : m_out(out)
    {
    }
    void null() { field("\\N", 2); }
    void number(qint64 n) { fieldBytes(QByteArray::number(n)); }
    /// `dropSeparator`: U+001F is left out (a list item, as the store's INSERTs leave it out).
    void text(QStringView s, bool dropSeparator = false)
    {
        separate();
        appendText(s, dropSeparator);
    }
    /// NULL for no items or one null item, as the store's INSERTs bind them.
    void list(const QStringList &items)
    {
        if (items.isEmpty() || (items.size() == 1 && items.first().isNull())) {
            null();
            return;
        }
        separate();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0) {
                m_out.append(char(ListSeparator));
            }
            appendText(items.at(i), true);
        }
    }
    void end() { m_out.append('\n'); }

private:
    void separate()
    {
        if (m_fields++ > 0) {
            m_out.append('\t');
        }
    }
    void field(const char *bytes, qsizetype size)
    {
        separate();
        m_out.append(bytes, size);
    }
    void fieldBytes(const QByteArray &bytes) { field(bytes.constData(), bytes.size()); }
    void appendText(QStringView s, bool dropSeparator)
    {
        qsizetype from = 0;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const char16_t c = s[i].unicode();
            const char *escape = nullptr;
            switch (c) {
            case u'\\':
                escape = "\\\\";
                break;
            case u'\t':
                escape = "\\t";
                break;
            case u'\n':
                escape = "\\n";
                break;
            case u'\r':
                escape = "\\r";
                break;
            case ListSeparator:
                if (!dropSeparator) {
                    continue;
                }
                escape = "";
                break;
            default:
                continue;
            }
            encode(s.sliced(from, i - from));
            m_out.append(escape);
            from = i + 1;
        }
        encode(s.sliced(from));
    }
    void encode(QStringView s)
    {
        if (s.isEmpty()) {
            return;
        }
        const qsizetype old = m_out.size();
        m_out.resize(old + s.size() * 3);
        char *const end = m_encoder.appendToBuffer(m_out.data() + old, s);
        m_out.truncate(end - m_out.constData());
    }

    QByteArray &m_out;
    // Stateless: a lone surrogate at the end of one piece is not carried into the next field.
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    int m_fields = 0;
};

void appendRow(QByteArray &out, qint64 snapshotId, qsizetype index, const ConsumedLicense &r)
{
    CopyLine line(out);
    line.number(snapshotId);
    line.number(index);
    // An empty text is NULL, as the store's INSERTs bind it.
    for (const QString *text : {&r.githubComLogin, &r.githubComName, &r.githubComProfile, &r.githubComSamlNameId,
             &r.licenseType, &r.visualStudioLicenseStatus, &r.visualStudioSubscriptionEmail}) {
        if (text->isEmpty()) {
            line.null();
        } else {
            line.text(*text);
        }
    }
    for (const QStringList *list :
        {&r.enterpriseServerUserIds, &r.enterpriseServerEmails, &r.githubComVerifiedDomainEmails,
            &r.githubComMemberRoles, &r.githubComEnterpriseRoles, &r.githubComOrgsWithPendingInvites}) {
        line.list(*list);
    }
    line.number(r.totalUserAccounts);
    line.number(r.githubComUser ? 1 : 0);
    line.number(r.visualStudioSubscriptionUser ? 1 : 0);
    line.number(int(r.enterpriseServerUser));
    line.number(int(r.githubComTwoFactorAuth));
    line.end();
}
} // namespace

bool PostgresRowWriter::attach(const QSqlDatabase &db)
{
    // In the store's transaction (the snapshot's row is there, uncommitted), between statements.
    m_conn = Libpq::connectionOf(db, PQTRANS_INTRANS);
    return m_conn;
}

bool PostgresRowWriter::finish(const char *abortReason)
{
    bool ok = PQputCopyEnd(m_conn, abortReason) == 1;
    while (PGresult *result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && m_errorText.isEmpty()) {
            const Libpq::Failure failure = Libpq::failureOf(m_conn, result);
            m_sqlState = failure.sqlState;
            m_errorText = failure.text;
            ok = false;
        }
        PQclear(result);
    }
    if (!ok && m_errorText.isEmpty()) {
        m_errorText = Libpq::failureOf(m_conn, nullptr).text;
    }
    return ok && !abortReason;
}

bool PostgresRowWriter::write(
    qint64 snapshotId, const QList<ConsumedLicense> &rows, const std::function<bool()> &cancel)
{
    m_cancelled = false;
    m_sqlState.clear();
    m_errorText.clear();
    if (!m_conn) {
        return false;
    }
    Libpq::Failure failure;
    if (!Libpq::run(m_conn, CopySql, PGRES_COPY_IN, &failure)) {
        m_sqlState = failure.sqlState;
        m_errorText = failure.text;
        return false;
    }
    QByteArray chunk;
    for (qsizetype index = 0; index < rows.size();) {
        if (cancel && cancel()) {
            m_cancelled = true;
            finish("cancelled by the caller");
            return false;
        }
        chunk.clear();
        const qsizetype end = qMin(rows.size(), index + RowsPerChunk);
        for (; index < end; ++index) {
            appendRow(chunk, snapshotId, index, rows.at(index));
        }
        if (PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) != 1) {
            m_errorText = Libpq::failureOf(m_conn, nullptr).text;
            finish("the data could not be sent");
            return false;
        }
    }
    return finish(nullptr);
}
} // namespace Glc
