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
        CliOutput::out(i18nc("@info:shell", "Snapshot %1 of %2: %3 of %4 seats consumed, %5 servers.", snapshot.id,
            session.connection().name, locale.toString(snapshot.licenses.totalSeatsConsumed),
            locale.toString(snapshot.licenses.totalSeatsPurchased), snapshot.syncStatus.size()));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeRefreshCommand()
{
    return std::make_unique<RefreshCommand>();
}
} // namespace Glc
