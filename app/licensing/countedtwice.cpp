// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "countedtwice.h"

#include <KLocalizedString>

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Glc {
namespace {
constexpr int NoRow = -1;
constexpr int Ambiguous = -2;

// Index value: a single row, or Ambiguous when several people share the key.
void addUnique(QHash<QString, int> &index, const QString &key, int row)
{
    if (key.isEmpty()) {
        return;
    }
    auto it = index.find(key);
    if (it == index.end()) {
        index.insert(key, row);
    } else if (*it != row) {
        *it = Ambiguous;
    }
}

int lookup(const QHash<QString, int> &index, const QString &key)
{
    return key.isEmpty() ? NoRow : index.value(key, NoRow);
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

QString joinedHosts(const ConsumedLicense &seat)
{
    return QLocale().createSeparatedList(seat.serverHosts());
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

namespace {
/// The analysis reads its seats through one of these: a list as it is, or packed rows decoded
/// field by field, only the fields each pass needs (a full decode of 300k rows costs about as
/// much as the analysis itself).
struct ListSeats
{
    const QList<ConsumedLicense> &list;
    int size() const { return int(list.size()); }
    bool isServerOnly(int row) const { return list.at(row).isServerOnly(); }
    bool isPendingInvitationOnly(int row) const { return list.at(row).isPendingInvitationOnly(); }
    const ConsumedLicense &seat(int row, CompactLicenseRows::Fields) const { return list.at(row); }
};

struct CompactSeats
{
    const CompactLicenseRows &rows;
    int size() const { return int(rows.size()); }
    bool isServerOnly(int row) const { return rows.isServerOnly(row); }
    bool isPendingInvitationOnly(int row) const { return rows.isPendingInvitationOnly(row); }
    ConsumedLicense seat(int row, CompactLicenseRows::Fields fields) const { return rows.license(row, fields); }
};

using Text = CompactLicenseRows::Text;
using List = CompactLicenseRows::List;
constexpr CompactLicenseRows::Fields CloudKeyFields = CompactLicenseRows::field(Text::Login) |
    CompactLicenseRows::field(Text::Name) | CompactLicenseRows::field(Text::SamlNameId) |
    CompactLicenseRows::field(List::VerifiedDomainEmails);
constexpr CompactLicenseRows::Fields ServerOnlyFields = CompactLicenseRows::field(List::ServerUserIds) |
    CompactLicenseRows::field(List::ServerEmails) | CompactLicenseRows::field(Text::VisualStudioSubscriptionEmail);
constexpr CompactLicenseRows::Fields PendingFields =
    CompactLicenseRows::field(Text::Login) | CompactLicenseRows::field(List::OrgsWithPendingInvites);

template<typename Seats>
CountedTwiceResult analyzeSeats(const Seats &seats, const QHash<QString, QString> &serverProfileNames)
{
    using Analyzer = CountedTwiceAnalyzer;
    CountedTwiceResult result;
    const int n = static_cast<int>(seats.size());

    QHash<QString, int> byLocalPart; // local part of verified / SAML / VS e-mails
    QHash<QString, int> byFullEmail;
    QHash<QString, int> bySamlNameId; // NameIDs that are not e-mail addresses
    QHash<QString, int> byLogin;
    QHash<QString, int> byName;
    byLocalPart.reserve(n);
    byFullEmail.reserve(n);
    byLogin.reserve(n);
    byName.reserve(n);
    for (int row = 0; row < n; ++row) {
        const auto &s = seats.seat(row, CloudKeyFields);
        if (s.isServerOnly()) {
            continue;
        }
        auto addEmail = [&](const QString &email) {
            const QString local = Analyzer::localPart(email);
            if (local.isEmpty()) {
                return;
            }
            addUnique(byFullEmail, email.toLower(), row);
            addUnique(byLocalPart, local, row); // the same row twice stays unique
        };
        for (const QString &e : s.githubComVerifiedDomainEmails) {
            addEmail(e);
        }
        if (s.githubComSamlNameId.contains(QLatin1Char('@'))) {
            addEmail(s.githubComSamlNameId);
        } else {
            addUnique(bySamlNameId, s.githubComSamlNameId.toLower(), row);
        }
        addUnique(byLogin, s.githubComLogin.toLower(), row);
        addUnique(byName, Analyzer::nameKey(s.githubComName), row);
    }

    auto firstVerifiedEmail = [](const ConsumedLicense &c, const QString &preferLocal) {
        for (const QString &e : c.githubComVerifiedDomainEmails) {
            if (Analyzer::localPart(e) == preferLocal) {
                return e;
            }
        }
        if (!c.githubComVerifiedDomainEmails.isEmpty()) {
            return c.githubComVerifiedDomainEmails.first();
        }
        return c.githubComSamlNameId.contains(QLatin1Char('@')) ? c.githubComSamlNameId : QString();
    };

    for (int row = 0; row < n; ++row) {
        if (seats.isServerOnly(row)) {
            const auto &s = seats.seat(row, ServerOnlyFields);
            if (s.enterpriseServerUserIds.isEmpty() && s.visualStudioSubscriptionUser) {
                result.unexpected.append(UnexpectedSeat{row, UnexpectedSeat::Kind::UnmatchedVisualStudioSubscriber,
                    i18nc("@info",
                        "Visual Studio subscriber %1 has no matching github.com account, yet consumes a "
                        "seat. Ask them to add %1 as a verified e-mail on github.com, or remove the "
                        "GitHub Enterprise benefit from the subscription.",
                        s.visualStudioSubscriptionEmail)});
                continue;
            }
            CountedTwicePair best;
            for (const QString &email : s.enterpriseServerEmails) {
                const QString local = Analyzer::localPart(email);
                if (local.isEmpty() || Analyzer::isGenericLocalPart(local) || byFullEmail.contains(email.toLower())) {
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
                    best.serverEmail = email;
                    best.cloudEmail = firstVerifiedEmail(seats.seat(cloud, CloudKeyFields), local);
                };
                consider(lookup(byLocalPart, local), CountedTwicePair::Reason::SameLocalPartOtherDomain, 90);
                consider(lookup(bySamlNameId, local), CountedTwicePair::Reason::LocalPartIsSamlNameId, 85);
                consider(lookup(byLogin, local), CountedTwicePair::Reason::LocalPartIsLogin, 75);
                consider(lookup(byName, Analyzer::nameKey(local)), CountedTwicePair::Reason::MatchingName, 60);
            }
            if (best.confidence < 60) {
                for (const QString &id : s.enterpriseServerUserIds) {
                    const auto it = serverProfileNames.constFind(id);
                    if (it == serverProfileNames.constEnd()) {
                        continue;
                    }
                    const int cloud = lookup(byName, Analyzer::nameKey(*it));
                    if (cloud >= 0) {
                        best.serverRow = row;
                        best.cloudRow = cloud;
                        best.reason = CountedTwicePair::Reason::MatchingName;
                        best.confidence = 60;
                        best.serverEmail = s.enterpriseServerEmails.value(0);
                        best.cloudEmail = firstVerifiedEmail(seats.seat(cloud, CloudKeyFields), QString());
                        break;
                    }
                }
            }
            if (best.cloudRow >= 0) {
                const auto &cloud = seats.seat(best.cloudRow, CloudKeyFields);
                const QString hosts = joinedHosts(s);
                if (best.reason == CountedTwicePair::Reason::SameLocalPartOtherDomain && !best.cloudEmail.isEmpty()) {
                    best.fix = i18nc("@info",
                        "On %1, change the primary e-mail of the account %2 to %3 (verified for github.com user %4), "
                        "or verify "
                        "the domain %5 for the enterprise and add %2 to %4's github.com account.",
                        hosts, best.serverEmail, best.cloudEmail, cloud.githubComLogin, domainOf(best.serverEmail));
                } else if (!best.cloudEmail.isEmpty()) {
                    best.fix = i18nc("@info",
                        "On %1, change the primary e-mail of the account %2 to %3 (verified for github.com user %4), "
                        "or add %2 "
                        "as a verified e-mail to %4's github.com account.",
                        hosts, best.serverEmail, best.cloudEmail, cloud.githubComLogin);
                } else {
                    best.fix = i18nc("@info",
                        "Add %1 as a verified e-mail to github.com user %2's account, or on %3 change that account's "
                        "primary "
                        "e-mail to one %2 has verified.",
                        best.serverEmail, cloud.githubComLogin, hosts);
                }
                result.seatsFreed += best.seatsFreed;
                result.pairs.append(best);
            }
            continue;
        }
        if (seats.isPendingInvitationOnly(row)) {
            const auto &s = seats.seat(row, PendingFields);
            result.unexpected.append(UnexpectedSeat{row, UnexpectedSeat::Kind::PendingInvitationOnly,
                i18nc("@info",
                    "%1 consumes a seat only because of a pending invitation to %2. Cancel the invitation "
                    "if it is no longer needed.",
                    s.githubComLogin, QLocale().createSeparatedList(s.githubComOrgsWithPendingInvites))});
        }
    }
    return result;
}
} // namespace

CountedTwiceResult CountedTwiceAnalyzer::analyze(
    const QList<ConsumedLicense> &seats, const QHash<QString, QString> &serverProfileNames)
{
    return analyzeSeats(ListSeats{seats}, serverProfileNames);
}

CountedTwiceResult CountedTwiceAnalyzer::analyze(
    const CompactLicenseRows &seats, const QHash<QString, QString> &serverProfileNames)
{
    return analyzeSeats(CompactSeats{seats}, serverProfileNames);
}
} // namespace Glc
