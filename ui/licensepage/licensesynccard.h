// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QGroupBox>

#include <functional>
#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;

/// One Enterprise Server as the License sync card shows it: GitHub's sync status plus what the
/// console knows from elsewhere (installed version, connected state).
struct ServerRow
{
    Glc::LicenseSyncStatus sync;
    QString version; ///< empty when unknown
    std::optional<bool> connected; ///< nullopt when unknown

    bool operator==(const ServerRow &) const = default;
};

/// "License sync": one row per server with its last sync, status, error, a stale warning after
/// seven days and a Sync now button; plus Sync all.
class LicenseSyncCard : public QGroupBox
{
    Q_OBJECT
public:
    explicit LicenseSyncCard(QWidget *parent = nullptr);

    void setServers(const QList<ServerRow> &servers);
    /// Convenience: rows from GitHub's sync status only (version and connected unknown).
    void setSyncStatus(const QList<Glc::LicenseSyncStatus> &statuses);
    /// The clock the stale warning and relative times use; tests inject a fixed one.
    void setClock(const std::function<QDateTime()> &clock);
    /// The clock moved on (the page's minute tick): last-sync ages follow it, and a server that turned
    /// stale gets its warning. The rows are rebuilt only when a warning comes or goes, and the focus
    /// stays on the Sync now button it was on.
    void refreshTimes();
    /// Disables every Sync now button while a sync runs or when the connection cannot sync.
    void setSyncEnabled(bool enabled, const QString &reason = {});

    QList<ServerRow> servers() const { return m_servers; }
    /// Servers whose last sync is older than seven days or that never synced.
    int staleCount() const;
    QPushButton *syncNowButton(const QString &serverId) const;
    QPushButton *syncAllButton() const { return m_syncAllButton; }
    QPushButton *historyButton() const { return m_historyButton; }

Q_SIGNALS:
    void syncNowRequested(const QString &serverId);
    void syncAllRequested();
    /// Sync History…: every sync of the servers on record.
    void historyRequested();

private:
    void rebuild();

    QLabel *const m_summaryLabel;
    QPushButton *const m_syncAllButton;
    QPushButton *const m_historyButton;
    QLabel *const m_emptyLabel;
    QWidget *const m_rows;
    QGridLayout *const m_rowsLayout;

    QList<ServerRow> m_servers;
    /// Which servers were stale when the rows were last built, in the order of m_servers.
    QList<bool> m_builtStale;
    std::function<QDateTime()> m_clock;
    bool m_syncEnabled = true;
    QString m_disabledReason;
};
