// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license users: the consumed-licenses report, as the console writes it.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportwriter.h"
#include "licensing/organizationbreakdown.h"

#include <KLocalizedString>

#include <QSet>

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
        parser.addOption(SnapshotJson::formatOption(true));
        parser.addOption(SnapshotJson::refreshOption());
        parser.addOption(QCommandLineOption(QStringLiteral("filter"),
            i18nc("@info:shell", "Only seats whose login, name, e-mail or server account contains this text."),
            i18nc("@info:shell value name", "text")));
        parser.addOption(QCommandLineOption(QStringLiteral("organization"),
            i18nc("@info:shell", "Only seats with a role in, or an invitation to, this github.com organization."),
            i18nc("@info:shell value name", "name")));
        parser.addOption(QCommandLineOption(QStringLiteral("counted-twice"),
            i18nc("@info:shell", "Only seats that are probably the same person counted twice.")));
        parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
            i18nc("@info:shell", "Write to this file (atomically) instead of standard output."),
            i18nc("@info:shell value name", "file")));
        parser.addOption(QCommandLineOption(QStringLiteral("bom"),
            i18nc("@info:shell",
                "CSV only: start with a UTF-8 byte order mark, so spreadsheet programs read non-ASCII names right.")));
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QString format = parser.value(QStringLiteral("format"));
        if (!SnapshotJson::checkFormat(format, true)) {
            return ExitCode::Usage;
        }
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.reportSnapshot(parser, &snapshot); code != ExitCode::Ok) {
            return code;
        }
        const QList<ConsumedLicense> &seats = snapshot.licenses.users;
        QSet<int> twice;
        if (parser.isSet(QStringLiteral("counted-twice"))) {
            const CountedTwiceResult result =
                CountedTwiceAnalyzer::analyze(seats, CountedTwiceAnalyzer::serverProfileNames(snapshot.installations));
            for (const CountedTwicePair &pair : result.pairs) {
                twice.insert(pair.serverRow);
                twice.insert(pair.cloudRow);
            }
        }
        ConsumedLicensesReport report;
        report.totalSeatsConsumed = snapshot.licenses.totalSeatsConsumed;
        report.totalSeatsPurchased = snapshot.licenses.totalSeatsPurchased;
        const QString filter = parser.value(QStringLiteral("filter"));
        const QString organization = parser.value(QStringLiteral("organization"));
        const bool onlyTwice = parser.isSet(QStringLiteral("counted-twice"));
        for (int row = 0; row < seats.size(); ++row) {
            const ConsumedLicense &seat = seats.at(row);
            if (onlyTwice && !twice.contains(row)) {
                continue;
            }
            if (!organization.isEmpty() &&
                !OrganizationBreakdown::involves(
                    seat.githubComMemberRoles, seat.githubComOrgsWithPendingInvites, organization)) {
                continue;
            }
            if (SnapshotJson::matches(seat, filter)) {
                report.users.append(seat);
            }
        }
        const bool csv = format == QLatin1String("csv");
        const bool bom = parser.isSet(QStringLiteral("bom"));
        if (bom && !csv) {
            CliOutput::error(i18nc("@info:shell", "--bom applies to --format csv only."));
            return ExitCode::Usage;
        }
        if (parser.isSet(QStringLiteral("output"))) {
            LicenseReportWriter::Options options;
            options.format = csv ? LicenseReportWriter::Format::Csv : LicenseReportWriter::Format::Json;
            options.utf8Bom = bom;
            const LicenseReportWriter::Result result =
                LicenseReportWriter::write(parser.value(QStringLiteral("output")), report, options);
            if (!result.ok()) {
                CliOutput::error(result.errorMessage);
                return ExitCode::Failure;
            }
            CliOutput::err(i18ncp("@info:shell", "Wrote %1 seat to %2.", "Wrote %1 seats to %2.",
                int(report.users.size()), parser.value(QStringLiteral("output"))));
            return ExitCode::Ok;
        }
        CliOutput::outBytes(csv ? LicenseReportWriter::toCsv(report, bom) : LicenseReportWriter::toJson(report));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeUsersCommand()
{
    return std::make_unique<UsersCommand>();
}
} // namespace Glc
