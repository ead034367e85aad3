// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// CliToken (ghe-license's token lookup): environment first, then the keychain through
// TokenStore::createDefault(), with the keychain replaced by test stores.
#include "cli/clitoken.h"
#include "github/keychaintokenstore.h"
#include "github/tokenstore.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Glc;

namespace {
/// A keychain whose contents outlive the store objects createDefault() hands out, answering
/// asynchronously like the real one; or an unavailable keychain; or one that never answers.
struct FakeKeychain
{
    enum class Mode : qint8 {
        Working,
        Unavailable,
        Silent,
    };
    Mode mode = Mode::Working;
    MemoryTokenStore tokens;
    TokenStore::ReadCallback pendingRead; ///< Silent: kept, to answer after the caller gave up
    int calls = 0;
};

class FakeStore : public TokenStore
{
public:
    explicit FakeStore(FakeKeychain *keychain)
        : m_keychain(keychain)
    {
    }
    void readToken(const QString &connectionId, ReadCallback callback) override
    {
        ++m_keychain->calls;
        if (m_keychain->mode == FakeKeychain::Mode::Silent) {
            m_keychain->pendingRead = std::move(callback);
            return;
        }
        QTimer::singleShot(10, QCoreApplication::instance(), [k = m_keychain, connectionId, callback] {
            if (k->mode == FakeKeychain::Mode::Unavailable) {
                callback(QString(), KeychainTokenStore::noKeychainMessage());
                return;
            }
            k->tokens.readToken(connectionId, callback);
        });
    }
    void writeToken(const QString &connectionId, const QString &token, WriteCallback callback) override
    {
        ++m_keychain->calls;
        QTimer::singleShot(10, QCoreApplication::instance(), [k = m_keychain, connectionId, token, callback] {
            if (k->mode == FakeKeychain::Mode::Unavailable) {
                callback(KeychainTokenStore::noKeychainMessage());
                return;
            }
            k->tokens.writeToken(connectionId, token, callback);
        });
    }
    void removeToken(const QString &connectionId, WriteCallback callback) override
    {
        ++m_keychain->calls;
        m_keychain->tokens.removeToken(connectionId, callback);
    }

private:
    FakeKeychain *const m_keychain;
};

Connection connection(Connection::Kind kind)
{
    Connection c;
    c.id = QStringLiteral("c0ffee");
    c.name = QStringLiteral("corp");
    c.kind = kind;
    c.serverHost = QStringLiteral("ghes.example.com");
    return c;
}
} // namespace

