// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "mainwindow.h"

#include "controllers/autorefresh.h"
#include "controllers/comparesnapshotscommand.h"
#include "controllers/connectiontestcommand.h"
#include "controllers/reportfilecommand.h"
#include "controllers/retentioncommand.h"
#include "controllers/savesummarycommand.h"
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/synchistorydialog.h"
#include "licensepage/usagefilesdialog.h"
#include "licensepage/widgetutil.h"
#include "urlopener.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"

#include <KLocalizedString>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(const LicenseController::Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QStackedWidget(this))
    , m_licensePage(new LicensePage(m_pages))
    , m_controller(new LicenseController(m_licensePage, options, this))
    , m_autoRefresh(new AutoRefresh(m_controller, this))
    , m_languageGroup(new QActionGroup(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(Glc::ApplicationInfo::displayName());
    m_askUploadDays = [](QWidget *parent, int current) -> std::optional<int> {
        bool ok = false;
        const int days = QInputDialog::getInt(parent, i18nc("@title:window", "Upload Interval"),
            i18nc("@label:spinbox two lines",
                "Servers without GitHub Connect do not sync: export their license usage\nand add it to the "
                "enterprise every (days):"),
            current, Glc::LicenseCadence::MinUploadDays, Glc::LicenseCadence::MaxUploadDays, 1, &ok);
        return ok ? std::optional<int>(days) : std::nullopt;
    };
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_licensePage);
    setCentralWidget(m_pages);
    setupMenus();
    // The window's Refresh action owns F5 here; the page's own shortcut (for the page used alone) would
    // make the key ambiguous.
    if (auto *pageShortcut = m_licensePage->findChild<QShortcut *>(QStringLiteral("refreshShortcut"))) {
        pageShortcut->setEnabled(false);
    }
    connect(m_controller, &LicenseController::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_autoRefresh, &AutoRefresh::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_autoRefresh, &AutoRefresh::scheduled, m_licensePage, &LicensePage::setNextRefresh);
    connect(m_controller, &LicenseController::syncRequested, this, &MainWindow::showSyncNow);
    connect(m_controller, &LicenseController::exportRequested, this, &MainWindow::showExportUsage);
    connect(m_controller, &LicenseController::addServerUsageRequested, this, &MainWindow::showAddServerUsage);
    statusBar()->showMessage(i18nc("@info:status", "Ready"));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray())) {
        // First start: roomy, but never larger than the screen (a laptop at 1366 x 768, 1024 x 600 at 125 %).
        WidgetUtil::resizeWithinScreen(this, QSize(1200, 800));
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::setupAutoRefreshMenu(QMenu *menu)
{
    auto *group = new QActionGroup(menu);
    QList<std::chrono::seconds> intervals = AutoRefresh::choices();
    // An interval set in the settings file by hand is offered as it is.
    if (!intervals.contains(m_autoRefresh->interval())) {
        intervals.append(m_autoRefresh->interval());
    }
    for (const std::chrono::seconds interval : std::as_const(intervals)) {
        QAction *action = menu->addAction(AutoRefresh::intervalText(interval));
        action->setObjectName(QStringLiteral("autoRefresh_%1").arg(interval.count()));
        action->setCheckable(true);
        action->setChecked(interval == m_autoRefresh->interval());
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, interval] { m_autoRefresh->setInterval(interval); });
    }
}

void MainWindow::start()
{
    m_controller->start();
}

void MainWindow::showSyncNow(const QString &host)
{
    // The views start their jobs with the controller's context: on the lab, that needs the lab running.
    m_controller->whenReady(this, [this, host] { openSyncNow(host); });
}

namespace {
/// The view still open (closed ones wait for their deletion), brought forward.
template<typename View>
View *openView(const QPointer<View> &view)
{
    if (!view || !view->isVisible()) {
        return nullptr;
    }
    view->raise();
    view->activateWindow();
    return view.data();
}
} // namespace

