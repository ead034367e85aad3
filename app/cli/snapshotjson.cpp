// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotjson.h"

#include "cli/clioutput.h"

#include <KLocalizedString>

#include <QFileInfo>
#include <QJsonArray>

namespace Glc::SnapshotJson {
QCommandLineOption formatOption(Formats formats)
{
    switch (formats) {
    case Formats::TextOrJson:
        break;
    case Formats::CsvOrJson:
        return QCommandLineOption(QStringLiteral("format"), i18nc("@info:shell", "Output format: csv or json."),
            i18nc("@info:shell value name", "format"), QStringLiteral("csv"));
    case Formats::TextCsvOrJson:
        return QCommandLineOption(QStringLiteral("format"), i18nc("@info:shell", "Output format: text, csv or json."),
            i18nc("@info:shell value name", "format"), QStringLiteral("text"));
    }
    return QCommandLineOption(QStringLiteral("format"), i18nc("@info:shell", "Output format: text or json."),
        i18nc("@info:shell value name", "format"), QStringLiteral("text"));
}

bool checkFormat(const QString &format, Formats formats)
{
    const bool text = formats != Formats::CsvOrJson;
    const bool csv = formats != Formats::TextOrJson;
    if (format == QLatin1String("json") || (text && format == QLatin1String("text")) ||
        (csv && format == QLatin1String("csv"))) {
        return true;
    }
    CliOutput::error(i18nc("@info:shell", "Unknown format: %1", format),
        formats == Formats::TextCsvOrJson ? i18nc("@info:shell", "Use --format text, --format csv or --format json.")
            : csv                         ? i18nc("@info:shell", "Use --format csv or --format json.")
                                          : i18nc("@info:shell", "Use --format text or --format json."));
    return false;
}

QList<QCommandLineOption> outputOptions()
{
    return {QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                i18nc("@info:shell", "Write to this file (atomically) instead of standard output."),
                i18nc("@info:shell value name", "file")),
        QCommandLineOption(QStringLiteral("force"), i18nc("@info:shell", "Replace the file when it exists."))};
}

bool outputMayBeWritten(const QCommandLineParser &parser)
{
    const QString file = parser.value(QStringLiteral("output"));
    const QFileInfo info(file);
    // A folder is no file to replace: writing to it fails and says so.
    if (file.isEmpty() || parser.isSet(QStringLiteral("force")) || !info.exists() || info.isDir()) {
        return true;
    }
    CliOutput::error(
        i18nc("@info:shell", "%1 already exists.", file), i18nc("@info:shell", "Use --force to replace it."));
    return false;
}

QCommandLineOption bomOption()
{
    return QCommandLineOption(QStringLiteral("bom"),
        i18nc("@info:shell",
            "CSV only: start with a UTF-8 byte order mark, so spreadsheet programs read non-ASCII names right."));
}

QCommandLineOption refreshOption()
{
    return QCommandLineOption(QStringLiteral("refresh"),
        i18nc("@info:shell", "Pull a new snapshot first (otherwise the latest stored one is used)."));
}

QCommandLineOption fileOption()
{
    return QCommandLineOption(QStringLiteral("file"),
        i18nc("@info:shell",
            "Report on this license report file instead of the store: the CSV of the enterprise's License page or "
            "the JSON of its consumed-licenses API. No connection or token is needed."),
        i18nc("@info:shell value name", "file"));
}

