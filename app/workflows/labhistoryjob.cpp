// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labhistoryjob.h"

#include "core/dateformat.h"
#include "glc_debug.h"
#include "storage/licensestore.h"
#include "workflows/refreshjob.h"

#include <KLocalizedString>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Glc {
QString LabHistoryJob::pastTakenKey(const QString &connectionId)
{
    return QStringLiteral("lab-past-taken/") + connectionId;
}

LabHistoryJob::LabHistoryJob(const WorkflowContext &context, int weeks, QObject *parent)
    : WorkflowJob(context, parent)
    , m_weeks(std::max(0, weeks))
{
}

void LabHistoryJob::run()
{
    if (!store()) {
        return; // opened first: a cancel removes what was written through it
    }
    if (m_weeks == 0) {
        succeed();
        return;
    }
    // The weeks count back from the lab's now, not this machine's: its clock may have been moved on.
    labRequest(
        QStringLiteral("clock"), "GET", {}, [this](int status, const QByteArray &body, const GitHubError &error) {
            if (!isRunning()) {
                return;
            }
            if (error.kind != GitHubError::Kind::None) {
                fail(error);
                return;
            }
            const QJsonObject clock = QJsonDocument::fromJson(body).object();
            m_labNow = QDateTime::fromString(clock.value(QLatin1String("now")).toString(), Qt::ISODate);
            if (status != 200 || !m_labNow.isValid()) {
                fail(i18nc("@info", "The license lab did not tell its clock (HTTP %1).", status));
                return;
            }
            // The present snapshot's date is this machine's; by the lab clock it was that plus the
            // clock's offset. The lab is asked for whole seconds, so the dates stored are whole too.
            m_anchor = m_labNow;
            if (m_present.isValid()) {
                const qint64 offset = qint64(clock.value(QLatin1String("offset_seconds")).toDouble());
                QDateTime present = m_present.toUTC().addSecs(offset);
                present.setTime(QTime(present.time().hour(), present.time().minute(), present.time().second()));
                m_anchor = std::min(present, m_labNow);
            }
            startSteps();
        });
}

void LabHistoryJob::startSteps()
{
    while (m_started < m_weeks && m_started - m_written.size() < Concurrency) {
        const int week = m_started++;
        WorkflowContext context = this->context();
        context.labAsOf = m_anchor.addDays(-7LL * (m_weeks - week)).toUTC();
        auto *step = new RefreshJob(context, this);
        step->setSaveWhenAsked(true);
        m_steps.append(step);
        connect(step, &RefreshJob::fetched, this, &LabHistoryJob::saveInOrder);
        connect(step, &WorkflowJob::finished, this, [this, step] { stepFinished(step); });
        step->start();
    }
}

void LabHistoryJob::saveInOrder()
{
    const qsizetype next = m_written.size();
    if (!isRunning() || next >= m_steps.size() || !m_steps.at(next) || next == m_askedToSave) {
        return;
    }
    m_askedToSave = next;
    RefreshJob *step = m_steps.at(next);
    const QDateTime when = step->context().labAsOf;
    setStage(int(next),
        i18nc("@info:status %1 a date", "Taking the license lab's snapshot of %1…",
            DateFormat::toString(when.toLocalTime().date())));
    step->saveNow(); // writes it once fetched (at once when it is), then stepFinished()
}

void LabHistoryJob::stepFinished(RefreshJob *step)
{
    const qsizetype index = m_steps.indexOf(step);
    step->deleteLater();
    if (index >= 0) {
        m_steps[index] = nullptr;
    }
    if (m_cancelRequested || !isRunning()) {
        return;
    }
    if (cancelRequested()) {
        cancel(); // JobRunner::cancel() stopped the step's write; its own cancel() is on its way
        return;
    }
    if (step->status() != Status::Succeeded) {
        abortSteps();
        removeWritten();
        fail(step->errorText(), step->nextStep());
        return;
    }
    m_written.append(step->snapshot().id);
    m_takenAt.append(step->context().labAsOf);
    if (m_written.size() == m_weeks) {
        qCDebug(GLC_CORE) << "lab history:" << m_written.size() << "weekly snapshots written";
        // Taken once: a later start with a single snapshot (retention, say) does not take it again.
        if (const StoreError error =
                store()->setSetting(pastTakenKey(context().connection.id), m_labNow.toString(Qt::ISODate));
            error.isError()) {
            qCWarning(GLC_CORE) << "lab history: could not remember it was taken:" << error.message;
        }
        succeed();
        return;
    }
    startSteps();
    saveInOrder();
}

void LabHistoryJob::abortSteps()
{
    m_cancelRequested = true;
    for (const QPointer<RefreshJob> &step : std::as_const(m_steps)) {
        if (step && !step->isFinished()) {
            step->cancel(); // writes nothing when it is cancelled
        }
    }
}

void LabHistoryJob::abort()
{
    abortSteps();
    removeWritten();
}

void LabHistoryJob::removeWritten()
{
    LicenseStore *db = m_written.isEmpty() ? nullptr : store();
    for (const qint64 id : std::as_const(m_written)) {
        if (const StoreError error = db ? db->removeSnapshot(id) : StoreError{}; error.isError()) {
            qCWarning(GLC_CORE) << "lab history: snapshot" << id << "could not be removed:" << error.message;
        }
    }
    m_written.clear();
    m_takenAt.clear();
}
} // namespace Glc
