// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"
#include "storage/storerecords.h"

#include <QGroupBox>

#include <functional>

class QLabel;
class QMenu;
class QModelIndex;
class QTreeView;

namespace Glc {
class ServerInstancesModel;
}
class ServerInstancesView;

/// "Enterprise Server instances": each server of the enterprise with its version, GitHub Connect, last
/// usage upload and that upload's state, and its license seats - Glc::ServerInstancesModel, which merges
/// what GitHub lists (installations, license sync, the servers' own licenses) with the uploads the
/// console made itself. The last upload reads with its age by the card's clock, the states in colour. A row's
/// context menu (right click, the Menu key or Shift+F10) copies it and starts the actions for that server.
class ServerInstancesCard : public QGroupBox
{
    Q_OBJECT
public:
    explicit ServerInstancesCard(QWidget *parent = nullptr);

    /// The servers of @p snapshot, with the uploads among @p usageFiles.
    void setSnapshot(const Glc::LicenseSnapshot &snapshot, const QList<Glc::UsageFileRecord> &usageFiles = {});
    /// Only GitHub's installations (no sync status, licenses or uploads of the console).
    void setInstances(const QList<Glc::EnterpriseServerInstallation> &instances);
    /// The clock the uploads' ages are read by (set it before setSnapshot(): the model's own dates use
    /// the clock of that moment).
    void setClock(const std::function<QDateTime()> &clock);
    /// How often servers without GitHub Connect are to have their usage added (the page data's).
    void setUploadDays(int days);
    int uploadDays() const;
    /// The clock moved on (the page's minute tick): the uploads' ages and overdue marks follow it.
    void refreshTimes();
    QTreeView *view() const { return m_view; }
    Glc::ServerInstancesModel *model() const { return m_model; }

Q_SIGNALS:
    /// Sync now for @p host (a server with GitHub Connect that license-sync-status lists).
    void syncNowRequested(const QString &host);
    /// Export license usage of @p host.
    void exportRequested(const QString &host);
    void addServerUsageRequested();
    /// The license syncs of @p host on record.
    void syncHistoryRequested(const QString &host);
    /// Upload Interval… (a server without GitHub Connect): how often such servers' usage is to be added.
    void uploadDaysRequested();
    /// Usage Files…: the files exported from and uploaded for the server.
    void usageFilesRequested(const QString &host);

private:
    void updateEmpty();
    void addServerActions(QMenu *menu, const QModelIndex &index);

    QLabel *const m_emptyLabel;
    Glc::ServerInstancesModel *const m_model;
    QTreeView *const m_view;
    ServerInstancesView *const m_proxy;
    std::function<QDateTime()> m_clock;
};
