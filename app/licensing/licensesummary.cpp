// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensesummary.h"

#include "core/dateformat.h"

#include "attention.h"
#include "hostorder.h"

#include <KLocalizedString>
#include <QLocale>

#include <algorithm>

namespace Glc::LicenseSummary {
namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString paragraph(const QString &text)
{
    return QLatin1String("<p>") + escaped(text) + QLatin1String("</p>\n");
}

QString heading(const QString &text)
{
    return QLatin1String("<h2>") + escaped(text) + QLatin1String("</h2>\n");
}

QString row(const QStringList &cells, bool header = false)
{
    const QLatin1String open(header ? "<th>" : "<td>");
    const QLatin1String close(header ? "</th>" : "</td>");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells) {
        html += open + escaped(cell) + close;
    }
    return html + QLatin1String("</tr>\n");
}

QString dateText(const QDateTime &when)
{
    return when.isValid() ? DateFormat::toString(when.toLocalTime())
                          : i18nc("@item date of something that did not happen", "never");
}

/// What needs attention, first: the list of the License page's card.
QString attentionSection(const Input &input)
{
    QString html = heading(i18nc("@title summary section", "Needs attention"));
    const QList<AttentionItem> items = Attention::collect(
        Attention::inputFrom(input.snapshot, input.countedTwice, input.forecast, input.uploadDays, input.now));
    if (items.isEmpty()) {
        return html + paragraph(i18nc("@info summary", "Nothing: seats, license, syncs and uploads are in order."));
    }
    html += QLatin1String("<ul>\n");
    for (const AttentionItem &item : items) {
        html += QLatin1String("<li>") +
            escaped(item.level == AttentionItem::Level::Critical
                    ? i18nc("@info summary %1 what is critical", "Critical: %1", item.text)
                    : item.text) +
            QLatin1String("</li>\n");
    }
    return html + QLatin1String("</ul>\n");
}

QString seatsSection(const Input &input)
{
    const QLocale locale;
    const LicenseSnapshot &snapshot = input.snapshot;
    const int consumed = snapshot.licenses.totalSeatsConsumed;
    const int purchased = snapshot.licenses.totalSeatsPurchased;
    QString html = heading(i18nc("@title summary section", "User licenses"));
    if (snapshot.unlimitedSeats()) {
        html += paragraph(i18ncp("@info summary", "%1 seat consumed; the license has no seat limit.",
            "%1 seats consumed; the license has no seat limit.", consumed));
    } else {
        html += paragraph(i18nc("@info summary %1 consumed, %2 purchased, %3 percent, %4 available",
            "%1 of %2 purchased seats consumed (%3%); %4 available.", locale.toString(consumed),
            locale.toString(purchased), locale.toString(snapshot.licenses.usedPercent(), 'f', 1),
            locale.toString(purchased - consumed)));
    }
    // Every license file of an enterprise ends when its license does: that date once, a server whose file says
    // otherwise on its own.
    const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(snapshot.serverLicenses);
    if (soonest) {
        const QString date = DateFormat::toString(soonest->expireAt.toLocalTime().date(), locale);
        // Beside a date, the days as the License page counts them: calendar days.
        const int days = soonest->calendarDaysLeft(input.now);
        html += paragraph(days < 0 ? i18ncp("@info summary %2 date", "The license expired on %2 (%1 day ago).",
                                         "The license expired on %2 (%1 days ago).", -days, date)
                                   : i18ncp("@info summary %2 date", "The license expires on %2 (in %1 day).",
                                         "The license expires on %2 (in %1 days).", days, date));
    }
    for (const ServerLicenseInfo &license : snapshot.serverLicenses) {
        if (license.expiresWith(soonest)) {
            continue;
        }
        if (!license.expireAt.isValid()) {
            html += paragraph(i18nc("@info summary %1 host", "License of %1: expiry date unknown.", license.hostname));
        } else if (const int days = license.calendarDaysLeft(input.now); days < 0) {
            html += paragraph(i18ncp("@info summary %2 host, %3 date, %1 days",
                "License of %2 expired on %3 (%1 day ago).", "License of %2 expired on %3 (%1 days ago).", -days,
                license.hostname, DateFormat::toString(license.expireAt.toLocalTime().date(), locale)));
        } else {
            html += paragraph(i18ncp("@info summary %2 host, %3 date, %1 days",
                "License of %2 expires on %3 (in %1 day).", "License of %2 expires on %3 (in %1 days).", days,
                license.hostname, DateFormat::toString(license.expireAt.toLocalTime().date(), locale)));
        }
    }
    return html;
}

