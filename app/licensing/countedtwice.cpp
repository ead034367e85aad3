// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "countedtwice.h"

#include <KLocalizedString>

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <list>

namespace Glc {
namespace {
constexpr int NoRow = -1;
constexpr int Ambiguous = -2;

// Index value: NoRow for a wanted key no github.com seat has, the single row that has it, or Ambiguous when several
// people share the key.
template<typename Key>
int lookup(const QHash<Key, int> &index, const Key &key)
{
    return key.isEmpty() ? NoRow : index.value(key, NoRow);
}

/// A key some server-only seat will look up: it is indexed, the others are not.
template<typename Key>
void want(QHash<Key, int> &index, const Key &key)
{
    if (!key.isEmpty()) {
        index.insert(key, NoRow);
    }
}

/// Records @p row under @p key if that key is wanted: the single row that has it, or Ambiguous when several do.
template<typename Key>
void mark(QHash<Key, int> &index, const Key &key, int row)
{
    if (key.isEmpty()) {
        return;
    }
    const auto it = index.find(key);
    if (it == index.end()) {
        return;
    }
    if (*it == NoRow) {
        *it = row;
    } else if (*it != row) {
        *it = Ambiguous;
    }
}

/// One letter's share of a letterDigest() (splitmix64 of its lower-case code); 0 for anything else.
constexpr quint64 letterShare(uint code)
{
    if (code >= uint('A') && code <= uint('Z')) {
        code += uint('a') - uint('A');
    } else if (code < uint('a') || code > uint('z')) {
        return 0;
    }
    quint64 x = code + 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A digest of the ASCII letters of a name, blind to their order and to everything between them: every ASCII name
/// nameKey() gives a key has the digest of that key, so a name whose digest no wanted key has is passed over
/// without building its key. (Another name with the same letters only costs the key built for nothing.)
quint64 letterDigest(QByteArrayView name)
{
    quint64 digest = 0;
    for (const char c : name) {
        digest += letterShare(uchar(c));
    }
    return digest;
}

quint64 letterDigest(QStringView key)
{
    quint64 digest = 0;
    for (const QChar c : key) {
        digest += letterShare(c.unicode());
    }
    return digest;
}

bool isAscii(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return uchar(c) < 0x80; });
}

bool isUnspacedScript(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) {
        const QChar::Script script = c.script();
        return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana ||
            script == QChar::Script_Hangul;
    });
}

QString domainOf(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : email.mid(at + 1).toLower();
}

/// CountedTwiceAnalyzer::localPart() of an e-mail already lower-cased, as UTF-8.
QByteArrayView localPartOf(QByteArrayView email)
{
    const qsizetype at = email.lastIndexOf('@');
    if (at <= 0) {
        return {};
    }
    const QByteArrayView local = email.first(at);
    const qsizetype plus = local.indexOf('+');
    return plus > 0 ? local.first(plus) : local;
}
} // namespace

QString CountedTwicePair::reasonText(Reason reason)
{
    switch (reason) {
    case Reason::SameLocalPartOtherDomain:
        return i18nc("@info counted-twice reason", "Same e-mail name on another domain");
    case Reason::LocalPartIsSamlNameId:
        return i18nc("@info counted-twice reason", "E-mail name equals the SAML NameID");
    case Reason::LocalPartIsLogin:
        return i18nc("@info counted-twice reason", "E-mail name equals the github.com login");
    case Reason::MatchingName:
        return i18nc("@info counted-twice reason", "Same person's name");
    }
    return {};
}

QString UnexpectedSeat::kindText(Kind kind)
{
    switch (kind) {
    case Kind::PendingInvitationOnly:
        return i18nc("@info why a seat counts", "A pending invitation only");
    case Kind::UnmatchedVisualStudioSubscriber:
        return i18nc("@info why a seat counts", "Visual Studio subscriber without a github.com account");
    }
    return {};
}

QString CountedTwiceAnalyzer::localPart(const QString &email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0) {
        return {};
    }
    QString local = email.left(at).toLower();
    const qsizetype plus = local.indexOf(QLatin1Char('+'));
    if (plus > 0) {
        local.truncate(plus);
    }
    return local;
}

