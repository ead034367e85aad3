// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "compactlicenserows.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <utility>

// One record per row, at m_offsets[row] in m_bytes:
//   varint searchLength, search bytes        lower-case UTF-8 items joined by SearchSeparator:
//                                            login, name, verified e-mails, server e-mails, SAML, VS e-mail
//   u8 bits                                  TriStates, bools, profile-derived, raw-copy
//   varint totalUserAccounts, licenseType, visualStudioStatus (string table)
//   varint count + string-table indexes      member roles, enterprise roles, pending-invite orgs
//   varint count + host indexes              server user IDs
//   varint verified count, server e-mail count
//   varint byte length of every search item (original text)
//   varint profile prefix index (derived) or profile byte length (in the tail)
//   varint byte length of every server user ID suffix (in the tail)
//   varint patch count
//   tail: profile text, ID suffixes, the original search items when lowering changed their length
//   patches: (varint distance from the previous patch, original byte) turning search bytes back
//            into the original text
// Variable-length integers keep the typical row near 130 bytes against about 1.3 kB as QStrings.

namespace Glc {
namespace {
// Bits of a record's flags byte.
constexpr int ServerUserShift = 2; // TriState + 1 in bits 2-3
enum Bits : quint8 {
    TwoFactorMask = 0x03, // TriState + 1
    GithubComUserBit = 0x10,
    VisualStudioUserBit = 0x20,
    ProfileDerivedBit = 0x40,
    RawCopyBit = 0x80,
};

/// One record as it is put together, before it joins the buffer of every row in one append.
using RecordBuffer = QVarLengthArray<char, 512>;

template<typename Out>
void putVarint(Out &out, quint32 v)
{
    while (v >= 0x80) {
        out.append(char(v | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

quint32 getVarint(const uchar *&p)
{
    quint32 v = 0;
    int shift = 0;
    for (;;) {
        const uchar b = *p++;
        v |= quint32(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            return v;
        }
        shift += 7;
    }
}

/// Appends the UTF-8 of `s` (lone surrogates become U+FFFD, as in QString::toUtf8()); returns
/// true when `s` is plain ASCII. Hand-written so a 300k-row load encodes into reused buffers.
bool appendUtf8(QByteArray &out, QStringView s)
{
    const qsizetype old = out.size();
    out.resize(old + s.size() * 3);
    uchar *const start = reinterpret_cast<uchar *>(out.data()) + old;
    uchar *d = start;
    bool ascii = true;
    const char16_t *p = s.utf16();
    const char16_t *const end = p + s.size();
    while (p < end) {
        char32_t c = *p++;
        if (c < 0x80) {
            *d++ = uchar(c);
            continue;
        }
        ascii = false;
        if (c < 0x800) {
            *d++ = uchar(0xc0 | (c >> 6));
            *d++ = uchar(0x80 | (c & 0x3f));
            continue;
        }
        if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            c = QChar::surrogateToUcs4(char16_t(c), *p++);
            *d++ = uchar(0xf0 | (c >> 18));
            *d++ = uchar(0x80 | ((c >> 12) & 0x3f));
            *d++ = uchar(0x80 | ((c >> 6) & 0x3f));
            *d++ = uchar(0x80 | (c & 0x3f));
            continue;
        }
        if (QChar::isSurrogate(c)) {
            c = 0xfffd;
        }
        *d++ = uchar(0xe0 | (c >> 12));
        *d++ = uchar(0x80 | ((c >> 6) & 0x3f));
        *d++ = uchar(0x80 | (c & 0x3f));
    }
    out.resize(old + (d - start));
    return ascii;
}

void appendAsciiLower(QByteArray &out, QByteArrayView ascii)
{
    const qsizetype old = out.size();
    out.resize(old + ascii.size());
    char *d = out.data() + old;
    for (char c : ascii) {
        *d++ = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
}

qint8 toTri(quint8 bits)
{
    return qint8(bits & 0x03) - 1;
}
} // namespace

struct CompactLicenseRows::Record
{
    const uchar *search = nullptr;
    qsizetype searchLength = 0;
    quint8 bits = 0;
    quint32 totalUserAccounts = 0;
    quint32 licenseType = 0;
    quint32 visualStudioStatus = 0;
    QVarLengthArray<quint32, 4> memberRoles;
    QVarLengthArray<quint32, 4> enterpriseRoles;
    QVarLengthArray<quint32, 4> pendingOrgs;
    QVarLengthArray<quint32, 4> hosts;
    quint32 verifiedCount = 0;
    quint32 serverEmailCount = 0;
    QVarLengthArray<quint32, 8> itemLengths;
    quint32 profile = 0;
    QVarLengthArray<quint32, 4> suffixLengths;
    quint32 patchCount = 0;
    const uchar *tail = nullptr;

    qsizetype suffixBytes() const
    {
        qsizetype n = 0;
        for (quint32 l : suffixLengths) {
            n += l;
        }
        return n;
    }
    qsizetype originalSearchLength() const
    {
        qsizetype n = itemLengths.size() - 1;
        for (quint32 l : itemLengths) {
            n += l;
        }
        return n;
    }
    qsizetype profileTailBytes() const { return (bits & ProfileDerivedBit) ? 0 : profile; }
    const uchar *patches() const
    {
        return tail + profileTailBytes() + suffixBytes() + ((bits & RawCopyBit) ? originalSearchLength() : 0);
    }
    int samlItem() const { return int(2 + verifiedCount + serverEmailCount); }

    /// The search items as appended (before lowering), joined by SearchSeparator.
    QByteArrayView original(QByteArray &scratch) const
    {
        if (bits & RawCopyBit) {
            return QByteArrayView(tail + profileTailBytes() + suffixBytes(), originalSearchLength());
        }
        if (patchCount == 0) {
            return QByteArrayView(search, searchLength);
        }
        scratch = QByteArray(reinterpret_cast<const char *>(search), searchLength);
        const uchar *p = patches();
        qsizetype pos = 0;
        for (quint32 i = 0; i < patchCount; ++i) {
            pos += getVarint(p);
            scratch[pos] = char(*p++);
        }
        return scratch;
    }

    QString item(QByteArrayView original, int index) const
    {
        qsizetype start = 0;
        for (int i = 0; i < index; ++i) {
            start += itemLengths[i] + 1;
        }
        return QString::fromUtf8(original.sliced(start, itemLengths[index]));
    }
};

void CompactLicenseRows::clear()
{
    m_bytes.clear();
    m_offsets.clear();
    m_strings.clear();
    m_stringIndex.clear();
    m_hosts.clear();
    m_hostIndex.clear();
    m_utf8StringIndex.clear();
    m_utf8HostIndex.clear();
    m_lastProfilePrefix = -1;
    m_lastHost = -1;
    m_lastUtf8ProfilePrefix = -1;
    m_lastUtf8Host = -1;
}

void CompactLicenseRows::reserve(qsizetype rows)
{
    // A hint (a stored count, which a damaged database may overstate): never more than a few
    // million rows up front; beyond that the buffers grow as rows come.
    rows = qBound<qsizetype>(0, rows, MaxReservedRows);
    m_offsets.reserve(rows);
    // About 130 bytes per seat of the benchmark's data; growing by doubling copies it anyway.
    m_bytes.reserve(rows * 128);
}

void CompactLicenseRows::squeeze()
{
    m_bytes.squeeze();
    m_offsets.squeeze();
    m_scratchRaw = QByteArray();
    m_scratchLower = QByteArray();
    m_scratchTail = QByteArray();
    m_utf8StringIndex.clear();
    m_utf8HostIndex.clear();
}

CompactLicenseRows CompactLicenseRows::fromLicenses(const QList<ConsumedLicense> &licenses)
{
    CompactLicenseRows rows;
    rows.reserve(licenses.size());
    for (const ConsumedLicense &l : licenses) {
        rows.append(l);
    }
    rows.squeeze();
    return rows;
}

quint32 CompactLicenseRows::intern(const QString &s)
{
    const auto it = m_stringIndex.constFind(s);
    if (it != m_stringIndex.constEnd()) {
        return *it;
    }
    const quint32 index = quint32(m_strings.size());
    m_strings.append(s);
    m_stringIndex.insert(s, index);
    return index;
}

quint32 CompactLicenseRows::internHost(QStringView host)
{
    // Few distinct hosts: compare with the previous hit before hashing.
    if (m_lastHost >= 0 && m_hosts.at(m_lastHost) == host) {
        return quint32(m_lastHost);
    }
    const QString key = host.toString();
    auto it = m_hostIndex.constFind(key);
    if (it == m_hostIndex.constEnd()) {
        m_hosts.append(key);
        it = m_hostIndex.insert(key, quint32(m_hosts.size() - 1));
    }
    m_lastHost = int(*it);
    return *it;
}

namespace {
/// A list joined by CompactLicenseRows::ListSeparator (an empty text is an empty list), iterated
/// in place.
class JoinedList
{
public:
    explicit JoinedList(QByteArrayView joined)
        : m_joined(joined)
    {
    }
    qsizetype size() const
    {
        return m_joined.isEmpty() ? 0
                                  : std::count(m_joined.begin(), m_joined.end(), CompactLicenseRows::ListSeparator) + 1;
    }
    template<typename F>
    void forEach(F f) const
    {
        if (m_joined.isEmpty()) {
            return;
        }
        const char *p = m_joined.begin();
        const char *const end = m_joined.end();
        for (;;) {
            const char *const next = std::find(p, end, CompactLicenseRows::ListSeparator);
            f(QByteArrayView(p, next));
            if (next == end) {
                return;
            }
            p = next + 1;
        }
    }

private:
    QByteArrayView m_joined;
};

template<typename F>
void forEach(const QStringList &list, F f)
{
    for (const QString &s : list) {
        f(s);
    }
}

template<typename F>
void forEach(const JoinedList &list, F f)
{
    list.forEach(f);
}

/// The fields of a ConsumedLicense, as appendRow() reads a row.
class LicenseSource
{
public:
    explicit LicenseSource(const ConsumedLicense &l)
        : l(l)
    {
    }
    const QString &login() const { return l.githubComLogin; }
    const QString &name() const { return l.githubComName; }
    const QString &profile() const { return l.githubComProfile; }
    const QString &samlNameId() const { return l.githubComSamlNameId; }
    const QString &licenseType() const { return l.licenseType; }
    const QString &visualStudioStatus() const { return l.visualStudioLicenseStatus; }
    const QString &visualStudioEmail() const { return l.visualStudioSubscriptionEmail; }
    const QStringList &serverUserIds() const { return l.enterpriseServerUserIds; }
    const QStringList &serverEmails() const { return l.enterpriseServerEmails; }
    const QStringList &verifiedEmails() const { return l.githubComVerifiedDomainEmails; }
    const QStringList &memberRoles() const { return l.githubComMemberRoles; }
    const QStringList &enterpriseRoles() const { return l.githubComEnterpriseRoles; }
    const QStringList &pendingOrgs() const { return l.githubComOrgsWithPendingInvites; }
    int totalUserAccounts() const { return l.totalUserAccounts; }
    bool githubComUser() const { return l.githubComUser; }
    bool visualStudioUser() const { return l.visualStudioSubscriptionUser; }
    TriState serverUser() const { return l.enterpriseServerUser; }
    TriState twoFactor() const { return l.githubComTwoFactorAuth; }

private:
    const ConsumedLicense &l;
};

/// The fields of a Utf8Row, the same way.
class Utf8Source
{
public:
    explicit Utf8Source(const CompactLicenseRows::Utf8Row &r)
        : r(r)
    {
    }
    QByteArrayView login() const { return r.login; }
    QByteArrayView name() const { return r.name; }
    QByteArrayView profile() const { return r.profile; }
    QByteArrayView samlNameId() const { return r.samlNameId; }
    QByteArrayView licenseType() const { return r.licenseType; }
    QByteArrayView visualStudioStatus() const { return r.visualStudioLicenseStatus; }
    QByteArrayView visualStudioEmail() const { return r.visualStudioSubscriptionEmail; }
    JoinedList serverUserIds() const { return JoinedList(r.serverUserIds); }
    JoinedList serverEmails() const { return JoinedList(r.serverEmails); }
    JoinedList verifiedEmails() const { return JoinedList(r.verifiedDomainEmails); }
    JoinedList memberRoles() const { return JoinedList(r.memberRoles); }
    JoinedList enterpriseRoles() const { return JoinedList(r.enterpriseRoles); }
    JoinedList pendingOrgs() const { return JoinedList(r.orgsWithPendingInvites); }
    int totalUserAccounts() const { return r.totalUserAccounts; }
    bool githubComUser() const { return r.githubComUser; }
    bool visualStudioUser() const { return r.visualStudioSubscriptionUser; }
    TriState serverUser() const { return r.enterpriseServerUser; }
    TriState twoFactor() const { return r.githubComTwoFactorAuth; }

private:
    const CompactLicenseRows::Utf8Row &r;
};

QStringView viewOf(const QString &s)
{
    return s;
}

QByteArrayView viewOf(QByteArrayView utf8)
{
    return utf8;
}

/// The host of a server user ID: everything before its last ':' (the whole ID when there is none).
QStringView hostOf(QStringView id)
{
    const qsizetype colon = id.lastIndexOf(u':');
    return colon > 0 ? id.first(colon) : id;
}

QByteArrayView hostOf(QByteArrayView id)
{
    const qsizetype colon = id.lastIndexOf(':');
    return colon > 0 ? id.first(colon) : id;
}

void appendText(QByteArray &out, QStringView s)
{
    appendUtf8(out, s);
}

void appendText(QByteArray &out, QByteArrayView utf8)
{
    out.append(utf8);
}

/// Appends the item's UTF-8 to `raw` and its lower-case UTF-8 to `lower`.
void appendSearchItem(QByteArray &raw, QByteArray &lower, const QString &s)
{
    const qsizetype before = raw.size();
    if (appendUtf8(raw, s)) {
        appendAsciiLower(lower, QByteArrayView(raw).sliced(before));
    } else {
        appendUtf8(lower, s.toLower());
    }
}

/// True for the code points of scripts without case (CJK symbols, kana, ideographs, Hangul):
/// QString::toLower() keeps them as they are. A test checks every one of them.
bool isCaseless(char32_t c)
{
    return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

void appendSearchItem(QByteArray &raw, QByteArray &lower, QByteArrayView utf8)
{
    raw.append(utf8);
    const qsizetype old = lower.size();
    lower.resize(old + utf8.size());
    char *d = lower.data() + old;
    const auto *p = reinterpret_cast<const uchar *>(utf8.data());
    const uchar *const end = p + utf8.size();
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            *d++ = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : char(c);
            ++p;
            continue;
        }
        // Three bytes of a caseless script are copied as they are; anything else is lowered as
        // QString::toLower() lowers it.
        if ((c & 0xf0) == 0xe0 && end - p >= 3 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
            isCaseless(char32_t((c & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f)))) {
            std::memcpy(d, p, 3);
            d += 3;
            p += 3;
            continue;
        }
        lower.truncate(old);
        appendUtf8(lower, QString::fromUtf8(utf8).toLower());
        return;
    }
}
} // namespace

quint32 CompactLicenseRows::intern(QByteArrayView utf8)
{
    const auto it = m_utf8StringIndex.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
    if (it != m_utf8StringIndex.constEnd()) {
        return *it;
    }
    const quint32 index = intern(QString::fromUtf8(utf8));
    m_utf8StringIndex.insert(utf8.toByteArray(), index);
    return index;
}

quint32 CompactLicenseRows::internHost(QByteArrayView utf8)
{
    // Few distinct hosts: compare with the previous hit before hashing.
    if (m_lastUtf8Host >= 0 && m_lastUtf8HostText == utf8) {
        return quint32(m_lastUtf8Host);
    }
    auto it = m_utf8HostIndex.constFind(QByteArray::fromRawData(utf8.data(), utf8.size()));
    if (it == m_utf8HostIndex.constEnd()) {
        it = m_utf8HostIndex.insert(utf8.toByteArray(), internHost(QString::fromUtf8(utf8)));
    }
    m_lastUtf8HostText.resize(utf8.size());
    std::memcpy(m_lastUtf8HostText.data(), utf8.data(), utf8.size());
    m_lastUtf8Host = int(*it);
    return *it;
}

quint32 CompactLicenseRows::internProfilePrefix(QStringView prefix)
{
    // Nearly every profile shares one site: compare with the previous one before hashing.
    if (m_lastProfilePrefix < 0 || m_strings.at(m_lastProfilePrefix) != prefix) {
        m_lastProfilePrefix = int(intern(prefix.toString()));
    }
    return quint32(m_lastProfilePrefix);
}

quint32 CompactLicenseRows::internProfilePrefix(QByteArrayView prefix)
{
    if (m_lastUtf8ProfilePrefix < 0 || m_lastUtf8ProfilePrefixText != prefix) {
        m_lastUtf8ProfilePrefix = int(intern(prefix));
        m_lastUtf8ProfilePrefixText = prefix.toByteArray();
    }
    return quint32(m_lastUtf8ProfilePrefix);
}

void CompactLicenseRows::append(const ConsumedLicense &license)
{
    appendRow(LicenseSource(license));
}

void CompactLicenseRows::append(const Utf8Row &row)
{
    appendRow(Utf8Source(row));
}

template<typename Source>
void CompactLicenseRows::appendRow(const Source &l)
{
    // Search items: original UTF-8 and lower-case UTF-8, item by item (ASCII lowered in place).
    QByteArray &raw = m_scratchRaw;
    QByteArray &lower = m_scratchLower;
    raw.clear();
    lower.clear();
    QVarLengthArray<quint32, 8> itemLengths;
    bool sameLength = true; // every item keeps its byte length when lowered
    auto addItem = [&](const auto &s) {
        if (!itemLengths.isEmpty()) {
            raw.append(SearchSeparator);
            lower.append(SearchSeparator);
        }
        const qsizetype before = raw.size();
        appendSearchItem(raw, lower, s);
        sameLength = sameLength && raw.size() == lower.size();
        itemLengths.append(quint32(raw.size() - before));
    };
    addItem(l.login());
    addItem(l.name());
    const auto verifiedEmails = l.verifiedEmails();
    forEach(verifiedEmails, addItem);
    const auto serverEmails = l.serverEmails();
    forEach(serverEmails, addItem);
    addItem(l.samlNameId());
    addItem(l.visualStudioEmail());

    QByteArray &tail = m_scratchTail;
    tail.clear();
    quint8 bits = quint8((int(l.twoFactor()) + 1) | ((int(l.serverUser()) + 1) << ServerUserShift));
    if (l.githubComUser()) {
        bits |= GithubComUserBit;
    }
    if (l.visualStudioUser()) {
        bits |= VisualStudioUserBit;
    }
    // Profiles are nearly always "<site>/<login>": keep the site once in the string table.
    quint32 profile = 0;
    const auto login = viewOf(l.login());
    const auto profileText = viewOf(l.profile());
    if (!login.isEmpty() && profileText.size() > login.size() && profileText.endsWith(login)) {
        bits |= ProfileDerivedBit;
        profile = internProfilePrefix(profileText.chopped(login.size()));
    } else {
        const qsizetype before = tail.size();
        appendText(tail, profileText);
        profile = quint32(tail.size() - before);
    }
    QVarLengthArray<quint32, 4> hosts;
    QVarLengthArray<quint32, 4> suffixLengths;
    forEach(l.serverUserIds(), [&](const auto &serverUserId) {
        const auto id = viewOf(serverUserId);
        const auto host = hostOf(id);
        hosts.append(internHost(host));
        const qsizetype before = tail.size();
        appendText(tail, id.sliced(host.size()));
        suffixLengths.append(quint32(tail.size() - before));
    });
    if (!sameLength) {
        // Lowering changed an item's byte length (rare, e.g. U+0130): keep the original items
        // whole. Otherwise every lower-case item lies where its original does (searchItems()).
        bits |= RawCopyBit;
        tail.append(raw);
    }

    RecordBuffer out;
    putVarint(out, quint32(lower.size()));
    out.append(lower.constData(), lower.size());
    out.append(char(bits));
    putVarint(out, quint32(l.totalUserAccounts()));
    putVarint(out, intern(l.licenseType()));
    putVarint(out, intern(l.visualStudioStatus()));
    const auto putList = [&](const auto &list) {
        putVarint(out, quint32(list.size()));
        forEach(list, [&](const auto &s) { putVarint(out, intern(s)); });
    };
    putList(l.memberRoles());
    putList(l.enterpriseRoles());
    putList(l.pendingOrgs());
    putVarint(out, quint32(hosts.size()));
    for (quint32 h : hosts) {
        putVarint(out, h);
    }
    putVarint(out, quint32(verifiedEmails.size()));
    putVarint(out, quint32(serverEmails.size()));
    for (quint32 length : itemLengths) {
        putVarint(out, length);
    }
    putVarint(out, profile);
    for (quint32 length : suffixLengths) {
        putVarint(out, length);
    }
    // Patches: the bytes lowering changed (an upper-case letter is one byte of its UTF-8).
    quint32 patchCount = 0;
    QVarLengthArray<char, 64> patches;
    if (sameLength) {
        const char *const original = raw.constData();
        const char *const lowered = lower.constData();
        const qsizetype n = raw.size();
        qsizetype previous = 0;
        for (qsizetype i = 0; i < n; ++i) {
            // Runs of eight equal bytes at a time.
            while (i + 8 <= n && std::memcmp(original + i, lowered + i, 8) == 0) {
                i += 8;
            }
            if (i < n && original[i] != lowered[i]) {
                putVarint(patches, quint32(i - previous));
                patches.append(original[i]);
                previous = i;
                ++patchCount;
            }
        }
    }
    putVarint(out, patchCount);
    out.append(tail.constData(), tail.size());
    out.append(patches.constData(), patches.size());
    m_offsets.append(qint64(m_bytes.size()));
    m_bytes.append(out.constData(), out.size());
}

CompactLicenseRows::Record CompactLicenseRows::parse(qsizetype row) const
{
    Record r;
    const uchar *p = reinterpret_cast<const uchar *>(m_bytes.constData()) + m_offsets.at(row);
    r.searchLength = getVarint(p);
    r.search = p;
    p += r.searchLength;
    r.bits = *p++;
    r.totalUserAccounts = getVarint(p);
    r.licenseType = getVarint(p);
    r.visualStudioStatus = getVarint(p);
    for (QVarLengthArray<quint32, 4> *list : {&r.memberRoles, &r.enterpriseRoles, &r.pendingOrgs, &r.hosts}) {
        const quint32 n = getVarint(p);
        for (quint32 i = 0; i < n; ++i) {
            list->append(getVarint(p));
        }
    }
    r.verifiedCount = getVarint(p);
    r.serverEmailCount = getVarint(p);
    const quint32 items = 4 + r.verifiedCount + r.serverEmailCount;
    for (quint32 i = 0; i < items; ++i) {
        r.itemLengths.append(getVarint(p));
    }
    r.profile = getVarint(p);
    for (qsizetype i = 0; i < r.hosts.size(); ++i) {
        r.suffixLengths.append(getVarint(p));
    }
    r.patchCount = getVarint(p);
    r.tail = p;
    return r;
}

QByteArrayView CompactLicenseRows::searchText(qsizetype row) const
{
    const uchar *p = reinterpret_cast<const uchar *>(m_bytes.constData()) + m_offsets.at(row);
    const quint32 length = getVarint(p);
    return QByteArrayView(p, length);
}

namespace {
/// Position right after the search text: the row's bits byte.
const uchar *afterSearch(const QByteArray &bytes, qint64 offset)
{
    const uchar *p = reinterpret_cast<const uchar *>(bytes.constData()) + offset;
    const quint32 length = getVarint(p);
    return p + length;
}
} // namespace

const QString &CompactLicenseRows::licenseType(qsizetype row) const
{
    const uchar *p = afterSearch(m_bytes, m_offsets.at(row)) + 1;
    getVarint(p); // total user accounts
    return m_strings.at(getVarint(p));
}

int CompactLicenseRows::totalUserAccounts(qsizetype row) const
{
    const uchar *p = afterSearch(m_bytes, m_offsets.at(row)) + 1;
    return int(getVarint(p));
}

bool CompactLicenseRows::githubComUser(qsizetype row) const
{
    return *afterSearch(m_bytes, m_offsets.at(row)) & GithubComUserBit;
}

bool CompactLicenseRows::visualStudioSubscriptionUser(qsizetype row) const
{
    return *afterSearch(m_bytes, m_offsets.at(row)) & VisualStudioUserBit;
}

TriState CompactLicenseRows::enterpriseServerUser(qsizetype row) const
{
    return TriState(toTri(*afterSearch(m_bytes, m_offsets.at(row)) >> ServerUserShift));
}

TriState CompactLicenseRows::githubComTwoFactorAuth(qsizetype row) const
{
    return TriState(toTri(*afterSearch(m_bytes, m_offsets.at(row)) & TwoFactorMask));
}

QString CompactLicenseRows::textOf(const Record &r, QByteArrayView original, Text field) const
{
    switch (field) {
    case Text::Login:
        return r.item(original, 0);
    case Text::Name:
        return r.item(original, 1);
    case Text::Profile:
        if (r.bits & ProfileDerivedBit) {
            return QString(m_strings.at(r.profile) + r.item(original, 0));
        }
        return QString::fromUtf8(QByteArrayView(r.tail, r.profile));
    case Text::SamlNameId:
        return r.item(original, r.samlItem());
    case Text::LicenseType:
        return m_strings.at(r.licenseType);
    case Text::VisualStudioLicenseStatus:
        return m_strings.at(r.visualStudioStatus);
    case Text::VisualStudioSubscriptionEmail:
        return r.item(original, r.samlItem() + 1);
    }
    return {};
}

QStringList CompactLicenseRows::listOf(const Record &r, QByteArrayView original, List field) const
{
    QStringList out;
    auto strings = [&](const QVarLengthArray<quint32, 4> &indexes) {
        out.reserve(indexes.size());
        for (quint32 i : indexes) {
            out.append(m_strings.at(i));
        }
    };
    auto items = [&](int first, quint32 count) {
        out.reserve(count);
        for (quint32 i = 0; i < count; ++i) {
            out.append(r.item(original, first + int(i)));
        }
    };
    switch (field) {
    case List::ServerUserIds: {
        out.reserve(r.hosts.size());
        for (const ServerUserId &id : serverUserIdsOf(r)) {
            out.append(QString(m_hosts.at(id.host) + QString::fromUtf8(id.suffix)));
        }
        break;
    }
    case List::ServerEmails:
        items(int(2 + r.verifiedCount), r.serverEmailCount);
        break;
    case List::VerifiedDomainEmails:
        items(2, r.verifiedCount);
        break;
    case List::MemberRoles:
        strings(r.memberRoles);
        break;
    case List::EnterpriseRoles:
        strings(r.enterpriseRoles);
        break;
    case List::OrgsWithPendingInvites:
        strings(r.pendingOrgs);
        break;
    }
    return out;
}

CompactLicenseRows::Memberships CompactLicenseRows::memberships(qsizetype row) const
{
    const Record r = parse(row);
    return Memberships{r.memberRoles, r.pendingOrgs};
}

QString CompactLicenseRows::text(qsizetype row, Text field) const
{
    const Record r = parse(row);
    QByteArray scratch;
    return textOf(r, r.original(scratch), field);
}

QStringList CompactLicenseRows::list(qsizetype row, List field) const
{
    const Record r = parse(row);
    QByteArray scratch;
    return listOf(r, r.original(scratch), field);
}

ConsumedLicense CompactLicenseRows::license(qsizetype row) const
{
    const Record r = parse(row);
    QByteArray scratch;
    const QByteArrayView original = r.original(scratch);
    ConsumedLicense l;
    l.githubComLogin = textOf(r, original, Text::Login);
    l.githubComName = textOf(r, original, Text::Name);
    l.githubComProfile = textOf(r, original, Text::Profile);
    l.githubComSamlNameId = textOf(r, original, Text::SamlNameId);
    l.licenseType = textOf(r, original, Text::LicenseType);
    l.visualStudioLicenseStatus = textOf(r, original, Text::VisualStudioLicenseStatus);
    l.visualStudioSubscriptionEmail = textOf(r, original, Text::VisualStudioSubscriptionEmail);
    l.enterpriseServerUserIds = listOf(r, original, List::ServerUserIds);
    l.enterpriseServerEmails = listOf(r, original, List::ServerEmails);
    l.githubComVerifiedDomainEmails = listOf(r, original, List::VerifiedDomainEmails);
    l.githubComMemberRoles = listOf(r, original, List::MemberRoles);
    l.githubComEnterpriseRoles = listOf(r, original, List::EnterpriseRoles);
    l.githubComOrgsWithPendingInvites = listOf(r, original, List::OrgsWithPendingInvites);
    l.totalUserAccounts = int(r.totalUserAccounts);
    l.githubComUser = r.bits & GithubComUserBit;
    l.visualStudioSubscriptionUser = r.bits & VisualStudioUserBit;
    l.enterpriseServerUser = TriState(toTri(r.bits >> ServerUserShift));
    l.githubComTwoFactorAuth = TriState(toTri(r.bits & TwoFactorMask));
    return l;
}

CompactLicenseRows::SearchItems CompactLicenseRows::searchItems(qsizetype row, QByteArray &scratch) const
{
    const Record r = parse(row);
    SearchItems items;
    QByteArrayView lower(r.search, r.searchLength);
    // Byte length of each lower-case item: the original's, unless lowering changed it.
    QVarLengthArray<quint32, 8> lengths = r.itemLengths;
    if (r.bits & RawCopyBit) {
        QByteArray scratchOriginal;
        const QByteArrayView original = r.original(scratchOriginal);
        scratch.clear();
        qsizetype start = 0;
        for (qsizetype i = 0; i < r.itemLengths.size(); ++i) {
            const qsizetype before = scratch.size();
            appendUtf8(scratch, QString::fromUtf8(original.sliced(start, r.itemLengths[i])).toLower());
            lengths[i] = quint32(scratch.size() - before);
            start += r.itemLengths[i] + 1;
        }
        lower = scratch;
        items.inScratch = true;
    }
    const qsizetype separator = items.inScratch ? 0 : 1;
    qsizetype start = 0;
    auto next = [&](qsizetype i) {
        const QByteArrayView item = lower.sliced(start, lengths[i]);
        start += lengths[i] + separator;
        return item;
    };
    items.login = next(0);
    items.name = next(1);
    for (quint32 i = 0; i < r.verifiedCount; ++i) {
        items.verifiedEmails.append(next(2 + i));
    }
    for (quint32 i = 0; i < r.serverEmailCount; ++i) {
        items.serverEmails.append(next(2 + r.verifiedCount + i));
    }
    items.samlNameId = next(r.samlItem());
    items.visualStudioEmail = next(r.samlItem() + 1);
    return items;
}

bool CompactLicenseRows::isServerOnly(qsizetype row) const
{
    return parse(row).itemLengths[0] == 0;
}

bool CompactLicenseRows::isPendingInvitationOnly(qsizetype row) const
{
    const Record r = parse(row);
    return ConsumedLicense::isPendingInvitationOnly(r.itemLengths[0] == 0, r.pendingOrgs.size(), r.memberRoles.size(),
        r.enterpriseRoles.size(), r.hosts.size(), r.bits & VisualStudioUserBit);
}

void CompactLicenseRows::reorder(const QList<qsizetype> &order)
{
    Q_ASSERT(order.size() == m_offsets.size());
    const qsizetype n = m_offsets.size();
    // Records lie in row order, so a record ends where the next row's begins.
    auto end = [this, n](qsizetype row) { return row + 1 < n ? m_offsets.at(row + 1) : qint64(m_bytes.size()); };
    QByteArray bytes(m_bytes.size(), Qt::Uninitialized);
    QList<qint64> offsets;
    offsets.reserve(n);
    char *out = bytes.data();
    for (const qsizetype from : order) {
        const qint64 begin = m_offsets.at(from);
        const qint64 length = end(from) - begin;
        offsets.append(qint64(out - bytes.constData()));
        memcpy(out, m_bytes.constData() + begin, size_t(length));
        out += length;
    }
    m_bytes = std::move(bytes);
    m_offsets = std::move(offsets);
}

QList<int> CompactLicenseRows::hostIndexes(qsizetype row) const
{
    const Record r = parse(row);
    QList<int> out;
    out.reserve(r.hosts.size());
    for (quint32 h : r.hosts) {
        out.append(int(h));
    }
    return out;
}

QVarLengthArray<CompactLicenseRows::ServerUserId, 4> CompactLicenseRows::serverUserIdsOf(const Record &r)
{
    QVarLengthArray<ServerUserId, 4> ids;
    const uchar *suffix = r.tail + r.profileTailBytes();
    for (qsizetype i = 0; i < r.hosts.size(); ++i) {
        ids.append(ServerUserId{int(r.hosts[i]), QByteArrayView(suffix, r.suffixLengths[i])});
        suffix += r.suffixLengths[i];
    }
    return ids;
}

QVarLengthArray<CompactLicenseRows::ServerUserId, 4> CompactLicenseRows::serverUserIds(qsizetype row) const
{
    return serverUserIdsOf(parse(row));
}

QStringList CompactLicenseRows::serverHosts(qsizetype row) const
{
    const Record r = parse(row);
    QStringList out;
    for (quint32 h : r.hosts) {
        const QString &host = m_hosts.at(h);
        if (!host.isEmpty() && !out.contains(host)) {
            out.append(host);
        }
    }
    return out;
}

qsizetype CompactLicenseRows::recordBytes() const
{
    return m_bytes.capacity() + m_offsets.capacity() * qsizetype(sizeof(qint64));
}
} // namespace Glc
