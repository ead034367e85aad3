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

/// Runs the built-in license lab in a thread of its own, so serving it never blocks the interface.
class LabHost : public QObject
{
    Q_OBJECT
public:
    explicit LabHost(QObject *parent = nullptr);
    ~LabHost() override;

    /// Generates the enterprise and starts listening; blocks until the lab answers or failed.
    bool start(const LabConfig &config, QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_lab != nullptr; }

    QUrl url() const { return m_url; }
    QString token() const { return m_token; }
    bool githubLike() const { return m_githubLike; }
    /// A Lab connection pointing at the running lab.
    Connection connection() const { return m_connection; }

    /// Runs `function` with the lab in the lab's thread and waits for it (tests play the admin's browser this way).
    void runInLab(const std::function<void(LicenseLab *)> &function);

private:
    QThread *m_thread = nullptr;
    LicenseLab *m_lab = nullptr;
    QUrl m_url;
    QString m_token;
    bool m_githubLike = false;
    Connection m_connection;
};
} // namespace Glc
