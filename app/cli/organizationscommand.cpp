// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license organizations: seats per github.com organization (from the member roles), for charging
// licenses back to the teams that use them.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/organizationbreakdown.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Glc {
namespace {
class OrganizationsCommand : public ReportCommand
{
public:
    QString name() const override { return QStringLiteral("organizations"); }
    QString summary() const override
    {
        return i18nc(
            "@info:shell", "Seats per github.com organization: members, owners, pending invitations, 2FA off.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "A person who belongs to several organizations is counted in each of them, so the organizations' "
            "members add up to more than the seats consumed.");
    }

protected:
    // The seats packed as the console reads them.
    LicenseStore::LoadParts parts() const override { return CliSession::serversOnly(); }
    bool readsReportFiles() const override { return true; }
    ExitCode report(CliSession &session, const LicenseSnapshot &snapshot, const QString &format,
        const QCommandLineParser &) override
    {
        const bool json = format == QLatin1String("json");
        CompactLicenseRows seats;
        if (!session.packedSeats(snapshot, &seats)) {
            return ExitCode::Failure;
        }
        const OrganizationBreakdown breakdown = OrganizationBreakdown::compute(seats);
        if (json) {
            QJsonArray organizations;
            for (const OrganizationBreakdown::Organization &org : breakdown.organizations) {
                organizations.append(QJsonObject{
                    {QStringLiteral("name"), org.name},
                    {QStringLiteral("members"), org.members},
                    {QStringLiteral("owners"), org.owners},
                    {QStringLiteral("pending_invites"), org.pendingInvites},
                    {QStringLiteral("without_two_factor"), org.withoutTwoFactor},
                });
            }
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("organizations"), organizations},
                {QStringLiteral("seats_consumed"), snapshot.licenses.totalSeatsConsumed},
                {QStringLiteral("seats_without_organization"), breakdown.seatsWithoutOrganization},
            }));
            return ExitCode::Ok;
        }
        const QLocale locale;
        if (breakdown.organizations.isEmpty()) {
            CliOutput::out(i18nc("@info:shell", "No seat belongs to a github.com organization."));
        }
        for (const OrganizationBreakdown::Organization &org : breakdown.organizations) {
            CliOutput::out(i18nc("@info:shell %1 organization, %2 members, %3 owners, %4 invitations, %5 without 2FA",
                "%1: members %2, owners %3, pending invitations %4, without 2FA %5", org.name,
                locale.toString(org.members), locale.toString(org.owners), locale.toString(org.pendingInvites),
                locale.toString(org.withoutTwoFactor)));
        }
        CliOutput::out(i18ncp("@info:shell",
            "%1 seat belongs to no organization (Enterprise Server only, or enterprise roles only).",
            "%1 seats belong to no organization (Enterprise Server only, or enterprise roles only).",
            breakdown.seatsWithoutOrganization));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeOrganizationsCommand()
{
    return std::make_unique<OrganizationsCommand>();
}
} // namespace Glc
