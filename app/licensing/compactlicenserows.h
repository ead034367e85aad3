// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

namespace Glc {
/// Consumed-license rows packed for 300k-seat snapshots: one byte record per row in a single
/// buffer instead of a ConsumedLicense (13 heap strings and lists) per row. Repeated values
/// (license type, Visual Studio status, roles, organizations, profile URL prefixes) live once in a
/// shared string table; server user IDs are a host index into hosts() plus their user-ID suffix.
/// The free-text search region (login, name, every e-mail, SAML NameID) is stored already
/// lower-cased, with the few bytes that lowering changed kept as patches, so a search is a plain
/// substring scan and the original text costs no second copy. Rows are rebuilt on demand.
class CompactLicenseRows
{
public:
    enum class Text : quint8 {
        Login,
        Name,
        Profile,
        SamlNameId,
        LicenseType,
        VisualStudioLicenseStatus,
        VisualStudioSubscriptionEmail,
    };
    enum class List : quint8 {
        ServerUserIds,
        ServerEmails,
        VerifiedDomainEmails,
        MemberRoles,
        EnterpriseRoles,
        OrgsWithPendingInvites,
    };

    /// Separates the items of searchText(); a typed needle never contains it.
    static constexpr char SearchSeparator = 0x1f;
    /// Separates the items of a list in a Utf8Row (U+001F: one byte in UTF-8).
    static constexpr char ListSeparator = 0x1f;

    /// One row as a database hands it over: UTF-8 text, each list joined by ListSeparator (an
    /// empty text is an empty list). Views, valid for the call to append() only.
    struct Utf8Row
    {
        QByteArrayView login;
        QByteArrayView name;
        QByteArrayView profile;
        QByteArrayView samlNameId;
        QByteArrayView licenseType;
        QByteArrayView visualStudioLicenseStatus;
        QByteArrayView visualStudioSubscriptionEmail;
        QByteArrayView serverUserIds;
        QByteArrayView serverEmails;
        QByteArrayView verifiedDomainEmails;
        QByteArrayView memberRoles;
        QByteArrayView enterpriseRoles;
        QByteArrayView orgsWithPendingInvites;
        int totalUserAccounts = 0;
        bool githubComUser = false;
        bool visualStudioSubscriptionUser = false;
        TriState enterpriseServerUser = TriState::Unknown;
        TriState githubComTwoFactorAuth = TriState::Unknown;
    };

    void clear();
    /// `rows`: expected row count (avoids regrowing the offset table); at most MaxReservedRows count.
    void reserve(qsizetype rows);
    static constexpr qsizetype MaxReservedRows = 4'000'000;
    void append(const ConsumedLicense &license);
    /// The same as appending the row decoded into a ConsumedLicense (every field equal), without
    /// a QString per value: what a 300k-row read from the store takes.
    void append(const Utf8Row &row);
    /// Frees the spare capacity left by growing; call after the last append().
    void squeeze();
    /// Every seat of `licenses` appended, in order, squeezed.
    static CompactLicenseRows fromLicenses(const QList<ConsumedLicense> &licenses);
    /// Puts the rows in the order `order` gives (row i becomes the row that was at order[i]; a
    /// permutation of every row). The records are moved, not just their offsets, so a pass over
    /// every row, like a search, still reads memory in order.
    void reorder(const QList<qsizetype> &order);
    /// True when `other` is a copy of these rows (the shared buffers of an implicit copy).
    bool isSharedWith(const CompactLicenseRows &other) const
    {
        return m_bytes.isSharedWith(other.m_bytes) && m_offsets.isSharedWith(other.m_offsets);
    }

    qsizetype size() const { return m_offsets.size(); }
    bool isEmpty() const { return m_offsets.isEmpty(); }

    /// The row as it was appended (every field equal).
    ConsumedLicense license(qsizetype row) const;
    QString text(qsizetype row, Text field) const;
    QStringList list(qsizetype row, List field) const;
    /// Shared string, no decoding: cheap enough for a filter or sort over every row.
    const QString &licenseType(qsizetype row) const;
    int totalUserAccounts(qsizetype row) const;
    bool githubComUser(qsizetype row) const;
    bool visualStudioSubscriptionUser(qsizetype row) const;
    TriState enterpriseServerUser(qsizetype row) const;
    TriState githubComTwoFactorAuth(qsizetype row) const;
    /// Same as ConsumedLicense::isServerOnly() and isPendingInvitationOnly(), without decoding text.
    bool isServerOnly(qsizetype row) const;
    bool isPendingInvitationOnly(qsizetype row) const;
    /// Same as ConsumedLicense::serverHosts(): hosts of the server accounts, in order, no duplicates.
    QStringList serverHosts(qsizetype row) const;
    /// Indexes into hosts() of the row's server user IDs, one per ID, in order.
    QList<int> hostIndexes(qsizetype row) const;

