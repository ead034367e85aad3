// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "sshserverharness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

namespace GlcTest {
SshServerHarness::~SshServerHarness()
{
    stop();
}

QString SshServerHarness::path(const QString &name) const
{
    return m_dir ? (name.isEmpty() ? m_dir->path() : m_dir->filePath(name)) : QString();
}

bool SshServerHarness::installFailingExport() const
{
    return writeFile(QDir(binDirectory()).filePath(QStringLiteral("ghe-license")),
        "#!/bin/sh\necho 'ghe-license: usage export failed' >&2\nexit 3\n", true);
}

bool SshServerHarness::writeFile(const QString &fileName, const QByteArray &content, bool executable)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    if (executable) {
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup);
    }
    return true;
}

bool SshServerHarness::run(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
            process.errorString() + QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    return true;
}

bool SshServerHarness::start(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = m_dir->errorString();
        return false;
    }
    for (const char *key : {"host", "client", "otherclient"}) {
        if (!run(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                    QStringLiteral("-f"), path(QLatin1String(key))},
                error)) {
            return false;
        }
    }
    if (!QFile::copy(path(QStringLiteral("client.pub")), path(QStringLiteral("authorized_keys"))) ||
        !QDir(m_dir->path()).mkpath(QStringLiteral("bin"))) {
        *error = QStringLiteral("cannot prepare %1").arg(m_dir->path());
        return false;
    }
    {
        // A free port: sshd has no "port 0".
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    const QByteArray config = "Port " + QByteArray::number(m_port) + "\nListenAddress 127.0.0.1\nHostKey " +
        path(QStringLiteral("host")).toLocal8Bit() + "\nAuthorizedKeysFile " +
        path(QStringLiteral("authorized_keys")).toLocal8Bit() +
        "\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        "StrictModes no\nPidFile " +
        path(QStringLiteral("sshd.pid")).toLocal8Bit() + "\nSetEnv PATH=" + binDirectory().toLocal8Bit() +
        ":/usr/bin:/bin\n";
    if (!writeFile(path(QStringLiteral("sshd_config")), config) || !QDir().mkpath(QStringLiteral("/run/sshd"))) {
        *error = QStringLiteral("cannot write the sshd configuration");
        return false;
    }
    QFile hostKey(path(QStringLiteral("host.pub")));
    if (!hostKey.open(QIODevice::ReadOnly) ||
        !writeFile(knownHostsFile(), "[127.0.0.1]:" + QByteArray::number(m_port) + ' ' + hostKey.readAll())) {
        *error = QStringLiteral("cannot write known_hosts");
        return false;
    }

    m_sshd.setProcessChannelMode(QProcess::MergedChannels);
    m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), path(QStringLiteral("sshd_config"))});
    if (!m_sshd.waitForStarted(10000)) {
        *error = QStringLiteral("sshd: ") + m_sshd.errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(500)) {
            return true;
        }
        // Returns at once when sshd exited, which it only does when it cannot start.
        if (m_sshd.waitForFinished(100) || m_sshd.state() == QProcess::NotRunning) {
            *error = QStringLiteral("sshd did not start: ") + QString::fromLocal8Bit(m_sshd.readAll());
            return false;
        }
        if (clock.elapsed() > 15000) {
            *error = QStringLiteral("sshd did not accept connections within 15 s");
            return false;
        }
    }
}

void SshServerHarness::stop()
{
    if (m_sshd.state() == QProcess::NotRunning) {
        return;
    }
    m_sshd.terminate();
    if (!m_sshd.waitForFinished(5000)) {
        m_sshd.kill();
        m_sshd.waitForFinished(5000);
    }
}

QStringList SshServerHarness::isolationArguments() const
{
    return {QStringLiteral("-F"), QStringLiteral("none"), QStringLiteral("-o"),
        QStringLiteral("UserKnownHostsFile=") + knownHostsFile(), QStringLiteral("-o"),
        QStringLiteral("GlobalKnownHostsFile=/dev/null"), QStringLiteral("-o"),
        QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("IdentityAgent=none")};
}

bool SshServerHarness::writeSshWrapper(const QString &folder, QString *error, const QString &environmentFile) const
{
    const QString ssh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
    if (ssh.isEmpty()) {
        *error = QStringLiteral("no ssh program on PATH");
        return false;
    }
    QByteArray script = "#!/bin/sh\n";
    if (!environmentFile.isEmpty()) {
        script += "env > '" + QFile::encodeName(environmentFile) + "'\n";
    }
    script += "exec '" + ssh.toLocal8Bit() + "'";
    if (!environmentFile.isEmpty()) {
        script += " -v -o 'SendEnv=GH_ENTERPRISE_TOKEN GH_TOKEN GITHUB_TOKEN'";
    }
    for (const QString &argument : isolationArguments()) {
        script += " '" + argument.toLocal8Bit() + "'";
    }
    script += " \"$@\"\n";
    if (!QDir().mkpath(folder) || !writeFile(QDir(folder).filePath(QStringLiteral("ssh")), script, true)) {
        *error = QStringLiteral("cannot write the ssh wrapper in %1").arg(folder);
        return false;
    }
    return true;
}
} // namespace GlcTest