QString syncSection(const Input &input)
{
    QString html = heading(i18nc("@title summary section", "License sync"));
    const QList<LicenseSyncStatus> &servers = input.snapshot.syncStatus;
    if (servers.isEmpty()) {
        return html + paragraph(i18nc("@info summary", "No Enterprise Server instance syncs with this enterprise."));
    }
    const auto stale = std::count_if(
        servers.cbegin(), servers.cend(), [&input](const LicenseSyncStatus &s) { return s.isStale(input.now); });
    html += paragraph(stale == 0
            ? i18ncp("@info summary", "%1 server; it synced within the last 7 days.",
                  "%1 servers; each synced within the last 7 days.", int(servers.size()))
            : i18ncp("@info summary %1 servers, %2 stale ones",
                  "%1 server; %2 without a successful sync for over 7 days.",
                  "%1 servers; %2 without a successful sync for over 7 days.", int(servers.size()), int(stale)));
    html += QLatin1String("<table>\n");
    html += row({i18nc("@title:column", "Server"), i18nc("@title:column", "Last sync"),
                    i18nc("@title:column", "Status"), i18nc("@title:column", "Error")},
        true);
    QList<LicenseSyncStatus> byHost = servers;
    HostOrder::sortBy(byHost, [](const LicenseSyncStatus &s) { return s.hostname; });
    for (const LicenseSyncStatus &server : std::as_const(byHost)) {
        QString status = server.lastSyncDate.isValid()
            ? (server.isSuccess() ? i18nc("@item sync status", "Succeeded") : i18nc("@item sync status", "Failed"))
            : i18nc("@item sync status", "Never synced");
        if (server.isStale(input.now)) {
            status = i18nc("@item sync status, %1 the status", "%1, stale", status);
        }
        html += row({server.hostname, dateText(server.lastSyncDate), status, server.error});
    }
    return html + QLatin1String("</table>\n");
}

QString instancesSection(const Input &input)
{
    // The servers GitHub lists, connected or not: an offline server reaches the enterprise only by the usage
    // files an admin uploads, so its last upload is what tells whether its seats are current.
    const QList<EnterpriseServerInstallation> &installations = input.snapshot.installations;
    if (installations.isEmpty()) {
        return {};
    }
    QList<EnterpriseServerInstallation> byHost = installations;
    HostOrder::sortBy(byHost, [](const EnterpriseServerInstallation &i) { return i.hostName; });
    const auto offline = std::count_if(
        byHost.cbegin(), byHost.cend(), [](const EnterpriseServerInstallation &i) { return !i.isConnected; });
    QString html = heading(i18nc("@title summary section", "Enterprise Server instances"));
    html += paragraph(i18ncp("@info summary %1 servers, %2 not connected",
        "%1 server; %2 without GitHub Connect, counted by the usage files uploaded for it.",
        "%1 servers; %2 without GitHub Connect, counted by the usage files uploaded for them.", int(byHost.size()),
        int(offline)));
    html += QLatin1String("<table>\n");
    // Version and seats where the server's own license was read (the lab's servers, or a server's own
    // connection): GitHub Enterprise Cloud reports neither.
    const QList<ServerLicenseInfo> &licenses = input.snapshot.serverLicenses;
    html += row({i18nc("@title:column", "Server"), i18nc("@title:column", "Version"),
                    i18nc("@title:column", "GitHub Connect"), i18nc("@title:column", "Last upload"),
                    i18nc("@title:column", "Upload state"), i18nc("@title:column", "Seats")},
        true);
    for (const EnterpriseServerInstallation &installation : std::as_const(byHost)) {
        const bool uploaded = !installation.uploads.isEmpty();
        const auto license =
            std::find_if(licenses.cbegin(), licenses.cend(), [&installation](const ServerLicenseInfo &l) {
                return l.hostname.compare(installation.hostName, Qt::CaseInsensitive) == 0;
            });
        const bool known = license != licenses.cend();
        html += row({installation.hostName, known ? license->installedVersion : QString(),
            installation.isConnected ? i18nc("@item GitHub Connect", "Connected")
                                     : i18nc("@item GitHub Connect", "Not connected"),
            uploaded                       ? dateText(installation.lastUploadAt())
                : installation.isConnected ? i18nc("@item a connected server's last upload", "none needed: it syncs")
                                           : i18nc("@item no usage file uploaded", "none"),
            uploaded ? uploadSyncStateText(installation.uploads.constFirst().syncState) : QString(),
            known ? license->seatsText() : QString()});
    }
    return html + QLatin1String("</table>\n");
}

QString countedTwiceSection(const Input &input)
{
    const QLocale locale;
    const MergedView::Totals &people = input.people;
    const CountedTwiceResult &result = input.countedTwice;
    QString html = heading(i18nc("@title summary section", "Counted twice"));
    html += paragraph(i18ncp("@info summary %1 people, %2 %3 %4 how many of them use which environments",
        "%1 person by GitHub's matching rules: %2 on Cloud only, %3 on servers only, %4 on both.",
        "%1 people by GitHub's matching rules: %2 on Cloud only, %3 on servers only, %4 on both.", people.people,
        locale.toString(people.cloudOnly), locale.toString(people.serverOnly), locale.toString(people.both)));
    if (result.pairs.isEmpty()) {
        html += paragraph(i18nc("@info summary", "No account looks counted twice."));
    } else {
        html += paragraph(i18ncp("@info summary %1 pairs, %2 seats, %3 seats consumed then",
            "%1 suspected pair of accounts is counted as two seats; fixing it would free %2 seat (%3 consumed then).",
            "%1 suspected pairs of accounts are counted as two seats each; fixing them would free %2 seats (%3 "
            "consumed then).",
            int(result.pairs.size()), locale.toString(result.seatsFreed), locale.toString(people.afterFixes)));
    }
    if (!result.unexpected.isEmpty()) {
        html += paragraph(i18ncp("@info summary",
            "%1 seat counts only for a pending invitation or an unmatched Visual Studio subscription.",
            "%1 seats count only for a pending invitation or an unmatched Visual Studio subscription.",
            int(result.unexpected.size())));
    }
    return html;
}

