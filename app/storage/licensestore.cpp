// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensestore.h"

#include "glc_debug.h"
#include "libpqsupport.h"
#include "licensecolumns.h"
#include "licensing/hostorder.h"
#include "postgresarray.h"
#include "postgresrowreader.h"
#include "postgresrowwriter.h"
#include "serveraccountstext.h"
#include "sqliterowreader.h"
#include "sqliterowwriter.h"
#include "storeschema.h"
#include "storevalues.h"

#include <KLocalizedString>

#include <QAtomicInt>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <sqlite3.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Glc {
using namespace StoreValues;
using StoreSchema::Migration;
using StoreSchema::migrations;
namespace {
// Rows per multi-row INSERT: few statements (PostgreSQL round trips) while staying well under
// the parameter limits of both engines (SQLite 32766, PostgreSQL 65535).
constexpr int RowsPerStatement = 200;
constexpr int LicenseColumns = 20;

QAtomicInt s_connectionCounter;

// pg_advisory_xact_lock key serialising schema migrations ("glc-sch" in ASCII).
constexpr qint64 MigrationLockKey = 0x676c632d736368;

QString insertLicensesSql(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO consumed_licenses (snapshot_id, row_index, github_com_login, github_com_name, github_com_profile,"
        " github_com_saml_name_id, license_type, visual_studio_license_status, visual_studio_subscription_email,"
        " enterprise_server_user_ids, enterprise_server_emails, github_com_verified_domain_emails, "
        "github_com_member_roles,"
        " github_com_enterprise_roles, github_com_orgs_with_pending_invites, total_user_accounts, github_com_user,"
        " visual_studio_subscription_user, enterprise_server_user, github_com_two_factor_auth) VALUES ");
    const QString tuple = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sql.reserve(sql.size() + rows * (tuple.size() + 1));
    for (int i = 0; i < rows; ++i) {
        if (i > 0) {
            sql.append(QLatin1Char(','));
        }
        sql.append(tuple);
    }
    return sql;
}

// PostgreSQL: rows per INSERT ... SELECT FROM unnest(arrays). The rows travel as one array
// literal per column, so the only limits are the statement's size (about 1 MB here) and how often
// a cancel is noticed (every RowsPerStatement rows while the arrays are built).
constexpr int RowsPerArrayStatement = 5000;
constexpr int TextColumns = 13;
constexpr int NumberColumns = 5;

const char *const InsertLicensesUnnestSql =
    "INSERT INTO consumed_licenses (snapshot_id, row_index, github_com_login, github_com_name, github_com_profile,"
    " github_com_saml_name_id, license_type, visual_studio_license_status, visual_studio_subscription_email,"
    " enterprise_server_user_ids, enterprise_server_emails, github_com_verified_domain_emails,"
    " github_com_member_roles, github_com_enterprise_roles, github_com_orgs_with_pending_invites,"
    " total_user_accounts, github_com_user, visual_studio_subscription_user, enterprise_server_user,"
    " github_com_two_factor_auth)"
    " SELECT ?::bigint, ?::integer + (t.n - 1)::integer, t.c1, t.c2, t.c3, t.c4, t.c5, t.c6, t.c7, t.c8, t.c9, t.c10,"
    " t.c11, t.c12, t.c13, t.i1, t.i2, t.i3, t.i4, t.i5"
    " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
    " ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::integer[], ?::integer[])"
    " WITH ORDINALITY AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, i1, i2, i3, i4, i5, n)";

StoreError cancelledError()
{
    return StoreError{
        StoreError::Code::Cancelled, i18nc("@info", "The refresh was cancelled; the previous snapshot is kept."), {}};
}

StoreError notOpenError()
{
    return StoreError{StoreError::Code::NotOpen, i18nc("@info", "The license database is not open."), {}};
}

SnapshotSummary readSummary(const QSqlQuery &q)
{
    SnapshotSummary s;
    s.id = q.value(0).toLongLong();
    s.connectionId = q.value(1).toString();
    s.takenAt = toDate(q.value(2));
    s.source = q.value(3).toString();
    s.totalSeatsConsumed = q.value(4).toInt();
    s.totalSeatsPurchased = q.value(5).toInt();
    s.userCount = q.value(6).toInt();
    return s;
}

const char *const SummaryColumns =
    "id, connection_id, taken_at, source, total_seats_consumed, total_seats_purchased, user_count";

UsageFileRecord readUsageFile(const QSqlQuery &q)
{
    UsageFileRecord r;
    r.id = q.value(0).toLongLong();
    r.connectionId = q.value(1).toString();
    r.direction = q.value(2).toInt() == 1 ? UsageFileRecord::Direction::Uploaded : UsageFileRecord::Direction::Exported;
    r.fileName = q.value(3).toString();
    r.sha256 = q.value(4).toString();
    r.serverId = q.value(5).toString();
    r.hostName = q.value(6).toString();
    r.version = q.value(7).toString();
    r.size = q.value(8).toLongLong();
    r.time = toDate(q.value(9));
    r.outcome = q.value(10).toString();
    r.uploadState = static_cast<UploadSyncState>(qBound(0, q.value(11).toInt(), 3));
    r.uploadStateChangedAt = toDate(q.value(12));
    return r;
}
} // namespace

LicenseStore::LicenseStore() = default;

LicenseStore::~LicenseStore()
{
    close();
}

QString LicenseStore::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
        QStringLiteral("/ghe-license-console.sqlite");
}

int LicenseStore::latestSchemaVersion()
{
    return migrations().constLast().version;
}

QSqlDatabase LicenseStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LicenseStore::isOpen() const
{
    return m_backend != Backend::None && database().isOpen();
}

void LicenseStore::close()
{
    if (m_connectionName.isEmpty()) {
        return;
    }
    {
        QSqlDatabase db = database();
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_backend = Backend::None;
    m_schemaVersion = 0;
}

QString LicenseStore::postgresConnectOptions(const QUrl &url)
{
    // The URL's parameters (sslmode, sslrootcert, application_name, options=-c search_path=…) as libpq
    // connection parameters, each value quoted for libpq; a 10 s connect timeout unless the URL sets one.
    QStringList options;
    bool timeout = false;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        QString quoted = value;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options.append(QStringLiteral("%1='%2'").arg(key, quoted));
        timeout = timeout || key == QLatin1String("connect_timeout");
    }
    if (!timeout) {
        options.prepend(QStringLiteral("connect_timeout=10"));
    }
    return options.join(QLatin1Char(';'));
}

