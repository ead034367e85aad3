// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "adminshellexport.h"

#include "github/tokenstore.h"
#include "glc_debug.h"

#include <KLocalizedString>

#include <QLocale>
#include <QRegularExpression>
#include <QTimer>

namespace Glc {
namespace {
/// stderr is only kept for classification and details; a chatty remote must not fill memory.
constexpr qsizetype StderrLimit = 64 * 1024;
} // namespace

AdminShellExport::AdminShellExport(const QString &host, const Connection::AdminShell &shell,
    const QString &installedVersion, const Options &options, QObject *parent)
    : QObject(parent)
    , m_host(host.trimmed())
    , m_shell(shell)
    , m_options(options)
    , m_command(shell.command.trimmed().isEmpty() ? commandForVersion(installedVersion) : shell.command.trimmed())
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    connect(m_timer, &QTimer::timeout, this, [this]() {
        qCDebug(GLC_CORE) << "admin shell export timed out after" << m_options.timeoutMs << "ms";
        finish(Error::Timeout);
    });
}

AdminShellExport::AdminShellExport(
    const QString &host, const Connection::AdminShell &shell, const QString &installedVersion, QObject *parent)
    : AdminShellExport(host, shell, installedVersion, Options(), parent)
{
}

AdminShellExport::~AdminShellExport()
{
    stopProcess();
}

QString AdminShellExport::commandForVersion(const QString &installedVersion)
{
    static const QRegularExpression pattern(QStringLiteral("(\\d+)\\.(\\d+)"));
    const auto match = pattern.match(installedVersion);
    if (match.hasMatch()) {
        const int major = match.captured(1).toInt();
        const int minor = match.captured(2).toInt();
        if (major < 3 || (major == 3 && minor <= 12)) {
            return QStringLiteral("ghe-license-usage");
        }
    }
    return QStringLiteral("ghe-license usage");
}

QString AdminShellExport::portText() const
{
    // Not through Ki18n's number formatting: "2222" must stay pastable, not become "2,222".
    return QString::number(m_shell.port > 0 ? m_shell.port : 122);
}

QStringList AdminShellExport::sshArguments() const
{
    QStringList args{
        QStringLiteral("-T"), // no terminal: the output is a file, not a session
        QStringLiteral("-p"),
        QString::number(m_shell.port > 0 ? m_shell.port : 122),
        QStringLiteral("-o"),
        QStringLiteral("BatchMode=yes"), // never prompt for a password or a host key
        QStringLiteral("-o"),
        QStringLiteral("ConnectTimeout=%1").arg(std::max(1, m_options.connectTimeoutSeconds)),
    };
    if (!m_shell.identityFile.isEmpty()) {
        // The admin picked this key: offer only it, not every key of the agent.
        args << QStringLiteral("-i") << m_shell.identityFile << QStringLiteral("-o")
             << QStringLiteral("IdentitiesOnly=yes");
    }
    args << m_options.extraArguments;
    const QString user = m_shell.user.trimmed().isEmpty() ? QStringLiteral("admin") : m_shell.user.trimmed();
    args << QStringLiteral("-l") << user << QStringLiteral("--") << m_host << m_command;
    return args;
}

void AdminShellExport::start()
{
    if (m_process || m_finished) {
        return;
    }
    const QString user = m_shell.user.trimmed().isEmpty() ? QStringLiteral("admin") : m_shell.user.trimmed();
    Q_EMIT progress(i18nc("@info:status", "Connecting to %1@%2 on port %3…", user, m_host, portText()));
    // A host that ssh would read as an option, or none at all, can never be reached.
    if (m_host.isEmpty() || m_host.startsWith(QLatin1Char('-')) ||
        m_host.contains(QRegularExpression(QStringLiteral("\\s")))) {
        finish(Error::HostNotFound);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // ssh needs no GitHub token; in its environment one could reach the server (SendEnv) or its -v output.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : TokenStore::environmentVariables()) {
        environment.remove(name);
    }
    m_process->setProcessEnvironment(environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &AdminShellExport::onReadyReadStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &AdminShellExport::onReadyReadStderr);
    connect(m_process, &QProcess::finished, this, &AdminShellExport::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &AdminShellExport::onProcessError);
    qCDebug(GLC_CORE) << "admin shell export:" << m_options.sshProgram << sshArguments();
    if (m_options.timeoutMs > 0) {
        m_timer->start(m_options.timeoutMs);
    }
    m_process->start(m_options.sshProgram, sshArguments());
}

