// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "controllers/licensecontroller.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class AddServerUsageView;
class AutoRefresh;
class ExportUsageView;
class LicensePage;
class OrganizationsDialog;
class SyncHistoryDialog;
class SyncNowView;
class UsageFilesDialog;
class QActionGroup;
class QMenu;
class QStackedWidget;

/// The console's shell: menus, status bar and the page stack. Work happens in jobs (app/workflows)
/// driven by controllers; the window only wires them to actions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const LicenseController::Options &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    LicensePage *licensePage() const { return m_licensePage; }
    LicenseController *controller() const { return m_controller; }
    /// File > Refresh Automatically.
    AutoRefresh *autoRefresh() const { return m_autoRefresh; }
    /// Starts the built-in lab and shows the stored data (refreshing at once on first start).
    void start();
    /// Asks for the upload interval of servers without GitHub Connect, given the current one; nullopt:
    /// cancelled. Tests replace the input dialog.
    using UploadDaysQuestion = std::function<std::optional<int>(QWidget *parent, int current)>;
    void setUploadDaysQuestion(const UploadDaysQuestion &question) { m_askUploadDays = question; }

public Q_SLOTS:
    /// The action views; on the lab, they open once the lab runs.
    void showSyncNow(const QString &host = {});
    /// Export license usage, of @p host when given (else the view's first server).
    void showExportUsage(const QString &host = {});
    void showAddServerUsage();
    /// Add server usage with @p files checked at once (an export's file, the Usage Files' exported files).
    void showAddServerUsageOf(const QStringList &files);
    /// The active connection's settings (File > Connection…).
    void showConnectionDialog();
    /// A connection of its own (File > New Connection…): new history, the current one stays stored.
    void showNewConnectionDialog();
    /// File > Remove Connection…: asks, then removes the active stored connection.
    void confirmRemoveConnection();
    /// File > Check a License Report File…: judges @p path, or a file the admin chooses when empty.
    void checkReportFile(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupMenus();
    void setupAutoRefreshMenu(QMenu *menu);
    void openSyncNow(const QString &host);
    void openExportUsage(const QString &host);
    /// Add server usage, with @p files checked at once when given.
    void openAddServerUsage(const QStringList &files = {});
    void showAbout();
    void chooseLanguage(const QString &code);
    void compareSnapshots();
    void showOrganizations();
    /// View > Usage Files, or from an instance's row: the files of @p host.
    void showUsageFiles(const QString &host = {});
    /// View > Sync History, of @p host when given.
    void showSyncHistory(const QString &host = {});
    void openConnectionDialog(const Glc::Connection &connection, bool known);
    /// File > Switch Connection: the built-in lab and every stored connection, the active one checked.
    void fillSwitchConnectionMenu(QMenu *menu);

    QStackedWidget *const m_pages;
    LicensePage *const m_licensePage;
    LicenseController *const m_controller;
    AutoRefresh *const m_autoRefresh;
    QActionGroup *const m_languageGroup;
    // One view of each action: asked for again, the open one comes forward (a second Sync now of the same
    // server from another window would run beside the first).
    QPointer<SyncNowView> m_syncNowView;
    QPointer<ExportUsageView> m_exportView;
    QPointer<AddServerUsageView> m_addUsageView;
    QPointer<OrganizationsDialog> m_organizations;
    QPointer<UsageFilesDialog> m_usageFiles;
    QPointer<SyncHistoryDialog> m_syncHistory;
    UploadDaysQuestion m_askUploadDays;
};