void MainWindow::openSyncNow(const QString &host)
{
    if (SyncNowView *open = openView(m_syncNowView)) {
        if (!open->isBusy()) {
            open->setServer(host); // what was asked for now, unless a sync runs
        }
        return;
    }
    auto *view = new SyncNowView(m_controller, this);
    m_syncNowView = view;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setServer(host);
    view->show();
}

void MainWindow::showExportUsage(const QString &host)
{
    m_controller->whenReady(this, [this, host] { openExportUsage(host); });
}

void MainWindow::openExportUsage(const QString &host)
{
    if (ExportUsageView *open = openView(m_exportView)) {
        if (!open->isBusy()) {
            open->setServer(host);
        }
        return;
    }
    auto *view = new ExportUsageView(m_controller, this);
    m_exportView = view;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setServer(host);
    connect(view, &ExportUsageView::addServerUsageRequested, this, &MainWindow::showAddServerUsageOf);
    view->show();
}

void MainWindow::showAddServerUsage()
{
    m_controller->whenReady(this, [this] { openAddServerUsage(); });
}

void MainWindow::showAddServerUsageOf(const QStringList &files)
{
    m_controller->whenReady(this, [this, files] { openAddServerUsage(files); });
}

void MainWindow::openAddServerUsage(const QStringList &files)
{
    if (AddServerUsageView *open = openView(m_addUsageView)) {
        if (!files.isEmpty()) {
            open->addFiles(files); // refused with the reason while an upload runs
        }
        return;
    }
    auto *view = new AddServerUsageView(m_controller, this);
    m_addUsageView = view;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    if (!files.isEmpty()) {
        view->addFiles(files);
    }
}

void MainWindow::showConnectionDialog()
{
    openConnectionDialog(m_controller->connection(), true);
}

void MainWindow::showNewConnectionDialog()
{
    Glc::Connection fresh;
    fresh.kind = Glc::Connection::Kind::Cloud;
    openConnectionDialog(fresh, false);
}

void MainWindow::openConnectionDialog(const Glc::Connection &connection, bool known)
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnection(connection);
    if (known) {
        // An empty token field then keeps the stored token: the field says so.
        m_controller->whenTokenStoredKnown(
            connection, dialog, [dialog](bool stored) { dialog->setHasStoredToken(stored); });
    }
    new ConnectionTestCommand(m_controller, dialog);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { m_controller->setConnection(dialog->connection(), dialog->token()); });
    dialog->show();
}

void MainWindow::confirmRemoveConnection()
{
    const Glc::Connection connection = m_controller->connection();
    if (LicenseController::usesBuiltInLab(connection)) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, i18nc("@title:window", "Remove Connection"),
        i18nc("@info %1 connection", "Remove the connection %1 with every snapshot and the sync history stored for it?",
            Glc::Connection::describe(connection)),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConnectionBox"));
    box->setInformativeText(i18nc("@info",
        "Its token is removed from the keychain too. The console then shows the built-in license lab; exported "
        "usage files stay where they are."));
    QPushButton *remove = box->addButton(i18nc("@action:button", "&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("removeButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, connection](QAbstractButton *button) {
        if (button == remove) {
            m_controller->removeConnection(connection);
        }
    });
    box->open();
}

void MainWindow::fillSwitchConnectionMenu(QMenu *menu)
{
    menu->clear();
    qDeleteAll(menu->findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly)); // the previous fill's
    auto *group = new QActionGroup(menu);
    group->setExclusive(true);
    const Glc::Connection &active = m_controller->connection();
    const auto add = [this, menu, group](
                         const Glc::Connection &connection, const QString &text, const QString &id, bool checked) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("switchTo_%1").arg(id));
        action->setCheckable(true);
        action->setChecked(checked);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, connection, checked] {
            if (!checked) {
                m_controller->switchConnection(connection);
            }
        });
    };
    add(Glc::Connection{}, i18nc("@action:inmenu", "License lab (built in)"), QStringLiteral("lab"),
        LicenseController::usesBuiltInLab(active));
    for (const Glc::Connection &connection : m_controller->storedConnections()) {
        add(connection, Glc::Connection::describe(connection), connection.id,
            !LicenseController::usesBuiltInLab(active) && connection.id == active.id);
    }
}