StoreError LicenseStore::open(const QString &location, const OpenOptions &options)
{
    close();
    m_location = location;
    m_textBatches = options.textBatches;
    m_postgresCopy = options.postgresCopy;
    m_busyTimeoutMs = options.busyTimeoutMs;
    const bool postgres =
        location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
    // Qt joins connect options at ';' - a value holding one could not be passed whole.
    const bool unpassable = postgres && QUrlQuery(QUrl(location)).query(QUrl::FullyDecoded).contains(QLatin1Char(';'));
    const QString shown = shownLocation(location);
    if (location.isEmpty() || (!postgres && location.contains(QLatin1String("://"))) || unpassable) {
        return StoreError{StoreError::Code::InvalidLocation,
            i18nc("@info", "“%1” is not a database location. Use a file path or a postgresql://user@host/database URL.",
                shown),
            {}};
    }
    // The location comes from a command line (--store), which every user of the machine reads in the process list
    // and the shell keeps in its history: a password there is refused, not used. libpq finds it where it belongs.
    if (postgres &&
        (!QUrl(location).password().isEmpty() || QUrlQuery(QUrl(location)).hasQueryItem(QStringLiteral("password")))) {
        return StoreError{StoreError::Code::InvalidLocation,
            i18nc("@info",
                "The database URL “%1” holds a password. Other users of this computer can read it in the process "
                "list, and the shell keeps it in its history; it was not used.",
                shown),
            i18nc("@info next step, keep the file and variable names",
                "Take the password out of the URL and put it into ~/.pgpass (or the file PGPASSFILE names), or into "
                "the environment variable PGPASSWORD.")};
    }
    m_connectionName = QStringLiteral("glc-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    StoreError openError;
    {
        // Scoped: close() removes the connection, which must not be in use by a handle here.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_connectionName);
        if (!db.isValid()) {
            const QString driver = postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
            openError = StoreError{StoreError::Code::OpenFailed,
                i18nc("@info", "The Qt database driver %1 is not installed. Install the Qt SQL plugin for it.", driver),
                {}};
        } else {
            if (postgres) {
                const QUrl url(location);
                db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName()); // the password: libpq's ~/.pgpass, PGPASSFILE or PGPASSWORD
                db.setDatabaseName(url.path().mid(1));
                db.setConnectOptions(postgresConnectOptions(url));
            } else {
                const QString path = location.startsWith(QLatin1String("sqlite:")) ? location.mid(7) : location;
                const QFileInfo info(path);
                QDir().mkpath(info.absolutePath());
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs));
            }
            if (!db.open()) {
                openError = StoreError{StoreError::Code::OpenFailed,
                    i18nc("@info",
                        "Could not open the license database “%1”. Check the location and that the database server is "
                        "running.",
                        shown),
                    db.lastError().text()};
            }
        }
    }
    if (openError) {
        close();
        return openError;
    }
    m_backend = postgres ? Backend::PostgreSql : Backend::Sqlite;

    if (m_backend == Backend::Sqlite) {
        // Connection-level settings; none of them writes to the file, so a refused newer
        // database stays byte-for-byte unchanged.
        if (auto e = exec(QStringLiteral("PRAGMA foreign_keys = ON")); e) {
            close();
            return e;
        }
    } else {
        // Keep the server's chatter about already existing objects out of the log.
        exec(QStringLiteral("SET client_min_messages TO WARNING"));
        // Wait for another console's row locks as long as SQLite waits for its file lock, then say
        // so clearly (55P03) instead of hanging.
        if (auto e = exec(QStringLiteral("SET lock_timeout = %1").arg(qMax(1, options.busyTimeoutMs))); e) {
            close();
            return e;
        }
    }

    const StoreResult<int> current = readSchemaVersion();
    if (!current.ok()) {
        StoreError e = current.error;
        close();
        return e;
    }
    if (current.value == 0 && m_backend == Backend::Sqlite) {
        // No schema of ours (not even one another console is creating now), but tables: another program's file,
        // which creating ours in would alter.
        QStringList tables = database().tables();
        tables.removeIf([](const QString &table) { return table.startsWith(QLatin1String("sqlite_")); });
        if (!tables.isEmpty() && !tables.contains(QLatin1String("schema_version"))) {
            close();
            return StoreError{StoreError::Code::InvalidLocation,
                i18nc("@info %1 file, %2 some of its tables",
                    "“%1” is a database of another program (it has tables such as %2, but none of GHE License "
                    "Console's). It was not changed. Choose another file, or a new one.",
                    shown, QLocale().createSeparatedList(tables.mid(0, 3))),
                {}};
        }
    }
    if (current.value > latestSchemaVersion()) {
        const StoreError newer = newerSchemaError(current.value);
        close();
        return newer;
    }
    if (m_backend == Backend::Sqlite) {
        // WAL lets readers continue while a refresh writes; NORMAL is durable enough with WAL.
        if (auto e = enableWal(options.busyTimeoutMs); e) {
            close();
            return e;
        }
        exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        // A snapshot of 300k seats passes through the write-ahead log (about 110 MB); without a limit the
        // log file keeps the size of the largest transaction until the last connection closes.
        exec(QStringLiteral("PRAGMA journal_size_limit = 67108864"));
    }
    const int target = options.migrateTo > 0 ? qMin(options.migrateTo, latestSchemaVersion()) : latestSchemaVersion();
    if (current.value >= target) {
        // Nothing to migrate: no write lock, so opening never waits behind another console's refresh.
        m_schemaVersion = current.value;
        return {};
    }
    if (options.beforeMigrationForTests) {
        options.beforeMigrationForTests();
    }
    if (auto e = migrate(target, options.failingMigrationForTests); e) {
        close();
        return e;
    }
    return {};
}

StoreError LicenseStore::enableWal(int busyTimeoutMs)
{
    // The mode is kept in the file: once one console has set it, the others only read it. Setting it
    // needs the database to itself, and SQLite answers "busy" at once, without its busy timeout, while
    // another console creates the same new database: so wait here as the timeout would.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        {
            QSqlQuery mode(database());
            if (mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next() &&
                mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0) {
                return {};
            }
        }
        StoreError e = exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!e || e.code != StoreError::Code::Locked || waited.elapsed() >= busyTimeoutMs) {
            return e;
        }
        QThread::msleep(20);
    }
}

StoreResult<int> LicenseStore::readSchemaVersion()
{
    QSqlDatabase db = database();
    if (m_backend == Backend::PostgreSql) {
        // In the schema the tables are created in (the first of the search path that exists, often one
        // named after the user): QSqlDatabase::tables() names a table outside `public` as schema.table,
        // and another tool's public.schema_version is not ours.
        QSqlQuery exists(db);
        if (!exists.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                                        "current_schema() AND table_name = 'schema_version'")) ||
            !exists.next()) {
            return queryError(exists);
        }
        if (exists.value(0).toInt() == 0) {
            return 0;
        }
    } else if (!db.tables().contains(QStringLiteral("schema_version"))) {
        return 0;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version"))) {
        return queryError(q);
    }
    return q.next() ? q.value(0).toInt() : 0;
}

QString LicenseStore::shownLocation(const QString &location)
{
    // Messages name the location without a password it may carry (they reach logs and CI output), in the user
    // information or as libpq's password parameter.
    if (!location.contains(QLatin1String("://"))) {
        return location;
    }
    QUrl url = QUrl(location).adjusted(QUrl::RemovePassword);
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("password"))) {
        query.removeAllQueryItems(QStringLiteral("password"));
        if (query.isEmpty()) {
            url.setQuery(QString()); // no '?' left behind
        } else {
            url.setQuery(query);
        }
    }
    return url.toString();
}

StoreError LicenseStore::newerSchemaError(int found) const
{
    return StoreError{StoreError::Code::NewerSchema,
        i18nc("@info",
            "The license database “%1” was written by a newer version of GHE License Console (schema %2; this "
            "version "
            "knows up to %3). It was not changed. Update the console, or choose another database.",
            shownLocation(m_location), found, latestSchemaVersion()),
        {}};
}

StoreError LicenseStore::queryError(const QSqlQuery &query) const
{
    const QSqlError error = query.lastError();
    qCDebug(GLC_CORE) << "store query failed:" << error.text() << query.lastQuery().left(200);
    return driverError(error.nativeErrorCode(), error.text());
}

StoreError LicenseStore::driverError(const QString &native, const QString &text) const
{
    // SQLITE_BUSY (5) / SQLITE_LOCKED (6), PostgreSQL lock_not_available (55P03): another console
    // kept its write lock past the timeout.
    if ((m_backend == Backend::Sqlite && (native == QLatin1String("5") || native == QLatin1String("6"))) ||
        (m_backend == Backend::PostgreSql && native == QLatin1String("55P03"))) {
        return StoreError{StoreError::Code::Locked,
            i18nc("@info",
                "The license database is busy: another GHE License Console is writing to it. Wait until its refresh "
                "has "
                "finished, then try again."),
            text};
    }
    return StoreError{
        StoreError::Code::QueryFailed, i18nc("@info", "The license database reported an error: %1", text), text};
}

StoreError LicenseStore::exec(const QString &sql)
{
    QSqlQuery q(database());
    if (!q.exec(sql)) {
        return queryError(q);
    }
    return {};
}

