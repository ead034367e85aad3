// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license changes: who came, who went and who changed environment between two stored snapshots
// (by default the two newest), for a weekly report.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "core/dateformat.h"
#include "licensing/snapshotchangeswriter.h"
#include "licensing/snapshotdiff.h"
#include "workflows/snapshotchangesjob.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Glc {
namespace {
const QString fromOption = QStringLiteral("from");
const QString toOption = QStringLiteral("to");

QJsonObject seatJson(const ConsumedLicense &seat)
{
    return QJsonObject{
        {QStringLiteral("login"), seat.githubComLogin},
        {QStringLiteral("name"), seat.githubComName.isEmpty() ? QJsonValue() : QJsonValue(seat.githubComName)},
        {QStringLiteral("server_user_ids"), QJsonArray::fromStringList(seat.enterpriseServerUserIds)},
        {QStringLiteral("environments"), QJsonArray::fromStringList(SnapshotDiff::environments(seat))},
    };
}

QJsonObject summaryJson(const SnapshotSummary &summary)
{
    return QJsonObject{
        {QStringLiteral("id"), summary.id},
        {QStringLiteral("taken_at"), summary.takenAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("consumed"), summary.totalSeatsConsumed},
        {QStringLiteral("purchased"), summary.totalSeatsPurchased},
    };
}

class ChangesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("changes"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Who came, who went and who changed environment between two snapshots.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "Compares the newest stored snapshot with the one before it, or the snapshots given by --from and "
            "--to (ids as listed in the JSON of 'ghe-license status').");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(
            fromOption, i18nc("@info:shell", "The earlier snapshot's id."), i18nc("@info:shell value name", "id")));
        parser.addOption(
            QCommandLineOption(toOption, i18nc("@info:shell", "The later snapshot's id (default: the newest)."),
                i18nc("@info:shell value name", "id")));
        parser.addOption(SnapshotJson::formatOption(SnapshotJson::Formats::TextCsvOrJson));
        parser.addOption(SnapshotJson::refreshOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QString format = parser.value(QStringLiteral("format"));
        if (!SnapshotJson::checkFormat(format, SnapshotJson::Formats::TextCsvOrJson)) {
            return ExitCode::Usage;
        }
        qint64 fromId = 0;
        qint64 toId = 0;
        if (!readId(parser, fromOption, &fromId) || !readId(parser, toOption, &toId)) {
            return ExitCode::Usage;
        }
        // Snapshots already stored are compared without the network: no token, no lab.
        const bool refresh = parser.isSet(QStringLiteral("refresh"));
        if (const ExitCode code = refresh ? session.prepareConnection() : session.chooseConnection();
            code != ExitCode::Ok) {
            return code;
        }
        if (refresh) {
            if (const ExitCode code = session.refresh(); code != ExitCode::Ok) {
                return code;
            }
        }
        SnapshotChangesJob job(session.context(), fromId, toId);
        if (const ExitCode code = session.runJob(job, CliSession::Assist::Stop); code != ExitCode::Ok) {
            return code;
        }
        const SnapshotDiff &diff = job.diff();
        // Packed rows: only the seats shown are decoded, one at a time.
        const CompactLicenseRows &beforeSeats = job.before();
        const CompactLicenseRows &afterSeats = job.after();
        const SnapshotSummary &from = job.from();
        const SnapshotSummary &to = job.to();
        if (format == QLatin1String("csv")) {
            // The list Compare Snapshots saves; no byte order mark on a pipe.
            CliOutput::outBytes(SnapshotChangesWriter::toCsv(beforeSeats, afterSeats, diff, false));
            return ExitCode::Ok;
        }
        if (format == QLatin1String("json")) {
            QJsonArray came;
            for (int row : diff.came) {
                came.append(seatJson(afterSeats.license(row)));
            }
            QJsonArray went;
            for (int row : diff.went) {
                went.append(seatJson(beforeSeats.license(row)));
            }
            QJsonArray changed;
            for (const SnapshotDiff::Change &change : diff.changedEnvironment) {
                QJsonObject seat = seatJson(afterSeats.license(change.afterRow));
                seat.remove(QStringLiteral("environments"));
                seat.insert(
                    QStringLiteral("environments_before"), QJsonArray::fromStringList(change.environmentsBefore));
                seat.insert(QStringLiteral("environments_after"), QJsonArray::fromStringList(change.environmentsAfter));
                changed.append(seat);
            }
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("from"), summaryJson(from)},
                {QStringLiteral("to"), summaryJson(to)},
                {QStringLiteral("came"), came},
                {QStringLiteral("went"), went},
                {QStringLiteral("changed_environment"), changed},
            }));
            return ExitCode::Ok;
        }
        const QLocale locale;
        CliOutput::out(i18nc("@info:shell %1 and %3 snapshot ids, %2 and %4 dates",
            "From snapshot %1 (%2) to snapshot %3 (%4):", QString::number(from.id),
            DateFormat::toString(from.takenAt.toLocalTime(), locale), QString::number(to.id),
            DateFormat::toString(to.takenAt.toLocalTime(), locale)));
        CliOutput::out(i18nc("@info:shell %1, %2 seat counts", "Seats consumed: %1 → %2",
            locale.toString(from.totalSeatsConsumed), locale.toString(to.totalSeatsConsumed)));
        CliOutput::out(i18ncp("@info:shell", "%1 person came:", "%1 people came:", int(diff.came.size())));
        for (int row : diff.came) {
            const ConsumedLicense seat = afterSeats.license(row);
            CliOutput::out(i18nc("@info:shell %1 who, %2 environments", "  + %1 [%2]", SnapshotDiff::personText(seat),
                SnapshotDiff::environmentsText(SnapshotDiff::environments(seat))));
        }
        CliOutput::out(i18ncp("@info:shell", "%1 person went:", "%1 people went:", int(diff.went.size())));
        for (int row : diff.went) {
            const ConsumedLicense seat = beforeSeats.license(row);
            CliOutput::out(i18nc("@info:shell %1 who, %2 environments", "  - %1 [%2]", SnapshotDiff::personText(seat),
                SnapshotDiff::environmentsText(SnapshotDiff::environments(seat))));
        }
        CliOutput::out(i18ncp("@info:shell",
            "%1 person changed environment:", "%1 people changed environment:", int(diff.changedEnvironment.size())));
        for (const SnapshotDiff::Change &change : diff.changedEnvironment) {
            CliOutput::out(i18nc("@info:shell %1 who, %2 and %3 environments", "  ~ %1 [%2] → [%3]",
                SnapshotDiff::personText(afterSeats.license(change.afterRow)),
                SnapshotDiff::environmentsText(change.environmentsBefore),
                SnapshotDiff::environmentsText(change.environmentsAfter)));
        }
        return ExitCode::Ok;
    }

private:
    static bool readId(const QCommandLineParser &parser, const QString &option, qint64 *id)
    {
        if (!parser.isSet(option)) {
            return true;
        }
        bool ok = false;
        *id = parser.value(option).toLongLong(&ok);
        if (!ok || *id <= 0) {
            CliOutput::error(i18nc("@info:shell %1 option, %2 value", "--%1 must be a snapshot id, not %2.", option,
                                 parser.value(option)),
                i18nc("@info:shell", "See: ghe-license changes --help"));
            return false;
        }
        return true;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeChangesCommand()
{
    return std::make_unique<ChangesCommand>();
}
} // namespace Glc
