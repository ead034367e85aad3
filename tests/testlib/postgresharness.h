// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace GlcTest {
/// Starts a private PostgreSQL server on 127.0.0.1 (initdb into a temporary folder, a free port)
/// for tests and benchmarks, and stops it again. PostgreSQL refuses to run as root, so as root the
/// server binaries run as the `postgres` user.
class PostgresHarness
{
public:
    PostgresHarness() = default;
    ~PostgresHarness();
    PostgresHarness(const PostgresHarness &) = delete;
    PostgresHarness &operator=(const PostgresHarness &) = delete;

    /// `durable`: keep fsync on (benchmarks); tests turn it off for speed.
    bool start(QString *error, bool durable = false);
    void stop();
    bool isRunning() const { return m_running; }
    int port() const { return m_port; }
    /// Creates a fresh database and returns its postgresql:// URL (empty on error).
    QString createDatabase(const QString &name, QString *error);
    /// Adds a login role that must give @p password (scram-sha-256 over TCP, where every other role is trusted),
    /// owning the database @p database; false with @p error on failure.
    bool addPasswordRole(const QString &role, const QString &password, const QString &database, QString *error);
    /// `pg_database_size` of a database, in bytes (-1 on error).
    qint64 databaseSize(const QString &name);

    static QString binDir();

private:
    bool run(const QString &program, const QStringList &args, QString *error, int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
};
} // namespace GlcTest
