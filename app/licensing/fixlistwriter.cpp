// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "fixlistwriter.h"

#include <KLocalizedString>

namespace Glc::FixListWriter {
QStringList columns()
{
    return {
        i18nc("@title:column fix list", "Finding"),
        i18nc("@title:column fix list", "Enterprise Server accounts"),
        i18nc("@title:column fix list", "E-mail that matched no account"),
        i18nc("@title:column fix list", "GitHub.com account"),
        i18nc("@title:column fix list", "Verified e-mail to use"),
        i18nc("@title:column fix list", "Reason"),
        i18nc("@title:column fix list", "What to do"),
        i18nc("@title:column fix list", "Seats freed"),
        i18nc("@title:column fix list", "Confidence (%)"),
    };
}

QByteArray toCsv(const CompactLicenseRows &seats, const CountedTwiceResult &result, bool utf8Bom)
{
    using Text = CompactLicenseRows::Text;
    using List = CompactLicenseRows::List;
    const auto valid = [&seats](int row) { return row >= 0 && row < seats.size(); };
    QByteArray out;
    if (utf8Bom) {
        out += "\xEF\xBB\xBF";
    }
    out += LicenseReportWriter::csvRow(columns());
    const QString counted = i18nc("@item fix list finding", "Counted twice");
    for (const CountedTwicePair &pair : result.pairs) {
        if (!valid(pair.serverRow) || !valid(pair.cloudRow)) {
            continue;
        }
        out += LicenseReportWriter::csvRow(
            {counted, seats.list(pair.serverRow, List::ServerUserIds).join(QLatin1Char(',')), pair.serverEmail,
                seats.text(pair.cloudRow, Text::Login), pair.cloudEmail, CountedTwicePair::reasonText(pair.reason),
                pair.fix, QString::number(pair.seatsFreed), QString::number(pair.confidence)});
    }
    for (const UnexpectedSeat &seat : result.unexpected) {
        if (!valid(seat.row)) {
            continue;
        }
        // A subscriber without a github.com account is known by the subscription's e-mail only.
        const bool subscriber = seat.kind == UnexpectedSeat::Kind::UnmatchedVisualStudioSubscriber;
        out += LicenseReportWriter::csvRow(
            {UnexpectedSeat::kindText(seat.kind), seats.list(seat.row, List::ServerUserIds).join(QLatin1Char(',')),
                subscriber ? seats.text(seat.row, Text::VisualStudioSubscriptionEmail) : QString(),
                seats.text(seat.row, Text::Login), QString(), QString(), seat.explanation, QString(), QString()});
    }
    return out;
}

} // namespace Glc::FixListWriter
