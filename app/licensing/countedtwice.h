// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/licensevalues.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Glc {
/// A server-only seat that is probably the same person as a github.com seat.
struct CountedTwicePair
{
    enum class Reason : qint8 {
        SameLocalPartOtherDomain, ///< alice@corp.example vs verified alice@example.com
        LocalPartIsSamlNameId, ///< alice@corp.example vs SAML NameID "alice"
        LocalPartIsLogin, ///< alice@corp.example vs github.com login "alice"
        MatchingName, ///< "anna.mueller@…" or the server profile name equals the github.com name
    };

    int serverRow = -1; ///< index of the server-only seat in the analysed list
    int cloudRow = -1; ///< index of the github.com seat
    Reason reason = Reason::SameLocalPartOtherDomain;
    int confidence = 0; ///< percent
    int seatsFreed = 1;
    QString serverEmail; ///< the server account's e-mail that failed to match
    QString cloudEmail; ///< a verified e-mail of the github.com account to use instead (may be empty)
    QString fix; ///< translated, concrete: which e-mail to change where, or which domain to verify

    static QString reasonText(Reason reason);
};

/// A seat GitHub's own rules consume that admins often do not expect.
struct UnexpectedSeat
{
    enum class Kind : qint8 {
        PendingInvitationOnly,
        UnmatchedVisualStudioSubscriber,
    };
    int row = -1;
    Kind kind = Kind::PendingInvitationOnly;
    QString explanation; ///< translated, with the next step

    /// Why such a seat counts, in a few translated words.
    static QString kindText(Kind kind);
};

struct CountedTwiceResult
{
    QList<CountedTwicePair> pairs; ///< at most one per server-only seat, best reason first
    QList<UnexpectedSeat> unexpected;
    int seatsFreed = 0; ///< if every pair is fixed
};

/// Finds people counted twice across GitHub Enterprise Cloud and Server. Only exact, specific
/// evidence pairs: generic mailbox names (admin, info, …), local parts shorter than 3 characters,
/// names shared by several people and ambiguous candidates never pair. Linear in the number of
/// seats: only the keys the server-only seats look up are indexed, so each github.com seat costs a
/// few look-ups in small hash tables (300k seats: about 0.3 s).
class CountedTwiceAnalyzer
{
public:
    /// `serverProfileNames`: "<host>:<user id>" → profile name of the GHES account (from the
    /// GraphQL userAccounts), used for the name rule; may be empty.
    static CountedTwiceResult analyze(
        const QList<ConsumedLicense> &seats, const QHash<QString, QString> &serverProfileNames = {});
    /// The same over packed rows (the License page's): keyed on their lower-case search items, it
    /// decodes little besides names. The list overload packs the seats and runs this one.
    static CountedTwiceResult analyze(
        const CompactLicenseRows &rows, const QHash<QString, QString> &serverProfileNames = {});
    static QHash<QString, QString> serverProfileNames(const QList<EnterpriseServerInstallation> &installations);

    /// Lower-case local part without a "+tag"; empty when not an e-mail address.
    static QString localPart(const QString &email);
    /// Lower-case, accents removed, words sorted: "Müller, Anna" and "anna.mueller" give different
    /// keys, "Anna Müller" and "muller anna" the same.
    static QString nameKey(const QString &name);
    static bool isGenericLocalPart(const QString &local);
};
} // namespace Glc
