// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "workflowjob.h"

#include "github/githubclient.h"
#include "github/githubjob.h"
#include "github/requestscheduler.h"
#include "storage/licensestore.h"

#include <KLocalizedString>
#include <QUrlQuery>

namespace Glc {
WorkflowJob::WorkflowJob(const WorkflowContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
}

WorkflowJob::~WorkflowJob() = default;

void WorkflowJob::start()
{
    if (m_status != Status::NotStarted) {
        return;
    }
    m_status = Status::Running;
    // Cancelled while it waited for the worker thread (behind another job): it does not begin at all.
    if (cancelRequested()) {
        cancel();
        return;
    }
    run();
}

void WorkflowJob::cancel()
{
    if (isFinished()) {
        return;
    }
    requestCancel();
    abort();
    if (m_client) {
        m_client->scheduler()->cancel(this);
    }
    m_errorText = i18nc("@info:status", "Cancelled.");
    finishWith(Status::Cancelled);
}

bool WorkflowJob::cancelRequested() const
{
    if (m_cancelRequested.load(std::memory_order_relaxed)) {
        return true;
    }
    const auto *outer = qobject_cast<const WorkflowJob *>(parent());
    return outer && outer->cancelRequested();
}

GitHubClient *WorkflowJob::client()
{
    if (!m_client) {
        Connection connection = m_context.connection;
        if (m_context.labAsOf.isValid() && connection.kind == Connection::Kind::Lab) {
            connection.labUrl.setPath(
                QStringLiteral("/_lab/as-of/%1").arg(m_context.labAsOf.toUTC().toString(Qt::ISODate)));
        }
        m_client = new GitHubClient(connection, m_context.token, m_context.clientOptions, this);
    }
    return m_client;
}

void WorkflowJob::labRequest(const QString &path, const QByteArray &verb, const QByteArray &body,
    const std::function<void(int, const QByteArray &, const GitHubError &)> &callback,
    const QList<std::pair<QString, QString>> &query)
{
    QUrl url = m_context.connection.restBase();
    url.setPath(QStringLiteral("/_lab/") + path);
    QUrlQuery q;
    for (const auto &[key, value] : query) {
        q.addQueryItem(key, value);
    }
    url.setQuery(q);
    client()->scheduler()->submit(this, url, verb, body,
        [callback](const HttpResult &result) { callback(result.status, result.body, result.error); });
}

LicenseStore *WorkflowJob::store()
{
    if (!m_store) {
        auto store = std::make_unique<LicenseStore>();
        const QString location =
            m_context.storeLocation.isEmpty() ? LicenseStore::defaultLocation() : m_context.storeLocation;
        if (const StoreError error = store->open(location); error.isError()) {
            fail(error);
            return nullptr;
        }
        m_store = std::move(store);
    }
    return m_store.get();
}

void WorkflowJob::setStage(int stage, const QString &text, const QString &doneText)
{
    Q_EMIT stageChanged(stage, text, doneText);
}

void WorkflowJob::succeed()
{
    finishWith(Status::Succeeded);
}

void WorkflowJob::fail(const QString &errorText, const QString &nextStep)
{
    m_errorText = errorText;
    m_nextStep = nextStep;
    finishWith(Status::Failed);
}

void WorkflowJob::whenRead(GitHubJob *job, const std::function<void()> &then)
{
    m_reads.append(job);
    connect(job, &GitHubJob::finished, this, [this, job, then] {
        m_reads.removeOne(job);
        job->deleteLater();
        if (!isRunning()) {
            return;
        }
        if (job->error().kind != GitHubError::Kind::None) {
            fail(job->error());
            return;
        }
        then();
    });
}

void WorkflowJob::cancelReads()
{
    for (GitHubJob *job : std::as_const(m_reads)) {
        job->cancel();
    }
}

void WorkflowJob::fail(const GitHubError &error)
{
    if (error.kind == GitHubError::Kind::Cancelled) {
        cancel();
        return;
    }
    fail(error.message(), error.nextStep());
}

void WorkflowJob::fail(const StoreError &error)
{
    if (error.code == StoreError::Code::Cancelled) {
        cancel();
        return;
    }
    fail(error.message, error.nextStep());
}

void WorkflowJob::finishWith(Status status)
{
    if (isFinished()) {
        return;
    }
    m_status = status;
    Q_EMIT finished();
}
} // namespace Glc