StoreError LicenseStore::beginTransaction()
{
    // IMMEDIATE takes SQLite's write lock at once, so the busy timeout applies here and not
    // halfway through a read-then-write transaction (which would fail without waiting).
    return exec(m_backend == Backend::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
}

StoreError LicenseStore::migrate(int target, int failingStep)
{
    if (auto e = beginTransaction(); e) {
        return e;
    }
    if (m_backend == Backend::PostgreSql) {
        // Two consoles creating or updating one schema at once would both find it missing and
        // collide on CREATE TABLE; the second waits here until the first has committed. Released
        // with the transaction.
        if (auto e = exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(MigrationLockKey)); e) {
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    // Read again inside the transaction: another console may have migrated meanwhile (a newer one, even).
    const StoreResult<int> current = readSchemaVersion();
    if (!current.ok()) {
        exec(QStringLiteral("ROLLBACK"));
        return current.error;
    }
    if (current.value > latestSchemaVersion()) {
        exec(QStringLiteral("ROLLBACK"));
        return newerSchemaError(current.value);
    }
    if (current.value == 0) {
        if (auto e = exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")); e) {
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    int version = current.value;
    const QString idColumn = m_backend == Backend::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                                                          : QStringLiteral("BIGSERIAL PRIMARY KEY");
    for (const Migration &m : migrations()) {
        if (m.version <= version || m.version > target) {
            continue;
        }
        QStringList statements = m.statements + (m_backend == Backend::Sqlite ? m.sqlite : m.postgresql);
        if (m.version == failingStep) {
            statements.append(QString()); // after the version's own statements, as its last
        }
        for (const QString &statement : std::as_const(statements)) {
            StoreError e = statement.isNull()
                ? StoreError{StoreError::Code::QueryFailed, QStringLiteral("failure injected by a test"),
                      QStringLiteral("failure injected by a test")}
                : exec(QString(statement).replace(QLatin1String("%ID%"), idColumn));
            if (e) {
                exec(QStringLiteral("ROLLBACK"));
                e.code = StoreError::Code::MigrationFailed;
                e.message =
                    i18nc("@info", "Could not update the license database to schema %1; it was left unchanged. %2",
                        m.version, e.detail);
                return e;
            }
        }
        version = m.version;
    }
    if (version != current.value) {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        q.addBindValue(version);
        if (!q.exec() || exec(QStringLiteral("DELETE FROM schema_version WHERE version < %1").arg(version))) {
            StoreError e = queryError(q);
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    if (auto e = exec(QStringLiteral("COMMIT")); e) {
        exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    m_schemaVersion = version;
    return {};
}

StoreError LicenseStore::saveConnection(const Connection &c)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO connections (id, name, kind, ghe_com_subdomain, enterprise_slug, server_host, ca_file, "
        "admin_shell_enabled,"
        " admin_shell_user, admin_shell_port, admin_shell_identity_file, admin_shell_command, lab_url)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
        " ghe_com_subdomain = excluded.ghe_com_subdomain, enterprise_slug = excluded.enterprise_slug,"
        " server_host = excluded.server_host, ca_file = excluded.ca_file, admin_shell_enabled = "
        "excluded.admin_shell_enabled,"
        " admin_shell_user = excluded.admin_shell_user, admin_shell_port = excluded.admin_shell_port,"
        " admin_shell_identity_file = excluded.admin_shell_identity_file, admin_shell_command = "
        "excluded.admin_shell_command,"
        " lab_url = excluded.lab_url"));
    q.addBindValue(c.id);
    q.addBindValue(c.name);
    q.addBindValue(static_cast<int>(c.kind));
    q.addBindValue(c.gheComSubdomain);
    q.addBindValue(c.enterpriseSlug);
    q.addBindValue(c.serverHost);
    q.addBindValue(c.caFile);
    q.addBindValue(c.adminShell.enabled ? 1 : 0);
    q.addBindValue(c.adminShell.user);
    q.addBindValue(c.adminShell.port);
    q.addBindValue(c.adminShell.identityFile);
    q.addBindValue(c.adminShell.command);
    q.addBindValue(c.labUrl.toString());
    if (!q.exec()) {
        return queryError(q);
    }
    return {};
}

StoreResult<QList<Connection>> LicenseStore::connections()
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral(
            "SELECT id, name, kind, ghe_com_subdomain, enterprise_slug, server_host, ca_file, admin_shell_enabled,"
            " admin_shell_user, admin_shell_port, admin_shell_identity_file, admin_shell_command, lab_url"
            " FROM connections ORDER BY name, id"))) {
        return queryError(q);
    }
    QList<Connection> list;
    while (q.next()) {
        Connection c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.kind = static_cast<Connection::Kind>(qBound(0, q.value(2).toInt(), 2));
        c.gheComSubdomain = q.value(3).toString();
        c.enterpriseSlug = q.value(4).toString();
        c.serverHost = q.value(5).toString();
        c.caFile = q.value(6).toString();
        c.adminShell.enabled = q.value(7).toInt() != 0;
        c.adminShell.user = q.value(8).toString();
        c.adminShell.port = q.value(9).toInt();
        c.adminShell.identityFile = q.value(10).toString();
        c.adminShell.command = q.value(11).toString();
        const QString lab = q.value(12).toString();
        c.labUrl = lab.isEmpty() ? QUrl() : QUrl(lab);
        list.append(c);
    }
    return list;
}

StoreError LicenseStore::removeConnection(const QString &id)
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (auto e = beginTransaction(); e) {
        return e;
    }
    const QStringList statements = {
        QStringLiteral("DELETE FROM sync_status WHERE connection_id = ?"),
        QStringLiteral("DELETE FROM usage_files WHERE connection_id = ?"),
        // A snapshot's seats first, by hand: on PostgreSQL no foreign key cascades to them (schema 5).
        QStringLiteral(
            "DELETE FROM consumed_licenses WHERE snapshot_id IN (SELECT id FROM snapshots WHERE connection_id "
            "= ?)"),
        QStringLiteral("DELETE FROM snapshots WHERE connection_id = ?"),
        QStringLiteral("DELETE FROM connections WHERE id = ?"),
    };
    // Its settings go too: every per-connection key ends in "/<id>" (upload interval, the lab's past), and an id
    // can come back (the built-in lab's is always "lab").
    QStringList settingKeys;
    {
        QSqlQuery keys(database());
        if (!keys.exec(QStringLiteral("SELECT key FROM settings"))) {
            StoreError e = queryError(keys);
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
        const QString suffix = QLatin1Char('/') + id;
        while (keys.next()) {
            if (const QString key = keys.value(0).toString(); key.endsWith(suffix)) {
                settingKeys.append(key);
            }
        }
    }
    const auto run = [this](const QString &sql, const QString &value) {
        QSqlQuery q(database());
        q.prepare(sql);
        q.addBindValue(value);
        return q.exec() ? StoreError() : queryError(q);
    };
    for (const QString &key : std::as_const(settingKeys)) {
        if (StoreError e = run(QStringLiteral("DELETE FROM settings WHERE key = ?"), key); e) {
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    for (const QString &sql : statements) {
        if (StoreError e = run(sql, id); e) {
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    return exec(QStringLiteral("COMMIT"));
}

StoreError LicenseStore::writeRows(qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel)
{
    if (m_textBatches && m_backend == Backend::Sqlite) {
        // SQLite's own API on this connection, in this transaction: each text bound as the UTF-8 it
        // stores. Bound multi-row VALUES through QtSql where it cannot reach the driver's SQLite.
        SqliteRowWriter writer;
        if (writer.attach(database())) {
            if (writer.write(snapshotId, rows, cancel)) {
                return {};
            }
            if (writer.cancelled()) {
                return cancelledError();
            }
            qCDebug(GLC_CORE) << "store write failed:" << writer.errorText();
            return driverError(QString::number(writer.errorCode()), writer.errorText());
        }
        qCDebug(GLC_CORE) << "store writes rows through QtSql: Qt's SQLite driver runs another SQLite";
    }
    if (m_textBatches && m_backend == Backend::PostgreSql) {
        // COPY through libpq on this connection, in this transaction; the arrays where it cannot.
        PostgresRowWriter copy;
        if (m_postgresCopy && copy.attach(database())) {
            if (copy.write(snapshotId, rows, cancel)) {
                return {};
            }
            if (copy.cancelled()) {
                return cancelledError();
            }
            qCDebug(GLC_CORE) << "store write failed:" << copy.errorText();
            return driverError(copy.sqlState(), copy.errorText());
        }
        return writeRowsPostgres(snapshotId, rows, cancel);
    }
    return writeRowsValues(snapshotId, rows, cancel);
}

StoreError LicenseStore::writeRowsValues(
    qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel)
{
    const qsizetype total = rows.size();
    QSqlQuery full(database());
    if (total >= RowsPerStatement && !full.prepare(insertLicensesSql(RowsPerStatement))) {
        return queryError(full);
    }
    qsizetype index = 0;
    while (index < total) {
        if (cancel && cancel()) {
            return cancelledError();
        }
        const int count = static_cast<int>(qMin<qsizetype>(RowsPerStatement, total - index));
        QSqlQuery partial(database());
        QSqlQuery *q = &full;
        if (count < RowsPerStatement) {
            if (!partial.prepare(insertLicensesSql(count))) {
                return queryError(partial);
            }
            q = &partial;
        }
        int p = 0;
        for (int i = 0; i < count; ++i, ++index) {
            const ConsumedLicense &r = rows.at(index);
            q->bindValue(p++, snapshotId);
            q->bindValue(p++, static_cast<int>(index));
            q->bindValue(p++, fromText(r.githubComLogin));
            q->bindValue(p++, fromText(r.githubComName));
            q->bindValue(p++, fromText(r.githubComProfile));
            q->bindValue(p++, fromText(r.githubComSamlNameId));
            q->bindValue(p++, fromText(r.licenseType));
            q->bindValue(p++, fromText(r.visualStudioLicenseStatus));
            q->bindValue(p++, fromText(r.visualStudioSubscriptionEmail));
            q->bindValue(p++, joinList(r.enterpriseServerUserIds));
            q->bindValue(p++, joinList(r.enterpriseServerEmails));
            q->bindValue(p++, joinList(r.githubComVerifiedDomainEmails));
            q->bindValue(p++, joinList(r.githubComMemberRoles));
            q->bindValue(p++, joinList(r.githubComEnterpriseRoles));
            q->bindValue(p++, joinList(r.githubComOrgsWithPendingInvites));
            q->bindValue(p++, r.totalUserAccounts);
            q->bindValue(p++, r.githubComUser ? 1 : 0);
            q->bindValue(p++, r.visualStudioSubscriptionUser ? 1 : 0);
            q->bindValue(p++, fromTri(r.enterpriseServerUser));
            q->bindValue(p++, fromTri(r.githubComTwoFactorAuth));
        }
        Q_ASSERT(p == count * LicenseColumns);
        if (!q->exec()) {
            return queryError(*q);
        }
    }
    return {};
}

StoreError LicenseStore::writeRowsPostgres(
    qint64 snapshotId, const QList<ConsumedLicense> &rows, const CancelCheck &cancel)
{
    // QPSQL sends every bound value as a literal of an EXECUTE statement, so a 20-column
    // multi-row INSERT spends its time formatting and parsing thousands of literals. One array
    // per column, unnested on the server, is 20 literals per statement however many rows.
    QSqlQuery q(database());
    if (!q.prepare(QLatin1String(InsertLicensesUnnestSql))) {
        return queryError(q);
    }
    const qsizetype total = rows.size();
    PostgresArray texts[TextColumns];
    PostgresArray numbers[NumberColumns];
    qsizetype index = 0;
    while (index < total) {
        const qsizetype first = index;
        const qsizetype end = qMin<qsizetype>(total, index + RowsPerArrayStatement);
        for (PostgresArray &a : texts) {
            a.begin();
        }
        for (PostgresArray &a : numbers) {
            a.begin();
        }
        for (; index < end; ++index) {
            // As often as the SQLite path checks: a cancelled refresh stops within a moment.
            if ((index - first) % RowsPerStatement == 0 && cancel && cancel()) {
                return cancelledError();
            }
            const ConsumedLicense &r = rows.at(index);
            texts[0].addText(r.githubComLogin);
            texts[1].addText(r.githubComName);
            texts[2].addText(r.githubComProfile);
            texts[3].addText(r.githubComSamlNameId);
            texts[4].addText(r.licenseType);
            texts[5].addText(r.visualStudioLicenseStatus);
            texts[6].addText(r.visualStudioSubscriptionEmail);
            texts[7].addList(r.enterpriseServerUserIds);
            texts[8].addList(r.enterpriseServerEmails);
            texts[9].addList(r.githubComVerifiedDomainEmails);
            texts[10].addList(r.githubComMemberRoles);
            texts[11].addList(r.githubComEnterpriseRoles);
            texts[12].addList(r.githubComOrgsWithPendingInvites);
            numbers[0].addNumber(r.totalUserAccounts);
            numbers[1].addNumber(r.githubComUser ? 1 : 0);
            numbers[2].addNumber(r.visualStudioSubscriptionUser ? 1 : 0);
            numbers[3].addNumber(fromTri(r.enterpriseServerUser));
            numbers[4].addNumber(fromTri(r.githubComTwoFactorAuth));
        }
        int p = 0;
        q.bindValue(p++, snapshotId);
        q.bindValue(p++, static_cast<int>(first));
        for (PostgresArray &a : texts) {
            q.bindValue(p++, a.finish());
        }
        for (PostgresArray &a : numbers) {
            q.bindValue(p++, a.finish());
        }
        if (!q.exec()) {
            return queryError(q);
        }
    }
    return {};
}

StoreError LicenseStore::recordSyncStatus(
    const QString &connectionId, const QList<LicenseSyncStatus> &statuses, const QDateTime &when)
{
    if (StoreError error = beginTransaction(); error.isError()) {
        return error;
    }
    if (StoreError error = writeSyncStatus(0, connectionId, statuses, when); error.isError()) {
        exec(QStringLiteral("ROLLBACK"));
        return error;
    }
    return exec(QStringLiteral("COMMIT"));
}

StoreError LicenseStore::writeSyncStatus(
    qint64 snapshotId, const QString &connectionId, const QList<LicenseSyncStatus> &statuses, const QDateTime &when)
{
    for (const LicenseSyncStatus &s : statuses) {
        QSqlQuery last(database());
        last.prepare(QStringLiteral(
            "SELECT hostname, last_sync_date, status, error FROM sync_status WHERE connection_id = ? AND server_id = ?"
            " AND recorded_at <= ? ORDER BY recorded_at DESC, id DESC LIMIT 1"));
        last.addBindValue(connectionId);
        last.addBindValue(s.serverId);
        last.addBindValue(fromDate(when));
        if (!last.exec()) {
            return queryError(last);
        }
        if (last.next()) {
            LicenseSyncStatus previous;
            previous.serverId = s.serverId;
            previous.hostname = last.value(0).toString();
            previous.lastSyncDate = toDate(last.value(1));
            previous.status = last.value(2).toString();
            previous.error = last.value(3).toString();
            LicenseSyncStatus normalized = s;
            normalized.lastSyncDate = toDate(fromDate(s.lastSyncDate));
            normalized.lastSuccessDate = {}; // derived on reading, never stored
            if (previous == normalized) {
                continue; // unchanged since the last refresh: history keeps only changes
            }
        }
        last.finish();
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO sync_status (connection_id, snapshot_id, recorded_at, server_id, "
                                 "hostname, last_sync_date, status, error)"
                                 " VALUES (?,?,?,?,?,?,?,?)"));
        q.addBindValue(connectionId);
        q.addBindValue(snapshotId > 0 ? QVariant(snapshotId) : QVariant(QMetaType(QMetaType::LongLong)));
        q.addBindValue(fromDate(when));
        q.addBindValue(s.serverId);
        q.addBindValue(s.hostname);
        q.addBindValue(fromDate(s.lastSyncDate));
        q.addBindValue(s.status);
        q.addBindValue(s.error);
        if (!q.exec()) {
            return queryError(q);
        }
    }
    return {};
}

StoreResult<qint64> LicenseStore::writeSnapshot(const LicenseSnapshot &snapshot, const CancelCheck &cancel)
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (auto e = beginTransaction(); e) {
        return e;
    }
    auto fail = [this](const StoreError &e) -> StoreResult<qint64> {
        exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    const QDateTime takenAt = snapshot.takenAt.isValid() ? snapshot.takenAt : QDateTime::currentDateTimeUtc();
    qint64 snapshotId = 0;
    {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO snapshots (connection_id, taken_at, source, total_seats_consumed, "
                                 "total_seats_purchased, user_count)"
                                 " VALUES (?,?,?,?,?,?) RETURNING id"));
        q.addBindValue(snapshot.connectionId);
        q.addBindValue(fromDate(takenAt));
        q.addBindValue(snapshot.source);
        q.addBindValue(snapshot.licenses.totalSeatsConsumed);
        q.addBindValue(snapshot.licenses.totalSeatsPurchased);
        q.addBindValue(static_cast<int>(snapshot.licenses.users.size()));
        if (!q.exec() || !q.next()) {
            return fail(queryError(q));
        }
        snapshotId = q.value(0).toLongLong();
        q.finish();
    }
    if (auto e = writeRows(snapshotId, snapshot.licenses.users, cancel); e) {
        return fail(e);
    }
    if (auto e = writeSyncStatus(snapshotId, snapshot.connectionId, snapshot.syncStatus, takenAt); e) {
        return fail(e);
    }
    // A database still at an earlier version (a console that may not migrate it) has no such table.
    if (m_schemaVersion >= SnapshotServersVersion) {
        QSet<QString> listed;
        for (const LicenseSyncStatus &s : snapshot.syncStatus) {
            if (listed.contains(s.serverId)) {
                continue;
            }
            listed.insert(s.serverId);
            QSqlQuery q(database());
            q.prepare(QStringLiteral("INSERT INTO snapshot_servers (snapshot_id, server_id) VALUES (?,?)"));
            q.addBindValue(snapshotId);
            q.addBindValue(s.serverId);
            if (!q.exec()) {
                return fail(queryError(q));
            }
        }
    }
    for (const ServerLicenseInfo &s : snapshot.serverLicenses) {
        QSqlQuery q(database());
        q.prepare(QStringLiteral(
            "INSERT INTO server_licenses (snapshot_id, hostname, seats, seats_used, seats_available, kind,"
            " days_until_expiration, expire_at, installed_version) VALUES (?,?,?,?,?,?,?,?,?)"));
        q.addBindValue(snapshotId);
        q.addBindValue(s.hostname);
        q.addBindValue(fromOptional(s.seats));
        q.addBindValue(s.seatsUsed);
        q.addBindValue(fromOptional(s.seatsAvailable));
        q.addBindValue(s.kind);
        q.addBindValue(s.daysUntilExpiration);
        q.addBindValue(fromDate(s.expireAt));
        q.addBindValue(s.installedVersion);
        if (!q.exec()) {
            return fail(queryError(q));
        }
    }
    for (qsizetype i = 0; i < snapshot.installations.size(); ++i) {
        const EnterpriseServerInstallation &inst = snapshot.installations.at(i);
        QSqlQuery q(database());
        q.prepare(QStringLiteral(
            "INSERT INTO installations (snapshot_id, position, installation_id, host_name, customer_name, is_connected,"
            " created_at, updated_at, user_accounts_total, user_accounts) VALUES (?,?,?,?,?,?,?,?,?,?)"));
        q.addBindValue(snapshotId);
        q.addBindValue(static_cast<int>(i));
        q.addBindValue(inst.id);
        q.addBindValue(inst.hostName);
        q.addBindValue(inst.customerName);
        q.addBindValue(inst.isConnected ? 1 : 0);
        q.addBindValue(fromDate(inst.createdAt));
        q.addBindValue(fromDate(inst.updatedAt));
        q.addBindValue(inst.userAccountsTotal);
        q.addBindValue(fromText(ServerAccountsText::toJson(inst.userAccounts)));
        if (!q.exec()) {
            return fail(queryError(q));
        }
        // A database still at version 2 (a console that may not migrate it) has no such table.
        if (m_schemaVersion >= ProfileNamesVersion) {
            QSqlQuery pq(database());
            pq.prepare(
                QStringLiteral("INSERT INTO installation_profile_names (snapshot_id, position, names) VALUES (?,?,?)"));
            pq.addBindValue(snapshotId);
            pq.addBindValue(static_cast<int>(i));
            const QString names = ServerAccountsText::profileNames(inst.userAccounts);
            pq.addBindValue(names.isEmpty() ? QStringLiteral("") : names); // none: "", never NULL (not known)
            if (!pq.exec()) {
                return fail(queryError(pq));
            }
        }
        for (qsizetype u = 0; u < inst.uploads.size(); ++u) {
            const UserAccountsUpload &up = inst.uploads.at(u);
            QSqlQuery uq(database());
            uq.prepare(QStringLiteral("INSERT INTO uploads (snapshot_id, installation_position, position, name, "
                                      "sync_state, created_at, updated_at)"
                                      " VALUES (?,?,?,?,?,?,?)"));
            uq.addBindValue(snapshotId);
            uq.addBindValue(static_cast<int>(i));
            uq.addBindValue(static_cast<int>(u));
            uq.addBindValue(up.name);
            uq.addBindValue(static_cast<int>(up.syncState));
            uq.addBindValue(fromDate(up.createdAt));
            uq.addBindValue(fromDate(up.updatedAt));
            if (!uq.exec()) {
                return fail(queryError(uq));
            }
        }
    }
    if (cancel && cancel()) {
        return fail(cancelledError());
    }
    if (auto e = exec(QStringLiteral("COMMIT")); e) {
        return fail(e);
    }
    return snapshotId;
}

StoreResult<QList<SnapshotSummary>> LicenseStore::snapshots(const QString &connectionId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM snapshots WHERE connection_id = ? ORDER BY taken_at, id")
            .arg(QLatin1String(SummaryColumns)));
    q.addBindValue(connectionId);
    if (!q.exec()) {
        return queryError(q);
    }
    QList<SnapshotSummary> list;
    while (q.next()) {
        list.append(readSummary(q));
    }
    return list;
}

StoreResult<std::optional<SnapshotSummary>> LicenseStore::latestSnapshot(const QString &connectionId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM snapshots WHERE connection_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1")
            .arg(QLatin1String(SummaryColumns)));
    q.addBindValue(connectionId);
    if (!q.exec()) {
        return queryError(q);
    }
    if (!q.next()) {
        return std::optional<SnapshotSummary>();
    }
    return std::optional<SnapshotSummary>(readSummary(q));
}

StoreError LicenseStore::readConsumedLicenses(qint64 snapshotId, const std::function<void(qsizetype)> &expected,
    const std::function<void(ConsumedLicense &)> &row)
{
    if (!isOpen()) {
        return notOpenError();
    }
    // PostgreSQL, between two transactions: the count and the rows in one read-only transaction of their own,
    // the rows in the primary key's order without a sort (see PostgresRowReader).
    const bool ownTransaction =
        m_backend == Backend::PostgreSql && Libpq::connectionOf(database(), PQTRANS_IDLE) != nullptr;
    if (ownTransaction) {
        if (StoreError e = exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")); e) {
            return e;
        }
    }
    // After the queries below are gone (declared before them): a read-only transaction commits what failed too.
    const auto end = qScopeGuard([this, ownTransaction] {
        if (ownTransaction) {
            exec(QStringLiteral("COMMIT"));
        }
    });
    if (ownTransaction) {
        if (StoreError e = exec(QStringLiteral("SET LOCAL enable_sort = off")); e) {
            return e;
        }
    }
    {
        // Closed before the rows are read: PostgreSQL streams a forward-only query only while it
        // is the connection's one open query.
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT user_count FROM snapshots WHERE id = ?"));
        q.addBindValue(snapshotId);
        if (!q.exec()) {
            return queryError(q);
        }
        expected(q.next() ? q.value(0).toLongLong() : 0);
    }
    QSqlQuery q(database());
    // Row by row from the database (SQLite steps its statement, PostgreSQL uses single-row mode):
    // the whole result is never held.
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM consumed_licenses WHERE snapshot_id = ? ORDER BY row_index")
            .arg(QLatin1String(LicenseSelectColumns)));
    q.addBindValue(snapshotId);
    if (!q.exec()) {
        return queryError(q);
    }
    Interner interner;
    ConsumedLicense r;
    while (q.next()) {
        r.githubComLogin = q.value(0).toString();
        r.githubComName = q.value(1).toString();
        r.githubComProfile = q.value(2).toString();
        r.githubComSamlNameId = q.value(3).toString();
        r.licenseType = interner.intern(q.value(4).toString());
        r.visualStudioLicenseStatus = interner.intern(q.value(5).toString());
        r.visualStudioSubscriptionEmail = q.value(6).toString();
        r.enterpriseServerUserIds = splitList(q.value(7).toString());
        r.enterpriseServerEmails = splitList(q.value(8).toString());
        r.githubComVerifiedDomainEmails = splitList(q.value(9).toString());
        r.githubComMemberRoles = splitList(q.value(10).toString(), &interner);
        r.githubComEnterpriseRoles = splitList(q.value(11).toString(), &interner);
        r.githubComOrgsWithPendingInvites = splitList(q.value(12).toString(), &interner);
        r.totalUserAccounts = q.value(13).toInt();
        r.githubComUser = q.value(14).toInt() != 0;
        r.visualStudioSubscriptionUser = q.value(15).toInt() != 0;
        r.enterpriseServerUser = toTri(q.value(16));
        r.githubComTwoFactorAuth = toTri(q.value(17));
        row(r);
    }
    if (q.lastError().isValid()) {
        return queryError(q);
    }
    return {};
}

StoreResult<QList<ConsumedLicense>> LicenseStore::loadConsumedLicenses(qint64 snapshotId)
{
    QList<ConsumedLicense> rows;
    const StoreError error = readConsumedLicenses(
        snapshotId,
        [&rows](
            qsizetype expected) { rows.reserve(qBound<qsizetype>(0, expected, CompactLicenseRows::MaxReservedRows)); },
        [&rows](ConsumedLicense &row) { rows.append(std::move(row)); });
    if (error.isError()) {
        return error;
    }
    rows.squeeze();
    return rows;
}

StoreResult<CompactLicenseRows> LicenseStore::loadCompactLicenses(qint64 snapshotId)
{
    CompactLicenseRows rows;
    // SQLite: read through its own API, about twice as fast as QtSql's value per column (see
    // SqliteRowReader); a database it cannot open read-only beside this one goes the QtSql way.
    const QString file = m_backend == Backend::Sqlite ? database().databaseName() : QString();
    SqliteRowReader reader;
    if (!file.isEmpty() && file != QLatin1String(":memory:") && !file.startsWith(QLatin1String("file:")) &&
        reader.open(file, m_busyTimeoutMs)) {
        if (!reader.read(snapshotId, rows)) {
            qCDebug(GLC_CORE) << "store read failed:" << reader.errorText();
            return driverError(QString::number(reader.errorCode()), reader.errorText());
        }
        rows.squeeze();
        return rows;
    }
    // PostgreSQL: through libpq on this very connection, a batch of rows at a time.
    PostgresRowReader pgReader;
    if (m_backend == Backend::PostgreSql && pgReader.attach(database())) {
        if (!pgReader.read(snapshotId, rows)) {
            qCDebug(GLC_CORE) << "store read failed:" << pgReader.errorText();
            return driverError(pgReader.sqlState(), pgReader.errorText());
        }
        rows.squeeze();
        return rows;
    }
    qCDebug(GLC_CORE) << "store read through QtSql: no own reader for this database";
    const StoreError error = readConsumedLicenses(
        snapshotId, [&rows](qsizetype expected) { rows.reserve(expected); },
        [&rows](const ConsumedLicense &row) { rows.append(row); });
    if (error.isError()) {
        return error;
    }
    rows.squeeze();
    return rows;
}

StoreResult<QHash<QString, QString>> LicenseStore::loadServerProfileNames(qint64 snapshotId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.setForwardOnly(true);
    // The accounts' JSON only for installations written without their names (before version 3, or by a
    // version-2 console).
    q.prepare(m_schemaVersion >= ProfileNamesVersion
            ? QStringLiteral("SELECT i.host_name, p.names, CASE WHEN p.names IS NULL THEN i.user_accounts END FROM "
                             "installations i LEFT JOIN installation_profile_names p ON p.snapshot_id = i.snapshot_id "
                             "AND p.position = i.position WHERE i.snapshot_id = ? ORDER BY i.position")
            : QStringLiteral("SELECT host_name, NULL, user_accounts FROM installations WHERE snapshot_id = ? ORDER BY "
                             "position"));
    q.addBindValue(snapshotId);
    if (!q.exec()) {
        return queryError(q);
    }
    QHash<QString, QString> names;
    while (q.next()) {
        const QString host = q.value(0).toString();
        if (!q.value(1).isNull()) {
            ServerAccountsText::readProfileNames(q.value(1).toString(), host, &names);
            continue;
        }
        for (const ServerUserAccount &a : ServerAccountsText::fromJson(q.value(2).toString(), false)) {
            if (!a.profileName.isEmpty()) {
                names.insert(host + u':' + a.remoteUserId, a.profileName);
            }
        }
    }
    return names;
}

StoreResult<LicenseSnapshot> LicenseStore::loadSnapshot(qint64 snapshotId, const LoadParts &parts)
{
    if (!isOpen()) {
        return notOpenError();
    }
    LicenseSnapshot snapshot;
    {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT %1 FROM snapshots WHERE id = ?").arg(QLatin1String(SummaryColumns)));
        q.addBindValue(snapshotId);
        if (!q.exec()) {
            return queryError(q);
        }
        if (!q.next()) {
            return StoreError{
                StoreError::Code::NotFound, i18nc("@info", "The snapshot %1 no longer exists.", snapshotId), {}};
        }
        const SnapshotSummary s = readSummary(q);
        snapshot.id = s.id;
        snapshot.connectionId = s.connectionId;
        snapshot.takenAt = s.takenAt;
        snapshot.source = s.source;
        snapshot.licenses.totalSeatsConsumed = s.totalSeatsConsumed;
        snapshot.licenses.totalSeatsPurchased = s.totalSeatsPurchased;
    }
    if (parts.users) {
        auto rows = loadConsumedLicenses(snapshotId);
        if (!rows.ok()) {
            return rows.error;
        }
        snapshot.licenses.users = std::move(rows.value);
    }
    {
        // The status each server had at this snapshot (its newest history row up to it), or the
        // newest one known at all - newest by when it was recorded, so a history written later (the
        // lab's past on a first start) does not hide the present. Beside it the newest successful
        // sync on record up to the same moment, for a server whose last sync failed.
        const auto upTo = [&parts](QLatin1StringView table) {
            return parts.newestSyncStatus ? QString() : QStringLiteral(" AND %1.recorded_at <= ?").arg(table);
        };
        // Only the servers GitHub listed at this snapshot (a server removed from the enterprise is gone
        // from the page with the next refresh), and with the newest statuses those Sync now learned later.
        const bool listed = m_schemaVersion >= SnapshotServersVersion;
        const auto listedAt = [&parts, listed] {
            if (!listed) {
                return QString();
            }
            return QStringLiteral(
                " AND (s.server_id IN (SELECT l.server_id FROM snapshot_servers l WHERE l.snapshot_id = ?)%1)")
                .arg(parts.newestSyncStatus ? QStringLiteral(" OR s.recorded_at > ?") : QString());
        };
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT s.server_id, s.hostname, s.last_sync_date, s.status, s.error,"
                                 " (SELECT MAX(u.last_sync_date) FROM sync_status u WHERE u.connection_id = "
                                 "s.connection_id AND u.server_id = s.server_id AND LOWER(u.status) = 'success'%1)"
                                 " FROM sync_status s"
                                 " WHERE s.connection_id = ? AND s.id = (SELECT t.id FROM sync_status t WHERE "
                                 "t.connection_id = s.connection_id"
                                 " AND t.server_id = s.server_id%2 ORDER BY t.recorded_at DESC, t.id DESC LIMIT 1)"
                                 "%3 ORDER BY s.id")
                .arg(upTo(QLatin1StringView("u")), upTo(QLatin1StringView("t")), listedAt()));
        // Placeholders in the order they appear: the success's moment, the connection, the status's moment.
        if (!parts.newestSyncStatus) {
            q.addBindValue(fromDate(snapshot.takenAt));
        }
        q.addBindValue(snapshot.connectionId);
        if (!parts.newestSyncStatus) {
            q.addBindValue(fromDate(snapshot.takenAt));
        }
        if (listed) {
            q.addBindValue(snapshotId);
            if (parts.newestSyncStatus) {
                q.addBindValue(fromDate(snapshot.takenAt));
            }
        }
        if (!q.exec()) {
            return queryError(q);
        }
        while (q.next()) {
            LicenseSyncStatus status{q.value(0).toString(), q.value(1).toString(), toDate(q.value(2)),
                q.value(3).toString(), q.value(4).toString(), {}};
            if (!status.isSuccess()) {
                status.lastSuccessDate = toDate(q.value(5));
            }
            snapshot.syncStatus.append(status);
        }
    }
    {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("SELECT hostname, seats, seats_used, seats_available, kind, days_until_expiration, "
                                 "expire_at, installed_version"
                                 " FROM server_licenses WHERE snapshot_id = ? ORDER BY hostname"));
        q.addBindValue(snapshotId);
        if (!q.exec()) {
            return queryError(q);
        }
        while (q.next()) {
            ServerLicenseInfo s;
            s.hostname = q.value(0).toString();
            s.seats = toOptional(q.value(1));
            s.seatsUsed = q.value(2).toInt();
            s.seatsAvailable = toOptional(q.value(3));
            s.kind = q.value(4).toString();
            s.daysUntilExpiration = q.value(5).toInt();
            s.expireAt = toDate(q.value(6));
            s.installedVersion = q.value(7).toString();
            snapshot.serverLicenses.append(s);
        }
    }
    {
        QSqlQuery q(database());
        // The accounts' JSON (megabytes per server) only when they are wanted.
        q.prepare(QStringLiteral("SELECT installation_id, host_name, customer_name, is_connected, created_at, "
                                 "updated_at, user_accounts_total, %1 FROM installations WHERE snapshot_id = ? ORDER "
                                 "BY position")
                .arg(parts.userAccounts ? QLatin1String("user_accounts") : QLatin1String("NULL")));
        q.addBindValue(snapshotId);
        if (!q.exec()) {
            return queryError(q);
        }
        while (q.next()) {
            EnterpriseServerInstallation inst;
            inst.id = q.value(0).toString();
            inst.hostName = q.value(1).toString();
            inst.customerName = q.value(2).toString();
            inst.isConnected = q.value(3).toInt() != 0;
            inst.createdAt = toDate(q.value(4));
            inst.updatedAt = toDate(q.value(5));
            inst.userAccountsTotal = q.value(6).toInt();
            if (parts.userAccounts) {
                inst.userAccounts = ServerAccountsText::fromJson(q.value(7).toString(), parts.accountDetails);
            }
            snapshot.installations.append(inst);
        }
        QSqlQuery uq(database());
        uq.prepare(QStringLiteral(
            "SELECT installation_position, name, sync_state, created_at, updated_at FROM uploads WHERE snapshot_id = ?"
            " ORDER BY installation_position, position"));
        uq.addBindValue(snapshotId);
        if (!uq.exec()) {
            return queryError(uq);
        }
        while (uq.next()) {
            const int pos = uq.value(0).toInt();
            if (pos >= 0 && pos < snapshot.installations.size()) {
                snapshot.installations[pos].uploads.append(UserAccountsUpload{uq.value(1).toString(),
                    static_cast<UploadSyncState>(qBound(0, uq.value(2).toInt(), 3)), toDate(uq.value(3)),
                    toDate(uq.value(4))});
            }
        }
    }
    HostOrder::sortServers(snapshot);
    return snapshot;
}

