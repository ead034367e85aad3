// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "postgresharness.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace GlcTest {
namespace {
QAtomicInt s_adminConnections;

bool asRoot()
{
    return ::geteuid() == 0;
}

bool chownTree(const QString &path, uid_t uid, gid_t gid)
{
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}
} // namespace

PostgresHarness::~PostgresHarness()
{
    stop();
}

QString PostgresHarness::binDir()
{
    const QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(
        versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : std::as_const(versions)) {
        const QString bin = lib.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb"))) {
            return bin;
        }
    }
    return {};
}

bool PostgresHarness::run(const QString &program, const QStringList &args, QString *error, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir->path());
    if (asRoot()) {
        p.start(QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    } else {
        p.start(program, args);
    }
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error) {
            *error =
                QStringLiteral("%1 failed: %2 %3").arg(program, p.errorString(), QString::fromLocal8Bit(p.readAll()));
        }
        p.kill();
        p.waitForFinished();
        return false;
    }
    return true;
}

bool PostgresHarness::start(QString *error, bool durable)
{
    stop();
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/glc-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    if (asRoot()) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw || !chownTree(m_dir->path(), pw->pw_uid, pw->pw_gid)) {
            *error = QStringLiteral("cannot hand the temporary folder to the postgres user");
            return false;
        }
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!run(bin + QStringLiteral("/initdb"),
            {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                QStringLiteral("glc"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                QStringLiteral("--no-sync")},
            error)) {
        return false;
    }
    // A free port: bind port 0, read it, release it (PostgreSQL binds it a moment later).
    for (int attempt = 0; attempt < 5; ++attempt) {
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            m_port = probe.serverPort();
        }
        QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c max_connections=50")
                              .arg(m_port)
                              .arg(m_dir->path());
        if (!durable) {
            options += QStringLiteral(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        if (run(bin + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                    QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                    QStringLiteral("start")},
                error)) {
            m_running = true;
            return true;
        }
    }
    QFile log(m_dir->filePath(QStringLiteral("server.log")));
    if (log.open(QIODevice::ReadOnly)) {
        *error += QString::fromLocal8Bit(log.readAll().right(2000));
    }
    return false;
}

void PostgresHarness::stop()
{
    if (m_running) {
        QString ignored;
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
            &ignored);
        m_running = false;
    }
    m_dir.reset();
}

namespace {
/// Runs `use` on a fresh connection to the server's `postgres` database, then removes it.
template<typename Use>
void withAdminConnection(int port, Use use)
{
    const QString connection = QStringLiteral("glc-pg-admin-%1").arg(s_adminConnections.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port);
        db.setUserName(QStringLiteral("glc"));
        db.setDatabaseName(QStringLiteral("postgres"));
        use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}
} // namespace

qint64 PostgresHarness::databaseSize(const QString &name)
{
    qint64 size = -1;
    withAdminConnection(m_port, [&](QSqlDatabase &db) {
        if (!db.open()) {
            return;
        }
        QSqlQuery q(db);
        if (q.prepare(QStringLiteral("SELECT pg_database_size(?)"))) {
            q.addBindValue(name);
            if (q.exec() && q.next()) {
                size = q.value(0).toLongLong();
            }
        }
    });
    return size;
}

bool PostgresHarness::addPasswordRole(
    const QString &role, const QString &password, const QString &database, QString *error)
{
    // pg_hba.conf is read top down: the role's own line goes first, before initdb's "trust" lines.
    QFile hba(m_dir->filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::ReadOnly)) {
        *error = hba.errorString();
        return false;
    }
    const QByteArray rules = hba.readAll();
    hba.close();
    // Rewritten in place, so the file keeps its owner (the postgres user when the tests run as root).
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        hba.write(QStringLiteral("host all %1 127.0.0.1/32 scram-sha-256\n").arg(role).toUtf8() + rules) < 0) {
        *error = hba.errorString();
        return false;
    }
    hba.close();
    bool ok = false;
    withAdminConnection(m_port, [&](QSqlDatabase &db) {
        if (!db.open()) {
            *error = db.lastError().text();
            return;
        }
        QSqlQuery q(db);
        ok = q.exec(QStringLiteral("SET password_encryption = 'scram-sha-256'")) &&
            q.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)) &&
            q.exec(QStringLiteral("ALTER DATABASE %1 OWNER TO %2").arg(database, role)) &&
            q.exec(QStringLiteral("SELECT pg_reload_conf()"));
        if (!ok) {
            *error = q.lastError().text();
        }
    });
    if (!ok) {
        return false;
    }
    // The server reloads its rules a moment after it was asked to: wait until the role is refused without them.
    const QString probe = QStringLiteral("glc-pg-probe-%1").arg(s_adminConnections.fetchAndAddRelaxed(1));
    bool refused = false;
    for (int attempt = 0; attempt < 100 && !refused; ++attempt) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), probe);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(role);
            db.setDatabaseName(database);
            refused = !db.open();
            db.close();
        }
        QSqlDatabase::removeDatabase(probe);
        if (!refused) {
            QThread::msleep(50);
        }
    }
    if (!refused) {
        *error = QStringLiteral("the server still lets %1 in without a password").arg(role);
    }
    return refused;
}

QString PostgresHarness::createDatabase(const QString &name, QString *error)
{
    bool ok = false;
    withAdminConnection(m_port, [&](QSqlDatabase &db) {
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            if (!ok && error) {
                *error = q.lastError().text();
            }
        } else if (error) {
            *error = db.lastError().text();
        }
    });
    return ok ? QStringLiteral("postgresql://glc@127.0.0.1:%1/%2").arg(m_port).arg(name) : QString();
}
} // namespace GlcTest