bool CountedTwiceAnalyzer::isGenericLocalPart(const QString &local)
{
    // Shared mailboxes and service accounts: the same name on two domains says nothing.
    static const QSet<QString> generic = {
        QStringLiteral("admin"),
        QStringLiteral("administrator"),
        QStringLiteral("info"),
        QStringLiteral("root"),
        QStringLiteral("support"),
        QStringLiteral("noreply"),
        QStringLiteral("no-reply"),
        QStringLiteral("git"),
        QStringLiteral("github"),
        QStringLiteral("ci"),
        QStringLiteral("build"),
        QStringLiteral("builder"),
        QStringLiteral("jenkins"),
        QStringLiteral("test"),
        QStringLiteral("testuser"),
        QStringLiteral("dev"),
        QStringLiteral("devops"),
        QStringLiteral("sysadmin"),
        QStringLiteral("postmaster"),
        QStringLiteral("webmaster"),
        QStringLiteral("ghost"),
        QStringLiteral("security"),
        QStringLiteral("help"),
        QStringLiteral("office"),
        QStringLiteral("contact"),
        QStringLiteral("service"),
        QStringLiteral("team"),
        QStringLiteral("bot"),
        QStringLiteral("deploy"),
        QStringLiteral("ops"),
        QStringLiteral("it"),
        QStringLiteral("user"),
        QStringLiteral("mail"),
        QStringLiteral("hello"),
        QStringLiteral("sales"),
        QStringLiteral("hr"),
    };
    // Two Han characters name a person; two Latin letters do not.
    return local.size() < (isUnspacedScript(local) ? 2 : 3) || generic.contains(local);
}

QString CountedTwiceAnalyzer::nameKey(const QString &name)
{
    if (name.isEmpty()) {
        return {};
    }
    // Names are mostly ASCII: skip the Unicode decomposition then (300k names per analysis).
    const bool ascii = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x80; });
    const QString decomposed = ascii ? name.toLower() : name.normalized(QString::NormalizationForm_KD).toLower();
    // Digits only tell accounts apart ("anna.mueller2"); a name needs two words, or two
    // characters of a script written without spaces (Chinese, Japanese).
    QList<QStringView> words;
    qsizetype start = -1;
    QString letters;
    letters.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isMark()) {
            continue;
        }
        if (c.isLetter()) {
            letters.append(c);
        } else if (!letters.isEmpty() && letters.back() != QLatin1Char(' ')) {
            letters.append(QLatin1Char(' '));
        }
    }
    for (qsizetype i = 0; i <= letters.size(); ++i) {
        const bool boundary = i == letters.size() || letters.at(i) == QLatin1Char(' ');
        if (boundary) {
            if (start >= 0) {
                words.append(QStringView(letters).mid(start, i - start));
            }
            start = -1;
        } else if (start < 0) {
            start = i;
        }
    }
    if (words.size() == 1) {
        return isUnspacedScript(letters) && words.first().size() >= 2 ? words.first().toString() : QString();
    }
    if (words.size() < 2) {
        return {};
    }
    std::sort(words.begin(), words.end());
    QString key;
    key.reserve(letters.size());
    for (const QStringView w : std::as_const(words)) {
        if (!key.isEmpty()) {
            key.append(QLatin1Char(' '));
        }
        key.append(w);
    }
    return key;
}

QHash<QString, QString> CountedTwiceAnalyzer::serverProfileNames(
    const QList<EnterpriseServerInstallation> &installations)
{
    QHash<QString, QString> names;
    for (const EnterpriseServerInstallation &inst : installations) {
        for (const ServerUserAccount &a : inst.userAccounts) {
            if (!a.profileName.isEmpty()) {
                names.insert(inst.hostName + QLatin1Char(':') + a.remoteUserId, a.profileName);
            }
        }
    }
    return names;
}

CountedTwiceResult CountedTwiceAnalyzer::analyze(
    const QList<ConsumedLicense> &seats, const QHash<QString, QString> &serverProfileNames)
{
    return analyze(CompactLicenseRows::fromLicenses(seats), serverProfileNames);
}