StoreError LicenseStore::removeSnapshot(qint64 snapshotId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (auto e = beginTransaction(); e) {
        return e;
    }
    // Its seats first, by hand (on PostgreSQL no foreign key cascades to them, schema 5); the rest by ON DELETE
    // CASCADE.
    for (const QString &sql : {QStringLiteral("DELETE FROM consumed_licenses WHERE snapshot_id = ?"),
             QStringLiteral("DELETE FROM snapshots WHERE id = ?")}) {
        QSqlQuery q(database());
        q.prepare(sql);
        q.addBindValue(snapshotId);
        if (!q.exec()) {
            StoreError e = queryError(q);
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    return exec(QStringLiteral("COMMIT"));
}

QList<qint64> LicenseStore::beyondRetention(
    const QList<SnapshotSummary> &snapshots, const RetentionPolicy &policy, const QDateTime &now)
{
    const QDateTime cutoff = policy.maxAgeDays > 0 ? now.addDays(-policy.maxAgeDays) : QDateTime();
    QList<qint64> doomed;
    const qsizetype n = snapshots.size();
    for (qsizetype i = 0; i < n - 1; ++i) { // the newest (last) is always kept
        const SnapshotSummary &s = snapshots.at(i);
        const qsizetype newerCount = n - 1 - i;
        const bool tooMany = policy.keepNewest > 0 && newerCount >= policy.keepNewest;
        const bool tooOld = cutoff.isValid() && s.takenAt.isValid() && s.takenAt < cutoff;
        if (tooMany || tooOld) {
            doomed.append(s.id);
        }
    }
    return doomed;
}

StoreResult<QList<qint64>> LicenseStore::snapshotsBeyondRetention(
    const QString &connectionId, const RetentionPolicy &policy, const QDateTime &now)
{
    const auto all = snapshots(connectionId);
    if (!all.ok()) {
        return all.error;
    }
    return beyondRetention(all.value, policy, now);
}

StoreResult<qint64> LicenseStore::databaseSize()
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (m_backend == Backend::Sqlite) {
        const QString path = database().databaseName();
        return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    }
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT pg_database_size(current_database())")) || !q.next()) {
        return queryError(q);
    }
    return q.value(0).toLongLong();
}