QJsonObject status(const Connection &connection, const LicenseSnapshot &snapshot, qsizetype users,
    const SeatForecast &forecast, const QDateTime &now, int uploadDays)
{
    static const char *const outcomes[] = {
        "insufficient_data", "already_reached", "reached_on", "not_within_year", "no_seat_limit"};
    static const char *const kinds[] = {"lab", "cloud", "server"};
    QJsonArray servers;
    for (const LicenseSyncStatus &server : snapshot.syncStatus) {
        const int days = LicenseCadence::wholeDaysSince(server.lastSyncDate, now);
        servers.append(QJsonObject{
            {QStringLiteral("hostname"), server.hostname},
            {QStringLiteral("server_id"), server.serverId},
            {QStringLiteral("last_sync_date"), CliOutput::isoDate(server.lastSyncDate)},
            {QStringLiteral("last_success_date"), CliOutput::isoDate(server.lastSuccessfulSync())},
            {QStringLiteral("status"), server.status},
            {QStringLiteral("error"), server.error},
            {QStringLiteral("stale"), server.isStale(now)},
            {QStringLiteral("days_since_sync"), days < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(days)},
        });
    }
    // Servers without GitHub Connect do not sync: their newest usage upload is due as often.
    QJsonArray offline;
    for (const EnterpriseServerInstallation &server : snapshot.installations) {
        if (server.isConnected) {
            continue;
        }
        const QDateTime uploaded = server.lastUploadAt();
        const int days = LicenseCadence::wholeDaysSince(uploaded, now);
        offline.append(QJsonObject{
            {QStringLiteral("hostname"), server.hostName},
            {QStringLiteral("last_upload_date"), CliOutput::isoDate(uploaded)},
            {QStringLiteral("days_since_upload"), days < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(days)},
            {QStringLiteral("overdue"), server.uploadOverdue(now, uploadDays)},
        });
    }
    QJsonArray licenses;
    for (const ServerLicenseInfo &license : snapshot.serverLicenses) {
        licenses.append(QJsonObject{
            {QStringLiteral("hostname"), license.hostname},
            {QStringLiteral("seats"), license.seats ? QJsonValue(*license.seats) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("seats_used"), license.seatsUsed},
            {QStringLiteral("seats_available"),
                license.seatsAvailable ? QJsonValue(*license.seatsAvailable) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("kind"), license.kind},
            {QStringLiteral("expire_at"), CliOutput::isoDate(license.expireAt)},
            {QStringLiteral("days_until_expiration"), license.daysUntilExpiration},
            {QStringLiteral("installed_version"), license.installedVersion},
        });
    }
    const int consumed = snapshot.licenses.totalSeatsConsumed;
    const int purchased = snapshot.licenses.totalSeatsPurchased;
    // A license without a seat limit has no purchased total, nothing available and no share in use.
    const bool unlimited = snapshot.unlimitedSeats();
    const auto limited = [unlimited](const QJsonValue &value) { return unlimited ? QJsonValue() : value; };
    return QJsonObject{
        {QStringLiteral("connection"),
            QJsonObject{{QStringLiteral("name"), connection.name},
                {QStringLiteral("kind"), QLatin1String(kinds[int(connection.kind)])},
                {QStringLiteral("enterprise"), connection.enterpriseSlug}}},
        {QStringLiteral("snapshot"),
            QJsonObject{{QStringLiteral("id"), snapshot.id},
                {QStringLiteral("taken_at"), CliOutput::isoDate(snapshot.takenAt)},
                {QStringLiteral("source"), snapshot.source}, {QStringLiteral("users"), int(users)}}},
        {QStringLiteral("seats"),
            QJsonObject{{QStringLiteral("consumed"), consumed}, {QStringLiteral("purchased"), limited(purchased)},
                {QStringLiteral("available"), limited(purchased - consumed)},
                {QStringLiteral("used_percent"), limited(snapshot.licenses.usedPercent())},
                {QStringLiteral("unlimited"), unlimited}}},
        {QStringLiteral("forecast"),
            QJsonObject{{QStringLiteral("outcome"), QLatin1String(outcomes[int(forecast.outcome)])},
                {QStringLiteral("date"), CliOutput::isoDate(forecast.date)},
                {QStringLiteral("seats_per_week"), qRound(forecast.seatsPerDay * 70) / 10.0},
                {QStringLiteral("text"), forecast.text(purchased)}}},
        {QStringLiteral("servers"), servers},
        {QStringLiteral("offline_servers"), offline},
        {QStringLiteral("server_licenses"), licenses},
    };
}

QJsonObject countedTwice(
    const CompactLicenseRows &seats, const CountedTwiceResult &result, const MergedView::Totals &people)
{
    static const char *const reasons[] = {
        "same_local_part_other_domain", "local_part_is_saml_name_id", "local_part_is_login", "matching_name"};
    static const char *const unexpectedKinds[] = {"pending_invitation_only", "unmatched_visual_studio_subscriber"};
    QJsonArray pairs;
    for (const CountedTwicePair &pair : result.pairs) {
        pairs.append(QJsonObject{
            {QStringLiteral("server_email"), pair.serverEmail},
            {QStringLiteral("server_user_ids"),
                QJsonArray::fromStringList(seats.list(pair.serverRow, CompactLicenseRows::List::ServerUserIds))},
            {QStringLiteral("cloud_login"), seats.text(pair.cloudRow, CompactLicenseRows::Text::Login)},
            {QStringLiteral("cloud_email"), pair.cloudEmail},
            {QStringLiteral("reason"), QLatin1String(reasons[int(pair.reason)])},
            {QStringLiteral("reason_text"), CountedTwicePair::reasonText(pair.reason)},
            {QStringLiteral("confidence"), pair.confidence},
            {QStringLiteral("seats_freed"), pair.seatsFreed},
            {QStringLiteral("fix"), pair.fix},
        });
    }
    QJsonArray unexpected;
    for (const UnexpectedSeat &seat : result.unexpected) {
        unexpected.append(QJsonObject{
            {QStringLiteral("login"), seats.text(seat.row, CompactLicenseRows::Text::Login)},
            {QStringLiteral("kind"), QLatin1String(unexpectedKinds[int(seat.kind)])},
            {QStringLiteral("visual_studio_email"),
                seats.text(seat.row, CompactLicenseRows::Text::VisualStudioSubscriptionEmail)},
            {QStringLiteral("explanation"), seat.explanation},
        });
    }
    const QJsonObject peopleObject{
        {QStringLiteral("seats"), people.seats},
        {QStringLiteral("people"), people.people},
        {QStringLiteral("cloud_only"), people.cloudOnly},
        {QStringLiteral("server_only"), people.serverOnly},
        {QStringLiteral("both"), people.both},
        {QStringLiteral("merge_at_next_sync"), people.mergeAtNextSync},
        {QStringLiteral("seats_after_fixes"), people.afterFixes},
    };
    return QJsonObject{{QStringLiteral("pairs"), pairs}, {QStringLiteral("unexpected"), unexpected},
        {QStringLiteral("seats_freed"), result.seatsFreed}, {QStringLiteral("people"), peopleObject}};
}

} // namespace Glc::SnapshotJson
