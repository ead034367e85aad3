// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "cli/exitcode.h"
#include "cli/snapshotjson.h"
#include "storage/licensestore.h"

#include <QCommandLineParser>
#include <QString>

#include <memory>
#include <vector>

namespace Glc {
class CliSession;
struct LicenseSnapshot;

/// One `ghe-license COMMAND`: its name, help and options, and what it does. main() parses the
/// global options, picks the command, gives it its own QCommandLineParser and a CliSession.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    /// One translated line for `ghe-license --help`.
    virtual QString summary() const = 0;
    /// More translated text for `ghe-license COMMAND --help`, after the summary (may be empty).
    virtual QString details() const { return {}; }
    /// Positional arguments as shown in the usage line, e.g. "SERVER|--all".
    virtual QString syntax() const { return {}; }
    virtual void addOptions(QCommandLineParser &parser) = 0;
    /// Runs with a parsed command line; errors already printed on stderr when not Ok.
    virtual ExitCode run(CliSession &session, const QCommandLineParser &parser) = 0;
    /// Commands that never touch a store or a connection (lab) return false.
    virtual bool needsSession() const { return true; }
};

/// A report over the connection's latest snapshot (a new one with --refresh), as text or JSON
/// (--format): the options, the format check and the snapshot are done here, the report in report().
class ReportCommand : public CliCommand
{
public:
    void addOptions(QCommandLineParser &parser) override;
    ExitCode run(CliSession &session, const QCommandLineParser &parser) final;

protected:
    /// `format`: one of formats(), checked.
    virtual ExitCode report(CliSession &session, const LicenseSnapshot &snapshot, const QString &format,
        const QCommandLineParser &parser) = 0;
    /// What keeps the report from being made, found before the snapshot is read: a message and the exit code
    /// (ExitCode::Usage for options that do not go together).
    virtual ExitCode checkOptions(const QCommandLineParser &, const QString & /*format*/) const { return ExitCode::Ok; }
    /// The values --format takes.
    virtual SnapshotJson::Formats formats() const { return SnapshotJson::Formats::TextOrJson; }
    /// What of the stored snapshot the report reads (all of it by default).
    virtual LicenseStore::LoadParts parts() const { return LicenseStore::LoadParts{}; }
    /// The report can be made from a license report file (--file) as well: it needs the seats only.
    virtual bool readsReportFiles() const { return false; }
};

/// A list of what the store keeps for the connection (sync-history, usage-files), one server's or all,
/// as text or JSON: --server, --format and the connection are handled here, the list in list().
class StoreListCommand : public CliCommand
{
public:
    void addOptions(QCommandLineParser &parser) final;
    ExitCode run(CliSession &session, const QCommandLineParser &parser) final;

protected:
    /// The help of --server ("Only this server's syncs …").
    virtual QString serverHelp() const = 0;
    /// `server`: the --server value (empty: all); `json`: --format json.
    virtual ExitCode list(CliSession &session, const QString &server, bool json) = 0;
};

/// Every command, in the order `ghe-license --help` lists them.
std::vector<std::unique_ptr<CliCommand>> cliCommands();

std::unique_ptr<CliCommand> makeConnectionsCommand();
std::unique_ptr<CliCommand> makeRefreshCommand();
std::unique_ptr<CliCommand> makeStatusCommand();
std::unique_ptr<CliCommand> makeSummaryCommand();
std::unique_ptr<CliCommand> makeAttentionCommand();
std::unique_ptr<CliCommand> makeUsersCommand();
std::unique_ptr<CliCommand> makeCountedTwiceCommand();
std::unique_ptr<CliCommand> makeChangesCommand();
std::unique_ptr<CliCommand> makeOrganizationsCommand();
std::unique_ptr<CliCommand> makeSyncNowCommand();
std::unique_ptr<CliCommand> makeSyncHistoryCommand();
std::unique_ptr<CliCommand> makeUsageFilesCommand();
std::unique_ptr<CliCommand> makeExportCommand();
std::unique_ptr<CliCommand> makeAddServerUsageCommand();
std::unique_ptr<CliCommand> makeLabCommand();
std::unique_ptr<CliCommand> makeCheckCommand();
std::unique_ptr<CliCommand> makeRetentionCommand();
} // namespace Glc
