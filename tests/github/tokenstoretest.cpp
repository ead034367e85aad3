// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Token stores: the keychain store without any keychain on the session bus (clear error, no
// plaintext fallback), the in-memory store, and tokens never reaching settings files.
#include "github/keychaintokenstore.h"
#include "testkeychain.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Glc;

namespace {
const QString s_token = QStringLiteral("ghp_TestTokenNeverOnDisk_7f3a9c");

/// The test's own home: HOME, XDG dirs and an unreachable session bus, set before Qt starts.
QTemporaryDir *s_home = nullptr;
} // namespace

class TokenStoreTest : public QObject
{
    Q_OBJECT
private:
    struct Outcome
    {
        QString token;
        QString error;
    };

    static std::optional<Outcome> read(TokenStore &store, const QString &id)
    {
        std::optional<Outcome> outcome;
        store.readToken(
            id, [&outcome](const QString &token, const QString &error) { outcome = Outcome{token, error}; });
        // The keychain answers asynchronously; a store that never answers fails here.
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&outcome]() { return outcome.has_value(); }, 30000);
        return outcome;
    }

    static std::optional<QString> write(TokenStore &store, const QString &id, const QString &token)
    {
        std::optional<QString> outcome;
        store.writeToken(id, token, [&outcome](const QString &error) { outcome = error; });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&outcome]() { return outcome.has_value(); }, 30000);
        return outcome;
    }

    static std::optional<QString> remove(TokenStore &store, const QString &id)
    {
        std::optional<QString> outcome;
        store.removeToken(id, [&outcome](const QString &error) { outcome = error; });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&outcome]() { return outcome.has_value(); }, 30000);
        return outcome;
    }

    /// Every file under the test's home that contains the token.
    static QStringList filesWithToken()
    {
        QStringList found;
        QDirIterator it(s_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(s_token.toUtf8())) {
                found << file.fileName();
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation).startsWith(s_home->path()));
    }

    void shouldReportMissingKeychainWithoutPlaintextFallback()
    {
        QVERIFY(!KeychainTokenStore::isAvailable());
        const auto store = TokenStore::createDefault();
        QVERIFY(dynamic_cast<KeychainTokenStore *>(store.get()));

        const auto written = write(*store, QStringLiteral("conn-1"), s_token);
        QVERIFY(written.has_value());
        QVERIFY2(!written->isEmpty(), "writing without a keychain must fail, not silently succeed");
        QCOMPARE(*written, KeychainTokenStore::noKeychainMessage());
        QVERIFY(written->contains(QLatin1String("GH_TOKEN")));

        const auto readBack = read(*store, QStringLiteral("conn-1"));
        QVERIFY(readBack.has_value());
        QVERIFY(readBack->token.isEmpty());
        QCOMPARE(readBack->error, KeychainTokenStore::noKeychainMessage());

        const auto removed = remove(*store, QStringLiteral("conn-1"));
        QVERIFY(removed.has_value());
        QVERIFY(!removed->isEmpty());

        QCOMPARE(filesWithToken(), QStringList());
    }

    void shouldKeepTokensInMemory()
    {
        MemoryTokenStore store;
        QCOMPARE(write(store, QStringLiteral("a"), s_token), std::optional<QString>(QString()));
        QCOMPARE(write(store, QStringLiteral("b"), QStringLiteral("other")), std::optional<QString>(QString()));
        QCOMPARE(read(store, QStringLiteral("a"))->token, s_token);
        QCOMPARE(read(store, QStringLiteral("b"))->token, QStringLiteral("other"));
        QVERIFY(read(store, QStringLiteral("a"))->error.isEmpty());
        QCOMPARE(remove(store, QStringLiteral("a")), std::optional<QString>(QString()));
        QVERIFY(read(store, QStringLiteral("a"))->token.isEmpty());
        QCOMPARE(read(store, QStringLiteral("b"))->token, QStringLiteral("other"));
        QVERIFY(read(store, QStringLiteral("never"))->token.isEmpty());
        QCOMPARE(filesWithToken(), QStringList());
    }

    void shouldNeverWriteTokenToSettings()
    {
        // What the application keeps in its settings beside the stores' work.
        QSettings settings;
        settings.setValue(QStringLiteral("connections/conn-1/name"), QStringLiteral("Production"));
        settings.setValue(QStringLiteral("connections/conn-1/kind"), QStringLiteral("server"));
        MemoryTokenStore memory;
        QVERIFY(write(memory, QStringLiteral("conn-1"), s_token).has_value());
        QVERIFY(read(memory, QStringLiteral("conn-1")).has_value());
        const auto keychain = TokenStore::createDefault();
        QVERIFY(write(*keychain, QStringLiteral("conn-1"), s_token).has_value());
        QVERIFY(read(*keychain, QStringLiteral("conn-1")).has_value());
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);

        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains("Production")); // the right file was read
        QVERIFY(!content.contains(s_token.toUtf8()));
        QCOMPARE(filesWithToken(), QStringList());
    }

    void shouldPreferEnvironmentTokens()
    {
        const auto connection = [](Connection::Kind kind, const QString &labUrl = {}) {
            Connection c;
            c.kind = kind;
            c.labUrl = QUrl(labUrl);
            return c;
        };
        const Connection server = connection(Connection::Kind::Server);
        const Connection cloud = connection(Connection::Kind::Cloud);
        qputenv("GH_ENTERPRISE_TOKEN", "server-token");
        qputenv("GH_TOKEN", "gh-token");
        qputenv("GITHUB_TOKEN", "github-token");
        QCOMPARE(TokenStore::environmentToken(server), QStringLiteral("server-token"));
        QCOMPARE(TokenStore::environmentToken(cloud), QStringLiteral("gh-token"));
        qunsetenv("GH_TOKEN");
        QCOMPARE(TokenStore::environmentToken(cloud), QStringLiteral("github-token"));
        qunsetenv("GH_ENTERPRISE_TOKEN");
        // A github.com token (gh's, or GitHub Actions' GITHUB_TOKEN) never goes to a server's host.
        QVERIFY(TokenStore::environmentToken(server).isEmpty());
        qputenv("GH_TOKEN", "gh-token");
        QVERIFY(TokenStore::environmentToken(server).isEmpty());
        qputenv("GITHUB_ENTERPRISE_TOKEN", "server-token-2");
        QCOMPARE(TokenStore::environmentToken(server), QStringLiteral("server-token-2"));
        QCOMPARE(TokenStore::linkedServerEnvironmentToken(), QStringLiteral("server-token-2"));
        QCOMPARE(TokenStore::environmentToken(cloud), QStringLiteral("gh-token"));
        qunsetenv("GITHUB_ENTERPRISE_TOKEN");
        qunsetenv("GH_TOKEN");
        qunsetenv("GITHUB_TOKEN");
        QVERIFY(TokenStore::environmentToken(server).isEmpty());
    }

    void shouldGiveGitHubTokensToALabOnThisMachineOnly_data()
    {
        QTest::addColumn<QString>("labUrl");
        QTest::addColumn<bool>("local");
        QTest::newRow("built-in") << QString() << true;
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("127.1.2.3") << QStringLiteral("https://127.1.2.3") << true;
        QTest::newRow("::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("localhost") << QStringLiteral("http://LocalHost:8080") << true;
        QTest::newRow("LAN address") << QStringLiteral("http://192.168.1.20:8080") << false;
        QTest::newRow("host name") << QStringLiteral("https://lab.example.net") << false;
        QTest::newRow("localhost as a subdomain") << QStringLiteral("https://localhost.example.net") << false;
    }

    void shouldGiveGitHubTokensToALabOnThisMachineOnly()
    {
        QFETCH(QString, labUrl);
        QFETCH(bool, local);
        Connection lab;
        lab.kind = Connection::Kind::Lab;
        lab.labUrl = QUrl(labUrl);
        QCOMPARE(TokenStore::isLocalLab(lab), local);
        const auto unset = qScopeGuard([] {
            qunsetenv("GH_TOKEN");
            qunsetenv("GITHUB_TOKEN");
            qunsetenv("GLC_LAB_TOKEN");
        });
        // A github.com token set for gh: a lab elsewhere never gets it.
        qputenv("GH_TOKEN", "ghp_for-github");
        QCOMPARE(TokenStore::environmentToken(lab), local ? QStringLiteral("ghp_for-github") : QString());
        qunsetenv("GH_TOKEN");
        qputenv("GITHUB_TOKEN", "ghp_for-github-2");
        QCOMPARE(TokenStore::environmentToken(lab), local ? QStringLiteral("ghp_for-github-2") : QString());
        // The lab's own variable serves any lab, first; GitHub connections never read it.
        qputenv("GLC_LAB_TOKEN", "lab-token");
        QCOMPARE(TokenStore::environmentToken(lab), QStringLiteral("lab-token"));
        Connection cloud;
        cloud.kind = Connection::Kind::Cloud;
        QCOMPARE(TokenStore::environmentToken(cloud), QStringLiteral("ghp_for-github-2"));
        qunsetenv("GITHUB_TOKEN");
        QVERIFY(TokenStore::environmentToken(cloud).isEmpty());
        QVERIFY(TokenStore::environmentVariables().contains(QStringLiteral("GLC_LAB_TOKEN")));
    }

    void shouldReadLinkedServerTokensInTheApplicationsThread()
    {
        // A refresh asks from its worker thread; the keychain is asked in the application's, once per server.
        auto keychain = std::make_unique<Test::TestKeychain>();
        keychain->write(QStringLiteral("own"), s_token);
        const QList<Connection> servers{server(QStringLiteral("own")), server(QStringLiteral("without"))};
        QFuture<TokenStore::Lookups> future;
        std::unique_ptr<QThread> worker(
            QThread::create([&future, &servers] { future = TokenStore::readLinkedServerTokens(servers); }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        const TokenStore::Lookups lookups = future.result();
        QCOMPARE(keychain->readThreads(),
            (QList<QThread *>{QCoreApplication::instance()->thread(), QCoreApplication::instance()->thread()}));
        QCOMPARE(keychain->reads(), (QStringList{QStringLiteral("own"), QStringLiteral("without")}));
        QCOMPARE(lookups.value(QStringLiteral("own")).token, s_token);
        QVERIFY(lookups.value(QStringLiteral("own")).error.isEmpty());
        QVERIFY(lookups.contains(QStringLiteral("without")));
        QVERIFY(lookups.value(QStringLiteral("without")).token.isEmpty());
        QVERIFY(lookups.value(QStringLiteral("without")).error.isEmpty());

        // GH_ENTERPRISE_TOKEN is every server's, and the keychain is not asked; GH_TOKEN never is.
        qputenv("GH_TOKEN", "meant-for-github-com");
        QCOMPARE(read(servers).value(QStringLiteral("without")).token, QString());
        qputenv("GH_ENTERPRISE_TOKEN", "server-token");
        keychain->clearReads();
        const TokenStore::Lookups fromEnvironment = read(servers);
        QCOMPARE(fromEnvironment.value(QStringLiteral("own")).token, QStringLiteral("server-token"));
        QCOMPARE(fromEnvironment.value(QStringLiteral("without")).token, QStringLiteral("server-token"));
        QVERIFY(keychain->reads().isEmpty());
        qunsetenv("GH_ENTERPRISE_TOKEN");
        qunsetenv("GH_TOKEN");

        // Without a keychain, the keychain's own words; one that never answers is waited for timeoutMs only (a
        // coarse timer may end a little early).
        keychain.reset();
        QCOMPARE(read(servers).value(QStringLiteral("own")).error, KeychainTokenStore::noKeychainMessage());
        TokenStore::setDefaultFactory([] { return std::make_unique<SilentStore>(); });
        QElapsedTimer waited;
        waited.start();
        const TokenStore::Lookups silent = read(servers, 300);
        QVERIFY2(waited.elapsed() >= 250 && waited.elapsed() < 10000, qPrintable(QString::number(waited.elapsed())));
        QVERIFY2(silent.value(QStringLiteral("without")).error.startsWith(QLatin1String("The keychain did not answer")),
            qPrintable(silent.value(QStringLiteral("without")).error));
        QVERIFY(silent.value(QStringLiteral("own")).token.isEmpty());
        TokenStore::setDefaultFactory({});
    }

private:
    /// A keychain that never answers (locked, its password prompt unanswered).
    class SilentStore : public TokenStore
    {
    public:
        void readToken(const QString &, ReadCallback) override { }
        void writeToken(const QString &, const QString &, WriteCallback) override { }
        void removeToken(const QString &, WriteCallback) override { }
    };

    static Connection server(const QString &id)
    {
        Connection connection;
        connection.id = id;
        connection.kind = Connection::Kind::Server;
        connection.serverHost = id + QStringLiteral(".example");
        return connection;
    }

    static TokenStore::Lookups read(const QList<Connection> &servers, int timeoutMs = 10000)
    {
        QFuture<TokenStore::Lookups> future = TokenStore::readLinkedServerTokens(servers, timeoutMs);
        [[maybe_unused]] const bool done = QTest::qWaitFor([&future] { return future.isFinished(); }, 30000);
        return future.isFinished() && future.resultCount() > 0 ? future.result() : TokenStore::Lookups();
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid()) {
        return 1;
    }
    s_home = &home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", home.filePath(QStringLiteral("runtime")).toLocal8Bit());
    // A session bus nobody listens on: no Secret Service, no KWallet.
    qputenv(
        "DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=" + home.filePath(QStringLiteral("no-bus")).toLocal8Bit()));
    qunsetenv("DISPLAY");
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ghe-license-console-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tokenstoretest"));
    TokenStoreTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tokenstoretest.moc"