StoreResult<qint64> LicenseStore::unusedSize()
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (m_backend != Backend::Sqlite) {
        return qint64(-1);
    }
    QSqlQuery q(database());
    qint64 pages = 0;
    if (!q.exec(QStringLiteral("PRAGMA freelist_count")) || !q.next()) {
        return queryError(q);
    }
    pages = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA page_size")) || !q.next()) {
        return queryError(q);
    }
    return pages * q.value(0).toLongLong();
}

StoreError LicenseStore::compact(const CancelCheck &cancel)
{
    if (!isOpen()) {
        return notOpenError();
    }
    if (m_backend != Backend::Sqlite) {
        return {};
    }
    const QVariant handle = database().driver()->handle();
    sqlite3 *const connection = handle.isValid() && std::strcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
    // SQLite asks every few thousand steps of its program whether to go on; VACUUM stopped that way
    // rolls back whole.
    auto goOn = [](void *check) { return (*static_cast<CancelCheck *>(check))() ? 1 : 0; };
    CancelCheck check = cancel; // SQLite wants a mutable pointer
    if (connection && check) {
        sqlite3_progress_handler(connection, 4096, goOn, &check);
    }
    QSqlQuery q(database());
    const bool vacuumed = q.exec(QStringLiteral("VACUUM"));
    if (connection && cancel) {
        sqlite3_progress_handler(connection, 0, nullptr, nullptr);
    }
    if (!vacuumed) {
        if (cancel && cancel()) {
            return StoreError{StoreError::Code::Cancelled,
                i18nc("@info", "Compacting the database was cancelled; its file is as it was."), {}};
        }
        return queryError(q);
    }
    // The rewritten database went through the write-ahead log: copy it back and empty the log. While
    // another connection still reads, that waits for it; if it cannot finish, the compacted database is
    // complete all the same and a later checkpoint shrinks the file.
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || (q.next() && q.value(0).toInt() != 0)) {
        qCDebug(GLC_CORE) << "checkpoint after VACUUM incomplete:" << q.lastError().text();
    }
    return {};
}

