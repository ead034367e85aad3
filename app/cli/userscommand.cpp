// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license users: the consumed-licenses report, as the console writes it.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportwriter.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"

#include <KLocalizedString>
#include <QLocale>

namespace Glc {
namespace {
class UsersCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("users"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "The consumed-licenses report as CSV (GitHub's columns) or JSON.");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(SnapshotJson::formatOption(SnapshotJson::Formats::CsvOrJson));
        parser.addOption(SnapshotJson::refreshOption());
        parser.addOption(QCommandLineOption(QStringLiteral("filter"),
            i18nc("@info:shell", "Only seats whose login, name, e-mail or server account contains this text."),
            i18nc("@info:shell value name", "text")));
        parser.addOption(QCommandLineOption(QStringLiteral("organization"),
            i18nc("@info:shell", "Only seats with a role in, or an invitation to, this github.com organization."),
            i18nc("@info:shell value name", "name")));
        parser.addOption(QCommandLineOption(QStringLiteral("counted-twice"),
            i18nc("@info:shell", "Only seats that are probably the same person counted twice.")));
        // The console's table filters, by the same rules (ConsumedLicensesFilterModel).
        parser.addOption(QCommandLineOption(QStringLiteral("environment"),
            i18nc("@info:shell", "Only seats on github.com (cloud), on servers only (server-only), or on this server."),
            i18nc("@info:shell value name", "cloud|server-only|host")));
        parser.addOption(QCommandLineOption(QStringLiteral("license-type"),
            i18nc("@info:shell", "Only seats of this license type (enterprise, visual_studio, …)."),
            i18nc("@info:shell value name", "type")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("visual-studio"), i18nc("@info:shell", "Only seats with a Visual Studio subscription.")));
        parser.addOption(QCommandLineOption(QStringLiteral("two-factor-off"),
            i18nc("@info:shell", "Only seats whose github.com account has two-factor authentication off.")));
        parser.addOption(QCommandLineOption(QStringLiteral("pending-invitation-only"),
            i18nc("@info:shell", "Only seats taken by a pending organization invitation alone.")));
        parser.addOptions(SnapshotJson::outputOptions());
        parser.addOption(SnapshotJson::fileOption());
        parser.addOption(SnapshotJson::bomOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QString format = parser.value(QStringLiteral("format"));
        if (!SnapshotJson::checkFormat(format, SnapshotJson::Formats::CsvOrJson)) {
            return ExitCode::Usage;
        }
        const bool csv = format == QLatin1String("csv");
        const bool bom = parser.isSet(QStringLiteral("bom"));
        if (bom && !csv) { // a usage error before anything is read or refreshed
            CliOutput::error(i18nc("@info:shell", "--bom applies to --format csv only."));
            return ExitCode::Usage;
        }
        if (!SnapshotJson::outputMayBeWritten(parser)) { // before a refresh, not after it
            return ExitCode::Failure;
        }
        LicenseSnapshot snapshot;
        // The seats packed as the console reads them; --counted-twice reads the accounts' profile
        // names on their own.
        if (const ExitCode code = session.reportSnapshot(parser, &snapshot, CliSession::serversOnly());
            code != ExitCode::Ok) {
            return code;
        }
        CompactLicenseRows seats;
        if (!session.packedSeats(snapshot, &seats)) {
            return ExitCode::Failure;
        }
        // The console's model and filter over the seats (its rows keep the seats' order).
        ConsumedLicensesModel model;
        model.setRows(seats);
        ConsumedLicensesFilterModel filters;
        filters.setSourceModel(&model);
        if (parser.isSet(QStringLiteral("counted-twice"))) {
            const CountedTwiceResult result =
                CountedTwiceAnalyzer::analyze(seats, session.serverProfileNames(snapshot));
            QList<int> rows;
            for (const CountedTwicePair &pair : result.pairs) {
                rows << pair.serverRow << pair.cloudRow;
            }
            model.setCountedTwiceRows(rows);
            filters.setCountedTwiceOnly(true);
        }
        filters.setOrganization(parser.value(QStringLiteral("organization")));
        if (parser.isSet(QStringLiteral("environment"))) {
            const QString environment = parser.value(QStringLiteral("environment"));
            if (environment == QLatin1String("cloud")) {
                filters.setEnvironment(ConsumedLicensesFilterModel::Environment::Cloud);
            } else if (environment == QLatin1String("server-only")) {
                filters.setEnvironment(ConsumedLicensesFilterModel::Environment::ServerOnly);
            } else if (model.hosts().contains(environment)) {
                filters.setEnvironment(ConsumedLicensesFilterModel::Environment::Host, environment);
            } else {
                CliOutput::error(i18nc("@info:shell", "Unknown environment: %1", environment),
                    i18nc("@info:shell %1 hosts", "Use cloud, server-only or a server of the snapshot: %1",
                        model.hosts().isEmpty() ? i18nc("@info:shell", "(none)")
                                                : QLocale().createSeparatedList(model.hosts())));
                return ExitCode::Usage;
            }
        }
        filters.setLicenseType(parser.value(QStringLiteral("license-type")));
        filters.setVisualStudioOnly(parser.isSet(QStringLiteral("visual-studio")));
        filters.setTwoFactorOffOnly(parser.isSet(QStringLiteral("two-factor-off")));
        filters.setPendingInvitationOnly(parser.isSet(QStringLiteral("pending-invitation-only")));
        ConsumedLicensesReport totals;
        totals.totalSeatsConsumed = snapshot.licenses.totalSeatsConsumed;
        totals.totalSeatsPurchased = snapshot.licenses.totalSeatsPurchased;
        LicenseReportWriter::Options options;
        options.format = csv ? LicenseReportWriter::Format::Csv : LicenseReportWriter::Format::Json;
        options.utf8Bom = bom;
        // The console's search field: the same text finds the same seats.
        filters.setSearchText(parser.value(QStringLiteral("filter")));
        // The seats the filters keep, rebuilt one at a time from the packed rows as they are written.
        int row = 0;
        const LicenseReportWriter::NextSeat next = [&](ConsumedLicense *seat) {
            if (row >= filters.rowCount()) {
                return false;
            }
            *seat = seats.license(filters.mapToSource(filters.index(row++, 0)).row());
            return true;
        };
        if (parser.isSet(QStringLiteral("output"))) {
            if (!SnapshotJson::outputMayBeWritten(parser)) { // it may have appeared while the snapshot was read
                return ExitCode::Failure;
            }
            qsizetype written = 0;
            const LicenseReportWriter::Result result =
                LicenseReportWriter::write(parser.value(QStringLiteral("output")), totals, next, options, &written);
            if (!result.ok()) {
                CliOutput::error(result.errorMessage);
                return ExitCode::Failure;
            }
            CliOutput::err(i18ncp("@info:shell", "Wrote %1 seat to %2.", "Wrote %1 seats to %2.", int(written),
                parser.value(QStringLiteral("output"))));
            return ExitCode::Ok;
        }
        if (!CliOutput::outStream(
                [&](QIODevice *out) { return LicenseReportWriter::writeTo(out, totals, next, options); })) {
            return ExitCode::Failure;
        }
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeUsersCommand()
{
    return std::make_unique<UsersCommand>();
}
} // namespace Glc
