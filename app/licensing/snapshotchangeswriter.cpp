// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotchangeswriter.h"

#include "licensing/licensereportwriter.h"

#include <KLocalizedString>

namespace Glc::SnapshotChangesWriter {
namespace {
/// The environments in a cell: "Cloud" (translated) and the hosts, separated by commas.
QString environmentsCell(const QStringList &environments)
{
    return SnapshotDiff::environmentWords(environments).join(QLatin1Char(','));
}

QStringList cells(
    const QString &change, const ConsumedLicense &seat, const QStringList &before, const QStringList &after)
{
    return {change, seat.githubComLogin, seat.githubComName, seat.enterpriseServerUserIds.join(QLatin1Char(',')),
        environmentsCell(before), environmentsCell(after)};
}
} // namespace

QStringList columns()
{
    return {
        i18nc("@title:column snapshot changes list", "Change"),
        i18nc("@title:column snapshot changes list", "GitHub.com login"),
        i18nc("@title:column snapshot changes list", "Name"),
        i18nc("@title:column snapshot changes list", "Enterprise Server accounts"),
        i18nc("@title:column snapshot changes list", "Environments before"),
        i18nc("@title:column snapshot changes list", "Environments after"),
    };
}

QByteArray toCsv(
    const CompactLicenseRows &before, const CompactLicenseRows &after, const SnapshotDiff &diff, bool utf8Bom)
{
    QByteArray out;
    if (utf8Bom) {
        out += "\xEF\xBB\xBF";
    }
    out += LicenseReportWriter::csvRow(columns());
    // Packed rows: each seat decoded when its line is written.
    const QString came = i18nc("@item snapshot change", "Came");
    for (const int row : diff.came) {
        if (row >= 0 && row < after.size()) {
            const ConsumedLicense seat = after.license(row);
            out += LicenseReportWriter::csvRow(cells(came, seat, {}, SnapshotDiff::environments(seat)));
        }
    }
    const QString went = i18nc("@item snapshot change", "Went");
    for (const int row : diff.went) {
        if (row >= 0 && row < before.size()) {
            const ConsumedLicense seat = before.license(row);
            out += LicenseReportWriter::csvRow(cells(went, seat, SnapshotDiff::environments(seat), {}));
        }
    }
    const QString changed = i18nc("@item snapshot change", "Changed environment");
    for (const SnapshotDiff::Change &change : diff.changedEnvironment) {
        if (change.afterRow >= 0 && change.afterRow < after.size()) {
            out += LicenseReportWriter::csvRow(
                cells(changed, after.license(change.afterRow), change.environmentsBefore, change.environmentsAfter));
        }
    }
    return out;
}

} // namespace Glc::SnapshotChangesWriter
