// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace GlcTest {
/// A private OpenSSH server on 127.0.0.1 (a free port) for admin-shell tests: its own host key, a
/// client key it accepts, a known_hosts file that trusts it, and a bin/ folder first on the remote
/// PATH for stand-in commands (e.g. a fake `ghe-license`). sshd runs as the current user (root in the
/// build root) and is stopped by stop() or the destructor.
class SshServerHarness
{
public:
    SshServerHarness() = default;
    ~SshServerHarness();
    SshServerHarness(const SshServerHarness &) = delete;
    SshServerHarness &operator=(const SshServerHarness &) = delete;

    bool start(QString *error);
    void stop();
    bool isRunning() const { return m_sshd.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    /// The harness's own folder (keys, config, known_hosts, bin/); a temporary folder.
    QString path(const QString &name = {}) const;
    /// On the remote PATH before /usr/bin: put stand-in commands here.
    QString binDirectory() const { return path(QStringLiteral("bin")); }
    /// The private key sshd accepts (AdminShell::identityFile).
    QString clientKey() const { return path(QStringLiteral("client")); }
    /// A second key pair that sshd does not accept.
    QString otherClientKey() const { return path(QStringLiteral("otherclient")); }
    QString knownHostsFile() const { return path(QStringLiteral("known_hosts")); }
    /// ssh options that leave the user's ~/.ssh/config, agent and known_hosts out, and trust only this server.
    QStringList isolationArguments() const;
    /// Writes an executable `ssh` into `folder` that runs the system ssh with isolationArguments(),
    /// for programs (like ghe-license) that run "ssh" from PATH. With `environmentFile`, a canary for
    /// secrets: it writes its environment there, sends every token variable a user's ssh_config could
    /// send (SendEnv) and reports verbosely ("debug1: Sending env NAME = VALUE") on stderr.
    bool writeSshWrapper(const QString &folder, QString *error, const QString &environmentFile = {}) const;

    /// A stand-in `ghe-license` in binDirectory() whose export fails after one line on stderr
    /// ("ghe-license: usage export failed", exit 3), which the admin-shell error then quotes.
    bool installFailingExport() const;

    /// Writes `content` to `fileName`, executable when asked.
    static bool writeFile(const QString &fileName, const QByteArray &content, bool executable = false);

private:
    static bool run(const QString &program, const QStringList &args, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
};
} // namespace GlcTest
