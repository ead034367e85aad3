// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "capability.h"

#include <KLocalizedString>

namespace Glc {
Capability Capability::of(Action action, const WorkflowContext &context)
{
    const Connection &connection = context.connection;
    const bool server = connection.kind == Connection::Kind::Server;
    switch (action) {
    case Action::SyncNow:
        if (server) {
            return {Kind::Unavailable,
                i18nc("@info capability",
                    "Unavailable on a GitHub Enterprise Server connection: a sync's result is only visible in GitHub "
                    "Enterprise Cloud. Add a GitHub Enterprise Cloud connection for the enterprise, or click Sync now "
                    "on the server's License page yourself.")};
        }
        if (context.labActions) {
            return {Kind::Automatic, i18nc("@info capability", "Automatic: the license lab runs the sync.")};
        }
        return {Kind::Assisted,
            i18nc("@info capability",
                "Assisted: GitHub has no API to start a sync. The console opens the server's License page, you click "
                "Sync now there, and the console confirms the new sync by itself.")};
    case Action::ExportUsage:
        if (context.labActions) {
            return {Kind::Automatic, i18nc("@info capability", "Automatic: the license lab writes the export.")};
        }
        if (server && connection.adminShell.enabled) {
            return {Kind::Automatic,
                i18nc("@info capability, %1 port, %2 user, %3 host",
                    "Automatic over the admin shell: ssh -p %1 %2@%3 prints the license usage.",
                    QString::number(connection.adminShell.port), connection.adminShell.user, connection.serverHost)};
        }
        return {Kind::Assisted,
            server ? i18nc("@info capability",
                         "Assisted: GitHub has no API to export license usage. The console opens the server's License "
                         "page, you click Export license usage there, then pick the downloaded file. Turn on "
                         "admin-shell access in the connection to export automatically.")
                   : i18nc("@info capability",
                         "Assisted: GitHub has no API to export license usage. The console opens the server's License "
                         "page, you click Export license usage there, then pick the downloaded file.")};
    case Action::AddServerUsage:
        if (server) {
            return {Kind::Unavailable,
                i18nc("@info capability",
                    "Unavailable on a GitHub Enterprise Server connection: server usage is added in GitHub Enterprise "
                    "Cloud. Use a GitHub Enterprise Cloud connection for the enterprise.")};
        }
        if (context.labActions) {
            return {Kind::Automatic,
                i18nc("@info capability", "Automatic: the license lab takes each upload and processes it.")};
        }
        return {Kind::Assisted,
            i18nc("@info capability",
                "Assisted: GitHub has no API to add server usage. The console opens the enterprise's License page, you "
                "upload the file there, and the console confirms the upload by itself.")};
    }
    return {};
}
} // namespace Glc
