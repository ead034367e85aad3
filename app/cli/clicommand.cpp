// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clicommand.h"

namespace Glc {
std::vector<std::unique_ptr<CliCommand>> cliCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(makeConnectionsCommand());
    commands.push_back(makeRefreshCommand());
    commands.push_back(makeStatusCommand());
    commands.push_back(makeUsersCommand());
    commands.push_back(makeCountedTwiceCommand());
    commands.push_back(makeChangesCommand());
    commands.push_back(makeOrganizationsCommand());
    commands.push_back(makeSyncNowCommand());
    commands.push_back(makeExportCommand());
    commands.push_back(makeAddServerUsageCommand());
    commands.push_back(makeLabCommand());
    commands.push_back(makeCheckCommand());
    commands.push_back(makeRetentionCommand());
    return commands;
}
} // namespace Glc
