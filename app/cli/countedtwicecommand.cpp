// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license counted-twice: people probably counted twice, with the reason and the fix.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/countedtwice.h"

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
    ExitCode report(CliSession &, const LicenseSnapshot &snapshot, bool json) override
    {
        const QList<ConsumedLicense> &seats = snapshot.licenses.users;
        const CountedTwiceResult result =
            CountedTwiceAnalyzer::analyze(seats, CountedTwiceAnalyzer::serverProfileNames(snapshot.installations));
        if (json) {
            CliOutput::outBytes(CliOutput::json(SnapshotJson::countedTwice(seats, result)));
            return ExitCode::Ok;
        }
        if (result.pairs.isEmpty()) {
            CliOutput::out(i18nc("@info:shell", "Nobody seems to be counted twice."));
        }
        for (const CountedTwicePair &pair : result.pairs) {
            const ConsumedLicense &cloud = seats.at(pair.cloudRow);
            CliOutput::out(i18nc("@info:shell %1 server e-mail, %2 github.com login, %3 confidence",
                "%1 ↔ %2 (%3% sure)", pair.serverEmail, cloud.githubComLogin, pair.confidence));
            CliOutput::out(QLatin1String("  ") + CountedTwicePair::reasonText(pair.reason));
            CliOutput::out(QLatin1String("  ") + i18nc("@info:shell", "Fix: %1", pair.fix));
        }
        for (const UnexpectedSeat &seat : result.unexpected) {
            CliOutput::out(i18nc(
                "@info:shell %1 login, %2 explanation", "%1: %2", seats.at(seat.row).githubComLogin, seat.explanation));
        }
        CliOutput::out(i18ncp(
            "@info:shell", "Fixing every pair frees %1 seat.", "Fixing every pair frees %1 seats.", result.seatsFreed));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeCountedTwiceCommand()
{
    return std::make_unique<CountedTwiceCommand>();
}
} // namespace Glc