void MainWindow::setupMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(i18nc("@title:menu", "&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    QAction *connection = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("network-connect")), i18nc("@action:inmenu", "&Connection…"));
    connection->setObjectName(QStringLiteral("connectionAction"));
    connection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(connection, &QAction::triggered, this, &MainWindow::showConnectionDialog);
    QAction *newConnection =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("list-add")), i18nc("@action:inmenu", "&New Connection…"));
    newConnection->setObjectName(QStringLiteral("newConnectionAction"));
    newConnection->setShortcut(QKeySequence::New);
    connect(newConnection, &QAction::triggered, this, &MainWindow::showNewConnectionDialog);
    QMenu *switchMenu = fileMenu->addMenu(
        QIcon::fromTheme(QStringLiteral("network-workgroup")), i18nc("@title:menu", "S&witch Connection"));
    switchMenu->setObjectName(QStringLiteral("switchConnectionMenu"));
    connect(switchMenu, &QMenu::aboutToShow, this, [this, switchMenu] { fillSwitchConnectionMenu(switchMenu); });
    fillSwitchConnectionMenu(switchMenu);
    connect(m_controller, &LicenseController::connectionsListed, this,
        [this, switchMenu] { fillSwitchConnectionMenu(switchMenu); });
    QAction *removeConnection = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("edit-delete")), i18nc("@action:inmenu", "Remo&ve Connection…"));
    removeConnection->setObjectName(QStringLiteral("removeConnectionAction"));
    connect(removeConnection, &QAction::triggered, this, &MainWindow::confirmRemoveConnection);
    // Only a stored connection can go; the built-in lab is always there.
    connect(fileMenu, &QMenu::aboutToShow, this, [this, removeConnection] {
        removeConnection->setEnabled(!LicenseController::usesBuiltInLab(m_controller->connection()));
    });
    fileMenu->addSeparator();
    QAction *refresh =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:inmenu", "&Refresh"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_controller, &LicenseController::refresh);
    QMenu *autoRefreshMenu = fileMenu->addMenu(
        QIcon::fromTheme(QStringLiteral("chronometer")), i18nc("@title:menu", "Refresh A&utomatically"));
    autoRefreshMenu->setObjectName(QStringLiteral("autoRefreshMenu"));
    setupAutoRefreshMenu(autoRefreshMenu);
    QAction *report = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-save-as")), i18nc("@action:inmenu", "&Download Report…"));
    report->setObjectName(QStringLiteral("downloadReportAction"));
    report->setShortcut(QKeySequence::Save);
    connect(report, &QAction::triggered, m_controller, &LicenseController::downloadReport);
    QAction *summary = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-export")), i18nc("@action:inmenu", "Save &Summary…"));
    summary->setObjectName(QStringLiteral("saveSummaryAction"));
    summary->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    summary->setToolTip(i18nc("@info:tooltip",
        "The License page on one page, as PDF or as a web page, for people who do not open the console"));
    connect(summary, &QAction::triggered, m_controller->summaryCommand(), &SaveSummaryCommand::start);
    QAction *checkFile = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-open")), i18nc("@action:inmenu", "C&heck a License Report File…"));
    checkFile->setObjectName(QStringLiteral("checkReportFileAction"));
    checkFile->setShortcut(QKeySequence::Open);
    checkFile->setToolTip(i18nc("@info:tooltip",
        "Who is counted twice in a license report that came as a file (GitHub's CSV or JSON), without a connection"));
    connect(checkFile, &QAction::triggered, this, [this] { checkReportFile(); });
    QAction *retention = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("edit-clear-history")), i18nc("@action:inmenu", "Snapshot R&etention…"));
    retention->setObjectName(QStringLiteral("retentionAction"));
    connect(retention, &QAction::triggered, this, [this] {
        auto *command = new RetentionCommand(m_controller, this);
        connect(command, &RetentionCommand::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
        command->start();
    });
    fileMenu->addSeparator();
    QAction *quit =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), i18nc("@action:inmenu", "&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *actionsMenu = menuBar()->addMenu(i18nc("@title:menu", "&Actions"));
    actionsMenu->setObjectName(QStringLiteral("actionsMenu"));
    QAction *sync =
        actionsMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:inmenu", "&Sync Now…"));
    sync->setObjectName(QStringLiteral("syncNowAction"));
    sync->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    connect(sync, &QAction::triggered, this, [this] { showSyncNow(); });
    QAction *exportUsage = actionsMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-export")), i18nc("@action:inmenu", "&Export License Usage…"));
    exportUsage->setObjectName(QStringLiteral("exportUsageAction"));
    exportUsage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(exportUsage, &QAction::triggered, this, [this] { showExportUsage(); });
    QAction *addUsage = actionsMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-import")), i18nc("@action:inmenu", "&Add Server Usage…"));
    addUsage->setObjectName(QStringLiteral("addServerUsageAction"));
    addUsage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    connect(addUsage, &QAction::triggered, this, &MainWindow::showAddServerUsage);

    QMenu *viewMenu = menuBar()->addMenu(i18nc("@title:menu", "&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    QAction *compare = viewMenu->addAction(
        QIcon::fromTheme(QStringLiteral("view-history")), i18nc("@action:inmenu", "&Compare Snapshots…"));
    compare->setObjectName(QStringLiteral("compareSnapshotsAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(compare, &QAction::triggered, this, &MainWindow::compareSnapshots);
    connect(m_licensePage, &LicensePage::compareSnapshotsRequested, this, &MainWindow::compareSnapshots);
    QAction *organizations = viewMenu->addAction(
        QIcon::fromTheme(QStringLiteral("im-user")), i18nc("@action:inmenu", "Seats by &Organization…"));
    organizations->setObjectName(QStringLiteral("organizationsAction"));
    organizations->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(organizations, &QAction::triggered, this, &MainWindow::showOrganizations);
    connect(m_licensePage, &LicensePage::organizationsRequested, this, &MainWindow::showOrganizations);
    QAction *usageFiles = viewMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-open-recent")), i18nc("@action:inmenu", "&Usage Files…"));
    usageFiles->setObjectName(QStringLiteral("usageFilesAction"));
    usageFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(usageFiles, &QAction::triggered, this, [this] { showUsageFiles(); });
    connect(m_licensePage->serverInstancesCard(), &ServerInstancesCard::usageFilesRequested, this,
        &MainWindow::showUsageFiles);
    QAction *syncHistory = viewMenu->addAction(
        QIcon::fromTheme(QStringLiteral("view-history")), i18nc("@action:inmenu", "Sync &History…"));
    syncHistory->setObjectName(QStringLiteral("syncHistoryAction"));
    syncHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(syncHistory, &QAction::triggered, this, [this] { showSyncHistory(); });
    connect(m_licensePage->licenseSyncCard(), &LicenseSyncCard::historyRequested, this, [this] { showSyncHistory(); });
    connect(m_licensePage->serverInstancesCard(), &ServerInstancesCard::uploadDaysRequested, this, [this] {
        const std::optional<int> days = m_askUploadDays(this, m_licensePage->serverInstancesCard()->uploadDays());
        if (days) {
            m_controller->setUploadDays(*days);
        }
    });
    connect(m_licensePage->serverInstancesCard(), &ServerInstancesCard::syncHistoryRequested, this,
        &MainWindow::showSyncHistory);
    QMenu *languageMenu = viewMenu->addMenu(i18nc("@title:menu", "&Language"));
    languageMenu->setObjectName(QStringLiteral("languageMenu"));
    const QString configured = Glc::Localization::configuredLanguage();
    for (const QString &code : Glc::Localization::availableLanguages()) {
        QAction *action = languageMenu->addAction(Glc::Localization::languageName(code));
        action->setObjectName(QStringLiteral("language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == configured);
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QMenu *helpMenu = menuBar()->addMenu(i18nc("@title:menu", "&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = helpMenu->addAction(QIcon::fromTheme(QStringLiteral("help-about")),
        i18nc("@action:inmenu", "&About %1", Glc::ApplicationInfo::displayName()));
    about->setObjectName(QStringLiteral("aboutAction"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::checkReportFile(const QString &path)
{
    (new ReportFileCommand(m_controller, this))->start(path);
}

void MainWindow::compareSnapshots()
{
    (new CompareSnapshotsCommand(m_controller, this))->start();
}

void MainWindow::showOrganizations()
{
    // One dialog, kept up to date with the page's data while it is open.
    if (!m_organizations) {
        m_organizations = new OrganizationsDialog(this);
        m_organizations->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_controller, &LicenseController::dataLoaded, m_organizations, [this] {
            m_organizations->setBreakdown(m_controller->data().organizations, m_controller->data().hasSnapshot);
        });
        connect(m_organizations, &OrganizationsDialog::showSeatsRequested, this, [this](const QString &organization) {
            FilterState state = m_licensePage->filterBar()->state();
            state.organization = organization;
            m_licensePage->filterBar()->setState(state);
            m_organizations->close();
            activateWindow();
            if (QWidget *table = m_licensePage->tableWidget()) {
                table->setFocus(Qt::OtherFocusReason); // the organization's seats
            }
        });
    }
    m_organizations->setBreakdown(m_controller->data().organizations, m_controller->data().hasSnapshot);
    m_organizations->show();
    m_organizations->raise();
    m_organizations->activateWindow();
}

void MainWindow::showSyncHistory(const QString &host)
{
    // One dialog over the controller's model: it follows refreshes and Sync now while open.
    if (!m_syncHistory) {
        m_syncHistory = new SyncHistoryDialog(m_controller->syncHistoryModel(), this);
        m_syncHistory->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!host.isEmpty()) {
        m_syncHistory->setServer(host);
    }
    m_syncHistory->show();
    m_syncHistory->raise();
    m_syncHistory->activateWindow();
}

void MainWindow::showUsageFiles(const QString &host)
{
    // One dialog over the controller's model: it follows exports, uploads and their states while open.
    if (!m_usageFiles) {
        m_usageFiles = new UsageFilesDialog(m_controller->usageFilesModel(), this);
        m_usageFiles->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_usageFiles, &UsageFilesDialog::openFolderRequested, this,
            [](const QString &folder) { UrlOpener::open(QUrl::fromLocalFile(folder)); });
        connect(m_usageFiles, &UsageFilesDialog::addServerUsageRequested, this, &MainWindow::showAddServerUsageOf);
    }
    if (!host.isEmpty()) {
        m_usageFiles->setServer(host);
    }
    m_usageFiles->show();
    m_usageFiles->raise();
    m_usageFiles->activateWindow();
}

void MainWindow::chooseLanguage(const QString &code)
{
    Glc::Localization::setConfiguredLanguage(code);
    statusBar()->showMessage(i18nc("@info:status", "The language changes at the next start."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, i18nc("@title:window", "About %1", Glc::ApplicationInfo::displayName()),
        i18nc("@info about box, %1 product name, %2 version",
            "<h3>%1 %2</h3><p>Keeps GitHub Enterprise licenses in order: seats consumed across GitHub Enterprise "
            "Cloud and every GitHub Enterprise Server, license sync, usage files, who is counted twice and why.</p>"
            "<p>Built with Qt %3 and KDE Frameworks.</p>",
            Glc::ApplicationInfo::displayName(), QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}
