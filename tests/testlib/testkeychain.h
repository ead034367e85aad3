// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QThread;

namespace Glc::Test {
/// The tests' keychain, behind every store TokenStore::createDefault() hands out while it exists: tokens in
/// memory that outlive those stores, the connections whose tokens were read, and a locked keychain's refusal
/// to remove. The destructor gives createDefault() back the real keychain.
class TestKeychain
{
public:
    TestKeychain();
    ~TestKeychain();
    TestKeychain(const TestKeychain &) = delete;
    TestKeychain &operator=(const TestKeychain &) = delete;

    void write(const QString &connectionId, const QString &token);
    void remove(const QString &connectionId);
    QString token(const QString &connectionId) const;
    /// The connection ids whose tokens were read, in the order they were asked for.
    QStringList reads() const;
    /// The thread each of those reads was asked in.
    QList<QThread *> readThreads() const;
    void clearReads();
    /// When set, removals fail with it, as a locked keychain's do.
    void setRemovalError(const QString &error);
    /// Reads answer this much later (from the event loop), as a keychain over D-Bus or behind an unlock
    /// prompt does; 0 (the default): at once.
    void setReadDelay(int ms);

    struct State;

private:
    std::shared_ptr<State> m_state;
};
} // namespace Glc::Test
