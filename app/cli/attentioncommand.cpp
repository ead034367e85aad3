// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license attention: what needs the admin's action, the list on top of the console's License page.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/attention.h"

#include <KLocalizedString>
#include <QJsonArray>

namespace Glc {
namespace {
class AttentionCommand : public ReportCommand
{
public:
    QString name() const override { return QStringLiteral("attention"); }
    QString summary() const override
    {
        return i18nc("@info:shell",
            "What needs attention, as on top of the console's License page: expiry, seats, failed and stale syncs, "
            "overdue uploads, people counted twice, unexpected seats, a forecast that fills the seats soon.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "Exits with code 3 when anything needs attention, so cron can mail the list: ghe-license attention "
            "--refresh || mail -s 'GitHub licenses' admins@example.com. For thresholds of your own, use check.");
    }

protected:
    // The seats packed as the console reads them, for the counted-twice analysis.
    LicenseStore::LoadParts parts() const override { return CliSession::serversOnly(); }
    ExitCode report(CliSession &session, const LicenseSnapshot &snapshot, const QString &format,
        const QCommandLineParser &) override
    {
        QList<SnapshotSummary> history;
        if (!session.snapshotHistory(snapshot, &history)) {
            return ExitCode::Failure;
        }
        CompactLicenseRows seats;
        if (!session.packedSeats(snapshot, &seats)) {
            return ExitCode::Failure;
        }
        // An upload interval set in the console (Upload Interval…) judges the servers without GitHub Connect.
        int uploadDays = LicenseCadence::Days;
        if (const ExitCode code = session.readUploadDays(&uploadDays); code != ExitCode::Ok) {
            return code;
        }
        const QList<AttentionItem> items = Attention::collect(Attention::inputFrom(snapshot,
            CountedTwiceAnalyzer::analyze(seats, session.serverProfileNames(snapshot)),
            SeatForecast::forLatest(SnapshotSummary::forecastPoints(history), snapshot), uploadDays, session.now()));

        if (format == QLatin1String("json")) {
            QJsonArray list;
            for (const AttentionItem &item : items) {
                list.append(QJsonObject{
                    {QStringLiteral("kind"), QLatin1String(AttentionItem::key(item.kind))},
                    {QStringLiteral("level"),
                        item.level == AttentionItem::Level::Critical ? QStringLiteral("critical")
                                                                     : QStringLiteral("warning")},
                    {QStringLiteral("text"), item.text},
                    {QStringLiteral("hosts"), QJsonArray::fromStringList(item.hosts)},
                });
            }
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("items"), list},
                {QStringLiteral("snapshot_taken_at"), CliOutput::isoDate(snapshot.takenAt)},
            }));
        } else if (items.isEmpty()) {
            CliOutput::out(
                i18nc("@info:shell", "Nothing needs attention: seats, license, syncs and uploads are in order."));
        } else {
            for (const AttentionItem &item : items) {
                CliOutput::out(item.level == AttentionItem::Level::Critical
                        ? i18nc("@info:shell %1 what is critical", "Critical: %1", item.text)
                        : i18nc("@info:shell %1 what needs attention", "Warning: %1", item.text));
            }
        }
        return items.isEmpty() ? ExitCode::Ok : ExitCode::ThresholdCrossed;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeAttentionCommand()
{
    return std::make_unique<AttentionCommand>();
}
} // namespace Glc