class CliTokenTest : public QObject
{
    Q_OBJECT
private:
    FakeKeychain m_keychain;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        TokenStore::setDefaultFactory([this] { return std::make_unique<FakeStore>(&m_keychain); });
    }

    void cleanupTestCase() { TokenStore::setDefaultFactory({}); }

    void init()
    {
        m_keychain = {};
        qunsetenv("GH_TOKEN");
        qunsetenv("GITHUB_TOKEN");
        qunsetenv("GH_ENTERPRISE_TOKEN");
        qunsetenv("GITHUB_ENTERPRISE_TOKEN");
    }

    void shouldPreferTheEnvironmentOverTheKeychain_data()
    {
        QTest::addColumn<Connection::Kind>("kind");
        QTest::addColumn<QByteArray>("variable");
        QTest::newRow("cloud, GH_TOKEN") << Connection::Kind::Cloud << QByteArray("GH_TOKEN");
        QTest::newRow("cloud, GITHUB_TOKEN") << Connection::Kind::Cloud << QByteArray("GITHUB_TOKEN");
        QTest::newRow("server, GH_ENTERPRISE_TOKEN") << Connection::Kind::Server << QByteArray("GH_ENTERPRISE_TOKEN");
        QTest::newRow("server, GITHUB_ENTERPRISE_TOKEN")
            << Connection::Kind::Server << QByteArray("GITHUB_ENTERPRISE_TOKEN");
    }
    void shouldPreferTheEnvironmentOverTheKeychain()
    {
        QFETCH(Connection::Kind, kind);
        QFETCH(QByteArray, variable);
        QVERIFY(CliToken::save(QStringLiteral("c0ffee"), QStringLiteral("from-keychain")).isEmpty());
        m_keychain.calls = 0;
        qputenv(variable.constData(), "from-environment");
        const CliToken::Lookup lookup = CliToken::find(connection(kind));
        QCOMPARE(lookup.token, QStringLiteral("from-environment"));
        QCOMPARE(lookup.source, CliToken::Lookup::Source::Environment);
        QCOMPARE(m_keychain.calls, 0); // the keychain is not even asked
    }

    void shouldFallBackToTheKeychain()
    {
        QVERIFY(CliToken::save(QStringLiteral("c0ffee"), QStringLiteral("from-keychain")).isEmpty());
        const CliToken::Lookup lookup = CliToken::find(connection(Connection::Kind::Cloud));
        QCOMPARE(lookup.token, QStringLiteral("from-keychain"));
        QCOMPARE(lookup.source, CliToken::Lookup::Source::Keychain);
        QVERIFY(lookup.keychainError.isEmpty());

        QVERIFY(CliToken::remove(QStringLiteral("c0ffee")).isEmpty());
        const CliToken::Lookup gone = CliToken::find(connection(Connection::Kind::Cloud));
        QVERIFY(gone.token.isEmpty());
        QCOMPARE(gone.source, CliToken::Lookup::Source::None);
        QVERIFY(gone.keychainError.isEmpty());
        const CliToken::Missing missing = CliToken::missing(connection(Connection::Kind::Cloud), gone);
        QCOMPARE(missing.message, QStringLiteral("No token for the connection corp."));
        QVERIFY(missing.nextStep.contains(QLatin1String("GH_TOKEN")));
        QVERIFY(missing.nextStep.contains(QLatin1String("connections set-token corp")));
    }

    void shouldExplainAnUnavailableKeychain_data()
    {
        QTest::addColumn<Connection::Kind>("kind");
        QTest::addColumn<QString>("variable");
        QTest::newRow("cloud") << Connection::Kind::Cloud << QStringLiteral("Set GH_TOKEN");
        QTest::newRow("server") << Connection::Kind::Server << QStringLiteral("Set GH_ENTERPRISE_TOKEN");
    }
    void shouldExplainAnUnavailableKeychain()
    {
        QFETCH(Connection::Kind, kind);
        QFETCH(QString, variable);
        m_keychain.mode = FakeKeychain::Mode::Unavailable;
        const CliToken::Lookup lookup = CliToken::find(connection(kind));
        QVERIFY(lookup.token.isEmpty());
        QCOMPARE(lookup.keychainError, KeychainTokenStore::noKeychainMessage());
        const CliToken::Missing missing = CliToken::missing(connection(kind), lookup);
        QVERIFY2(missing.message.contains(QLatin1String("keychain cannot be read")), qPrintable(missing.message));
        QVERIFY(missing.nextStep.startsWith(KeychainTokenStore::noKeychainMessage()));
        QVERIFY2(missing.nextStep.contains(variable), qPrintable(missing.nextStep));
        QCOMPARE(
            CliToken::save(QStringLiteral("c0ffee"), QStringLiteral("t")), KeychainTokenStore::noKeychainMessage());
    }

    void shouldGiveUpOnASilentKeychain()
    {
        m_keychain.mode = FakeKeychain::Mode::Silent;
        QElapsedTimer clock;
        clock.start();
        const CliToken::Lookup lookup = CliToken::find(connection(Connection::Kind::Cloud), 300);
        QVERIFY(clock.elapsed() >= 250); // a coarse timer may fire up to 5 % early
        QVERIFY(clock.elapsed() < 10000);
        QVERIFY(lookup.token.isEmpty());
        QVERIFY2(lookup.keychainError.contains(QLatin1String("did not answer within 1 second")),
            qPrintable(lookup.keychainError));
        // The keychain may still answer later; nobody waits any more and nothing breaks.
        QVERIFY(m_keychain.pendingRead);
        m_keychain.pendingRead(QStringLiteral("late"), QString());
        m_keychain.pendingRead = nullptr;
        m_keychain.mode = FakeKeychain::Mode::Working;
        QVERIFY(CliToken::save(QStringLiteral("c0ffee"), QStringLiteral("next")).isEmpty());
        QCOMPARE(CliToken::find(connection(Connection::Kind::Cloud)).token, QStringLiteral("next"));
    }
};

QTEST_GUILESS_MAIN(CliTokenTest)
#include "clitokentest.moc"