QString organizationsSection(const Input &input)
{
    const QLocale locale;
    const OrganizationBreakdown &breakdown = input.organizations;
    if (breakdown.organizations.isEmpty()) {
        return {};
    }
    QString html = heading(i18nc("@title summary section", "Seats by organization"));
    html += QLatin1String("<table>\n");
    html += row(
        {i18nc("@title:column a github.com organization", "Organization"),
            i18nc("@title:column seats with a role in the organization", "Members"),
            i18nc("@title:column members with the Owner role", "Owners"), i18nc("@title:column", "Pending invitations"),
            i18nc("@title:column members without two-factor authentication", "Without 2FA")},
        true);
    const qsizetype shown = std::min<qsizetype>(breakdown.organizations.size(), OrganizationRows);
    for (qsizetype i = 0; i < shown; ++i) {
        const OrganizationBreakdown::Organization &organization = breakdown.organizations.at(i);
        html += row({organization.name, locale.toString(organization.members), locale.toString(organization.owners),
            locale.toString(organization.pendingInvites), locale.toString(organization.withoutTwoFactor)});
    }
    html += QLatin1String("</table>\n");
    if (const qsizetype more = breakdown.organizations.size() - shown; more > 0) {
        html += paragraph(i18ncp("@info summary", "%1 more organization with fewer members.",
            "%1 more organizations with fewer members.", int(more)));
    }
    html += paragraph(
        i18ncp("@info summary", "%1 seat belongs to no organization (server accounts, enterprise roles only).",
            "%1 seats belong to no organization (server accounts, enterprise roles only).",
            breakdown.seatsWithoutOrganization));
    return html;
}

QString historySection(const Input &input, const QString &chartImage, QSize chartSize)
{
    const QLocale locale;
    QString html = heading(i18nc("@title summary section", "History"));
    if (input.history.isEmpty()) {
        return html + paragraph(i18nc("@info summary", "No snapshot is stored yet."));
    }
    if (!chartImage.isEmpty()) {
        html += QStringLiteral("<p><img src=\"%1\" alt=\"%2\" width=\"%3\" height=\"%4\"></p>\n")
                    .arg(escaped(chartImage),
                        escaped(i18nc("@info:tooltip", "Seats consumed and purchased over time, with the forecast")))
                    .arg(chartSize.width())
                    .arg(chartSize.height());
    }
    const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(input.snapshot.serverLicenses);
    html += paragraph(input.forecast.text(
        input.snapshot.licenses.totalSeatsPurchased, soonest ? soonest->expireAt : QDateTime(), input.now));
    html += QLatin1String("<table>\n");
    html += row({i18nc("@title:column", "Snapshot"), i18nc("@title:column", "Seats consumed"),
                    i18nc("@title:column", "Seats purchased")},
        true);
    const qsizetype first = std::max<qsizetype>(0, input.history.size() - HistoryRows);
    for (qsizetype i = input.history.size() - 1; i >= first; --i) {
        const HistoryPoint &point = input.history.at(i);
        html += row({dateText(point.takenAt), locale.toString(point.consumed),
            input.snapshot.unlimitedSeats() ? i18nc("@item no seat limit", "unlimited")
                                            : locale.toString(point.purchased)});
    }
    return html + QLatin1String("</table>\n");
}
} // namespace

QString html(const Input &input, const QString &chartImage, QSize chartSize)
{
    const QString title = i18nc("@title %1 connection name", "License summary: %1", input.connectionName);
    QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n<title>%2</title>\n"
                       "<style>body { font-family: sans-serif; } table { border-collapse: collapse; }"
                       " th, td { border: 1px solid #999; padding: 3px 8px; } th { text-align: left; } table { "
                       "margin-bottom: 12px; } h2 { margin-top: 18px; }"
                       "</style>\n</head>\n<body>\n")
            .arg(escaped(QLocale().bcp47Name()), escaped(title));
    html += QLatin1String("<h1>") + escaped(title) + QLatin1String("</h1>\n");
    html += paragraph(i18nc("@info summary %1 snapshot date, %2 source, %3 date written",
        "Snapshot of %1 from %2; summary written %3.", dateText(input.snapshot.takenAt), input.source,
        dateText(input.now)));
    html += attentionSection(input);
    html += seatsSection(input);
    html += syncSection(input);
    html += instancesSection(input);
    html += countedTwiceSection(input);
    html += organizationsSection(input);
    html += historySection(input, chartImage, chartSize);
    return html + QLatin1String("</body>\n</html>\n");
}
} // namespace Glc::LicenseSummary
