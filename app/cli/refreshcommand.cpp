// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license refresh: pulls a new snapshot into the store.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"

#include <KLocalizedString>

#include <QLocale>

namespace Glc {
namespace {
class RefreshCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("refresh"); }
    QString summary() const override { return i18nc("@info:shell", "Pull a new snapshot into the store."); }
    void addOptions(QCommandLineParser &) override { }
    ExitCode run(CliSession &session, const QCommandLineParser &) override
    {
        if (const ExitCode code = session.prepareConnection(); code != ExitCode::Ok) {
            return code;
        }
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.refresh(&snapshot); code != ExitCode::Ok) {
            return code;
        }
        const QLocale locale;
        CliOutput::out(i18ncp("@info:shell %2 snapshot number, %3 connection, %4 and %5 seats, %1 servers",
            "Snapshot %2 of %3: %4 of %5 seats consumed, %1 server.",
            "Snapshot %2 of %3: %4 of %5 seats consumed, %1 servers.", int(snapshot.syncStatus.size()),
            QString::number(snapshot.id), // an id to pass to --from / --to, no digit grouping
            session.connection().name, locale.toString(snapshot.licenses.totalSeatsConsumed),
            locale.toString(snapshot.licenses.totalSeatsPurchased)));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeRefreshCommand()
{
    return std::make_unique<RefreshCommand>();
}
} // namespace Glc
