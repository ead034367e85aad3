// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "licensing/usagefile.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

class QTimer;

namespace Glc {
/// "Export license usage" over a GHES admin shell: runs the system ssh (the user's keys, agent and
/// ~/.ssh/config) with `ghe-license usage` (GHES newer than 3.12) or `ghe-license-usage` (3.12 and
/// older), captures the JSON it prints and validates it with UsageFile::read. Never asks for a
/// password or a host key confirmation (BatchMode): those become typed errors with a next step.
/// Emits finished() exactly once, also after cancel().
class AdminShellExport : public QObject
{
    Q_OBJECT
public:
    enum class Error : qint8 {
        None,
        SshMissing, ///< the ssh program could not be started
        AuthenticationFailed, ///< "Permission denied": no key of the user is accepted
        HostKeyUnknown, ///< the host is not in known_hosts
        HostKeyChanged, ///< "REMOTE HOST IDENTIFICATION HAS CHANGED"
        ConnectionRefused,
        HostNotFound,
        CommandNotFound, ///< exit 127 or "command not found": wrong command for this GHES version
        InvalidOutput, ///< not a usage export (validationMessage() says why)
        OutputTooLarge,
        CommandFailed, ///< any other non-zero exit (stderrText() has the details)
        Timeout,
        Cancelled,
    };
    Q_ENUM(Error)

    struct Options
    {
        QString sshProgram = QStringLiteral("ssh");
        int connectTimeoutSeconds = 15; ///< ssh -o ConnectTimeout
        int timeoutMs = 5 * 60 * 1000; ///< whole run, then the process is killed
        qint64 outputLimit = UsageFile::DefaultSizeLimit; ///< stdout above this: OutputTooLarge
        QStringList extraArguments; ///< put before the destination, e.g. {"-o", "UserKnownHostsFile=..."}
    };

    /// @p installedVersion: the instance's version (GET /meta installed_version), e.g. "3.15.2";
    /// empty or unreadable: the current command.
    AdminShellExport(const QString &host, const Connection::AdminShell &shell, const QString &installedVersion,
        const Options &options, QObject *parent = nullptr);
    AdminShellExport(const QString &host, const Connection::AdminShell &shell, const QString &installedVersion,
        QObject *parent = nullptr);
    ~AdminShellExport() override;

    /// "ghe-license usage" for GHES newer than 3.12, "ghe-license-usage" for 3.12 and older.
    static QString commandForVersion(const QString &installedVersion);
    /// The remote command that runs: AdminShell::command when set, else commandForVersion().
    QString command() const { return m_command; }
    /// The ssh arguments (without the program), for display and tests.
    QStringList sshArguments() const;

    void start();
    /// Kills ssh and finishes with Cancelled.
    void cancel();

    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    /// Process id of ssh while it runs (0 otherwise).
    qint64 processId() const;

    Error error() const { return m_error; }
    /// Translated message and next step, empty on success.
    QString errorMessage() const;
    QString nextStep() const;
    /// What ssh and the remote command wrote on stderr (bounded), for details.
    QString stderrText() const { return m_stderrText; }
    int exitCode() const { return m_exitCode; }

    /// The export's bytes (valid after success).
    const QByteArray &bytes() const { return m_stdout; }
    /// The validator's result (also set for InvalidOutput).
    const UsageFile::Result &validation() const { return m_validation; }
    const UsageFileInfo &info() const { return m_validation.info; }

Q_SIGNALS:
    /// A translated stage ("Connecting to admin@host…", "Receiving the usage file…", "Checking the file…").
    void progress(const QString &stage);
    void finished();

private:
    void onReadyReadStdout();
    void onReadyReadStderr();
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void finish(Error error);
    void stopProcess();
    Error classifyFailure() const;
    QString portText() const;

    QString m_host;
    Connection::AdminShell m_shell;
    Options m_options;
    QString m_command;
    QProcess *m_process = nullptr;
    QTimer *const m_timer;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_stderrText;
    UsageFile::Result m_validation;
    Error m_error = Error::None;
    int m_exitCode = -1;
    bool m_receiving = false;
    bool m_finished = false;
};
} // namespace Glc
