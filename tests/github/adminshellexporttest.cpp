// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// AdminShellExport against a real OpenSSH server on 127.0.0.1, with stand-in ghe-license commands.
#include "github/adminshellexport.h"
#include "sshserverharness.h"

#include <KLocalizedString>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <clocale>
#include <memory>
#include <signal.h>

using namespace Glc;

class AdminShellExportTest : public QObject
{
    Q_OBJECT
private:
    GlcTest::SshServerHarness m_ssh;
    QByteArray m_newFile;
    QByteArray m_oldFile;

    QString path(const QString &name) const { return m_ssh.path(name); }

    static bool hasChinese(const QString &text)
    {
        return std::any_of(
            text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
    }

    /// Empty when the failed job explains itself with a message and a next step, in English and in the
    /// build tree's zh_CN catalog (so both really go through Ki18n); otherwise what is missing.
    static QString explanationProblem(const AdminShellExport &job)
    {
        if (job.errorMessage().isEmpty() || job.nextStep().isEmpty()) {
            return QStringLiteral("no message or no next step");
        }
        KLocalizedString::setLanguages({QStringLiteral("zh_CN")});
        const QString message = job.errorMessage();
        const QString nextStep = job.nextStep();
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        if (!hasChinese(message) || !hasChinese(nextStep)) {
            return QStringLiteral("not translated: %1 / %2").arg(message, nextStep);
        }
        return {};
    }

    static QByteArray readFile(const QString &fileName)
    {
        QFile file(fileName);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    void setMode(const QByteArray &mode)
    {
        QVERIFY(GlcTest::SshServerHarness::writeFile(path(QStringLiteral("mode")), mode));
    }

    Connection::AdminShell shell(const QString &key = QStringLiteral("client")) const
    {
        Connection::AdminShell shell;
        shell.enabled = true;
        shell.user = QStringLiteral("root"); // tests run as root inside the build root
        shell.port = m_ssh.port();
        shell.identityFile = path(key);
        return shell;
    }

    /// Isolated from the user's ssh configuration, agent and known_hosts.
    AdminShellExport::Options options(const QString &knownHosts = QStringLiteral("known_hosts")) const
    {
        AdminShellExport::Options options;
        options.connectTimeoutSeconds = 10;
        options.timeoutMs = 60000;
        options.extraArguments = {QStringLiteral("-F"), QStringLiteral("none"), QStringLiteral("-o"),
            QStringLiteral("UserKnownHostsFile=") + path(knownHosts), QStringLiteral("-o"),
            QStringLiteral("GlobalKnownHostsFile=/dev/null"), QStringLiteral("-o"),
            QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("IdentityAgent=none")};
        return options;
    }

    /// Runs one export to its end.
    std::unique_ptr<AdminShellExport> exportWith(const Connection::AdminShell &shell, const QString &version,
        const AdminShellExport::Options &options, QStringList *stages = nullptr,
        const QString &host = QStringLiteral("127.0.0.1"))
    {
        auto job = std::make_unique<AdminShellExport>(host, shell, version, options);
        QSignalSpy finished(job.get(), &AdminShellExport::finished);
        QSignalSpy progress(job.get(), &AdminShellExport::progress);
        job->start();
        if (finished.isEmpty()) {
            finished.wait(90000);
        }
        if (stages) {
            for (const auto &args : std::as_const(progress)) {
                stages->append(args.at(0).toString());
            }
        }
        return job;
    }

    void killSleeper()
    {
        const QByteArray pid = readFile(path(QStringLiteral("sleep.pid"))).trimmed();
        if (!pid.isEmpty()) {
            ::kill(pid.toInt(), SIGKILL); // the stand-in's sleep, which the test started over ssh
            QFile::remove(path(QStringLiteral("sleep.pid")));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // gettext ignores the language Ki18n asks for under the C locale (the default under ctest).
        QVERIFY2(std::setlocale(LC_MESSAGES, "en_US.UTF-8"), "the en_US.UTF-8 locale is needed");
        KLocalizedString::addDomainLocaleDir(TRANSLATION_DOMAIN, QStringLiteral(GLC_BUILD_LOCALE_DIR));
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        QString error;
        QVERIFY2(m_ssh.start(&error), qPrintable(error));
        // A second host key: a known_hosts entry that no longer matches the server.
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                QStringLiteral("-f"), path(QStringLiteral("otherhost"))});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);

        // Stand-in commands: the current one and the 3.12-and-older one, with failure modes from a file.
        UsageFileInfo info;
        info.serverId = QStringLiteral("5c1f0e4a-0000-4000-8000-000000000315");
        info.hostName = QStringLiteral("ghes-new.example.com");
        info.version = QStringLiteral("3.15.0");
        info.licenseHash = QStringLiteral("abc");
        m_newFile = UsageFile::write(info, "aGVsbG8gd29ybGQ=");
        info.serverId = QStringLiteral("5c1f0e4a-0000-4000-8000-000000000312");
        info.hostName = QStringLiteral("ghes-old.example.com");
        info.version = QStringLiteral("3.12.4");
        m_oldFile = UsageFile::write(info, "aGVsbG8gd29ybGQ=");
        QVERIFY(UsageFile::read(m_newFile).ok());
        QVERIFY(GlcTest::SshServerHarness::writeFile(path(QStringLiteral("usage-new.json")), m_newFile));
        QVERIFY(GlcTest::SshServerHarness::writeFile(path(QStringLiteral("usage-old.json")), m_oldFile));
        const QByteArray dir = path({}).toLocal8Bit();
        const QByteArray common = "#!/bin/sh\n"
                                  "d='" +
            dir +
            "'\n"
            "echo \"$(basename \"$0\") $*\" >> \"$d/calls.log\"\n"
            "case \"$(cat \"$d/mode\" 2>/dev/null)\" in\n"
            "  notjson) echo '<html><body>Sign in</body></html>'; exit 0 ;;\n"
            "  sleep) echo $$ > \"$d/sleep.pid\"; exec sleep 120 ;;\n"
            "  fail) echo 'license: internal error' >&2; exit 3 ;;\n"
            "  huge) cat \"$d/usage-new.json\"; head -c 60000000 /dev/zero | tr '\\0' ' '; exit 0 ;;\n"
            "esac\n";
        QVERIFY(GlcTest::SshServerHarness::writeFile(path(QStringLiteral("bin/ghe-license")),
            common + "[ \"$1\" = usage ] && exec cat \"$d/usage-new.json\"\necho \"unknown command $1\" >&2\nexit 2\n",
            true));
        QVERIFY(GlcTest::SshServerHarness::writeFile(
            path(QStringLiteral("bin/ghe-license-usage")), common + "exec cat \"$d/usage-old.json\"\n", true));

        const QByteArray hostEntry = "[127.0.0.1]:" + QByteArray::number(m_ssh.port()) + ' ';
        QVERIFY(GlcTest::SshServerHarness::writeFile(
            path(QStringLiteral("known_hosts_changed")), hostEntry + readFile(path(QStringLiteral("otherhost.pub")))));
        QVERIFY(GlcTest::SshServerHarness::writeFile(path(QStringLiteral("known_hosts_empty")), QByteArray()));
    }

