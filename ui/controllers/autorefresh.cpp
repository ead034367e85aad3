// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "autorefresh.h"

#include "licensecontroller.h"

#include <KLocalizedString>
#include <QSettings>
#include <QTimer>

#include <algorithm>

using namespace std::chrono_literals;

namespace {
const QString settingsKey = QStringLiteral("Refresh/automaticSeconds");
/// The timer wakes at least this often and compares the wall clock with the due time: a timer of hours does
/// not count the time a laptop sleeps.
constexpr qint64 maxWaitMs = 60 * 1000;
/// The longest interval taken (a settings file edited by hand may hold anything).
constexpr std::chrono::seconds maxInterval = std::chrono::days(365);

std::chrono::seconds bounded(std::chrono::seconds interval)
{
    return std::clamp(interval, std::chrono::seconds(0), maxInterval);
}
} // namespace

const QList<std::chrono::seconds> &AutoRefresh::choices()
{
    static const QList<std::chrono::seconds> intervals{0s, 1h, 6h, 24h};
    return intervals;
}

AutoRefresh::AutoRefresh(LicenseController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_timer(new QTimer(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer->setObjectName(QStringLiteral("autoRefreshTimer"));
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &AutoRefresh::fire);
    // A new snapshot (or another connection's data) moves the due time; so does a failed attempt.
    connect(m_controller, &LicenseController::dataLoaded, this, &AutoRefresh::schedule);
    connect(m_controller, &LicenseController::refreshFinished, this, &AutoRefresh::schedule);
    m_interval = bounded(std::chrono::seconds(QSettings().value(settingsKey, 0).toLongLong()));
}

void AutoRefresh::setInterval(std::chrono::seconds interval)
{
    m_interval = bounded(interval);
    QSettings().setValue(settingsKey, qint64(m_interval.count()));
    schedule();
}

void AutoRefresh::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    schedule();
}

QString AutoRefresh::intervalText(std::chrono::seconds interval)
{
    if (interval <= 0s) {
        return i18nc("@item:inmenu automatic refresh", "&Never");
    }
    if (interval % 24h == 0s) {
        const auto days = int(interval / 24h);
        return days == 1 ? i18nc("@item:inmenu automatic refresh", "Every &Day")
                         : i18ncp("@item:inmenu automatic refresh", "Every &%1 Day", "Every &%1 Days", days);
    }
    if (interval % 1h == 0s) {
        const auto hours = int(interval / 1h);
        return hours == 1 ? i18nc("@item:inmenu automatic refresh", "Every &Hour")
                          : i18ncp("@item:inmenu automatic refresh", "Every &%1 Hour", "Every &%1 Hours", hours);
    }
    if (interval % 1min == 0s) {
        return i18ncp("@item:inmenu automatic refresh", "Every %1 Minute", "Every %1 Minutes", int(interval / 1min));
    }
    return i18ncp("@item:inmenu automatic refresh", "Every %1 Second", "Every %1 Seconds", int(interval.count()));
}

void AutoRefresh::schedule()
{
    QDateTime due;
    if (m_interval > 0s) {
        // From the newest snapshot, or from the connection's last attempt when that came later (it failed, or
        // is running).
        QDateTime from = m_controller->data().hasSnapshot ? m_controller->data().snapshot.takenAt : QDateTime();
        const QDateTime lastAttempt = m_lastAttempts.value(connectionKey());
        if (lastAttempt.isValid() && (!from.isValid() || lastAttempt > from)) {
            from = lastAttempt;
        }
        if (from.isValid()) {
            due = from.addSecs(m_interval.count());
        }
    }
    if (due != m_due) {
        m_due = due;
        Q_EMIT scheduled(m_due);
    }
    if (!m_due.isValid()) {
        m_timer->stop();
        return;
    }
    m_timer->start(int(std::clamp<qint64>(m_clock().msecsTo(m_due), 0, maxWaitMs)));
}

QString AutoRefresh::connectionKey() const
{
    return LicenseController::usesBuiltInLab(m_controller->connection()) ? QString() : m_controller->connection().id;
}

void AutoRefresh::fire()
{
    if (!m_due.isValid()) {
        return;
    }
    if (m_clock() < m_due) {
        schedule(); // woke early to look at the clock
        return;
    }
    // A refresh already on its way (one the admin started, say) counts as this one's attempt.
    m_lastAttempts.insert(connectionKey(), m_clock());
    if (!m_controller->isRefreshing()) {
        Q_EMIT statusMessage(i18nc("@info:status", "Refreshing automatically (File > Refresh Automatically)…"));
        m_controller->refresh();
    }
    schedule();
}
