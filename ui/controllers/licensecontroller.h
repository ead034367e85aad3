// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"
#include "licensing/licensereportwriter.h"
#include "workflows/pagedatajob.h"
#include "workflows/refreshjob.h"
#include "workflows/workflowcontext.h"

#include <QObject>
#include <QPointer>

#include <functional>

class DownloadReportCommand;
class LicensePage;
class LicenseTableController;
class SaveSummaryCommand;
class QTableView;

namespace Glc {
class ConsumedLicensesFilterModel;
class ConsumedLicensesModel;
class HistoryModel;
class SyncHistoryModel;
class UsageFilesModel;
class JobRunner;
class LabHost;
class WorkflowJob;
} // namespace Glc

/// Drives the License page: the active connection (the built-in lab by default), refresh, the models
/// behind the table, and the data of every card. All work runs as jobs in Glc::JobRunner's thread.
class LicenseController : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString storeLocation; ///< empty: the default SQLite file
        Glc::LabConfig labConfig; ///< the built-in lab
        bool refreshWhenEmpty = true; ///< first start: take a snapshot at once
        /// A first start on the built-in lab also takes the lab's enterprise as it was each week over
        /// this many weeks (Glc::LabHistoryJob), so the history chart and its forecast have data at
        /// once; fewer for a large lab (historyRowBudget seats in all).
        int historyWeeks = 12;
        /// Requests to GitHub (and the lab) at once: the command line's --concurrency, else the
        /// settings' Network/concurrency, else GitHubClientOptions::DefaultConcurrency.
        int concurrency = Glc::GitHubClientOptions::DefaultConcurrency;
    };
    /// Seats a first start's history may take in all (it is taken once; a large lab gets fewer weeks).
    static constexpr int historyRowBudget = 120000;
    /// The weeks of history a first start on `config` takes with `options`.
    static int firstStartHistoryWeeks(const Options &options);

    LicenseController(LicensePage *page, const Options &options, QObject *parent = nullptr);
    ~LicenseController() override;

    /// Opens the last connection (its id in the settings, the connection itself read from the store in
    /// the worker thread; the built-in lab when there is none, or the store no longer has it) and loads
    /// its stored data. Settings of older versions (`Connection/*`) are moved into the store once. The
    /// built-in lab starts in its own thread once the stored rows are read, or when something needs it
    /// first: refresh and actions wait for the connection and the lab (whenReady()). Returns true.
    bool start();

    /// Runs `function` once the active connection can be used: at once, or after the built-in lab
    /// started when the active connection is the lab. Dropped when `receiver` is gone by then or the
    /// lab failed to start (the page says why).
    void whenReady(QObject *receiver, const std::function<void()> &function);
    /// Like whenReady(), for any use of the built-in lab (e.g. testing the lab connection); `failed`
    /// (optional) hears why the lab could not start.
    void whenLabReady(QObject *receiver, const std::function<void()> &function,
        const std::function<void(const QString &error)> &failed = {});
    /// The connection is the in-process lab (it has to run before it can be used).
    static bool usesBuiltInLab(const Glc::Connection &connection);

    /// Makes `connection` the active one and refreshes. It is saved in the store (where `ghe-license`
    /// finds it too; in the worker thread), and only its id in the settings, so the next start opens it
    /// again; connectionSaved() tells the outcome. A non-empty token is saved in the keychain; otherwise
    /// it comes from the environment or the keychain. The built-in lab needs no token and is not stored.
    void setConnection(const Glc::Connection &connection, const QString &token = {});
    /// Makes `connection` (one of storedConnections(), or the built-in lab: an empty Lab connection)
    /// the active one and shows what is stored for it; no refresh (F5 takes one). A refresh still
    /// running for the previous connection is cancelled. The next start opens it again.
    void switchConnection(const Glc::Connection &connection);
    /// Removes a stored connection with its snapshots and history, and its token from the keychain (in
    /// the worker thread); the built-in lab becomes the active connection when it was the active one.
    /// connectionRemoved() tells the outcome.
    void removeConnection(const Glc::Connection &connection);
    /// Every connection in the store (read at start and after each save), by name. The built-in lab
    /// is not among them.
    const QList<Glc::Connection> &storedConnections() const { return m_storedConnections; }
    /// Asks the keychain whether a token is stored for `connection` and tells `function` (not for the
    /// built-in lab, which needs none); dropped when `receiver` is gone by then.
    void whenTokenStoredKnown(
        const Glc::Connection &connection, QObject *receiver, const std::function<void(bool stored)> &function);
    /// A context for `connection` as it would be used (lab URL and token filled in for the lab). The
    /// token is `token`, else the environment's; see resolveContext() for the keychain's.
    Glc::WorkflowContext contextFor(const Glc::Connection &connection, const QString &token) const;
    /// contextFor(), with the token of the keychain (read asynchronously) when neither `token` nor the
    /// environment has one. `ready` gets the context (its token empty when none was found) and the
    /// keychain's error, if any; it is dropped when `receiver` is gone by then.
    void resolveContext(const Glc::Connection &connection, const QString &token, QObject *receiver,
        const std::function<void(const Glc::WorkflowContext &context, const QString &keychainError)> &ready) const;
    /// The active connection as chosen (the built-in lab: an empty Lab connection, without its URL).
    const Glc::Connection &connection() const { return m_connection; }

    /// What a job of the active connection needs, with the stored Server connections as its linked servers
    /// (a Cloud or lab refresh reads the servers through them, Sync now and export open their pages).
    Glc::WorkflowContext context() const;
    Glc::JobRunner *runner() const { return m_runner; }
    Glc::LabHost *labHost() const { return m_lab; }
    /// What the page shows. The seats themselves live in licensesModel() (compactly); data()'s
    /// snapshot keeps their totals, not the list.
    const Glc::PageData &data() const { return m_data; }
    QStringList serverHosts() const;
    /// The servers that sync through GitHub Connect (GitHub's license sync status lists them): the ones
    /// Sync now can reach. An offline server is among serverHosts() only.
    QStringList syncHosts() const;
    /// The servers whose license usage can be exported: serverHosts(), and on a GitHub Enterprise
    /// Server connection that server itself (its snapshot has no sync status or installations).
    QStringList exportHosts() const;
    QTableView *table() const;
    Glc::ConsumedLicensesModel *licensesModel() const;
    /// Seats per stored snapshot of the connection: what the history chart draws.
    Glc::HistoryModel *historyModel() const { return m_history; }
    /// The usage files exported and uploaded on the connection (View > Usage Files).
    Glc::UsageFilesModel *usageFilesModel() const { return m_usageFiles; }
    Glc::SyncHistoryModel *syncHistoryModel() const { return m_syncHistory; }
    Glc::ConsumedLicensesFilterModel *filterModel() const;
    /// What to do without a token for `connection`: File > Connection… in the menu's translated words, or the
    /// variable the environment would give it (GLC_LAB_TOKEN for a lab on another host, else GH_TOKEN).
    static QString tokenHint(const Glc::Connection &connection);
    /// File > Save Summary.
    SaveSummaryCommand *summaryCommand() const { return m_summary; }
    bool isRefreshing() const { return m_refresh != nullptr || m_refreshQueued; }

    /// Stores how often the connection's servers without GitHub Connect are to have their usage added
    /// (off the interface thread); the instances card judges their uploads by it at once. An error shows on
    /// the page.
    void setUploadDays(int days);