    void cleanupTestCase()
    {
        killSleeper();
        m_ssh.stop();
    }

    void init()
    {
        setMode("ok");
        QFile::remove(path(QStringLiteral("calls.log")));
    }

    void cleanup() { killSleeper(); }

    void shouldChooseCommandFromVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("command");
        const QString current = QStringLiteral("ghe-license usage");
        const QString old = QStringLiteral("ghe-license-usage");
        QTest::newRow("3.15.2") << QStringLiteral("3.15.2") << current;
        QTest::newRow("3.13.0") << QStringLiteral("3.13.0") << current;
        QTest::newRow("4.0.0") << QStringLiteral("4.0.0") << current;
        QTest::newRow("3.12.4") << QStringLiteral("3.12.4") << old;
        QTest::newRow("3.9.1") << QStringLiteral("3.9.1") << old;
        QTest::newRow("2.22.5") << QStringLiteral("2.22.5") << old;
        QTest::newRow("docs name") << QStringLiteral("enterprise-server@3.11") << old;
        QTest::newRow("unknown") << QString() << current;
    }

    void shouldChooseCommandFromVersion()
    {
        QFETCH(QString, version);
        QFETCH(QString, command);
        QCOMPARE(AdminShellExport::commandForVersion(version), command);
        const AdminShellExport job(QStringLiteral("ghes.example.com"), Connection::AdminShell(), version);
        QCOMPARE(job.command(), command);
    }

    void shouldBuildSshArguments()
    {
        Connection::AdminShell shell;
        shell.command = QStringLiteral("ghe-license usage -o -y");
        AdminShellExport::Options options;
        options.connectTimeoutSeconds = 7;
        const AdminShellExport job(QStringLiteral("ghes.example.com"), shell, QStringLiteral("3.10.0"), options);
        QCOMPARE(job.command(), QStringLiteral("ghe-license usage -o -y"));
        const QStringList args = job.sshArguments();
        QVERIFY(args.join(QLatin1Char(' ')).contains(QLatin1String("-p 122 -o BatchMode=yes -o ConnectTimeout=7")));
        QVERIFY(!args.contains(QStringLiteral("-i")));
        QCOMPARE(args.mid(args.size() - 5),
            QStringList({QStringLiteral("-l"), QStringLiteral("admin"), QStringLiteral("--"),
                QStringLiteral("ghes.example.com"), QStringLiteral("ghe-license usage -o -y")}));
    }

    void shouldExportAndValidate_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("called");
        QTest::addColumn<QString>("serverId");
        QTest::newRow("3.15.0") << QStringLiteral("3.15.0") << QByteArray("ghe-license usage\n")
                                << QStringLiteral("5c1f0e4a-0000-4000-8000-000000000315");
        QTest::newRow("3.12.4") << QStringLiteral("3.12.4") << QByteArray("ghe-license-usage \n")
                                << QStringLiteral("5c1f0e4a-0000-4000-8000-000000000312");
    }

    void shouldExportAndValidate()
    {
        QFETCH(QString, version);
        QFETCH(QByteArray, called);
        QFETCH(QString, serverId);
        QStringList stages;
        const auto job = exportWith(shell(), version, options(), &stages);
        QVERIFY(job->isFinished());
        QVERIFY2(job->error() == AdminShellExport::Error::None,
            qPrintable(job->errorMessage() + QLatin1Char('\n') + job->stderrText()));
        QVERIFY(job->errorMessage().isEmpty());
        QCOMPARE(job->exitCode(), 0);
        QCOMPARE(readFile(path(QStringLiteral("calls.log"))), called);
        QCOMPARE(job->bytes(), serverId.endsWith(QLatin1String("315")) ? m_newFile : m_oldFile);
        QVERIFY(job->validation().ok());
        QCOMPARE(job->info().serverId, serverId);
        QCOMPARE(job->info().version, version);
        QCOMPARE(job->validation().size, job->bytes().size());
        QVERIFY(stages.size() >= 3); // connecting, receiving, checking
        QVERIFY(!job->isRunning());
    }

    void shouldReportFailures_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("knownHosts");
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QString>("command");
        QTest::addColumn<AdminShellExport::Error>("error");
        const QString known = QStringLiteral("known_hosts");
        const QString client = QStringLiteral("client");
        QTest::newRow("wrong key") << QStringLiteral("otherclient") << known << QByteArray("ok") << QString()
                                   << AdminShellExport::Error::AuthenticationFailed;
        QTest::newRow("unknown host key") << client << QStringLiteral("known_hosts_empty") << QByteArray("ok")
                                          << QString() << AdminShellExport::Error::HostKeyUnknown;
        QTest::newRow("changed host key") << client << QStringLiteral("known_hosts_changed") << QByteArray("ok")
                                          << QString() << AdminShellExport::Error::HostKeyChanged;
        QTest::newRow("missing command") << client << known << QByteArray("ok")
                                         << QStringLiteral("ghe-license-missing usage")
                                         << AdminShellExport::Error::CommandNotFound;
        QTest::newRow("not json") << client << known << QByteArray("notjson") << QString()
                                  << AdminShellExport::Error::InvalidOutput;
        QTest::newRow("command fails") << client << known << QByteArray("fail") << QString()
                                       << AdminShellExport::Error::CommandFailed;
    }

    void shouldReportFailures()
    {
        QFETCH(QString, key);
        QFETCH(QString, knownHosts);
        QFETCH(QByteArray, mode);
        QFETCH(QString, command);
        QFETCH(AdminShellExport::Error, error);
        setMode(mode);
        Connection::AdminShell admin = shell(key);
        admin.command = command;
        const auto job = exportWith(admin, QStringLiteral("3.15.0"), options(knownHosts));
        QVERIFY(job->isFinished());
        QCOMPARE(job->error(), error);
        const QString problem = explanationProblem(*job);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (error == AdminShellExport::Error::InvalidOutput) {
            QCOMPARE(job->validation().validation, UsageFile::Validation::HtmlPage);
            QVERIFY(job->errorMessage().contains(job->validation().message()));
        } else {
            QVERIFY(job->bytes().isEmpty());
        }
        // The commands in the next steps must work when pasted: the port is not a localized number.
        if (error == AdminShellExport::Error::HostKeyUnknown) {
            QVERIFY2(
                job->nextStep().contains(QStringLiteral("ssh -p %1 root@127.0.0.1").arg(QString::number(m_ssh.port()))),
                qPrintable(job->nextStep()));
        }
        if (error == AdminShellExport::Error::HostKeyChanged) {
            QVERIFY2(job->nextStep().contains(
                         QStringLiteral("ssh-keygen -R '[127.0.0.1]:%1'").arg(QString::number(m_ssh.port()))),
                qPrintable(job->nextStep()));
        }
        if (error == AdminShellExport::Error::CommandFailed) {
            QCOMPARE(job->exitCode(), 3);
            QVERIFY(job->errorMessage().contains(QLatin1String("license: internal error")));
        }
    }

    void shouldReportConnectionRefusedAndMissingSsh()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        Connection::AdminShell admin = shell();
        admin.port = probe.serverPort();
        probe.close();
        auto job = exportWith(admin, QStringLiteral("3.15.0"), options());
        QCOMPARE(job->error(), AdminShellExport::Error::ConnectionRefused);
        QVERIFY2(explanationProblem(*job).isEmpty(), qPrintable(explanationProblem(*job)));

        AdminShellExport::Options missing = options();
        missing.sshProgram = path(QStringLiteral("no-such-ssh"));
        job = exportWith(shell(), QStringLiteral("3.15.0"), missing);
        QCOMPARE(job->error(), AdminShellExport::Error::SshMissing);
        QVERIFY2(explanationProblem(*job).isEmpty(), qPrintable(explanationProblem(*job)));
    }

    void shouldStopOutputAboveTheLimit()
    {
        // Starts like a real export, then goes on far past the 50 MiB any usage file stays under.
        setMode("huge");
        QStringList stages;
        const auto job = exportWith(shell(), QStringLiteral("3.15.0"), options(), &stages);
        QCOMPARE(job->error(), AdminShellExport::Error::OutputTooLarge);
        QVERIFY(job->bytes().isEmpty()); // nothing half-read is handed on
        QVERIFY(!job->isRunning()); // ssh was stopped, not left streaming
        QVERIFY(stages.contains(i18nc("@info:status", "Receiving the usage file…")));
        QVERIFY(job->errorMessage().contains(QLocale().formattedDataSize(UsageFile::DefaultSizeLimit)));
        QVERIFY2(explanationProblem(*job).isEmpty(), qPrintable(explanationProblem(*job)));

        // The limit is an option: a smaller one stops a smaller flood.
        AdminShellExport::Options small = options();
        small.outputLimit = 100;
        setMode("ok");
        const auto tiny = exportWith(shell(), QStringLiteral("3.15.0"), small);
        QCOMPARE(tiny->error(), AdminShellExport::Error::OutputTooLarge);
        QVERIFY(tiny->errorMessage().contains(QLocale().formattedDataSize(100)));
    }

    void shouldReportUnresolvableHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("runsSsh");
        // .invalid never resolves (RFC 6761): ssh itself says so.
        QTest::newRow("dns") << QStringLiteral("ghes.no-such-host.invalid") << true;
        // Never handed to ssh, which would read them as options or several words.
        QTest::newRow("option-like") << QStringLiteral("-oProxyCommand=touch") << false;
        QTest::newRow("spaces") << QStringLiteral("ghes example.com") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void shouldReportUnresolvableHost()
    {
        QFETCH(QString, host);
        QFETCH(bool, runsSsh);
        QStringList stages;
        const auto job = exportWith(shell(), QStringLiteral("3.15.0"), options(), &stages, host);
        QVERIFY(job->isFinished());
        QCOMPARE(job->error(), AdminShellExport::Error::HostNotFound);
        if (runsSsh) {
            QCOMPARE(job->exitCode(), 255);
            QVERIFY2(
                job->stderrText().contains(QLatin1String("Could not resolve hostname")), qPrintable(job->stderrText()));
        } else {
            QCOMPARE(job->exitCode(), -1);
            QVERIFY(job->stderrText().isEmpty());
        }
        QVERIFY(job->errorMessage().contains(QLatin1Char('"') + host + QLatin1Char('"')));
        QVERIFY(job->nextStep().contains(QLatin1String("host name")));
        QVERIFY(job->bytes().isEmpty());
        QVERIFY(!QFile::exists(path(QStringLiteral("calls.log")))); // no remote command ran
        QVERIFY2(explanationProblem(*job).isEmpty(), qPrintable(explanationProblem(*job)));
    }

    void shouldTimeOutAndKillSsh()
    {
        setMode("sleep");
        AdminShellExport::Options shortTimeout = options();
        shortTimeout.timeoutMs = 1500;
        QElapsedTimer clock;
        clock.start();
        const auto job = exportWith(shell(), QStringLiteral("3.15.0"), shortTimeout);
        QCOMPARE(job->error(), AdminShellExport::Error::Timeout);
        QVERIFY(clock.elapsed() >= 1450);
        QVERIFY(clock.elapsed() < 30000);
        QVERIFY(!job->isRunning());
        QVERIFY(QFile::exists(path(QStringLiteral("sleep.pid")))); // the remote command really ran
    }

    void shouldCancelAndKillSsh()
    {
        setMode("sleep");
        AdminShellExport job(QStringLiteral("127.0.0.1"), shell(), QStringLiteral("3.15.0"), options());
        QSignalSpy finished(&job, &AdminShellExport::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path(QStringLiteral("sleep.pid"))), 30000);
        const qint64 pid = job.processId();
        QVERIFY(pid > 0);
        QVERIFY(QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)));
        job.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job.error(), AdminShellExport::Error::Cancelled);
        QVERIFY(!job.isRunning());
        QTRY_VERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid))); // killed and reaped
        job.cancel();
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(AdminShellExportTest)
#include "adminshellexporttest.moc"
