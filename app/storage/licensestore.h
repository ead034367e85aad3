// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/connection.h"
#include "licensing/licensevalues.h"
#include "storage/storeerror.h"
#include "storage/storerecords.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace Glc {
/// The console's memory: connections, snapshots, sync history, usage files and settings in SQLite
/// (default) or PostgreSQL. One instance per thread: each owns a uniquely named QSqlDatabase
/// connection. Every method returns errors as values; nothing here touches widgets or the network.
class LicenseStore
{
public:
    enum class Backend : qint8 {
        None,
        Sqlite,
        PostgreSql,
    };

    struct OpenOptions
    {
        int busyTimeoutMs = 5000; ///< how long to wait for another console's lock (SQLite; PostgreSQL lock_timeout)
        int migrateTo = -1; ///< -1: the latest schema; tests create older schemas with it
        /// Snapshot rows travel as text: on SQLite bound as UTF-8 through SQLite's own API, on
        /// PostgreSQL by COPY, else arrays (see postgresCopy). false: bound multi-row VALUES through
        /// QtSql, on either; tests compare the ways.
        bool textBatches = true;
        /// PostgreSQL with textBatches: rows streamed by COPY through libpq when it can reach the
        /// driver's connection; false, or when it cannot: one array per column per 5000 rows.
        bool postgresCopy = true;
        /// Tests only: the step to this schema version fails after its statements ran, as a broken
        /// migration would; 0: none fails.
        int failingMigrationForTests = 0;
        /// Tests only: runs after the schema version was read and before the migration's transaction, where
        /// another console may migrate the same database (to a newer version, even).
        std::function<void()> beforeMigrationForTests;
    };

    /// Returns true to stop a long write; checked between batches.
    using CancelCheck = std::function<bool()>;

    LicenseStore();
    ~LicenseStore();
    LicenseStore(const LicenseStore &) = delete;
    LicenseStore &operator=(const LicenseStore &) = delete;

    /// `<AppDataLocation>/ghe-license-console.sqlite`
    static QString defaultLocation();
    static int latestSchemaVersion();

    /// `location`: a file path (SQLite, created when missing) or `postgresql://user[:pw]@host[:port]/db`.
    StoreError open(const QString &location, const OpenOptions &options);
    StoreError open(const QString &location) { return open(location, OpenOptions{}); }
    void close();
    bool isOpen() const;
    Backend backend() const { return m_backend; }
    int schemaVersion() const { return m_schemaVersion; }
    /// The underlying connection's name (for tests and maintenance queries on this thread).
    QString connectionName() const { return m_connectionName; }

    // Connections (never a secret: tokens live in the keychain).
    StoreError saveConnection(const Connection &connection);
    StoreResult<QList<Connection>> connections();
    /// Removes the connection with its snapshots and history.
    StoreError removeConnection(const QString &id);

    /// Writes a whole snapshot (rows, sync status, server licenses, installations) in one
    /// transaction; on error or cancel nothing is written. Returns the new snapshot id.
    StoreResult<qint64> writeSnapshot(const LicenseSnapshot &snapshot, const CancelCheck &cancel = {});
    StoreResult<QList<SnapshotSummary>> snapshots(const QString &connectionId);
    StoreResult<std::optional<SnapshotSummary>> latestSnapshot(const QString &connectionId);
    /// What loadSnapshot() reads besides the summary, sync status, server licenses and installations.
    struct LoadParts
    {
        bool users = true; ///< the consumed-license rows (see loadConsumedLicenses())
        bool userAccounts = true; ///< each installation's GHES user accounts (large: one JSON text per server)
        /// false: the accounts carry only login, remote user id and profile name (what the License
        /// page needs), read without their e-mails and dates - about twice as fast.
        bool accountDetails = true;
        /// true: each server's newest sync status, also one recorded after the snapshot (Sync now,
        /// recordSyncStatus()); false: the status each server had when the snapshot was taken.
        bool newestSyncStatus = false;
    };
    StoreResult<LicenseSnapshot> loadSnapshot(qint64 snapshotId, const LoadParts &parts);
    StoreResult<LicenseSnapshot> loadSnapshot(qint64 snapshotId) { return loadSnapshot(snapshotId, LoadParts{}); }
    /// Only the consumed-license rows, in their order.
    StoreResult<QList<ConsumedLicense>> loadConsumedLicenses(qint64 snapshotId);
    /// The same rows packed as they are read, one at a time: no list of them is ever held (300k
    /// seats take about 47 MB this way against some 300 MB as a list). The path of the License page.
    StoreResult<CompactLicenseRows> loadCompactLicenses(qint64 snapshotId);
    /// The profile names of the snapshot's server accounts, "host:remote user id" -> name (what
    /// CountedTwiceAnalyzer::serverProfileNames() makes of its installations), without reading the
    /// accounts themselves: the License page's need of them.
    StoreResult<QHash<QString, QString>> loadServerProfileNames(qint64 snapshotId);
    StoreError removeSnapshot(qint64 snapshotId);
    /// The snapshots `policy` no longer keeps (the newest always stays), oldest first.
    StoreResult<QList<qint64>> snapshotsBeyondRetention(
        const QString &connectionId, const RetentionPolicy &policy, const QDateTime &now);
    /// The same rule over one connection's snapshots, oldest first (as snapshots() gives them).
    static QList<qint64> beyondRetention(
        const QList<SnapshotSummary> &snapshots, const RetentionPolicy &policy, const QDateTime &now);
    /// What the database takes on disk: SQLite's file with its write-ahead log, PostgreSQL's
    /// pg_database_size().
    StoreResult<qint64> databaseSize();
    /// The part of databaseSize() that removed snapshots left unused: SQLite keeps such pages in its
    /// file for later snapshots until compact(). -1 on PostgreSQL, whose server makes the space of
    /// removed rows reusable by itself (autovacuum) and has no figure to offer here.
    StoreResult<qint64> unusedSize();
    /// Gives the unused space back to the file system: SQLite rewrites its file without it (VACUUM,
    /// which reads and writes what is kept once and needs that much free space for a while) and
    /// empties its write-ahead log. Another console writing meanwhile waits, as for a refresh. `cancel`
    /// stops it within a moment, the file as it was. Nothing to do on PostgreSQL.
    StoreError compact(const CancelCheck &cancel = {});
    /// Removes old snapshots by `policy` (newest kept always), each in a transaction of its own, oldest
    /// first; returns how many were removed.
    StoreResult<int> applyRetention(const QString &connectionId, const RetentionPolicy &policy, const QDateTime &now);

