// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// "The token never appears in any log line": every logging category at debug level is captured while
// the workflows, the token stores, the admin-shell export and the error paths run with a distinctive
// token; no captured line, error text, stored byte or child process environment may contain it.
#include "github/adminshellexport.h"
#include "github/keychaintokenstore.h"
#include "github/tokenstore.h"
#include "lab/licenselab.h"
#include "licensing/usagefile.h"
#include "sshserverharness.h"
#include "storage/licensestore.h"
#include "workflows/addserverusagejob.h"
#include "workflows/connectionstorejob.h"
#include "workflows/connectiontestjob.h"
#include "workflows/exportusagejob.h"
#include "workflows/labhost.h"
#include "workflows/refreshjob.h"
#include "workflows/syncnowjob.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Glc;

namespace {
const QString s_token = QStringLiteral("ghp_LogCanary7f3Q9zX1v5K8mN2bR4tW6yU0pLq");

QMutex s_mutex;
QStringList s_lines;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&s_mutex); // the lab and the keychain log from other threads
    s_lines.append(QLatin1String(context.category ? context.category : "default") + QLatin1String(": ") + message);
}

QStringList captured()
{
    const QMutexLocker lock(&s_mutex);
    return s_lines;
}

/// The token or a piece of it (a log line may cut it).
bool containsToken(const QByteArray &bytes)
{
    return bytes.contains(s_token.toUtf8()) || bytes.contains(s_token.mid(8, 16).toUtf8()) ||
        bytes.contains(QByteArray(reinterpret_cast<const char *>(s_token.utf16()), s_token.size() * 2));
}

bool containsToken(const QString &text)
{
    return containsToken(text.toUtf8());
}

bool runToEnd(WorkflowJob *job, int timeoutMs = 30000)
{
    QSignalSpy finished(job, &WorkflowJob::finished);
    job->start();
    return finished.count() == 1 || finished.wait(timeoutMs);
}
} // namespace

class TokenNotLoggedTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QtMessageHandler m_previous = nullptr;

    WorkflowContext contextFor(LabHost &lab, const QString &store)
    {
        WorkflowContext context;
        context.connection = lab.connection();
        context.connection.id = QStringLiteral("canary");
        context.token = s_token;
        context.storeLocation = m_dir.filePath(store);
        context.labActions = true;
        context.pollIntervalMs = 50;
        context.clientOptions.backoffBaseMs = 10;
        context.clientOptions.maxRetries = 1;
        return context;
    }

    static LabConfig labConfig(const QString &token = s_token)
    {
        LabConfig config;
        config.users = 120;
        config.servers = 3;
        config.syncDurationMs = 100;
        config.token = token;
        return config;
    }

    /// No captured line contains the token; at least one line of `expected` (ours) was captured.
    static void verifyLogs(const QString &expected)
    {
        const QStringList lines = captured();
        bool seen = false;
        for (const QString &line : lines) {
            QVERIFY2(!containsToken(line), qPrintable(line));
            seen = seen || line.contains(expected);
        }
        QVERIFY2(seen, qPrintable(QStringLiteral("no line with \"%1\" among %2").arg(expected).arg(lines.size())));
    }

    /// Every byte of the store (with its journal files) and of the settings file, free of the token.
    static void verifyFiles(const QStringList &paths)
    {
        int read = 0;
        for (const QString &path : paths) {
            for (const QString &file :
                QStringList{path, path + QLatin1String("-wal"), path + QLatin1String("-journal")}) {
                QFile bytes(file);
                if (!bytes.open(QIODevice::ReadOnly)) {
                    continue;
                }
                ++read;
                QVERIFY2(!containsToken(bytes.readAll()), qPrintable(file));
            }
        }
        QVERIFY(read > 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // Never the developer's keychain: no session bus, like a headless server.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/glc-test-bus");
        for (const QString &name : TokenStore::environmentVariables()) {
            qunsetenv(name.toLatin1().constData());
        }
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        m_previous = qInstallMessageHandler(capture);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }

    void init()
    {
        const QMutexLocker lock(&s_mutex);
        s_lines.clear();
    }

    void shouldNotLogTheTokenInAnyWorkflow()
    {
        LabHost lab;
        QString error;
        QVERIFY2(lab.start(labConfig(), &error), qPrintable(error));
        const WorkflowContext context = contextFor(lab, QStringLiteral("workflows.sqlite"));
        {
            std::unique_ptr<ConnectionStoreJob> save(ConnectionStoreJob::save(context, context.connection));
            QVERIFY(runToEnd(save.get()));
            QCOMPARE(save->status(), WorkflowJob::Status::Succeeded);
        }
        ConnectionTestJob test(context);
        QVERIFY(runToEnd(&test));
        QVERIFY2(test.status() == WorkflowJob::Status::Succeeded, qPrintable(test.errorText()));
        RefreshJob refresh(context);
        QVERIFY(runToEnd(&refresh));
        QVERIFY2(refresh.status() == WorkflowJob::Status::Succeeded, qPrintable(refresh.errorText()));
        QString connected;
        QString airGapped;
        lab.runInLab([&](LicenseLab *running) {
            for (const LabEnterprise::Server &server : running->enterprise().servers()) {
                (server.connected ? connected : airGapped) = server.hostname;
            }
        });
        SyncNowJob sync(context, {connected});
        QVERIFY(runToEnd(&sync));
        QVERIFY2(sync.status() == WorkflowJob::Status::Succeeded, qPrintable(sync.errorText()));
        const QString file = m_dir.filePath(QStringLiteral("canary-export.json"));
        ExportUsageJob exported(context, airGapped, file, true);
        QVERIFY(runToEnd(&exported));
        QVERIFY2(exported.status() == WorkflowJob::Status::Succeeded, qPrintable(exported.errorText()));
        AddServerUsageJob upload(context, {file}, AddServerUsageJob::Mode::Upload);
        QVERIFY(runToEnd(&upload));
        QVERIFY2(upload.status() == WorkflowJob::Status::Succeeded, qPrintable(upload.errorText()));

        verifyLogs(QStringLiteral("GitHub request"));
        verifyFiles({context.storeLocation, file, QSettings().fileName()});
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.connections().value.size(), 1); // the connection was saved, without its token
    }

    void shouldNotLogTheTokenWhenGitHubRefusesOrRedirects()
    {
        // A token the server does not know: 401 Bad credentials.
        LabHost other;
        LabConfig otherConfig = labConfig(QStringLiteral("another-token-entirely"));
        otherConfig.address = QHostAddress(QStringLiteral("127.0.0.2"));
        QString error;
        QVERIFY2(other.start(otherConfig, &error), qPrintable(error));
        WorkflowContext refused = contextFor(other, QStringLiteral("errors.sqlite"));
        {
            std::unique_ptr<ConnectionStoreJob> save(ConnectionStoreJob::save(refused, refused.connection));
            QVERIFY(runToEnd(save.get()));
        }
        ConnectionTestJob test(refused);
        QVERIFY(runToEnd(&test));
        QCOMPARE(test.status(), WorkflowJob::Status::Failed);
        RefreshJob refresh(refused);
        QVERIFY(runToEnd(&refresh));
        QCOMPARE(refresh.status(), WorkflowJob::Status::Failed);
        QVERIFY(!containsToken(refresh.errorText() + refresh.nextStep()));

        // SAML SSO, a missing scope, server errors, a redirect to another host.
        const auto withFaults = [&](const LabFaults &faults) {
            LabConfig config = labConfig();
            config.faults = faults;
            auto lab = std::make_unique<LabHost>();
            QString why;
            if (!lab->start(config, &why)) {
                qWarning("%s", qPrintable(why));
                return std::unique_ptr<LabHost>();
            }
            return lab;
        };
        LabFaults sso;
        sso.token = LabFaults::Token::SsoRequired;
        LabFaults scope;
        scope.token = LabFaults::Token::MissingScope;
        LabFaults errors;
        errors.serverErrorRate = 1;
        LabFaults redirect;
        redirect.redirectTo = other.url();
        for (const LabFaults &faults : {sso, scope, errors, redirect}) {
            const std::unique_ptr<LabHost> lab = withFaults(faults);
            QVERIFY(lab);
            const WorkflowContext context = contextFor(*lab, QStringLiteral("errors.sqlite"));
            ConnectionTestJob failing(context);
            QVERIFY(runToEnd(&failing));
            QCOMPARE(failing.status(), WorkflowJob::Status::Failed);
            RefreshJob failingRefresh(context);
            QVERIFY(runToEnd(&failingRefresh));
            QCOMPARE(failingRefresh.status(), WorkflowJob::Status::Failed);
            QVERIFY(!containsToken(failing.errorText() + failing.nextStep() + failingRefresh.errorText()));
        }
        // The redirect's target got no Authorization header at all (its 401s came from the refused context).
        qint64 unauthorized = 0;
        qint64 withAuthorization = 0;
        other.runInLab([&](LicenseLab *lab) {
            unauthorized = lab->counters().unauthorized;
            withAuthorization = lab->counters().withAuthorization;
        });
        QVERIFY(unauthorized > withAuthorization);

        verifyLogs(QStringLiteral("GitHub request"));
        verifyFiles({refused.storeLocation});
    }

    void shouldNotLogTheTokenFromTheTokenStores()
    {
        MemoryTokenStore memory;
        QString error = QStringLiteral("unset");
        memory.writeToken(QStringLiteral("canary"), s_token, [&error](const QString &why) { error = why; });
        QVERIFY(error.isEmpty());
        QString read;
        memory.readToken(QStringLiteral("canary"), [&read](const QString &token, const QString &) { read = token; });
        QCOMPARE(read, s_token);
        memory.removeToken(QStringLiteral("canary"), [](const QString &) { });

        // The keychain without a keychain: every call fails, and says so without the token.
        KeychainTokenStore keychain;
        QStringList errors;
        int calls = 0;
        keychain.writeToken(QStringLiteral("canary"), s_token, [&](const QString &why) {
            errors.append(why);
            ++calls;
        });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 30000);
        keychain.readToken(QStringLiteral("canary"), [&](const QString &token, const QString &why) {
            errors.append(token + why);
            ++calls;
        });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 30000);
        keychain.removeToken(QStringLiteral("canary"), [&](const QString &why) {
            errors.append(why);
            ++calls;
        });
        QTRY_COMPARE_WITH_TIMEOUT(calls, 3, 30000);
        QVERIFY2(!errors.first().isEmpty(), "the keychain was reachable: this test would write to it");
        for (const QString &text : std::as_const(errors)) {
            QVERIFY2(!containsToken(text), qPrintable(text));
        }

        qputenv("GH_TOKEN", s_token.toUtf8());
        Connection cloud;
        cloud.kind = Connection::Kind::Cloud;
        QCOMPARE(TokenStore::environmentToken(cloud), s_token);
        qunsetenv("GH_TOKEN");
        const QStringList lines = captured();
        for (const QString &line : lines) {
            QVERIFY2(!containsToken(line), qPrintable(line));
        }
    }

    void shouldKeepTheTokenAwayFromTheAdminShell()
    {
        GlcTest::SshServerHarness ssh;
        QString error;
        QVERIFY2(ssh.start(&error), qPrintable(error));
        // The server's command fails after printing to stderr, which the error message then quotes.
        QVERIFY(ssh.installFailingExport());
        // An ssh that notes its environment, sends every token variable a user's ssh_config could send and
        // reports verbosely ("debug1: Sending env NAME = VALUE") on stderr.
        const QString bin = m_dir.filePath(QStringLiteral("sshbin"));
        const QString environmentFile = m_dir.filePath(QStringLiteral("ssh-environment.txt"));
        QString wrapperError;
        QVERIFY2(ssh.writeSshWrapper(bin, &wrapperError, environmentFile), qPrintable(wrapperError));

        // The console was started with the token in its environment, as GH_ENTERPRISE_TOKEN documents.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QByteArray(QFile::encodeName(bin) + ':' + path));
        qputenv("GH_ENTERPRISE_TOKEN", s_token.toUtf8());
        qputenv("GH_TOKEN", s_token.toUtf8());
        WorkflowContext context;
        context.connection.kind = Connection::Kind::Server;
        context.connection.id = QStringLiteral("ghes");
        context.connection.serverHost = QStringLiteral("127.0.0.1");
        context.connection.adminShell.enabled = true;
        context.connection.adminShell.user = QStringLiteral("root");
        context.connection.adminShell.port = ssh.port();
        context.connection.adminShell.identityFile = ssh.clientKey();
        context.token = TokenStore::environmentToken(context.connection);
        context.storeLocation = m_dir.filePath(QStringLiteral("shell.sqlite"));
        context.clientOptions.maxRetries = 0;
        ExportUsageJob job(context, QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("shell.json")), true);
        const bool finished = runToEnd(&job, 60000);
        qputenv("PATH", path);
        qunsetenv("GH_ENTERPRISE_TOKEN");
        qunsetenv("GH_TOKEN");
        QVERIFY(finished);
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY2(job.errorText().contains(QLatin1String("usage export failed")), qPrintable(job.errorText()));
        QVERIFY2(!containsToken(job.errorText() + job.nextStep()), qPrintable(job.errorText()));

        QFile environment(environmentFile);
        QVERIFY2(environment.open(QIODevice::ReadOnly), "ssh did not run");
        const QByteArray variables = environment.readAll();
        QVERIFY(variables.contains("PATH="));
        QVERIFY2(!containsToken(variables), "ssh was started with the token in its environment");
        verifyLogs(QStringLiteral("admin shell export"));
    }
};

QTEST_GUILESS_MAIN(TokenNotLoggedTest)
#include "tokennotloggedtest.moc"