CountedTwiceResult CountedTwiceAnalyzer::analyze(
    const CompactLicenseRows &rows, const QHash<QString, QString> &serverProfileNames)
{
    using Text = CompactLicenseRows::Text;
    using List = CompactLicenseRows::List;
    CountedTwiceResult result;
    const int n = static_cast<int>(rows.size());

    // The lookups are the server-only seats' (a few per cent of them): their e-mails, local parts and name keys are
    // gathered first and only those are indexed, so each github.com seat costs look-ups in small tables rather than
    // inserts into tables as large as the enterprise. Keyed on the rows' own lower-case search items (views, nothing
    // copied): e-mails, logins and NameIDs compare the way QString::toLower() would have them compare.
    QHash<QByteArrayView, int> byLocalPart; // local part of verified / SAML e-mails
    QHash<QByteArrayView, int> byFullEmail;
    QHash<QByteArrayView, int> bySamlNameId; // NameIDs that are not e-mail addresses
    QHash<QByteArrayView, int> byLogin;
    QHash<QString, int> byName;
    QSet<quint64> wantedLetters; // letterDigest() of the wanted name keys that are ASCII
    // The lowered items of the rare rows whose lowering changed a length (their views point here).
    std::list<QByteArray> loweredRows;
    const auto wantName = [&](const QString &name) {
        const QString key = nameKey(name);
        if (key.isEmpty()) {
            return;
        }
        byName.insert(key, NoRow);
        if (std::all_of(key.cbegin(), key.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
            wantedLetters.insert(letterDigest(key));
        }
    };
    for (int row = 0; row < n; ++row) {
        if (!rows.isServerOnly(row)) {
            continue;
        }
        QByteArray scratch;
        const CompactLicenseRows::SearchItems s = rows.searchItems(row, scratch);
        if (s.inScratch) {
            loweredRows.push_back(std::move(scratch));
        }
        for (const QByteArrayView email : s.serverEmails) {
            const QByteArrayView local = localPartOf(email);
            if (local.isEmpty()) {
                continue;
            }
            const QString localText = QString::fromUtf8(local);
            if (isGenericLocalPart(localText)) {
                continue;
            }
            want(byFullEmail, email);
            want(byLocalPart, local);
            want(bySamlNameId, local);
            want(byLogin, local);
            wantName(localText);
        }
        for (const QString &id : rows.list(row, List::ServerUserIds)) {
            const auto it = serverProfileNames.constFind(id);
            if (it != serverProfileNames.constEnd()) {
                wantName(*it);
            }
        }
    }

    for (int row = 0; row < n; ++row) {
        QByteArray scratch;
        const CompactLicenseRows::SearchItems s = rows.searchItems(row, scratch);
        if (s.login.isEmpty()) {
            continue; // server-only
        }
        auto addEmail = [&](QByteArrayView email) {
            const QByteArrayView local = localPartOf(email);
            if (local.isEmpty()) {
                return;
            }
            mark(byFullEmail, email, row);
            mark(byLocalPart, local, row); // the same row twice stays unique
        };
        for (const QByteArrayView e : s.verifiedEmails) {
            addEmail(e);
        }
        if (s.samlNameId.contains('@')) {
            addEmail(s.samlNameId);
        } else {
            mark(bySamlNameId, s.samlNameId, row);
        }
        mark(byLogin, s.login, row);
        if (byName.isEmpty()) {
            continue;
        }
        // An ASCII item is the original lower-cased, which is where nameKey() starts anyway.
        if (!s.inScratch && isAscii(s.name)) {
            if (wantedLetters.contains(letterDigest(s.name))) {
                mark(byName, nameKey(QString::fromLatin1(s.name)), row);
            }
        } else {
            mark(byName, nameKey(rows.text(row, Text::Name)), row);
        }
    }

    auto firstVerifiedEmail = [&rows](int cloud, QByteArrayView preferLocal) {
        QByteArray scratch;
        const CompactLicenseRows::SearchItems c = rows.searchItems(cloud, scratch);
        const QStringList verified = rows.list(cloud, List::VerifiedDomainEmails);
        for (qsizetype i = 0; i < verified.size(); ++i) {
            if (localPartOf(c.verifiedEmails.at(i)) == preferLocal) {
                return verified.at(i);
            }
        }
        if (!verified.isEmpty()) {
            return verified.first();
        }
        const QString saml = rows.text(cloud, Text::SamlNameId);
        return saml.contains(QLatin1Char('@')) ? saml : QString();
    };

    for (int row = 0; row < n; ++row) {
        if (rows.isServerOnly(row)) {
            const QStringList ids = rows.list(row, List::ServerUserIds);
            if (ids.isEmpty() && rows.visualStudioSubscriptionUser(row)) {
                result.unexpected.append(UnexpectedSeat{row, UnexpectedSeat::Kind::UnmatchedVisualStudioSubscriber,
                    i18nc("@info",
                        "Visual Studio subscriber %1 has no matching github.com account, yet consumes a "
                        "seat. Ask them to add %1 as a verified e-mail on github.com, or remove the "
                        "GitHub Enterprise benefit from the subscription.",
                        rows.text(row, Text::VisualStudioSubscriptionEmail))});
                continue;
            }
            QByteArray scratch;
            const CompactLicenseRows::SearchItems s = rows.searchItems(row, scratch);
            const QStringList emails = rows.list(row, List::ServerEmails);
            CountedTwicePair best;
            for (qsizetype i = 0; i < emails.size(); ++i) {
                const QByteArrayView email = s.serverEmails.at(i);
                const QByteArrayView local = localPartOf(email);
                if (local.isEmpty()) {
                    continue;
                }
                const QString localText = QString::fromUtf8(local);
                if (isGenericLocalPart(localText) || lookup(byFullEmail, email) != NoRow) {
                    continue; // generic, or an exact e-mail match GitHub makes itself
                }
                auto consider = [&](int cloud, CountedTwicePair::Reason reason, int confidence) {
                    if (cloud < 0 || confidence <= best.confidence) {
                        return;
                    }
                    best.serverRow = row;
                    best.cloudRow = cloud;
                    best.reason = reason;
                    best.confidence = confidence;
                    best.serverEmail = emails.at(i);
                    best.cloudEmail = firstVerifiedEmail(cloud, local);
                };
                consider(lookup(byLocalPart, local), CountedTwicePair::Reason::SameLocalPartOtherDomain, 90);
                consider(lookup(bySamlNameId, local), CountedTwicePair::Reason::LocalPartIsSamlNameId, 85);
                consider(lookup(byLogin, local), CountedTwicePair::Reason::LocalPartIsLogin, 75);
                consider(lookup(byName, nameKey(localText)), CountedTwicePair::Reason::MatchingName, 60);
            }
            if (best.confidence < 60) {
                for (const QString &id : ids) {
                    const auto it = serverProfileNames.constFind(id);
                    if (it == serverProfileNames.constEnd()) {
                        continue;
                    }
                    const int cloud = lookup(byName, nameKey(*it));
                    if (cloud >= 0) {
                        best.serverRow = row;
                        best.cloudRow = cloud;
                        best.reason = CountedTwicePair::Reason::MatchingName;
                        best.confidence = 60;
                        best.serverEmail = emails.value(0);
                        best.cloudEmail = firstVerifiedEmail(cloud, {});
                        break;
                    }
                }
            }
            if (best.cloudRow >= 0) {
                const QString cloudLogin = rows.text(best.cloudRow, Text::Login);
                const QString hosts = QLocale().createSeparatedList(rows.serverHosts(row));
                if (best.serverEmail.isEmpty()) {
                    // Paired by the profile name of a server account that has no e-mail at all: GitHub
                    // cannot match it until it has one.
                    const QString account = ids.value(0);
                    best.fix = best.cloudEmail.isEmpty()
                        ? i18nc("@info %1 hosts, %2 server account, %3 login",
                              "On %1, give the account %2 a primary e-mail that github.com user %3 has verified; it "
                              "has none, so GitHub cannot match it.",
                              hosts, account, cloudLogin)
                        : i18nc("@info %1 hosts, %2 server account, %3 e-mail, %4 login",
                              "On %1, give the account %2 the primary e-mail %3 (verified for github.com user %4); it "
                              "has none, so GitHub cannot match it.",
                              hosts, account, best.cloudEmail, cloudLogin);
                } else if (best.reason == CountedTwicePair::Reason::SameLocalPartOtherDomain &&
                    !best.cloudEmail.isEmpty()) {
                    best.fix = i18nc("@info",
                        "On %1, change the primary e-mail of the account %2 to %3 (verified for github.com user %4), "
                        "or verify "
                        "the domain %5 for the enterprise and add %2 to %4's github.com account.",
                        hosts, best.serverEmail, best.cloudEmail, cloudLogin, domainOf(best.serverEmail));
                } else if (!best.cloudEmail.isEmpty()) {
                    best.fix = i18nc("@info",
                        "On %1, change the primary e-mail of the account %2 to %3 (verified for github.com user %4), "
                        "or add %2 "
                        "as a verified e-mail to %4's github.com account.",
                        hosts, best.serverEmail, best.cloudEmail, cloudLogin);
                } else {
                    best.fix = i18nc("@info",
                        "Add %1 as a verified e-mail to github.com user %2's account, or on %3 change that account's "
                        "primary "
                        "e-mail to one %2 has verified.",
                        best.serverEmail, cloudLogin, hosts);
                }
                result.seatsFreed += best.seatsFreed;
                result.pairs.append(best);
            }
            continue;
        }
        if (rows.isPendingInvitationOnly(row)) {
            result.unexpected.append(UnexpectedSeat{row, UnexpectedSeat::Kind::PendingInvitationOnly,
                i18nc("@info",
                    "%1 consumes a seat only because of a pending invitation to %2. Cancel the invitation "
                    "if it is no longer needed.",
                    rows.text(row, Text::Login),
                    QLocale().createSeparatedList(rows.list(row, List::OrgsWithPendingInvites)))});
        }
    }
    return result;
}
} // namespace Glc
