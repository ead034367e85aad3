// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "keychaintokenstore.h"

#include "glc_debug.h"

#include <KLocalizedString>

#ifdef GLC_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <QCoreApplication>
#include <QTimer>

#include <memory>

namespace Glc {
namespace {
#ifdef GLC_HAVE_QTKEYCHAIN
/// QtKeychain's error as a translated message; "no backend" (and backends that cannot even be
/// reached) become the actionable no-keychain message.
QString jobError(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainTokenStore::noKeychainMessage();
    case QKeychain::AccessDeniedByUser:
        return i18nc("@info",
            "Access to the keychain was refused. Allow GHE License Console to use the keychain, "
            "or set GH_TOKEN.");
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        // Without a reachable backend QtKeychain only says "Unknown error": name the real cause.
        if (!QKeychain::isAvailable()) {
            return KeychainTokenStore::noKeychainMessage();
        }
        break;
    }
    return i18nc("@info",
        "The keychain failed: %1. If no keychain runs on this system, set GH_TOKEN or install a "
        "Secret Service provider such as gnome-keyring or KWallet.",
        job->errorString());
}

template<typename JobType>
JobType *makeJob(const QString &connectionId)
{
    auto *job = new JobType(QString(KeychainTokenStore::ServiceName));
    job->setAutoDelete(true);
    // Explicit: QtKeychain may otherwise store the secret in a plaintext settings file.
    job->setInsecureFallback(false);
    job->setKey(connectionId);
    return job;
}
#endif
} // namespace

bool KeychainTokenStore::isAvailable()
{
#ifdef GLC_HAVE_QTKEYCHAIN
    return QKeychain::isAvailable();
#else
    return false;
#endif
}

QString KeychainTokenStore::noKeychainMessage()
{
    return i18nc("@info",
        "No keychain available: set GH_TOKEN or install a Secret Service provider such as gnome-keyring or KWallet.");
}

void KeychainTokenStore::readToken(const QString &connectionId, ReadCallback callback)
{
#ifdef GLC_HAVE_QTKEYCHAIN
    auto *job = makeJob<QKeychain::ReadPasswordJob>(connectionId);
    QObject::connect(job, &QKeychain::Job::finished, job, [callback = std::move(callback)](QKeychain::Job *done) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        const QString error = jobError(done);
        if (!error.isEmpty()) {
            qCDebug(GLC_CORE) << "keychain read failed:" << done->error() << done->errorString();
        }
        callback(error.isEmpty() ? read->textData() : QString(), error);
    });
    job->start();
#else
    Q_UNUSED(connectionId)
    // Asynchronous like the real store, so callers see the same order of events.
    QTimer::singleShot(0, QCoreApplication::instance(),
        [callback = std::move(callback)]() { callback(QString(), noKeychainMessage()); });
#endif
}

void KeychainTokenStore::writeToken(const QString &connectionId, const QString &token, WriteCallback callback)
{
#ifdef GLC_HAVE_QTKEYCHAIN
    auto *job = makeJob<QKeychain::WritePasswordJob>(connectionId);
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, job, [callback = std::move(callback)](QKeychain::Job *done) {
        const QString error = done->error() == QKeychain::EntryNotFound
            ? i18nc("@info", "The keychain failed: %1", done->errorString())
            : jobError(done);
        if (!error.isEmpty()) {
            qCDebug(GLC_CORE) << "keychain write failed:" << done->error() << done->errorString();
        }
        callback(error);
    });
    job->start();
#else
    Q_UNUSED(connectionId)
    Q_UNUSED(token)
    QTimer::singleShot(
        0, QCoreApplication::instance(), [callback = std::move(callback)]() { callback(noKeychainMessage()); });
#endif
}

void KeychainTokenStore::removeToken(const QString &connectionId, WriteCallback callback)
{
#ifdef GLC_HAVE_QTKEYCHAIN
    auto *job = makeJob<QKeychain::DeletePasswordJob>(connectionId);
    QObject::connect(job, &QKeychain::Job::finished, job, [callback = std::move(callback)](QKeychain::Job *done) {
        // Removing a token that is not there is success.
        callback(jobError(done));
    });
    job->start();
#else
    Q_UNUSED(connectionId)
    QTimer::singleShot(
        0, QCoreApplication::instance(), [callback = std::move(callback)]() { callback(noKeychainMessage()); });
#endif
}
} // namespace Glc