void AdminShellExport::cancel()
{
    if (!m_finished) {
        finish(Error::Cancelled);
    }
}

bool AdminShellExport::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 AdminShellExport::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void AdminShellExport::onReadyReadStdout()
{
    const QByteArray chunk = m_process->readAllStandardOutput();
    if (!m_receiving && !chunk.isEmpty()) {
        m_receiving = true;
        Q_EMIT progress(i18nc("@info:status", "Receiving the usage file…"));
    }
    if (m_stdout.size() + chunk.size() > m_options.outputLimit) {
        finish(Error::OutputTooLarge);
        return;
    }
    m_stdout.append(chunk);
}

void AdminShellExport::onReadyReadStderr()
{
    const QByteArray chunk = m_process->readAllStandardError();
    if (m_stderr.size() < StderrLimit) {
        m_stderr.append(chunk.left(StderrLimit - m_stderr.size()));
    }
}

void AdminShellExport::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_finished) {
        return;
    }
    onReadyReadStdout();
    if (m_finished) {
        return;
    }
    onReadyReadStderr();
    m_exitCode = status == QProcess::NormalExit ? exitCode : -1;
    m_stderrText = QString::fromLocal8Bit(m_stderr).trimmed();
    if (status != QProcess::NormalExit || exitCode != 0) {
        finish(classifyFailure());
        return;
    }
    Q_EMIT progress(i18nc("@info:status", "Checking the file…"));
    m_validation = UsageFile::read(m_stdout, m_options.outputLimit);
    finish(m_validation.ok() ? Error::None : Error::InvalidOutput);
}

void AdminShellExport::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart && !m_finished) {
        m_stderrText = m_process->errorString();
        finish(Error::SshMissing);
    }
}

AdminShellExport::Error AdminShellExport::classifyFailure() const
{
    const QString &err = m_stderrText;
    // The "changed" warning also ends in "Host key verification failed", so it comes first.
    if (err.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED"))) {
        return Error::HostKeyChanged;
    }
    if (err.contains(QLatin1String("Host key verification failed")) ||
        err.contains(QLatin1String("host key is known"))) {
        return Error::HostKeyUnknown;
    }
    if (m_exitCode == 255) {
        if (err.contains(QLatin1String("Permission denied ("))) {
            return Error::AuthenticationFailed;
        }
        if (err.contains(QLatin1String("Connection refused"))) {
            return Error::ConnectionRefused;
        }
        if (err.contains(QLatin1String("Could not resolve hostname")) ||
            err.contains(QLatin1String("Name or service not known"))) {
            return Error::HostNotFound;
        }
        if (err.contains(QLatin1String("timed out"))) {
            return Error::Timeout;
        }
    }
    if (m_exitCode == 127 || err.contains(QLatin1String("command not found"))) {
        return Error::CommandNotFound;
    }
    return Error::CommandFailed;
}

void AdminShellExport::finish(Error error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_error = error;
    m_timer->stop();
    stopProcess();
    if (m_stderrText.isEmpty() && !m_stderr.isEmpty()) {
        m_stderrText = QString::fromLocal8Bit(m_stderr).trimmed();
    }
    if (error != Error::None) {
        if (error != Error::InvalidOutput) {
            m_stdout.clear();
        }
        qCDebug(GLC_CORE) << "admin shell export failed:" << error << "exit" << m_exitCode;
    }
    Q_EMIT finished();
}

void AdminShellExport::stopProcess()
{
    if (!m_process) {
        return;
    }
    disconnect(m_process, nullptr, this, nullptr);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        // SIGKILL cannot be ignored: this returns at once, and no ssh outlives the job.
        m_process->waitForFinished(2000);
    }
    m_process->deleteLater();
    m_process = nullptr;
}