    /// A server user ID as it is packed: its host and the UTF-8 of the rest (":<user id>"; empty
    /// when the ID has no "host:" part, the host then being the whole ID).
    struct ServerUserId
    {
        int host = -1; ///< index into hosts()
        QByteArrayView suffix; ///< a view into the row, valid like searchText()
    };
    /// The row's server user IDs in order, without decoding: what an analysis keys its lookups on.
    QVarLengthArray<ServerUserId, 4> serverUserIds(qsizetype row) const;

    /// Lower-case UTF-8 of login, name, verified-domain e-mails, server e-mails, SAML NameID and
    /// Visual Studio e-mail, joined by SearchSeparator. Valid until the next append() or clear().
    QByteArrayView searchText(qsizetype row) const;

    /// The items of searchText() one by one: each the UTF-8 of QString::toLower() of the original.
    struct SearchItems
    {
        QByteArrayView login;
        QByteArrayView name;
        QVarLengthArray<QByteArrayView, 4> verifiedEmails;
        QVarLengthArray<QByteArrayView, 4> serverEmails;
        QByteArrayView samlNameId;
        QByteArrayView visualStudioEmail;
        /// The items are in `scratch` (the rare row where lowering changed an item's byte length),
        /// not in searchText().
        bool inScratch = false;
    };
    /// Views into searchText(row) (valid like it), without decoding: what an analysis keys its
    /// lookups on. In the rare row whose lowering changed an item's length, views into `scratch`.
    SearchItems searchItems(qsizetype row, QByteArray &scratch) const;

    /// The row's member roles and pending-invitation organizations as indexes into sharedStrings(),
    /// without decoding: what a count per organization runs over.
    struct Memberships
    {
        QVarLengthArray<quint32, 4> memberRoles;
        QVarLengthArray<quint32, 4> pendingInviteOrgs;
    };
    Memberships memberships(qsizetype row) const;
    /// The table of repeated values (license types, roles, organizations, …) the rows index.
    const QStringList &sharedStrings() const { return m_strings; }

    /// Every server host seen in a server user ID, in order of appearance.
    const QStringList &hosts() const { return m_hosts; }
    /// Bytes held by the row records and offsets (not the shared tables).
    qsizetype recordBytes() const;

private:
    struct Record;

    template<typename Source>
    void appendRow(const Source &source);
    quint32 intern(const QString &s);
    quint32 intern(QByteArrayView utf8);
    quint32 internHost(QStringView host);
    quint32 internHost(QByteArrayView utf8);
    quint32 internProfilePrefix(QStringView prefix);
    quint32 internProfilePrefix(QByteArrayView utf8);
    Record parse(qsizetype row) const;
    static QVarLengthArray<ServerUserId, 4> serverUserIdsOf(const Record &record);
    QString textOf(const Record &record, QByteArrayView original, Text field) const;
    QStringList listOf(const Record &record, QByteArrayView original, List field) const;

    QByteArray m_bytes;
    QList<qint64> m_offsets;
    QStringList m_strings;
    QHash<QString, quint32> m_stringIndex;
    QStringList m_hosts;
    QHash<QString, quint32> m_hostIndex;
    // UTF-8 of a string or host -> its index above: how append(Utf8Row) finds them without
    // decoding. Loading aids, dropped by squeeze().
    QHash<QByteArray, quint32> m_utf8StringIndex;
    QHash<QByteArray, quint32> m_utf8HostIndex;
    QByteArray m_lastUtf8ProfilePrefixText;
    int m_lastUtf8ProfilePrefix = -1;
    QByteArray m_lastUtf8HostText;
    int m_lastUtf8Host = -1;
    int m_lastProfilePrefix = -1;
    int m_lastHost = -1;

    // Scratch buffers reused by append() so a load does not allocate per row.
    QByteArray m_scratchRaw;
    QByteArray m_scratchLower;
    QByteArray m_scratchTail;
};
} // namespace Glc
