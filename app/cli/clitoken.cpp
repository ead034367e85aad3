// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clitoken.h"

#include "github/tokenstore.h"

#include <KLocalizedString>

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <memory>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Glc::CliToken {
namespace {
/// Shared with the store's callback, which may still come after a timeout (then nobody listens).
struct Answer
{
    QString token;
    QString error;
    bool done = false;
    QEventLoop *loop = nullptr;
};

using Call = std::function<void(
    TokenStore &store, const std::shared_ptr<TokenStore> &keep, const std::shared_ptr<Answer> &answer)>;

/// Runs one asynchronous keychain call and waits for its answer, at most timeoutMs.
Answer wait(const Call &call, int timeoutMs)
{
    const std::shared_ptr<TokenStore> store = TokenStore::createDefault();
    auto answer = std::make_shared<Answer>();
    call(*store, store, answer);
    if (!answer->done) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        answer->loop = &loop;
        timer.start(timeoutMs);
        loop.exec();
        answer->loop = nullptr;
    }
    if (!answer->done) {
        const int seconds = std::max(1, timeoutMs / 1000);
        return Answer{QString(),
            i18ncp("@info:shell",
                "The keychain did not answer within %1 second (is it locked, waiting for its password?).",
                "The keychain did not answer within %1 seconds (is it locked, waiting for its password?).", seconds),
            true, nullptr};
    }
    return *answer;
}

void answered(const std::shared_ptr<Answer> &answer, const QString &token, const QString &error)
{
    answer->token = token;
    answer->error = error;
    answer->done = true;
    if (answer->loop) {
        answer->loop->quit();
    }
}
} // namespace

Lookup find(const Connection &connection, int timeoutMs)
{
    Lookup lookup;
    lookup.token = TokenStore::environmentToken(connection);
    if (!lookup.token.isEmpty()) {
        lookup.source = Lookup::Source::Environment;
        return lookup;
    }
    const Answer answer = wait(
        [&connection](TokenStore &store, const std::shared_ptr<TokenStore> &keep, const std::shared_ptr<Answer> &a) {
            store.readToken(
                connection.id, [keep, a](const QString &token, const QString &error) { answered(a, token, error); });
        },
        timeoutMs);
    lookup.keychainError = answer.error;
    if (answer.error.isEmpty() && !answer.token.isEmpty()) {
        lookup.token = answer.token;
        lookup.source = Lookup::Source::Keychain;
    }
    return lookup;
}

QString save(const QString &connectionId, const QString &token, int timeoutMs)
{
    return wait(
        [&connectionId, &token](
            TokenStore &store, const std::shared_ptr<TokenStore> &keep, const std::shared_ptr<Answer> &a) {
            store.writeToken(connectionId, token, [keep, a](const QString &error) { answered(a, {}, error); });
        },
        timeoutMs)
        .error;
}

QString remove(const QString &connectionId, int timeoutMs)
{
    return wait(
        [&connectionId](TokenStore &store, const std::shared_ptr<TokenStore> &keep, const std::shared_ptr<Answer> &a) {
            store.removeToken(connectionId, [keep, a](const QString &error) { answered(a, {}, error); });
        },
        timeoutMs)
        .error;
}

QString readStandardInput()
{
    termios saved{};
    const bool terminal = isatty(STDIN_FILENO) != 0 && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        const QByteArray prompt =
            i18nc("@info:shell prompt, nothing is shown while typing", "Token (not shown): ").toUtf8();
        std::fwrite(prompt.constData(), 1, size_t(prompt.size()), stderr);
        std::fflush(stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QFile in;
    QString line;
    if (in.open(stdin, QIODevice::ReadOnly)) {
        line = QString::fromUtf8(in.readLine(64 * 1024)).trimmed();
    }
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    return line;
}

Missing missing(const Connection &connection, const Lookup &lookup)
{
    QString environment;
    if (connection.kind == Connection::Kind::Server) {
        environment = i18nc("@info:shell",
            "Set GH_ENTERPRISE_TOKEN (or GITHUB_ENTERPRISE_TOKEN) in the environment of ghe-license (GH_TOKEN "
            "holds a github.com token and is not sent to a server). Tokens are never accepted as arguments.");
    } else if (connection.kind == Connection::Kind::Lab && !TokenStore::isLocalLab(connection)) {
        // The GitHub token of GH_TOKEN is not given to a lab on another host (TokenStore::environmentToken()).
        environment = i18nc("@info:shell",
            "Set GLC_LAB_TOKEN in the environment of ghe-license (GH_TOKEN is not sent to a lab on another host). "
            "Tokens are never accepted as arguments.");
    } else {
        environment = i18nc(
            "@info:shell", "Set GH_TOKEN in the environment of ghe-license. Tokens are never accepted as arguments.");
    }
    if (!lookup.keychainError.isEmpty()) {
        // Usually a headless machine: no Secret Service, so the environment is the way.
        return {i18nc("@info:shell",
                    "No token for the connection %1: none in the environment, and the keychain cannot be read.",
                    connection.name),
            lookup.keychainError + QLatin1Char('\n') + environment};
    }
    return {i18nc("@info:shell", "No token for the connection %1.", connection.name),
        environment + QLatin1Char('\n') +
            i18nc("@info:shell %1 connection name",
                "Or save it in the keychain: ghe-license connections set-token %1 < FILE-WITH-TOKEN", connection.name)};
}
} // namespace Glc::CliToken
