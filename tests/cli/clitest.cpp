// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Drives the real ghe-license executable: exit codes, stdout, stderr and files written.
#include "licensing/licensereportwriter.h"
#include "licensing/usagefile.h"
#include "sshserverharness.h"
#include "storage/licensestore.h"
#include "storedhistory.h"
#include "textencodings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

#include <signal.h>

using namespace Glc;

namespace {
struct Run
{
    int code = -1;
    QString out;
    QString err;
};
} // namespace

class CliTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    static inline QString s_home; ///< XDG_DATA_HOME and XDG_CONFIG_HOME of every run live here
    int m_stores = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_stores)); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Exports ghes-1.lab.example of the built-in lab with `ghe-license export` into path(name) and
    /// returns the file's bytes (empty when the export failed).
    QByteArray exportLabServer(const QString &name, const QString &store) const
    {
        if (run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), path(name),
                    QStringLiteral("--store"), store})
                .code != 0) {
            return {};
        }
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QProcessEnvironment environment(const QString &token = {}, const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GH_TOKEN"));
        env.remove(QStringLiteral("GITHUB_TOKEN"));
        env.remove(QStringLiteral("GH_ENTERPRISE_TOKEN"));
        env.remove(QStringLiteral("GITHUB_ENTERPRISE_TOKEN"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        // Never the developer's store or settings either: a home of the test's own.
        env.insert(QStringLiteral("XDG_DATA_HOME"), s_home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), s_home + QStringLiteral("/config"));
        // Never the developer's keychain: no session bus means no Secret Service, like a headless server.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/glc-test-bus"));
        if (!token.isEmpty()) {
            env.insert(QStringLiteral("GH_TOKEN"), token);
        }
        env.insert(extra);
        return env;
    }

    static Run finish(QProcess &process, int timeoutMs = 120000)
    {
        Run result;
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out += QString::fromUtf8(process.readAllStandardOutput());
        result.err += QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    static Run run(const QStringList &args, const QString &token = {}, const QProcessEnvironment &extra = {},
        const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment(token, extra));
        process.start(QStringLiteral(GHE_LICENSE_EXE), args);
        if (!input.isEmpty()) {
            process.write(input);
        }
        process.closeWriteChannel();
        return finish(process);
    }

    /// The CLI running in the background (for --wait), with what it printed so far.
    struct Background
    {
        std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
        QString out;
        QString err;

        Background() = default;
        Background(Background &&) = default;
        Background &operator=(Background &&) = default;
        ~Background()
        {
            // A failed check leaves the CLI polling: stop it rather than leak it.
            if (process && process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished();
            }
        }

        /// Reads stdout until `text` appears (false when the CLI ends or 60 s pass first).
        bool waitForOutput(const QString &text)
        {
            QElapsedTimer clock;
            clock.start();
            while (!out.contains(text) && clock.elapsed() < 60000) {
                if (!process->waitForReadyRead(1000) && process->state() == QProcess::NotRunning) {
                    break;
                }
                out += QString::fromUtf8(process->readAllStandardOutput());
                err += QString::fromUtf8(process->readAllStandardError());
            }
            return out.contains(text);
        }
        Run finish()
        {
            Run result = CliTest::finish(*process);
            result.out.prepend(out);
            result.err.prepend(err);
            return result;
        }
    };
    static Background start(const QStringList &args, const QString &token)
    {
        Background cli;
        cli.process->setProcessEnvironment(environment(token));
        cli.process->start(QStringLiteral(GHE_LICENSE_EXE), args);
        cli.process->closeWriteChannel();
        return cli;
    }

    /// `ghe-license lab` as a child process; URL, token and consumed seats parsed from its output.
    struct Lab
    {
        std::unique_ptr<QProcess> process;
        QString url;
        QString token;
        int consumed = -1;
        QString caFile; ///< with --tls: the lab's test CA
    };
    static Lab startLab(const QStringList &extra = {})
    {
        Lab lab;
        lab.process = std::make_unique<QProcess>();
        lab.process->setProcessEnvironment(environment());
        lab.process->start(QStringLiteral(GHE_LICENSE_EXE),
            QStringList{QStringLiteral("lab"), QStringLiteral("--port"), QStringLiteral("0")} + extra);
        QString output;
        // With --tls the CA certificate's line comes last.
        const QLatin1String lastLine(extra.contains(QLatin1String("--tls")) ? "CA certificate:" : "Consumed licenses:");
        while (!output.contains(lastLine) && lab.process->waitForReadyRead(30000)) {
            output += QString::fromUtf8(lab.process->readAllStandardOutput());
            if (!output.endsWith(QLatin1Char('\n'))) {
                continue;
            }
        }
        lab.url = QRegularExpression(QStringLiteral("URL: (\\S+)")).match(output).captured(1);
        lab.token = QRegularExpression(QStringLiteral("Token: (\\S+)")).match(output).captured(1);
        lab.consumed =
            QRegularExpression(QStringLiteral("Consumed licenses: (\\d+)")).match(output).captured(1).toInt();
        lab.caFile = QRegularExpression(QStringLiteral("CA certificate: (.+)")).match(output).captured(1).trimmed();
        return lab;
    }
    /// The lab's own endpoints (/_lab/...), e.g. the browser buttons an administrator would click.
    static QByteArray labCall(const Lab &lab, const QByteArray &method, const QString &path,
        const QByteArray &body = {}, int *status = nullptr, const QString &query = {})
    {
        QUrl url(lab.url);
        url.setPath(path);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + lab.token.toUtf8());
        QNetworkAccessManager network;
        QNetworkReply *reply = network.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            done.wait(30000);
        }
        if (status) {
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        }
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        return answer;
    }

    /// A lab connection named `name` in `store` pointing at `lab`.
    static bool addLabConnection(const QString &store, const Lab &lab, const QString &name = QStringLiteral("gh"))
    {
        return run({QStringLiteral("connections"), QStringLiteral("add"), name, QStringLiteral("--kind"),
                       QStringLiteral("lab"), QStringLiteral("--url"), lab.url, QStringLiteral("--store"), store})
                   .code == 0;
    }

    /// The lab started with --tls as an Enterprise Server connection "ghes" (its API under /api/v3, its test CA).
    /// A server connection's token, where gh puts it (GH_TOKEN, a github.com token, never goes to a server).
    static QProcessEnvironment serverToken(const QString &token)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), token);
        return env;
    }

    static bool addServerConnection(const QString &store, const Lab &lab)
    {
        return run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("ghes"),
                       QStringLiteral("--kind"), QStringLiteral("server"), QStringLiteral("--host"),
                       QStringLiteral("localhost:%1").arg(QUrl(lab.url).port()), QStringLiteral("--ca-file"),
                       lab.caFile, QStringLiteral("--store"), store})
                   .code == 0;
    }

    /// Two GitHub Enterprise Cloud connections, east and west: a command must be told which.
    static bool addTwoCloudConnections(const QString &store)
    {
        for (const QString &name : {QStringLiteral("east"), QStringLiteral("west")}) {
            if (run({QStringLiteral("connections"), QStringLiteral("add"), name, QStringLiteral("--kind"),
                        QStringLiteral("cloud"), QStringLiteral("--enterprise"), name, QStringLiteral("--store"),
                        store})
                    .code != 0) {
                return false;
            }
        }
        return true;
    }

    /// A server's usage export, as the admin would download it from its License page.
    QString downloadExport(const Lab &lab, const QString &host, const QString &fileName)
    {
        int status = 0;
        const QByteArray bytes =
            labCall(lab, "GET", QStringLiteral("/_lab/browser/servers/%1/usage-export").arg(host), {}, &status);
        QFile file(path(fileName));
        if (status != 200 || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
            return {};
        }
        return file.fileName();
    }

    static void stopLab(Lab &lab)
    {
        lab.process->terminate();
        QVERIFY(lab.process->waitForFinished(30000));
        QCOMPARE(lab.process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(lab.process->exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        s_home = m_dir.filePath(QStringLiteral("home"));
    }

    void shouldPrintVersionAndHelpOfEveryCommand()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith(QLatin1String("ghe-license ")));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        const QStringList commands = {QStringLiteral("connections"), QStringLiteral("refresh"),
            QStringLiteral("status"), QStringLiteral("users"), QStringLiteral("counted-twice"),
            QStringLiteral("sync-now"), QStringLiteral("export"), QStringLiteral("add-server-usage"),
            QStringLiteral("lab"), QStringLiteral("check"), QStringLiteral("retention"), QStringLiteral("changes"),
            QStringLiteral("organizations"), QStringLiteral("summary"), QStringLiteral("sync-history"),
            QStringLiteral("usage-files"), QStringLiteral("attention")};
        for (const QString &command : commands) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
            const Run commandHelp = run({command, QStringLiteral("--help")});
            QCOMPARE(commandHelp.code, 0);
            QVERIFY2(commandHelp.out.contains(command), qPrintable(commandHelp.out));
        }
        QVERIFY(help.out.contains(QLatin1String("3 threshold crossed")));
        // The lab's help lists its own endpoints (the ones curl and the tests use).
        const Run labHelp = run({QStringLiteral("lab"), QStringLiteral("--help")});
        for (const char *endpoint :
            {"/_lab/status", "/_lab/servers/HOST/sync", "/_lab/clock/advance", "/_lab/browser/"}) {
            QVERIFY2(labHelp.out.contains(QLatin1String(endpoint)), qPrintable(labHelp.out));
        }
    }

    void shouldRejectBadArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("Commands:");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("Unknown command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")}
                                        << QStringLiteral("bogus");
        QTest::newRow("bad format") << QStringList{QStringLiteral("users"), QStringLiteral("--format"),
                                           QStringLiteral("xml")}
                                    << QStringLiteral("Unknown format");
        QTest::newRow("sync-now without server") << QStringList{QStringLiteral("sync-now")} << QStringLiteral("--all");
        QTest::newRow("export without server") << QStringList{QStringLiteral("export")} << QStringLiteral("one server");
        QTest::newRow("add-server-usage without file")
            << QStringList{QStringLiteral("add-server-usage")} << QStringLiteral("usage file");
        QTest::newRow("check not a number")
            << QStringList{QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("lots")}
            << QStringLiteral("non-negative");
        QTest::newRow("check not a finite number")
            << QStringList{QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("nan")}
            << QStringLiteral("non-negative");
        // A word where only options go is refused, not ignored (`check 95` would check 90 and pass).
        QTest::newRow("check with a word") << QStringList{QStringLiteral("check"), QStringLiteral("95")}
                                           << QStringLiteral("check takes no arguments, only options: “95”.");
        QTest::newRow("users with a word") << QStringList{QStringLiteral("users"), QStringLiteral("alice")}
                                           << QStringLiteral("users takes no arguments");
        QTest::newRow("connections unknown action")
            << QStringList{QStringLiteral("connections"), QStringLiteral("frob")} << QStringLiteral("connections list");
        QTest::newRow("status bad format")
            << QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("xml")}
            << QStringLiteral("Unknown format: xml");
        QTest::newRow("bom with json") << QStringList{QStringLiteral("users"), QStringLiteral("--format"),
                                              QStringLiteral("json"), QStringLiteral("--bom")}
                                       << QStringLiteral("--bom applies to --format csv only.");
        QTest::newRow("counted-twice bad format")
            << QStringList{QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("xml")}
            << QStringLiteral("Use --format text, --format csv or --format json.");
        QTest::newRow("counted-twice text to a file")
            << QStringList{QStringLiteral("counted-twice"), QStringLiteral("-o"), QStringLiteral("fixes.txt")}
            << QStringLiteral("--output applies to --format csv or --format json.");
        QTest::newRow("counted-twice bom with json")
            << QStringList{QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
                   QStringLiteral("--bom")}
            << QStringLiteral("--bom applies to --format csv only.");
        QTest::newRow("cloud connection without enterprise")
            << QStringList{QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("corp"),
                   QStringLiteral("--kind"), QStringLiteral("cloud")}
            << QStringLiteral("A Cloud connection needs --enterprise SLUG.");
        QTest::newRow("server connection without host")
            << QStringList{QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("ghes"),
                   QStringLiteral("--kind"), QStringLiteral("server")}
            << QStringLiteral("A Server connection needs --host HOST.");
        QTest::newRow("connections add bad kind")
            << QStringList{QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("x"),
                   QStringLiteral("--kind"), QStringLiteral("moon")}
            << QStringLiteral("Unknown kind");
    }
    void shouldRejectBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString store = newStore();
        const Run result = run(args + QStringList{QStringLiteral("--store"), store});
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
        // Nothing was added or reported: a usage error changes nothing.
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void shouldFailWhenItsOutputCannotBeWritten_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("status json") << QStringList{
            QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")};
        QTest::newRow("status text") << QStringList{QStringLiteral("status")};
        QTest::newRow("users csv") << QStringList{
            QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv")};
        QTest::newRow("counted-twice json")
            << QStringList{QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json")};
        QTest::newRow("connections list") << QStringList{QStringLiteral("connections"), QStringLiteral("list")};
    }

    void shouldFailWhenItsOutputCannotBeWritten()
    {
        QFETCH(QStringList, args);
        const QString store = newStore();
        args << QStringLiteral("--connection") << QStringLiteral("lab") << QStringLiteral("--store") << store;
        if (args.constFirst() == QLatin1String("connections")) {
            args.remove(args.size() - 4, 2); // no session: connections take no --connection
        }
        // A full disk: a report that was not written is no success, and stderr says why.
        QProcess full;
        full.setProcessEnvironment(environment());
        full.setStandardOutputFile(QStringLiteral("/dev/full"));
        full.start(QStringLiteral(GHE_LICENSE_EXE), args);
        const Run fullRun = finish(full);
        QCOMPARE(fullRun.code, 1);
        QVERIFY2(fullRun.err.contains(QLatin1String("Could not write to standard output: No space left on device")),
            qPrintable(fullRun.err));
        // A reader that went away (`| true`): a failure too, but quiet, as for any program whose reader stopped.
        QProcess piped;
        piped.setProcessEnvironment(environment());
        piped.start(QStringLiteral("bash"),
            QStringList{QStringLiteral("-c"), QStringLiteral("\"$0\" \"$@\" | true; exit ${PIPESTATUS[0]}"),
                QStringLiteral(GHE_LICENSE_EXE)} +
                args);
        const Run pipedRun = finish(piped);
        QCOMPARE(pipedRun.code, 1);
        QVERIFY2(pipedRun.err.isEmpty(), qPrintable(pipedRun.err));
        // Written, the same command passes.
        const Run written = run(args);
        QCOMPARE(written.code, 0);
        QVERIFY(!written.out.isEmpty());
    }

    void shouldShareTheConsolesDefaultStore()
    {
        // Where the console keeps its store on Linux: its application data folder.
        const QString consoleStore =
            s_home + QStringLiteral("/data/ghe-license-console/ghe-license-console/ghe-license-console.sqlite");
        const Run added = run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("shared-prod"),
            QStringLiteral("--kind"), QStringLiteral("server"), QStringLiteral("--host"),
            QStringLiteral("ghe.example.com"), QStringLiteral("--store"), consoleStore});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        // Without --store: the same file.
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QLatin1String("shared-prod")), qPrintable(list.out));
        const Run help = run({QStringLiteral("--help")});
        QVERIFY2(QString(help.out).remove(QLatin1Char('\n')).remove(QLatin1Char(' ')).contains(consoleStore),
            qPrintable(help.out));
        const Run version = run({QStringLiteral("--version")});
        QVERIFY2(version.out.startsWith(QLatin1String("ghe-license ")), qPrintable(version.out));
    }

    void shouldRefuseAConnectionWithAnUnusableCaFile()
    {
        const QString store = newStore();
        const QString missing = path(QStringLiteral("no-such-ca.pem"));
        const Run refused = run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("prod"),
            QStringLiteral("--kind"), QStringLiteral("server"), QStringLiteral("--host"),
            QStringLiteral("ghe.example.com"), QStringLiteral("--ca-file"), missing, QStringLiteral("--store"), store});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(missing + QLatin1String(" does not exist")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("--ca-file")), qPrintable(refused.err));
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--store"), store});
        QCOMPARE(list.code, 0);
        QVERIFY2(!list.out.contains(QLatin1String("prod")), qPrintable(list.out)); // nothing was added
    }

    void shouldRefuseATokenArgument()
    {
        const Run result = run({QStringLiteral("status"), QStringLiteral("--token"), QStringLiteral("ghp_secret123")});
        QCOMPARE(result.code, 2);
        QVERIFY(result.err.contains(QLatin1String("does not accept a token")));
        QVERIFY(!result.err.contains(QLatin1String("ghp_secret123")));
        QCOMPARE(run({QStringLiteral("--token=ghp_x"), QStringLiteral("status")}).code, 2);
    }

    void shouldShowAndApplySnapshotRetention()
    {
        const QString store = newStore();
        const QStringList inStore{QStringLiteral("--store"), store};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(run(QStringList{QStringLiteral("refresh")} + inStore).code, 0);
        }
        const Run unset =
            run(QStringList{QStringLiteral("retention"), QStringLiteral("--format"), QStringLiteral("json")} + inStore);
        QCOMPARE(unset.code, 0);
        const QJsonObject none = QJsonDocument::fromJson(unset.out.toUtf8()).object();
        QCOMPARE(none.keys(),
            (QStringList{QStringLiteral("database_bytes"), QStringLiteral("freed_bytes"), QStringLiteral("keep_newest"),
                QStringLiteral("max_age_days"), QStringLiteral("removed_snapshots"), QStringLiteral("stored_snapshots"),
                QStringLiteral("unused_bytes")}));
        QCOMPARE(none.value(QLatin1String("keep_newest")).toInt(-1), 0);
        QCOMPARE(none.value(QLatin1String("stored_snapshots")).toInt(), 3);
        const qint64 bytes = QFileInfo(store).size() + QFileInfo(store + QStringLiteral("-wal")).size();
        QCOMPARE(none.value(QLatin1String("database_bytes")).toInteger(), bytes);

        const Run keepOne = run(QStringList{QStringLiteral("retention"), QStringLiteral("--keep"), QStringLiteral("1"),
                                    QStringLiteral("--format"), QStringLiteral("json")} +
            inStore);
        QCOMPARE(keepOne.code, 0);
        const QJsonObject changed = QJsonDocument::fromJson(keepOne.out.toUtf8()).object();
        QCOMPARE(changed.value(QLatin1String("keep_newest")).toInt(), 1);
        QCOMPARE(changed.value(QLatin1String("max_age_days")).toInt(-1), 0);
        QCOMPARE(changed.value(QLatin1String("removed_snapshots")).toInt(), 2);
        QCOMPARE(changed.value(QLatin1String("stored_snapshots")).toInt(), 1); // after the change
        // The removed snapshots' pages stay in the file until --compact.
        const qint64 unused = changed.value(QLatin1String("unused_bytes")).toInteger();
        QVERIFY2(unused > 0, qPrintable(keepOne.out));
        QCOMPARE(changed.value(QLatin1String("freed_bytes")).toInteger(-1), 0);
        {
            LicenseStore opened;
            QVERIFY(!opened.open(store).isError());
            QCOMPARE(opened.snapshots(QStringLiteral("lab")).value.size(), 1);
        }

        // An option left out keeps its value; the text form says what is kept.
        const Run maxAge = run(
            QStringList{QStringLiteral("retention"), QStringLiteral("--max-age-days"), QStringLiteral("90")} + inStore);
        QCOMPARE(maxAge.code, 0);
        QVERIFY2(maxAge.out.contains(QLatin1String("the newest 1.")), qPrintable(maxAge.out));
        QVERIFY2(maxAge.out.contains(QLatin1String("older than 90 days")), qPrintable(maxAge.out));
        QVERIFY2(maxAge.out.contains(QLatin1String("Stored now: 1 snapshot of 1 connection, taking ")),
            qPrintable(maxAge.out));
        QVERIFY2(maxAge.out.contains(QLatin1String("unused, left by removed snapshots: --compact gives it back")),
            qPrintable(maxAge.out));

        // --compact alone keeps the setting and gives the unused space back.
        const qint64 beforeCompacting = QFileInfo(store).size() + QFileInfo(store + QStringLiteral("-wal")).size();
        const Run compacted = run(QStringList{QStringLiteral("retention"), QStringLiteral("--compact"),
                                      QStringLiteral("--format"), QStringLiteral("json")} +
            inStore);
        QCOMPARE(compacted.code, 0);
        const QJsonObject afterCompacting = QJsonDocument::fromJson(compacted.out.toUtf8()).object();
        QCOMPARE(afterCompacting.value(QLatin1String("keep_newest")).toInt(), 1);
        QCOMPARE(afterCompacting.value(QLatin1String("max_age_days")).toInt(), 90);
        QCOMPARE(afterCompacting.value(QLatin1String("unused_bytes")).toInteger(-1), 0);
        const qint64 size = QFileInfo(store).size() + QFileInfo(store + QStringLiteral("-wal")).size();
        QCOMPARE(afterCompacting.value(QLatin1String("database_bytes")).toInteger(), size);
        QVERIFY2(size <= beforeCompacting - unused, qPrintable(compacted.out));
        QCOMPARE(afterCompacting.value(QLatin1String("freed_bytes")).toInteger(), beforeCompacting - size);
        const Run again = run(QStringList{QStringLiteral("retention"), QStringLiteral("--compact")} + inStore);
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QLatin1String("had no unused space to give back")), qPrintable(again.out));

        // The next refresh applies it again, and says so.
        const Run refreshed = run(QStringList{QStringLiteral("refresh")} + inStore);
        QCOMPARE(refreshed.code, 0);
        QVERIFY2(
            refreshed.err.contains(QLatin1String("Note: The snapshot retention setting removed 1 older snapshot.")),
            qPrintable(refreshed.err));
        LicenseStore opened;
        QVERIFY(!opened.open(store).isError());
        QCOMPARE(opened.snapshots(QStringLiteral("lab")).value.size(), 1);

        for (const QString &bad : {QStringLiteral("-3"), QStringLiteral("many")}) {
            const Run rejected = run(QStringList{QStringLiteral("retention"), QStringLiteral("--keep"), bad} + inStore);
            QCOMPARE(rejected.code, 2);
            QVERIFY2(rejected.err.contains(QLatin1String("--keep must be 0 or a positive whole number")),
                qPrintable(rejected.err));
        }
        QCOMPARE(opened.retentionPolicy().value.keepNewest, 1);
    }

    void shouldRefuseADatabasePasswordOnTheCommandLine()
    {
        // ps shows every user the command line: the password goes to ~/.pgpass or PGPASSWORD, not into --store.
        const Run status = run({QStringLiteral("status"), QStringLiteral("--store"),
            QStringLiteral("postgresql://team:s3cr3t@127.0.0.1:1/licenses")});
        QCOMPARE(status.code, 1);
        QVERIFY2(status.err.contains(QLatin1String("postgresql://team@127.0.0.1:1/licenses")), qPrintable(status.err));
        QVERIFY2(status.err.contains(QLatin1String("holds a password")), qPrintable(status.err));
        QVERIFY2(status.err.contains(QLatin1String("PGPASSWORD")), qPrintable(status.err));
        QVERIFY2(!status.err.contains(QLatin1String("s3cr3t")), qPrintable(status.err));
        QVERIFY(status.out.isEmpty());
    }

    void shouldRefuseADatabaseOfANewerVersionUntouched()
    {
        const QString store = newStore();
        {
            LicenseStore db;
            QVERIFY(!db.open(store).isError());
            QSqlQuery q(QSqlDatabase::database(db.connectionName()));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)")
                    .arg(LicenseStore::latestSchemaVersion() + 5)));
        }
        const auto hash = [&store] {
            QFile f(store);
            return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                               : QByteArray();
        };
        const QByteArray before = hash();
        QVERIFY(!before.isEmpty());
        for (const QStringList &command :
            {QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("refresh")},
                QStringList{QStringLiteral("connections"), QStringLiteral("list")}}) {
            const Run refused = run(command + QStringList{QStringLiteral("--store"), store});
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(QLatin1String("was written by a newer version of GHE License Console")) &&
                    refused.err.contains(QLatin1String("It was not changed.")),
                qPrintable(refused.err));
            QVERIFY(refused.out.isEmpty());
        }
        QCOMPARE(hash(), before);
    }

    void shouldListWhoCameWentAndChangedEnvironment()
    {
        const QString store = newStore();
        const QStringList inStore{QStringLiteral("--store"), store};
        using StoredHistory::seat;
        const QList<qint64> first = StoredHistory::write(store, StoredHistory::builtInLab(),
            {{7,
                {seat(QStringLiteral("alice")), seat(QStringLiteral("bob"), {QStringLiteral("ghes-1.example:5")}),
                    seat(QString(), {QStringLiteral("ghes-1.example:9")})}}});
        QCOMPARE(first.size(), 1);
        const qint64 firstId = first.constFirst();
        const Run tooFew = run(QStringList{QStringLiteral("changes")} + inStore);
        QCOMPARE(tooFew.code, 1);
        QVERIFY2(tooFew.err.contains(QLatin1String("Only 1 snapshot of lab is stored")), qPrintable(tooFew.err));
        QCOMPARE(StoredHistory::write(store, StoredHistory::builtInLab(),
                     {{0,
                         {seat(QStringLiteral("alice"), {QStringLiteral("ghes-2.example:3")}),
                             seat(QStringLiteral("carol")), seat(QString(), {QStringLiteral("ghes-1.example:9")})}}})
                     .size(),
            1);
        const Run json =
            run(QStringList{QStringLiteral("changes"), QStringLiteral("--format"), QStringLiteral("json")} + inStore);
        QCOMPARE(json.code, 0);
        const QJsonObject changes = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(changes.keys(),
            (QStringList{QStringLiteral("came"), QStringLiteral("changed_environment"), QStringLiteral("from"),
                QStringLiteral("to"), QStringLiteral("went")}));
        QCOMPARE(changes.value(QLatin1String("from")).toObject().value(QLatin1String("id")).toInteger(), firstId);
        const QJsonArray came = changes.value(QLatin1String("came")).toArray();
        QCOMPARE(came.size(), 1);
        QCOMPARE(came.at(0).toObject().value(QLatin1String("login")).toString(), QStringLiteral("carol"));
        const QJsonArray went = changes.value(QLatin1String("went")).toArray();
        QCOMPARE(went.size(), 1);
        QCOMPARE(went.at(0).toObject().value(QLatin1String("login")).toString(), QStringLiteral("bob"));
        const QJsonArray changed = changes.value(QLatin1String("changed_environment")).toArray();
        QCOMPARE(changed.size(), 1);
        const QJsonObject alice = changed.at(0).toObject();
        QCOMPARE(alice.value(QLatin1String("login")).toString(), QStringLiteral("alice"));
        QCOMPARE(alice.value(QLatin1String("environments_before")).toArray(), QJsonArray{QStringLiteral("Cloud")});
        QCOMPARE(alice.value(QLatin1String("environments_after")).toArray(),
            (QJsonArray{QStringLiteral("Cloud"), QStringLiteral("ghes-2.example")}));

        const Run text = run(QStringList{QStringLiteral("changes")} + inStore);
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QLatin1String("  + carol [Cloud]")), qPrintable(text.out));
        // Environments are listed the locale's way (the test runs the CLI in this process's locale).
        const QString bobWent =
            QStringLiteral("  - bob [%1]")
                .arg(QLocale().createSeparatedList({QStringLiteral("Cloud"), QStringLiteral("ghes-1.example")}));
        QVERIFY2(text.out.contains(bobWent), qPrintable(text.out));
        const QString aliceChanged =
            QStringLiteral("  ~ alice [Cloud] → [%1]")
                .arg(QLocale().createSeparatedList({QStringLiteral("Cloud"), QStringLiteral("ghes-2.example")}));
        QVERIFY2(text.out.contains(aliceChanged), qPrintable(text.out));

        QVERIFY2(text.out.contains(QStringLiteral("Seats consumed: 3 → 3")), qPrintable(text.out));

        // The list Compare Snapshots saves: one line a person, environments before and after.
        const Run csv =
            run(QStringList{QStringLiteral("changes"), QStringLiteral("--format"), QStringLiteral("csv")} + inStore);
        QCOMPARE(csv.code, 0);
        QCOMPARE(csv.out.split(QStringLiteral("\r\n")),
            (QStringList{QStringLiteral("Change,GitHub.com login,Name,Enterprise Server accounts,Environments before,"
                                        "Environments after"),
                QStringLiteral("Came,carol,,,,Cloud"),
                QStringLiteral("Went,bob,,ghes-1.example:5,\"Cloud,ghes-1.example\","),
                QStringLiteral("Changed environment,alice,,ghes-2.example:3,Cloud,\"Cloud,ghes-2.example\""),
                QString()}));

        const Run unknown =
            run(QStringList{QStringLiteral("changes"), QStringLiteral("--from"), QStringLiteral("9999")} + inStore);
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("No such snapshot")), qPrintable(unknown.err));
        const Run notAnId =
            run(QStringList{QStringLiteral("changes"), QStringLiteral("--to"), QStringLiteral("last")} + inStore);
        QCOMPARE(notAnId.code, 2);
        QVERIFY2(notAnId.err.contains(QLatin1String("--to must be a snapshot id")), qPrintable(notAnId.err));
    }

    void shouldFilterUsersAsTheConsolesTableDoes()
    {
        // Enough members for invitations only and Visual Studio subscribers.
        Lab lab = startLab({QStringLiteral("--users"), QStringLiteral("1000")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QStringList inStore{QStringLiteral("--store"), store};
        const auto seatsOf = [this, &inStore, &lab](const QStringList &filter) {
            const Run result =
                run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json")} + filter +
                        inStore,
                    lab.token);
            return QJsonDocument::fromJson(result.out.toUtf8()).object().value(QLatin1String("users")).toArray();
        };
        const QJsonArray all = seatsOf({});
        QVERIFY(all.size() > 100);
        const auto count = [&all](const std::function<bool(const QJsonObject &)> &test) {
            return int(
                std::count_if(all.begin(), all.end(), [&test](const QJsonValue &v) { return test(v.toObject()); }));
        };
        const auto login = [](const QJsonObject &seat) {
            return seat.value(QLatin1String("github_com_login")).toString();
        };

        const QJsonArray cloud = seatsOf({QStringLiteral("--environment"), QStringLiteral("cloud")});
        const QJsonArray serverOnly = seatsOf({QStringLiteral("--environment"), QStringLiteral("server-only")});
        QVERIFY(!cloud.isEmpty() && !serverOnly.isEmpty());
        QCOMPARE(cloud.size() + serverOnly.size(), all.size());
        QCOMPARE(cloud.size(), count([&login](const QJsonObject &s) { return !login(s).isEmpty(); }));
        for (const QJsonValue &seat : serverOnly) {
            QVERIFY(login(seat.toObject()).isEmpty());
        }
        // One server: every seat kept has an account there.
        const QString host = serverOnly.at(0)
                                 .toObject()
                                 .value(QLatin1String("enterprise_server_user_ids"))
                                 .toArray()
                                 .at(0)
                                 .toString()
                                 .section(QLatin1Char(':'), 0, -2);
        const QJsonArray onHost = seatsOf({QStringLiteral("--environment"), host});
        QVERIFY(!onHost.isEmpty() && onHost.size() < all.size());
        for (const QJsonValue &seat : onHost) {
            const QByteArray ids =
                QJsonDocument(seat.toObject().value(QLatin1String("enterprise_server_user_ids")).toArray()).toJson();
            QVERIFY2(ids.contains(QByteArray('"' + host.toUtf8() + ':')), ids.constData());
        }
        const QJsonArray twoFactorOff = seatsOf({QStringLiteral("--two-factor-off")});
        QCOMPARE(twoFactorOff.size(), count([](const QJsonObject &s) {
            return s.value(QLatin1String("github_com_two_factor_auth")) == QJsonValue(false);
        }));
        QVERIFY(!twoFactorOff.isEmpty());
        const QJsonArray invitedOnly = seatsOf({QStringLiteral("--pending-invitation-only")});
        QVERIFY(!invitedOnly.isEmpty());
        for (const QJsonValue &seat : invitedOnly) {
            QVERIFY(seat.toObject().value(QLatin1String("github_com_member_roles")).toArray().isEmpty());
            QVERIFY(!seat.toObject().value(QLatin1String("github_com_orgs_with_pending_invites")).toArray().isEmpty());
        }
        const QJsonArray visualStudio = seatsOf({QStringLiteral("--visual-studio")});
        QCOMPARE(visualStudio.size(), count([](const QJsonObject &s) {
            return s.value(QLatin1String("visual_studio_subscription_user")).toBool();
        }));
        const QJsonArray enterprise = seatsOf({QStringLiteral("--license-type"), QStringLiteral("enterprise")});
        QCOMPARE(enterprise.size(), count([](const QJsonObject &s) {
            return s.value(QLatin1String("license_type")).toString() == QLatin1String("enterprise");
        }));
        // Filters combine: cloud seats with 2FA off are among both.
        const QJsonArray both =
            seatsOf({QStringLiteral("--environment"), QStringLiteral("cloud"), QStringLiteral("--two-factor-off")});
        QVERIFY(both.size() <= std::min(cloud.size(), twoFactorOff.size()));
        const Run unknown = run(
            QStringList{QStringLiteral("users"), QStringLiteral("--environment"), QStringLiteral("nowhere.example")} +
                inStore,
            lab.token);
        QCOMPARE(unknown.code, 2);
        QVERIFY2(unknown.err.contains(QLatin1String("Unknown environment: nowhere.example")), qPrintable(unknown.err));
        QVERIFY2(unknown.err.contains(host), qPrintable(unknown.err));
        stopLab(lab);
    }

    void shouldBreakSeatsDownByOrganization()
    {
        const QStringList inStore{QStringLiteral("--store"), newStore()};
        const Run users =
            run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json")} + inStore);
        QCOMPARE(users.code, 0);
        // The same counts worked out here from GitHub's own fields of the report.
        QHash<QString, int> members;
        QHash<QString, int> owners;
        int withoutOrganization = 0;
        const QJsonArray seats =
            QJsonDocument::fromJson(users.out.toUtf8()).object().value(QLatin1String("users")).toArray();
        QVERIFY(seats.size() > 100);
        for (const QJsonValue &value : seats) {
            const QJsonObject seat = value.toObject();
            const QJsonArray roles = seat.value(QLatin1String("github_com_member_roles")).toArray();
            QSet<QString> orgs;
            for (const QJsonValue &role : roles) {
                const QString text = role.toString();
                const QString org = text.section(QLatin1Char(':'), 0, -2);
                if (!orgs.contains(org)) {
                    orgs.insert(org);
                    ++members[org];
                }
                owners[org] += text.endsWith(QLatin1String(":Owner"), Qt::CaseInsensitive) ? 1 : 0;
            }
            withoutOrganization += roles.isEmpty() &&
                seat.value(QLatin1String("github_com_orgs_with_pending_invites")).toArray().isEmpty();
        }
        QVERIFY(members.size() > 1);

        const Run json = run(
            QStringList{QStringLiteral("organizations"), QStringLiteral("--format"), QStringLiteral("json")} + inStore);
        QCOMPARE(json.code, 0);
        const QJsonObject breakdown = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(breakdown.keys(),
            (QStringList{QStringLiteral("organizations"), QStringLiteral("seats_consumed"),
                QStringLiteral("seats_without_organization")}));
        QCOMPARE(breakdown.value(QLatin1String("seats_without_organization")).toInt(-1), withoutOrganization);
        const QJsonArray organizations = breakdown.value(QLatin1String("organizations")).toArray();
        int previous = std::numeric_limits<int>::max();
        for (const QJsonValue &value : organizations) {
            const QJsonObject org = value.toObject();
            const QString name = org.value(QLatin1String("name")).toString();
            QCOMPARE(org.keys(),
                (QStringList{QStringLiteral("members"), QStringLiteral("name"), QStringLiteral("owners"),
                    QStringLiteral("pending_invites"), QStringLiteral("without_two_factor")}));
            QCOMPARE(org.value(QLatin1String("members")).toInt(), members.value(name));
            QCOMPARE(org.value(QLatin1String("owners")).toInt(), owners.value(name));
            QVERIFY(org.value(QLatin1String("members")).toInt() <= previous); // most members first
            previous = org.value(QLatin1String("members")).toInt();
            members.remove(name);
        }
        QVERIFY2(members.isEmpty(), qPrintable(QStringList(members.keys()).join(QLatin1Char(' '))));

        // users --organization keeps that organization's members and invitees, as the console's filter does.
        const QJsonObject second = organizations.at(1).toObject();
        const QString name = second.value(QLatin1String("name")).toString();
        const Run ofOne = run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"),
                                  QStringLiteral("--organization"), name} +
            inStore);
        QCOMPARE(ofOne.code, 0);
        const QJsonArray kept =
            QJsonDocument::fromJson(ofOne.out.toUtf8()).object().value(QLatin1String("users")).toArray();
        // In the lab a person is a member of, or invited to, one organization.
        QCOMPARE(kept.size(),
            second.value(QLatin1String("members")).toInt() + second.value(QLatin1String("pending_invites")).toInt());
        for (const QJsonValue &value : kept) {
            const QJsonObject seat = value.toObject();
            const QByteArray roles =
                QJsonDocument(seat.value(QLatin1String("github_com_member_roles")).toArray()).toJson();
            const QByteArray invites =
                QJsonDocument(seat.value(QLatin1String("github_com_orgs_with_pending_invites")).toArray()).toJson();
            const QByteArray quoted = QByteArray(1, '"') + name.toUtf8();
            QVERIFY2(roles.contains(QByteArray(quoted + ':')) || invites.contains(QByteArray(quoted + '"')),
                QByteArray(roles + invites).constData());
        }
        const Run none = run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--organization"), QStringLiteral("no-such-org")} +
            inStore);
        QCOMPARE(none.code, 0);
        QVERIFY(QJsonDocument::fromJson(none.out.toUtf8()).object().value(QLatin1String("users")).toArray().isEmpty());

        const Run text = run(QStringList{QStringLiteral("organizations")} + inStore);
        QCOMPARE(text.code, 0);
        const QString first = organizations.at(0).toObject().value(QLatin1String("name")).toString();
        QVERIFY2(text.out.startsWith(first + QLatin1String(": ")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("belong to no organization")), qPrintable(text.out));
    }

    void shouldKeepAProgressLineOnATerminal()
    {
        // On a terminal (a pseudo-terminal from util-linux's script) a refresh updates one line in place
        // on stderr and clears it at the end; the result lines stay.
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty()) {
            QSKIP("script (util-linux) is needed for a pseudo-terminal");
        }
        Lab lab = startLab(
            {QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--latency-ms"), QStringLiteral("20")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        QProcess process;
        process.setProcessEnvironment(environment(lab.token));
        process.start(script,
            {QStringLiteral("-qec"),
                QStringLiteral("%1 refresh --concurrency 2 --store %2").arg(QStringLiteral(GHE_LICENSE_EXE), store),
                QStringLiteral("/dev/null")});
        const Run result = finish(process);
        stopLab(lab);
        QCOMPARE(result.code, 0);
        const QString shown = result.out; // the terminal shows stdout and stderr together
        QVERIFY2(shown.contains(QLatin1String("\r\x1b[KFetching license data from")), qPrintable(shown));
        // Pages counted as they come, on the same line.
        QVERIFY2(shown.count(QLatin1String("\r\x1b[K")) > 3, qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression(QStringLiteral("\\d+/\\d+"))), qPrintable(shown));
        // The last progress is cleared before the result.
        const qsizetype lastClear = shown.lastIndexOf(QLatin1String("\r\x1b[K"));
        QVERIFY(lastClear >= 0);
        const QString after = shown.mid(lastClear + 4);
        QVERIFY2(!after.contains(QLatin1String("Fetching")), qPrintable(after));
    }

    void shouldReportStatusOfTheBuiltInLabLikeTheStandaloneLab()
    {
        Lab lab = startLab();
        QVERIFY(lab.consumed > 0);
        const QString store = newStore();
        const Run refresh = run({QStringLiteral("refresh"), QStringLiteral("--store"), store});
        QCOMPARE(refresh.code, 0);
        // No connection configured: stderr says the lab is a simulation (and nothing else: no progress line when
        // not a terminal); chosen by name, the lab goes without the note.
        QCOMPARE(refresh.err,
            QStringLiteral("No connection is configured in this store: this is the built-in license lab, a simulated "
                           "enterprise.\nAdd your enterprise with “ghe-license connections add”, or choose the lab "
                           "with --connection lab and this note goes.\n"));
        const Run named = run({QStringLiteral("refresh"), QStringLiteral("--connection"), QStringLiteral("lab"),
            QStringLiteral("--store"), store});
        QCOMPARE(named.code, 0);
        QVERIFY2(named.err.isEmpty(), qPrintable(named.err));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const QJsonObject seats = json.value(QLatin1String("seats")).toObject();
        QCOMPARE(seats.value(QLatin1String("consumed")).toInt(), lab.consumed);
        QCOMPARE(seats.value(QLatin1String("available")).toInt(),
            seats.value(QLatin1String("purchased")).toInt() - lab.consumed);
        QCOMPARE(json.value(QLatin1String("snapshot")).toObject().value(QLatin1String("users")).toInt(), lab.consumed);
        // Read from the store without starting the lab: still the built-in lab's connection, enterprise and all.
        QCOMPARE(json.value(QLatin1String("connection")).toObject(),
            (QJsonObject{{QStringLiteral("enterprise"), QStringLiteral("lab")},
                {QStringLiteral("kind"), QStringLiteral("lab")}, {QStringLiteral("name"), QStringLiteral("lab")}}));
        const QJsonArray servers = json.value(QLatin1String("servers")).toArray();
        QVERIFY(!servers.isEmpty());
        QVERIFY(servers.at(0).toObject().contains(QLatin1String("last_sync_date")));
        const Run text = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QStringLiteral("Seats consumed: %1").arg(lab.consumed)));
        stopLab(lab);
    }

    void shouldUseAStandaloneLabWithTheTokenFromTheEnvironment()
    {
        Lab lab = startLab();
        QVERIFY(!lab.token.isEmpty());
        const QString store = newStore();
        QCOMPARE(
            run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("ext"), QStringLiteral("--kind"),
                    QStringLiteral("lab"), QStringLiteral("--url"), lab.url, QStringLiteral("--store"), store})
                .code,
            0);
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(
            QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("ext"));
        QCOMPARE(
            QJsonDocument::fromJson(list.out.toUtf8()).array().at(0).toObject().value(QLatin1String("upload_days")),
            QJsonValue());
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("upload-interval"), QStringLiteral("ext"),
                         QStringLiteral("1"), QStringLiteral("--store"), store})
                     .out,
            QStringLiteral("ext: the usage of a server without GitHub Connect is now overdue after 1 day.\n"));
        const Run listed = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(
            QJsonDocument::fromJson(listed.out.toUtf8()).array().at(0).toObject().value(QLatin1String("upload_days")),
            QJsonValue(1));
        const Run unknown = run({QStringLiteral("connections"), QStringLiteral("upload-interval"),
            QStringLiteral("nope"), QStringLiteral("9"), QStringLiteral("--store"), store});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("There is no connection named nope.")), qPrintable(unknown.err));
        const Run noToken = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QCOMPARE(noToken.code, 1);
        QVERIFY(noToken.err.contains(QLatin1String("No token")));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(status.code, 0);
        QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8())
                     .object()
                     .value(QLatin1String("seats"))
                     .toObject()
                     .value(QLatin1String("consumed"))
                     .toInt(),
            lab.consumed);
        const Run test = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("ext"),
                                 QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(test.code, 0);
        QVERIFY(test.out.contains(QLatin1String("[ok] The token is valid")));
        // The global options before the command choose the store and the connection too.
        const Run global = run({QStringLiteral("--store"), store, QStringLiteral("--connection"), QStringLiteral("ext"),
                                   QStringLiteral("connections"), QStringLiteral("test")},
            lab.token);
        QCOMPARE(global.code, 0);
        QCOMPARE(global.out, test.out);
        const Run badToken = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("ext"),
                                     QStringLiteral("--store"), store},
            QStringLiteral("wrong-token"));
        QCOMPARE(badToken.code, 1);
        QVERIFY(badToken.out.contains(QLatin1String("[FAILED] The token is valid")));
        for (const Run &r : {status, test, badToken}) {
            QVERIFY(!r.out.contains(lab.token) && !r.err.contains(lab.token));
        }
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("remove"), QStringLiteral("ext"),
                         QStringLiteral("--store"), store})
                     .code,
            0);
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("remove"), QStringLiteral("ext"),
                         QStringLiteral("--store"), store})
                     .code,
            1);
        stopLab(lab);
    }

    void shouldCarryNamesBeyondAsciiFromTheLabToTheReports()
    {
        // The lab names one member in four as people in China, Spain, Poland or Viet Nam do: through GitHub's API,
        // the store and both formats, byte for byte.
        const QString store = newStore();
        const QStringList lab{QStringLiteral("--connection"), QStringLiteral("lab"), QStringLiteral("--store"), store};
        const Run csv =
            run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv")} + lab);
        QCOMPARE(csv.code, 0);
        QVERIFY2(csv.out.contains(QStringLiteral("user000004,José Álvarez 4,")), qPrintable(csv.out.left(2000)));
        QVERIFY2(csv.out.contains(QStringLiteral("user000008,李娜 8,")), qPrintable(csv.out.left(2000)));
        const Run json =
            run(QStringList{QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json")} + lab);
        QCOMPARE(json.code, 0);
        QHash<QString, QString> names;
        const QJsonArray users = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"users").toArray();
        for (const QJsonValue &user : users) {
            names.insert(user[u"github_com_login"].toString(), user[u"github_com_name"].toString());
        }
        QCOMPARE(names.value(QStringLiteral("user000032")), QStringLiteral("王芳 32"));
        QCOMPARE(names.value(QStringLiteral("user000024")), QStringLiteral("Nguyễn Thị Hà 24"));
        QCOMPARE(names.value(QStringLiteral("user000028")), QStringLiteral("田中 花子 28"));
        QCOMPARE(names.value(QStringLiteral("user000003")), QStringLiteral("Lab User 3"));
    }

    void shouldWriteUsersAsInjectionSafeCsv()
    {
        // A stored snapshot of the built-in lab connection with a formula in a name.
        const QString store = newStore();
        {
            LicenseStore db;
            QVERIFY(!db.open(store).isError());
            LicenseSnapshot snapshot;
            snapshot.connectionId = QStringLiteral("lab");
            snapshot.takenAt = QDateTime::currentDateTimeUtc();
            snapshot.licenses.totalSeatsConsumed = 2;
            snapshot.licenses.totalSeatsPurchased = 10;
            ConsumedLicense evil;
            evil.githubComLogin = QStringLiteral("mallory");
            evil.githubComName = QStringLiteral("=HYPERLINK(\"http://evil.example\")");
            ConsumedLicense plain;
            plain.githubComLogin = QStringLiteral("alice");
            snapshot.licenses.users = {evil, plain};
            QVERIFY(db.writeSnapshot(snapshot).ok());
        }
        const QString file = path(QStringLiteral("users.csv"));
        const Run users = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("-o"), file, QStringLiteral("--store"), store});
        QCOMPARE(users.code, 0);
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(csv.readAll());
        QVERIFY(content.startsWith(LicenseReportWriter::csvColumns().join(QLatin1Char(','))));
        QVERIFY2(content.contains(LicenseReportWriter::csvCell(QStringLiteral("=HYPERLINK(\"http://evil.example\")"))),
            qPrintable(content));
        QVERIFY(content.contains(QLatin1String("'=HYPERLINK")));
        QVERIFY(!content.startsWith(QChar(0xFEFF))); // plain UTF-8 unless asked
        // --bom: the same bytes after a UTF-8 byte order mark, for spreadsheet programs.
        const QString withBom = path(QStringLiteral("users-bom.csv"));
        const Run bom = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--bom"), QStringLiteral("-o"), withBom, QStringLiteral("--store"), store});
        QCOMPARE(bom.code, 0);
        QFile bomFile(withBom);
        QVERIFY(bomFile.open(QIODevice::ReadOnly));
        QCOMPARE(bomFile.readAll(), QByteArray("\xEF\xBB\xBF") + content.toUtf8());
        const Run filtered = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--filter"), QStringLiteral("ALI"), QStringLiteral("--store"), store});
        QCOMPARE(filtered.code, 0);
        QVERIFY(filtered.out.contains(QLatin1String("alice")));
        QVERIFY(!filtered.out.contains(QLatin1String("mallory")));
        // As typed into the console's search field: spaces around the text do not count.
        const Run spaced = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--filter"), QStringLiteral(" ALI "), QStringLiteral("--store"), store});
        QCOMPARE(spaced.code, 0);
        QCOMPARE(spaced.out, filtered.out);
    }

    void shouldListCountedTwicePairsWithFixes()
    {
        const QString store = newStore();
        const Run json = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(json.code, 0);
        const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonArray pairs = result.value(QLatin1String("pairs")).toArray();
        QVERIFY(!pairs.isEmpty());
        QVERIFY(!pairs.at(0).toObject().value(QLatin1String("fix")).toString().isEmpty());
        QCOMPARE(result.value(QLatin1String("seats_freed")).toInt(), int(pairs.size()));
        // The seats as people: the parts add up, and every pair fixed frees what the pairs say.
        const QJsonObject people = result.value(QLatin1String("people")).toObject();
        const int seats = people.value(QLatin1String("seats")).toInt();
        QVERIFY(seats > 0);
        QCOMPARE(people.value(QLatin1String("cloud_only")).toInt() +
                people.value(QLatin1String("server_only")).toInt() + people.value(QLatin1String("both")).toInt(),
            people.value(QLatin1String("people")).toInt());
        QCOMPARE(
            people.value(QLatin1String("people")).toInt() + people.value(QLatin1String("merge_at_next_sync")).toInt(),
            seats);
        QCOMPARE(people.value(QLatin1String("seats_after_fixes")).toInt(),
            people.value(QLatin1String("people")).toInt() - int(pairs.size()));
        const Run text = run({QStringLiteral("counted-twice"), QStringLiteral("--store"), store});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Seats consumed after every fix: %1 (now %2).")
                         .arg(seats - int(pairs.size()))
                         .arg(seats)),
            qPrintable(text.out));
        const Run twice = run({QStringLiteral("users"), QStringLiteral("--counted-twice"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(twice.code, 0);
        QCOMPARE(QJsonDocument::fromJson(twice.out.toUtf8()).object().value(QLatin1String("users")).toArray().size(),
            2 * pairs.size());

        // The fix list: a line per pair, then per seat that counts unexpectedly, each with the fix of the JSON.
        const QJsonArray unexpected = result.value(QLatin1String("unexpected")).toArray();
        const Run csv = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--store"), store});
        QCOMPARE(csv.code, 0);
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + pairs.size() + unexpected.size());
        QVERIFY2(
            lines.first().startsWith(QLatin1String("Finding,Enterprise Server accounts,")), qPrintable(lines.first()));
        const QJsonObject first = pairs.at(0).toObject();
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Counted twice,%1,%2,%3,%4,")
                         .arg(first.value(QLatin1String("server_user_ids")).toArray().at(0).toString(),
                             first.value(QLatin1String("server_email")).toString(),
                             first.value(QLatin1String("cloud_login")).toString(),
                             first.value(QLatin1String("cloud_email")).toString())),
            qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(first.value(QLatin1String("fix")).toString()));
        QVERIFY(lines.at(1).endsWith(QStringLiteral(",1,%1").arg(first.value(QLatin1String("confidence")).toInt())));
        const QString fixes = path(QStringLiteral("fixes.csv"));
        const Run saved = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--bom"), QStringLiteral("-o"), fixes, QStringLiteral("--store"), store});
        QCOMPARE(saved.code, 0);
        QVERIFY2(saved.err.contains(QStringLiteral("Wrote %1 findings to").arg(pairs.size() + unexpected.size())),
            qPrintable(saved.err));
        QFile file(fixes);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("\xEF\xBB\xBF") + csv.out.toUtf8());
    }

    void shouldWriteTheSummaryForAMail()
    {
        const QString store = newStore();
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const int consumed = json.value(QLatin1String("seats")).toObject().value(QLatin1String("consumed")).toInt();
        QVERIFY2(consumed > 0, qPrintable(status.out));
        const QJsonArray servers = json.value(QLatin1String("servers")).toArray();
        QVERIFY(!servers.isEmpty());
        const Run pairs = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        const int pairCount =
            int(QJsonDocument::fromJson(pairs.out.toUtf8()).object().value(QLatin1String("pairs")).toArray().size());
        QVERIFY(pairCount > 0);

        // The stored snapshot on one page: its seats, every server, the pairs - no network needed.
        const Run summary = run({QStringLiteral("summary"), QStringLiteral("--store"), store});
        QCOMPARE(summary.code, 0);
        QVERIFY(summary.out.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY2(
            summary.out.contains(QStringLiteral("%1 of ").arg(QLocale().toString(consumed))), qPrintable(summary.out));
        for (const QJsonValue &server : servers) {
            QVERIFY(summary.out.contains(server.toObject().value(QLatin1String("hostname")).toString()));
        }
        QVERIFY(summary.out.contains(QStringLiteral("%1 suspected pairs").arg(pairCount)));

        const QString file = path(QStringLiteral("summary.html"));
        const Run written =
            run({QStringLiteral("summary"), QStringLiteral("-o"), file, QStringLiteral("--store"), store});
        QCOMPARE(written.code, 0);
        QVERIFY2(written.err.contains(QStringLiteral("Wrote the summary to %1.").arg(file)), qPrintable(written.err));
        QFile html(file);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString saved = QString::fromUtf8(html.readAll());
        // The same page but for the minute it was written.
        QCOMPARE(saved.section(QLatin1String("<h2>"), 1), summary.out.section(QLatin1String("<h2>"), 1));
        // A folder that is not there: said, and nothing written.
        const QString missing = path(QStringLiteral("no-such-folder/summary.html"));
        const Run failed =
            run({QStringLiteral("summary"), QStringLiteral("-o"), missing, QStringLiteral("--store"), store});
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(missing), qPrintable(failed.err));
        QVERIFY(!QFile::exists(missing));
    }

    void shouldReplaceAnExistingReportOnlyWithForce_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("users") << QStringList{
            QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv")};
        QTest::newRow("users --refresh") << QStringList{QStringLiteral("users"), QStringLiteral("--refresh")};
        QTest::newRow("counted-twice") << QStringList{
            QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json")};
        QTest::newRow("summary") << QStringList{QStringLiteral("summary")};
    }

    void shouldReplaceAnExistingReportOnlyWithForce()
    {
        // A report is written over a file the admin keeps (last week's, a colleague's) only when asked, as
        // `export` does: the file stays as it was and the message says how to replace it.
        QFETCH(QStringList, command);
        const QString store = newStore();
        const QString file = path(QStringLiteral("kept-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
        {
            QSaveFile kept(file);
            QVERIFY(kept.open(QIODevice::WriteOnly));
            kept.write("last week's report\n");
            QVERIFY(kept.commit());
        }
        const auto content = [&file] {
            QFile read(file);
            return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
        };
        const Run refused = run(command + QStringList{QStringLiteral("-o"), file, QStringLiteral("--store"), store});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("%1 already exists.").arg(file)), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("Use --force to replace it.")), qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(content(), QByteArray("last week's report\n"));
        // Refused before anything was read: no snapshot was pulled (--refresh, or the first report of a store).
        const auto snapshots = [&store] {
            LicenseStore db;
            return db.open(store).isError() ? -1 : int(db.snapshots(QStringLiteral("lab")).value.size());
        };
        QCOMPARE(snapshots(), 0);
        const Run replaced = run(command +
            QStringList{QStringLiteral("-o"), file, QStringLiteral("--force"), QStringLiteral("--store"), store});
        QVERIFY2(replaced.code == 0, qPrintable(replaced.err));
        QVERIFY2(replaced.err.contains(file), qPrintable(replaced.err));
        QCOMPARE(snapshots(), 1);
        const QByteArray written = content();
        QVERIFY(!written.contains("last week's report"));
        // The same report as on standard output (the summary but for the minute it was made).
        const Run printed = run(command + QStringList{QStringLiteral("--store"), store});
        QCOMPARE(printed.code, 0);
        if (command.constFirst() == QLatin1String("summary")) {
            QCOMPARE(QString::fromUtf8(written).section(QLatin1String("<h2>"), 1),
                printed.out.section(QLatin1String("<h2>"), 1));
        } else if (!command.contains(QLatin1String("--refresh"))) {
            QCOMPARE(QString::fromUtf8(written), printed.out);
        } else {
            QVERIFY(written.startsWith(LicenseReportWriter::csvColumns().join(QLatin1Char(',')).toUtf8()));
        }
        // A folder named as the file is no file to replace: writing fails and says why, --force or not.
        const Run folder = run(
            command + QStringList{QStringLiteral("-o"), path(QStringLiteral(".")), QStringLiteral("--store"), store});
        QCOMPARE(folder.code, 1);
        QVERIFY2(!folder.err.contains(QLatin1String("--force")), qPrintable(folder.err));
    }

    void shouldListWhatNeedsAttention()
    {
        // The built-in lab: ghes-3 without GitHub Connect last added its usage 9 days ago, people are counted twice.
        const QString store = newStore();
        const Run text = run({QStringLiteral("attention"), QStringLiteral("--connection"), QStringLiteral("lab"),
            QStringLiteral("--store"), store});
        QCOMPARE(text.code, 3);
        QVERIFY2(text.out.contains(QLatin1String(
                     "Warning: ghes-3.lab.example does not sync by itself (GitHub Connect is off); its license usage "
                     "was last added 9 days ago.\n")),
            qPrintable(text.out));
        QVERIFY2(!text.out.contains(QLatin1String("Critical:")), qPrintable(text.out));
        QVERIFY2(text.err.isEmpty(), qPrintable(text.err));

        const Run pairs = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        const qsizetype pairCount =
            QJsonDocument::fromJson(pairs.out.toUtf8()).object().value(QLatin1String("pairs")).toArray().size();
        QVERIFY(pairCount > 1);
        const auto items = [&store] {
            const Run json = run({QStringLiteral("attention"), QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--store"), store});
            QHash<QString, QJsonObject> byKind;
            const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"items").toArray();
            for (const QJsonValue &item : list) {
                byKind.insert(item.toObject().value(u"kind").toString(), item.toObject());
            }
            return std::pair{json.code, byKind};
        };
        auto [code, byKind] = items();
        QCOMPARE(code, 3);
        QCOMPARE(byKind.value(QStringLiteral("upload_overdue")).value(u"hosts").toArray(),
            QJsonArray{QStringLiteral("ghes-3.lab.example")});
        QCOMPARE(byKind.value(QStringLiteral("upload_overdue")).value(u"level").toString(), QStringLiteral("warning"));
        QVERIFY2(byKind.value(QStringLiteral("counted_twice"))
                     .value(u"text")
                     .toString()
                     .startsWith(QStringLiteral("%1 people are probably counted twice.").arg(pairCount)),
            qPrintable(byKind.value(QStringLiteral("counted_twice")).value(u"text").toString()));

        // Added monthly, as set for the console: ghes-3 is in time.
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("upload-interval"), QStringLiteral("lab"),
                         QStringLiteral("31"), QStringLiteral("--store"), store})
                     .code,
            0);
        std::tie(code, byKind) = items();
        QVERIFY(!byKind.contains(QStringLiteral("upload_overdue")));
        QVERIFY(byKind.contains(QStringLiteral("counted_twice")));

        // An enterprise without servers and without surprises: nothing, and exit 0.
        Lab bare = startLab(
            {QStringLiteral("--servers"), QStringLiteral("0"), QStringLiteral("--users"), QStringLiteral("20")});
        const QString bareStore = newStore();
        QVERIFY(addLabConnection(bareStore, bare));
        const Run calm = run({QStringLiteral("attention"), QStringLiteral("--store"), bareStore}, bare.token);
        QCOMPARE(calm.code, 0);
        QCOMPARE(
            calm.out, QStringLiteral("Nothing needs attention: seats, license, syncs and uploads are in order.\n"));
        stopLab(bare);

        const Run bad = run({QStringLiteral("attention"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--store"), store});
        QCOMPARE(bad.code, 2);
    }

    void shouldCountAnUploadAddedSinceTheSnapshot()
    {
        // ghes-3 (no GitHub Connect) last added its usage 9 days ago, in the stored snapshot.
        const QString store = newStore();
        const auto check = [&store] {
            return run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("99"),
                QStringLiteral("--max-stale-days"), QStringLiteral("8"), QStringLiteral("--store"), store});
        };
        const Run before = check();
        QCOMPARE(before.code, 3);
        QVERIFY2(before.err.contains(QLatin1String("Upload: ghes-3.lab.example")), qPrintable(before.err));
        const QLatin1String overdueInSummary("its license usage was last added 9 days ago");
        const Run summaryBefore = run({QStringLiteral("summary"), QStringLiteral("--store"), store});
        QVERIFY2(summaryBefore.out.contains(overdueInSummary), qPrintable(summaryBefore.out));
        const Run statusBefore = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        const auto snapshotId = [](const Run &status) {
            return QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"snapshot").toObject().value(u"id");
        };
        QVERIFY(snapshotId(statusBefore).toInteger() > 0);

        // Its usage added now, without a refresh: the reports judge by it, as the console's instances card does.
        const QString file = path(QStringLiteral("ghes-3-now.json"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("ghes-3.lab.example"), QStringLiteral("-o"), file,
                         QStringLiteral("--store"), store})
                     .code,
            0);
        const Run added =
            run({QStringLiteral("add-server-usage"), file, QStringLiteral("--wait"), QStringLiteral("--store"), store});
        QCOMPARE(added.code, 0);
        const Run after = check();
        QVERIFY2(after.code == 0, qPrintable(after.out + after.err));
        QVERIFY2(after.out.contains(
                     QLatin1String("OK: every server without GitHub Connect added its license usage within 8 days.")),
            qPrintable(after.out));
        const Run attention = run({QStringLiteral("attention"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QVERIFY2(attention.out.contains(QLatin1String("counted_twice")) &&
                !attention.out.contains(QLatin1String("upload_overdue")),
            qPrintable(attention.out));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        const QJsonObject offline = QJsonDocument::fromJson(status.out.toUtf8())
                                        .object()
                                        .value(QLatin1String("offline_servers"))
                                        .toArray()
                                        .at(0)
                                        .toObject();
        QCOMPARE(offline.value(QLatin1String("overdue")), QJsonValue(false));
        const Run summary = run({QStringLiteral("summary"), QStringLiteral("--store"), store});
        QCOMPARE(summary.code, 0);
        QVERIFY2(!summary.out.contains(overdueInSummary), qPrintable(summary.out));
        // Still the snapshot of before: the upload counted from the store, not from a new snapshot.
        QCOMPARE(snapshotId(status), snapshotId(statusBefore));
    }

    void shouldCheckThresholds_data()
    {
        QTest::addColumn<QString>("percent");
        QTest::addColumn<QString>("days");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing crossed") << QStringLiteral("99") << QStringLiteral("30") << 0 << QStringLiteral("OK:");
        QTest::newRow("seats crossed") << QStringLiteral("50") << QStringLiteral("30") << 3 << QStringLiteral("Seats:");
        QTest::newRow("staleness crossed")
            << QStringLiteral("99") << QStringLiteral("0") << 3 << QStringLiteral("Sync:");
        // The lab's ghes-3 has no GitHub Connect; its usage was uploaded 10 days before the lab started.
        QTest::newRow("upload overdue")
            << QStringLiteral("99") << QStringLiteral("8") << 3
            << QStringLiteral("Upload: ghes-3.lab.example does not sync by itself (GitHub Connect is off) and last "
                              "added its license usage 9 days ago, more than 8 allowed.");
    }
    void shouldCrossWhenNobodyRefreshedTheSnapshotForTooLong()
    {
        const QString store = newStore();
        const QStringList lab{QStringLiteral("--connection"), QStringLiteral("lab"), QStringLiteral("--store"), store};
        QCOMPARE(run(QStringList{QStringLiteral("refresh")} + lab).code, 0);
        // The console stopped refreshing ten days ago: the snapshot `check` judges is that old.
        {
            const QString name = QStringLiteral("age-snapshots");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(store);
                QVERIFY(db.open());
                QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE snapshots SET taken_at = taken_at - %1")
                        .arg(qint64(10) * 24 * 3600 * 1000)));
            }
            QSqlDatabase::removeDatabase(name);
        }
        const auto check = [&](const QString &staleDays) {
            return run(QStringList{QStringLiteral("check"), QStringLiteral("--max-used-percent"),
                           QStringLiteral("1000"), QStringLiteral("--max-stale-days"), staleDays} +
                lab);
        };
        const Run crossed = check(QStringLiteral("8"));
        QCOMPARE(crossed.code, 3);
        QVERIFY2(crossed.err.contains(QLatin1String("Snapshot: the newest snapshot was taken on ")) &&
                crossed.err.contains(QLatin1String(", 10 days ago, more than 8 allowed. Refresh it (ghe-license "
                                                   "refresh, or check --refresh).")),
            qPrintable(crossed.err));
        const Run passed = check(QStringLiteral("10"));
        QVERIFY2(passed.code == 0, qPrintable(passed.err));
        QVERIFY2(passed.out.contains(QLatin1String("OK: judged by the snapshot taken on ")) &&
                passed.out.contains(QLatin1String(", 10 days ago.")),
            qPrintable(passed.out));
        // Refreshed first, the same threshold judges today's numbers.
        const Run refreshed =
            run(QStringList{QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("1000"),
                    QStringLiteral("--max-stale-days"), QStringLiteral("8"), QStringLiteral("--max-upload-days"),
                    QStringLiteral("30"), QStringLiteral("--refresh")} +
                lab);
        QVERIFY2(refreshed.code == 0, qPrintable(refreshed.err));
        QVERIFY2(refreshed.out.contains(QLatin1String(", 0 days ago.")), qPrintable(refreshed.out));
    }

    void shouldCheckThresholds()
    {
        QFETCH(QString, percent);
        QFETCH(QString, days);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run result = run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), percent,
            QStringLiteral("--max-stale-days"), days, QStringLiteral("--store"), newStore()});
        QCOMPARE(result.code, code);
        const QString all = result.out + result.err;
        QVERIFY2(all.contains(message), qPrintable(all));
    }

    void shouldCheckUploadsByAThresholdOfTheirOwn()
    {
        // The built-in lab's ghes-3 has no GitHub Connect and last added its usage 9 days ago; the other servers
        // synced a day ago. An air-gapped server added to monthly needs a looser threshold than the syncs.
        const QString store = newStore();
        const auto check = [&](const QString &staleDays, const QString &uploadDays) {
            return run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("99"),
                QStringLiteral("--max-stale-days"), staleDays, QStringLiteral("--max-upload-days"), uploadDays,
                QStringLiteral("--connection"), QStringLiteral("lab"), QStringLiteral("--store"), store});
        };
        const Run monthly = check(QStringLiteral("8"), QStringLiteral("31"));
        QCOMPARE(monthly.code, 0);
        QVERIFY2(monthly.out.contains(
                     QLatin1String("OK: every server without GitHub Connect added its license usage within 31 days.")),
            qPrintable(monthly.out));
        QVERIFY2(monthly.out.contains(QLatin1String("OK: every server with GitHub Connect synced within 8 days.")),
            qPrintable(monthly.out));
        QVERIFY2(monthly.err.isEmpty(), qPrintable(monthly.err));

        const Run uploadCrossed = check(QStringLiteral("30"), QStringLiteral("8"));
        QCOMPARE(uploadCrossed.code, 3);
        QVERIFY2(uploadCrossed.err.contains(QLatin1String("Upload: ghes-3.lab.example does not sync by itself (GitHub "
                                                          "Connect is off) and last added its license usage 9 days "
                                                          "ago, more than 8 allowed.")),
            qPrintable(uploadCrossed.err));
        QVERIFY2(!uploadCrossed.err.contains(QLatin1String("Sync:")), qPrintable(uploadCrossed.err));

        const Run syncCrossed = check(QStringLiteral("0"), QStringLiteral("9"));
        QCOMPARE(syncCrossed.code, 3);
        QVERIFY2(syncCrossed.err.contains(QLatin1String("Sync:")), qPrintable(syncCrossed.err));
        QVERIFY2(!syncCrossed.err.contains(QLatin1String("Upload:")), qPrintable(syncCrossed.err));

        // Without --max-upload-days, the upload interval set in the console (Upload Interval…) is the threshold,
        // and status judges the server's upload by it too.
        const auto checkByDefault = [&store] {
            return run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("99"),
                QStringLiteral("--store"), store});
        };
        const auto offlineOverdue = [&store] {
            const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--store"), store});
            return QJsonDocument::fromJson(status.out.toUtf8())
                .object()
                .value(QLatin1String("offline_servers"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("overdue"));
        };
        QCOMPARE(checkByDefault().code, 3); // 9 days, more than --max-stale-days' 8
        QCOMPARE(offlineOverdue(), QJsonValue(true));
        const auto interval = [&store](const QStringList &days) {
            return run(
                QStringList{QStringLiteral("connections"), QStringLiteral("upload-interval"), QStringLiteral("lab")} +
                days + QStringList{QStringLiteral("--store"), store});
        };
        const Run unset = interval({});
        QCOMPARE(unset.code, 0);
        QCOMPARE(unset.out,
            QStringLiteral(
                "lab: the usage of a server without GitHub Connect is overdue after 7 days (the default).\n"));
        for (const char *bad : {"0", "366", "monthly", "1.5"}) {
            const Run refused = interval({QLatin1String(bad)});
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(QLatin1String("Not an upload interval: ") + QLatin1String(bad)) &&
                    refused.err.contains(QLatin1String("Give a number of days from 1 to 365.")),
                qPrintable(refused.err));
        }
        QCOMPARE(interval({}).out, unset.out); // nothing stored by a refused value
        const Run set = interval({QStringLiteral("31")});
        QCOMPARE(set.code, 0);
        QCOMPARE(set.out,
            QStringLiteral("lab: the usage of a server without GitHub Connect is now overdue after 31 days.\n"));
        QCOMPARE(interval({}).out,
            QStringLiteral("lab: the usage of a server without GitHub Connect is overdue after 31 days.\n"));
        {
            LicenseStore db; // where the console reads it (Upload Interval…)
            QVERIFY(!db.open(store));
            QCOMPARE(db.uploadDays(QStringLiteral("lab")).value, std::optional<int>(31));
        }
        const Run monthlySet = checkByDefault();
        QCOMPARE(monthlySet.code, 0);
        QVERIFY2(monthlySet.out.contains(
                     QLatin1String("OK: every server without GitHub Connect added its license usage within 31 days.")),
            qPrintable(monthlySet.out));
        QCOMPARE(offlineOverdue(), QJsonValue(false));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QVERIFY2(status.out.contains(QLatin1String("Server ghes-3.lab.example (without GitHub Connect): last usage "
                                                   "upload ")) &&
                !status.out.contains(QLatin1String("(overdue)")),
            qPrintable(status.out));
        QCOMPARE(check(QStringLiteral("8"), QStringLiteral("8")).code, 3); // the option still wins

        for (const char *bad : {"-1", "monthly"}) {
            const Run refused = check(QStringLiteral("8"), QLatin1String(bad));
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(QLatin1String("The thresholds must be non-negative numbers.")),
                qPrintable(refused.err));
        }
    }

    void shouldShowTheUploadsOfServersWithoutGitHubConnect()
    {
        // The built-in lab's ghes-3 has no GitHub Connect; its usage was uploaded 10 days before the lab started.
        const QString store = newStore();
        const Run text = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(
                     QLatin1String("Server ghes-3.lab.example (without GitHub Connect): last usage upload ")) &&
                text.out.contains(QLatin1String(", 9 days ago (overdue).")),
            qPrintable(text.out));
        QCOMPARE(text.out.count(QLatin1String("without GitHub Connect")), 1);
        const Run json = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(json.code, 0);
        const QJsonArray offline =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("offline_servers")).toArray();
        QCOMPARE(offline.size(), 1);
        const QJsonObject ghes3 = offline.first().toObject();
        QCOMPARE(ghes3.value(QLatin1String("hostname")).toString(), QStringLiteral("ghes-3.lab.example"));
        QCOMPARE(ghes3.value(QLatin1String("days_since_upload")).toInt(-1), 9);
        QCOMPARE(ghes3.value(QLatin1String("overdue")).toBool(), true);
        QVERIFY(
            QDateTime::fromString(ghes3.value(QLatin1String("last_upload_date")).toString(), Qt::ISODate).isValid());
    }

    void shouldCheckTheLicenseExpiryOfTheServers()
    {
        const QString store = newStore();
        // The built-in lab's servers carry its license file, which ends in four to ten months.
        const Run ok = run({QStringLiteral("check"), QStringLiteral("--min-days-left"), QStringLiteral("30"),
            QStringLiteral("--max-stale-days"), QStringLiteral("30"), QStringLiteral("--store"), store});
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains(QLatin1String("OK: the license expires on")), qPrintable(ok.out));
        const Run soon = run({QStringLiteral("check"), QStringLiteral("--min-days-left"), QStringLiteral("400"),
            QStringLiteral("--store"), store});
        QCOMPARE(soon.code, 3);
        QVERIFY2(soon.err.contains(QLatin1String("License: the license of ghes-")) &&
                soon.err.contains(QLatin1String("fewer than 400")),
            qPrintable(soon.err));
        for (const char *bad : {"-1", "soon"}) {
            QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--min-days-left"), QLatin1String(bad),
                             QStringLiteral("--store"), store})
                         .code,
                2);
        }
        // One server has a GitHub Enterprise Server connection of its own, whose license ends sooner: it counts,
        // and status shows that server as its own connection read it.
        ServerLicenseInfo license;
        license.seats = 500;
        license.seatsUsed = 123;
        license.kind = QStringLiteral("standard");
        license.installedVersion = QStringLiteral("3.16.1");
        license.expireAt = QDateTime::currentDateTimeUtc().addDays(10);
        license.daysUntilExpiration = 10;
        QVERIFY(StoredHistory::writeServerLicense(
                    store, QStringLiteral("ghes-own"), QStringLiteral("ghes-2.lab.example"), license) > 0);
        const QStringList lab{QStringLiteral("--connection"), QStringLiteral("lab"), QStringLiteral("--store"), store};
        const Run linked =
            run(QStringList{QStringLiteral("check"), QStringLiteral("--min-days-left"), QStringLiteral("30")} + lab);
        QCOMPARE(linked.code, 3);
        QVERIFY2(linked.err.contains(QLatin1String("the license of ghes-2.lab.example expires on")) &&
                linked.err.contains(QLatin1String("in 9 days, fewer than 30")),
            qPrintable(linked.err));
        const Run status =
            run(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")} + lab);
        QCOMPARE(status.code, 0);
        QStringList versions;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("server_licenses")).toArray()) {
            if (value.toObject().value(QLatin1String("hostname")).toString() == QLatin1String("ghes-2.lab.example")) {
                versions.append(value.toObject().value(QLatin1String("installed_version")).toString());
            }
        }
        QCOMPARE(versions, QStringList{QStringLiteral("3.16.1")});
        // In words: the soonest date once, the servers whose license file says otherwise each on its own.
        const Run text = run(QStringList{QStringLiteral("status")} + lab);
        QCOMPARE(text.code, 0);
        QCOMPARE(text.out.count(QLatin1String("License expires on")), 1);
        QVERIFY2(text.out.contains(QLatin1String("(in 9 days)")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("License of ghes-1.lab.example expires on")), qPrintable(text.out));
        QVERIFY(!text.out.contains(QLatin1String("License of ghes-2.lab.example")));
        QVERIFY2(text.out.contains(QLatin1String("Seats on ghes-2.lab.example: 123 of 500 (GitHub Enterprise Server "
                                                 "3.16.1)")),
            qPrintable(text.out));
        // Without any server, nothing tells the date: a clear failure, not a pass.
        Lab bare = startLab({QStringLiteral("--servers"), QStringLiteral("0")});
        const QString bareStore = newStore();
        QVERIFY(addLabConnection(bareStore, bare));
        const Run unknown = run({QStringLiteral("check"), QStringLiteral("--min-days-left"), QStringLiteral("30"),
                                    QStringLiteral("--store"), bareStore},
            bare.token);
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("No license expiry date is known")), qPrintable(unknown.err));
        QVERIFY2(unknown.err.contains(QLatin1String("ghe-license connections add")), qPrintable(unknown.err));
        // status says the date is unknown rather than leave the line out.
        const Run bareStatus = run({QStringLiteral("status"), QStringLiteral("--store"), bareStore}, bare.token);
        QCOMPARE(bareStatus.code, 0);
        QVERIFY2(bareStatus.out.contains(QLatin1String("\nLicense expiry: unknown (GitHub Enterprise Cloud does not "
                                                       "report it;")),
            qPrintable(bareStatus.out));
        QVERIFY(!bareStatus.out.contains(QLatin1String("License expires on")));
        stopLab(bare);
    }

    void shouldRefreshEachServerThroughItsOwnConnection()
    {
        // The enterprise (a lab) names its first server "localhost"; a second lab behind its test CA answers as
        // that server's GitHub Enterprise Server. It would take the enterprise's token too, so a leak would show.
        Lab enterprise = startLab({QStringLiteral("--server-names"), QStringLiteral("localhost")});
        Lab server = startLab({QStringLiteral("--tls"), QStringLiteral("--servers"), QStringLiteral("0"),
            QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--users"), QStringLiteral("40"),
            QStringLiteral("--token"), enterprise.token});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, enterprise));
        QVERIFY(addServerConnection(store, server));
        QProcessEnvironment tokens;
        tokens.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), server.token);
        const QStringList gh{QStringLiteral("--connection"), QStringLiteral("gh"), QStringLiteral("--store"), store};
        const Run refreshed = run(QStringList{QStringLiteral("refresh")} + gh, enterprise.token, tokens);
        QVERIFY2(refreshed.code == 0, qPrintable(refreshed.err));
        const Run status =
            run(QStringList{QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")} + gh,
                enterprise.token, tokens);
        QCOMPARE(status.code, 0);
        QJsonObject localhost;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("server_licenses")).toArray()) {
            if (value.toObject().value(QLatin1String("hostname")).toString() == QLatin1String("localhost")) {
                localhost = value.toObject();
            }
        }
        // The server's own count of its seats (the second lab's), and its version.
        QCOMPARE(localhost.value(QLatin1String("seats_used")).toInt(-1), server.consumed);
        QCOMPARE(localhost.value(QLatin1String("installed_version")).toString(), QStringLiteral("3.15.2"));
        // Without GH_ENTERPRISE_TOKEN (and no keychain), the GH_TOKEN meant for the enterprise is not sent to the
        // server: it is not read.
        const Run withoutItsToken = run(QStringList{QStringLiteral("refresh")} + gh, enterprise.token);
        QCOMPARE(withoutItsToken.code, 0);
        QVERIFY2(
            withoutItsToken.err.contains(QLatin1String("The license of localhost could not be read: its connection "
                                                       "ghes has no token (GH_ENTERPRISE_TOKEN is not set, and "
                                                       "the keychain could not be read:")),
            qPrintable(withoutItsToken.err));
        stopLab(server);
        // Out of reach, it is a note beside the refresh, not a failure.
        const Run unreachable = run(QStringList{QStringLiteral("refresh")} + gh, enterprise.token, tokens);
        QCOMPARE(unreachable.code, 0);
        QVERIFY2(unreachable.err.contains(QLatin1String("Note: The license of localhost could not be read through its "
                                                        "connection ghes")),
            qPrintable(unreachable.err));
        QVERIFY(!unreachable.err.contains(server.token) && !unreachable.err.contains(enterprise.token));
        stopLab(enterprise);
    }

    void shouldSyncAndExportOnTheLab()
    {
        const QString store = newStore();
        const Run sync = run({QStringLiteral("sync-now"), QStringLiteral("--all"), QStringLiteral("--store"), store});
        QCOMPARE(sync.code, 0);
        QVERIFY(sync.out.contains(QLatin1String("ghes-1.lab.example: synced")));
        QCOMPARE(
            run({QStringLiteral("sync-now"), QStringLiteral("no-such-host"), QStringLiteral("--store"), store}).code,
            1);
        const QString file = path(QStringLiteral("export.json"));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), file,
                         QStringLiteral("--store"), store})
                     .code,
            0);
        QVERIFY(UsageFile::readFile(file).ok());
        const Run again = run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"),
            file, QStringLiteral("--store"), store});
        QCOMPARE(again.code, 1);
        QVERIFY(again.err.contains(QLatin1String("already exists")));
        QVERIFY(again.err.contains(QLatin1String("--force")));
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), file,
                         QStringLiteral("--force"), QStringLiteral("--store"), store})
                     .code,
            0);
    }

    void shouldRejectEveryInvalidUsageFile()
    {
        const QString store = newStore();
        const QString good = path(QStringLiteral("good.json"));
        const QByteArray bytes = exportLabServer(QStringLiteral("good.json"), store);
        QVERIFY(!bytes.isEmpty());
        const UsageFileInfo info = UsageFile::read(bytes).info;
        const auto write = [this](const QString &name, const QByteArray &content) {
            QFile file(path(name));
            file.open(QIODevice::WriteOnly);
            file.write(content);
            return file.fileName();
        };
        QList<std::pair<QString, QString>> cases = {
            {write(QStringLiteral("empty.json"), {}), UsageFile::validationMessage(UsageFile::Validation::Empty)},
            {write(QStringLiteral("text.json"), "hello"), UsageFile::validationMessage(UsageFile::Validation::NotJson)},
            {write(QStringLiteral("page.json"), "<!DOCTYPE html><html><body>Sign in</body></html>"),
                UsageFile::validationMessage(UsageFile::Validation::HtmlPage)},
            {write(QStringLiteral("shape.json"), "{\"a\": 1}"),
                UsageFile::validationMessage(UsageFile::Validation::WrongShape)},
            {write(QStringLiteral("cut.json"), bytes.left(bytes.size() / 2)),
                UsageFile::validationMessage(UsageFile::Validation::Truncated)},
            // What `ssh … ghe-license usage > file.json` writes in Windows PowerShell 5.
            {write(QStringLiteral("powershell.json"), Glc::Test::utf16LittleEndianWithBom(bytes)),
                UsageFile::validationMessage(UsageFile::Validation::Utf16Text)},
            // "José" saved by an editor in Windows-1252.
            {write(QStringLiteral("latin1.json"),
                 "{\"instance\":{\"server_id\":\"s\",\"host_name\":\"h\"},\"users\":[{\"login\":\"Jos\xE9\"}]}"),
                UsageFile::validationMessage(UsageFile::Validation::NotUtf8)},
        };
        {
            QFile large(path(QStringLiteral("large.json")));
            QVERIFY(large.open(QIODevice::WriteOnly));
            QVERIFY(large.resize(UsageFile::DefaultSizeLimit + 1));
            cases.append({large.fileName(), UsageFile::validationMessage(UsageFile::Validation::TooLarge)});
        }
        UsageFileInfo unknown = info;
        unknown.serverId = QStringLiteral("00000000-0000-0000-0000-000000000000");
        unknown.hostName = QStringLiteral("nowhere.example");
        const QString unknownFile = write(QStringLiteral("unknown.json"), UsageFile::write(unknown));
        cases.append({unknownFile, QStringLiteral("does not list yet")});
        for (const auto &[file, message] : std::as_const(cases)) {
            const Run result = run({QStringLiteral("add-server-usage"), file, QStringLiteral("--store"), store});
            QCOMPARE(result.code, 1);
            QVERIFY2(result.err.contains(file + QLatin1String(": ")) && result.err.contains(message),
                qPrintable(file + QLatin1Char('\n') + result.err));
        }
        // Upload the good file; then the same file again and an older export of the same server.
        const Run added = run({QStringLiteral("add-server-usage"), good, QStringLiteral("--store"), store});
        QCOMPARE(added.code, 0);
        QVERIFY(added.out.contains(good + QLatin1String(": added")));
        const Run twice = run({QStringLiteral("add-server-usage"), good, QStringLiteral("--store"), store});
        QCOMPARE(twice.code, 1);
        QVERIFY2(twice.err.contains(QLatin1String("already uploaded")), qPrintable(twice.err));
        UsageFileInfo older = info;
        older.exportedAt = QDateTime::currentDateTimeUtc().addDays(-3);
        const QString olderFile = write(QStringLiteral("older.json"), UsageFile::write(older));
        const Run old = run({QStringLiteral("add-server-usage"), olderFile, QStringLiteral("--store"), store});
        QCOMPARE(old.code, 1);
        QVERIFY2(old.err.contains(QLatin1String("before the last upload")), qPrintable(old.err));

        // The server the enterprise does not list: refused above with the way on, taken with --new-server as
        // its first upload, after which the enterprise lists it.
        const Run refused = run({QStringLiteral("add-server-usage"), unknownFile, QStringLiteral("--store"), store});
        QVERIFY2(refused.err.contains(QLatin1String("Add --new-server if this is the server's first upload.")),
            qPrintable(refused.err));
        const Run first = run({QStringLiteral("add-server-usage"), unknownFile, QStringLiteral("--new-server"),
            QStringLiteral("--store"), store});
        QCOMPARE(first.code, 0);
        QVERIFY2(first.out.contains(unknownFile + QLatin1String(": added")), qPrintable(first.out + first.err));
        QVERIFY2(first.err.contains(QLatin1String("a server the enterprise does not list yet")), qPrintable(first.err));
        const Run again = run({QStringLiteral("add-server-usage"), unknownFile, QStringLiteral("--check-only"),
            QStringLiteral("--store"), store});
        // The same file again: it was uploaded, whatever the enterprise lists.
        QVERIFY2(!again.err.contains(QLatin1String("does not list yet")), qPrintable(again.err));
        QVERIFY2(again.err.contains(QLatin1String("already uploaded")), qPrintable(again.err));
    }

    void shouldRefuseTheOlderOfTwoExportsOfAServerInOneCall()
    {
        const QString store = newStore();
        const QJsonObject json = QJsonDocument::fromJson(exportLabServer(QStringLiteral("batch.json"), store)).object();
        QVERIFY(!json.isEmpty());
        const auto writeExport = [this, &json](const QString &name, const QDateTime &exportedAt) {
            QJsonObject copy = json;
            copy.insert(QStringLiteral("exported_at"), exportedAt.toString(Qt::ISODate));
            QFile file(path(name));
            file.open(QIODevice::WriteOnly);
            file.write(QJsonDocument(copy).toJson());
            return file.fileName();
        };
        const QString older = writeExport(QStringLiteral("earlier.json"), QDateTime::currentDateTimeUtc().addDays(-2));
        const QString newer = writeExport(QStringLiteral("newer.json"), QDateTime::currentDateTimeUtc().addSecs(-60));
        // Uploaded after the newer one, the older export would replace newer usage: refused, naming the newer one.
        const Run check = run({QStringLiteral("add-server-usage"), older, newer, QStringLiteral("--check-only"),
            QStringLiteral("--store"), store});
        QCOMPARE(check.code, 1);
        QVERIFY2(check.err.contains(older + QLatin1String(": The file was exported on")) &&
                check.err.contains(QLatin1String("before newer.json of the same server in this batch")),
            qPrintable(check.err));
        QVERIFY2(check.err.contains(newer + QLatin1String(": valid usage file of ghes-1.lab.example")),
            qPrintable(check.err));
        const Run upload = run({QStringLiteral("add-server-usage"), newer, older, QStringLiteral("--store"), store});
        QCOMPARE(upload.code, 1);
        QVERIFY2(upload.out.contains(newer + QLatin1String(": added")), qPrintable(upload.out + upload.err));
        QVERIFY2(!upload.out.contains(older + QLatin1String(": added")), qPrintable(upload.out));
    }

    void shouldPrintAssistedStepsForAGitHubLikeLab()
    {
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QCOMPARE(
            run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("gh"), QStringLiteral("--kind"),
                    QStringLiteral("lab"), QStringLiteral("--url"), lab.url, QStringLiteral("--store"), store})
                .code,
            0);
        const Run sync =
            run({QStringLiteral("sync-now"), QStringLiteral("--all"), QStringLiteral("--store"), store}, lab.token);
        QCOMPARE(sync.code, 4);
        QVERIFY2(
            sync.out.contains(QLatin1String("Action needed: open https://ghes-1.lab.example/")), qPrintable(sync.out));
        QVERIFY(sync.out.contains(QLatin1String("Sync now")));
        QVERIFY(!sync.out.contains(QLatin1String("<b>")));
        const Run exported = run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"),
                                     path(QStringLiteral("gh.json")), QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(exported.code, 4);
        QVERIFY(exported.err.contains(QLatin1String("--from")));
        stopLab(lab);
    }

    void shouldExplainAMissingTokenWithoutAKeychain()
    {
        const QString store = newStore();
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("ext"),
                         QStringLiteral("--kind"), QStringLiteral("lab"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--store"), store})
                     .code,
            0);
        const Run status = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QCOMPARE(status.code, 1);
        QVERIFY2(status.err.contains(QLatin1String(
                     "No token for the connection ext: none in the environment, and the keychain cannot be read.")),
            qPrintable(status.err));
        QVERIFY2(status.err.contains(QLatin1String("No keychain available")), qPrintable(status.err));
        QVERIFY2(status.err.contains(QLatin1String("Set GH_TOKEN in the environment of ghe-license")),
            qPrintable(status.err));
        QVERIFY(status.out.isEmpty());
        // connections test: the same reason as its first, failed check, the fix indented line by line below it.
        const Run test = run({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("ext"),
            QStringLiteral("--store"), store});
        QCOMPARE(test.code, 1);
        const QStringList lines = test.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 3, qPrintable(test.out));
        QCOMPARE(lines.at(0),
            QStringLiteral("[FAILED] A token is available - No token for the connection ext: none in the environment, "
                           "and the keychain cannot be read."));
        QVERIFY2(lines.at(1).startsWith(QLatin1String("       ")) && lines.at(1).contains(QLatin1String("keychain")),
            qPrintable(test.out));
        QVERIFY2(lines.last().startsWith(QLatin1String("       Set GH_TOKEN in the environment of ghe-license")),
            qPrintable(test.out));
        QVERIFY2(!test.out.contains(QLatin1String("[ok]")), qPrintable(test.out));

        // A token for the keychain is refused as a whole: no connection without its token.
        const Run add =
            run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("corp"), QStringLiteral("--kind"),
                    QStringLiteral("cloud"), QStringLiteral("--enterprise"), QStringLiteral("acme"),
                    QStringLiteral("--token-stdin"), QStringLiteral("--store"), store},
                {}, {}, "ghp_secretFromStdin\n");
        QCOMPARE(add.code, 1);
        QVERIFY2(add.err.contains(QLatin1String("was not saved in the keychain, so the connection was not added")),
            qPrintable(add.err));
        QVERIFY(!add.err.contains(QLatin1String("ghp_secretFromStdin")));
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
        const Run setToken = run({QStringLiteral("connections"), QStringLiteral("set-token"), QStringLiteral("ext"),
                                     QStringLiteral("--store"), store},
            {}, {}, "ghp_other\n");
        QCOMPARE(setToken.code, 1);
        QVERIFY2(setToken.err.contains(QLatin1String("The token of ext was not saved in the keychain.")),
            qPrintable(setToken.err));
        const Run empty = run({QStringLiteral("connections"), QStringLiteral("set-token"), QStringLiteral("ext"),
            QStringLiteral("--store"), store});
        QCOMPARE(empty.code, 2);
        QVERIFY2(empty.err.contains(QLatin1String("No token on standard input.")), qPrintable(empty.err));
        const Run notServer = run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("x"),
            QStringLiteral("--kind"), QStringLiteral("cloud"), QStringLiteral("--enterprise"), QStringLiteral("acme"),
            QStringLiteral("--admin-shell"), QStringLiteral("--store"), store});
        QCOMPARE(notServer.code, 2);
        QVERIFY2(notServer.err.contains(QLatin1String("--kind server")), qPrintable(notServer.err));
    }

    void shouldConfirmABrowserSyncWithWait()
    {
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QString host = QStringLiteral("ghes-1.lab.example");
        Background cli = start({QStringLiteral("sync-now"), host, QStringLiteral("--wait"), QStringLiteral("--timeout"),
                                   QStringLiteral("120"), QStringLiteral("--store"), store},
            lab.token);
        QVERIFY2(cli.waitForOutput(QStringLiteral("Action needed: open https://%1/").arg(host)),
            qPrintable(cli.out + cli.err));
        QVERIFY(cli.process->state() != QProcess::NotRunning); // polling, not exit code 4
        // The administrator clicks "Sync now" on the server's License page.
        int status = 0;
        labCall(lab, "POST", QStringLiteral("/_lab/browser/servers/%1/sync").arg(host), {}, &status);
        QCOMPARE(status, 202);
        const Run result = cli.finish();
        QCOMPARE(result.code, 0);
        QVERIFY2(result.out.contains(host + QLatin1String(": synced at")), qPrintable(result.out + result.err));
        QVERIFY(result.err.contains(QLatin1String("Waiting for the action to be confirmed")));
        QVERIFY(!result.out.contains(lab.token) && !result.err.contains(lab.token));

        // Nobody clicks: --timeout ends the wait with exit code 1 and says so.
        QElapsedTimer clock;
        clock.start();
        const Run timeout =
            run({QStringLiteral("sync-now"), QStringLiteral("ghes-2.lab.example"), QStringLiteral("--wait"),
                    QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(timeout.code, 1);
        QVERIFY(clock.elapsed() >= 2000);
        QVERIFY(timeout.out.contains(QLatin1String("Action needed: open https://ghes-2.lab.example/")));
        QVERIFY2(timeout.err.contains(QLatin1String("did not report a new sync before the time limit")),
            qPrintable(timeout.err));
        QVERIFY2(timeout.err.contains(QLatin1String("No confirmation within 2 seconds")), qPrintable(timeout.err));
        const Run badTimeout = run({QStringLiteral("sync-now"), QStringLiteral("--all"), QStringLiteral("--wait"),
            QStringLiteral("--timeout"), QStringLiteral("soon"), QStringLiteral("--store"), store});
        QCOMPARE(badTimeout.code, 2);
        QVERIFY(badTimeout.err.contains(QLatin1String("--timeout")));
        stopLab(lab);
    }

    void shouldCancelCleanlyOnAnInterrupt_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("Ctrl+C") << int(SIGINT);
        QTest::newRow("a time limit's SIGTERM") << int(SIGTERM);
    }

    void shouldCancelCleanlyOnAnInterrupt()
    {
        // Waiting for an administrator's click: the signal cancels the job, which ends with its message and
        // exit code 1 instead of dying by the signal.
        QFETCH(int, signalNumber);
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        Background cli =
            start({QStringLiteral("sync-now"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("--wait"),
                      QStringLiteral("--timeout"), QStringLiteral("120"), QStringLiteral("--store"), store},
                lab.token);
        QVERIFY2(cli.waitForOutput(QStringLiteral("Action needed: open https://ghes-1.lab.example/")),
            qPrintable(cli.out + cli.err));
        QElapsedTimer clock;
        clock.start();
        const qint64 pid = cli.process->processId();
        QVERIFY2(pid > 0 && cli.process->state() == QProcess::Running, qPrintable(cli.out + cli.err));
        QCOMPARE(::kill(pid_t(pid), signalNumber), 0);
        const Run result = cli.finish();
        QCOMPARE(result.code, 1); // not killed by the signal (-1)
        QVERIFY2(result.err.contains(QLatin1String("Cancelled.")), qPrintable(result.err));
        QVERIFY(clock.elapsed() < 30000);
        stopLab(lab);
    }

    void shouldWriteNoSnapshotWhenARefreshIsInterrupted()
    {
        // A cron job's time limit ends a refresh mid-fetch: it stops cleanly and stores nothing (a refresh
        // cancelled mid-fetch keeps the previous snapshot: workflowstest).
        // 50 pages of consumed licenses, four at a time, half a second each: several seconds of fetching.
        Lab lab = startLab(
            {QStringLiteral("--users"), QStringLiteral("5000"), QStringLiteral("--latency-ms"), QStringLiteral("500")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QStringList inStore{
            QStringLiteral("--connection"), QStringLiteral("gh"), QStringLiteral("--store"), store};
        auto apiRequests = [&lab] {
            return QJsonDocument::fromJson(labCall(lab, "GET", QStringLiteral("/_lab/status")))
                .object()
                .value(QLatin1String("counters"))
                .toObject()
                .value(QLatin1String("api_requests"))
                .toInteger();
        };
        const qint64 before = apiRequests();
        Background cli = start(QStringList{QStringLiteral("refresh")} + inStore, lab.token);
        // Once its first request is in, the refresh has seconds to go.
        QTRY_VERIFY_WITH_TIMEOUT(apiRequests() > before, 30000);
        const qint64 pid = cli.process->processId();
        QVERIFY2(pid > 0 && cli.process->state() == QProcess::Running, qPrintable(cli.out + cli.err));
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        const Run result = cli.finish();
        QCOMPARE(result.code, 1);
        QVERIFY2(result.err.contains(QLatin1String("Cancelled.")), qPrintable(result.err));
        LicenseStore opened;
        QVERIFY(!opened.open(store).isError());
        const auto connections = opened.connections().value;
        QCOMPARE(connections.size(), 1);
        QCOMPARE(opened.snapshots(connections.constFirst().id).value.size(), 0); // nothing half-written
        stopLab(lab);
    }

    void shouldKeepTheSnapshotWhenGitHubRefusesTheToken()
    {
        Lab lab = startLab({});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QStringList inStore{
            QStringLiteral("--connection"), QStringLiteral("gh"), QStringLiteral("--store"), store};
        const Run first = run(QStringList{QStringLiteral("refresh")} + inStore, lab.token);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        // A token that expired since: GitHub's reason and the fix on stderr, exit 1, the snapshot as it was.
        const Run refused = run(QStringList{QStringLiteral("refresh")} + inStore, QStringLiteral("ghp_expired0000"));
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QLatin1String("GitHub refused the token: it is wrong, expired or revoked.")),
            qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("Create a new personal access token")), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(QLatin1String("ghp_expired0000")), qPrintable(refused.err));
        LicenseStore opened;
        QVERIFY(!opened.open(store).isError());
        const auto connections = opened.connections().value;
        QCOMPARE(connections.size(), 1);
        const auto snapshots = opened.snapshots(connections.constFirst().id).value;
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(opened.loadConsumedLicenses(snapshots.constFirst().id).value.size(), snapshots.constFirst().userCount);
        stopLab(lab);
    }

    void shouldConfirmABrowserUploadWithWait()
    {
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QString file = downloadExport(lab, QStringLiteral("ghes-1.lab.example"), QStringLiteral("wait-1.json"));
        QVERIFY(!file.isEmpty());
        Background cli =
            start({QStringLiteral("add-server-usage"), file, QStringLiteral("--wait"), QStringLiteral("--timeout"),
                      QStringLiteral("120"), QStringLiteral("--store"), store},
                lab.token);
        // The steps name the file to upload.
        QVERIFY2(cli.waitForOutput(file), qPrintable(cli.out + cli.err));
        QVERIFY(cli.out.contains(QLatin1String("Action needed: open")));
        QVERIFY(cli.process->state() != QProcess::NotRunning);
        // The administrator uploads the file with "Add server usage" on the enterprise's License page.
        QFile upload(file);
        QVERIFY(upload.open(QIODevice::ReadOnly));
        int status = 0;
        labCall(lab, "POST", QStringLiteral("/_lab/browser/uploads"), upload.readAll(), &status,
            QStringLiteral("name=wait-1.json"));
        QCOMPARE(status, 202);
        const Run result = cli.finish();
        QCOMPARE(result.code, 0);
        QVERIFY2(result.out.contains(file + QLatin1String(": added")), qPrintable(result.out + result.err));

        const QString other = downloadExport(lab, QStringLiteral("ghes-2.lab.example"), QStringLiteral("wait-2.json"));
        const Run timeout = run({QStringLiteral("add-server-usage"), other, QStringLiteral("--wait"),
                                    QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(timeout.code, 1);
        QVERIFY2(
            timeout.err.contains(other + QLatin1String(": not added: No new upload appeared before the time limit")),
            qPrintable(timeout.err));
        QVERIFY2(timeout.err.contains(QLatin1String("No confirmation within 1 second.")), qPrintable(timeout.err));
        // Not confirmed is not uploaded: the same file may be added again.
        const Run retry = run({QStringLiteral("add-server-usage"), other, QStringLiteral("--check-only"),
                                  QStringLiteral("--store"), store},
            lab.token);
        QVERIFY2(retry.code == 0, qPrintable(retry.err));
        QVERIFY2(!retry.err.contains(QLatin1String("already uploaded")), qPrintable(retry.err));
        stopLab(lab);
    }

    void shouldOrderExitCodesOfSeveralUsageFiles()
    {
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QString first = downloadExport(lab, QStringLiteral("ghes-1.lab.example"), QStringLiteral("mix-1.json"));
        const QString second = downloadExport(lab, QStringLiteral("ghes-2.lab.example"), QStringLiteral("mix-2.json"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QFile text(path(QStringLiteral("mix-text.json")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("hello");
        text.close();
        const QString invalid = text.fileName();
        const QString notJson = UsageFile::validationMessage(UsageFile::Validation::NotJson);
        const auto addUsage = [&](const QStringList &args) {
            return run(
                QStringList{QStringLiteral("add-server-usage")} + args + QStringList{QStringLiteral("--store"), store},
                lab.token);
        };

        // All valid, assisted, no --wait: 4, with the steps for every file.
        const Run assisted = addUsage({first, second});
        QCOMPARE(assisted.code, 4);
        QVERIFY(assisted.out.contains(QLatin1String("Action needed: open")));
        QVERIFY2(assisted.out.contains(first), qPrintable(assisted.out));
        QVERIFY2(assisted.out.contains(QStringLiteral("Then upload %1 the same way.").arg(second)),
            qPrintable(assisted.out));
        // One invalid file outweighs the steps for the valid one: 1, in either order.
        for (const QStringList &files : {QStringList{first, invalid}, QStringList{invalid, first}}) {
            const Run mixed = addUsage(files);
            QCOMPARE(mixed.code, 1);
            QVERIFY2(mixed.err.contains(invalid + QLatin1String(": ") + notJson), qPrintable(mixed.err));
            QVERIFY2(mixed.err.contains(first + QLatin1String(": valid usage file of ghes-1.lab.example")),
                qPrintable(mixed.err));
            QVERIFY2(mixed.out.contains(QLatin1String("Action needed: open")), qPrintable(mixed.out));
        }
        // Usage errors come first: 2, and nothing is checked.
        const Run usage = addUsage({invalid, QStringLiteral("--timeout"), QStringLiteral("0")});
        QCOMPARE(usage.code, 2);
        QVERIFY(!usage.err.contains(notJson));
        // --check-only: 0 only when every file is valid.
        QCOMPARE(addUsage({first, second, QStringLiteral("--check-only")}).code, 0);
        QCOMPARE(addUsage({first, invalid, QStringLiteral("--check-only")}).code, 1);
        stopLab(lab);

        // Automatic (the built-in lab): the valid file is added, the invalid one still makes it 1.
        const QString labStore = newStore();
        const QString good = path(QStringLiteral("mix-good.json"));
        QVERIFY(!exportLabServer(QStringLiteral("mix-good.json"), labStore).isEmpty());
        const Run automatic =
            run({QStringLiteral("add-server-usage"), invalid, good, QStringLiteral("--store"), labStore});
        QCOMPARE(automatic.code, 1);
        QVERIFY2(automatic.out.contains(good + QLatin1String(": added")), qPrintable(automatic.out + automatic.err));
        QVERIFY(automatic.err.contains(invalid + QLatin1String(": ") + notJson));
    }

    void shouldExportOverTheAdminShell()
    {
        GlcTest::SshServerHarness ssh;
        QString error;
        QVERIFY2(ssh.start(&error), qPrintable(error));
        // Stand-ins for the server's commands: the current one and the one of 3.12 and older.
        UsageFileInfo info;
        info.serverId = QStringLiteral("5c1f0e4a-0000-4000-8000-000000000315");
        info.hostName = QStringLiteral("127.0.0.1");
        info.version = QStringLiteral("3.15.0");
        info.licenseHash = QStringLiteral("abc");
        const QByteArray usage = UsageFile::write(info, "aGVsbG8gd29ybGQ=");
        QVERIFY(UsageFile::read(usage).ok());
        QVERIFY(GlcTest::SshServerHarness::writeFile(ssh.path(QStringLiteral("usage.json")), usage));
        const QByteArray log = ssh.path(QStringLiteral("calls.log")).toLocal8Bit();
        const QByteArray usagePath = ssh.path(QStringLiteral("usage.json")).toLocal8Bit();
        QVERIFY(GlcTest::SshServerHarness::writeFile(QDir(ssh.binDirectory()).filePath(QStringLiteral("ghe-license")),
            "#!/bin/sh\necho \"ghe-license $*\" >> '" + log + "'\n[ \"$1\" = usage ] && exec cat '" + usagePath +
                "'\nexit 2\n",
            true));
        QVERIFY(
            GlcTest::SshServerHarness::writeFile(QDir(ssh.binDirectory()).filePath(QStringLiteral("ghe-license-usage")),
                "#!/bin/sh\necho \"ghe-license-usage $*\" >> '" + log + "'\nexec cat '" + usagePath + "'\n", true));
        // ghe-license runs "ssh" from PATH: a wrapper that keeps the user's ssh configuration out.
        const QString wrapper = path(QStringLiteral("sshwrapper"));
        QVERIFY2(ssh.writeSshWrapper(wrapper, &error), qPrintable(error));
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), wrapper + QLatin1Char(':') + qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), QStringLiteral("ghes-token-not-used-by-ssh"));

        const QString store = newStore();
        const auto addServer = [&](const QString &name, const QString &key, const QStringList &extra) {
            return run(QStringList{QStringLiteral("connections"), QStringLiteral("add"), name, QStringLiteral("--kind"),
                           QStringLiteral("server"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("--admin-shell-user"), QStringLiteral("root"),
                           QStringLiteral("--admin-shell-port"), QString::number(ssh.port()),
                           QStringLiteral("--admin-shell-identity"), key, QStringLiteral("--store"), store} +
                extra)
                .code;
        };
        QCOMPARE(addServer(QStringLiteral("ghes"), ssh.clientKey(), {}), 0);
        QCOMPARE(addServer(QStringLiteral("ghes-old"), ssh.clientKey(),
                     {QStringLiteral("--admin-shell-command"), QStringLiteral("ghe-license-usage")}),
            0);
        QCOMPARE(addServer(QStringLiteral("ghes-wrong-key"), ssh.otherClientKey(), {}), 0);
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        const QJsonObject shell = QJsonDocument::fromJson(list.out.toUtf8())
                                      .array()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("admin_shell"))
                                      .toObject();
        QCOMPARE(shell.value(QLatin1String("user")).toString(), QStringLiteral("root"));
        QCOMPARE(shell.value(QLatin1String("port")).toInt(), int(ssh.port()));
        QCOMPARE(shell.value(QLatin1String("identity_file")).toString(), ssh.clientKey());

        const auto exportWith = [&](const QString &connection, const QString &file) {
            return run({QStringLiteral("export"), QStringLiteral("127.0.0.1"), QStringLiteral("-o"), file,
                           QStringLiteral("--connection"), connection, QStringLiteral("--store"), store},
                {}, env);
        };
        const QString out = path(QStringLiteral("shell-export.json"));
        const Run exported = exportWith(QStringLiteral("ghes"), out);
        QCOMPARE(exported.code, 0);
        QVERIFY2(exported.out.contains(QStringLiteral("Exported 127.0.0.1 (version 3.15.0) to %1.").arg(out)),
            qPrintable(exported.out + exported.err));
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), usage);
        QFile calls(QString::fromLocal8Bit(log));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QCOMPARE(calls.readAll(), QByteArray("ghe-license usage\n"));
        calls.close();

        const Run old = exportWith(QStringLiteral("ghes-old"), path(QStringLiteral("shell-export-old.json")));
        QCOMPARE(old.code, 0);
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QCOMPARE(calls.readAll(), QByteArray("ghe-license usage\nghe-license-usage \n"));

        const QString refused = path(QStringLiteral("shell-export-refused.json"));
        const Run wrongKey = exportWith(QStringLiteral("ghes-wrong-key"), refused);
        QCOMPARE(wrongKey.code, 1);
        QVERIFY2(wrongKey.err.contains(QLatin1String("refused your SSH keys")), qPrintable(wrongKey.err));
        QVERIFY(!QFile::exists(refused));
    }

    // ---- JSON output: the key sets the README documents ("JSON output"), exactly, at every level ----

    static QStringList sorted(QStringList keys)
    {
        keys.sort();
        return keys;
    }

    /// Null, or an ISO 8601 date in UTC ("2026-11-20T10:57:53Z").
    static bool isUtcDateOrNull(const QJsonValue &value)
    {
        static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"));
        return value.isNull() || (value.isString() && iso.match(value.toString()).hasMatch());
    }

    void shouldKeepTheDocumentedKeysOfStatusJson()
    {
        const QString store = newStore();
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(json.keys(),
            sorted({QStringLiteral("connection"), QStringLiteral("forecast"), QStringLiteral("offline_servers"),
                QStringLiteral("seats"), QStringLiteral("server_licenses"), QStringLiteral("servers"),
                QStringLiteral("snapshot")}));
        for (const QJsonValue &server : json.value(QLatin1String("offline_servers")).toArray()) {
            QCOMPARE(server.toObject().keys(),
                sorted({QStringLiteral("days_since_upload"), QStringLiteral("hostname"),
                    QStringLiteral("last_upload_date"), QStringLiteral("overdue")}));
            QVERIFY(isUtcDateOrNull(server.toObject().value(QLatin1String("last_upload_date"))));
        }
        const QJsonObject connection = json.value(QLatin1String("connection")).toObject();
        QCOMPARE(
            connection.keys(), sorted({QStringLiteral("enterprise"), QStringLiteral("kind"), QStringLiteral("name")}));
        QCOMPARE(connection.value(QLatin1String("kind")).toString(), QStringLiteral("lab"));
        const QJsonObject seats = json.value(QLatin1String("seats")).toObject();
        QCOMPARE(seats.keys(),
            sorted({QStringLiteral("available"), QStringLiteral("consumed"), QStringLiteral("purchased"),
                QStringLiteral("unlimited"), QStringLiteral("used_percent")}));
        for (const QString &key : seats.keys()) {
            QVERIFY2(
                key == QLatin1String("unlimited") ? seats.value(key) == QJsonValue(false) : seats.value(key).isDouble(),
                qPrintable(key));
        }
        // One snapshot is no trend yet.
        const QJsonObject forecast = json.value(QLatin1String("forecast")).toObject();
        QCOMPARE(forecast.keys(),
            sorted({QStringLiteral("date"), QStringLiteral("outcome"), QStringLiteral("seats_per_week"),
                QStringLiteral("text")}));
        QCOMPARE(forecast.value(QLatin1String("outcome")).toString(), QStringLiteral("insufficient_data"));
        QVERIFY(forecast.value(QLatin1String("date")).isNull());
        QVERIFY(forecast.value(QLatin1String("text")).toString().startsWith(u"No forecast yet"));
        const QJsonObject snapshot = json.value(QLatin1String("snapshot")).toObject();
        QCOMPARE(snapshot.keys(),
            sorted(
                {QStringLiteral("id"), QStringLiteral("source"), QStringLiteral("taken_at"), QStringLiteral("users")}));
        QVERIFY(isUtcDateOrNull(snapshot.value(QLatin1String("taken_at"))));
        QVERIFY(!snapshot.value(QLatin1String("taken_at")).isNull());

        const QJsonArray servers = json.value(QLatin1String("servers")).toArray();
        QVERIFY(!servers.isEmpty());
        for (const QJsonValue &value : servers) {
            const QJsonObject server = value.toObject();
            QCOMPARE(server.keys(),
                sorted({QStringLiteral("days_since_sync"), QStringLiteral("error"), QStringLiteral("hostname"),
                    QStringLiteral("last_success_date"), QStringLiteral("last_sync_date"), QStringLiteral("server_id"),
                    QStringLiteral("stale"), QStringLiteral("status")}));
            QVERIFY(server.value(QLatin1String("stale")).isBool());
            QVERIFY(isUtcDateOrNull(server.value(QLatin1String("last_sync_date"))));
            QVERIFY(server.value(QLatin1String("days_since_sync")).isDouble() ||
                server.value(QLatin1String("days_since_sync")).isNull());
        }
        const auto checkLicense = [](const QJsonObject &license) {
            QCOMPARE(license.keys(),
                sorted({QStringLiteral("days_until_expiration"), QStringLiteral("expire_at"),
                    QStringLiteral("hostname"), QStringLiteral("installed_version"), QStringLiteral("kind"),
                    QStringLiteral("seats"), QStringLiteral("seats_available"), QStringLiteral("seats_used")}));
            QVERIFY(isUtcDateOrNull(license.value(QLatin1String("expire_at"))));
            for (const char *count : {"seats", "seats_available"}) {
                const QJsonValue seatCount = license.value(QLatin1String(count));
                QVERIFY2(seatCount.isDouble() || seatCount.isNull(), count); // null: unlimited
            }
            QVERIFY(license.value(QLatin1String("seats_used")).isDouble());
            QVERIFY(license.value(QLatin1String("days_until_expiration")).isDouble());
        };
        // The lab reads each of its servers as a GHES connection would: every server GitHub names, with its
        // version; a Server connection (GHES's /enterprise/settings/license, here the lab behind its test CA)
        // has exactly one, its own.
        const QJsonArray labLicenses = json.value(QLatin1String("server_licenses")).toArray();
        QStringList labHosts;
        for (const QJsonValue &value : labLicenses) {
            checkLicense(value.toObject());
            QVERIFY(
                value.toObject().value(QLatin1String("installed_version")).toString().startsWith(QLatin1String("3.")));
            labHosts.append(value.toObject().value(QLatin1String("hostname")).toString());
        }
        for (const QJsonValue &value : servers) {
            const QString host = value.toObject().value(QLatin1String("hostname")).toString();
            QVERIFY2(labHosts.contains(host), qPrintable(host));
        }
        Lab lab = startLab({QStringLiteral("--tls")});
        QVERIFY2(QFile::exists(lab.caFile), qPrintable(lab.caFile));
        const QString serverStore = newStore();
        QVERIFY(addServerConnection(serverStore, lab));
        const Run serverStatus = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                         QStringLiteral("--store"), serverStore},
            {}, serverToken(lab.token));
        QCOMPARE(serverStatus.code, 0);
        const QJsonObject serverJson = QJsonDocument::fromJson(serverStatus.out.toUtf8()).object();
        QCOMPARE(serverJson.keys(), json.keys());
        QCOMPARE(serverJson.value(QLatin1String("connection")).toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("server"));
        const QJsonArray licenses = serverJson.value(QLatin1String("server_licenses")).toArray();
        QCOMPARE(licenses.size(), 1);
        checkLicense(licenses.first().toObject());
        stopLab(lab);
    }

    void shouldReportOnALicenseReportFileWithoutAConnection()
    {
        // Reports of the built-in lab's seats as an admin would mail them: GitHub's CSV and the JSON.
        const QString store = newStore();
        const QString csv = path(QStringLiteral("mailed-report.csv"));
        const QString json = path(QStringLiteral("mailed-report.json"));
        QCOMPARE(run({QStringLiteral("users"), QStringLiteral("-o"), csv, QStringLiteral("--store"), store}).code, 0);
        QCOMPARE(run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"),
                         json, QStringLiteral("--store"), store})
                     .code,
            0);
        const Run fromStore = run({QStringLiteral("organizations"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(fromStore.code, 0);
        // Another store where a report would have to ask which of two connections: a file needs none, nor a token.
        const QString other = newStore();
        QVERIFY(addTwoCloudConnections(other));
        // The seats come back as they went out: the CSV written again from the file is the same, byte for byte.
        const QString again = path(QStringLiteral("again.csv"));
        const Run users = run({QStringLiteral("users"), QStringLiteral("--file"), csv, QStringLiteral("-o"), again,
            QStringLiteral("--store"), other});
        QVERIFY2(users.code == 0, qPrintable(users.err));
        QFile first(csv);
        QFile second(again);
        QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), first.readAll());
        const Run organizations = run({QStringLiteral("organizations"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--file"), csv, QStringLiteral("--store"), other});
        QCOMPARE(organizations.code, 0);
        QCOMPARE(organizations.out, fromStore.out);
        // Who is counted twice in the mailed CSV: the same as in the mailed JSON.
        const Run pairsCsv = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--file"), csv, QStringLiteral("--store"), other});
        const Run pairsJson = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--file"), json, QStringLiteral("--store"), other});
        QCOMPARE(pairsCsv.code, 0);
        QCOMPARE(pairsCsv.out, pairsJson.out);
        QVERIFY(
            !QJsonDocument::fromJson(pairsCsv.out.toUtf8()).object().value(QLatin1String("pairs")).toArray().isEmpty());

        // A file that is not a report, or none: said clearly, exit 1; with --refresh: a usage error.
        const QString page = path(QStringLiteral("sign-in.csv"));
        QFile html(page);
        QVERIFY(html.open(QIODevice::WriteOnly));
        html.write("<html><body>Sign in to GitHub</body></html>");
        html.close();
        const Run notReport =
            run({QStringLiteral("counted-twice"), QStringLiteral("--file"), page, QStringLiteral("--store"), other});
        QCOMPARE(notReport.code, 1);
        QVERIFY2(notReport.err.contains(QLatin1String("The file is a web page")), qPrintable(notReport.err));
        QVERIFY(notReport.out.isEmpty());
        const Run both = run({QStringLiteral("users"), QStringLiteral("--file"), csv, QStringLiteral("--refresh"),
            QStringLiteral("--store"), other});
        QCOMPARE(both.code, 2);
        QVERIFY2(both.err.contains(QLatin1String("--file and --refresh exclude each other.")), qPrintable(both.err));
        // Only the reports of seats take a file.
        QCOMPARE(
            run({QStringLiteral("status"), QStringLiteral("--file"), csv, QStringLiteral("--store"), other}).code, 2);
    }

    void shouldAskWhichConnectionWhenSeveralAreConfigured()
    {
        const QString store = newStore();
        QVERIFY(addTwoCloudConnections(store));
        // Said once, whichever command reads the store.
        for (const QString &command : {QStringLiteral("status"), QStringLiteral("users"), QStringLiteral("changes"),
                 QStringLiteral("sync-history"), QStringLiteral("refresh")}) {
            const Run r = run({command, QStringLiteral("--store"), store});
            QCOMPARE(r.code, 2);
            QCOMPARE(r.err.count(QLatin1String("Several connections are configured: east, west.")), 1);
            QVERIFY2(r.err.contains(QLatin1String("Choose one with --connection NAME.")), qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
        }
        const Run chosen = run({QStringLiteral("sync-history"), QStringLiteral("--connection"), QStringLiteral("west"),
            QStringLiteral("--store"), store});
        QCOMPARE(chosen.code, 0);
        QVERIFY2(chosen.out.contains(QLatin1String("for west")), qPrintable(chosen.out));
    }

    void shouldReportStoredSnapshotsWithoutATokenOrTheNetwork()
    {
        // A Server connection (the lab behind its test CA) with two snapshots in the store, then no lab and no token.
        Lab lab = startLab({QStringLiteral("--tls")});
        const QString store = newStore();
        QVERIFY(addServerConnection(store, lab));
        for (int i = 0; i < 2; ++i) {
            const Run refresh =
                run({QStringLiteral("refresh"), QStringLiteral("--store"), store}, {}, serverToken(lab.token));
            QVERIFY2(refresh.code == 0, qPrintable(refresh.err));
        }
        const Run online = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--store"), store},
            {}, serverToken(lab.token));
        QCOMPARE(online.code, 0);
        const Run onlineUsers = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv"),
                                        QStringLiteral("--store"), store},
            {}, serverToken(lab.token));
        QCOMPARE(onlineUsers.code, 0);
        stopLab(lab);

        // Each report reads the newest stored snapshot: the same answer as with the token and the lab.
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QVERIFY2(status.code == 0, qPrintable(status.err));
        QCOMPARE(status.out, online.out);
        const Run users = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--store"), store});
        QVERIFY2(users.code == 0, qPrintable(users.err));
        QCOMPARE(users.out, onlineUsers.out);
        for (const QStringList &report : {QStringList{QStringLiteral("counted-twice")},
                 QStringList{QStringLiteral("organizations")}, QStringList{QStringLiteral("changes")},
                 QStringList{QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("100")}}) {
            const Run offline = run(report + QStringList{QStringLiteral("--store"), store});
            QVERIFY2(offline.code == 0, qPrintable(report.first() + QLatin1String(": ") + offline.err));
            QVERIFY2(!offline.out.isEmpty(), qPrintable(report.first()));
        }

        // A new snapshot needs the token (and GitHub): --refresh says which is missing, and keeps the stored ones.
        const Run refresh =
            run({QStringLiteral("status"), QStringLiteral("--refresh"), QStringLiteral("--store"), store});
        QCOMPARE(refresh.code, 1);
        QVERIFY2(refresh.err.contains(QLatin1String("No token for the connection ghes")), qPrintable(refresh.err));
        QVERIFY(refresh.out.isEmpty());
        const Run changes =
            run({QStringLiteral("changes"), QStringLiteral("--refresh"), QStringLiteral("--store"), store});
        QCOMPARE(changes.code, 1);
        QVERIFY2(changes.err.contains(QLatin1String("No token for the connection ghes")), qPrintable(changes.err));
        const Run again = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(again.out, online.out);

        // A connection with nothing stored yet still needs its token for the first snapshot.
        const QString empty = newStore();
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("corp"),
                         QStringLiteral("--kind"), QStringLiteral("cloud"), QStringLiteral("--enterprise"),
                         QStringLiteral("acme"), QStringLiteral("--store"), empty})
                     .code,
            0);
        const Run first = run({QStringLiteral("status"), QStringLiteral("--store"), empty});
        QCOMPARE(first.code, 1);
        QVERIFY2(first.err.contains(QLatin1String("No token for the connection corp")), qPrintable(first.err));
    }

    void shouldListTheSyncHistoryNewestFirstWithGithubsError()
    {
        // A lab whose Sync now fails with GitHub's words: a refresh records each server's last sync, then the
        // failed sync of one server is recorded on top.
        const QString githubError = QStringLiteral("Unable to reach GitHub: connection timed out");
        Lab lab = startLab({QStringLiteral("--sync-error"), githubError});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        QCOMPARE(run({QStringLiteral("sync-history"), QStringLiteral("--store"), store}, lab.token).out,
            QStringLiteral(
                "No license sync is on record for gh yet: each refresh records the syncs of every server.\n"));
        QCOMPARE(run({QStringLiteral("refresh"), QStringLiteral("--store"), store}, lab.token).code, 0);
        const Run listed = run({QStringLiteral("sync-history"), QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(listed.code, 0);
        const QJsonArray before =
            QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QLatin1String("syncs")).toArray();
        QVERIFY(before.size() >= 2);
        const QString host = before.at(0).toObject().value(QLatin1String("hostname")).toString();
        const Run sync = run({QStringLiteral("sync-now"), host, QStringLiteral("--store"), store}, lab.token);
        QCOMPARE(sync.code, 1);

        const Run json = run({QStringLiteral("sync-history"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(json.code, 0);
        const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.keys(), sorted({QStringLiteral("connection"), QStringLiteral("syncs")}));
        QCOMPARE(document.value(QLatin1String("connection")).toString(), QStringLiteral("gh"));
        const QJsonArray syncs = document.value(QLatin1String("syncs")).toArray();
        QCOMPARE(syncs.size(), before.size() + 1);
        const QJsonObject newest = syncs.at(0).toObject();
        QCOMPARE(newest.keys(),
            sorted({QStringLiteral("error"), QStringLiteral("hostname"), QStringLiteral("last_sync_date"),
                QStringLiteral("seen_at"), QStringLiteral("server_id"), QStringLiteral("status")}));
        QCOMPARE(newest.value(QLatin1String("hostname")).toString(), host);
        QCOMPARE(newest.value(QLatin1String("error")).toString(), githubError);
        QVERIFY(newest.value(QLatin1String("status")).toString() != QLatin1String("success"));
        for (qsizetype i = 1; i < syncs.size(); ++i) {
            QVERIFY(syncs.at(i - 1).toObject().value(QLatin1String("seen_at")).toString() >=
                syncs.at(i).toObject().value(QLatin1String("seen_at")).toString());
            QVERIFY(isUtcDateOrNull(syncs.at(i).toObject().value(QLatin1String("last_sync_date"))));
        }

        // As text: one line a sync, the failure first with GitHub's error; one server's only with --server.
        const Run text = run({QStringLiteral("sync-history"), QStringLiteral("--store"), store}, lab.token);
        QCOMPARE(text.code, 0);
        const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), syncs.size());
        QVERIFY2(lines.first().startsWith(host + QLatin1String(": sync of ")) &&
                lines.first().endsWith(QLatin1String(": ") + githubError),
            qPrintable(lines.first()));
        const Run one =
            run({QStringLiteral("sync-history"), QStringLiteral("--server"), host, QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(one.code, 0);
        const QStringList oneLines = one.out.trimmed().split(QLatin1Char('\n'));
        QVERIFY(oneLines.size() >= 2 && oneLines.size() < lines.size());
        for (const QString &line : oneLines) {
            QVERIFY2(line.startsWith(host + QLatin1Char(':')), qPrintable(line));
        }
        const Run unknown = run({QStringLiteral("sync-history"), QStringLiteral("--server"),
                                    QStringLiteral("nowhere.example"), QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(unknown.code, 1);
        QVERIFY2(
            unknown.err.contains(QLatin1String("No sync of nowhere.example is on record.")), qPrintable(unknown.err));
        stopLab(lab);
    }

    void shouldListTheUsageFilesOfOneServerOrAll()
    {
        const QString store = newStore();
        const Run none = run({QStringLiteral("usage-files"), QStringLiteral("--store"), store});
        QCOMPARE(none.code, 0);
        QVERIFY2(none.out.startsWith(QLatin1String("No usage file is on record for ")), qPrintable(none.out));
        // An export of a server, then its upload: both recorded, with the file's SHA-256 and size.
        const QByteArray bytes = exportLabServer(QStringLiteral("listed.json"), store);
        QVERIFY(!bytes.isEmpty());
        const QString file = path(QStringLiteral("listed.json"));
        QCOMPARE(run({QStringLiteral("add-server-usage"), file, QStringLiteral("--store"), store}).code, 0);
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString host = QStringLiteral("ghes-1.lab.example");

        const Run json = run({QStringLiteral("usage-files"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(json.code, 0);
        const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.keys(), sorted({QStringLiteral("connection"), QStringLiteral("files")}));
        const QJsonArray files = document.value(QLatin1String("files")).toArray();
        QCOMPARE(files.size(), 2);
        const QJsonObject uploaded = files.at(0).toObject(); // newest first
        const QJsonObject exported = files.at(1).toObject();
        QCOMPARE(uploaded.keys(),
            sorted({QStringLiteral("direction"), QStringLiteral("file_name"), QStringLiteral("hostname"),
                QStringLiteral("outcome"), QStringLiteral("server_id"), QStringLiteral("sha256"),
                QStringLiteral("size"), QStringLiteral("time"), QStringLiteral("upload_state"),
                QStringLiteral("upload_state_changed_at"), QStringLiteral("version")}));
        QCOMPARE(uploaded.value(QLatin1String("direction")).toString(), QStringLiteral("uploaded"));
        QCOMPARE(exported.value(QLatin1String("direction")).toString(), QStringLiteral("exported"));
        const UsageFileInfo read = UsageFile::read(bytes).info;
        for (const QJsonObject &f : {uploaded, exported}) {
            QCOMPARE(f.value(QLatin1String("file_name")).toString(), file);
            QCOMPARE(f.value(QLatin1String("hostname")).toString(), host);
            QCOMPARE(f.value(QLatin1String("server_id")).toString(), read.serverId);
            QCOMPARE(f.value(QLatin1String("version")).toString(), read.version);
            QCOMPARE(f.value(QLatin1String("sha256")).toString(), sha);
            QCOMPARE(f.value(QLatin1String("size")).toInteger(), qint64(bytes.size()));
            QCOMPARE(f.value(QLatin1String("outcome")).toString(), QStringLiteral("ok"));
            QVERIFY(isUtcDateOrNull(f.value(QLatin1String("time"))) && f.value(QLatin1String("time")).isString());
        }
        const QString state = uploaded.value(QLatin1String("upload_state")).toString();
        QVERIFY2(state == QLatin1String("PENDING") || state == QLatin1String("SUCCESS"), qPrintable(state));
        QVERIFY(exported.value(QLatin1String("upload_state")).isNull());
        QVERIFY(exported.value(QLatin1String("upload_state_changed_at")).isNull());
        QVERIFY(files.at(0).toObject().value(QLatin1String("time")).toString() >=
            files.at(1).toObject().value(QLatin1String("time")).toString());

        // As text: a line a file, in the console's words; one server's by host (any case) or server id.
        const Run text = run({QStringLiteral("usage-files"), QStringLiteral("--store"), store});
        QCOMPARE(text.code, 0);
        const QStringList lines = text.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(QStringLiteral(": uploaded %1 of %2 (").arg(file, host)) &&
                lines.at(0).contains(QStringLiteral("SHA-256 %1): Succeeded; GitHub: ").arg(sha)),
            qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(QStringLiteral(": exported from %1 into %2 (").arg(host, file)) &&
                lines.at(1).endsWith(QStringLiteral("SHA-256 %1): Succeeded").arg(sha)),
            qPrintable(lines.at(1)));
        for (const QString &server : {host.toUpper(), read.serverId}) {
            const Run one = run(
                {QStringLiteral("usage-files"), QStringLiteral("--server"), server, QStringLiteral("--store"), store});
            QCOMPARE(one.code, 0);
            QCOMPARE(one.out, text.out);
        }
        const Run unknown = run({QStringLiteral("usage-files"), QStringLiteral("--server"),
            QStringLiteral("nowhere.example"), QStringLiteral("--store"), store});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("No usage file of nowhere.example is on record.")),
            qPrintable(unknown.err));
        QVERIFY(unknown.out.isEmpty());
        QCOMPARE(run({QStringLiteral("usage-files"), QStringLiteral("--format"), QStringLiteral("csv"),
                         QStringLiteral("--store"), store})
                     .code,
            2);
    }

    void shouldReportALicenseWithoutASeatLimit()
    {
        // GHES answers "seats": "unlimited": no purchased total, no share in use, no seat threshold to cross.
        Lab lab = startLab({QStringLiteral("--tls"), QStringLiteral("--unlimited-seats")});
        const QString store = newStore();
        QVERIFY(addServerConnection(store, lab));
        const Run json = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--store"), store},
            {}, serverToken(lab.token));
        QCOMPARE(json.code, 0);
        const QJsonObject status = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject seats = status.value(QLatin1String("seats")).toObject();
        QCOMPARE(seats.value(QLatin1String("unlimited")), QJsonValue(true));
        QVERIFY(seats.value(QLatin1String("consumed")).toInt() > 0);
        for (const char *key : {"purchased", "available", "used_percent"}) {
            QVERIFY2(seats.value(QLatin1String(key)).isNull(), key);
        }
        QVERIFY(status.value(QLatin1String("server_licenses"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("seats"))
                .isNull());

        const Run text = run({QStringLiteral("status"), QStringLiteral("--store"), store}, {}, serverToken(lab.token));
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QStringLiteral("Seats consumed: %1 (the license has no seat limit)")
                         .arg(QLocale().toString(seats.value(QLatin1String("consumed")).toInt()))),
            qPrintable(text.out));
        QVERIFY2(!text.out.contains(QLatin1String("Seats available")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("Forecast: ")), qPrintable(text.out));

        // Even a threshold of 0 % is not crossed by a license without a seat limit.
        const Run check =
            run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("0"),
                    QStringLiteral("--max-stale-days"), QStringLiteral("365"), QStringLiteral("--store"), store},
                {}, serverToken(lab.token));
        QVERIFY2(check.code == 0, qPrintable(check.err));
        QVERIFY2(check.out.contains(QLatin1String("OK: the license has no seat limit.")), qPrintable(check.out));
        // A server's own connection has no license sync status (the enterprise's answer): nothing to say of syncs.
        QVERIFY2(!check.out.contains(QLatin1String("synced within")), qPrintable(check.out));
        stopLab(lab);
    }

    void shouldKeepTheDocumentedKeysOfCountedTwiceJson()
    {
        // Enough members for both kinds of unexpected seats (pending invitations only, unmatched Visual
        // Studio subscribers).
        Lab lab = startLab({QStringLiteral("--users"), QStringLiteral("1000")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const Run json = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(json.code, 0);
        // Again from the stored snapshot: its accounts are not read, the analysis takes their profile
        // names from the store - and pairs the same people the same way.
        const Run stored = run({QStringLiteral("counted-twice"), QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(stored.code, 0);
        QCOMPARE(stored.out, json.out);
        const Run text = run({QStringLiteral("counted-twice"), QStringLiteral("--store"), store}, lab.token);
        stopLab(lab);
        const QJsonObject result = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(result.keys(),
            sorted({QStringLiteral("pairs"), QStringLiteral("people"), QStringLiteral("seats_freed"),
                QStringLiteral("unexpected")}));
        QCOMPARE(result.value(QLatin1String("people")).toObject().keys(),
            sorted({QStringLiteral("both"), QStringLiteral("cloud_only"), QStringLiteral("merge_at_next_sync"),
                QStringLiteral("people"), QStringLiteral("seats"), QStringLiteral("seats_after_fixes"),
                QStringLiteral("server_only")}));
        const QStringList reasons = {QStringLiteral("same_local_part_other_domain"),
            QStringLiteral("local_part_is_saml_name_id"), QStringLiteral("local_part_is_login"),
            QStringLiteral("matching_name")};
        const QJsonArray pairs = result.value(QLatin1String("pairs")).toArray();
        QVERIFY(!pairs.isEmpty());
        for (const QJsonValue &value : pairs) {
            const QJsonObject pair = value.toObject();
            QCOMPARE(pair.keys(),
                sorted({QStringLiteral("cloud_email"), QStringLiteral("cloud_login"), QStringLiteral("confidence"),
                    QStringLiteral("fix"), QStringLiteral("reason"), QStringLiteral("reason_text"),
                    QStringLiteral("seats_freed"), QStringLiteral("server_email"), QStringLiteral("server_user_ids")}));
            QVERIFY2(reasons.contains(pair.value(QLatin1String("reason")).toString()),
                qPrintable(pair.value(QLatin1String("reason")).toString()));
            QVERIFY(pair.value(QLatin1String("server_user_ids")).isArray());
            QVERIFY(!pair.value(QLatin1String("reason_text")).toString().isEmpty());
        }
        const QStringList kinds = {
            QStringLiteral("pending_invitation_only"), QStringLiteral("unmatched_visual_studio_subscriber")};
        const QJsonArray unexpected = result.value(QLatin1String("unexpected")).toArray();
        QSet<QString> kindsSeen;
        for (const QJsonValue &value : unexpected) {
            const QJsonObject seat = value.toObject();
            kindsSeen.insert(seat.value(QLatin1String("kind")).toString());
            QCOMPARE(seat.keys(),
                sorted({QStringLiteral("explanation"), QStringLiteral("kind"), QStringLiteral("login"),
                    QStringLiteral("visual_studio_email")}));
            // A subscriber without a github.com account is known by the subscription's e-mail only.
            const bool subscriber = seat.value(QLatin1String("kind")).toString() == kinds.at(1);
            QCOMPARE(seat.value(QLatin1String("login")).toString().isEmpty(), subscriber);
            QCOMPARE(seat.value(QLatin1String("visual_studio_email")).toString().isEmpty(), !subscriber);
            QVERIFY2(kinds.contains(seat.value(QLatin1String("kind")).toString()),
                qPrintable(seat.value(QLatin1String("kind")).toString()));
        }
        QCOMPARE(kindsSeen.size(), kinds.size());
        QVERIFY(result.value(QLatin1String("seats_freed")).isDouble());

        // The text names each unexpected seat by its login, else by the subscription's e-mail.
        QCOMPARE(text.code, 0);
        const QStringList lines = text.out.split(QLatin1Char('\n'));
        for (const QJsonValue &value : unexpected) {
            const QJsonObject seat = value.toObject();
            const QString login = seat.value(QLatin1String("login")).toString();
            const QString name = login.isEmpty() ? seat.value(QLatin1String("visual_studio_email")).toString() : login;
            const QString line = name + QLatin1String(": ") + seat.value(QLatin1String("explanation")).toString();
            QVERIFY2(lines.contains(line), qPrintable(line));
        }
    }

    void shouldKeepTheDocumentedKeysOfConnectionsJson()
    {
        const QString store = newStore();
        const auto add = [&store](const QStringList &args) {
            return run(QStringList{QStringLiteral("connections"), QStringLiteral("add")} + args +
                QStringList{QStringLiteral("--store"), store});
        };
        QCOMPARE(add({QStringLiteral("ext"), QStringLiteral("--kind"), QStringLiteral("lab"), QStringLiteral("--url"),
                         QStringLiteral("http://127.0.0.1:9")})
                     .code,
            0);
        QCOMPARE(add({QStringLiteral("corp"), QStringLiteral("--kind"), QStringLiteral("cloud"),
                         QStringLiteral("--enterprise"), QStringLiteral("acme"), QStringLiteral("--subdomain"),
                         QStringLiteral("octo")})
                     .code,
            0);
        QCOMPARE(
            add({QStringLiteral("ghes"), QStringLiteral("--kind"), QStringLiteral("server"), QStringLiteral("--host"),
                    QStringLiteral("ghes.corp.example"), QStringLiteral("--admin-shell-user"), QStringLiteral("admin"),
                    QStringLiteral("--admin-shell-port"), QStringLiteral("122")})
                .code,
            0);
        const Run list = run({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(list.code, 0);
        const QJsonArray connections = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(connections.size(), 3);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &value : connections) {
            const QJsonObject connection = value.toObject();
            QCOMPARE(connection.keys(),
                sorted({QStringLiteral("admin_shell"), QStringLiteral("enterprise"), QStringLiteral("host"),
                    QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("subdomain"),
                    QStringLiteral("upload_days"), QStringLiteral("url")}));
            byName.insert(connection.value(QLatin1String("name")).toString(), connection);
        }
        QCOMPARE(byName.value(QStringLiteral("ext")).value(QLatin1String("kind")).toString(), QStringLiteral("lab"));
        QCOMPARE(byName.value(QStringLiteral("corp")).value(QLatin1String("kind")).toString(), QStringLiteral("cloud"));
        QCOMPARE(
            byName.value(QStringLiteral("corp")).value(QLatin1String("subdomain")).toString(), QStringLiteral("octo"));
        QCOMPARE(
            byName.value(QStringLiteral("ghes")).value(QLatin1String("kind")).toString(), QStringLiteral("server"));
        QVERIFY(byName.value(QStringLiteral("ext")).value(QLatin1String("admin_shell")).isNull());
        QVERIFY(byName.value(QStringLiteral("corp")).value(QLatin1String("admin_shell")).isNull());
        const QJsonObject shell = byName.value(QStringLiteral("ghes")).value(QLatin1String("admin_shell")).toObject();
        QCOMPARE(shell.keys(),
            sorted({QStringLiteral("command"), QStringLiteral("identity_file"), QStringLiteral("port"),
                QStringLiteral("user")}));
        QCOMPARE(shell.value(QLatin1String("user")).toString(), QStringLiteral("admin"));
        QCOMPARE(shell.value(QLatin1String("port")).toInt(), 122);
    }

    // ---- check: never synced, really stale (lab clock), exact thresholds ----

    /// A store whose built-in lab connection has one stored snapshot: `consumed` of `purchased` seats and
    /// the given sync states (report commands use it instead of taking one).
    QString storeWithSnapshot(int consumed, int purchased, const QList<LicenseSyncStatus> &servers)
    {
        const QString store = newStore();
        LicenseStore db;
        if (db.open(store).isError()) {
            return {};
        }
        LicenseSnapshot snapshot;
        snapshot.connectionId = QStringLiteral("lab");
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.licenses.totalSeatsConsumed = consumed;
        snapshot.licenses.totalSeatsPurchased = purchased;
        for (int i = 0; i < consumed; ++i) {
            ConsumedLicense seat;
            seat.githubComLogin = QStringLiteral("user%1").arg(i);
            seat.licenseType = QStringLiteral("enterprise");
            snapshot.licenses.users.append(seat);
        }
        snapshot.syncStatus = servers;
        return db.writeSnapshot(snapshot).ok() ? store : QString();
    }

    static LicenseSyncStatus syncedAgo(const QString &host, qint64 seconds)
    {
        LicenseSyncStatus server;
        server.serverId = QStringLiteral("id-") + host;
        server.hostname = host;
        if (seconds >= 0) {
            server.lastSyncDate = QDateTime::currentDateTimeUtc().addSecs(-seconds);
            server.status = QStringLiteral("success");
        }
        return server;
    }

    Run check(const QString &store, const QString &percent, const QString &days)
    {
        return run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), percent,
            QStringLiteral("--max-stale-days"), days, QStringLiteral("--store"), store});
    }

    void shouldCrossTheSeatThresholdOnlyWhenExceeded_data()
    {
        QTest::addColumn<int>("consumed");
        QTest::addColumn<int>("purchased");
        QTest::addColumn<QString>("threshold");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("exactly at the threshold")
            << 90 << 100 << QStringLiteral("90") << 0 << QStringLiteral("OK: 90.0%");
        QTest::newRow("just above")
            << 90 << 100 << QStringLiteral("89.9") << 3
            << QStringLiteral("Seats: 90.0% of the purchased seats are in use, above 89.9% (90 of 100 seats).");
        // Compared as printed, to one decimal: 90.04 % is 90.0 %, 90.08 % is 90.1 %.
        QTest::newRow("rounds to the threshold")
            << 2251 << 2500 << QStringLiteral("90") << 0 << QStringLiteral("OK: 90.0%");
        QTest::newRow("rounds above") << 2252 << 2500 << QStringLiteral("90") << 3 << QStringLiteral("Seats: 90.1%");
        QTest::newRow("all seats used, threshold 100")
            << 100 << 100 << QStringLiteral("100") << 0 << QStringLiteral("OK: 100.0%");
        QTest::newRow("over-consumed") << 101 << 100 << QStringLiteral("100") << 3 << QStringLiteral("above 100%");
    }
    void shouldCrossTheSeatThresholdOnlyWhenExceeded()
    {
        QFETCH(int, consumed);
        QFETCH(int, purchased);
        QFETCH(QString, threshold);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString store =
            storeWithSnapshot(consumed, purchased, {syncedAgo(QStringLiteral("ghes-a.example"), 3600)});
        QVERIFY(!store.isEmpty());
        const Run result = check(store, threshold, QStringLiteral("8"));
        QCOMPARE(result.code, code);
        const QString all = result.out + result.err;
        QVERIFY2(all.contains(message), qPrintable(all));
        QCOMPARE(result.err.contains(QLatin1String("Sync:")), false);
    }

    void shouldReportNeverSyncedAndStaleServersByWholeDays()
    {
        constexpr qint64 day = 24 * 3600;
        const QString store = storeWithSnapshot(10, 100,
            {syncedAgo(QStringLiteral("fresh.example"), 3600),
                syncedAgo(QStringLiteral("edge.example"), 8 * day + 23 * 3600),
                syncedAgo(QStringLiteral("old.example"), 9 * day + 3600),
                syncedAgo(QStringLiteral("new.example"), -1)});
        QVERIFY(!store.isEmpty());
        const Run result = check(store, QStringLiteral("90"), QStringLiteral("8"));
        QCOMPARE(result.code, 3);
        QVERIFY2(result.err.contains(QLatin1String("Sync: new.example has never synced its license usage.")),
            qPrintable(result.err));
        QVERIFY2(result.err.contains(
                     QLatin1String("Sync: old.example last synced successfully 9 days ago, more than 8 allowed.")),
            qPrintable(result.err));
        // 8 days and 23 hours is 8 whole days: not more than 8.
        QVERIFY2(!result.err.contains(QLatin1String("edge.example")), qPrintable(result.err));
        QVERIFY(!result.err.contains(QLatin1String("fresh.example")));
        QVERIFY(!result.err.contains(QLatin1String("Seats:")));
        QVERIFY(result.out.isEmpty());

        const Run lenient = check(store, QStringLiteral("90"), QStringLiteral("9"));
        QCOMPARE(lenient.code, 3); // never synced crosses any threshold
        QVERIFY(!lenient.err.contains(QLatin1String("old.example")));
        QVERIFY(lenient.err.contains(QLatin1String("new.example")));

        // status says the same: null dates for the server that never synced, stale after 7 days.
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        QHash<QString, QJsonObject> servers;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("servers")).toArray()) {
            servers.insert(value.toObject().value(QLatin1String("hostname")).toString(), value.toObject());
        }
        QCOMPARE(servers.size(), 4);
        QVERIFY(servers.value(QStringLiteral("new.example")).value(QLatin1String("days_since_sync")).isNull());
        QVERIFY(servers.value(QStringLiteral("new.example")).value(QLatin1String("last_sync_date")).isNull());
        QCOMPARE(servers.value(QStringLiteral("new.example")).value(QLatin1String("stale")).toBool(), true);
        QCOMPARE(servers.value(QStringLiteral("edge.example")).value(QLatin1String("days_since_sync")).toInt(), 8);
        QCOMPARE(servers.value(QStringLiteral("edge.example")).value(QLatin1String("stale")).toBool(), true);
        QCOMPARE(servers.value(QStringLiteral("fresh.example")).value(QLatin1String("days_since_sync")).toInt(), 0);
        QCOMPARE(servers.value(QStringLiteral("fresh.example")).value(QLatin1String("stale")).toBool(), false);
        const Run text = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QVERIFY2(text.out.contains(QLatin1String("Server new.example: never synced (stale).")), qPrintable(text.out));

        const QString allFresh =
            storeWithSnapshot(10, 100, {syncedAgo(QStringLiteral("edge.example"), 8 * day + 23 * 3600)});
        const Run ok = check(allFresh, QStringLiteral("90"), QStringLiteral("8"));
        QCOMPARE(ok.code, 0);
        QVERIFY2(ok.out.contains(QLatin1String("OK:")), qPrintable(ok.out + ok.err));
    }

    void shouldSayWhatWasReadLeniently()
    {
        // Every 10th row with "github_com_two_factor_auth": "": the refresh succeeds and says so.
        Lab lab = startLab({QStringLiteral("--users"), QStringLiteral("200"),
            QStringLiteral("--empty-two-factor-every"), QStringLiteral("10")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const Run refreshed = run({QStringLiteral("refresh"), QStringLiteral("--store"), store}, lab.token);
        QVERIFY2(refreshed.code == 0, qPrintable(refreshed.err));
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                   QStringLiteral("--store"), store},
            lab.token);
        const int seats = QJsonDocument::fromJson(status.out.toUtf8())
                              .object()
                              .value(QLatin1String("snapshot"))
                              .toObject()
                              .value(QLatin1String("users"))
                              .toInt();
        QVERIFY(seats > 0);
        const int expected = (seats + 9) / 10;
        QVERIFY2(refreshed.err.contains(
                     QStringLiteral("Note: GitHub's answers had %1 values of an unexpected type").arg(expected)),
            qPrintable(refreshed.err));
        stopLab(lab);
        // Without them nothing is said.
        Lab plain = startLab({QStringLiteral("--users"), QStringLiteral("200")});
        const QString other = newStore();
        QVERIFY(addLabConnection(other, plain));
        const Run quiet = run({QStringLiteral("refresh"), QStringLiteral("--store"), other}, plain.token);
        QCOMPARE(quiet.code, 0);
        QVERIFY2(!quiet.err.contains(QLatin1String("unexpected type")), qPrintable(quiet.err));
        stopLab(plain);
    }

    void shouldFetchWithTheConcurrencyAskedFor()
    {
        // 16 pages with latency: a fetch keeps as many requests at the lab at once as --concurrency allows.
        Lab lab = startLab(
            {QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--latency-ms"), QStringLiteral("40")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const auto maxInFlight = [&lab] {
            int status = 0;
            const QJsonObject labStatus =
                QJsonDocument::fromJson(labCall(lab, "GET", QStringLiteral("/_lab/status"), {}, &status)).object();
            return labStatus.value(QLatin1String("counters")).toObject().value(QLatin1String("max_in_flight")).toInt();
        };
        const Run two = run({QStringLiteral("refresh"), QStringLiteral("--concurrency"), QStringLiteral("2"),
                                QStringLiteral("--store"), store},
            lab.token);
        QVERIFY2(two.code == 0, qPrintable(two.err));
        QCOMPARE(maxInFlight(), 2);
        // Before the command too, as a global option.
        const Run six = run({QStringLiteral("--concurrency"), QStringLiteral("6"), QStringLiteral("refresh"),
                                QStringLiteral("--store"), store},
            lab.token);
        QVERIFY2(six.code == 0, qPrintable(six.err));
        QVERIFY2(maxInFlight() > 2 && maxInFlight() <= 6, qPrintable(QString::number(maxInFlight())));
        stopLab(lab);
        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("17"), QStringLiteral("many")}) {
            const Run refused =
                run({QStringLiteral("status"), QStringLiteral("--concurrency"), bad, QStringLiteral("--store"), store});
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("--concurrency takes 1 to 16, not “%1”.").arg(bad)),
                qPrintable(refused.err));
        }
    }

    void shouldJudgeSyncsByTheLastSuccessNotTheLastAttempt()
    {
        // Three servers that all tried an hour ago and failed: one last succeeded 10 days ago, one 2 days
        // ago, one never as far as the store knows. GitHub reports only the last attempt.
        constexpr qint64 day = 24 * 3600;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString store = newStore();
        {
            LicenseStore db;
            QVERIFY(!db.open(store).isError());
            auto state = [](const QString &host, const QDateTime &when, bool success) {
                LicenseSyncStatus server = syncedAgo(host, 0);
                server.lastSyncDate = when;
                server.status = success ? QStringLiteral("success") : QStringLiteral("failure");
                server.error = success ? QString() : QStringLiteral("GitHub Connect could not reach %1").arg(host);
                return server;
            };
            LicenseSnapshot earlier;
            earlier.connectionId = QStringLiteral("lab");
            earlier.takenAt = now.addSecs(-2 * day + 60);
            earlier.licenses.totalSeatsConsumed = 10;
            earlier.licenses.totalSeatsPurchased = 100;
            earlier.syncStatus = {state(QStringLiteral("failing.example"), now.addSecs(-10 * day), true),
                state(QStringLiteral("hiccup.example"), now.addSecs(-2 * day), true),
                state(QStringLiteral("broken.example"), now.addSecs(-3 * day), false)};
            QVERIFY(db.writeSnapshot(earlier).ok());
            LicenseSnapshot latest = earlier;
            latest.takenAt = now;
            latest.syncStatus = {state(QStringLiteral("failing.example"), now.addSecs(-3600), false),
                state(QStringLiteral("hiccup.example"), now.addSecs(-3600), false),
                state(QStringLiteral("broken.example"), now.addSecs(-3600), false)};
            QVERIFY(db.writeSnapshot(latest).ok());
        }
        const Run result = check(store, QStringLiteral("90"), QStringLiteral("8"));
        QCOMPARE(result.code, 3);
        QVERIFY2(result.err.contains(
                     QLatin1String("Sync: failing.example last synced successfully 10 days ago, more than 8 allowed.")),
            qPrintable(result.err));
        QVERIFY2(
            result.err.contains(QLatin1String("Sync: broken.example has no successful license sync on record; the "
                                              "last attempt failed: GitHub Connect could not reach broken.example")),
            qPrintable(result.err));
        QVERIFY2(!result.err.contains(QLatin1String("hiccup.example")), qPrintable(result.err));
        QCOMPARE(result.err.count(QStringLiteral("Sync:")), 2);

        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        QHash<QString, QJsonObject> servers;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(status.out.toUtf8()).object().value(QLatin1String("servers")).toArray()) {
            servers.insert(value.toObject().value(QLatin1String("hostname")).toString(), value.toObject());
        }
        QCOMPARE(servers.size(), 3);
        const QJsonObject failing = servers.value(QStringLiteral("failing.example"));
        QCOMPARE(failing.value(QLatin1String("days_since_sync")).toInt(), 0); // the attempt, an hour ago
        QCOMPARE(failing.value(QLatin1String("stale")).toBool(), true);
        const QDateTime success =
            QDateTime::fromString(failing.value(QLatin1String("last_success_date")).toString(), Qt::ISODate);
        QVERIFY2(qAbs(success.secsTo(now.addSecs(-10 * day))) < 2, qPrintable(success.toString(Qt::ISODate)));
        QCOMPARE(servers.value(QStringLiteral("hiccup.example")).value(QLatin1String("stale")).toBool(), false);
        QCOMPARE(servers.value(QStringLiteral("broken.example")).value(QLatin1String("stale")).toBool(), true);
        QVERIFY(servers.value(QStringLiteral("broken.example")).value(QLatin1String("last_success_date")).isNull());
        const Run text = run({QStringLiteral("status"), QStringLiteral("--store"), store});
        QVERIFY2(text.out.contains(QLatin1String("Server failing.example: last sync")) &&
                text.out.contains(QLatin1String("(failed, stale)")),
            qPrintable(text.out));
    }

    void shouldJudgeAStandaloneLabsSyncsByTheLabClock()
    {
        Lab lab = startLab();
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        // GitHub Connect off on ghes-1, then 8 days of lab time: the connected servers sync by themselves,
        // ghes-1 keeps its last sync (a day before the lab started) and goes stale.
        int status = 0;
        labCall(lab, "POST", QStringLiteral("/_lab/servers/ghes-1.lab.example/disconnect"), {}, &status);
        QCOMPARE(status, 200);
        labCall(lab, "POST", QStringLiteral("/_lab/clock/advance"), "{\"days\": 8}", &status);
        QCOMPARE(status, 200);

        const Run json = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
                                 QStringLiteral("--refresh"), QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(json.code, 0);
        QHash<QString, QJsonObject> servers;
        for (const QJsonValue &value :
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("servers")).toArray()) {
            servers.insert(value.toObject().value(QLatin1String("hostname")).toString(), value.toObject());
        }
        QVERIFY2(servers.size() >= 2, qPrintable(json.out));
        const QJsonObject stale = servers.value(QStringLiteral("ghes-1.lab.example"));
        QCOMPARE(stale.value(QLatin1String("days_since_sync")).toInt(), 9);
        QCOMPARE(stale.value(QLatin1String("stale")).toBool(), true);
        for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
            if (it.key() != QLatin1String("ghes-1.lab.example")) {
                // Synced in lab time: days ago by the lab clock, never "in the future".
                const int days = it.value().value(QLatin1String("days_since_sync")).toInt(-1);
                QVERIFY2(days >= 0 && days <= 7, qPrintable(it.key() + QLatin1Char(' ') + QString::number(days)));
                QCOMPARE(it.value().value(QLatin1String("stale")).toBool(), false);
            }
        }

        const Run crossed =
            run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("100"),
                    QStringLiteral("--max-stale-days"), QStringLiteral("8"), QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(crossed.code, 3);
        QVERIFY2(crossed.err.contains(QLatin1String(
                     "Sync: ghes-1.lab.example last synced successfully 9 days ago, more than 8 allowed.")),
            qPrintable(crossed.err));
        QVERIFY2(!crossed.err.contains(QLatin1String("never synced")), qPrintable(crossed.err));
        QCOMPARE(crossed.err.count(QStringLiteral("Sync:")), 1);
        // Without GitHub Connect ghes-1 does not sync any more: what counts from now on is an upload of its
        // usage, and it has none; ghes-3's was uploaded 10 days before the lab started, 8 lab days ago.
        const Run synced =
            run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("100"),
                    QStringLiteral("--max-stale-days"), QStringLiteral("9"), QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(synced.code, 3);
        QVERIFY2(!synced.err.contains(QLatin1String("Sync:")), qPrintable(synced.err));
        QVERIFY2(synced.err.contains(QLatin1String("Upload: ghes-1.lab.example does not sync by itself (GitHub Connect "
                                                   "is off) and has no license usage upload on record.")),
            qPrintable(synced.err));
        QVERIFY2(synced.err.contains(QLatin1String("Upload: ghes-3.lab.example does not sync by itself (GitHub Connect "
                                                   "is off) and last added its license usage 17 days ago, more than 9 "
                                                   "allowed.")),
            qPrintable(synced.err));
        const Run uploaded =
            run({QStringLiteral("check"), QStringLiteral("--max-used-percent"), QStringLiteral("100"),
                    QStringLiteral("--max-stale-days"), QStringLiteral("17"), QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(uploaded.code, 3);
        QCOMPARE(uploaded.err.count(QLatin1String("Upload:")), 1);
        QVERIFY2(uploaded.err.contains(QLatin1String("Upload: ghes-1.lab.example")), qPrintable(uploaded.err));
        stopLab(lab);
    }

    // ---- the rest of the gaps: unreadable usage files, export --from, bad arguments ----

    void shouldReportAMissingOrUnreadableUsageFile()
    {
        const QString store = newStore();
        const QString missing = path(QStringLiteral("no-such-export.json"));
        const QString folder = path(QStringLiteral("a-folder.json"));
        QVERIFY(QDir().mkpath(folder));
        // The message quotes the system's reason and says what to do.
        const auto unreadable = [](const QString &file) {
            QFile probe(file);
            return probe.open(QIODevice::ReadOnly) ? QString()
                                                   : UsageFile::validationMessage(UsageFile::Validation::Unreadable,
                                                         UsageFile::DefaultSizeLimit, probe.errorString());
        };
        for (const QString &file : {missing, folder}) {
            const QString expected = unreadable(file);
            QVERIFY(!expected.isEmpty());
            QVERIFY2(expected.contains(QLatin1String("Check that it still exists")), qPrintable(expected));
            const Run result = run({QStringLiteral("add-server-usage"), file, QStringLiteral("--store"), store});
            QCOMPARE(result.code, 1);
            QVERIFY2(result.err.contains(file + QLatin1String(": ") + expected), qPrintable(result.err));
            QVERIFY(!result.out.contains(QLatin1String("added")));
        }
        const Run checkOnly = run({QStringLiteral("add-server-usage"), missing, QStringLiteral("--check-only"),
            QStringLiteral("--store"), store});
        QCOMPARE(checkOnly.code, 1);
        QVERIFY2(
            checkOnly.err.contains(missing + QLatin1String(": ") + unreadable(missing)), qPrintable(checkOnly.err));
    }

    void shouldSaveAndRecordADownloadedExportGivenWithFrom()
    {
        Lab lab = startLab({QStringLiteral("--github-like")});
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab));
        const QString downloaded =
            downloadExport(lab, QStringLiteral("ghes-1.lab.example"), QStringLiteral("from-downloaded.json"));
        QVERIFY(!downloaded.isEmpty());
        QFile downloadedFile(downloaded);
        QVERIFY(downloadedFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = downloadedFile.readAll();
        const UsageFile::Result expected = UsageFile::read(bytes);
        QVERIFY(expected.ok());

        const QString target = path(QStringLiteral("from-saved.json"));
        const Run saved = run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"),
                                  target, QStringLiteral("--from"), downloaded, QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(saved.code, 0);
        QVERIFY2(
            saved.out.contains(
                QStringLiteral("Exported ghes-1.lab.example (version %1) to %2.").arg(expected.info.version, target)),
            qPrintable(saved.out + saved.err));
        QFile written(target);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), bytes);
        {
            LicenseStore db;
            QVERIFY(!db.open(store).isError());
            const auto files = db.usageFiles();
            QVERIFY(files.ok());
            QCOMPARE(files.value.size(), 1);
            const UsageFileRecord &record = files.value.constFirst();
            QCOMPARE(record.direction, UsageFileRecord::Direction::Exported);
            QCOMPARE(record.fileName, target);
            QCOMPARE(record.hostName, QStringLiteral("ghes-1.lab.example"));
            QCOMPARE(record.sha256, expected.sha256);
            QCOMPARE(record.size, qint64(bytes.size()));
        }

        // The file is checked before it is written: another server's export, a page that is no export,
        // and an existing target without --force are refused and nothing more is recorded.
        const QString other =
            downloadExport(lab, QStringLiteral("ghes-2.lab.example"), QStringLiteral("from-other.json"));
        const QString otherTarget = path(QStringLiteral("from-other-saved.json"));
        const Run wrongServer =
            run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), otherTarget,
                    QStringLiteral("--from"), other, QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(wrongServer.code, 1);
        QVERIFY2(wrongServer.err.contains(QLatin1String("not of ghes-1.lab.example")), qPrintable(wrongServer.err));
        QVERIFY(!QFile::exists(otherTarget));
        QFile page(path(QStringLiteral("from-page.json")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<!DOCTYPE html><html><body>Sign in</body></html>");
        page.close();
        const Run notAnExport =
            run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), otherTarget,
                    QStringLiteral("--from"), page.fileName(), QStringLiteral("--store"), store},
                lab.token);
        QCOMPARE(notAnExport.code, 1);
        QVERIFY2(notAnExport.err.contains(UsageFile::validationMessage(UsageFile::Validation::HtmlPage)),
            qPrintable(notAnExport.err));
        QVERIFY(!QFile::exists(otherTarget));
        // A download that is not there: the system's reason and what to do, as Add server usage says it.
        const QString gone = path(QStringLiteral("from-gone.json"));
        const Run missing = run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"),
                                    otherTarget, QStringLiteral("--from"), gone, QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("Cannot read ") + gone + QLatin1String(": ")) &&
                missing.err.contains(QLatin1String("then choose it again")),
            qPrintable(missing.err));
        QVERIFY(!QFile::exists(otherTarget));
        const Run exists = run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"),
                                   target, QStringLiteral("--from"), downloaded, QStringLiteral("--store"), store},
            lab.token);
        QCOMPARE(exists.code, 1);
        QVERIFY(exists.err.contains(QLatin1String("--force")));
        {
            LicenseStore db;
            QVERIFY(!db.open(store).isError());
            QCOMPARE(db.usageFiles().value.size(), 1);
        }
        stopLab(lab);
    }

    void shouldRejectABadLabPort_data()
    {
        QTest::addColumn<QString>("port");
        QTest::newRow("not a number") << QStringLiteral("x");
        QTest::newRow("too large") << QStringLiteral("70000");
    }
    void shouldRejectABadLabPort()
    {
        QFETCH(QString, port);
        // `lab` takes no --store: it serves, it does not report.
        const Run result = run({QStringLiteral("lab"), QStringLiteral("--port"), port});
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.contains(QLatin1String("--port")), qPrintable(result.err));
        QVERIFY(!result.out.contains(QLatin1String("URL:")));
    }

    /// True when `bytes` hold `token` as UTF-8 or UTF-16, whole or its middle (a line may cut it).
    static bool containsToken(const QByteArray &bytes, const QString &token)
    {
        return bytes.contains(token.toUtf8()) || bytes.contains(token.mid(8, 16).toUtf8()) ||
            bytes.contains(QByteArray(reinterpret_cast<const char *>(token.utf16()), token.size() * 2));
    }

    void shouldNeverPrintTheTokenWithEveryLogCategoryOn()
    {
        const QString canary = QStringLiteral("ghp_CliCanary4Hq8Zt2Wv6Xy0Lm3Np7Rs9KdQ");
        // Every log category at debug level, and settings, data and cache folders of these runs only.
        const QString home = path(QStringLiteral("canary-home"));
        QProcessEnvironment debug;
        debug.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        debug.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QLatin1String("/config"));
        debug.insert(QStringLiteral("XDG_DATA_HOME"), home + QLatin1String("/data"));
        debug.insert(QStringLiteral("XDG_CACHE_HOME"), home + QLatin1String("/cache"));

        // The labs print their own token (that is what `ghe-license lab` is for); their output is not checked.
        Lab lab =
            startLab({QStringLiteral("--token"), canary, QStringLiteral("--sync-duration-ms"), QStringLiteral("100")});
        Lab refusing =
            startLab({QStringLiteral("--token"), canary, QStringLiteral("--token-fault"), QStringLiteral("bad")});
        Lab target = startLab({QStringLiteral("--address"), QStringLiteral("127.0.0.2")});
        Lab redirecting = startLab({QStringLiteral("--token"), canary, QStringLiteral("--redirect-to"), target.url});
        QCOMPARE(lab.token, canary);
        const QString store = newStore();
        QVERIFY(addLabConnection(store, lab, QStringLiteral("ext")));
        QVERIFY(addLabConnection(store, refusing, QStringLiteral("refusing")));
        QVERIFY(addLabConnection(store, redirecting, QStringLiteral("moved")));

        QList<std::pair<QString, Run>> runs;
        const auto cli = [&](const QStringList &args, const QString &connection, const QByteArray &input = {}) {
            runs.append({args.join(QLatin1Char(' ')) + QLatin1String(" @") + connection,
                run(args + QStringList{QStringLiteral("--store"), store, QStringLiteral("--connection"), connection},
                    canary, debug, input)});
            return runs.last().second.code;
        };
        const QString ext = QStringLiteral("ext");
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("test")}, ext), 0);
        QCOMPARE(cli({QStringLiteral("refresh")}, ext), 0);
        QCOMPARE(cli({QStringLiteral("status"), QStringLiteral("--refresh"), QStringLiteral("--format"),
                         QStringLiteral("json")},
                     ext),
            0);
        QCOMPARE(
            cli({QStringLiteral("users"), QStringLiteral("-o"), path(QStringLiteral("canary-users.csv"))}, ext), 0);
        QCOMPARE(cli({QStringLiteral("counted-twice")}, ext), 0);
        QCOMPARE(cli({QStringLiteral("organizations")}, ext), 0);
        QCOMPARE(cli({QStringLiteral("changes")}, ext), 0);
        cli({QStringLiteral("check")}, ext); // 0 or 3, whatever the lab's seats
        QCOMPARE(cli({QStringLiteral("sync-now"), QStringLiteral("ghes-1.lab.example")}, ext), 0);
        const QString exported = path(QStringLiteral("canary-export.json"));
        QCOMPARE(
            cli({QStringLiteral("export"), QStringLiteral("ghes-3.lab.example"), QStringLiteral("-o"), exported}, ext),
            0);
        QCOMPARE(cli({QStringLiteral("add-server-usage"), exported}, ext), 0);
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--format"),
                         QStringLiteral("json")},
                     ext),
            0);
        // Error paths: 401 Bad credentials, a redirect to another host, a token on stdin without a keychain.
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("test")}, QStringLiteral("refusing")), 1);
        QCOMPARE(cli({QStringLiteral("refresh")}, QStringLiteral("refusing")), 1);
        QCOMPARE(cli({QStringLiteral("refresh")}, QStringLiteral("moved")), 1);
        QCOMPARE(
            cli({QStringLiteral("connections"), QStringLiteral("set-token"), ext}, ext, canary.toUtf8() + '\n'), 1);
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("corp"),
                         QStringLiteral("--kind"), QStringLiteral("cloud"), QStringLiteral("--enterprise"),
                         QStringLiteral("acme"), QStringLiteral("--token-stdin")},
                     ext, canary.toUtf8() + '\n'),
            1);
        // The redirect was followed to the other host without the token.
        const QJsonObject targetCounters =
            QJsonDocument::fromJson(labCall(target, "GET", QStringLiteral("/_lab/status")))
                .object()
                .value(QLatin1String("counters"))
                .toObject();
        QVERIFY(targetCounters.value(QLatin1String("unauthorized")).toInt() >= 1);
        QCOMPARE(targetCounters.value(QLatin1String("with_authorization")).toInt(), 1); // this status request

        // The built-in lab runs inside ghe-license: its token (seed 1, as `ghe-license lab` prints it)
        // must not show either.
        Lab builtInTwin = startLab();
        const QString builtInStore = newStore();
        const Run builtIn =
            run({QStringLiteral("status"), QStringLiteral("--refresh"), QStringLiteral("--store"), builtInStore}, {},
                debug);
        QCOMPARE(builtIn.code, 0);
        QVERIFY2(!containsToken((builtIn.out + builtIn.err).toUtf8(), builtInTwin.token), qPrintable(builtIn.err));
        QVERIFY2(builtIn.err.contains(QLatin1String("GitHub request")), "no debug output: is logging on?");

        for (const auto &[command, result] : std::as_const(runs)) {
            QVERIFY2(!containsToken((result.out + result.err).toUtf8(), canary),
                qPrintable(command + QLatin1Char('\n') + result.out + result.err));
        }
        QVERIFY2(runs.at(1).second.err.contains(QLatin1String("GitHub request")), "no debug output: is logging on?");

        // Nothing written keeps the token: the store, the report files, the settings, data and cache folders.
        QStringList files{
            store, store + QLatin1String("-wal"), builtInStore, exported, path(QStringLiteral("canary-users.csv"))};
        QDirIterator it(home, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files.append(it.next());
        }
        int read = 0;
        for (const QString &file : std::as_const(files)) {
            QFile bytes(file);
            if (bytes.open(QIODevice::ReadOnly)) {
                ++read;
                const QByteArray content = bytes.readAll();
                QVERIFY2(
                    !containsToken(content, canary) && !containsToken(content, builtInTwin.token), qPrintable(file));
            }
        }
        QVERIFY(read >= 4);
        for (Lab *running : {&lab, &refusing, &target, &redirecting, &builtInTwin}) {
            stopLab(*running);
        }
    }

    void shouldKeepTheTokenAwayFromTheAdminShell()
    {
        GlcTest::SshServerHarness ssh;
        QString error;
        QVERIFY2(ssh.start(&error), qPrintable(error));
        // The server's export fails after a line on stderr, which ghe-license then quotes.
        QVERIFY(ssh.installFailingExport());
        // An ssh on PATH that notes its environment, then sends every token variable a user's ssh_config could
        // send (SendEnv) and reports verbosely, "debug1: Sending env NAME = VALUE" included.
        const QString bin = path(QStringLiteral("canary-ssh"));
        const QString environmentFile = path(QStringLiteral("canary-ssh-environment.txt"));
        QString wrapperError;
        QVERIFY2(ssh.writeSshWrapper(bin, &wrapperError, environmentFile), qPrintable(wrapperError));

        const QString canary = QStringLiteral("ghp_ShellCanary9Jd2Lx5Qw8Ez1Rt4Yu7Ip0");
        const QString store = newStore();
        QCOMPARE(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("ghes"),
                         QStringLiteral("--kind"), QStringLiteral("server"), QStringLiteral("--host"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--admin-shell-user"), QStringLiteral("root"),
                         QStringLiteral("--admin-shell-port"), QString::number(ssh.port()),
                         QStringLiteral("--admin-shell-identity"), ssh.clientKey(), QStringLiteral("--store"), store})
                     .code,
            0);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("GH_ENTERPRISE_TOKEN"), canary);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        const Run exported = run({QStringLiteral("export"), QStringLiteral("127.0.0.1"), QStringLiteral("-o"),
                                     path(QStringLiteral("canary-shell.json")), QStringLiteral("--store"), store},
            canary, env);
        QCOMPARE(exported.code, 1);
        QVERIFY2(exported.err.contains(QLatin1String("usage export failed")), qPrintable(exported.err));
        QVERIFY2(exported.err.contains(QLatin1String("admin shell export")), "no debug output: is logging on?");
        QVERIFY2(!containsToken((exported.out + exported.err).toUtf8(), canary), qPrintable(exported.err));
        QFile environment(environmentFile);
        QVERIFY2(environment.open(QIODevice::ReadOnly), "ssh did not run");
        const QByteArray variables = environment.readAll();
        QVERIFY(variables.contains("PATH="));
        QVERIFY2(!containsToken(variables, canary), "ssh was started with the token in its environment");
    }

    void shouldNotLinkWidgetsOrGui()
    {
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), QStringLiteral(GHE_LICENSE_EXE)});
        QVERIFY(readelf.waitForFinished(30000));
        const QString needed = QString::fromUtf8(readelf.readAllStandardOutput());
        QVERIFY(needed.contains(QLatin1String("libQt6Core")));
        QVERIFY(!needed.contains(QLatin1String("libQt6Widgets")));
        QVERIFY(!needed.contains(QLatin1String("libQt6Gui")));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
