// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license summary: the License page on one HTML page, for a weekly mail from cron.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "workflows/summaryinput.h"

#include <KLocalizedString>

namespace Glc {
namespace {
class SummaryCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("summary"); }
    QString summary() const override
    {
        return i18nc("@info:shell",
            "The License page on one HTML page: seats, expiry, license sync, counted twice, history and forecast.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "For people who do not open the console: mail it weekly, e.g. from cron: ghe-license summary --refresh "
            "-o summary.html. The console's File > Save Summary writes the same, with the history chart.");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(SnapshotJson::refreshOption());
        parser.addOptions(SnapshotJson::outputOptions());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        if (!SnapshotJson::outputMayBeWritten(parser)) { // before a refresh, not after it
            return ExitCode::Failure;
        }
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.reportSnapshot(parser, &snapshot, CliSession::serversOnly());
            code != ExitCode::Ok) {
            return code;
        }
        QList<SnapshotSummary> history;
        if (!session.snapshotHistory(snapshot, &history)) {
            return ExitCode::Failure;
        }
        CompactLicenseRows seats;
        if (!session.packedSeats(snapshot, &seats)) {
            return ExitCode::Failure;
        }
        const CountedTwiceResult countedTwice =
            CountedTwiceAnalyzer::analyze(seats, session.serverProfileNames(snapshot));
        const MergedView::Totals people =
            MergedView::build(seats, MergedView::optionsFor(seats)).totals(countedTwice.pairs);
        LicenseSummary::Input input = summaryInput(session.connection(), snapshot, history, countedTwice, people,
            OrganizationBreakdown::compute(seats), session.now());
        // An upload interval set in the console (Upload Interval…) judges the servers without GitHub Connect.
        if (const ExitCode code = session.readUploadDays(&input.uploadDays); code != ExitCode::Ok) {
            return code;
        }
        const QByteArray html = LicenseSummary::html(input).toUtf8();
        const QString output = parser.value(QStringLiteral("output"));
        if (!SnapshotJson::outputMayBeWritten(parser)) { // it may have appeared while the summary was made
            return ExitCode::Failure;
        }
        return CliOutput::outBytesOrFile(output, html, i18nc("@info:shell %1 file", "Wrote the summary to %1.", output))
            ? ExitCode::Ok
            : ExitCode::Failure;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeSummaryCommand()
{
    return std::make_unique<SummaryCommand>();
}
} // namespace Glc
