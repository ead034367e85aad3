// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labhost.h"

#include "lab/licenselab.h"

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

bool LabHost::start(const LabConfig &config, QString *error)
{
    stop();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("license-lab"));
    auto *context = new QObject; // lives in the lab thread, anchors the calls below
    context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, context, &QObject::deleteLater);
    m_thread->start();
    bool ok = false;
    QString why;
    // The lab is created, generated and bound inside its own thread.
    QMetaObject::invokeMethod(
        context,
        [this, config, &ok, &why] {
            m_lab = new LicenseLab(config);
            ok = m_lab->start(&why);
            if (ok) {
                m_url = m_lab->url();
                m_token = m_lab->token();
                m_connection = m_lab->connection();
            }
        },
        Qt::BlockingQueuedConnection);
    m_githubLike = config.githubLike;
    if (!ok) {
        if (error) {
            *error = why;
        }
        stop();
        return false;
    }
    return true;
}

void LabHost::stop()
{
    if (!m_thread) {
        return;
    }
    if (m_lab) {
        LicenseLab *lab = m_lab;
        QMetaObject::invokeMethod(lab, [lab] { delete lab; }, Qt::BlockingQueuedConnection);
        m_lab = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void LabHost::runInLab(const std::function<void(LicenseLab *)> &function)
{
    if (!m_lab) {
        return;
    }
    LicenseLab *lab = m_lab;
    QMetaObject::invokeMethod(lab, [lab, function] { function(lab); }, Qt::BlockingQueuedConnection);
}
} // namespace Glc