StoreResult<int> LicenseStore::applyRetention(
    const QString &connectionId, const RetentionPolicy &policy, const QDateTime &now)
{
    const auto doomed = snapshotsBeyondRetention(connectionId, policy, now);
    if (!doomed.ok()) {
        return doomed.error;
    }
    // One transaction per snapshot (removeSnapshot's), oldest first: each goes whole or
    // not at all, and SQLite's write-ahead log holds one snapshot's pages at a time, not all of them
    // (half a year of 300k-seat snapshots in one transaction grew it to 2.8 GB).
    int removed = 0;
    for (qint64 id : doomed.value) {
        if (auto e = removeSnapshot(id); e) {
            return e;
        }
        ++removed;
    }
    return removed;
}

StoreResult<QList<SyncStatusRecord>> LicenseStore::syncStatusHistory(
    const QString &connectionId, const QString &serverId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    QString sql = QStringLiteral(
        "SELECT id, connection_id, snapshot_id, recorded_at, server_id, hostname, last_sync_date, status, error"
        " FROM sync_status WHERE connection_id = ?");
    if (!serverId.isEmpty()) {
        sql += QStringLiteral(" AND server_id = ?");
    }
    q.prepare(sql + QStringLiteral(" ORDER BY recorded_at, id"));
    q.addBindValue(connectionId);
    if (!serverId.isEmpty()) {
        q.addBindValue(serverId);
    }
    if (!q.exec()) {
        return queryError(q);
    }
    QList<SyncStatusRecord> list;
    while (q.next()) {
        SyncStatusRecord r;
        r.id = q.value(0).toLongLong();
        r.connectionId = q.value(1).toString();
        r.snapshotId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
        r.recordedAt = toDate(q.value(3));
        r.status = LicenseSyncStatus{q.value(4).toString(), q.value(5).toString(), toDate(q.value(6)),
            q.value(7).toString(), q.value(8).toString(), {}};
        list.append(r);
    }
    return list;
}