public Q_SLOTS:
    void refresh();
    void cancelRefresh();
    void reload();
    /// Download report (DownloadReportCommand): asks for a file and its kind, then writeReport().
    void downloadReport();
    /// Writes the table's rows (filtered and sorted as shown) as CSV or JSON in the worker thread; an
    /// error appears inline on the page, success in the status bar.
    void writeReport(const QString &path, Glc::LicenseReportWriter::Format format, bool utf8Bom = true);

Q_SIGNALS:
    /// New page data is shown.
    void dataLoaded();
    void refreshFinished(bool success);
    void syncRequested(const QString &host);
    /// Export license usage, of @p host when given.
    void exportRequested(const QString &host);
    void addServerUsageRequested();
    void statusMessage(const QString &text);
    /// setConnection()'s connection was saved in the store (or not: the page says why).
    void connectionSaved(bool success);
    /// storedConnections() was read again.
    void connectionsListed();
    /// removeConnection() finished (or not: the page says why).
    void connectionRemoved(bool success);
    /// A report written by writeReport() (or not: the page shows why).
    void reportFinished(bool success, const QString &path);

private:
    /// Reads storedConnections() in the worker thread.
    void listConnections();
    void setStoredConnections(QList<Glc::Connection> connections);
    /// The built-in lab's past weeks, when a first start was closed before they were in.
    void takeLabPastIfMissing(const Glc::PageData &data);
    /// reload(), then `done` once the page shows the data (or the load failed).
    void reloadThen(const std::function<void()> &done);
    /// "Now" for the servers' dates: this machine's clock, or the built-in lab's clock.
    std::function<QDateTime()> serverClock() const;
    /// How far the server's clock (the built-in lab's, moved on) is ahead of this computer's, in seconds.
    qint64 serverClockOffset() const;
    /// The Needs attention card from the page data, the instances card's servers and the upload interval.
    void updateAttention();
    void activate(const Glc::Connection &connection, const QString &token);
    /// The connection start() found (read from the store), made active: runs what waited for it.
    void activateLoaded(const Glc::Connection &connection, const QString &token = {});
    /// Stores `connection` in the worker thread (the built-in lab: nothing), then its id in the settings.
    void saveConnection(const Glc::Connection &connection);
    /// A context with only the store (for jobs that need no connection).
    Glc::WorkflowContext storeContext() const;
    /// Runs a Glc::RefreshJob of the active connection; a Cloud or lab refresh reads the servers it names
    /// through the stored Server connections (the job asks for their tokens).
    void startRefresh();
    /// The first start's history (Glc::LabHistoryJob), then startRefresh().
    void startHistory(int weeks, const QDateTime &present);
    /// The keychain answered (or was not asked): what waited for the token runs now.
    void tokenKnown();
    /// The page is no longer busy; a connection set while the refresh ran is refreshed now.
    void refreshEnded(bool success);
    /// A refresh that did not succeed: the page says why (nothing when cancelled).
    void refreshFailed(Glc::WorkflowJob *job);
    /// Starts the built-in lab when the active connection is the lab and it is not started yet.
    void startLab();
    void labStarted();
    void labFailed(const QString &error);
    void apply(const Glc::PageData &data);

    LicensePage *const m_page;
    Options m_options;
    Glc::JobRunner *const m_runner;
    Glc::LabHost *const m_lab;
    LicenseTableController *const m_seats; ///< the consumed-licenses table
    DownloadReportCommand *const m_report;
    SaveSummaryCommand *const m_summary;
    Glc::HistoryModel *const m_history;
    Glc::UsageFilesModel *const m_usageFiles;
    Glc::SyncHistoryModel *const m_syncHistory;
    Glc::Connection m_connection; ///< the active one, as chosen (for the lab: without its URL)
    QList<Glc::Connection> m_storedConnections;
    Glc::WorkflowContext m_context;
    Glc::PageData m_data;
    QPointer<Glc::WorkflowJob> m_refresh; ///< the running refresh (or the first start's history before it)
    bool m_refreshWhenDone = false; ///< a connection set while a refresh ran: refreshed once that one has ended
    QPointer<Glc::WorkflowJob> m_pageData; ///< the newest page load, cancelled when the console closes
    bool m_refreshQueued = false; ///< waiting for the lab, for start() to read the connection, or for the token
    bool m_pastTried = false; ///< the lab's past was (being) taken in this run
    bool m_takeHistory = false; ///< the next refresh is a first start's: the lab's past weeks follow it
    bool m_connectionPending = false; ///< start() is reading the last connection from the store
    struct Waiting
    {
        QPointer<QObject> receiver;
        std::function<void()> function;
        std::function<void(const QString &)> failed;
    };
    /// Empties `list`, then hands each entry whose receiver is still there to `handle` (which may queue it anew).
    static void flush(QList<Waiting> &list, const std::function<void(const Waiting &)> &handle);
    QList<Waiting> m_waitingForLab;
    QList<Waiting> m_waitingForConnection; ///< whenReady() calls made while m_connectionPending
    /// The keychain is being asked for the connection's token (it may wait for an unlock prompt): a refresh
    /// or an action asked for meanwhile waits for the answer instead of running without the token.
    bool m_tokenPending = false;
    QList<Waiting> m_waitingForToken; ///< whenReady() calls made while m_tokenPending
};
