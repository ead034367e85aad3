// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license counted-twice: people probably counted twice, with the reason and the fix.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/countedtwice.h"
#include "licensing/fixlistwriter.h"
#include "licensing/mergedview.h"

#include <KLocalizedString>

namespace Glc {
namespace {
class CountedTwiceCommand : public ReportCommand
{
public:
    QString name() const override { return QStringLiteral("counted-twice"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "People probably counted twice across Cloud and Server, with reason and fix.");
    }

protected:
    // The seats packed as the console reads them, the accounts' profile names on their own.
    LicenseStore::LoadParts parts() const override { return CliSession::serversOnly(); }
    bool readsReportFiles() const override { return true; }
    SnapshotJson::Formats formats() const override { return SnapshotJson::Formats::TextCsvOrJson; }
    void addOptions(QCommandLineParser &parser) override
    {
        ReportCommand::addOptions(parser);
        parser.addOptions(SnapshotJson::outputOptions());
        parser.addOption(SnapshotJson::bomOption());
    }
    ExitCode checkOptions(const QCommandLineParser &parser, const QString &format) const override
    {
        if (parser.isSet(QStringLiteral("bom")) && format != QLatin1String("csv")) {
            CliOutput::error(i18nc("@info:shell", "--bom applies to --format csv only."));
            return ExitCode::Usage;
        }
        if (parser.isSet(QStringLiteral("output")) && format == QLatin1String("text")) {
            CliOutput::error(i18nc("@info:shell", "--output applies to --format csv or --format json."));
            return ExitCode::Usage;
        }
        return SnapshotJson::outputMayBeWritten(parser) ? ExitCode::Ok : ExitCode::Failure;
    }
    ExitCode report(CliSession &session, const LicenseSnapshot &snapshot, const QString &format,
        const QCommandLineParser &parser) override
    {
        const bool csv = format == QLatin1String("csv");
        const bool json = format == QLatin1String("json");
        const QString output = parser.value(QStringLiteral("output"));
        CompactLicenseRows seats;
        if (!session.packedSeats(snapshot, &seats)) {
            return ExitCode::Failure;
        }
        const CountedTwiceResult result = CountedTwiceAnalyzer::analyze(seats, session.serverProfileNames(snapshot));
        // The seats as people: what the text and the JSON say besides the findings (the fix list lists findings only).
        const MergedView::Totals people =
            csv ? MergedView::Totals{} : MergedView::build(seats, MergedView::optionsFor(seats)).totals(result.pairs);
        if (csv || json) {
            // The fix list for a spreadsheet, or the whole analysis with the people for a program.
            const QByteArray bytes = csv ? FixListWriter::toCsv(seats, result, parser.isSet(QStringLiteral("bom")))
                                         : CliOutput::json(SnapshotJson::countedTwice(seats, result, people));
            const int findings = int(result.pairs.size() + result.unexpected.size());
            if (!SnapshotJson::outputMayBeWritten(parser)) {
                return ExitCode::Failure;
            }
            return CliOutput::outBytesOrFile(output, bytes,
                       i18ncp("@info:shell", "Wrote %1 finding to %2.", "Wrote %1 findings to %2.", findings, output))
                ? ExitCode::Ok
                : ExitCode::Failure;
        }
        if (result.pairs.isEmpty()) {
            CliOutput::out(i18nc("@info:shell", "Nobody seems to be counted twice."));
        }
        for (const CountedTwicePair &pair : result.pairs) {
            CliOutput::out(
                i18nc("@info:shell %1 server e-mail, %2 github.com login, %3 confidence", "%1 ↔ %2 (%3% sure)",
                    pair.serverEmail, seats.text(pair.cloudRow, CompactLicenseRows::Text::Login), pair.confidence));
            CliOutput::out(QLatin1String("  ") + CountedTwicePair::reasonText(pair.reason));
            CliOutput::out(QLatin1String("  ") + i18nc("@info:shell", "Fix: %1", pair.fix));
        }
        for (const UnexpectedSeat &seat : result.unexpected) {
            // A subscriber without a github.com account has no login: the subscription's e-mail names the seat.
            const QString login = seats.text(seat.row, CompactLicenseRows::Text::Login);
            CliOutput::out(i18nc("@info:shell %1 login or e-mail, %2 explanation", "%1: %2",
                login.isEmpty() ? seats.text(seat.row, CompactLicenseRows::Text::VisualStudioSubscriptionEmail) : login,
                seat.explanation));
        }
        CliOutput::out(i18ncp(
            "@info:shell", "Fixing every pair frees %1 seat.", "Fixing every pair frees %1 seats.", result.seatsFreed));
        CliOutput::out(i18ncp("@info:shell %1 people, %2 %3 %4 how many of them use which environments",
            "%1 person by GitHub's matching rules: %2 on Cloud only, %3 on servers only, %4 on both.",
            "%1 people by GitHub's matching rules: %2 on Cloud only, %3 on servers only, %4 on both.", people.people,
            people.cloudOnly, people.serverOnly, people.both));
        if (people.mergeAtNextSync > 0) {
            CliOutput::out(i18ncp("@info:shell",
                "%1 server-only seat already matches a verified e-mail and merges at the next license sync.",
                "%1 server-only seats already match a verified e-mail and merge at the next license sync.",
                people.mergeAtNextSync));
        }
        CliOutput::out(
            i18nc("@info:shell", "Seats consumed after every fix: %1 (now %2).", people.afterFixes, people.seats));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeCountedTwiceCommand()
{
    return std::make_unique<CountedTwiceCommand>();
}
} // namespace Glc