    /// Sync-status history of a connection, oldest first; `serverId` empty: all servers.
    /// Records sync states learned outside a refresh (Sync now); unchanged states are not repeated.
    StoreError recordSyncStatus(
        const QString &connectionId, const QList<LicenseSyncStatus> &statuses, const QDateTime &when);
    StoreResult<QList<SyncStatusRecord>> syncStatusHistory(const QString &connectionId, const QString &serverId = {});

    StoreResult<qint64> addUsageFile(const UsageFileRecord &record);
    StoreError setUploadState(
        qint64 usageFileId, UploadSyncState state, const QDateTime &when, const QString &outcome = {});
    /// Newest first; `connectionId` empty: all.
    StoreResult<QList<UsageFileRecord>> usageFiles(const QString &connectionId = {});

    StoreError setSetting(const QString &key, const QString &value);
    StoreResult<std::optional<QString>> setting(const QString &key);

    /// How often the connection's servers without GitHub Connect are to have their usage added, in days, as
    /// the admin set it (within LicenseCadence's bounds); nullopt when never set (LicenseCadence::Days applies).
    StoreResult<std::optional<int>> uploadDays(const QString &connectionId);
    StoreError setUploadDays(const QString &connectionId, int days);

    /// The retention setting applied after every refresh (both limits 0 when never set: keep all).
    StoreResult<RetentionPolicy> retentionPolicy();
    StoreError setRetentionPolicy(const RetentionPolicy &policy);

private:
    /// The schema version that keeps installation_profile_names.
    static constexpr int ProfileNamesVersion = 3;
    /// The schema version that keeps snapshot_servers.
    static constexpr int SnapshotServersVersion = 4;
    QSqlDatabase database() const;
    /// libpq connection parameters from a postgresql:// URL's query.
    static QString postgresConnectOptions(const QUrl &url);
    StoreError migrate(int target, int failingStep);
    StoreResult<int> readSchemaVersion();
    /// Puts an SQLite database in WAL mode, waiting up to `busyTimeoutMs` while another console holds it.
    StoreError enableWal(int busyTimeoutMs);
    StoreError queryError(const QSqlQuery &query) const;
    /// The location as messages show it: a postgresql:// URL without its password.
    static QString shownLocation(const QString &location);
    /// Refusing a database a newer console wrote (schema `found`): it stays as it is.
    StoreError newerSchemaError(int found) const;
    /// The error for a driver's native code and text (busy or locked: Code::Locked).
    StoreError driverError(const QString &native, const QString &text) const;
    StoreError exec(const QString &sql);
    StoreError beginTransaction();
    /// Streams the rows of a snapshot in order: `row` gets each one (the same object refilled, so
    /// it may move from it) after `expected` got the stored row count (a hint for reserving).
    StoreError readConsumedLicenses(qint64 snapshotId, const std::function<void(qsizetype)> &expected,
        const std::function<void(ConsumedLicense &)> &row);
    StoreError writeRows(qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel);
    StoreError writeRowsValues(qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel);
    StoreError writeRowsPostgres(qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel);
    StoreError writeSyncStatus(qint64 snapshotId, const QString &connectionId, const QList<LicenseSyncStatus> &statuses,
        const QDateTime &when);

    QString m_connectionName;
    Backend m_backend = Backend::None;
    int m_schemaVersion = 0;
    QString m_location;
    bool m_textBatches = true;
    bool m_postgresCopy = true;
    int m_busyTimeoutMs = 5000;
};
} // namespace Glc
