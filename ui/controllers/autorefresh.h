// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>

class LicenseController;
class QTimer;

/// File > Refresh Automatically: while the console is open, refreshes the active connection once its newest
/// snapshot is older than the chosen interval (also right after a start on older data). A failed attempt is
/// tried again an interval later, not at once. The interval is kept in the settings (`Refresh/automaticSeconds`;
/// 0, the default, is off). Judged by the wall clock, so a laptop that slept past the time refreshes on waking.
class AutoRefresh : public QObject
{
    Q_OBJECT
public:
    /// The choices the menu offers, off first.
    static const QList<std::chrono::seconds> &choices();

    explicit AutoRefresh(LicenseController *controller, QObject *parent = nullptr);

    std::chrono::seconds interval() const { return m_interval; }
    /// Sets the interval (0: off), keeps it in the settings and schedules the next refresh.
    void setInterval(std::chrono::seconds interval);
    /// When the next automatic refresh is due; invalid when off or nothing is known to be due.
    QDateTime nextRefresh() const { return m_due; }
    /// The clock the snapshot's age is judged by (tests).
    void setClock(const std::function<QDateTime()> &clock);
    /// A menu entry's words for @p interval.
    static QString intervalText(std::chrono::seconds interval);

Q_SIGNALS:
    /// nextRefresh() changed.
    void scheduled(const QDateTime &next);
    void statusMessage(const QString &text);

private:
    void schedule();
    void fire();
    /// The active connection, as the attempts are kept: each connection's own.
    QString connectionKey() const;

    LicenseController *const m_controller;
    QTimer *const m_timer;
    std::chrono::seconds m_interval{0};
    QHash<QString, QDateTime> m_lastAttempts; ///< by connectionKey()
    QDateTime m_due;
    std::function<QDateTime()> m_clock;
};
