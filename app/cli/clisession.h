// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "cli/exitcode.h"
#include "licensing/licensevalues.h"
#include "storage/licensestore.h"
#include "workflows/workflowcontext.h"

#include <QCommandLineOption>
#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <memory>

class QCommandLineParser;

namespace Glc {
namespace CliToken {
struct Missing;
}

class LabHost;
class WorkflowJob;

/// What one ghe-license invocation works with: the store, the chosen connection (the built-in lab,
/// started in-process, when none is configured), its token, and a runner for workflow jobs.
class CliSession : public QObject
{
    Q_OBJECT
public:
    /// Name of the built-in lab connection (also accepted by --connection).
    static QString builtInLabName();
    /// Seed of the in-process lab: every invocation generates the same enterprise.
    static constexpr quint32 BuiltInLabSeed = 1;

    CliSession(const QString &storeLocation, const QString &connectionName, QObject *parent = nullptr);
    ~CliSession() override;

    /// Opens the store; prints the error and returns Failure when it cannot.
    ExitCode openStore();
    LicenseStore &store() { return m_store; }
    QString storeLocation() const { return m_storeLocation; }

    /// The connection prepareConnection() chooses (a name or id; empty: the default one).
    void setConnectionName(const QString &name) { m_connectionName = name; }
    /// Chooses the connection from the store and --connection, without the network: no lab is started, no
    /// token looked up. Enough for what reads the store only.
    ExitCode chooseConnection();
    /// Chooses the connection, starts the in-process lab when needed, finds the token. No token: prints why and
    /// fails, or, with `missingToken`, fills it in and returns Ok with the context's token empty.
    ExitCode prepareConnection(CliToken::Missing *missingToken = nullptr);
    const WorkflowContext &context() const { return m_context; }
    /// context() with the stored Server connections as its linked servers (not for a Server connection): a
    /// refresh reads the servers the enterprise names through them, Sync now and export open their pages.
    WorkflowContext contextWithLinkedServers();
    const Connection &connection() const { return m_context.connection; }
    bool usesBuiltInLab() const { return m_lab != nullptr; }
    /// The upload interval set in the console for this connection (Upload Interval…) into `days`, left as it is
    /// when none is set; prints the store's error and returns Failure when it cannot be read.
    ExitCode readUploadDays(int *days);
    /// "Now" for the connection's dates (last syncs, staleness): this machine's clock, except for a
    /// lab connection, whose dates are in lab time: its clock may have been moved on
    /// (POST /_lab/clock/advance), so they are judged by the lab's clock. Valid after prepareConnection().
    QDateTime now() const;

    /// How long an assisted action waits for the administrator (--timeout); default 15 minutes.
    void setAssistTimeout(int seconds) { m_context.assistTimeoutMs = seconds * 1000; }
    /// --timeout SECONDS of the commands that can --wait.
    static QCommandLineOption timeoutOption();
    /// Applies --timeout when given; prints the error and returns Usage when it is not a positive number.
    ExitCode applyTimeoutOption(const QCommandLineParser &parser, const QString &command);
    /// --concurrency: requests to GitHub at once (1..GitHubClientOptions::MaxConcurrency, checked by the caller).
    void setConcurrency(int n) { m_context.clientOptions.concurrency = n; }

    enum class Assist : qint8 {
        Stop, ///< print the page and steps, cancel, return AssistNeeded
        Wait, ///< print them and wait for the job's own confirmation
    };
    /// Runs `job` on this thread until it finishes: progress line on a terminal, assisted steps on
    /// stdout, the job's error and next step on stderr.
    ExitCode runJob(WorkflowJob &job, Assist assist);
    /// Pulls a new snapshot (RefreshJob).
    ExitCode refresh(LicenseSnapshot *snapshot = nullptr);
    /// The connection's latest snapshot; refreshes first when `refreshFirst` or when there is none.
    /// `parts`: what of a stored snapshot is read (a new one is whole).
    ExitCode latestSnapshot(
        LicenseSnapshot *snapshot, bool refreshFirst, const LicenseStore::LoadParts &parts = LicenseStore::LoadParts{});
    /// The seats of the license report file @p path (LicenseReportReader) as a snapshot that is not stored.
    ExitCode fileSnapshot(const QString &path, LicenseSnapshot *snapshot);
    /// The connection's newest stored snapshot; @p found false when it has none. Failure after printing the
    /// store's error.
    ExitCode storedSnapshot(LicenseSnapshot *snapshot, const LicenseStore::LoadParts &parts, bool *found);
    /// For the report commands: the newest stored snapshot, read without the network; when there is none, or
    /// with --refresh, prepares the connection and takes a new one.
    ExitCode reportSnapshot(const QCommandLineParser &parser, LicenseSnapshot *snapshot,
        const LicenseStore::LoadParts &parts = LicenseStore::LoadParts{});
    /// What a report without the seats reads: the summary, the servers' sync status and licenses.
    static LicenseStore::LoadParts serversOnly();
    /// The snapshot's seats packed (CompactLicenseRows): a new snapshot's own, else read from the
    /// store as the console reads them. False after printing the store's error.
    bool packedSeats(const LicenseSnapshot &snapshot, CompactLicenseRows *rows);
    /// Every stored snapshot of the snapshot's connection, oldest first (the history and the forecast's points).
    /// False after printing the store's error.
    bool snapshotHistory(const LicenseSnapshot &snapshot, QList<SnapshotSummary> *history);
    /// The profile names of the snapshot's server accounts (CountedTwiceAnalyzer::serverProfileNames()):
    /// from its accounts when it has them (a new snapshot), else from the store without reading the
    /// accounts. Empty when the store fails (the analysis then pairs by e-mail alone).
    QHash<QString, QString> serverProfileNames(const LicenseSnapshot &snapshot);

private:
    ExitCode startBuiltInLab();
    void probeLabActions();

    QString m_storeLocation;
    QString m_connectionName;
    LicenseStore m_store;
    WorkflowContext m_context;
    std::unique_ptr<LabHost> m_lab;
    bool m_inProcessLab = false; ///< the chosen connection is the in-process lab
    bool m_labNoteShown = false; ///< the note that no connection is configured was printed
    qint64 m_labClockOffsetSecs = 0; ///< the lab clock minus this machine's clock
};
} // namespace Glc
