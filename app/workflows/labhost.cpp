// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labhost.h"

#include "glc_debug.h"
#include "lab/licenselab.h"

#include <QElapsedTimer>
#include <QThread>

namespace Glc {
LabHost::LabHost(QObject *parent)
    : QObject(parent)
{
}

LabHost::~LabHost()
{
    stop();
}

void LabHost::launchThread()
{
    stop();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("license-lab"));
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread->start();
}

LabHost::Outcome LabHost::createLab(const LabConfig &config, quint64 startId)
{
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    m_lab = new LicenseLab(config);
    // Queued into this object's thread: the interface reads the lab clock without calling into the lab.
    // A move announced just before a stop() arrives after it: it belongs to a lab that is gone.
    connect(m_lab, &LicenseLab::clockAdvanced, this, [this, startId](qint64 offsetSeconds) {
        if (startId == m_startId && m_state == State::Running) {
            m_clockOffsetSeconds = offsetSeconds;
        }
    });
    outcome.ok = m_lab->start(&outcome.error);
    if (outcome.ok) {
        outcome.url = m_lab->url();
        outcome.token = m_lab->token();
        outcome.connection = m_lab->connection();
    } else {
        delete m_lab;
        m_lab = nullptr;
    }
    qCDebug(GLC_CORE) << "license lab with" << config.users << "users ready in" << timer.elapsed() << "ms";
    return outcome;
}

void LabHost::finishStart(const Outcome &outcome)
{
    if (outcome.ok) {
        m_url = outcome.url;
        m_token = outcome.token;
        m_connection = outcome.connection;
        m_error.clear();
        m_state = State::Running;
    } else {
        m_error = outcome.error;
        m_state = State::Failed;
    }
}

void LabHost::startAsync(const LabConfig &config)
{
    launchThread();
    m_state = State::Starting;
    m_githubLike = config.githubLike;
    const quint64 id = ++m_startId;
    // The lab is created, generated and bound inside its own thread; the outcome comes back queued.
    // `this` outlives the generation: stop() (also from the destructor) waits for it, and deleting
    // this object drops the outcome's event if it was not delivered yet.
    QMetaObject::invokeMethod(
        m_anchor,
        [this, config, id] {
            const Outcome outcome = createLab(config, id);
            QMetaObject::invokeMethod(
                this,
                [this, outcome, id] {
                    if (id != m_startId || m_state != State::Starting) {
                        return; // stopped or restarted meanwhile
                    }
                    finishStart(outcome);
                    if (outcome.ok) {
                        Q_EMIT started();
                    } else {
                        stop();
                        m_state = State::Failed;
                        Q_EMIT failed(m_error);
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

bool LabHost::start(const LabConfig &config, QString *error)
{
    launchThread();
    m_state = State::Starting;
    m_githubLike = config.githubLike;
    const quint64 id = ++m_startId;
    Outcome outcome;
    QMetaObject::invokeMethod(
        m_anchor, [this, config, id, &outcome] { outcome = createLab(config, id); }, Qt::BlockingQueuedConnection);
    finishStart(outcome);
    if (!outcome.ok) {
        if (error) {
            *error = outcome.error;
        }
        stop();
        m_state = State::Failed;
        return false;
    }
    return true;
}

void LabHost::stop()
{
    ++m_startId;
    if (m_state != State::Failed) {
        m_state = State::Stopped;
    }
    if (!m_thread) {
        return;
    }
    // Queued behind a start still generating: the lab is deleted in its thread once it exists.
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            delete m_lab;
            m_lab = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_anchor = nullptr;
    m_clockOffsetSeconds = 0; // a new lab starts on this machine's clock
    m_url.clear();
    m_token.clear();
    m_connection = Connection{};
}

void LabHost::runInLab(const std::function<void(LicenseLab *)> &function)
{
    if (!m_thread) {
        return;
    }
    QMetaObject::invokeMethod(
        m_anchor,
        [this, &function] {
            if (m_lab) {
                function(m_lab);
            }
        },
        Qt::BlockingQueuedConnection);
}
} // namespace Glc
