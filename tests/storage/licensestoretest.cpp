// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
//
// The same suite runs against SQLite and a real PostgreSQL server: the backend comes from the
// GLC_TEST_DB_BACKEND environment variable (ctest registers the executable once per backend).

#include "storage/licensestore.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportwriter.h"
#include "postgresharness.h"
#include "snapshotgenerator.h"
#include "storage/postgresrowreader.h"
#include "storage/sqliterowreader.h"
#include "storage/sqliterowwriter.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QThread>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>
#include <array>

#include <atomic>
#include <cstdio>
#include <latch>

using namespace Glc;
using namespace GlcTest;
using namespace Qt::StringLiterals;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// A seat whose text is Chinese, accented and lowered to another length (ẞ), for the readers.
ConsumedLicense nonAsciiSeat()
{
    ConsumedLicense seat;
    seat.githubComLogin = QStringLiteral("wang-wei");
    seat.githubComName = QStringLiteral("王伟 ÅSA ẞ");
    seat.githubComVerifiedDomainEmails = {QStringLiteral("王伟@例子.公司"), QStringLiteral("Wei@Example.com")};
    seat.enterpriseServerUserIds = {QStringLiteral("服务器.例子.公司:12")};
    seat.githubComMemberRoles = {QStringLiteral("研发:Member")};
    seat.enterpriseServerUser = TriState::Unknown;
    seat.githubComTwoFactorAuth = TriState::No;
    return seat;
}

LicenseSnapshot smallSnapshot(quint32 seed, int users = 200)
{
    SnapshotGeneratorOptions o;
    o.users = users;
    o.servers = 4;
    o.seed = seed;
    o.chineseShare = 0.3;
    o.mismatchedShare = 0.2;
    return SnapshotGenerator::generate(o);
}

int childWrite(const QString &location)
{
    // Runs in a child process: writes a large snapshot and stops mid-transaction, waiting to be
    // killed by the parent (blocked on stdin, which the parent never writes).
    LicenseStore store;
    if (store.open(location)) {
        return 2;
    }
    SnapshotGeneratorOptions o;
    o.users = 20000;
    o.seed = 99;
    LicenseSnapshot big = SnapshotGenerator::generate(o);
    int batches = 0;
    // The 60th check of 100 (one per 200 rows): 11,800 rows sent to SQLite, and on PostgreSQL streamed
    // into its COPY - the kill lands with rows of the new snapshot on the server.
    store.writeSnapshot(big, [&batches]() {
        if (++batches == 60) {
            std::fputs("mid-write\n", stdout);
            std::fflush(stdout);
            std::getchar();
        }
        return false;
    });
    return 3;
}
/// Runs in a child process, as a second console would: opens the store at @p location and writes a snapshot of
/// @p seed's 3,000 seats whole. Exit 0 when it was written.
int childWriteWhole(const QString &location, quint32 seed)
{
    LicenseStore store;
    if (store.open(location)) {
        return 2;
    }
    SnapshotGeneratorOptions o;
    o.users = 3000;
    o.seed = seed;
    return store.writeSnapshot(SnapshotGenerator::generate(o)).ok() ? 0 : 3;
}
} // namespace

