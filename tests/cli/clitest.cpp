// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Drives the real ghe-license executable: exit codes, stdout, stderr and files written.
#include "licensing/licensereportwriter.h"
#include "licensing/usagefile.h"
#include "storage/licensestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
    int m_stores = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_stores)); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QProcessEnvironment environment(const QString &token = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("GH_TOKEN"));
        env.remove(QStringLiteral("GITHUB_TOKEN"));
        env.remove(QStringLiteral("GH_ENTERPRISE_TOKEN"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        if (!token.isEmpty()) {
            env.insert(QStringLiteral("GH_TOKEN"), token);
        }
        return env;
    }

    static Run run(const QStringList &args, const QString &token = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment(token));
        process.start(QStringLiteral(GHE_LICENSE_EXE), args);
        Run result;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    /// `ghe-license lab` as a child process; URL, token and consumed seats parsed from its output.
    struct Lab
    {
        std::unique_ptr<QProcess> process;
        QString url;
        QString token;
        int consumed = -1;
    };
    static Lab startLab(const QStringList &extra = {})
    {
        Lab lab;
        lab.process = std::make_unique<QProcess>();
        lab.process->setProcessEnvironment(environment());
        lab.process->start(QStringLiteral(GHE_LICENSE_EXE),
            QStringList{QStringLiteral("lab"), QStringLiteral("--port"), QStringLiteral("0")} + extra);
        QString output;
        while (!output.contains(QLatin1String("Consumed licenses:")) && lab.process->waitForReadyRead(30000)) {
            output += QString::fromUtf8(lab.process->readAllStandardOutput());
            if (!output.endsWith(QLatin1Char('\n'))) {
                continue;
            }
        }
        lab.url = QRegularExpression(QStringLiteral("URL: (\\S+)")).match(output).captured(1);
        lab.token = QRegularExpression(QStringLiteral("Token: (\\S+)")).match(output).captured(1);
        lab.consumed =
            QRegularExpression(QStringLiteral("Consumed licenses: (\\d+)")).match(output).captured(1).toInt();
        return lab;
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
            QStringLiteral("lab"), QStringLiteral("check")};
        for (const QString &command : commands) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
            const Run commandHelp = run({command, QStringLiteral("--help")});
            QCOMPARE(commandHelp.code, 0);
            QVERIFY2(commandHelp.out.contains(command), qPrintable(commandHelp.out));
        }
        QVERIFY(help.out.contains(QLatin1String("3 threshold crossed")));
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
        QTest::newRow("connections unknown action")
            << QStringList{QStringLiteral("connections"), QStringLiteral("frob")} << QStringLiteral("connections list");
        QTest::newRow("connections add bad kind")
            << QStringList{QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("x"),
                   QStringLiteral("--kind"), QStringLiteral("moon")}
            << QStringLiteral("Unknown kind");
    }
    void shouldRejectBadArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run result = run(args + QStringList{QStringLiteral("--store"), newStore()});
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void shouldRefuseATokenArgument()
    {
        const Run result = run({QStringLiteral("status"), QStringLiteral("--token"), QStringLiteral("ghp_secret123")});
        QCOMPARE(result.code, 2);
        QVERIFY(result.err.contains(QLatin1String("does not accept a token")));
        QVERIFY(!result.err.contains(QLatin1String("ghp_secret123")));
        QCOMPARE(run({QStringLiteral("--token=ghp_x"), QStringLiteral("status")}).code, 2);
    }

    void shouldReportStatusOfTheBuiltInLabLikeTheStandaloneLab()
    {
        Lab lab = startLab();
        QVERIFY(lab.consumed > 0);
        const QString store = newStore();
        const Run refresh = run({QStringLiteral("refresh"), QStringLiteral("--store"), store});
        QCOMPARE(refresh.code, 0);
        QVERIFY2(refresh.err.isEmpty(), qPrintable(refresh.err)); // no progress line when not a terminal
        const Run status = run({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--store"), store});
        QCOMPARE(status.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const QJsonObject seats = json.value(QLatin1String("seats")).toObject();
        QCOMPARE(seats.value(QLatin1String("consumed")).toInt(), lab.consumed);
        QCOMPARE(seats.value(QLatin1String("available")).toInt(),
            seats.value(QLatin1String("purchased")).toInt() - lab.consumed);
        QCOMPARE(json.value(QLatin1String("snapshot")).toObject().value(QLatin1String("users")).toInt(), lab.consumed);
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
        const Run filtered = run({QStringLiteral("users"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--filter"), QStringLiteral("ALI"), QStringLiteral("--store"), store});
        QCOMPARE(filtered.code, 0);
        QVERIFY(filtered.out.contains(QLatin1String("alice")));
        QVERIFY(!filtered.out.contains(QLatin1String("mallory")));
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
        const Run twice = run({QStringLiteral("users"), QStringLiteral("--counted-twice"), QStringLiteral("--format"),
            QStringLiteral("json"), QStringLiteral("--store"), store});
        QCOMPARE(twice.code, 0);
        QCOMPARE(QJsonDocument::fromJson(twice.out.toUtf8()).object().value(QLatin1String("users")).toArray().size(),
            2 * pairs.size());
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
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("ghes-1.lab.example"), QStringLiteral("-o"), good,
                         QStringLiteral("--store"), store})
                     .code,
            0);
        QFile goodFile(good);
        QVERIFY(goodFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = goodFile.readAll();
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
        cases.append(
            {write(QStringLiteral("unknown.json"), UsageFile::write(unknown)), QStringLiteral("does not know")});
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
