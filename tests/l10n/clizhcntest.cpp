// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "pocatalog.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The real ghe-license under a zh_CN locale: help and errors in Chinese, exit codes unchanged.
// Expected texts come from the catalog, so a retranslation does not break the test.
class CliZhCnTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!m_catalog.isEmpty(), GLC_PO_FILE);
        QVERIFY(m_home.isValid());
    }

    /// A report and a threshold check of the built-in lab, as cron mails them: every line in Chinese (GitHub's
    /// data, hosts and dates among the Chinese words), the exit codes as in English.
    void shouldPrintReportsInChinese()
    {
        const QStringList lab{QStringLiteral("--connection"), QStringLiteral("lab"), QStringLiteral("--store"),
            m_home.filePath(QStringLiteral("store.sqlite"))};
        const Result status = run(QStringList{QStringLiteral("status")} + lab);
        QCOMPARE(status.exitCode, 0);
        const QStringList lines = status.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 6);
        for (const QString &line : lines) {
            QVERIFY2(hasCjk(line), qPrintable(status.out));
        }
        QVERIFY2(status.err.isEmpty(), qPrintable(status.err));
        // The lab's offline server is overdue: exit 3, and why on stderr.
        const Result check = run(QStringList{QStringLiteral("check")} + lab);
        QCOMPARE(check.exitCode, 3);
        QVERIFY(!check.err.isEmpty());
        for (const QString &line : check.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            QVERIFY2(hasCjk(line), qPrintable(check.err));
        }
    }

    void shouldPrintHelpInChinese_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("ghe-license --help")
            << QStringList{QStringLiteral("--help")}
            << QStringList{QStringLiteral("Reports and actions of GHE License Console, without a window."),
                   QStringLiteral("Commands:"),
                   QStringLiteral("Run “ghe-license COMMAND --help” for the options of a command.")};
        QTest::newRow("ghe-license status --help")
            << QStringList{QStringLiteral("status"), QStringLiteral("--help")}
            << QStringList{
                   QStringLiteral("Seats consumed, purchased and available, expiry, and each server's sync state.")};
    }

    void shouldPrintHelpInChinese()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, messages);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(hasCjk(result.out), qPrintable(result.out));
        for (const QString &message : std::as_const(messages)) {
            const QString translation = m_catalog.translate(QStringLiteral("@info:shell"), message);
            QVERIFY2(!translation.isEmpty(), qPrintable(QStringLiteral("untranslated: %1").arg(message)));
            QVERIFY2(result.out.contains(translation), qPrintable(result.out));
            QVERIFY2(!result.out.contains(message), qPrintable(result.out));
        }
    }

    void shouldLeaveNoEnglishLineInAnyHelp_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("ghe-license --help") << QStringList{QStringLiteral("--help")};
        for (const QString &command : commands()) {
            QTest::newRow(qPrintable(command + QLatin1String(" --help")))
                << QStringList{command, QStringLiteral("--help")};
        }
    }

    /// Every entry of the help (an option with its description, wrapped lines joined) is Chinese, or
    /// holds nothing but option names, placeholders, command names and paths. Qt's own lines included:
    /// its "--help-all" line has no translation in Qt's catalog, so ghe-license must not show it.
    void shouldLeaveNoEnglishLineInAnyHelp()
    {
        QFETCH(QStringList, arguments);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains(QLatin1String("--help-all")), qPrintable(result.out));
        QStringList entries;
        for (const QString &line : result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            // Qt wraps descriptions onto lines indented to the description column.
            if (line.startsWith(QLatin1String("      ")) && !entries.isEmpty()) {
                entries.last() += QLatin1Char(' ') + line.trimmed();
            } else {
                entries.append(line);
            }
        }
        QVERIFY(entries.size() > 3);
        static const QRegularExpression allowed(QStringLiteral("(?:^|\\s)-{1,2}[A-Za-z][\\w-]*,?" // option names
                                                               "|<[^>]*>" // value placeholders
                                                               "|\\b[A-Z][A-Z_]+\\b" // NAME, SERVER, FILE, GH_TOKEN
                                                               "|\\S*[/|]\\S*" // paths, URLs, a|b alternatives
                                                               "|\\bghe-license\\b"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        const QStringList names = commands();
        for (const QString &entry : std::as_const(entries)) {
            if (hasCjk(entry)) {
                continue;
            }
            QString rest = entry;
            rest.remove(allowed);
            for (const QString &name : names) {
                rest.remove(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name))));
            }
            QVERIFY2(!word.match(rest).hasMatch(),
                qPrintable(QStringLiteral("English in \"%1\" of:\n%2").arg(entry, result.out)));
        }
    }

    void shouldPrintErrorsInChineseOnStderr_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("export without a server")
            << QStringList{QStringLiteral("export")} << QStringLiteral("Name exactly one server to export.") << 2;
        QTest::newRow("token argument") << QStringList{QStringLiteral("status"), QStringLiteral("--token"),
                                               QStringLiteral("x")}
                                        << QStringLiteral("ghe-license does not accept a token on the command line.")
                                        << 2;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("See: ghe-license --help") << 2;
        QTest::newRow("unknown option (Qt's message)")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("See: ghe-license --help") << 2;
    }

    void shouldPrintErrorsInChineseOnStderr()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(int, exitCode);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        const QString translation = m_catalog.translate(QStringLiteral("@info:shell"), message);
        QVERIFY2(!translation.isEmpty(), qPrintable(QStringLiteral("untranslated: %1").arg(message)));
        QVERIFY2(result.err.contains(translation), qPrintable(result.err));
        QVERIFY2(!result.err.contains(message), qPrintable(result.err));
        // Every line of the error is Chinese (Qt's own parser messages included), not only ours.
        for (const QString &line : result.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            QVERIFY2(hasCjk(line), qPrintable(result.err));
        }
        QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    }

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static QStringList commands()
    {
        return {QStringLiteral("connections"), QStringLiteral("refresh"), QStringLiteral("status"),
            QStringLiteral("users"), QStringLiteral("counted-twice"), QStringLiteral("sync-now"),
            QStringLiteral("export"), QStringLiteral("add-server-usage"), QStringLiteral("lab"),
            QStringLiteral("check"), QStringLiteral("attention"), QStringLiteral("retention"),
            QStringLiteral("changes"), QStringLiteral("organizations"), QStringLiteral("summary"),
            QStringLiteral("sync-history"), QStringLiteral("usage-files")};
    }

    static bool hasCjk(const QString &text)
    {
        return std::any_of(
            text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
    }

    Result run(const QStringList &arguments)
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
        env.insert(QStringLiteral("LC_ALL"), QString());
        // Never the developer's store, settings or keychain.
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/glc-test-bus"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(GHE_LICENSE_EXE), arguments);
        Result result;
        if (!cli.waitForFinished(60000)) {
            cli.kill();
            cli.waitForFinished();
            return result;
        }
        result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
        result.out = QString::fromUtf8(cli.readAllStandardOutput());
        result.err = QString::fromUtf8(cli.readAllStandardError());
        return result;
    }

    PoCatalog m_catalog{QStringLiteral(GLC_PO_FILE)};
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(CliZhCnTest)
#include "clizhcntest.moc"