class LicenseStoreTest : public QObject
{
    Q_OBJECT

private:
    bool postgres() const { return m_backend == QLatin1String("postgresql"); }
    QString freshLocation()
    {
        ++m_counter;
        if (postgres()) {
            QString error;
            const QString url = m_pg.createDatabase(QStringLiteral("glc_test_%1").arg(m_counter), &error);
            if (url.isEmpty()) {
                qWarning() << error;
            }
            return url;
        }
        return m_dir->filePath(QStringLiteral("store-%1.sqlite").arg(m_counter));
    }
    /// A connection named @p name to the database at @p location past LicenseStore (which would migrate it), not
    /// opened yet; QSqlDatabase::removeDatabase(name) once every copy is gone.
    QSqlDatabase rawDatabase(const QString &name, const QString &location) const
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(postgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres()) {
            const QUrl url(location);
            db.setHostName(url.host());
            db.setPort(url.port());
            db.setUserName(url.userName());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db.setDatabaseName(location);
        }
        return db;
    }

    /// The database's tables, columns and indexes, read over a connection of its own (opening a
    /// LicenseStore would migrate it).
    QStringList schemaOf(const QString &location)
    {
        QStringList schema;
        const QString name = QStringLiteral("schema-of-%1").arg(++m_counter);
        {
            QSqlDatabase db = rawDatabase(name, location);
            if (!db.open()) {
                schema.append(QStringLiteral("cannot open: ") + db.lastError().text());
            }
            QSqlQuery q(db);
            const QStringList queries = postgres()
                ? QStringList{QStringLiteral("SELECT table_name, column_name, data_type, is_nullable, column_default"
                                             " FROM information_schema.columns WHERE table_schema = 'public'"
                                             " ORDER BY table_name, ordinal_position"),
                      QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                                     " ORDER BY indexname")}
                : QStringList{
                      QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")};
            for (const QString &sql : queries) {
                if (!q.exec(sql)) {
                    schema.append(QStringLiteral("failed: ") + sql);
                }
                while (q.next()) {
                    QStringList fields;
                    for (int i = 0; i < q.record().count(); ++i) {
                        fields.append(q.value(i).toString());
                    }
                    schema.append(fields.join(QLatin1Char('|')));
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return schema;
    }

    void execRaw(LicenseStore &store, const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }

    /// The number of rows of a query's first value (-1: the query failed).
    static qint64 countOf(LicenseStore &store, const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    /// The foreign keys of `table` as the database itself lists them.
    qint64 foreignKeysOf(LicenseStore &store, const QString &table) const
    {
        return countOf(store,
            (postgres() ? QStringLiteral("SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'"
                                         " AND conrelid = '%1'::regclass")
                        : QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_list('%1')"))
                .arg(table));
    }
    qint64 consumedLicensesForeignKeys(LicenseStore &store) const
    {
        return foreignKeysOf(store, QStringLiteral("consumed_licenses"));
    }

    QString m_backend;
    PostgresHarness m_pg;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_counter = 0;
    QString m_location;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_backend = qEnvironmentVariable("GLC_TEST_DB_BACKEND", QStringLiteral("sqlite"));
        QVERIFY(m_backend == QLatin1String("sqlite") || postgres());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        if (postgres()) {
            QString error;
            QVERIFY2(m_pg.start(&error), qPrintable(error));
        }
    }

    void cleanupTestCase() { m_pg.stop(); }

    void init()
    {
        m_location = freshLocation();
        QVERIFY(!m_location.isEmpty());
    }

    void shouldCreateLatestSchemaOnFirstOpen()
    {
        LicenseStore store;
        const StoreError e = store.open(m_location);
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(store.schemaVersion(), LicenseStore::latestSchemaVersion());
        QCOMPARE(store.backend(), postgres() ? LicenseStore::Backend::PostgreSql : LicenseStore::Backend::Sqlite);
        const QStringList tables = QSqlDatabase::database(store.connectionName()).tables();
        for (const char *t : {"connections", "snapshots", "consumed_licenses", "sync_status", "server_licenses",
                 "installations", "uploads", "usage_files", "settings"}) {
            QVERIFY2(tables.contains(QLatin1String(t)), t);
        }
        if (!postgres()) {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            // The write-ahead log shrinks back to 64 MB after a checkpoint (a snapshot may pass 100 MB through it).
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_size_limit")) && q.next());
            QCOMPARE(q.value(0).toLongLong(), 64LL * 1024 * 1024);
        }
        // PostgreSQL does not check a snapshot's rows one by one against it (that took longer than the rows); the
        // other tables keep their keys, and SQLite (an index lookup a row) this one.
        QCOMPARE(consumedLicensesForeignKeys(store), postgres() ? 0 : 1);
        QCOMPARE(foreignKeysOf(store, QStringLiteral("server_licenses")), 1);
    }

    void shouldKeepItsTablesInTheSchemaOfItsSearchPath()
    {
        if (!postgres()) {
            QSKIP("PostgreSQL only");
        }
        // A team database where each user works in a schema of their own: the search path in the URL.
        LicenseStore setup;
        QVERIFY(!setup.open(m_location));
        execRaw(setup, QStringLiteral("CREATE SCHEMA team"));
        setup.close(); // public now holds a schema_version too, which is not the one of team

        QUrl url(m_location);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("options"), QStringLiteral("-c search_path=team"));
        query.addQueryItem(QStringLiteral("application_name"), QStringLiteral("glc it's \\ test"));
        url.setQuery(query);
        for (int open = 0; open < 2; ++open) { // the second open reads the version the first wrote
            LicenseStore store;
            const StoreError e = store.open(url.toString());
            QVERIFY2(!e, qPrintable(e.message + e.detail));
            QCOMPARE(store.schemaVersion(), LicenseStore::latestSchemaVersion());
            QVERIFY(store.writeSnapshot(smallSnapshot(4, 20)).ok());
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'team'"
                                          " AND table_name IN ('schema_version', 'snapshots')")) &&
                q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QVERIFY(q.exec(QStringLiteral("SHOW application_name")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("glc it's \\ test"));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM team.snapshots")) && q.next());
            QCOMPARE(q.value(0).toInt(), open + 1);
        }
        // The migration left public alone: the database was set up before with the same schema (in public).
        LicenseStore plain;
        QVERIFY(!plain.open(m_location));
        QVERIFY(plain.snapshots(QStringLiteral("lab")).value.isEmpty());
        // A parameter Qt could not hand to libpq whole is refused, not cut.
        QUrlQuery semicolon;
        semicolon.addQueryItem(QStringLiteral("options"), QStringLiteral("-c search_path=a;b"));
        url.setQuery(semicolon);
        LicenseStore refused;
        QCOMPARE(refused.open(url.toString()).code, StoreError::Code::InvalidLocation);
    }

    void shouldRejectInvalidLocation()
    {
        LicenseStore store;
        const StoreError e = store.open(QStringLiteral("ftp://example.com/db"));
        QCOMPARE(e.code, StoreError::Code::InvalidLocation);
        QVERIFY(e.message.contains(QLatin1String("postgresql://")));
        QVERIFY(!store.isOpen());
        QCOMPARE(store.writeSnapshot(LicenseSnapshot{}).error.code, StoreError::Code::NotOpen);
    }

    void shouldRoundTripConnectionsWithoutSecrets()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        Connection server;
        server.id = QStringLiteral("c-1");
        server.name = QStringLiteral("生产服务器");
        server.kind = Connection::Kind::Server;
        server.serverHost = QStringLiteral("ghes.example.com");
        server.caFile = QStringLiteral("/etc/ssl/ca.pem");
        server.adminShell.enabled = true;
        server.adminShell.port = 2222;
        server.adminShell.command = QStringLiteral("ghe-license usage");
        Connection cloud;
        cloud.id = QStringLiteral("c-2");
        cloud.name = QStringLiteral("Acme cloud");
        cloud.kind = Connection::Kind::Cloud;
        cloud.gheComSubdomain = QStringLiteral("acme");
        cloud.enterpriseSlug = QStringLiteral("acme-corp");
        QVERIFY(!store.saveConnection(server));
        QVERIFY(!store.saveConnection(cloud));
        cloud.name = QStringLiteral("Acme (renamed)");
        QVERIFY(!store.saveConnection(cloud));
        const auto list = store.connections();
        QVERIFY(list.ok());
        QCOMPARE(list.value.size(), 2);
        QCOMPARE(list.value.at(0), cloud);
        QCOMPARE(list.value.at(1), server);
        const QSqlRecord columns = QSqlDatabase::database(store.connectionName()).record(QStringLiteral("connections"));
        for (int i = 0; i < columns.count(); ++i) {
            QVERIFY2(!columns.fieldName(i).contains(QLatin1String("token")) &&
                    !columns.fieldName(i).contains(QLatin1String("password")),
                qPrintable(columns.fieldName(i)));
        }
        QVERIFY(!store.removeConnection(QStringLiteral("c-1")));
        QCOMPARE(store.connections().value.size(), 1);
    }

    void shouldRemoveAConnectionWithEverythingKeptForIt()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        QList<ConsumedLicense> keptSeats;
        for (const QString &id : {QStringLiteral("gone"), QStringLiteral("kept")}) {
            Connection c;
            c.id = id;
            c.name = id;
            c.kind = Connection::Kind::Server;
            c.serverHost = id + QStringLiteral(".example.com");
            QVERIFY(!store.saveConnection(c));
            LicenseSnapshot s = smallSnapshot(id == QLatin1String("gone") ? 1 : 2, 30);
            s.connectionId = id;
            QVERIFY(store.writeSnapshot(s).ok());
            if (id == QLatin1String("kept")) {
                keptSeats = s.licenses.users;
            }
            QVERIFY(!s.syncStatus.isEmpty());
            QVERIFY(!store.recordSyncStatus(id, s.syncStatus, s.takenAt.addSecs(60)));
            UsageFileRecord file;
            file.connectionId = id;
            file.fileName = id + QStringLiteral("-license-usage.json");
            file.sha256 = id;
            file.time = s.takenAt;
            QVERIFY(store.addUsageFile(file).ok());
            QVERIFY(!store.setUploadDays(id, 14));
            QVERIFY(!store.setSetting(QStringLiteral("lab-past-taken/") + id, QStringLiteral("2026-11-01T00:00:00Z")));
        }
        QVERIFY(!store.setSetting(QStringLiteral("uploadDays/not-gone"), QStringLiteral("9")));
        QVERIFY(!store.removeConnection(QStringLiteral("gone")));
        QCOMPARE(store.uploadDays(QStringLiteral("gone")).value, std::nullopt);
        QCOMPARE(store.setting(QStringLiteral("lab-past-taken/gone")).value, std::nullopt);
        QCOMPARE(store.uploadDays(QStringLiteral("kept")).value, std::optional<int>(14));
        QVERIFY(store.setting(QStringLiteral("lab-past-taken/kept")).value.has_value());
        QCOMPARE(store.uploadDays(QStringLiteral("not-gone")).value, std::optional<int>(9));
        // Nothing of it comes back when a connection with the same id is made again (the built-in lab's is always
        // "lab").
        QVERIFY(store.snapshots(QStringLiteral("gone")).value.isEmpty());
        QVERIFY(store.syncStatusHistory(QStringLiteral("gone")).ok());
        QVERIFY(store.syncStatusHistory(QStringLiteral("gone")).value.isEmpty());
        QVERIFY(store.usageFiles(QStringLiteral("gone")).ok());
        QVERIFY(store.usageFiles(QStringLiteral("gone")).value.isEmpty());
        // The other connection keeps all of its own.
        QCOMPARE(store.snapshots(QStringLiteral("kept")).value.size(), 1);
        QVERIFY(!store.syncStatusHistory(QStringLiteral("kept")).value.isEmpty());
        QCOMPARE(store.usageFiles(QStringLiteral("kept")).value.size(), 1);
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM usage_files")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // The seats of its snapshots went with them; the other connection's stay.
        const qint64 kept = store.snapshots(QStringLiteral("kept")).value.constFirst().id;
        QCOMPARE(store.loadConsumedLicenses(kept).value, keptSeats);
        QCOMPARE(countOf(store, QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")), keptSeats.size());
    }

    void shouldGiveTheServersBackInHostOrder()
    {
        // GitHub's order (and a database's collation) aside: "ghes-2" before "ghes-10", on either database.
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot snapshot = smallSnapshot(5, 30);
        const QStringList given{QStringLiteral("ghes-10.example.com"), QStringLiteral("ghes-2.example.com"),
            QStringLiteral("GHES-9.example.com"), QStringLiteral("ghes-1.example.com")};
        QCOMPARE(snapshot.syncStatus.size(), given.size());
        snapshot.serverLicenses.clear();
        snapshot.installations.clear();
        for (qsizetype i = 0; i < given.size(); ++i) {
            snapshot.syncStatus[i].hostname = given.at(i);
            ServerLicenseInfo license;
            license.hostname = given.at(i);
            license.seats = 100 + int(i);
            snapshot.serverLicenses.append(license);
            EnterpriseServerInstallation installation;
            installation.id = QStringLiteral("installation-%1").arg(i);
            installation.hostName = given.at(i);
            installation.uploads.append(UserAccountsUpload{QStringLiteral("upload-%1").arg(i), UploadSyncState::Success,
                snapshot.takenAt.addDays(-1), snapshot.takenAt.addDays(-1)});
            snapshot.installations.append(installation);
        }
        const qint64 id = store.writeSnapshot(snapshot).value;
        QVERIFY(id > 0);
        const LicenseSnapshot loaded = store.loadSnapshot(id).value;
        const QStringList expected{QStringLiteral("ghes-1.example.com"), QStringLiteral("ghes-2.example.com"),
            QStringLiteral("GHES-9.example.com"), QStringLiteral("ghes-10.example.com")};
        QStringList syncHosts;
        for (const LicenseSyncStatus &status : loaded.syncStatus) {
            syncHosts.append(status.hostname);
        }
        QStringList licenseHosts;
        for (const ServerLicenseInfo &license : loaded.serverLicenses) {
            licenseHosts.append(license.hostname);
            QCOMPARE(license.seats, std::optional<int>(100 + int(given.indexOf(license.hostname))));
        }
        QStringList installationHosts;
        for (const EnterpriseServerInstallation &installation : loaded.installations) {
            installationHosts.append(installation.hostName);
            // Each keeps its own uploads.
            QCOMPARE(installation.uploads.size(), 1);
            QCOMPARE(installation.uploads.first().name,
                QStringLiteral("upload-%1").arg(given.indexOf(installation.hostName)));
        }
        QCOMPARE(syncHosts, expected);
        QCOMPARE(licenseHosts, expected);
        QCOMPARE(installationHosts, expected);
    }

    void shouldForgetServersGitHubNoLongerLists()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot first = smallSnapshot(3, 30);
        QVERIFY(first.syncStatus.size() >= 3);
        const qint64 firstId = store.writeSnapshot(first).value;
        QVERIFY(firstId > 0);
        // A week later GitHub no longer lists the first server (removed, or reinstalled with a new id).
        LicenseSnapshot second = first;
        second.takenAt = first.takenAt.addDays(7);
        const LicenseSyncStatus removed = second.syncStatus.takeFirst();
        const qint64 secondId = store.writeSnapshot(second).value;
        QVERIFY(secondId > 0);

        const auto serverIds = [](const LicenseSnapshot &s) {
            QStringList ids;
            for (const LicenseSyncStatus &status : s.syncStatus) {
                ids.append(status.serverId);
            }
            ids.sort();
            return ids;
        };
        LicenseStore::LoadParts parts;
        parts.users = false;
        QCOMPARE(serverIds(store.loadSnapshot(firstId, parts).value), serverIds(first));
        QCOMPARE(serverIds(store.loadSnapshot(secondId, parts).value), serverIds(second));
        QVERIFY(!serverIds(store.loadSnapshot(secondId, parts).value).contains(removed.serverId));

        // The page's view: the newest statuses, with a server Sync now learned of after the snapshot.
        LicenseSyncStatus added;
        added.serverId = QStringLiteral("11111111-2222-4333-8444-555555555555");
        added.hostname = QStringLiteral("ghes-new.example.com");
        added.lastSyncDate = second.takenAt.addSecs(3600);
        added.status = QStringLiteral("success");
        QVERIFY(!store.recordSyncStatus(
            second.connectionId, second.syncStatus + QList{added}, second.takenAt.addSecs(3600)));
        parts.newestSyncStatus = true;
        QStringList expected = serverIds(second) << added.serverId;
        expected.sort();
        QCOMPARE(serverIds(store.loadSnapshot(secondId, parts).value), expected);
    }

    // A report (JSON and CSV) of a stored snapshot is the report of the snapshot as it was fetched: the store keeps
    // an empty text as NULL, so GitHub's "" and null must not come back as the other.
    void shouldWriteTheReportOfAStoredSnapshotAsOfTheFetchedOne()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot snapshot = smallSnapshot(9, 40);
        ConsumedLicense nulls; // what GitHub's null reads as
        nulls.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:9")};
        nulls.totalUserAccounts = 1;
        ConsumedLicense empties = nulls; // and its ""
        empties.githubComLogin = QStringLiteral("");
        empties.githubComName = QStringLiteral("");
        empties.githubComProfile = QStringLiteral("");
        empties.githubComSamlNameId = QStringLiteral("");
        empties.visualStudioLicenseStatus = QStringLiteral("");
        empties.visualStudioSubscriptionEmail = QStringLiteral("");
        empties.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:10")};
        snapshot.licenses.users << nulls << empties;
        const auto id = store.writeSnapshot(snapshot);
        QVERIFY2(id.ok(), qPrintable(id.error.message));
        const auto loaded = store.loadSnapshot(id.value);
        QVERIFY(loaded.ok());
        QCOMPARE(LicenseReportWriter::toJson(loaded.value.licenses), LicenseReportWriter::toJson(snapshot.licenses));
        QCOMPARE(LicenseReportWriter::toCsv(loaded.value.licenses), LicenseReportWriter::toCsv(snapshot.licenses));
        // GitHub's nullable texts are null when empty, its other texts "" (as its REST API writes them).
        const QJsonObject seat = LicenseReportWriter::userJson(empties);
        for (const char *key : {"github_com_name", "github_com_profile", "github_com_saml_name_id",
                 "visual_studio_license_status", "visual_studio_subscription_email"}) {
            QVERIFY2(seat.value(QLatin1String(key)).isNull(), key);
        }
        QCOMPARE(seat.value(QLatin1String("github_com_login")), QJsonValue(QString()));
        QCOMPARE(seat.value(QLatin1String("license_type")), QJsonValue(QString()));
    }

    void shouldRoundTripSnapshotWithNonAsciiData()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot snapshot = smallSnapshot(7);
        ConsumedLicense special;
        special.githubComLogin = QStringLiteral("mei-ling");
        special.githubComName = QStringLiteral("林美玲 🚀 O'Brien \"quoted\", comma");
        special.githubComVerifiedDomainEmails = {
            QStringLiteral("美玲@例子.公司"), QStringLiteral("meiling@example.com")};
        special.enterpriseServerEmails = {QStringLiteral("zoë@exämple.de")};
        special.enterpriseServerUserIds = {
            QStringLiteral("ghes-1.example.com:42"), QStringLiteral("ghes-2.example.com:7")};
        special.githubComEnterpriseRoles = {QStringLiteral("owner")};
        special.githubComTwoFactorAuth = TriState::Unknown;
        special.enterpriseServerUser = TriState::No;
        special.totalUserAccounts = 3;
        snapshot.licenses.users.append(special);
        // Server accounts whose texts need every JSON escape (the accounts are stored as JSON text).
        ServerUserAccount tricky;
        tricky.login = QStringLiteral("back\\slash\"quote");
        tricky.remoteUserId = QStringLiteral("4711");
        tricky.profileName = QStringLiteral("林美玲 🚀\ttab\nnewline\rreturn\u0001\u001f end");
        tricky.remoteCreatedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 58, 123), QTimeZone::UTC);
        tricky.isSiteAdmin = true;
        tricky.emails = {{QStringLiteral("zoë@exämple.de"), false}, {QStringLiteral("美玲@例子.公司"), true}};
        snapshot.installations[0].userAccounts.append(tricky);
        snapshot.installations[0].userAccounts.append(ServerUserAccount{}); // every field empty
        const auto id = store.writeSnapshot(snapshot);
        QVERIFY2(id.ok(), qPrintable(id.error.message));
        QVERIFY(id.value > 0);

        const auto loaded = store.loadSnapshot(id.value);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QCOMPARE(loaded.value.id, id.value);
        QCOMPARE(loaded.value.connectionId, snapshot.connectionId);
        QCOMPARE(loaded.value.takenAt, snapshot.takenAt);
        QCOMPARE(loaded.value.source, snapshot.source);
        QCOMPARE(loaded.value.licenses.totalSeatsConsumed, snapshot.licenses.totalSeatsConsumed);
        QCOMPARE(loaded.value.licenses.totalSeatsPurchased, snapshot.licenses.totalSeatsPurchased);
        QCOMPARE(loaded.value.licenses.users.size(), snapshot.licenses.users.size());
        for (qsizetype i = 0; i < snapshot.licenses.users.size(); ++i) {
            QVERIFY2(
                loaded.value.licenses.users.at(i) == snapshot.licenses.users.at(i), qPrintable(QString::number(i)));
        }
        QCOMPARE(loaded.value.licenses.users.constLast().githubComName, special.githubComName);
        QCOMPARE(loaded.value.syncStatus, snapshot.syncStatus);
        auto sortedLicenses = snapshot.serverLicenses;
        std::sort(sortedLicenses.begin(), sortedLicenses.end(),
            [](const auto &a, const auto &b) { return a.hostname < b.hostname; });
        QCOMPARE(loaded.value.serverLicenses, sortedLicenses);
        QCOMPARE(loaded.value.installations, snapshot.installations);

        const auto summaries = store.snapshots(snapshot.connectionId);
        QVERIFY(summaries.ok());
        QCOMPARE(summaries.value.size(), 1);
        QCOMPARE(summaries.value.first().userCount, int(snapshot.licenses.users.size()));

        // The License page's light load: accounts with their names, without e-mails and dates.
        LicenseStore::LoadParts light;
        light.users = false;
        light.accountDetails = false;
        const auto page = store.loadSnapshot(id.value, light);
        QVERIFY2(page.ok(), qPrintable(page.error.message));
        QVERIFY(page.value.licenses.users.isEmpty());
        QCOMPARE(page.value.installations.size(), snapshot.installations.size());
        qsizetype accounts = 0;
        for (qsizetype i = 0; i < snapshot.installations.size(); ++i) {
            const auto &full = snapshot.installations.at(i).userAccounts;
            const auto &names = page.value.installations.at(i).userAccounts;
            QCOMPARE(names.size(), full.size());
            for (qsizetype a = 0; a < full.size(); ++a, ++accounts) {
                QCOMPARE(names.at(a).login, full.at(a).login);
                QCOMPARE(names.at(a).remoteUserId, full.at(a).remoteUserId);
                QCOMPARE(names.at(a).profileName, full.at(a).profileName);
                QVERIFY(names.at(a).emails.isEmpty());
                QVERIFY(!names.at(a).remoteCreatedAt.isValid());
            }
        }
        QVERIFY(accounts > 0);
    }

    void shouldStoreTheSameValuesInTextBatchesAndBoundRows()
    {
        // PostgreSQL writes rows by COPY (or as arrays where COPY cannot run), SQLite through its own
        // API: each must store exactly what bound VALUES through QtSql store, escaping included (on
        // SQLite the "arrays" store takes SQLite's own API too).
        LicenseSnapshot snapshot = smallSnapshot(11, 300);
        const qsizetype firstTricky = snapshot.licenses.users.size();
        ConsumedLicense syntax;
        syntax.githubComLogin = QStringLiteral("NULL");
        syntax.githubComName = QStringLiteral("Quote \" backslash \\ brace {x} comma, apostrophe ' \\u001f \\\"");
        syntax.githubComSamlNameId = QStringLiteral("null");
        syntax.githubComProfile = QStringLiteral("  padded  ");
        syntax.licenseType = QStringLiteral("[\"json\"]");
        syntax.visualStudioSubscriptionEmail = QStringLiteral("tab\there\nnew line\r\x01\x7f");
        syntax.githubComVerifiedDomainEmails = {QStringLiteral("a\"b@x.example"), QStringLiteral("c,d@y.example"),
            QStringLiteral("{e}@z.example"), QStringLiteral("NULL"), QString()};
        syntax.enterpriseServerEmails = {QStringLiteral("林美玲@例子.公司"), QStringLiteral("🚀@emoji.example")};
        syntax.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:1"), QStringLiteral("服务器:2")};
        syntax.githubComMemberRoles = {QStringLiteral("org:\"Role\"")};
        syntax.githubComEnterpriseRoles = {QStringLiteral("\\")};
        syntax.githubComOrgsWithPendingInvites = {QStringLiteral("}")};
        syntax.totalUserAccounts = 2147483647;
        syntax.githubComUser = true;
        syntax.visualStudioSubscriptionUser = true;
        syntax.enterpriseServerUser = TriState::No;
        syntax.githubComTwoFactorAuth = TriState::Unknown;
        ConsumedLicense negative;
        negative.githubComLogin = QStringLiteral("negative");
        negative.totalUserAccounts = -7;
        negative.enterpriseServerUser = TriState::Unknown;
        negative.githubComTwoFactorAuth = TriState::No;
        snapshot.licenses.users << syntax << negative;
        // Stored lossily by design (an empty only item, the list separator inside an item); both
        // paths must lose the same way.
        const qsizetype firstLossy = snapshot.licenses.users.size();
        ConsumedLicense lossy;
        lossy.githubComLogin = QStringLiteral("lossy");
        lossy.githubComMemberRoles = {QString()};
        lossy.githubComVerifiedDomainEmails = {QStringLiteral("a") + QChar(0x1f) + QStringLiteral("b@x.example")};
        lossy.githubComName = QStringLiteral("unit") + QChar(0x1f) + QStringLiteral("separator");
        snapshot.licenses.users << lossy;
        snapshot.licenses.totalSeatsConsumed = int(snapshot.licenses.users.size());

        qint64 batchedId = 0;
        {
            LicenseStore batched;
            QVERIFY(!batched.open(m_location));
            const auto id = batched.writeSnapshot(snapshot);
            QVERIFY2(id.ok(), qPrintable(id.error.message));
            batchedId = id.value;
        }
        qint64 arraysId = 0;
        {
            LicenseStore::OpenOptions options;
            options.postgresCopy = false;
            LicenseStore arrays;
            QVERIFY(!arrays.open(m_location, options));
            const auto id = arrays.writeSnapshot(snapshot);
            QVERIFY2(id.ok(), qPrintable(id.error.message));
            arraysId = id.value;
        }
        LicenseStore::OpenOptions options;
        options.textBatches = false;
        LicenseStore store;
        QVERIFY(!store.open(m_location, options));
        const auto boundId = store.writeSnapshot(snapshot);
        QVERIFY2(boundId.ok(), qPrintable(boundId.error.message));

        const auto batchedRows = store.loadConsumedLicenses(batchedId);
        const auto boundRows = store.loadConsumedLicenses(boundId.value);
        QVERIFY(batchedRows.ok() && boundRows.ok());
        QCOMPARE(batchedRows.value.size(), snapshot.licenses.users.size());
        for (qsizetype i = 0; i < firstLossy; ++i) {
            QVERIFY2(batchedRows.value.at(i) == snapshot.licenses.users.at(i), qPrintable(QString::number(i)));
        }
        QCOMPARE(batchedRows.value.at(firstTricky).githubComName, syntax.githubComName);
        QCOMPARE(batchedRows.value.at(firstTricky).visualStudioSubscriptionEmail, syntax.visualStudioSubscriptionEmail);
        QCOMPARE(batchedRows.value, boundRows.value);
        const auto arraysRows = store.loadConsumedLicenses(arraysId);
        QVERIFY(arraysRows.ok());
        QCOMPARE(arraysRows.value, boundRows.value);
        QCOMPARE(batchedRows.value.constLast().githubComMemberRoles, QStringList());

        // Packed as they are read (the License page's load): the very rows the list load gives.
        const auto packed = store.loadCompactLicenses(batchedId);
        QVERIFY2(packed.ok(), qPrintable(packed.error.message));
        QCOMPARE(packed.value.size(), batchedRows.value.size());
        for (qsizetype i = 0; i < packed.value.size(); ++i) {
            QVERIFY2(packed.value.license(i) == batchedRows.value.at(i), qPrintable(QString::number(i)));
        }
        LicenseStore closed;
        QCOMPARE(closed.loadCompactLicenses(batchedId).error.code, StoreError::Code::NotOpen);

        // Column by column, NULL or not included: the stored values themselves are the same.
        auto raw = [&store](qint64 id) {
            QList<QVariantList> rows;
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            q.prepare(QStringLiteral("SELECT * FROM consumed_licenses WHERE snapshot_id = ? ORDER BY row_index"));
            q.addBindValue(id);
            if (!q.exec()) {
                return rows;
            }
            while (q.next()) {
                QVariantList row;
                for (int c = 1; c < q.record().count(); ++c) { // not snapshot_id
                    const QVariant v = q.value(c);
                    row.append(v.isNull() ? QVariant() : QVariant(v.toString()));
                }
                rows.append(row);
            }
            return rows;
        };
        const QList<QVariantList> batchedRaw = raw(batchedId);
        const QList<QVariantList> boundRaw = raw(boundId.value);
        const QList<QVariantList> arraysRaw = raw(arraysId);
        QCOMPARE(batchedRaw.size(), snapshot.licenses.users.size());
        QCOMPARE(arraysRaw.size(), snapshot.licenses.users.size());
        for (qsizetype i = 0; i < batchedRaw.size(); ++i) {
            QCOMPARE(batchedRaw.at(i), boundRaw.at(i));
            QCOMPARE(arraysRaw.at(i), boundRaw.at(i));
        }
        QCOMPARE(batchedRaw.at(firstTricky).at(0).toInt(), int(firstTricky)); // row_index
        QVERIFY(!batchedRaw.at(firstTricky + 1).at(2).isValid()); // an empty name is NULL
    }

    void shouldReadSqliteRowsThroughItsOwnApi()
    {
        if (postgres()) {
            QSKIP("SQLite's own API reads SQLite files; PostgreSQL has a reader of its own");
        }
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot snapshot = smallSnapshot(7, 300);
        const ConsumedLicense chinese = nonAsciiSeat();
        snapshot.licenses.users.append(chinese);
        const auto id = store.writeSnapshot(snapshot);
        QVERIFY(id.ok());
        const auto list = store.loadConsumedLicenses(id.value);
        QVERIFY(list.ok());

        // The reader itself, beside the store's open connection (WAL: readers do not wait).
        SqliteRowReader reader;
        QVERIFY2(reader.open(m_location, 1000), qPrintable(reader.errorText()));
        CompactLicenseRows rows;
        QVERIFY2(reader.read(id.value, rows), qPrintable(reader.errorText()));
        QCOMPARE(rows.size(), list.value.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QVERIFY2(rows.license(i) == list.value.at(i), qPrintable(QString::number(i)));
        }
        QCOMPARE(rows.license(rows.size() - 1).githubComName, chinese.githubComName);
        // One thread stepping SQLite, this one packing: 16 rows a batch, so the stepping thread
        // waits for the packing one many times over.
        SqliteRowReader threaded(16, 1);
        QVERIFY(threaded.open(m_location, 1000));
        CompactLicenseRows threadedRows;
        QVERIFY2(threaded.read(id.value, threadedRows), qPrintable(threaded.errorText()));
        QCOMPARE(threadedRows.size(), list.value.size());
        for (qsizetype i = 0; i < threadedRows.size(); ++i) {
            QVERIFY2(threadedRows.license(i) == list.value.at(i), qPrintable(QString::number(i)));
            QCOMPARE(threadedRows.searchText(i), rows.searchText(i));
        }
        CompactLicenseRows none;
        QVERIFY(reader.read(id.value + 1000, none));
        QCOMPARE(none.size(), 0);

        // A damaged stored count is only a hint: neither read tries to reserve it.
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            q.prepare(QStringLiteral("UPDATE snapshots SET user_count = 9000000000000000 WHERE id = ?"));
            q.addBindValue(id.value);
            QVERIFY(q.exec());
        }
        CompactLicenseRows overstated;
        QVERIFY2(reader.read(id.value, overstated), qPrintable(reader.errorText()));
        QCOMPARE(overstated.size(), list.value.size());
        QCOMPARE(store.loadConsumedLicenses(id.value).value.size(), list.value.size());

        // A path outside ASCII (SQLite takes it as UTF-8, as Qt's driver gives it).
        const QString chinesePath = m_dir->filePath(QStringLiteral("许可证 数据.sqlite"));
        {
            LicenseStore chineseStore;
            QVERIFY(!chineseStore.open(chinesePath));
            const auto chineseId = chineseStore.writeSnapshot(smallSnapshot(3, 20));
            QVERIFY(chineseId.ok());
            SqliteRowReader chineseReader;
            QVERIFY2(chineseReader.open(chinesePath, 1000), qPrintable(chineseReader.errorText()));
            CompactLicenseRows chineseRows;
            QVERIFY2(chineseReader.read(chineseId.value, chineseRows), qPrintable(chineseReader.errorText()));
            QCOMPARE(chineseRows.size(), chineseStore.loadConsumedLicenses(chineseId.value).value.size());
            QVERIFY(chineseRows.size() > 0);
        }

        // Never creates a database: a missing file is an error of its own.
        const QString missing = m_dir->filePath(QStringLiteral("missing.sqlite"));
        SqliteRowReader nowhere;
        QVERIFY(!nowhere.open(missing, 1000));
        QVERIFY(!nowhere.errorText().isEmpty());
        QVERIFY(!QFile::exists(missing));

        // An error of SQLite reaches the store's caller as the store's error, with SQLite's text.
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE consumed_licenses RENAME COLUMN github_com_name TO renamed")));
        }
        const auto broken = store.loadCompactLicenses(id.value);
        QCOMPARE(broken.error.code, StoreError::Code::QueryFailed);
        QVERIFY2(broken.error.detail.contains(QLatin1String("github_com_name")), qPrintable(broken.error.detail));
        CompactLicenseRows partial;
        QVERIFY(!reader.read(id.value, partial));
        QCOMPARE(reader.errorCode(), 1); // SQLITE_ERROR

        // An in-memory database has no file to open beside it: read through QtSql.
        LicenseStore memory;
        QVERIFY(!memory.open(QStringLiteral(":memory:")));
        const auto memoryId = memory.writeSnapshot(snapshot);
        QVERIFY(memoryId.ok());
        const auto packed = memory.loadCompactLicenses(memoryId.value);
        QVERIFY2(packed.ok(), qPrintable(packed.error.message));
        QCOMPARE(packed.value.size(), snapshot.licenses.users.size());
        QCOMPARE(packed.value.license(packed.value.size() - 1).githubComName, chinese.githubComName);
    }

    void shouldWriteSqliteRowsThroughItsOwnApi()
    {
        if (postgres()) {
            QSKIP("SQLite's own API writes SQLite; PostgreSQL writes by COPY");
        }
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const LicenseSnapshot first = smallSnapshot(3, 300);
        const auto firstId = store.writeSnapshot(first);
        QVERIFY(firstId.ok());
        QSqlDatabase db = QSqlDatabase::database(store.connectionName());

        // It takes the store's connection only inside the store's transaction, and only an open one.
        SqliteRowWriter outside;
        QVERIFY(!outside.attach(db));
        QVERIFY(!outside.attach(QSqlDatabase()));
        QVERIFY(!outside.write(1, first.licenses.users, {}));
        QCOMPARE(outside.errorCode(), 21); // SQLITE_MISUSE: never a write on a connection it has not checked

        // An error of SQLite in the middle of the rows: the store's error with SQLite's text, the
        // previous snapshot intact, the store usable after it.
        {
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_row BEFORE INSERT ON consumed_licenses "
                                      "WHEN NEW.row_index = 250 BEGIN SELECT RAISE(ABORT, 'row 250 refused'); END")));
        }
        LicenseSnapshot second = smallSnapshot(4, 1000);
        second.takenAt = first.takenAt.addDays(1);
        const auto refused = store.writeSnapshot(second);
        QCOMPARE(refused.error.code, StoreError::Code::QueryFailed);
        QVERIFY2(refused.error.detail.contains(QLatin1String("row 250 refused")), qPrintable(refused.error.detail));
        QVERIFY2(refused.error.message.contains(QLatin1String("row 250 refused")), qPrintable(refused.error.message));
        QCOMPARE(store.snapshots(first.connectionId).value.size(), 1);
        QCOMPARE(store.loadConsumedLicenses(firstId.value).value, first.licenses.users);
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")) && q.next());
            QCOMPARE(q.value(0).toInt(), int(first.licenses.users.size()));
            q.finish();
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse_row")));
        }
        const auto secondId = store.writeSnapshot(second);
        QVERIFY2(secondId.ok(), qPrintable(secondId.error.message));
        QCOMPARE(store.loadConsumedLicenses(secondId.value).value, second.licenses.users);

        // Inside a transaction of the driver's connection it writes, in order, what it was given.
        QVERIFY(db.transaction());
        SqliteRowWriter inside;
        QVERIFY(inside.attach(db));
        QVERIFY(inside.write(secondId.value, {}, {})); // no rows: nothing to do, no error
        QVERIFY(!inside.write(secondId.value, first.licenses.users.mid(0, 1), {})); // row 0 is taken
        QCOMPARE(inside.errorCode(), 19); // SQLITE_CONSTRAINT
        QVERIFY2(inside.errorText().contains(QLatin1String("UNIQUE")), qPrintable(inside.errorText()));
        QVERIFY(db.rollback());
    }

    void shouldReadPostgresRowsThroughLibpq()
    {
        if (!postgres()) {
            QSKIP("libpq reads PostgreSQL; SQLite has a reader of its own");
        }
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot snapshot = smallSnapshot(7, 300);
        // Every character COPY's text format escapes, and a text that reads like its NULL: written by COPY
        // FROM, read by COPY TO.
        ConsumedLicense escaped;
        escaped.githubComLogin = QStringLiteral("back\\slash");
        escaped.githubComName = QStringLiteral("tab\there, new\nline, return\r, \b\f\v, and \\N");
        escaped.githubComSamlNameId = QStringLiteral("\\N");
        escaped.enterpriseServerUserIds = {QStringLiteral("ghes.example.com:1\t2")};
        escaped.githubComMemberRoles = {QStringLiteral("org\\:Member"), QStringLiteral("org2:Member")};
        escaped.githubComTwoFactorAuth = TriState::Yes;
        snapshot.licenses.users.append(escaped);
        const ConsumedLicense chinese = nonAsciiSeat();
        snapshot.licenses.users.append(chinese);
        const auto id = store.writeSnapshot(snapshot);
        QVERIFY(id.ok());
        const auto list = store.loadConsumedLicenses(id.value);
        QVERIFY(list.ok());
        QSqlDatabase db = QSqlDatabase::database(store.connectionName());

        // On the store's own connection: fetched by the caller (2,048 rows a batch), and by a thread
        // of its own 16 rows at a time while the caller packs.
        for (const auto &[batchRows, threadedFrom] :
            {std::pair{2048, qsizetype(1) << 40}, std::pair{16, qsizetype(1)}}) {
            PostgresRowReader reader(batchRows, threadedFrom);
            QVERIFY(reader.attach(db));
            CompactLicenseRows rows;
            QVERIFY2(reader.read(id.value, rows), qPrintable(reader.errorText()));
            QCOMPARE(rows.size(), list.value.size());
            for (qsizetype i = 0; i < rows.size(); ++i) {
                QVERIFY2(rows.license(i) == list.value.at(i), qPrintable(QString::number(i)));
            }
            QCOMPARE(rows.license(rows.size() - 1).githubComName, chinese.githubComName);
            QCOMPARE(rows.license(rows.size() - 2), escaped);
        }
        PostgresRowReader reader;
        QVERIFY(reader.attach(db));
        CompactLicenseRows none;
        QVERIFY(reader.read(id.value + 1000, none));
        QCOMPARE(none.size(), 0);

        // Not inside a transaction of the store's (its rows would not be the ones read), nor on SQLite.
        QVERIFY(db.transaction());
        QVERIFY(!PostgresRowReader().attach(db));
        QVERIFY(db.rollback());
        LicenseStore sqlite;
        QVERIFY(!sqlite.open(m_dir->filePath(QStringLiteral("not-postgres.sqlite"))));
        QVERIFY(!PostgresRowReader().attach(QSqlDatabase::database(sqlite.connectionName())));

        // An error of the server reaches the store's caller as the store's error, and the connection
        // stays usable (the read's transaction is rolled back).
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE consumed_licenses RENAME COLUMN github_com_name TO renamed")));
        }
        CompactLicenseRows partial;
        QVERIFY(reader.attach(db));
        QVERIFY(!reader.read(id.value, partial));
        QCOMPARE(reader.sqlState(), QStringLiteral("42703")); // undefined_column
        const auto broken = store.loadCompactLicenses(id.value);
        QCOMPARE(broken.error.code, StoreError::Code::QueryFailed);
        QVERIFY2(broken.error.detail.contains(QLatin1String("github_com_name")), qPrintable(broken.error.detail));
        {
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE consumed_licenses RENAME COLUMN renamed TO github_com_name")),
                qPrintable(q.lastError().text()));
        }
        const auto again = store.loadCompactLicenses(id.value);
        QVERIFY2(again.ok(), qPrintable(again.error.message));
        QCOMPARE(again.value.size(), list.value.size());
    }

    void shouldKeepOnlyChangesInSyncStatusHistory()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot s = smallSnapshot(1, 10);
        s.syncStatus = {LicenseSyncStatus{QStringLiteral("srv-a"), QStringLiteral("a.example.com"),
                            s.takenAt.addDays(-1), QStringLiteral("success"), {}, {}},
            LicenseSyncStatus{QStringLiteral("srv-b"), QStringLiteral("b.example.com"), {}, QStringLiteral("failure"),
                QStringLiteral("timeout"), {}}};
        QVERIFY(store.writeSnapshot(s).ok());
        s.takenAt = s.takenAt.addDays(1);
        QVERIFY(store.writeSnapshot(s).ok()); // identical: nothing new
        s.takenAt = s.takenAt.addDays(1);
        s.syncStatus[1] = LicenseSyncStatus{
            QStringLiteral("srv-b"), QStringLiteral("b.example.com"), s.takenAt, QStringLiteral("success"), {}, {}};
        QVERIFY(store.writeSnapshot(s).ok());
        const auto all = store.syncStatusHistory(s.connectionId);
        QVERIFY(all.ok());
        QCOMPARE(all.value.size(), 3);
        const auto b = store.syncStatusHistory(s.connectionId, QStringLiteral("srv-b"));
        QCOMPARE(b.value.size(), 2);
        QCOMPARE(b.value.at(0).status.error, QStringLiteral("timeout"));
        QVERIFY(!b.value.at(0).status.lastSyncDate.isValid());
        QVERIFY(b.value.at(1).status.isSuccess());
        QCOMPARE(b.value.at(1).status.lastSyncDate, s.takenAt);
    }

    void shouldFindTheLastSuccessOfAFailingServer()
    {
        // srv-a succeeds, then fails twice; srv-b has only ever failed. GitHub reports the last attempt only.
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const auto status = [](const QString &id, const QDateTime &date, bool success) {
            return LicenseSyncStatus{id, id + QStringLiteral(".example.com"), date,
                success ? QStringLiteral("success") : QStringLiteral("failure"),
                success ? QString() : QStringLiteral("GitHub Connect is off"), {}};
        };
        LicenseSnapshot s = smallSnapshot(1, 10);
        const QDateTime first = s.takenAt;
        s.syncStatus = {status(QStringLiteral("srv-a"), first.addDays(-1), true),
            status(QStringLiteral("srv-b"), first.addDays(-1), false)};
        const auto firstId = store.writeSnapshot(s);
        QVERIFY(firstId.ok());
        for (int day = 1; day <= 2; ++day) {
            s.takenAt = first.addDays(day);
            s.syncStatus = {status(QStringLiteral("srv-a"), s.takenAt.addSecs(-60), false),
                status(QStringLiteral("srv-b"), s.takenAt.addSecs(-60), false)};
            QVERIFY(store.writeSnapshot(s).ok());
        }
        const auto latestId = store.latestSnapshot(s.connectionId);
        QVERIFY(latestId.ok() && latestId.value);
        for (bool newest : {false, true}) {
            LicenseStore::LoadParts parts;
            parts.newestSyncStatus = newest;
            const auto latest = store.loadSnapshot(latestId.value->id, parts);
            QVERIFY(latest.ok());
            QCOMPARE(latest.value.syncStatus.size(), 2);
            const LicenseSyncStatus &a = latest.value.syncStatus.at(0);
            QCOMPARE(a.serverId, QStringLiteral("srv-a"));
            QVERIFY(!a.isSuccess());
            QCOMPARE(a.lastSyncDate, s.takenAt.addSecs(-60));
            QCOMPARE(a.lastSuccessDate, first.addDays(-1));
            QCOMPARE(a.lastSuccessfulSync(), first.addDays(-1));
            QVERIFY(!a.isStale(first.addDays(6)));
            QVERIFY(a.isStale(first.addDays(7))); // a week and a day after the success, however recent the attempt
            const LicenseSyncStatus &b = latest.value.syncStatus.at(1);
            QVERIFY(!b.lastSuccessDate.isValid());
            QVERIFY(b.isStale(s.takenAt));
        }
        // The first snapshot knows its own success, and nothing later.
        const auto earliest = store.loadSnapshot(firstId.value, LicenseStore::LoadParts{});
        QVERIFY(earliest.ok());
        QVERIFY(earliest.value.syncStatus.at(0).isSuccess());
        QVERIFY(!earliest.value.syncStatus.at(0).lastSuccessDate.isValid()); // derived only after a failure
    }

    void shouldKeepThePresentWhenAHistoryIsWrittenAfterIt()
    {
        // A first start on the lab stores today's snapshot, then the weeks before it.
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot now = smallSnapshot(1, 10);
        const auto status = [](const QDateTime &date) {
            return QList<LicenseSyncStatus>{LicenseSyncStatus{
                QStringLiteral("srv-a"), QStringLiteral("a.example.com"), date, QStringLiteral("success"), {}, {}}};
        };
        now.syncStatus = status(now.takenAt.addDays(-1));
        const auto nowId = store.writeSnapshot(now);
        QVERIFY(nowId.ok());
        QList<qint64> pastIds;
        for (int week = 3; week >= 1; --week) {
            LicenseSnapshot past = smallSnapshot(1, 10);
            past.takenAt = now.takenAt.addDays(-7 * week);
            past.syncStatus = status(past.takenAt.addDays(-1));
            const auto id = store.writeSnapshot(past);
            QVERIFY(id.ok());
            pastIds.append(id.value);
        }
        // The newest status is today's, whatever was written last...
        LicenseStore::LoadParts newest;
        newest.newestSyncStatus = true;
        const auto latest = store.loadSnapshot(nowId.value, newest);
        QVERIFY(latest.ok());
        QCOMPARE(latest.value.syncStatus.size(), 1);
        QCOMPARE(latest.value.syncStatus.first().lastSyncDate, now.takenAt.addDays(-1));
        // ...each past snapshot has the status of its own date, and the history is in time order.
        const auto threeWeeksAgo = store.loadSnapshot(pastIds.first());
        QVERIFY(threeWeeksAgo.ok());
        QCOMPARE(threeWeeksAgo.value.syncStatus.first().lastSyncDate, now.takenAt.addDays(-22));
        const auto history = store.syncStatusHistory(now.connectionId);
        QVERIFY(history.ok());
        QCOMPARE(history.value.size(), 4);
        for (int i = 1; i < history.value.size(); ++i) {
            QVERIFY(history.value.at(i - 1).recordedAt < history.value.at(i).recordedAt);
        }
        QCOMPARE(history.value.last().status.lastSyncDate, now.takenAt.addDays(-1));
        QCOMPARE(store.latestSnapshot(now.connectionId).value->id, nowId.value);
    }

    void shouldRollBackCancelledWriteAndKeepPreviousSnapshot()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const LicenseSnapshot first = smallSnapshot(1, 300);
        const auto firstId = store.writeSnapshot(first);
        QVERIFY(firstId.ok());
        LicenseSnapshot second = smallSnapshot(2, 3000);
        second.takenAt = first.takenAt.addDays(7);
        int checks = 0;
        const auto cancelled = store.writeSnapshot(second, [&checks]() { return ++checks > 3; });
        QCOMPARE(cancelled.error.code, StoreError::Code::Cancelled);
        QVERIFY(!cancelled.error.message.isEmpty());
        QVERIFY(checks > 3);
        const auto latest = store.latestSnapshot(first.connectionId);
        QVERIFY(latest.ok() && latest.value);
        QCOMPARE(latest.value->id, firstId.value);
        QCOMPARE(store.snapshots(first.connectionId).value.size(), 1);
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")) && q.next());
        QCOMPARE(q.value(0).toInt(), int(first.licenses.users.size()));
        q.finish();
        QCOMPARE(store.loadConsumedLicenses(firstId.value).value, first.licenses.users);
        // The store stays usable after the rollback.
        QVERIFY(store.writeSnapshot(second).ok());
        QCOMPARE(store.snapshots(first.connectionId).value.size(), 2);
    }

    void shouldSurviveWriterKilledMidTransaction()
    {
        {
            LicenseStore store;
            QVERIFY(!store.open(m_location));
            QVERIFY(store.writeSnapshot(smallSnapshot(5, 100)).ok());
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-write"), m_location});
        QVERIFY(child.waitForStarted());
        QSignalSpy ready(&child, &QProcess::readyReadStandardOutput);
        QVERIFY(ready.wait(60000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += child.readAllStandardOutput()).contains("mid-write") || child.state() != QProcess::Running, 60000);
        QCOMPARE(child.state(), QProcess::Running);
        // The child is inside its transaction now, rows sent: SQLite refuses another writer at once, PostgreSQL
        // lists the child's open transaction.
        {
            const QString conn = QStringLiteral("mid-write-probe");
            bool inTransaction = false;
            QString why;
            {
                QSqlDatabase db = rawDatabase(conn, m_location);
                if (!postgres()) {
                    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
                }
                QVERIFY(db.open());
                QSqlQuery q(db);
                if (postgres()) {
                    inTransaction = q.exec(QStringLiteral(
                                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                        "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL")) &&
                        q.next() && q.value(0).toInt() >= 1;
                } else {
                    inTransaction = !q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                    why = q.lastError().text();
                    if (!inTransaction) {
                        q.exec(QStringLiteral("ROLLBACK"));
                    }
                }
            }
            QSqlDatabase::removeDatabase(conn);
            QVERIFY2(inTransaction, qPrintable(why));
        }
        child.kill(); // SIGKILL: no chance to roll back or close cleanly
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        LicenseStore store;
        const StoreError e = store.open(m_location);
        QVERIFY2(!e, qPrintable(e.message));
        const auto list = store.snapshots(QStringLiteral("lab"));
        QVERIFY(list.ok());
        QCOMPARE(list.value.size(), 1);
        const auto rows = store.loadConsumedLicenses(list.value.first().id);
        QVERIFY(rows.ok());
        QCOMPARE(rows.value, smallSnapshot(5, 100).licenses.users);
        if (!postgres()) {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        QVERIFY(store.writeSnapshot(smallSnapshot(6, 50)).ok());
    }

    void shouldApplyRetention_data()
    {
        QTest::addColumn<int>("keepNewest");
        QTest::addColumn<int>("maxAgeDays");
        QTest::addColumn<int>("expectedRemoved");
        // Six weekly snapshots, the newest 1 day before "now".
        QTest::newRow("no limits") << 0 << 0 << 0;
        QTest::newRow("keep 3") << 3 << 0 << 3;
        QTest::newRow("keep 10") << 10 << 0 << 0;
        QTest::newRow("20 days") << 0 << 20 << 3;
        QTest::newRow("both") << 2 << 20 << 4;
        QTest::newRow("newest always kept") << 0 << 0 + 1 << 5;
    }

    void shouldApplyRetention()
    {
        QFETCH(int, keepNewest);
        QFETCH(int, maxAgeDays);
        QFETCH(int, expectedRemoved);
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot s = smallSnapshot(3, 20);
        const QDateTime now = s.takenAt.addDays(36);
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i) {
            s.takenAt = now.addDays(-1 - 7 * (5 - i));
            ids.append(store.writeSnapshot(s).value);
        }
        const auto removed = store.applyRetention(s.connectionId, RetentionPolicy{keepNewest, maxAgeDays}, now);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value, expectedRemoved);
        const auto left = store.snapshots(s.connectionId).value;
        QCOMPARE(left.size(), 6 - expectedRemoved);
        QCOMPARE(left.constLast().id, ids.constLast());
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")) && q.next());
        QCOMPARE(q.value(0).toInt(), int(left.size() * s.licenses.users.size()));
    }

    void shouldTellItsSizeOnDisk()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const auto empty = store.databaseSize();
        QVERIFY2(empty.ok(), qPrintable(empty.error.message));
        QVERIFY(empty.value > 0);
        QVERIFY(store.writeSnapshot(smallSnapshot(4, 3000)).ok());
        const auto written = store.databaseSize();
        QVERIFY(written.ok());
        QVERIFY2(written.value > empty.value + 3000 * 100, qPrintable(QString::number(written.value - empty.value)));
    }

    void shouldGiveUnusedSpaceBackWhenCompacted()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        LicenseSnapshot s = smallSnapshot(4, 3000);
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            s.takenAt = s.takenAt.addDays(7);
            ids.append(store.writeSnapshot(s).value);
            QVERIFY(ids.constLast() > 0);
        }
        QCOMPARE(store.unusedSize().value, postgres() ? -1 : 0);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(!store.removeSnapshot(ids.at(i)));
        }
        const qint64 before = store.databaseSize().value;
        const StoreResult<qint64> unused = store.unusedSize();
        QVERIFY2(unused.ok(), qPrintable(unused.error.message));
        if (postgres()) {
            QCOMPARE(unused.value, -1); // the server reuses the space itself
            QVERIFY(!store.compact());
            QCOMPARE(store.loadConsumedLicenses(ids.constLast()).value.size(), s.licenses.users.size());
            return;
        }
        // Three snapshots of 3000 seats removed: their pages are unused, and stay in the file.
        QVERIFY2(unused.value > 3 * 3000 * 100, qPrintable(u"%1 of %2"_s.arg(unused.value).arg(before)));
        QCOMPARE(store.databaseSize().value, before);

        // Cancelled at once: VACUUM rolls back, nothing changes.
        const StoreError cancelled = store.compact([] { return true; });
        QCOMPARE(cancelled.code, StoreError::Code::Cancelled);
        QCOMPARE(store.unusedSize().value, unused.value);
        QCOMPARE(store.loadConsumedLicenses(ids.constLast()).value.size(), s.licenses.users.size());

        int asked = 0;
        const StoreError compacted = store.compact([&asked] {
            ++asked;
            return false;
        });
        QVERIFY2(!compacted, qPrintable(compacted.message + u' ' + compacted.detail));
        QVERIFY(asked > 0); // it could have been cancelled
        QCOMPARE(store.unusedSize().value, 0);
        const qint64 after = store.databaseSize().value;
        QVERIFY2(after <= before - unused.value, qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
        QVERIFY(!QFileInfo::exists(m_location + u"-wal"_s) || QFileInfo(m_location + u"-wal"_s).size() == 0);
        // What was kept reads as it was written, also through the store's own SQLite reader.
        const StoreResult<QList<ConsumedLicense>> kept = store.loadConsumedLicenses(ids.constLast());
        QVERIFY(kept.ok());
        QCOMPARE(kept.value.size(), s.licenses.users.size());
        QCOMPARE(kept.value.constLast().githubComLogin, s.licenses.users.constLast().githubComLogin);
        QCOMPARE(store.loadCompactLicenses(ids.constLast()).value.size(), s.licenses.users.size());
        QVERIFY(store.writeSnapshot(s).ok()); // and the store goes on
    }

    void shouldTrackUsageFilesAndUploadState()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        UsageFileRecord exported;
        exported.connectionId = QStringLiteral("lab");
        exported.fileName = QStringLiteral("使用情况-ghes-1.json");
        exported.sha256 = QString::fromLatin1(QByteArray(32, 'a').toHex());
        exported.serverId = QStringLiteral("2f1c5b1e-0000-4000-8000-000000000001");
        exported.hostName = QStringLiteral("ghes-1.example.com");
        exported.version = QStringLiteral("3.15.2");
        exported.size = 123456;
        exported.time = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::UTC);
        exported.outcome = QStringLiteral("ok");
        UsageFileRecord uploaded = exported;
        uploaded.direction = UsageFileRecord::Direction::Uploaded;
        uploaded.time = exported.time.addSecs(600);
        uploaded.uploadState = UploadSyncState::Pending;
        const auto e1 = store.addUsageFile(exported);
        const auto e2 = store.addUsageFile(uploaded);
        QVERIFY(e1.ok() && e2.ok());
        QVERIFY(e2.value > e1.value);
        const QDateTime when = uploaded.time.addSecs(120);
        QVERIFY(!store.setUploadState(e2.value, UploadSyncState::Success, when, QStringLiteral("processed")));
        QCOMPARE(store.setUploadState(99999, UploadSyncState::Failure, when).code, StoreError::Code::NotFound);
        const auto list = store.usageFiles(QStringLiteral("lab"));
        QVERIFY(list.ok());
        QCOMPARE(list.value.size(), 2);
        uploaded.id = e2.value;
        uploaded.uploadState = UploadSyncState::Success;
        uploaded.uploadStateChangedAt = when;
        uploaded.outcome = QStringLiteral("processed");
        exported.id = e1.value;
        QCOMPARE(list.value.at(0), uploaded); // newest first
        QCOMPARE(list.value.at(1), exported);
        QCOMPARE(store.usageFiles(QStringLiteral("other")).value.size(), 0);
    }

    void shouldStoreSettings()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        QVERIFY(!store.setting(QStringLiteral("retention/keep")).value.has_value());
        QVERIFY(!store.setSetting(QStringLiteral("retention/keep"), QStringLiteral("52")));
        QVERIFY(!store.setSetting(QStringLiteral("retention/keep"), QStringLiteral("26")));
        QVERIFY(!store.setSetting(QStringLiteral("语言"), QStringLiteral("简体中文")));
        QCOMPARE(store.setting(QStringLiteral("retention/keep")).value.value_or(QString()), QStringLiteral("26"));
        QCOMPARE(store.setting(QStringLiteral("语言")).value.value_or(QString()), QStringLiteral("简体中文"));
    }

    void shouldStoreTheUploadIntervalOfEachConnection()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const auto unset = store.uploadDays(QStringLiteral("corp"));
        QVERIFY(unset.ok());
        QCOMPARE(unset.value, std::nullopt);
        QVERIFY(!store.setUploadDays(QStringLiteral("corp"), 31));
        QCOMPARE(store.uploadDays(QStringLiteral("corp")).value, std::optional<int>(31));
        QCOMPARE(store.uploadDays(QStringLiteral("lab")).value, std::nullopt); // each connection its own
        // Kept within a day and a year, however it was asked for or edited.
        QVERIFY(!store.setUploadDays(QStringLiteral("corp"), 0));
        QCOMPARE(store.uploadDays(QStringLiteral("corp")).value, std::optional<int>(1));
        QVERIFY(!store.setUploadDays(QStringLiteral("corp"), 1000));
        QCOMPARE(store.uploadDays(QStringLiteral("corp")).value, std::optional<int>(365));
        QVERIFY(!store.setSetting(QStringLiteral("uploadDays/corp"), QStringLiteral("monthly")));
        QCOMPARE(store.uploadDays(QStringLiteral("corp")).value, std::nullopt);
    }

    void shouldStoreTheRetentionPolicy()
    {
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const StoreResult<RetentionPolicy> unset = store.retentionPolicy();
        QVERIFY(unset.ok());
        QCOMPARE(unset.value.keepNewest, 0);
        QCOMPARE(unset.value.maxAgeDays, 0);
        QVERIFY(!store.setRetentionPolicy(RetentionPolicy{52, 365}));
        QVERIFY(!store.setRetentionPolicy(RetentionPolicy{26, 0}));
        const StoreResult<RetentionPolicy> read = store.retentionPolicy();
        QCOMPARE(read.value.keepNewest, 26);
        QCOMPARE(read.value.maxAgeDays, 0);
        // A hand-edited negative or non-numeric value reads as "no limit", never as a negative count.
        QVERIFY(!store.setSetting(QStringLiteral("retention/keepNewest"), QStringLiteral("-4")));
        QVERIFY(!store.setSetting(QStringLiteral("retention/maxAgeDays"), QStringLiteral("soon")));
        QCOMPARE(store.retentionPolicy().value.keepNewest, 0);
        QCOMPARE(store.retentionPolicy().value.maxAgeDays, 0);
    }

    void shouldReadTheServerAccountsProfileNamesOnTheirOwn()
    {
        LicenseSnapshot s = smallSnapshot(21, 30);
        QVERIFY(s.installations.size() >= 2);
        // Names that a line-and-tab format must escape, non-ASCII, and accounts without a name.
        const auto account = [](const QString &login, const QString &id, const QString &name) {
            ServerUserAccount a;
            a.login = login;
            a.remoteUserId = id;
            a.profileName = name;
            return a;
        };
        QList<ServerUserAccount> &accounts = s.installations[0].userAccounts;
        accounts.append(account(QStringLiteral("tabby"), QStringLiteral("41"), QStringLiteral("Ta\tb\\by")));
        accounts.append(account(QStringLiteral("lines"), QStringLiteral("42"), QStringLiteral("两行\n名字\\n")));
        accounts.append(account(QStringLiteral("nameless"), QStringLiteral("43"), QString()));
        accounts.append(account(QStringLiteral("back"), QStringLiteral("44"), QStringLiteral("end\\")));
        s.installations[1].userAccounts.append(
            account(QStringLiteral("same-id"), QStringLiteral("41"), QStringLiteral("Other host")));
        QVERIFY(s.installations.size() >= 3);
        for (ServerUserAccount &a : s.installations[2].userAccounts) {
            a.profileName.clear(); // an installation whose accounts have no names: stored as such
        }
        const QHash<QString, QString> expected = CountedTwiceAnalyzer::serverProfileNames(s.installations);
        QCOMPARE(expected.value(s.installations[0].hostName + QStringLiteral(":41")), QStringLiteral("Ta\tb\\by"));
        QVERIFY(!expected.contains(s.installations[0].hostName + QStringLiteral(":43")));

        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const qint64 id = store.writeSnapshot(s).value;
        QVERIFY(id > 0);
        const auto names = store.loadServerProfileNames(id);
        QVERIFY(names.ok());
        QCOMPARE(names.value, expected);
        // Read from their own table, not from the accounts.
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(
                q.exec(
                    QStringLiteral("SELECT COUNT(*) FROM installation_profile_names WHERE snapshot_id = %1").arg(id)) &&
                q.next());
            QCOMPARE(q.value(0).toInt(), s.installations.size());
        }
        execRaw(store, QStringLiteral("UPDATE installations SET user_accounts = NULL WHERE snapshot_id = %1").arg(id));
        QCOMPARE(store.loadServerProfileNames(id).value, expected);
        // Installations without their names (written by a console that did not know the table) read their accounts.
        {
            LicenseStore other;
            QVERIFY(!other.open(m_location));
            const qint64 second = other.writeSnapshot(s).value;
            execRaw(other, QStringLiteral("DELETE FROM installation_profile_names WHERE snapshot_id = %1").arg(second));
            QCOMPARE(other.loadServerProfileNames(second).value, expected);
        }
        // A snapshot without installations, and one that does not exist: nothing, not an error.
        QVERIFY(store.loadServerProfileNames(id + 1000).ok());
        QVERIFY(store.loadServerProfileNames(id + 1000).value.isEmpty());
    }

    void shouldMigrateFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < LicenseStore::latestSchemaVersion(); ++v) {
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
        }
    }

    void shouldMigrateFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const LicenseSnapshot s = smallSnapshot(11, 50);
        qint64 snapshotId = 0;
        {
            LicenseStore old;
            LicenseStore::OpenOptions options;
            options.migrateTo = from;
            QVERIFY(!old.open(m_location, options));
            QCOMPARE(old.schemaVersion(), from);
            QVERIFY(!QSqlDatabase::database(old.connectionName()).tables().contains(QStringLiteral("settings")) ||
                from >= 2);
            QCOMPARE(consumedLicensesForeignKeys(old), 1);
            snapshotId = old.writeSnapshot(s).value;
            QVERIFY(snapshotId > 0);
            // A usage file as that version stored it (v1 has no upload state columns).
            execRaw(old,
                QStringLiteral("INSERT INTO usage_files (connection_id, direction, file_name, sha256, server_id, "
                               "host_name, version, size, time,"
                               " outcome) VALUES ('lab', 0, 'old.json', 'abc', 'sid', 'h', '3.9.0', 10, 1000, 'ok')"));
        }
        LicenseStore store;
        const StoreError e = store.open(m_location);
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(store.schemaVersion(), LicenseStore::latestSchemaVersion());
        QCOMPARE(store.loadConsumedLicenses(snapshotId).value, s.licenses.users);
        // Written before profile_names existed: read from the accounts as before.
        const auto names = store.loadServerProfileNames(snapshotId);
        QVERIFY(names.ok());
        QVERIFY(!names.value.isEmpty());
        QCOMPARE(names.value, CountedTwiceAnalyzer::serverProfileNames(s.installations));
        // Written before snapshot_servers existed: the servers on record up to it, as before.
        LicenseStore::LoadParts statusOnly;
        statusOnly.users = false;
        const auto migrated = store.loadSnapshot(snapshotId, statusOnly);
        QVERIFY(migrated.ok());
        QVERIFY(!s.syncStatus.isEmpty());
        QCOMPARE(migrated.value.syncStatus.size(), s.syncStatus.size());
        const auto files = store.usageFiles();
        QCOMPARE(files.value.size(), 1);
        QCOMPARE(files.value.first().fileName, QStringLiteral("old.json"));
        QCOMPARE(files.value.first().uploadState, UploadSyncState::Unknown);
        QVERIFY(!store.setUploadState(files.value.first().id, UploadSyncState::Pending, s.takenAt));
        QVERIFY(!store.setSetting(QStringLiteral("k"), QStringLiteral("v")));
        QSqlQuery q(QSqlDatabase::database(store.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        // Version 5 took the seats' foreign key away on PostgreSQL, their rows kept; removing the snapshot removes
        // them still.
        QCOMPARE(consumedLicensesForeignKeys(store), postgres() ? 0 : 1);
        const qint64 rows = countOf(store, QStringLiteral("SELECT COUNT(*) FROM consumed_licenses"));
        QCOMPARE(rows, qint64(s.licenses.users.size()));
        QVERIFY(!store.removeSnapshot(snapshotId));
        QCOMPARE(countOf(store, QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")), 0);
        QVERIFY(store.snapshots(s.connectionId).value.isEmpty());
    }

    /// Runs a frozen fixture (tests/storage/fixtures) into the empty database at @p location, as the console of
    /// that schema wrote it: %ID% is the id column that console declared, %US% / %TAB% / %LF% the characters the
    /// store keeps lists and names with.
    void loadFixture(const QString &location, const QString &file)
    {
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QString sql = QString::fromUtf8(f.readAll());
        sql.replace(QLatin1String("%ID%"),
               postgres() ? QLatin1String("BIGSERIAL PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"))
            .replace(QLatin1String("%US%"), QString(QChar(0x1f)))
            .replace(QLatin1String("%TAB%"), QString(QChar(u'\t')))
            .replace(QLatin1String("%LF%"), QString(QChar(u'\n')));
        const QString name = QStringLiteral("fixture-%1").arg(++m_counter);
        int statements = 0;
        {
            QSqlDatabase db = rawDatabase(name, location);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            for (QString statement : sql.split(QLatin1String(";\n"), Qt::SkipEmptyParts)) {
                QStringList lines = statement.split(QLatin1Char('\n'));
                lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("--")); });
                statement = lines.join(QLatin1Char('\n')).trimmed();
                if (!statement.isEmpty()) {
                    QVERIFY2(q.exec(statement), qPrintable(q.lastError().text() + u' ' + statement.left(120)));
                    ++statements;
                }
            }
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(statements > 50);
    }

    void shouldMigrateADatabaseAnEarlierConsoleWrote_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < LicenseStore::latestSchemaVersion(); ++v) {
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
        }
    }

    // The migrations from every earlier version, run on the databases the consoles of those versions wrote (frozen
    // fixtures, so an edited old migration or a lost step shows), not on schemas built by today's migration code.
    void shouldMigrateADatabaseAnEarlierConsoleWrote()
    {
        QFETCH(int, from);
        const QString fixture = QFINDTESTDATA(QStringLiteral("fixtures/store-schema-%1.sql").arg(from));
        QVERIFY2(!fixture.isEmpty(), "no fixture for this schema: add one when a schema version is added");
        loadFixture(m_location, fixture);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString fresh = freshLocation();
        {
            LicenseStore created;
            QVERIFY(!created.open(fresh));
        }

        LicenseStore store;
        const StoreError e = store.open(m_location);
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(store.schemaVersion(), LicenseStore::latestSchemaVersion());
        store.close();
        // Tables, columns, types, defaults and indexes as a database created by this version has them.
        QCOMPARE(schemaOf(m_location), schemaOf(fresh));
        QVERIFY(!store.open(m_location));

        const QString connectionId = QStringLiteral("25e1bd0c-e63e-4941-b0d9-114cbb2f121b");
        const auto connections = store.connections();
        QVERIFY(connections.ok());
        QCOMPARE(connections.value.size(), 1);
        QCOMPARE(connections.value.first().id, connectionId);
        QCOMPARE(connections.value.first().name, QStringLiteral("small"));
        QCOMPARE(connections.value.first().kind, Connection::Kind::Lab);

        const auto snapshots = store.snapshots(connectionId);
        QVERIFY(snapshots.ok());
        QCOMPARE(snapshots.value.size(), 3);
        for (const SnapshotSummary &summary : snapshots.value) {
            QCOMPARE(summary.totalSeatsConsumed, 9);
            QCOMPARE(summary.totalSeatsPurchased, 100);
        }
        const qint64 newest = 3;
        QCOMPARE(snapshots.value.last().id, newest);
        QCOMPARE(snapshots.value.last().takenAt, QDateTime::fromMSecsSinceEpoch(1796237011015, QTimeZone::UTC));

        const auto loaded = store.loadSnapshot(newest);
        QVERIFY(loaded.ok());
        const LicenseSnapshot &s = loaded.value;
        QCOMPARE(s.licenses.users.size(), 9);
        QCOMPARE(s.licenses.users.at(3).githubComName, QStringLiteral("José Álvarez 4"));
        QCOMPARE(s.licenses.users.at(7).githubComName, QStringLiteral("李娜 8"));
        QCOMPARE(s.licenses.users.at(4).enterpriseServerUserIds,
            (QStringList{QStringLiteral("ghes-1.lab.example:2"), QStringLiteral("ghes-2.lab.example:3")}));
        const ConsumedLicense &serverOnly = s.licenses.users.at(8);
        QVERIFY(serverOnly.githubComLogin.isEmpty());
        QCOMPARE(serverOnly.enterpriseServerEmails, QStringList{QStringLiteral("user000008@corp-alias.example")});
        QCOMPARE(serverOnly.githubComTwoFactorAuth, TriState::Unknown);
        QCOMPARE(serverOnly.enterpriseServerUser, TriState::Yes);
        QCOMPARE(s.serverLicenses.size(), 2);
        QCOMPARE(s.serverLicenses.first().installedVersion, QStringLiteral("3.11.8"));
        QCOMPARE(s.serverLicenses.first().seatsUsed, 4);
        QCOMPARE(s.installations.size(), 2);
        QCOMPARE(s.installations.at(1).hostName, QStringLiteral("ghes-2.lab.example"));
        QVERIFY(!s.installations.at(1).isConnected);
        QCOMPARE(s.installations.at(1).uploads.size(), 2);
        QCOMPARE(s.installations.at(1).uploads.first().name, QStringLiteral("u.json"));
        QCOMPARE(s.installations.at(1).uploads.first().syncState, UploadSyncState::Success);
        QCOMPARE(s.installations.first().userAccounts.size(), 5);
        // Written before their own table (schema 3) or into it: the same name either way.
        const auto names = store.loadServerProfileNames(newest);
        QVERIFY(names.ok());
        QCOMPARE(
            names.value, (QHash<QString, QString>{{QStringLiteral("ghes-1.lab.example:2"), QStringLiteral("王芳")}}));
        // The servers of each snapshot, recorded (schema 4) or taken from the sync history up to it.
        for (const SnapshotSummary &summary : snapshots.value) {
            LicenseStore::LoadParts statusOnly;
            statusOnly.users = false;
            const auto status = store.loadSnapshot(summary.id, statusOnly);
            QVERIFY(status.ok());
            QCOMPARE(status.value.syncStatus.size(), 1);
            QCOMPARE(status.value.syncStatus.first().hostname, QStringLiteral("ghes-1.lab.example"));
        }
        QCOMPARE(s.syncStatus.first().lastSyncDate, QDateTime::fromMSecsSinceEpoch(1796237010000, QTimeZone::UTC));
        const auto history = store.syncStatusHistory(connectionId);
        QVERIFY(history.ok());
        QCOMPARE(history.value.size(), 2);

        const auto files = store.usageFiles(connectionId);
        QVERIFY(files.ok());
        QCOMPARE(files.value.size(), 2);
        for (const UsageFileRecord &file : files.value) {
            QCOMPARE(file.sha256, QStringLiteral("0791080116cb524b373ab86a30a5c47ba2f16707a4e703e138c710cf03e3223d"));
            QCOMPARE(file.hostName, QStringLiteral("ghes-2.lab.example"));
            // Schema 1 kept no upload state: unknown, not "pending" (which would poll GitHub for it).
            const bool tracked = from >= 2 && file.direction == UsageFileRecord::Direction::Uploaded;
            QCOMPARE(file.uploadState, tracked ? UploadSyncState::Success : UploadSyncState::Unknown);
        }
        const auto retention = store.retentionPolicy();
        QVERIFY(retention.ok());
        QCOMPARE(retention.value.keepNewest, from >= 2 ? 20 : 0);

        // The console goes on writing where the old one stopped: the next snapshot id, its seats, and removal.
        LicenseSnapshot next = smallSnapshot(5, 30);
        next.connectionId = connectionId;
        const auto written = store.writeSnapshot(next);
        QVERIFY2(written.ok(), qPrintable(written.error.message));
        QCOMPARE(written.value, newest + 1);
        QCOMPARE(store.loadConsumedLicenses(written.value).value, next.licenses.users);
        QVERIFY(!store.removeSnapshot(1));
        QCOMPARE(countOf(store, QStringLiteral("SELECT COUNT(*) FROM consumed_licenses")),
            qint64(2 * 9 + next.licenses.users.size()));
        QCOMPARE(store.snapshots(connectionId).value.size(), 3);
    }

    void shouldLeaveTheDatabaseAsItWasWhenAMigrationStepFails_data()
    {
        QTest::addColumn<int>("from"); // 0: a new database
        QTest::addColumn<int>("failing");
        for (int failing = 1; failing <= LicenseStore::latestSchemaVersion(); ++failing) {
            for (int from = 0; from < failing; ++from) {
                QTest::addRow("v%d, step %d fails", from, failing) << from << failing;
            }
        }
    }

    void shouldLeaveTheDatabaseAsItWasWhenAMigrationStepFails()
    {
        QFETCH(int, from);
        QFETCH(int, failing);
        const LicenseSnapshot s = smallSnapshot(5, 40);
        qint64 snapshotId = 0;
        if (from > 0) {
            LicenseStore old;
            LicenseStore::OpenOptions options;
            options.migrateTo = from;
            QVERIFY(!old.open(m_location, options));
            snapshotId = old.writeSnapshot(s).value;
            QVERIFY(snapshotId > 0);
        }
        const QStringList schemaBefore = schemaOf(m_location);
        QCOMPARE(schemaBefore.isEmpty(), from == 0);

        LicenseStore store;
        LicenseStore::OpenOptions broken;
        broken.failingMigrationForTests = failing;
        const StoreError e = store.open(m_location, broken);
        QCOMPARE(e.code, StoreError::Code::MigrationFailed);
        QVERIFY2(e.message.contains(QString::number(failing)), qPrintable(e.message));
        QVERIFY(!store.isOpen());
        // Not one statement of any step stayed: the same tables, columns and indexes as before.
        QCOMPARE(schemaOf(m_location), schemaBefore);

        if (from > 0) {
            // Still readable at its version, by a console that knows no more than that.
            LicenseStore reader;
            LicenseStore::OpenOptions same;
            same.migrateTo = from;
            QVERIFY(!reader.open(m_location, same));
            QCOMPARE(reader.schemaVersion(), from);
            QCOMPARE(reader.loadConsumedLicenses(snapshotId).value, s.licenses.users);
        }
        // And the next open without the failure migrates it as usual.
        LicenseStore fixed;
        const StoreError again = fixed.open(m_location);
        QVERIFY2(!again, qPrintable(again.message));
        QCOMPARE(fixed.schemaVersion(), LicenseStore::latestSchemaVersion());
        if (from > 0) {
            QCOMPARE(fixed.loadConsumedLicenses(snapshotId).value, s.licenses.users);
        }
    }

    void shouldRefuseAnotherProgramsDatabaseFile()
    {
        // A file of another program chosen by mistake (both backends' runs: it is always a local file).
        const QString path = m_dir->filePath(QStringLiteral("other-program.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-program"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO notes (body) VALUES ('keep me')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other-program"));
        const QByteArray before = fileHash(path);
        LicenseStore store;
        const StoreError e = store.open(path);
        QCOMPARE(e.code, StoreError::Code::InvalidLocation);
        QVERIFY2(e.message.contains(QLatin1String("another program")) && e.message.contains(QLatin1String("notes")),
            qPrintable(e.message));
        QVERIFY(!store.isOpen());
        QCOMPARE(fileHash(path), before);
        // An empty file (a new database) is still taken.
        const QString empty = m_dir->filePath(QStringLiteral("empty.sqlite"));
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        QVERIFY(!store.open(empty));
        QVERIFY(store.isOpen());
    }

    void shouldNeverShowTheDatabasePassword()
    {
        LicenseStore store;
        // Refused before connecting: Qt could not pass a ';' on, a password has no place in the URL (in the user
        // information or as libpq's parameter); and refused by a server that is not there.
        for (const QString &location : {QStringLiteral("postgresql://glc:s3cr3t-pw@127.0.0.1:1/db?options=a;b"),
                 QStringLiteral("postgresql://glc:s3cr3t-pw@127.0.0.1:1/db?connect_timeout=2"),
                 QStringLiteral("postgresql://glc@127.0.0.1:1/db?password=s3cr3t-pw"),
                 QStringLiteral("postgresql://glc@127.0.0.1:1/db?sslmode=disable&password=s3cr3t-pw"),
                 QStringLiteral("postgresql://glc@127.0.0.1:1/db?connect_timeout=2")}) {
            const StoreError e = store.open(location);
            QVERIFY(e.isError());
            QVERIFY2(e.message.contains(QLatin1String("glc@127.0.0.1:1/db")), qPrintable(e.message));
            QVERIFY2(!e.message.contains(QLatin1String("s3cr3t")) && !e.detail.contains(QLatin1String("s3cr3t")),
                qPrintable(e.message + e.detail));
            QVERIFY2(!e.message.contains(QLatin1String("db?”")), qPrintable(e.message)); // no '?' left behind
            const bool password = location.contains(QLatin1String("s3cr3t")) && !location.contains(QLatin1Char(';'));
            QCOMPARE(e.code,
                password || location.contains(QLatin1Char(';')) ? StoreError::Code::InvalidLocation
                                                                : StoreError::Code::OpenFailed);
            if (password) {
                QVERIFY2(e.message.contains(QLatin1String("holds a password")), qPrintable(e.message));
                QVERIFY2(e.nextStep().contains(QLatin1String("~/.pgpass")) &&
                        e.nextStep().contains(QLatin1String("PGPASSWORD")),
                    qPrintable(e.nextStep()));
            }
        }
    }

    void shouldTakeTheDatabasePasswordFromLibpq()
    {
        if (!postgres()) {
            QSKIP("PostgreSQL only");
        }
        // A team database whose role must log in with a password: libpq reads it from PGPASSWORD or a password
        // file, never from the --store URL, which other users see in the process list.
        const QString database = QUrl(m_location).path().mid(1);
        QString error;
        QVERIFY2(m_pg.addPasswordRole(QStringLiteral("glc_team"), QStringLiteral("t3am-pw"), database, &error),
            qPrintable(error));
        QUrl url(m_location);
        url.setUserName(QStringLiteral("glc_team"));
        const QString location = url.toString();
        const auto opens = [&location] {
            LicenseStore store;
            const StoreError e = store.open(location);
            return e.isError() ? e.message + QLatin1Char(' ') + e.detail : QString();
        };
        const QString withoutPassword = opens();
        QVERIFY2(withoutPassword.contains(QLatin1String("password")), qPrintable(withoutPassword)); // the server asked
        {
            const QString passFile = m_dir->filePath(QStringLiteral("pgpass"));
            QFile pass(passFile);
            QVERIFY(pass.open(QIODevice::WriteOnly));
            pass.write(QStringLiteral("127.0.0.1:%1:%2:glc_team:t3am-pw\n").arg(url.port()).arg(database).toUtf8());
            pass.close();
            QVERIFY(pass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)); // libpq insists
            qputenv("PGPASSFILE", QFile::encodeName(passFile));
            const QString fromFile = opens();
            qunsetenv("PGPASSFILE");
            QVERIFY2(fromFile.isEmpty(), qPrintable(fromFile));
        }
        qputenv("PGPASSWORD", "t3am-pw");
        LicenseStore store;
        const StoreError e = store.open(location);
        qunsetenv("PGPASSWORD");
        QVERIFY2(!e, qPrintable(e.message + e.detail));
        QVERIFY(store.writeSnapshot(smallSnapshot(3, 20)).ok());
        // The same password in the URL: refused, not used, and not shown.
        url.setPassword(QStringLiteral("t3am-pw"));
        LicenseStore refused;
        const StoreError inUrl = refused.open(url.toString());
        QCOMPARE(inUrl.code, StoreError::Code::InvalidLocation);
        QVERIFY(!inUrl.message.contains(QLatin1String("t3am-pw")));
        QVERIFY(!refused.isOpen());
    }

    void shouldRefuseNewerSchemaWithoutTouchingIt()
    {
        const LicenseSnapshot written = smallSnapshot(1, 20);
        {
            LicenseStore store;
            QVERIFY(!store.open(m_location));
            QVERIFY(store.writeSnapshot(written).ok());
            execRaw(store,
                QStringLiteral("UPDATE schema_version SET version = %1").arg(LicenseStore::latestSchemaVersion() + 1));
        }
        // The version, the rows and the schema, read past the store (SQLite: the file's bytes too).
        const auto state = [this] {
            QStringList values;
            const QString conn = QStringLiteral("check-newer");
            {
                QSqlDatabase db = rawDatabase(conn, m_location);
                if (db.open()) {
                    QSqlQuery q(db);
                    for (const QLatin1String sql : {QLatin1String("SELECT version FROM schema_version"),
                             QLatin1String("SELECT count(*) FROM snapshots"),
                             QLatin1String("SELECT count(*) FROM consumed_licenses")}) {
                        values << (q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("failed: ") + sql);
                    }
                }
            }
            QSqlDatabase::removeDatabase(conn);
            return values + schemaOf(m_location);
        };
        const QStringList stateBefore = state();
        QCOMPARE(stateBefore.value(0), QString::number(LicenseStore::latestSchemaVersion() + 1));
        QCOMPARE(stateBefore.value(1), QStringLiteral("1"));
        QCOMPARE(stateBefore.value(2), QString::number(written.licenses.users.size()));
        const QByteArray before = postgres() ? QByteArray() : fileHash(m_location);
        LicenseStore store;
        const StoreError e = store.open(m_location);
        QCOMPARE(e.code, StoreError::Code::NewerSchema);
        QVERIFY(e.message.contains(QString::number(LicenseStore::latestSchemaVersion() + 1)));
        QVERIFY(!store.isOpen());
        QCOMPARE(state(), stateBefore);
        if (!postgres()) {
            QVERIFY(!before.isEmpty());
            QCOMPARE(fileHash(m_location), before);
        }
    }

    void shouldRefuseASchemaANewerConsoleRaisedWhileThisOneWasAboutToMigrate()
    {
        // A database of the schema before the latest, with a snapshot.
        const int older = LicenseStore::latestSchemaVersion() - 1;
        {
            LicenseStore store;
            LicenseStore::OpenOptions options;
            options.migrateTo = older;
            QVERIFY(!store.open(m_location, options));
            QCOMPARE(store.schemaVersion(), older);
            QVERIFY(store.writeSnapshot(smallSnapshot(1, 20)).ok());
        }
        // This console read the older version and is about to migrate; a newer console raises the schema first.
        LicenseStore newer;
        LicenseStore::OpenOptions asIs;
        asIs.migrateTo = older;
        QVERIFY(!newer.open(m_location, asIs));
        const int raised = LicenseStore::latestSchemaVersion() + 1;
        LicenseStore::OpenOptions options;
        bool raisedMeanwhile = false;
        options.beforeMigrationForTests = [&] {
            execRaw(newer, QStringLiteral("UPDATE schema_version SET version = %1").arg(raised));
            raisedMeanwhile = true;
        };
        LicenseStore store;
        const StoreError e = store.open(m_location, options);
        QVERIFY(raisedMeanwhile);
        QCOMPARE(e.code, StoreError::Code::NewerSchema);
        QVERIFY2(e.message.contains(QString::number(raised)), qPrintable(e.message));
        QVERIFY(!store.isOpen());
        // Nothing of the latest version's migration was applied: the version is the newer console's alone, and
        // the snapshot is still there.
        QCOMPARE(countOf(newer, QStringLiteral("SELECT COUNT(*) FROM schema_version")), 1);
        QCOMPARE(countOf(newer, QStringLiteral("SELECT MAX(version) FROM schema_version")), raised);
        QCOMPARE(countOf(newer, QStringLiteral("SELECT COUNT(*) FROM snapshots")), 1);
    }

    /// Makes `store` hold the lock another console's write needs, as during a refresh: SQLite's
    /// database-wide write lock; on PostgreSQL the row of setting `key` (which must exist).
    void holdWriteLock(LicenseStore &store, const QString &key, const QString &value)
    {
        execRaw(store, postgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
        execRaw(store, QStringLiteral("UPDATE settings SET value = '%1' WHERE key = '%2'").arg(value, key));
    }

    void shouldShareOneDatabaseBetweenTwoInstances()
    {
        LicenseStore a;
        LicenseStore b;
        LicenseStore::OpenOptions shortWait;
        shortWait.busyTimeoutMs = 200;
        QVERIFY(!a.open(m_location));
        QVERIFY(!b.open(m_location, shortWait));
        QVERIFY(a.writeSnapshot(smallSnapshot(1, 50)).ok());
        QVERIFY(b.writeSnapshot(smallSnapshot(2, 60)).ok());
        QCOMPARE(a.snapshots(QStringLiteral("lab")).value.size(), 2);
        QCOMPARE(b.snapshots(QStringLiteral("lab")).value.size(), 2);
        QVERIFY(!a.setSetting(QStringLiteral("k"), QStringLiteral("a")));
        QVERIFY(!b.setSetting(QStringLiteral("k"), QStringLiteral("b")));
        QCOMPARE(a.setting(QStringLiteral("k")).value.value_or(QString()), QStringLiteral("b"));

        // A holds the lock longer than B is willing to wait: B is told clearly, on both backends.
        holdWriteLock(a, QStringLiteral("k"), QStringLiteral("held"));
        QElapsedTimer waited;
        waited.start();
        const StoreError e = b.setSetting(QStringLiteral("k"), QStringLiteral("v"));
        QCOMPARE(e.code, StoreError::Code::Locked);
        QVERIFY(e.message.contains(QLatin1String("another GHE License Console")));
        QVERIFY2(waited.elapsed() >= 150, qPrintable(QString::number(waited.elapsed()))); // it did wait first
        const auto snapshotMeanwhile = b.writeSnapshot(smallSnapshot(3, 10));
        if (postgres()) {
            // Row locks only: a snapshot of its own does not wait for A at all.
            QVERIFY2(snapshotMeanwhile.ok(), qPrintable(snapshotMeanwhile.error.message));
        } else {
            QCOMPARE(snapshotMeanwhile.error.code, StoreError::Code::Locked);
        }
        // Readers are not blocked by a writer (WAL; MVCC) and do not see its uncommitted change.
        QCOMPARE(b.snapshots(QStringLiteral("lab")).value.size(), postgres() ? 3 : 2);
        QCOMPARE(b.setting(QStringLiteral("k")).value.value_or(QString()), QStringLiteral("b"));
        execRaw(a, QStringLiteral("COMMIT"));
        QCOMPARE(b.setting(QStringLiteral("k")).value.value_or(QString()), QStringLiteral("held"));
        QVERIFY(!b.setSetting(QStringLiteral("k"), QStringLiteral("v")));
        QCOMPARE(a.setting(QStringLiteral("k")).value.value_or(QString()), QStringLiteral("v"));
    }

    void shouldLetTwoConsoleProcessesWriteAtOnce()
    {
        // Two consoles are two processes (file locks and server sessions of their own), started together: whichever
        // writes second waits for the first, and both snapshots are there whole.
        {
            LicenseStore store;
            QVERIFY(!store.open(m_location));
        }
        std::array<QProcess, 2> children;
        for (std::size_t i = 0; i < children.size(); ++i) {
            children[i].setProcessChannelMode(QProcess::ForwardedChannels);
            children[i].start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child-write-whole"), m_location, QString::number(70 + i)});
        }
        for (QProcess &child : children) {
            QVERIFY(child.waitForFinished(120000));
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }
        LicenseStore store;
        QVERIFY(!store.open(m_location));
        const auto list = store.snapshots(QStringLiteral("lab"));
        QVERIFY(list.ok());
        QCOMPARE(list.value.size(), 2);
        QList<QList<ConsumedLicense>> stored;
        for (const SnapshotSummary &summary : list.value) {
            const auto rows = store.loadConsumedLicenses(summary.id);
            QVERIFY(rows.ok());
            stored.append(rows.value);
        }
        for (const quint32 seed : {70u, 71u}) {
            SnapshotGeneratorOptions o;
            o.users = 3000;
            o.seed = seed;
            QVERIFY2(stored.contains(SnapshotGenerator::generate(o).licenses.users), qPrintable(QString::number(seed)));
        }
        if (!postgres()) {
            QSqlQuery q(QSqlDatabase::database(store.connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
    }

    void shouldLetAWriterWaitForAnotherInstanceToFinish()
    {
        LicenseStore a;
        QVERIFY(!a.open(m_location));
        QVERIFY(a.writeSnapshot(smallSnapshot(1, 50)).ok());
        QVERIFY(!a.setSetting(QStringLiteral("held"), QStringLiteral("-")));
        // A holds the lock, as during its refresh.
        holdWriteLock(a, QStringLiteral("held"), QStringLiteral("a"));

        // B: another console with its own connection, on its own thread.
        std::atomic<bool> opened = false;
        StoreError openError;
        StoreError settingWritten;
        StoreResult<qint64> written;
        std::unique_ptr<QThread> writer(QThread::create([&] {
            LicenseStore b;
            LicenseStore::OpenOptions options;
            options.busyTimeoutMs = 30000;
            openError = b.open(m_location, options);
            opened = true;
            if (!openError) {
                settingWritten = b.setSetting(QStringLiteral("held"), QStringLiteral("b"));
                written = b.writeSnapshot(smallSnapshot(2, 60));
            }
        }));
        bool held = true;
        const auto release = qScopeGuard([&] {
            if (held) { // a failed check below: let B finish before its variables go
                QSqlQuery(QSqlDatabase::database(a.connectionName())).exec(QStringLiteral("ROLLBACK"));
            }
            writer->wait();
        });
        writer->start();
        QTRY_VERIFY(opened.load());
        QVERIFY2(!openError, qPrintable(openError.message));
        // B waits for the lock instead of failing at once...
        QVERIFY(!writer->wait(300));
        execRaw(a, QStringLiteral("COMMIT"));
        held = false;
        // ...and succeeds once A has finished, well within its timeout, after A's write.
        QVERIFY(writer->wait(30000));
        QVERIFY2(!settingWritten, qPrintable(settingWritten.message));
        QVERIFY2(written.ok(), qPrintable(written.error.message));
        QCOMPARE(a.snapshots(QStringLiteral("lab")).value.size(), 2);
        QCOMPARE(a.setting(QStringLiteral("held")).value.value_or(QString()), QStringLiteral("b"));
    }

    void shouldOpenACurrentDatabaseWithoutItsWriteLock()
    {
        if (postgres()) {
            QSKIP("SQLite's database-wide write lock");
        }
        LicenseStore a;
        QVERIFY(!a.open(m_location));
        QVERIFY(a.writeSnapshot(smallSnapshot(1, 30)).ok());
        execRaw(a, QStringLiteral("BEGIN IMMEDIATE"));
        execRaw(a, QStringLiteral("INSERT INTO settings (key, value) VALUES ('held', 'a')"));
        // The schema is current: B opens and reads while A writes, without waiting for A.
        LicenseStore b;
        LicenseStore::OpenOptions shortWait;
        shortWait.busyTimeoutMs = 100;
        const StoreError e = b.open(m_location, shortWait);
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(b.schemaVersion(), LicenseStore::latestSchemaVersion());
        QCOMPARE(b.snapshots(QStringLiteral("lab")).value.size(), 1);
        execRaw(a, QStringLiteral("ROLLBACK"));

        // A database that does need migrating still takes the lock, and says so when it cannot.
        const QString older = freshLocation();
        {
            LicenseStore old;
            LicenseStore::OpenOptions v1;
            v1.migrateTo = 1;
            QVERIFY(!old.open(older, v1));
        }
        LicenseStore holder;
        LicenseStore::OpenOptions v1;
        v1.migrateTo = 1;
        QVERIFY(!holder.open(older, v1));
        execRaw(holder, QStringLiteral("BEGIN IMMEDIATE"));
        LicenseStore c;
        QCOMPARE(c.open(older, shortWait).code, StoreError::Code::Locked);
        execRaw(holder, QStringLiteral("ROLLBACK"));
        QVERIFY(!c.open(older, shortWait));
        QCOMPARE(c.schemaVersion(), LicenseStore::latestSchemaVersion());
    }

    void shouldCreateTheSchemaOnceWhenInstancesOpenANewDatabaseTogether()
    {
        // Several rounds, each on a new database, so that the openings really overlap.
        for (int round = 0; round < 3; ++round) {
            const QString location = round == 0 ? m_location : freshLocation();
            QVERIFY(!location.isEmpty());
            constexpr int Instances = 3;
            std::latch start(Instances);
            StoreError errors[Instances];
            int versions[Instances] = {};
            QList<QThread *> threads;
            for (int i = 0; i < Instances; ++i) {
                threads.append(QThread::create([&, i] {
                    LicenseStore store;
                    start.arrive_and_wait();
                    errors[i] = store.open(location);
                    versions[i] = store.schemaVersion();
                }));
                threads.last()->start();
            }
            for (QThread *t : std::as_const(threads)) {
                QVERIFY(t->wait(60000));
                delete t;
            }
            for (int i = 0; i < Instances; ++i) {
                QVERIFY2(!errors[i],
                    qPrintable(QStringLiteral("round %1, instance %2: %3 (%4)")
                            .arg(round)
                            .arg(i)
                            .arg(errors[i].message, errors[i].detail)));
                QCOMPARE(versions[i], LicenseStore::latestSchemaVersion());
            }
            LicenseStore check;
            QVERIFY(!check.open(location));
            QSqlQuery q(QSqlDatabase::database(check.connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), MAX(version) FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QCOMPARE(q.value(1).toInt(), LicenseStore::latestSchemaVersion());
        }
    }

    void shouldUseDefaultLocationInAppData()
    {
        const QString path = LicenseStore::defaultLocation();
        QVERIFY(path.endsWith(QLatin1String("/ghe-license-console.sqlite")));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child-write") == 0) {
        return childWrite(QString::fromLocal8Bit(argv[2]));
    }
    if (argc == 4 && qstrcmp(argv[1], "--child-write-whole") == 0) {
        return childWriteWhole(QString::fromLocal8Bit(argv[2]), quint32(QByteArray(argv[3]).toUInt()));
    }
    LicenseStoreTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "licensestoretest.moc"