StoreResult<qint64> LicenseStore::addUsageFile(const UsageFileRecord &r)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO usage_files (connection_id, direction, file_name, sha256, server_id, host_name, version, size, "
        "time,"
        " outcome, upload_state, upload_state_changed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(r.connectionId);
    q.addBindValue(r.direction == UsageFileRecord::Direction::Uploaded ? 1 : 0);
    q.addBindValue(r.fileName);
    q.addBindValue(r.sha256);
    q.addBindValue(r.serverId);
    q.addBindValue(r.hostName);
    q.addBindValue(r.version);
    q.addBindValue(r.size);
    q.addBindValue(fromDate(r.time));
    q.addBindValue(r.outcome);
    q.addBindValue(static_cast<int>(r.uploadState));
    q.addBindValue(fromDate(r.uploadStateChangedAt));
    if (!q.exec() || !q.next()) {
        return queryError(q);
    }
    return q.value(0).toLongLong();
}

StoreError LicenseStore::setUploadState(
    qint64 usageFileId, UploadSyncState state, const QDateTime &when, const QString &outcome)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    if (outcome.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE usage_files SET upload_state = ?, upload_state_changed_at = ? WHERE id = ?"));
    } else {
        q.prepare(QStringLiteral(
            "UPDATE usage_files SET upload_state = ?, upload_state_changed_at = ?, outcome = ? WHERE id = ?"));
    }
    q.addBindValue(static_cast<int>(state));
    q.addBindValue(fromDate(when));
    if (!outcome.isEmpty()) {
        q.addBindValue(outcome);
    }
    q.addBindValue(usageFileId);
    if (!q.exec()) {
        return queryError(q);
    }
    if (q.numRowsAffected() == 0) {
        return StoreError{
            StoreError::Code::NotFound, i18nc("@info", "The usage file record %1 no longer exists.", usageFileId), {}};
    }
    return {};
}

