// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"
#include "licensing/connection.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QThread;

namespace Glc {
class LicenseLab;

/// Runs the built-in license lab in a thread of its own, so neither generating its enterprise nor
/// serving it blocks the interface.
class LabHost : public QObject
{
    Q_OBJECT
public:
    enum class State : qint8 {
        Stopped,
        Starting, ///< generating the enterprise and binding, in the lab's thread
        Running,
        Failed, ///< see errorText()
    };
    Q_ENUM(State)

    explicit LabHost(QObject *parent = nullptr);
    ~LabHost() override;

    /// Generates the enterprise and starts listening in the lab's thread, and returns at once;
    /// started() or failed() follows (queued, in this object's thread).
    void startAsync(const LabConfig &config);
    /// Generates the enterprise and starts listening; blocks until the lab answers or failed.
    bool start(const LabConfig &config, QString *error = nullptr);
    void stop();
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    bool isStarting() const { return m_state == State::Starting; }
    /// Translated reason of the last failed start.
    QString errorText() const { return m_error; }

    /// Valid once running.
    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    bool githubLike() const { return m_githubLike; }
    /// A Lab connection pointing at the running lab.
    Connection connection() const { return m_connection; }
    /// How far the lab clock is ahead of this machine's (LicenseLab::clockOffset()), as the lab last
    /// told it (LicenseLab::clockAdvanced(), queued): reading it never waits for the lab's thread.
    qint64 clockOffsetSeconds() const { return m_clockOffsetSeconds; }

    /// Runs `function` with the lab in the lab's thread and waits for it (for tests and tools, never
    /// the interface: it blocks until the lab's thread is free). While the lab is starting, this waits
    /// for the start; without a lab it does nothing.
    void runInLab(const std::function<void(LicenseLab *)> &function);

Q_SIGNALS:
    void started();
    void failed(const QString &error);

private:
    struct Outcome
    {
        bool ok = false;
        QString error;
        QUrl url;
        QString token;
        Connection connection;
    };
    /// Runs in the lab's thread.
    Outcome createLab(const LabConfig &config, quint64 startId);
    void launchThread();
    void finishStart(const Outcome &outcome);

    QThread *m_thread = nullptr;
    QObject *m_anchor = nullptr; ///< lives in the lab thread; the calls into it run there
    LicenseLab *m_lab = nullptr; ///< touched only in the lab thread
    State m_state = State::Stopped;
    QString m_error;
    QUrl m_url;
    QString m_token;
    bool m_githubLike = false;
    qint64 m_clockOffsetSeconds = 0;
    Connection m_connection;
    quint64 m_startId = 0; ///< a stop() or a new start makes an older start's outcome stale
};
} // namespace Glc