QString AdminShellExport::errorMessage() const
{
    const QString destination = QStringLiteral("%1@%2:%3")
                                    .arg(m_shell.user.isEmpty() ? QStringLiteral("admin") : m_shell.user, m_host)
                                    .arg(m_shell.port > 0 ? m_shell.port : 122);
    switch (m_error) {
    case Error::None:
        return {};
    case Error::SshMissing:
        return i18nc("@info", "The ssh program could not be started: %1", m_stderrText);
    case Error::AuthenticationFailed:
        return i18nc("@info", "The admin shell at %1 refused your SSH keys.", destination);
    case Error::HostKeyUnknown:
        return i18nc("@info", "The host key of %1 is not known, so the connection was not trusted.", destination);
    case Error::HostKeyChanged:
        return i18nc("@info",
            "The host key of %1 has changed since you last connected. This can mean the server was reinstalled, or "
            "that someone is intercepting the connection.",
            destination);
    case Error::ConnectionRefused:
        return i18nc("@info", "%1 refused the SSH connection.", destination);
    case Error::HostNotFound:
        return i18nc("@info", "The server name \"%1\" could not be resolved.", m_host);
    case Error::CommandNotFound:
        return i18nc("@info", "The command \"%1\" does not exist on the server.", m_command);
    case Error::InvalidOutput:
        return i18nc("@info", "The command did not print a license usage file: %1", m_validation.message());
    case Error::OutputTooLarge:
        return i18nc("@info", "The command printed more than %1; this is not a license usage file.",
            QLocale().formattedDataSize(m_options.outputLimit));
    case Error::CommandFailed:
        return i18nc(
            "@info", "The command \"%1\" failed (exit code %2): %3", m_command, m_exitCode, m_stderrText.right(500));
    case Error::Timeout:
        return i18nc("@info", "The export over the admin shell did not finish in time.");
    case Error::Cancelled:
        return i18nc("@info", "Cancelled.");
    }
    return {};
}

QString AdminShellExport::nextStep() const
{
    switch (m_error) {
    case Error::None:
    case Error::Cancelled:
        return {};
    case Error::SshMissing:
        return i18nc("@info",
            "Install the OpenSSH client (the ssh command), or export the file from the server's web "
            "settings instead.");
    case Error::AuthenticationFailed:
        return i18nc("@info",
            "Add your public key under Management Console → Settings → Administrative SSH access, or choose the "
            "right key file in the connection settings (the key must be loaded in your agent if it has a passphrase).");
    case Error::HostKeyUnknown:
        return i18nc("@info",
            "Connect once in a terminal with \"ssh -p %1 %2@%3\", check the fingerprint with your "
            "server administrator, and accept it; then retry.",
            portText(), m_shell.user.isEmpty() ? QStringLiteral("admin") : m_shell.user, m_host);
    case Error::HostKeyChanged:
        return i18nc("@info",
            "Ask your server administrator whether the host key changed. Only then remove the old "
            "entry with \"ssh-keygen -R '[%1]:%2'\" and connect once to accept the new key.",
            m_host, portText());
    case Error::ConnectionRefused:
        return i18nc("@info",
            "Check the host and port (the admin shell listens on port 122) and that a firewall "
            "allows the connection.");
    case Error::HostNotFound:
        return i18nc("@info", "Check the server's host name in the connection settings.");
    case Error::CommandNotFound:
        return i18nc("@info",
            "Set the export command in the connection settings: \"ghe-license usage\" on GHES newer "
            "than 3.12, \"ghe-license-usage\" on 3.12 and older.");
    case Error::InvalidOutput:
    case Error::OutputTooLarge:
    case Error::CommandFailed:
        return i18nc("@info",
            "Check the export command in the connection settings, or export the file from the "
            "server's web settings and add it by hand.");
    case Error::Timeout:
        return i18nc("@info", "Check that the server is reachable and not overloaded, then retry.");
    }
    return {};
}
} // namespace Glc