StoreResult<QList<UsageFileRecord>> LicenseStore::usageFiles(const QString &connectionId)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    QString sql = QStringLiteral(
        "SELECT id, connection_id, direction, file_name, sha256, server_id, host_name, version, size, time, outcome,"
        " upload_state, upload_state_changed_at FROM usage_files");
    if (!connectionId.isEmpty()) {
        sql += QStringLiteral(" WHERE connection_id = ?");
    }
    q.prepare(sql + QStringLiteral(" ORDER BY time DESC, id DESC"));
    if (!connectionId.isEmpty()) {
        q.addBindValue(connectionId);
    }
    if (!q.exec()) {
        return queryError(q);
    }
    QList<UsageFileRecord> list;
    while (q.next()) {
        list.append(readUsageFile(q));
    }
    return list;
}

StoreError LicenseStore::setSetting(const QString &key, const QString &value)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) {
        return queryError(q);
    }
    return {};
}

StoreResult<std::optional<QString>> LicenseStore::setting(const QString &key)
{
    if (!isOpen()) {
        return notOpenError();
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        return queryError(q);
    }
    if (!q.next()) {
        return std::optional<QString>();
    }
    return std::optional<QString>(q.value(0).toString());
}

namespace {
const QString keepNewestKey = QStringLiteral("retention/keepNewest");
const QString maxAgeDaysKey = QStringLiteral("retention/maxAgeDays");
} // namespace

namespace {
QString uploadDaysKey(const QString &connectionId)
{
    return QStringLiteral("uploadDays/") + connectionId;
}
} // namespace

StoreResult<std::optional<int>> LicenseStore::uploadDays(const QString &connectionId)
{
    const StoreResult<std::optional<QString>> stored = setting(uploadDaysKey(connectionId));
    if (!stored.ok()) {
        return stored.error;
    }
    bool number = false;
    const int days = stored.value.value_or(QString()).toInt(&number);
    return number ? std::optional<int>(LicenseCadence::boundedUploadDays(days)) : std::nullopt;
}

StoreError LicenseStore::setUploadDays(const QString &connectionId, int days)
{
    return setSetting(uploadDaysKey(connectionId), QString::number(LicenseCadence::boundedUploadDays(days)));
}

StoreResult<RetentionPolicy> LicenseStore::retentionPolicy()
{
    const StoreResult<std::optional<QString>> keep = setting(keepNewestKey);
    if (!keep.ok()) {
        return keep.error;
    }
    const StoreResult<std::optional<QString>> days = setting(maxAgeDaysKey);
    if (!days.ok()) {
        return days.error;
    }
    RetentionPolicy policy;
    policy.keepNewest = std::max(0, keep.value.value_or(QString()).toInt());
    policy.maxAgeDays = std::max(0, days.value.value_or(QString()).toInt());
    return policy;
}

StoreError LicenseStore::setRetentionPolicy(const RetentionPolicy &policy)
{
    if (auto e = beginTransaction(); e) {
        return e;
    }
    for (const auto &[key, value] :
        {std::pair{keepNewestKey, policy.keepNewest}, std::pair{maxAgeDaysKey, policy.maxAgeDays}}) {
        if (auto e = setSetting(key, QString::number(std::max(0, value))); e) {
            exec(QStringLiteral("ROLLBACK"));
            return e;
        }
    }
    if (auto e = exec(QStringLiteral("COMMIT")); e) {
        exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    return {};
}
} // namespace Glc
