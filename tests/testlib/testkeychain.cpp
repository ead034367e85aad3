// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "testkeychain.h"

#include "github/tokenstore.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace Glc::Test {
struct TestKeychain::State
{
    MemoryTokenStore tokens;
    QStringList reads;
    QList<QThread *> readThreads;
    QString removalError;
    int readDelayMs = 0;
};

namespace {
class Store : public TokenStore
{
public:
    explicit Store(std::shared_ptr<TestKeychain::State> state)
        : m_state(std::move(state))
    {
    }
    void readToken(const QString &connectionId, ReadCallback callback) override
    {
        m_state->reads.append(connectionId);
        m_state->readThreads.append(QThread::currentThread());
        if (m_state->readDelayMs > 0) {
            QString token;
            m_state->tokens.readToken(
                connectionId, [&token](const QString &stored, const QString &) { token = stored; });
            QTimer::singleShot(m_state->readDelayMs, QCoreApplication::instance(),
                [callback = std::move(callback), token] { callback(token, QString()); });
            return;
        }
        m_state->tokens.readToken(connectionId, std::move(callback));
    }
    void writeToken(const QString &connectionId, const QString &token, WriteCallback callback) override
    {
        m_state->tokens.writeToken(connectionId, token, std::move(callback));
    }
    void removeToken(const QString &connectionId, WriteCallback callback) override
    {
        if (!m_state->removalError.isEmpty()) {
            callback(m_state->removalError);
            return;
        }
        m_state->tokens.removeToken(connectionId, std::move(callback));
    }

private:
    std::shared_ptr<TestKeychain::State> m_state;
};
} // namespace

TestKeychain::TestKeychain()
    : m_state(std::make_shared<State>())
{
    TokenStore::setDefaultFactory([state = m_state] { return std::make_unique<Store>(state); });
}

TestKeychain::~TestKeychain()
{
    TokenStore::setDefaultFactory({});
}

void TestKeychain::write(const QString &connectionId, const QString &token)
{
    m_state->tokens.writeToken(connectionId, token, [](const QString &) { });
}

void TestKeychain::remove(const QString &connectionId)
{
    m_state->tokens.removeToken(connectionId, [](const QString &) { });
}

QString TestKeychain::token(const QString &connectionId) const
{
    QString token;
    m_state->tokens.readToken(connectionId, [&token](const QString &stored, const QString &) { token = stored; });
    return token;
}

QStringList TestKeychain::reads() const
{
    return m_state->reads;
}

QList<QThread *> TestKeychain::readThreads() const
{
    return m_state->readThreads;
}

void TestKeychain::clearReads()
{
    m_state->reads.clear();
    m_state->readThreads.clear();
}

void TestKeychain::setRemovalError(const QString &error)
{
    m_state->removalError = error;
}

void TestKeychain::setReadDelay(int ms)
{
    m_state->readDelayMs = ms;
}
} // namespace Glc::Test
