// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The console end to end: the real main window, License page and action views, driven through their
// widgets against the in-process lab, with a store of its own per test.

#include "controllers/autorefresh.h"
#include "controllers/connectiontestcommand.h"
#include "controllers/downloadreportcommand.h"
#include "controllers/licensecontroller.h"
#include "controllers/reportfilecommand.h"
#include "controllers/savefixlistcommand.h"
#include "controllers/savesummarycommand.h"
#include "core/dateformat.h"
#include "ghesstandin.h"
#include "github/tokenstore.h"
#include "lab/licenselab.h"
#include "labbrowser.h"
#include "licensepage/attentioncard.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/itemviewcopy.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/reportfiledialog.h"
#include "licensepage/serverfiltercombo.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/synchistorydialog.h"
#include "licensepage/usagefiledropzone.h"
#include "licensepage/usagefilesdialog.h"
#include "licensepage/userlicensescard.h"
#include "licensepage/widgetutil.h"
#include "licensing/fixlistwriter.h"
#include "licensing/licensereportwriter.h"
#include "licensing/seatforecast.h"
#include "licensing/usagefile.h"
#include "mainwindow.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"
#include "models/serverinstancesmodel.h"
#include "models/synchistorymodel.h"
#include "models/usagefilesmodel.h"
#include "sshserverharness.h"
#include "storage/licensestore.h"
#include "storedhistory.h"
#include "testkeychain.h"
#include "textencodings.h"
#include "urlopener.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"
#include "waitingjob.h"
#include "workflows/jobrunner.h"
#include "workflows/labhost.h"
#include "workflows/workflowjob.h"

#include <KLocalizedString>
#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace Glc;

namespace {
LabConfig smallLab()
{
    LabConfig config;
    config.users = 200;
    config.servers = 3;
    config.syncDurationMs = 100;
    return config;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// A usage export as a GitHub Enterprise Server at 127.0.0.1 writes it.
QByteArray serverUsage()
{
    UsageFileInfo info;
    info.serverId = QStringLiteral("5c1f0e4a-0000-4000-8000-000000000315");
    info.hostName = QStringLiteral("127.0.0.1");
    info.version = QStringLiteral("3.15.0");
    info.licenseHash = QStringLiteral("abc");
    return UsageFile::write(info, "aGVsbG8gd29ybGQ=");
}

/// A GitHub Enterprise Server connection to 127.0.0.1 (nothing answers its REST API on port 443).
Connection serverConnection(const QString &id)
{
    Connection server;
    server.id = id;
    server.name = QStringLiteral("GHES %1").arg(id);
    server.kind = Connection::Kind::Server;
    server.serverHost = QStringLiteral("127.0.0.1");
    return server;
}

/// What the drag from a file manager delivers: enter, then drop, with the files as URLs.
void dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls.append(QUrl::fromLocalFile(path));
    }
    mime.setUrls(urls);
    const QPoint center = target->rect().center();
    QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}
} // namespace

class ConsoleTest : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Test::TestKeychain> m_keychain;

    LicenseController *controller() const { return m_window->controller(); }
    LicensePage *page() const { return m_window->licensePage(); }
    LabHost *lab() const { return controller()->labHost(); }

    /// Opens the console on an empty store and waits until its first refresh is shown.
    /// A fresh store and a small lab: the options the tests start from.
    LicenseController::Options freshOptions()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        LicenseController::Options options;
        options.storeLocation = m_dir->filePath(QStringLiteral("store.sqlite"));
        options.labConfig = smallLab();
        // The tests start from one snapshot; shouldOpenOnTheLabsHistory takes a first start's history.
        options.historyWeeks = 0;
        return options;
    }

    bool showWindow(const LicenseController::Options &options)
    {
        m_window = std::make_unique<MainWindow>(options);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    /// Closes the console and starts a new one with the same options (store), as at the next start;
    /// true once it showed its stored data.
    bool reopenConsole(const LicenseController::Options &options)
    {
        m_window.reset();
        if (!showWindow(options)) {
            return false;
        }
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        m_window->start();
        return loaded.wait(30000);
    }

    bool openConsole(const LabConfig &config = smallLab(), int timeoutMs = 60000)
    {
        LicenseController::Options options = freshOptions();
        options.labConfig = config;
        return openConsoleWith(options, timeoutMs);
    }

    bool openConsoleWith(const LicenseController::Options &options, int timeoutMs = 60000)
    {
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1280, 900);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get())) {
            return false;
        }
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get())) {
            return false;
        }
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        m_window->start();
        if (!refreshed.wait(timeoutMs) || !refreshed.first().first().toBool()) {
            return false;
        }
        // The refresh reloads the page data after it finished.
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        return controller()->data().hasSnapshot || loaded.wait(timeoutMs);
    }

    /// Every request the lab received so far (API, its actions, the browser stand-ins).
    qint64 labRequests()
    {
        qint64 requests = 0;
        lab()->runInLab([&requests](LicenseLab *l) { requests = l->counters().requests; });
        return requests;
    }

    int labConsumed()
    {
        int seats = 0;
        lab()->runInLab([&seats](LicenseLab *l) { seats = l->enterprise().consumedLicenses().totalSeatsConsumed; });
        return seats;
    }

    QList<LabEnterprise::Server> labServers()
    {
        QList<LabEnterprise::Server> servers;
        lab()->runInLab([&servers](LicenseLab *l) { servers = l->enterprise().servers(); });
        return servers;
    }

    LabEnterprise::Server labServer(bool connected)
    {
        for (const LabEnterprise::Server &server : labServers()) {
            if (server.connected == connected) {
                return server;
            }
        }
        return {};
    }

    /// The action of @p menu named @p name (its own, or one it shows of its widget's).
    static QAction *menuAction(QMenu *menu, const QString &name)
    {
        const QList<QAction *> actions = menu ? menu->actions() : QList<QAction *>();
        const auto it = std::find_if(
            actions.begin(), actions.end(), [&name](QAction *action) { return action->objectName() == name; });
        return it == actions.end() ? nullptr : *it;
    }

    /// Triggers the enabled action @p name of @p menu, closes the menu and returns the window of type T that
    /// opened (nullptr when the action is missing or off, or no such window shows).
    template<typename T>
    T *openFromMenu(QMenu *menu, const QString &name)
    {
        QAction *action = menuAction(menu, name);
        if (!action || !action->isEnabled()) {
            return nullptr;
        }
        action->trigger();
        menu->close();
        T *window = nullptr;
        const bool shown =
            QTest::qWaitFor([this, &window] { return (window = m_window->findChild<T *>()) && window->isVisible(); });
        return shown ? window : nullptr;
    }

    /// Closes @p window (deleted on close) and waits until it is gone.
    template<typename T>
    bool closeAndWait(T *window)
    {
        window->close();
        return QTest::qWaitFor([this] { return !m_window->findChild<T *>(); });
    }

    void setLabFaults(const std::function<void(LabFaults &)> &change)
    {
        lab()->runInLab([&change](LicenseLab *l) {
            LabFaults faults = l->faults();
            change(faults);
            l->setFaults(faults);
        });
    }

    template<typename View>
    View *openView(const QKeySequence &shortcut)
    {
        m_window->activateWindow();
        if (!QTest::qWaitForWindowActive(m_window.get())) {
            return nullptr;
        }
        QTest::keySequence(m_window.get(), shortcut);
        View *view = nullptr;
        for (View *candidate : m_window->findChildren<View *>()) {
            if (candidate->isVisible()) {
                view = candidate;
            }
        }
        return view;
    }

    /// Reloads after a view's job are visible only once the page data came back.
    bool waitForReload(int timeoutMs = 30000)
    {
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        return loaded.wait(timeoutMs);
    }

    QString keychainToken(const QString &connectionId) const { return m_keychain->token(connectionId); }

    /// The connections the store lists, as `ghe-license connections list` reads them.
    QList<Connection> storedConnections(const QString &location) const
    {
        LicenseStore store;
        if (store.open(location).isError()) {
            return {};
        }
        return store.connections().value;
    }

    ServerRow syncRow(const QString &serverId) const
    {
        for (const ServerRow &row : page()->licenseSyncCard()->servers()) {
            if (row.sync.serverId == serverId) {
                return row;
            }
        }
        return {};
    }

    QString syncCardText(const QString &prefix, const QString &serverId) const
    {
        const auto *label =
            page()->licenseSyncCard()->findChild<QLabel *>(prefix + WidgetUtil::objectNameSuffix(serverId));
        return label ? label->text() : QString();
    }

    int rowCount() const { return controller()->table()->model()->rowCount(); }
    QString cell(int row, int column) const
    {
        const QAbstractItemModel *model = controller()->table()->model();
        return model->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Tokens come from the tests' keychain only.
        for (const char *variable : {"GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_TOKEN"}) {
            qunsetenv(variable);
        }
        m_keychain = std::make_unique<Test::TestKeychain>();
    }

    void cleanupTestCase() { m_keychain.reset(); }

    void init()
    {
        // Each test starts as on a first start: no last connection (QSettings persist in test mode).
        QSettings settings;
        settings.remove(QStringLiteral("Connections"));
        settings.remove(QStringLiteral("Connection"));
        settings.remove(QStringLiteral("LicenseTable")); // the table's columns as they start
    }

    void cleanup()
    {
        UrlOpener::set([](const QUrl &) { });
        m_window.reset();
        m_dir.reset();
        init();
    }

    void shouldRefreshByItselfOnAnEmptyStore()
    {
        QVERIFY(openConsole());
        int purchased = 0;
        lab()->runInLab([&purchased](LicenseLab *l) { purchased = l->enterprise().seatsPurchased(); });
        const int consumed = labConsumed();
        QVERIFY(consumed > 100);
        QCOMPARE(page()->userLicensesCard()->summary().consumed, consumed);
        QCOMPARE(page()->userLicensesCard()->summary().purchased, purchased);
        auto *consumedLabel = page()->userLicensesCard()->findChild<QLabel *>(QStringLiteral("consumedLabel"));
        QVERIFY(consumedLabel);
        QCOMPARE(consumedLabel->text(),
            QStringLiteral("%1 of %2 consumed").arg(QLocale().toString(consumed), QLocale().toString(purchased)));
        QCOMPARE(rowCount(), consumed);
        QVERIFY2(page()->lastRefreshedText().contains(QLatin1String("license lab at 127.0.0.1:")),
            qPrintable(page()->lastRefreshedText()));
        QCOMPARE(page()->historyChart()->consumed().size(), 1);
        QCOMPARE(page()->licenseSyncCard()->findChildren<QPushButton *>().isEmpty(), false);
    }

    void shouldQueueTheFirstRefreshBehindTheLabStart()
    {
        LicenseController::Options options = freshOptions();
        options.labConfig.users = 4000;
        QVERIFY(showWindow(options));
        QSignalSpy started(lab(), &LabHost::started);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        m_window->start();
        // The lab starts when something needs it (or once stored rows are read); its outcome arrives queued.
        QVERIFY(!lab()->isRunning());
        controller()->refresh();
        QVERIFY(lab()->isStarting());
        QVERIFY(controller()->isRefreshing());
        QVERIFY(page()->isRefreshing());
        // An action asked for now opens once the lab runs, with the lab's address in its context.
        m_window->showExportUsage();
        QVERIFY(!m_window->findChild<ExportUsageView *>());
        QVERIFY(started.count() == 1 || started.wait(60000));
        auto *view = m_window->findChild<ExportUsageView *>();
        QVERIFY(view && view->isVisible());
        QCOMPARE(controller()->context().connection.restBase(), lab()->url());
        QCOMPARE(controller()->context().token, lab()->token());
        QCOMPARE(controller()->context().connection.id, QStringLiteral("lab"));
        view->close();
        QVERIFY(refreshed.count() == 1 || refreshed.wait(60000));
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(refreshed.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(controller()->data().hasSnapshot, 30000);
        QCOMPARE(rowCount(), labConsumed());
    }

    void shouldBringTheOpenActionViewForward()
    {
        QVERIFY(openConsole());
        const QList<ServerRow> servers = page()->licenseSyncCard()->servers();
        QVERIFY(servers.size() >= 2);
        const QString first = servers.at(0).sync.hostname;
        const QString second = servers.at(1).sync.hostname;
        // Sync now asked for twice (the menu, then a row's button): one view, on the server asked for last.
        m_window->showSyncNow(first);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<SyncNowView *>(), 30000);
        auto *view = m_window->findChild<SyncNowView *>();
        QTRY_VERIFY(view->isVisible());
        m_window->showSyncNow(second);
        QTRY_COMPARE(view->serverCombo()->currentData().toString(), second);
        QCOMPARE(m_window->findChildren<SyncNowView *>().size(), 1);
        // Once it is closed, the next one is a new view.
        QPointer<SyncNowView> closed = view;
        view->close();
        m_window->showSyncNow(first);
        QTRY_VERIFY_WITH_TIMEOUT(!closed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->findChildren<SyncNowView *>().size(), 1, 30000);
        auto *again = m_window->findChild<SyncNowView *>();
        QTRY_VERIFY(again->isVisible());
        QCOMPARE(again->serverCombo()->currentData().toString(), first);
    }

    void shouldCancelARefreshWaitingForTheLab()
    {
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        QVERIFY(showWindow(options));
        QSignalSpy started(lab(), &LabHost::started);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        m_window->start();
        controller()->refresh();
        QVERIFY(controller()->isRefreshing());
        controller()->cancelRefresh();
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.first().first().toBool(), false);
        QVERIFY(!controller()->isRefreshing());
        QVERIFY(!page()->isRefreshing());
        // The lab's start no longer triggers the cancelled refresh.
        QVERIFY(started.count() == 1 || started.wait(60000));
        QVERIFY(!controller()->isRefreshing());
        QCOMPARE(refreshed.count(), 1);
    }

    void shouldShowTheStoredSnapshotEvenWhenTheLabCannotStart()
    {
        QVERIFY(openConsole());
        const int consumed = page()->userLicensesCard()->summary().consumed;
        const int rows = rowCount();
        QVERIFY(rows > 0);
        const QString store = m_dir->filePath(QStringLiteral("store.sqlite"));
        m_window.reset();

        // The lab's port is taken: its start fails, the page still reads the store.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        LicenseController::Options options;
        options.storeLocation = store;
        options.labConfig = smallLab();
        options.labConfig.port = taken.serverPort();
        QVERIFY(showWindow(options));
        QSignalSpy failed(lab(), &LabHost::failed);
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        m_window->start();
        QVERIFY(loaded.wait(30000));
        QVERIFY(controller()->data().hasSnapshot);
        QCOMPARE(page()->userLicensesCard()->summary().consumed, consumed);
        QCOMPARE(rowCount(), rows);
        QVERIFY(failed.count() == 1 || failed.wait(60000));
        QTRY_VERIFY(page()->errorMessage()->isVisible());
        QVERIFY2(page()->errorMessage()->title().contains(QLatin1String("could not start")),
            qPrintable(page()->errorMessage()->title()));
        // Testing the lab connection says the same in the dialog, instead of waiting forever.
        m_window->showConnectionDialog();
        auto *dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        Q_EMIT dialog->testRequested(Connection{}, QString());
        QCOMPARE(dialog->testReport().size(), 1);
        QCOMPARE(dialog->testReport().first().ok, false);
        QVERIFY(dialog->testReport().first().detail.contains(QLatin1String("could not start")));
        dialog->close();

        // A refresh cannot reach the lab: it ends at once and says why, the snapshot stays.
        page()->clearError();
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.first().first().toBool(), false);
        QVERIFY(!controller()->isRefreshing());
        QVERIFY(page()->errorMessage()->isVisible());
        QVERIFY(page()->errorMessage()->title().contains(QLatin1String("could not start")));
        QCOMPARE(rowCount(), rows);
    }

    void shouldNameTheMenuAsShownInTheTokenHint()
    {
        LicenseController::Options options;
        m_dir = std::make_unique<QTemporaryDir>();
        options.storeLocation = m_dir->filePath(QStringLiteral("store.sqlite"));
        m_window = std::make_unique<MainWindow>(options);
        auto *fileMenu = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
        auto *connection = m_window->findChild<QAction *>(QStringLiteral("connectionAction"));
        QVERIFY(fileMenu && connection);
        Connection remoteLab;
        remoteLab.kind = Connection::Kind::Lab;
        remoteLab.labUrl = QUrl(QStringLiteral("https://lab.example.net:8443"));
        // A lab on another host is given GLC_LAB_TOKEN only, never a GitHub token meant for gh.
        QCOMPARE(LicenseController::tokenHint(remoteLab),
            QStringLiteral("Enter a token in File > Connection…, or set GLC_LAB_TOKEN."));
        Connection cloud;
        cloud.kind = Connection::Kind::Cloud;
        const QString hint = LicenseController::tokenHint(cloud);
        QCOMPARE(hint, QStringLiteral("Enter a token in File > Connection…, or set GH_TOKEN."));
        Connection server;
        server.kind = Connection::Kind::Server;
        QCOMPARE(LicenseController::tokenHint(server),
            QStringLiteral("Enter a token in File > Connection…, or set GH_ENTERPRISE_TOKEN."));
        QVERIFY(hint.contains(KLocalizedString::removeAcceleratorMarker(fileMenu->title())));
        QVERIFY(hint.contains(KLocalizedString::removeAcceleratorMarker(connection->text())));
    }

    void shouldDownloadTheFilteredTableAsAReport()
    {
        QVERIFY(openConsole());
        // Only the rows flagged as probably counted twice, as the table shows them.
        auto *countedTwice = page()->filterBar()->findChild<QCheckBox *>(QStringLiteral("countedTwiceCheck"));
        QVERIFY(countedTwice);
        countedTwice->setChecked(true);
        QTRY_VERIFY(rowCount() > 0 && rowCount() < labConsumed());
        ConsumedLicensesReport expected = controller()->data().snapshot.licenses;
        expected.users.clear();
        auto *filter = controller()->filterModel();
        for (int row = 0; row < filter->rowCount(); ++row) {
            expected.users.append(
                controller()->licensesModel()->license(filter->mapToSource(filter->index(row, 0)).row()));
        }
        const QString path = m_dir->filePath(QStringLiteral("report.csv"));
        QSignalSpy written(controller(), &LicenseController::reportFinished);
        QSignalSpy status(controller(), &LicenseController::statusMessage);
        controller()->writeReport(path, LicenseReportWriter::Format::Csv);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toBool(), true);
        QCOMPARE(written.first().at(1).toString(), path);
        QCOMPARE(readAll(path), LicenseReportWriter::toCsv(expected, true));
        QVERIFY(!status.isEmpty());
        QVERIFY2(status.last().first().toString().contains(QLocale().toString(expected.users.size())),
            qPrintable(status.last().first().toString()));

        // Through the menu and its file dialog: plain UTF-8 (no byte order mark), like GitHub's own
        // report; the dialog offers that kind first the next time.
        const QString plain = m_dir->filePath(QStringLiteral("report-plain.csv"));
        QString offered;
        const auto saveAs = [&offered](const QString &file, int kind) {
            QTimer::singleShot(0, [&offered, file, kind] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                QCOMPARE(dialog->objectName(), QStringLiteral("reportFileDialog"));
                QCOMPARE(dialog->nameFilters().size(), 3);
                offered = dialog->selectedNameFilter();
                dialog->selectNameFilter(dialog->nameFilters().at(kind));
                dialog->selectFile(file);
                static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() checks the name, as Save does
            });
        };
        auto *download = m_window->findChild<QAction *>(QStringLiteral("downloadReportAction"));
        QVERIFY(download);
        written.clear();
        saveAs(plain, 1);
        download->trigger();
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(1).toString(), plain);
        QCOMPARE(readAll(plain), LicenseReportWriter::toCsv(expected, false));
        QVERIFY(!readAll(plain).startsWith("\xEF\xBB\xBF"));
        written.clear();
        const QString withBom = m_dir->filePath(QStringLiteral("report-bom.csv"));
        saveAs(withBom, 0);
        download->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY2(offered.contains(QLatin1String("plain UTF-8")), qPrintable(offered));
        QCOMPARE(readAll(withBom), LicenseReportWriter::toCsv(expected, true));
        QVERIFY(readAll(withBom).startsWith("\xEF\xBB\xBF"));

        // A folder that does not exist: the error and its next step inline on the page.
        written.clear();
        const QString bad = m_dir->filePath(QStringLiteral("no/such/folder/report.json"));
        controller()->writeReport(bad, LicenseReportWriter::Format::Json);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toBool(), false);
        QVERIFY(page()->errorMessage()->isVisible());
        QVERIFY(!QFile::exists(bad));
    }

    void shouldCancelTheReportFromItsProgressDialog()
    {
        QVERIFY(openConsole());
        auto *command = controller()->findChild<DownloadReportCommand *>();
        QVERIFY(command);
        command->setProgressDelay(0);
        // The worker thread busy with other work (a snapshot being written) until the dialog was answered, so the
        // report cannot be done before its Cancel is clicked.
        const auto release = std::make_shared<QSemaphore>();
        auto *busy = new WaitingJob(release);
        controller()->runner()->start(busy);
        const auto unblock = qScopeGuard([release] { release->release(); });
        const QString path = m_dir->filePath(QStringLiteral("last-week.csv"));
        QVERIFY(writeFile(path, "the report from last week\n"));
        QSignalSpy written(controller(), &LicenseController::reportFinished);
        QSignalSpy status(controller(), &LicenseController::statusMessage);
        controller()->writeReport(path, LicenseReportWriter::Format::Csv);
        QProgressDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QProgressDialog *>(QStringLiteral("reportProgressDialog"))) &&
            dialog->isVisible());
        QCOMPARE(dialog->labelText(), QStringLiteral("Writing last-week.csv…"));
        QVERIFY(!dialog->isModal()); // the console stays usable meanwhile
        auto *cancel = dialog->findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        release->release();
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toBool(), false);
        QCOMPARE(readAll(path), QByteArray("the report from last week\n"));
        QVERIFY(!status.isEmpty());
        QCOMPARE(status.last().first().toString(),
            QStringLiteral("Download report cancelled; %1 was not changed.").arg(path));
        QVERIFY(!page()->errorMessage()->isVisible()); // a cancel is no error
        QVERIFY(!m_window->findChild<QProgressDialog *>(QStringLiteral("reportProgressDialog")));

        // Not cancelled: the dialog follows the seats written and goes with the report saved.
        written.clear();
        controller()->writeReport(path, LicenseReportWriter::Format::Csv);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(0).toBool(), true);
        QVERIFY(readAll(path).startsWith("\xEF\xBB\xBF"));
        QVERIFY(!m_window->findChild<QProgressDialog *>(QStringLiteral("reportProgressDialog")));
    }

    void shouldGiveTheReportTheSuffixOfTheChosenKind()
    {
        QVERIFY(openConsole());
        auto *download = m_window->findChild<QAction *>(QStringLiteral("downloadReportAction"));
        QVERIFY(download);
        QSettings().remove(QStringLiteral("report/kind"));
        QString offeredName;
        const auto saveAs = [&offeredName](const QString &file, int kind) {
            QTimer::singleShot(0, [&offeredName, file, kind] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                offeredName = QFileInfo(dialog->selectedFiles().value(0)).fileName();
                dialog->selectNameFilter(dialog->nameFilters().at(kind));
                dialog->selectFile(file);
                static_cast<QDialog *>(dialog)->accept();
            });
        };
        // JSON chosen, the name still ending in .csv (as the suggested one did): a .json file in JSON.
        QSignalSpy written(controller(), &LicenseController::reportFinished);
        const QString csvName = m_dir->filePath(QStringLiteral("consumed.csv"));
        saveAs(csvName, 2);
        download->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY(written.first().at(0).toBool());
        const QString json = m_dir->filePath(QStringLiteral("consumed.json"));
        QCOMPARE(written.first().at(1).toString(), json);
        QVERIFY(offeredName.endsWith(QLatin1String(".csv")));
        QVERIFY(!QFile::exists(csvName));
        QVERIFY(QJsonDocument::fromJson(readAll(json)).isObject());
        // The next time the dialog suggests JSON, under a .json name; CSV chosen instead gets .csv.
        written.clear();
        const QString again = m_dir->filePath(QStringLiteral("again.csv"));
        saveAs(m_dir->filePath(QStringLiteral("again.json")), 1);
        download->trigger();
        QVERIFY(written.wait(30000));
        QVERIFY2(offeredName.endsWith(QLatin1String(".json")), qPrintable(offeredName));
        QCOMPARE(written.first().at(1).toString(), again);
        const QByteArray csv = readAll(again);
        QVERIFY(!csv.isEmpty() && !csv.startsWith('{') && !csv.startsWith("\xEF\xBB\xBF")); // plain CSV
    }

    void shouldRefreshAgainOnF5()
    {
        QVERIFY(openConsole());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(refreshed.count() == 1 || refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(page()->historyChart()->consumed().size(), 2, 30000);
        QCOMPARE(page()->historyChart()->purchased().size(), 2);
    }

    void shouldFilterTheTable()
    {
        QVERIFY(openConsole());
        const int all = rowCount();
        // A login that is not a prefix of another one, so exactly one row matches.
        QString login;
        for (int row = 0; row < all && login.isEmpty(); ++row) {
            const QString candidate = cell(row, ConsumedLicensesModel::LoginColumn);
            int matches = 0;
            for (int other = 0; other < all; ++other) {
                matches += cell(other, ConsumedLicensesModel::LoginColumn).contains(candidate, Qt::CaseInsensitive);
            }
            if (!candidate.isEmpty() && matches == 1) {
                login = candidate;
            }
        }
        QVERIFY(!login.isEmpty());
        QLineEdit *search = page()->filterBar()->searchField();
        search->setFocus();
        QTest::keyClicks(search, login);
        QTRY_VERIFY(rowCount() >= 1 && rowCount() < all);
        for (int row = 0; row < rowCount(); ++row) {
            QVERIFY(controller()->table()->model()->index(row, ConsumedLicensesModel::LoginColumn).isValid());
        }
        QCOMPARE(cell(0, ConsumedLicensesModel::LoginColumn), login);
        search->clear();
        QTRY_COMPARE(rowCount(), all);

        // Only the rows flagged as probably counted twice.
        auto *countedTwice = page()->filterBar()->findChild<QCheckBox *>(QStringLiteral("countedTwiceCheck"));
        QVERIFY(countedTwice);
        int flagged = 0;
        for (int row = 0; row < all; ++row) {
            flagged +=
                controller()->table()->model()->index(row, 0).data(ConsumedLicensesModel::CountedTwiceRole).toBool();
        }
        QVERIFY(flagged > 0);

        // The Counted twice panel explains the same rows as people by GitHub's matching rules.
        const MergedView::Totals people = page()->countedTwicePanel()->totals();
        int serverOnlyRows = 0;
        for (int row = 0; row < all; ++row) {
            serverOnlyRows +=
                controller()->table()->model()->index(row, 0).data(ConsumedLicensesModel::ServerOnlyRole).toBool();
        }
        QCOMPARE(people.seats, all);
        QVERIFY(people.serverOnly > 0 && people.both > 0 && people.cloudOnly > 0);
        QCOMPARE(people.cloudOnly + people.serverOnly + people.both, people.people);
        QCOMPARE(people.serverOnly + people.mergeAtNextSync, serverOnlyRows);
        QCOMPARE(people.cloudOnly + people.both, all - serverOnlyRows);
        const int pairs = int(page()->countedTwicePanel()->pairs().size());
        QVERIFY(pairs > 0);
        QCOMPARE(people.afterFixes, people.people - pairs);
        auto *peopleLabel = page()->countedTwicePanel()->findChild<QLabel *>(QStringLiteral("peopleLabel"));
        QVERIFY(peopleLabel && !peopleLabel->isHidden());
        QVERIFY2(peopleLabel->text().contains(
                     QStringLiteral("After fixing every suspected pair: %1 seats consumed instead of %2.")
                         .arg(QLocale().toString(people.afterFixes), QLocale().toString(all))),
            qPrintable(peopleLabel->text()));

        QTest::mouseClick(countedTwice, Qt::LeftButton, {}, QPoint(4, countedTwice->height() / 2));
        QVERIFY(countedTwice->isChecked());
        QTRY_COMPARE(rowCount(), flagged);
        for (int row = 0; row < rowCount(); ++row) {
            QVERIFY(
                controller()->table()->model()->index(row, 0).data(ConsumedLicensesModel::CountedTwiceRole).toBool());
        }
        countedTwice->click();
        QTRY_COMPARE(rowCount(), all);

        // Environment: people only on the servers, then one server.
        auto *environment = page()->filterBar()->findChild<QComboBox *>(QStringLiteral("environmentCombo"));
        QVERIFY(environment);
        const int serverOnlyIndex = environment->findData(QStringLiteral("server-only"));
        QVERIFY(serverOnlyIndex > 0);
        environment->setFocus();
        environment->setCurrentIndex(serverOnlyIndex);
        QTRY_VERIFY(rowCount() > 0 && rowCount() < all);
        for (int row = 0; row < rowCount(); ++row) {
            QVERIFY(controller()->table()->model()->index(row, 0).data(ConsumedLicensesModel::ServerOnlyRole).toBool());
        }
        const QString host = labServers().first().hostname;
        const int hostIndex = environment->findData(host);
        QVERIFY(hostIndex > 0);
        environment->setCurrentIndex(hostIndex);
        QTRY_VERIFY(rowCount() > 0 && rowCount() < all);
        for (int row = 0; row < rowCount(); ++row) {
            QVERIFY(controller()
                    ->table()
                    ->model()
                    ->index(row, 0)
                    .data(ConsumedLicensesModel::ServerHostsRole)
                    .toStringList()
                    .contains(host));
        }
        environment->setCurrentIndex(0);
        QTRY_COMPARE(rowCount(), all);
    }

    void shouldRefreshAutomaticallyOnceTheSnapshotIsOlderThanTheInterval()
    {
        using namespace std::chrono_literals;
        const auto restore = qScopeGuard([] {
            QSettings().remove(QStringLiteral("Refresh/automaticSeconds"));
            QSettings().remove(QStringLiteral("Connections/last"));
        });
        QVERIFY(openConsole());
        AutoRefresh *automatic = m_window->autoRefresh();
        QCOMPARE(automatic->interval(), 0s); // off by default
        QVERIFY(!automatic->nextRefresh().isValid());
        QVERIFY(!page()->lastRefreshedText().contains(QLatin1String("next automatic refresh")));
        QDateTime now = QDateTime::currentDateTimeUtc();
        automatic->setClock([&now] { return now; });
        // Not due: the timer waits (a minute at most, then looks at the clock again) rather than firing now.
        auto *timer = automatic->findChild<QTimer *>(QStringLiteral("autoRefreshTimer"));
        QVERIFY(timer);
        const auto waiting = [timer] { return timer->isActive() && timer->remainingTime() > 1000; };

        // File > Refresh Automatically > Every Hour: due an hour after the snapshot, said on the page, kept.
        auto *menu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("autoRefreshMenu"));
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), int(AutoRefresh::choices().size()));
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("autoRefresh_0"))->isChecked());
        QAction *hourly = menu->findChild<QAction *>(QStringLiteral("autoRefresh_3600"));
        QVERIFY(hourly);
        QCOMPARE(hourly->text(), QStringLiteral("Every &Hour"));
        hourly->trigger();
        QCOMPARE(automatic->interval(), 1h);
        QCOMPARE(QSettings().value(QStringLiteral("Refresh/automaticSeconds")).toInt(), 3600);
        const QDateTime takenAt = controller()->data().snapshot.takenAt;
        const qint64 firstId = controller()->data().snapshot.id;
        QCOMPARE(automatic->nextRefresh(), takenAt.addSecs(3600));
        QVERIFY2(page()->lastRefreshedText().contains(QLatin1String("next automatic refresh")),
            qPrintable(page()->lastRefreshedText()));
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QVERIFY(waiting()); // not due yet
        QCoreApplication::processEvents();
        QCOMPARE(refreshed.count(), 0);

        // An hour later (a laptop waking up, say): one refresh, and the next due an hour after it.
        now = takenAt.addSecs(3601);
        automatic->setClock([&now] { return now; });
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(controller()->data().snapshot.id > firstId, 30000);
        QCOMPARE(automatic->nextRefresh(), now.addSecs(3600));
        QVERIFY(waiting());
        QCOMPARE(refreshed.count(), 1);

        // A failed one (the token expired) is tried again an interval later, not at once.
        setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Bad; });
        const auto validToken =
            qScopeGuard([this] { setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Valid; }); });
        refreshed.clear();
        now = now.addSecs(3601);
        automatic->setClock([&now] { return now; });
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(refreshed.first().first().toBool(), false);
        QCOMPARE(automatic->nextRefresh(), now.addSecs(3600));
        QTRY_VERIFY(!controller()->isRefreshing()); // the failed one ends
        QVERIFY(waiting());
        QCOMPARE(refreshed.count(), 1);
        // That attempt was the lab's: another connection (here one without a snapshot yet) is not held back by it.
        Connection other;
        other.kind = Connection::Kind::Cloud;
        other.id = QStringLiteral("auto-refresh-other");
        other.name = QStringLiteral("other");
        other.enterpriseSlug = QStringLiteral("other");
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        controller()->switchConnection(other);
        QVERIFY(loaded.wait(30000));
        QVERIFY(!controller()->data().hasSnapshot);
        QVERIFY(!automatic->nextRefresh().isValid());
        controller()->switchConnection(Connection{});
        QVERIFY(loaded.wait(30000));
        QVERIFY(LicenseController::usesBuiltInLab(controller()->connection()));
        QCOMPARE(automatic->nextRefresh(), now.addSecs(3600));
        setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Valid; });
        refreshed.clear();

        // Due while the admin's own refresh runs: that one counts, no second one follows.
        controller()->refresh();
        QVERIFY(controller()->isRefreshing());
        now = now.addSecs(2 * 3600);
        automatic->setClock([&now] { return now; });
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QTRY_VERIFY(!controller()->isRefreshing());
        QCOMPARE(automatic->nextRefresh(), now.addSecs(3600));
        QVERIFY(waiting());
        QCOMPARE(refreshed.count(), 1);

        // The next start reads the setting (within a year, whatever a hand-edited file says); Never switches it off.
        QCOMPARE(AutoRefresh(controller()).interval(), 1h);
        for (const qint64 seconds : {qint64(-5), qint64(1) << 50}) {
            QSettings().setValue(QStringLiteral("Refresh/automaticSeconds"), seconds);
            QCOMPARE(
                AutoRefresh(controller()).interval(), seconds < 0 ? 0s : std::chrono::seconds(std::chrono::days(365)));
        }
        QCOMPARE(AutoRefresh::intervalText(std::chrono::days(365)), QStringLiteral("Every &365 Days"));
        QSettings().setValue(QStringLiteral("Refresh/automaticSeconds"), 3600);
        QAction *never = menu->findChild<QAction *>(QStringLiteral("autoRefresh_0"));
        never->trigger();
        QVERIFY(never->isChecked() && !hourly->isChecked());
        QVERIFY(!automatic->nextRefresh().isValid());
        QVERIFY(!page()->lastRefreshedText().contains(QLatin1String("next automatic refresh")));
        now = now.addDays(30);
        automatic->setClock([&now] { return now; });
        QVERIFY(!timer->isActive());
        QVERIFY(!controller()->isRefreshing());
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("Refresh/automaticSeconds")).toInt(), 0);
        automatic->setClock([] { return QDateTime::currentDateTimeUtc(); }); // not this function's `now`
    }

    void shouldStartAServersActionsFromItsInstanceRow()
    {
        QVERIFY(openConsole());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTreeView *instances = page()->serverInstancesCard()->view();
        const auto rowOf = [instances](const QString &host) {
            for (int row = 0; row < instances->model()->rowCount(); ++row) {
                if (instances->model()->index(row, ServerInstancesModel::HostnameColumn).data().toString() == host) {
                    return row;
                }
            }
            return -1;
        };
        // By keyboard (the Menu key) over the current row, once the last menu is gone.
        const auto openMenu = [instances](int row) -> QMenu * {
            if (!QTest::qWaitFor(
                    [instances] { return !instances->findChild<QMenu *>(QStringLiteral("itemViewMenu")); })) {
                return nullptr;
            }
            instances->setFocus();
            instances->setCurrentIndex(instances->model()->index(row, 0));
            QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), instances->mapToGlobal(QPoint()));
            QApplication::sendEvent(instances, &event);
            return instances->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        };
        const QString offline = QStringLiteral("ghes-3.lab.example"); // no GitHub Connect, upload overdue
        const QString connected = QStringLiteral("ghes-1.lab.example");
        const int offlineRow = rowOf(offline);
        const int connectedRow = rowOf(connected);
        QVERIFY(offlineRow >= 0 && connectedRow >= 0);

        // A server without GitHub Connect whose upload is overdue by the weekly default: a monthly interval
        // set from its menu (the input dialog replaced) clears the mark, stored for the connection.
        const auto uploadCell = [instances, &rowOf, &offline] {
            return instances->model()->index(rowOf(offline), ServerInstancesModel::LastUploadColumn).data().toString();
        };
        QVERIFY2(uploadCell().endsWith(QLatin1String(", overdue")), qPrintable(uploadCell()));
        int asked = -1;
        m_window->setUploadDaysQuestion([&asked](QWidget *, int current) {
            asked = current;
            return std::optional<int>(31);
        });
        QMenu *connectedMenu = openMenu(connectedRow);
        QVERIFY(connectedMenu);
        QVERIFY(!menuAction(connectedMenu, QStringLiteral("uploadInterval"))); // it syncs
        connectedMenu->close();
        QMenu *intervalMenu = openMenu(offlineRow);
        QVERIFY(intervalMenu);
        QAction *interval = menuAction(intervalMenu, QStringLiteral("uploadInterval"));
        QVERIFY(interval && interval->isEnabled());
        interval->trigger();
        intervalMenu->close();
        QCOMPARE(asked, 7);
        QTRY_VERIFY2(!uploadCell().endsWith(QLatin1String(", overdue")), qPrintable(uploadCell()));
        QCOMPARE(page()->serverInstancesCard()->uploadDays(), 31);
        {
            LicenseStore store;
            QVERIFY(!store.open(m_dir->filePath(QStringLiteral("store.sqlite"))));
            QCOMPARE(store.uploadDays(controller()->connection().id).value, std::optional<int>(31));
        }

        // A server without GitHub Connect: no Sync now, no sync history.
        QMenu *menu = openMenu(offlineRow);
        QVERIFY(menu);
        for (const char *name : {"syncServer", "syncHistoryOfServer"}) {
            QAction *off = menuAction(menu, QLatin1String(name));
            QVERIFY2(off && !off->isEnabled(), name);
        }
        QVERIFY(menuAction(menu, QStringLiteral("copyRows"))); // the copy actions stay
        auto *exportView = openFromMenu<ExportUsageView>(menu, QStringLiteral("exportServer"));
        QVERIFY(exportView);
        QCOMPARE(exportView->serverCombo()->currentData().toString(), offline);
        QVERIFY2(QFileInfo(exportView->targetEdit()->text())
                     .fileName()
                     .startsWith(offline + QLatin1String("-license-usage-")),
            qPrintable(exportView->targetEdit()->text()));
        // Exported (the lab's automatic export), so the server has a usage file on record.
        const QString exported = m_dir->filePath(QStringLiteral("offline.json"));
        exportView->targetEdit()->setText(exported);
        QSignalSpy exportDone(exportView, &ActionView::jobFinished);
        exportView->startButton()->click();
        QVERIFY(exportDone.wait(30000));
        QVERIFY2(exportDone.first().first().toBool(), qPrintable(exportView->resultMessage()->title()));
        QVERIFY(closeAndWait(exportView));

        // A server that syncs: its syncs on record, and Sync now for that server.
        auto *historyDialog =
            openFromMenu<SyncHistoryDialog>(openMenu(connectedRow), QStringLiteral("syncHistoryOfServer"));
        QVERIFY(historyDialog);
        QCOMPARE(historyDialog->serverCombo()->currentData().toString(), connected);
        QVERIFY(historyDialog->view()->model()->rowCount() > 0);
        for (int row = 0; row < historyDialog->view()->model()->rowCount(); ++row) {
            QCOMPARE(historyDialog->view()->model()->index(row, SyncHistoryModel::ServerColumn).data().toString(),
                connected);
        }
        QVERIFY(closeAndWait(historyDialog));
        auto *syncView = openFromMenu<SyncNowView>(openMenu(connectedRow), QStringLiteral("syncServer"));
        QVERIFY(syncView);
        QCOMPARE(syncView->serverCombo()->currentData().toString(), connected);
        QVERIFY(closeAndWait(syncView));

        auto *addView = openFromMenu<AddServerUsageView>(openMenu(offlineRow), QStringLiteral("addServerUsage"));
        QVERIFY(addView);
        QVERIFY(closeAndWait(addView));

        // The server's usage files: the export above, and only that server's (the page's data may still be
        // reloading after the export: the dialog turns to the server once its file is listed).
        auto *filesDialog = openFromMenu<UsageFilesDialog>(openMenu(offlineRow), QStringLiteral("usageFilesOfServer"));
        QVERIFY(filesDialog);
        QTRY_COMPARE(filesDialog->serverCombo()->host(), offline);
        QAbstractItemModel *files = filesDialog->view()->model();
        QTRY_COMPARE(files->rowCount(), 1);
        QCOMPARE(files->index(0, UsageFilesModel::FileNameColumn).data().toString(), exported);
        QCOMPARE(files->index(0, UsageFilesModel::HostColumn).data().toString(), offline);
        // Its Open Containing Folder reaches the desktop's file manager.
        QList<QUrl> opened;
        UrlOpener::set([&opened](const QUrl &url) { opened.append(url); });
        const auto restore = qScopeGuard([] { UrlOpener::set([](const QUrl &) { }); });
        Q_EMIT filesDialog->openFolderRequested(m_dir->path());
        QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_dir->path())});
        QVERIFY(closeAndWait(filesDialog));
        // A server without any: all servers' files, and a word about it.
        filesDialog = openFromMenu<UsageFilesDialog>(openMenu(connectedRow), QStringLiteral("usageFilesOfServer"));
        QVERIFY(filesDialog);
        QCOMPARE(filesDialog->serverCombo()->host(), QString());
        QCOMPARE(filesDialog->view()->model()->rowCount(), 1);
        QVERIFY2(filesDialog->summaryLabel()->text().startsWith(QStringLiteral("No usage file of %1").arg(connected)),
            qPrintable(filesDialog->summaryLabel()->text()));
        QVERIFY(closeAndWait(filesDialog));
    }

    void shouldCopySeatsAndOpenAProfileFromTheTablesMenu()
    {
        QVERIFY(openConsole());
        QTableView *table = controller()->table();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        // A seat with a github.com profile and one only on a server (no login, no profile).
        using Model = ConsumedLicensesModel;
        int cloud = -1;
        int serverOnly = -1;
        for (int row = 0; row < rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            if (cloud < 0 && !index.data(Model::ServerOnlyRole).toBool() &&
                !index.data(Model::CountedTwiceRole).toBool()) {
                cloud = row;
            }
            if (serverOnly < 0 && index.data(Model::ServerOnlyRole).toBool()) {
                serverOnly = row;
            }
        }
        QVERIFY(cloud >= 0 && serverOnly >= 0);
        const QString profile = cell(cloud, Model::ProfileColumn);
        QVERIFY2(profile.startsWith(QLatin1String("https://")), qPrintable(profile));
        QVERIFY(cell(serverOnly, Model::ProfileColumn).isEmpty());
        auto openMenu = [table](int row) -> QMenu * {
            const QModelIndex index = table->model()->index(row, Model::NameColumn);
            table->scrollTo(index);
            const QPoint at = table->visualRect(index).center();
            QContextMenuEvent event(QContextMenuEvent::Mouse, at, table->viewport()->mapToGlobal(at));
            QApplication::sendEvent(table->viewport(), &event);
            return table->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        };
        const auto action = &ConsoleTest::menuAction;

        // Both selected: their logins (the server-only seat has none) and every e-mail of both, each once.
        table->clearSelection();
        for (int row : {cloud, serverOnly}) {
            table->selectionModel()->select(
                table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        QMenu *menu = openMenu(serverOnly);
        QVERIFY(menu);
        QAction *copyLogins = action(menu, QStringLiteral("copyLogins"));
        QVERIFY(copyLogins && copyLogins->isEnabled());
        QCOMPARE(copyLogins->text(), QStringLiteral("Copy &Login"));
        copyLogins->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), cell(cloud, Model::LoginColumn) + QLatin1Char('\n'));
        QAction *copyEmails = action(menu, QStringLiteral("copyEmails"));
        QVERIFY(copyEmails && copyEmails->isEnabled());
        copyEmails->trigger();
        QStringList expected;
        for (int row : {std::min(cloud, serverOnly), std::max(cloud, serverOnly)}) {
            for (int column : {Model::ServerEmailsColumn, Model::VerifiedEmailsColumn}) {
                expected += table->model()->index(row, column).data(Model::RawValueRole).toStringList();
            }
            expected += cell(row, Model::VisualStudioEmailColumn);
        }
        expected.removeAll(QString());
        expected.removeDuplicates();
        QVERIFY(expected.size() >= 2);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        // The profile of the seat under the pointer: none on the server.
        QAction *openProfile = action(menu, QStringLiteral("openProfile"));
        QVERIFY(openProfile && !openProfile->isEnabled());
        menu->close();
        QTRY_VERIFY(!table->findChild<QMenu *>(QStringLiteral("itemViewMenu")));

        QList<QUrl> opened;
        UrlOpener::set([&opened](const QUrl &url) { opened.append(url); });
        const auto restore = qScopeGuard([] { UrlOpener::set([](const QUrl &) { }); });
        menu = openMenu(cloud);
        QVERIFY(menu);
        openProfile = action(menu, QStringLiteral("openProfile"));
        QVERIFY(openProfile && openProfile->isEnabled());
        openProfile->trigger();
        QCOMPARE(opened, QList<QUrl>{QUrl(profile)});
        menu->close();

        // Ctrl+C: the selected rows as the table shows them (the menu took the window's activation with it).
        QTRY_VERIFY(!table->findChild<QMenu *>(QStringLiteral("itemViewMenu")));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        table->setFocus();
        table->clearSelection();
        table->selectRow(cloud);
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList copied = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
        QCOMPARE(copied.size(), Model::ColumnCount);
        QCOMPARE(copied.first(), cell(cloud, Model::LoginColumn));
        QCOMPARE(copied.constLast(), cell(cloud, Model::TotalAccountsColumn) + QLatin1Char('\n'));

        // The counted-twice panel hands its fix on.
        QTreeView *pairs = page()->countedTwicePanel()->view();
        QVERIFY(pairs->model()->rowCount() > 1);
        pairs->setCurrentIndex(pairs->model()->index(1, 0));
        QContextMenuEvent keyboard(QContextMenuEvent::Keyboard, QPoint(), pairs->mapToGlobal(QPoint()));
        QApplication::sendEvent(pairs, &keyboard);
        menu = pairs->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        QAction *copyFixes = action(menu, QStringLiteral("copyFixes"));
        QVERIFY(copyFixes && copyFixes->isEnabled());
        copyFixes->trigger();
        QCOMPARE(
            QGuiApplication::clipboard()->text(), page()->countedTwicePanel()->pairs().at(1).fix + QLatin1Char('\n'));
        menu->close();
    }

    void shouldShowUnexpectedSeatsAndEachSeatOfThePanelInTheTable()
    {
        // Enough pending invitations and Visual Studio subscriptions for both kinds of unexpected seats.
        LabConfig config = smallLab();
        config.pendingInviteShare = 0.2;
        config.visualStudioShare = 0.5;
        QVERIFY(openConsole(config));
        CountedTwicePanel *panel = page()->countedTwicePanel();
        const QList<UnexpectedSeatRow> unexpected = panel->unexpectedSeats();
        QSet<QString> kinds;
        for (const UnexpectedSeatRow &seat : unexpected) {
            kinds.insert(seat.kind);
            QVERIFY(!seat.seat.isEmpty() && !seat.explanation.isEmpty());
        }
        QCOMPARE(kinds,
            (QSet<QString>{UnexpectedSeat::kindText(UnexpectedSeat::Kind::PendingInvitationOnly),
                UnexpectedSeat::kindText(UnexpectedSeat::Kind::UnmatchedVisualStudioSubscriber)}));
        QTreeView *seats = panel->unexpectedView();
        QVERIFY(!seats->isHidden());
        QCOMPARE(seats->model()->rowCount(), unexpected.size());
        // The same seats the table's filter finds as pending invitations only, and the subscribers without a login.
        int pendingOnly = 0;
        int subscribers = 0;
        QTableView *table = controller()->table();
        for (int row = 0; row < rowCount(); ++row) {
            const QString login = cell(row, ConsumedLicensesModel::LoginColumn);
            const bool serverAccount = !cell(row, ConsumedLicensesModel::ServerUserIdsColumn).isEmpty();
            subscribers += login.isEmpty() && !serverAccount &&
                !cell(row, ConsumedLicensesModel::VisualStudioEmailColumn).isEmpty();
        }
        auto *pendingCheck = page()->filterBar()->findChild<QCheckBox *>(QStringLiteral("pendingInvitationCheck"));
        QVERIFY(pendingCheck);
        pendingCheck->click();
        QTRY_VERIFY(rowCount() < controller()->licensesModel()->rowCount());
        pendingOnly = rowCount();
        pendingCheck->click();
        QTRY_COMPARE(rowCount(), controller()->licensesModel()->rowCount());
        QCOMPARE(unexpected.size(), pendingOnly + subscribers);

        // A search that hides every seat: Enter on an unexpected seat shows the whole table again, with that seat
        // selected, in view and focused.
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClicks(page()->filterBar()->searchField(), QStringLiteral("no-such-person"));
        QTRY_COMPARE(rowCount(), 0);
        const int last = int(unexpected.size()) - 1;
        seats->setFocus();
        seats->setCurrentIndex(seats->model()->index(last, 0));
        QTest::keyClick(seats, Qt::Key_Return);
        QTRY_COMPARE(rowCount(), controller()->licensesModel()->rowCount());
        QVERIFY(page()->filterBar()->searchField()->text().isEmpty());
        QTRY_VERIFY(table->hasFocus());
        QModelIndexList selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        const QString login = selected.first().siblingAtColumn(ConsumedLicensesModel::LoginColumn).data().toString();
        const QString subscriber =
            selected.first().siblingAtColumn(ConsumedLicensesModel::VisualStudioEmailColumn).data().toString();
        QCOMPARE(login.isEmpty() ? subscriber : login, unexpected.at(last).seat);
        QVERIFY(table->viewport()->rect().intersects(table->visualRect(selected.first())));

        // A pair's Show in Table: both of its seats, the filters left as they are when they show both.
        QTreeView *pairs = panel->view();
        QVERIFY(pairs->model()->rowCount() > 0);
        const SuspectedPairRow pair = panel->pairs().constFirst();
        const QPoint at = pairs->visualRect(pairs->model()->index(0, 0)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, pairs->viewport()->mapToGlobal(at));
        QApplication::sendEvent(pairs->viewport(), &event);
        auto *menu = pairs->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        auto *show = menu->findChild<QAction *>(QStringLiteral("showInTable"));
        QVERIFY(show && show->isEnabled());
        show->trigger();
        menu->close();
        selected = table->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 2);
        QStringList logins;
        for (const QModelIndex &row : std::as_const(selected)) {
            logins.append(row.siblingAtColumn(ConsumedLicensesModel::LoginColumn).data().toString());
            QVERIFY(row.data(ConsumedLicensesModel::CountedTwiceRole).toBool());
        }
        logins.sort();
        QCOMPARE(logins, (QStringList{QString(), pair.cloudAccount}));
    }

    void shouldCheckALicenseReportFileWithoutTheConnection()
    {
        QVERIFY(openConsole());
        auto *action = m_window->findChild<QAction *>(QStringLiteral("checkReportFileAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Open));
        // The page's seats as GitHub's CSV, mailed by a colleague.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("acme-license-report.csv"));
        ConsumedLicensesReport report;
        report.users = controller()->licensesModel()->licenses();
        QVERIFY(report.users.size() > 100);
        QVERIFY(writeFile(csv, LicenseReportWriter::toCsv(report, true)));
        const qint64 requestsBefore = labRequests();
        m_window->checkReportFile(csv);
        QPointer<ReportFileDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<ReportFileDialog *>()) && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->panel()->isVisible(), 30000);
        QCOMPARE(labRequests(), requestsBefore); // no connection involved
        const QString summary = dialog->summaryLabel()->text();
        QVERIFY2(summary.contains(QLatin1String("acme-license-report.csv")) &&
                summary.contains(QStringLiteral("%1 seats consumed").arg(QLocale().toString(report.users.size()))) &&
                summary.contains(QLatin1String("the file does not say how many are purchased")),
            qPrintable(summary));
        const CountedTwiceResult expected = CountedTwiceAnalyzer::analyze(report.users);
        QVERIFY(!expected.pairs.isEmpty());
        QCOMPARE(dialog->panel()->pairs().size(), expected.pairs.size());
        QCOMPARE(dialog->panel()->pairs().constFirst().fix, expected.pairs.constFirst().fix);
        QCOMPARE(dialog->panel()->unexpectedSeats().size(), expected.unexpected.size());
        // Its seats are in no table: the pairs' menu copies, but offers no Show in Table.
        QTreeView *pairs = dialog->panel()->view();
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), pairs->mapToGlobal(QPoint()));
        QApplication::sendEvent(pairs, &event);
        auto *menu = pairs->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("copyFixes")));
        for (const QAction *item : menu->actions()) {
            QVERIFY(item->objectName() != QLatin1String("showInTable"));
        }
        menu->close();

        // Its fix list goes to a file as the page's does; the dialog says where.
        auto *saveCommand = controller()->findChild<ReportFileCommand *>()->findChild<SaveFixListCommand *>();
        QVERIFY(saveCommand);
        const QString fixes = dir.filePath(QStringLiteral("acme-fixes.csv"));
        saveCommand->setChooser([fixes](QWidget *) { return fixes; });
        QSignalSpy fixesSaved(saveCommand, &SaveFixListCommand::saved);
        dialog->panel()->findChild<QPushButton *>(QStringLiteral("saveFixListButton"))->click();
        QVERIFY(fixesSaved.wait(30000));
        QCOMPARE(readAll(fixes).count("\r\n"), 1 + expected.pairs.size() + expected.unexpected.size());
        QTRY_VERIFY(dialog->errorMessage()->isVisible());
        QCOMPARE(dialog->errorMessage()->type(), InlineMessage::Type::Information);
        QVERIFY2(dialog->errorMessage()->title().contains(fixes), qPrintable(dialog->errorMessage()->title()));

        // Check Another File…: the consumed-licenses JSON, which tells the purchased seats too.
        const QString json = dir.filePath(QStringLiteral("consumed-licenses.json"));
        report.totalSeatsConsumed = int(report.users.size());
        report.totalSeatsPurchased = 9000;
        QVERIFY(writeFile(json, LicenseReportWriter::toJson(report)));
        auto *command = controller()->findChild<ReportFileCommand *>();
        QVERIFY(command);
        QStringList asked;
        command->setChooser([&asked, json](QWidget *parent) {
            asked.append(parent ? parent->objectName() : QString());
            return json;
        });
        QSignalSpy checked(command, &ReportFileCommand::checked);
        dialog->anotherFileButton()->click();
        QVERIFY(checked.wait(30000));
        QCOMPARE(checked.first().first().toBool(), true);
        QCOMPARE(asked, QStringList{QStringLiteral("reportFileDialog")}); // over the dialog, not the window
        QVERIFY2(dialog->summaryLabel()->text().contains(QLatin1String("consumed-licenses.json")) &&
                dialog->summaryLabel()->text().contains(
                    QStringLiteral("of %1 purchased").arg(QLocale().toString(9000))),
            qPrintable(dialog->summaryLabel()->text()));
        QCOMPARE(dialog->panel()->pairs().size(), expected.pairs.size());
        // A choice cancelled keeps what is shown: nothing is read (the choice returns before any job).
        bool askedAgain = false;
        command->setChooser([&askedAgain](QWidget *) {
            askedAgain = true;
            return QString();
        });
        const QString shown = dialog->summaryLabel()->text();
        dialog->anotherFileButton()->click();
        QVERIFY(askedAgain);
        QCOMPARE(dialog->summaryLabel()->text(), shown); // not "Reading …": no file is being read
        QCOMPARE(checked.count(), 1);
        QVERIFY(dialog->anotherFileButton()->isEnabled());
        QVERIFY(dialog->panel()->isVisible());

        // A file that is no report: said in the dialog, with what to do.
        const QString page = dir.filePath(QStringLiteral("report.csv"));
        QVERIFY(writeFile(page, "<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"));
        dialog->close();
        QTRY_VERIFY(!dialog);
        m_window->checkReportFile(page);
        QPointer<ReportFileDialog> second;
        QTRY_VERIFY_WITH_TIMEOUT(
            (second = m_window->findChild<ReportFileDialog *>()) && second->errorMessage()->isVisible(), 30000);
        QVERIFY2(second->errorMessage()->title().contains(QLatin1String("web page")),
            qPrintable(second->errorMessage()->title()));
        QVERIFY(!second->errorMessage()->nextStep().isEmpty());
        QVERIFY(!second->panel()->isVisible());
        second->close();
    }

    void shouldChooseTheTablesColumnsAndKeepThemForTheNextStart()
    {
        const LicenseController::Options options = freshOptions();
        QVERIFY(openConsoleWith(options));
        QTableView *table = controller()->table();
        QHeaderView *header = table->horizontalHeader();
        using Model = ConsumedLicensesModel;
        const int nameWidth = header->sectionSize(Model::NameColumn);
        // The header's context menu lists every column, shown ones ticked.
        QContextMenuEvent onHeader(
            QContextMenuEvent::Mouse, QPoint(5, 5), header->viewport()->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(header->viewport(), &onHeader);
        QPointer<QMenu> menu;
        QTRY_VERIFY((menu = header->findChild<QMenu *>(QStringLiteral("tableColumnsMenu"))) && menu->isVisible());
        auto *name = menu->findChild<QAction *>(QStringLiteral("showColumn%1").arg(int(Model::NameColumn)));
        QVERIFY(name && name->isCheckable() && name->isChecked());
        QCOMPARE(name->text(), Model().headerData(Model::NameColumn, Qt::Horizontal).toString());
        name->trigger();
        menu->close();
        QVERIFY(header->isSectionHidden(Model::NameColumn));
        // Copies leave a hidden column out, as they follow the table's order.
        header->moveSection(header->visualIndex(Model::LoginColumn), Model::ColumnCount - 1);
        table->selectRow(0);
        const QString titles = ItemViewCopy::selectedRowsText(table, ItemViewCopy::Titles::With).section(u'\n', 0, 0);
        const QString nameTitle = Model().headerData(Model::NameColumn, Qt::Horizontal).toString();
        const QString loginTitle = Model().headerData(Model::LoginColumn, Qt::Horizontal).toString();
        QVERIFY2(!titles.split(u'\t').contains(nameTitle) && titles.endsWith(loginTitle), qPrintable(titles));

        header->resizeSection(Model::EnvironmentsColumn, 333);
        // The next start shows the table as it was left; the rows keep the login order they come in.
        QVERIFY(reopenConsole(options));
        table = controller()->table();
        header = table->horizontalHeader();
        QVERIFY(header->isSectionHidden(Model::NameColumn));
        QCOMPARE(header->visualIndex(Model::LoginColumn), Model::ColumnCount - 1);
        QCOMPARE(header->sectionSize(Model::EnvironmentsColumn), 333);
        QCOMPARE(controller()->filterModel()->sortColumn(), -1);
        QCOMPARE(header->sortIndicatorSection(), int(Model::LoginColumn));

        // The last shown column cannot go; from the table's own menu (by keyboard) Reset Columns brings all back.
        for (int column = 0; column < Model::ColumnCount; ++column) {
            if (column != Model::ProfileColumn) {
                header->hideSection(column);
            }
        }
        table->setFocus();
        table->selectRow(0);
        QContextMenuEvent byKey(QContextMenuEvent::Keyboard, QPoint(), table->viewport()->mapToGlobal(QPoint()));
        QApplication::sendEvent(table->viewport(), &byKey);
        QPointer<QMenu> tableMenu;
        QTRY_VERIFY((tableMenu = table->findChild<QMenu *>(QStringLiteral("itemViewMenu"))) && tableMenu->isVisible());
        auto *columns = tableMenu->findChild<QMenu *>(QStringLiteral("tableColumnsMenu"));
        QVERIFY(columns);
        auto *profile = columns->findChild<QAction *>(QStringLiteral("showColumn%1").arg(int(Model::ProfileColumn)));
        QVERIFY(profile && profile->isChecked() && !profile->isEnabled());
        auto *login = columns->findChild<QAction *>(QStringLiteral("showColumn%1").arg(int(Model::LoginColumn)));
        QVERIFY(login && !login->isChecked() && login->isEnabled());
        columns->findChild<QAction *>(QStringLiteral("resetColumns"))->trigger();
        tableMenu->close();
        // Counted section by section: QHeaderView's hiddenSectionCount() keeps a stale entry after a restored state.
        const auto hidden = [](const QHeaderView *h) {
            int count = 0;
            for (int column = 0; column < h->count(); ++column) {
                count += h->isSectionHidden(column) ? 1 : 0;
            }
            return count;
        };
        QCOMPARE(hidden(header), 0);
        for (int column = 0; column < Model::ColumnCount; ++column) {
            QCOMPARE(header->visualIndex(column), column);
        }
        QCOMPARE(header->sectionSize(Model::NameColumn), nameWidth);
        QCOMPARE(controller()->filterModel()->sortColumn(), -1); // no sort of every row
        QVERIFY(reopenConsole(options));
        QCOMPARE(hidden(controller()->table()->horizontalHeader()), 0);
        QCOMPARE(controller()->table()->horizontalHeader()->visualIndex(Model::LoginColumn), 0);
    }

    void shouldSaveTheSummaryAsPdfOrWebPage()
    {
        QVERIFY(openConsole());
        SaveSummaryCommand *command = controller()->summaryCommand();
        const QString pdf = m_dir->filePath(QStringLiteral("summary.pdf"));
        command->setChooser([pdf](QWidget *) { return pdf; });
        QSignalSpy saved(command, &SaveSummaryCommand::saved);
        QSignalSpy status(controller(), &LicenseController::statusMessage);
        // File > Save Summary by its shortcut.
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(saved.count(), 1);
        const QByteArray printed = readAll(pdf);
        QVERIFY2(printed.startsWith("%PDF-") && printed.contains("%%EOF"), printed.left(20).constData());
        QVERIFY(printed.contains("/Subtype /Image")); // the history chart
        QVERIFY(printed.size() > 20000);
        QVERIFY2(status.last().first().toString().contains(pdf), qPrintable(status.last().first().toString()));

        // One file to mail: the page's numbers, every server, and the chart inside as a PNG.
        const QString web = m_dir->filePath(QStringLiteral("summary.html"));
        command->write(web);
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(saved.last().first().toString(), web);
        const QString html = QString::fromUtf8(readAll(web));
        QVERIFY(html.contains(QLatin1String("<h1>License summary: License lab</h1>")));
        QVERIFY2(html.contains(QStringLiteral("%1 of %2 purchased seats consumed")
                         .arg(QLocale().toString(labConsumed()),
                             QLocale().toString(controller()->data().snapshot.licenses.totalSeatsPurchased))),
            qPrintable(html.left(2000)));
        for (const LicenseSyncStatus &server : controller()->data().snapshot.syncStatus) {
            QVERIFY(html.contains(QStringLiteral("<td>%1</td>").arg(server.hostname)));
        }
        const QString prefix = QStringLiteral("<img src=\"data:image/png;base64,");
        const qsizetype at = html.indexOf(prefix);
        QVERIFY(at > 0);
        const QString base64 = html.mid(at + prefix.size()).section(u'"', 0, 0);
        const QImage chart = QImage::fromData(QByteArray::fromBase64(base64.toLatin1()), "PNG");
        QCOMPARE(chart.size(), QSize(1320, 560)); // drawn at twice the pixels it takes in the page

        // A folder that is not there: the page says so; nothing is written.
        const QString missing = m_dir->filePath(QStringLiteral("no-such-folder/summary.pdf"));
        command->setChooser([missing](QWidget *) { return missing; });
        m_window->findChild<QAction *>(QStringLiteral("saveSummaryAction"))->trigger();
        QTRY_VERIFY(page()->errorMessage()->isVisible());
        QVERIFY2(page()->errorMessage()->title().contains(missing), qPrintable(page()->errorMessage()->title()));
        QVERIFY(!QFile::exists(missing));
        QCOMPARE(saved.count(), 2);
    }

    void shouldSaveTheFixListOfTheCountedTwicePanel()
    {
        QVERIFY(openConsole());
        CountedTwicePanel *panel = page()->countedTwicePanel();
        QVERIFY(!panel->result().pairs.isEmpty());
        auto *button = panel->findChild<QPushButton *>(QStringLiteral("saveFixListButton"));
        QVERIFY(button && button->isEnabled());
        auto *command = controller()->findChild<SaveFixListCommand *>(QStringLiteral("saveFixListCommand"));
        QVERIFY(command);
        const QString path = m_dir->filePath(QStringLiteral("counted-twice.csv"));
        QString askedOver;
        command->setChooser([&askedOver, path](QWidget *parent) {
            askedOver = parent ? parent->objectName() : QString();
            return path;
        });
        // By keyboard, from anywhere on the page: the button's mnemonic.
        QSignalSpy saved(command, &SaveFixListCommand::saved);
        QSignalSpy status(controller(), &LicenseController::statusMessage);
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::AltModifier);
        QVERIFY(saved.wait(30000));
        QCOMPARE(askedOver, m_window->objectName());
        const CountedTwiceResult &result = panel->result();
        const qsizetype findings = result.pairs.size() + result.unexpected.size();
        QCOMPARE(saved.first().at(1).value<qsizetype>(), findings);
        // What the panel shows, for a spreadsheet program (with a byte order mark).
        const QByteArray written = readAll(path);
        QCOMPARE(written, FixListWriter::toCsv(panel->seats(), result, true));
        QCOMPARE(written.count("\r\n"), 1 + findings);
        QVERIFY(written.contains(panel->pairs().constFirst().fix.toUtf8()));
        QVERIFY(!status.isEmpty());
        QVERIFY2(status.last().first().toString().contains(path), qPrintable(status.last().first().toString()));

        // A folder that is not there: the panel says why and what to do under the button pressed (not at the top
        // of the page, out of sight); nothing is written.
        const QString missing = m_dir->filePath(QStringLiteral("no-such-folder/counted-twice.csv"));
        command->setChooser([missing](QWidget *) { return missing; });
        button->click();
        InlineMessage *message = panel->saveMessage();
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 30000);
        QCOMPARE(message->type(), InlineMessage::Type::Error);
        QVERIFY2(message->title().contains(missing), qPrintable(message->title()));
        QVERIFY(!message->nextStep().isEmpty());
        QVERIFY(!page()->errorMessage()->isVisible());
        QVERIFY(!message->visibleRegion().isEmpty()); // scrolled into view
        QVERIFY(!QFile::exists(missing));
        // Saved the next time, the failure goes.
        command->setChooser([path](QWidget *) { return path; });
        button->click();
        QVERIFY(saved.wait(30000));
        QVERIFY(!message->isVisible());
        // A choice cancelled writes nothing.
        QFile::remove(path);
        command->setChooser([](QWidget *) { return QString(); });
        button->click();
        QVERIFY(!saved.wait(300));
        QVERIFY(!QFile::exists(path));
    }

    void shouldShowSeatsByOrganizationAndFilterTheTable()
    {
        QVERIFY(openConsole());
        const int all = rowCount();
        const OrganizationBreakdown breakdown = controller()->data().organizations;
        QVERIFY(breakdown.organizations.size() >= 2);
        // Its own shortcut opens it on the page's data, most members first.
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<OrganizationsDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<OrganizationsDialog *>()) && dialog->isVisible());
        QTreeWidget *list = dialog->list();
        QCOMPARE(list->topLevelItemCount(), breakdown.organizations.size());
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = list->topLevelItem(i);
            const auto expected = std::find_if(breakdown.organizations.cbegin(), breakdown.organizations.cend(),
                [item](const OrganizationBreakdown::Organization &o) {
                    return o.name == item->text(OrganizationsDialog::NameColumn);
                });
            QVERIFY(expected != breakdown.organizations.cend());
            QCOMPARE(item->data(OrganizationsDialog::MembersColumn, Qt::DisplayRole).toInt(), expected->members);
            QCOMPARE(item->data(OrganizationsDialog::OwnersColumn, Qt::DisplayRole).toInt(), expected->owners);
            QCOMPARE(item->data(OrganizationsDialog::PendingColumn, Qt::DisplayRole).toInt(), expected->pendingInvites);
            QCOMPARE(item->data(OrganizationsDialog::WithoutTwoFactorColumn, Qt::DisplayRole).toInt(),
                expected->withoutTwoFactor);
            if (i > 0) {
                QVERIFY(list->topLevelItem(i - 1)->data(OrganizationsDialog::MembersColumn, Qt::DisplayRole).toInt() >=
                    expected->members);
            }
        }
        QVERIFY(dialog->summaryLabel()->text().contains(QLocale().toString(breakdown.seatsWithoutOrganization)));
        // Sorted by name from its header.
        list->header()->setSortIndicator(OrganizationsDialog::NameColumn, Qt::AscendingOrder);
        QVERIFY(list->topLevelItem(0)->text(0) <= list->topLevelItem(1)->text(0));
        // The second organization from the keyboard: Down, Enter; the table shows its seats.
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        list->setCurrentItem(list->topLevelItem(0));
        QTest::keyClick(list, Qt::Key_Down);
        const QString chosen = dialog->currentOrganization();
        QCOMPARE(chosen, list->topLevelItem(1)->text(0));
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(page()->filterBar()->state().organization, chosen);
        const CompactLicenseRows &rows = controller()->licensesModel()->rows();
        QCOMPARE(rows.size(), all);
        int expected = 0;
        for (qsizetype row = 0; row < rows.size(); ++row) {
            const QStringList roles = rows.list(row, CompactLicenseRows::List::MemberRoles);
            const bool member = std::any_of(roles.cbegin(), roles.cend(),
                [&chosen](const QString &role) { return role.startsWith(chosen + QLatin1Char(':')); });
            expected += member || rows.list(row, CompactLicenseRows::List::OrgsWithPendingInvites).contains(chosen);
        }
        QVERIFY(expected > 0 && expected < all);
        QTRY_COMPARE(rowCount(), expected);
        QTRY_VERIFY(controller()->table()->hasFocus());
        // The filter bar shows it and takes it back.
        auto *organization = page()->filterBar()->findChild<QComboBox *>(QStringLiteral("organizationCombo"));
        QVERIFY(organization);
        QCOMPARE(organization->currentData().toString(), chosen);
        organization->setCurrentIndex(0);
        QTRY_COMPARE(rowCount(), all);
        // The page's button opens it again, on the same data.
        auto *button = page()->findChild<QPushButton *>(QStringLiteral("organizationsButton"));
        QVERIFY(button);
        button->click();
        QTRY_VERIFY((dialog = m_window->findChild<OrganizationsDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->list()->topLevelItemCount(), breakdown.organizations.size());
        dialog->close();
    }

    void shouldSyncNowFromTheServersRow()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = labServer(true);
        QVERIFY(!server.hostname.isEmpty());
        QPushButton *rowButton = page()->licenseSyncCard()->syncNowButton(server.serverId);
        QVERIFY(rowButton);
        QVERIFY(rowButton->isEnabled());
        rowButton->click();
        SyncNowView *view = m_window->findChild<SyncNowView *>();
        QVERIFY(view);
        QVERIFY(view->isVisible());
        QCOMPARE(view->serverCombo()->currentData().toString(), server.hostname);
        const QString lastSyncShown = syncCardText(QStringLiteral("lastSyncLabel_"), server.serverId);
        QVERIFY(!lastSyncShown.isEmpty());
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(!view->startButton()->isEnabled());
        QVERIFY(view->cancelButton()->isEnabled());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(view->resultList()->topLevelItemCount(), 1);
        QCOMPARE(view->resultList()->topLevelItem(0)->text(0), server.hostname);
        QCOMPARE(view->resultList()->topLevelItem(0)->text(1), QStringLiteral("Synced"));
        // Every stage, the last included, is ticked and said as done once the sync succeeded.
        QCOMPARE(view->stagesLabel()->text().split(QStringLiteral("<br>")),
            (QStringList{QStringLiteral("✔ Read the current license sync status"),
                QStringLiteral("✔ Requested a sync of 1 server"), QStringLiteral("✔ The sync job finished"),
                QStringLiteral("✔ Confirmed through license-sync-status")}));
        QCOMPARE(view->resultMessage()->type(), InlineMessage::Type::Information);
        QVERIFY(view->resultMessage()->isVisible());

        // The License page's sync card shows the new last sync at once, not after the next refresh.
        QDateTime synced;
        for (const LabEnterprise::Server &now : labServers()) {
            if (now.serverId == server.serverId) {
                synced = now.syncStatus.lastSyncDate;
            }
        }
        QVERIFY(synced > server.syncStatus.lastSyncDate);
        QTRY_COMPARE(syncRow(server.serverId).sync.lastSyncDate.toSecsSinceEpoch(), synced.toSecsSinceEpoch());
        QVERIFY(syncCardText(QStringLiteral("lastSyncLabel_"), server.serverId) != lastSyncShown);
        QCOMPARE(syncCardText(QStringLiteral("statusLabel_"), server.serverId), QStringLiteral("Succeeded"));
        QCOMPARE(refreshed.count(), 0);
    }

    void shouldShowAFailedSyncWithGithubsError()
    {
        QVERIFY(openConsole());
        const QString githubError = QStringLiteral("Unable to reach GitHub Enterprise Cloud: connection timed out");
        setLabFaults([&githubError](LabFaults &faults) { faults.syncError = githubError; });
        const LabEnterprise::Server server = labServer(true);
        auto *view = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(view);
        QCOMPARE(view->capability().kind, Capability::Kind::Automatic);
        // Only the servers that sync: an offline one (never in GitHub's sync status) is not offered.
        for (const EnterpriseServerInstallation &installation : controller()->data().snapshot.installations) {
            QCOMPARE(view->serverCombo()->findData(installation.hostName) >= 0,
                controller()->syncHosts().contains(installation.hostName));
        }
        QVERIFY(controller()->syncHosts().size() < controller()->serverHosts().size());
        view->serverCombo()->setCurrentIndex(view->serverCombo()->findData(server.hostname));
        QCOMPARE(syncCardText(QStringLiteral("statusLabel_"), server.serverId), QStringLiteral("Succeeded"));
        QVERIFY(syncCardText(QStringLiteral("errorLabel_"), server.serverId).isEmpty());
        QSignalSpy finished(view, &ActionView::jobFinished);
        QTest::mouseClick(view->startButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(view->resultMessage()->isVisible());
        QCOMPARE(view->resultMessage()->type(), InlineMessage::Type::Error);
        QVERIFY2(view->resultMessage()->title().contains(githubError), qPrintable(view->resultMessage()->title()));
        QVERIFY(!view->resultMessage()->nextStep().isEmpty());
        QCOMPARE(view->resultList()->topLevelItemCount(), 1);
        QCOMPARE(view->resultList()->topLevelItem(0)->text(1), QStringLiteral("Failed"));
        QCOMPARE(view->resultList()->topLevelItem(0)->text(3), githubError);
        // The stage that failed is marked as failed, not as still running, and not said as done.
        const QStringList failedStages = view->stagesLabel()->text().split(QStringLiteral("<br>"));
        QVERIFY2(failedStages.last().startsWith(QStringLiteral("✘ ")) && failedStages.last().endsWith(u'…'),
            qPrintable(failedStages.join(u'\n')));
        QVERIFY(!view->stagesLabel()->text().contains(QStringLiteral("➜")));
        QVERIFY(view->startButton()->isEnabled());

        // The License page's sync card shows the failure and GitHub's words at once, without a refresh.
        QTRY_COMPARE(syncCardText(QStringLiteral("errorLabel_"), server.serverId),
            QStringLiteral("The last sync failed: mend the cause GitHub names, then use Sync now. GitHub says: %1")
                .arg(githubError));
        QCOMPARE(syncCardText(QStringLiteral("statusLabel_"), server.serverId), QStringLiteral("Failed"));
        QCOMPARE(syncRow(server.serverId).sync.error, githubError);

        // The failure lands in the sync history, newest first, with GitHub's words; the syncs seen by the refresh
        // before it are there too.
        view->close();
        page()->licenseSyncCard()->historyButton()->click();
        QPointer<SyncHistoryDialog> history;
        QTRY_VERIFY((history = m_window->findChild<SyncHistoryDialog *>()) && history->isVisible());
        QAbstractItemModel *shown = history->view()->model();
        QTRY_VERIFY(shown->rowCount() > 1);
        auto cell = [shown](int row, int column) { return shown->index(row, column).data().toString(); };
        QCOMPARE(cell(0, SyncHistoryModel::ServerColumn), server.hostname);
        QCOMPARE(cell(0, SyncHistoryModel::StatusColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(0, SyncHistoryModel::ErrorColumn), githubError);
        QVERIFY2(history->summaryLabel()->text().contains(QLatin1String("1 failed")),
            qPrintable(history->summaryLabel()->text()));
        const int all = shown->rowCount();
        QStringList hosts;
        for (int row = 0; row < all; ++row) {
            hosts.append(cell(row, SyncHistoryModel::ServerColumn));
        }
        QVERIFY(QSet<QString>(hosts.cbegin(), hosts.cend()).size() > 1); // every server's, not only the failed one's
        // One server's only, chosen by keyboard.
        QComboBox *servers = history->serverCombo();
        QCOMPARE(servers->itemText(0), QStringLiteral("All servers"));
        servers->setFocus();
        servers->setCurrentIndex(servers->findData(server.hostname));
        QVERIFY(shown->rowCount() >= 1 && shown->rowCount() < all);
        for (int row = 0; row < shown->rowCount(); ++row) {
            QCOMPARE(cell(row, SyncHistoryModel::ServerColumn), server.hostname);
        }
        servers->setCurrentIndex(0);
        QCOMPARE(shown->rowCount(), all);
        // The header's menu hides and shows a column, like that of Usage Files.
        const QList<QAction *> columns = history->view()->header()->actions();
        QCOMPARE(columns.size(), int(SyncHistoryModel::ColumnCount));
        QAction *errorToggle = columns.at(SyncHistoryModel::ErrorColumn);
        QCOMPARE(errorToggle->text(), shown->headerData(SyncHistoryModel::ErrorColumn, Qt::Horizontal).toString());
        QVERIFY(errorToggle->isChecked());
        errorToggle->trigger();
        QVERIFY(history->view()->isColumnHidden(SyncHistoryModel::ErrorColumn));
        errorToggle->trigger();
        QVERIFY(!history->view()->isColumnHidden(SyncHistoryModel::ErrorColumn));
        auto *menuAction = m_window->findChild<QAction *>(QStringLiteral("syncHistoryAction"));
        QVERIFY(menuAction);
        QCOMPARE(menuAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        history->close();
    }

    void shouldJudgeLabDatesByTheLabClock()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = labServer(true);
        QCOMPARE(page()->licenseSyncCard()->staleCount(), 0);
        // GitHub Connect goes off on one server, then eight days pass in the lab: the others sync by
        // themselves, that one's last sync ages past a week.
        bool disconnected = false;
        lab()->runInLab([&server, &disconnected](LicenseLab *l) {
            disconnected = l->setServerConnected(server.hostname, false);
            l->advanceClock(std::chrono::days(8));
        });
        QVERIFY(disconnected);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        const QString stale = QStringLiteral("staleLabel_") + WidgetUtil::objectNameSuffix(server.serverId);
        QTRY_VERIFY(page()->licenseSyncCard()->findChild<QLabel *>(stale));
        QCOMPARE(page()->licenseSyncCard()->staleCount(), 1);
    }

    /// Follows a Needs attention item's button by keyboard, as an admin without a mouse would: the focus on
    /// it, then Space.
    static bool followAttentionLink(AttentionCard *card, int index)
    {
        QPushButton *button = card->itemButton(index);
        // A new row's widgets show once the event loop runs (the layout shows them).
        if (!button || !QTest::qWaitFor([button] { return button->isVisible(); }) || !button->isEnabled()) {
            return false;
        }
        // The main window again, after a view it opened closed.
        button->window()->activateWindow();
        if (!QTest::qWaitForWindowActive(button->window())) {
            return false;
        }
        button->setFocus(Qt::TabFocusReason);
        if (!QTest::qWaitFor([button] { return button->hasFocus(); })) {
            return false;
        }
        QSignalSpy clicked(button, &QPushButton::clicked);
        QTest::keyClick(button, Qt::Key_Space);
        return clicked.size() == 1;
    }

    static int attentionIndex(AttentionCard *card, AttentionItem::Kind kind)
    {
        for (int i = 0; i < card->items().size(); ++i) {
            if (card->items().at(i).kind == kind) {
                return i;
            }
        }
        return -1;
    }

    void shouldPointAtWhatNeedsAttention()
    {
        // As many people as the built-in lab: some seats count only for an invitation or a subscription.
        LabConfig config = smallLab();
        config.users = 2000;
        QVERIFY(openConsole(config));
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        AttentionCard *card = page()->attentionCard();
        QVERIFY(card->isVisible());
        // The lab: ghes-3 without GitHub Connect and its upload overdue by the weekly default, people counted
        // twice, seats GitHub's rules count unexpectedly; 77 % of the seats, syncs of yesterday, a license of
        // months: none of those.
        const QString offline = QStringLiteral("ghes-3.lab.example");
        const int upload = attentionIndex(card, AttentionItem::Kind::UploadOverdue);
        QVERIFY(upload >= 0);
        QCOMPARE(card->items().at(upload).hosts, QStringList{offline});
        const int pairs = page()->countedTwicePanel()->view()->model()->rowCount();
        QVERIFY(pairs > 0);
        const int countedTwice = attentionIndex(card, AttentionItem::Kind::CountedTwice);
        QVERIFY(countedTwice >= 0);
        QVERIFY2(card->items().at(countedTwice).text.startsWith(QStringLiteral("%1 people").arg(pairs)),
            qPrintable(card->items().at(countedTwice).text));
        for (const auto kind : {AttentionItem::Kind::Seats, AttentionItem::Kind::LicenseExpiry,
                 AttentionItem::Kind::SyncFailed, AttentionItem::Kind::SyncStale}) {
            QCOMPARE(attentionIndex(card, kind), -1);
        }
        QVERIFY(card->itemLabel(upload)->text().contains(offline));
        QVERIFY(card->emptyLabel()->isHidden());
        // No button where the card beside says it all; one for each of the others.
        QCOMPARE(card->itemButton(upload)->text(), QStringLiteral("Export license usage…"));

        // The upload's link: Export license usage of that server.
        QVERIFY(followAttentionLink(card, upload));
        ExportUsageView *exportView = nullptr;
        QVERIFY(QTest::qWaitFor([this, &exportView] {
            return (exportView = m_window->findChild<ExportUsageView *>()) && exportView->isVisible();
        }));
        QCOMPARE(exportView->serverCombo()->currentData().toString(), offline);
        QVERIFY(closeAndWait(exportView));

        // The counted-twice link: the page scrolls to the pairs and gives them the focus.
        QVERIFY(followAttentionLink(card, attentionIndex(card, AttentionItem::Kind::CountedTwice)));
        QTRY_COMPARE(QApplication::focusWidget(), page()->countedTwicePanel()->view());
        // Both unexpected-seat lines (the lab has both) open that list, each button named by what it shows.
        const int invitations = attentionIndex(card, AttentionItem::Kind::PendingInvitations);
        const int subscribers = attentionIndex(card, AttentionItem::Kind::UnmatchedVisualStudio);
        QVERIFY(invitations >= 0 && subscribers >= 0);
        QCOMPARE(card->itemButton(invitations)->text(), QStringLiteral("Show the Invitations"));
        QCOMPARE(card->itemButton(subscribers)->text(), QStringLiteral("Show the Subscribers"));
        for (const int unexpected : {invitations, subscribers}) {
            page()->licenseSyncCard()->setFocus();
            QVERIFY(followAttentionLink(card, unexpected));
            QTRY_COMPARE(QApplication::focusWidget(), page()->countedTwicePanel()->unexpectedView());
        }

        // A monthly upload interval for the servers without GitHub Connect: ghes-3 is in time, its item goes.
        controller()->setUploadDays(31);
        QTRY_COMPARE(attentionIndex(card, AttentionItem::Kind::UploadOverdue), -1);

        // Every sync fails from now on and eight days pass in the lab: one item names both servers that sync,
        // and its link opens Sync now for all of them.
        setLabFaults([](LabFaults &f) { f.syncError = QStringLiteral("The license server rejected the upload."); });
        lab()->runInLab([](LicenseLab *l) { l->advanceClock(std::chrono::days(8)); });
        // The page left open for eight days (its clock moved on, as the minute tick finds it): the snapshot is
        // eight days old, and its line's Refresh takes a new one.
        QCOMPARE(attentionIndex(card, AttentionItem::Kind::SnapshotOld), -1);
        page()->setClock([] { return QDateTime::currentDateTimeUtc().addDays(8).addSecs(60); });
        const int old = attentionIndex(card, AttentionItem::Kind::SnapshotOld);
        QVERIFY(old >= 0);
        QCOMPARE(card->items().at(old).text,
            QStringLiteral("The newest snapshot is 8 days old: refresh to judge the seats as they are today."));
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        QVERIFY(followAttentionLink(card, old));
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY(!loaded.isEmpty() || loaded.wait(60000));
        QCOMPARE(attentionIndex(card, AttentionItem::Kind::SnapshotOld), -1);
        const int failed = attentionIndex(card, AttentionItem::Kind::SyncFailed);
        QVERIFY(failed >= 0);
        QCOMPARE(card->items().at(failed).hosts.size(), 2);
        QVERIFY(!card->items().at(failed).hosts.contains(offline));
        QVERIFY(followAttentionLink(card, failed));
        SyncNowView *sync = nullptr;
        QVERIFY(QTest::qWaitFor(
            [this, &sync] { return (sync = m_window->findChild<SyncNowView *>()) && sync->isVisible(); }));
        QCOMPARE(sync->serverCombo()->currentIndex(), 0); // all servers
        QVERIFY(closeAndWait(sync));
    }

    void shouldNeverWaitForTheLabThreadToShowThePage()
    {
        QVERIFY(openConsole());
        QCOMPARE(page()->licenseSyncCard()->staleCount(), 0);
        // Eight days pass in the lab: the stored syncs are nine days old by its clock.
        lab()->runInLab([](LicenseLab *l) { l->advanceClock(std::chrono::days(8)); });
        // The lab's thread gets busy (at most 20 s, so an interface that waits for it cannot hang the test).
        std::atomic<bool> busy = false;
        QSemaphore release;
        std::unique_ptr<QThread> holder(QThread::create([this, &busy, &release] {
            lab()->runInLab([&busy, &release](LicenseLab *) {
                busy = true;
                release.tryAcquire(1, 20000);
                busy = false;
            });
        }));
        holder->start();
        QTRY_VERIFY(busy);
        bool busyWhenShown = false;
        const QMetaObject::Connection shown = connect(
            controller(), &LicenseController::dataLoaded, this, [&busy, &busyWhenShown] { busyWhenShown = busy; });
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        controller()->reload();
        const bool reloaded = loaded.wait(30000);
        disconnect(shown);
        release.release();
        holder->wait();
        QVERIFY(reloaded);
        QVERIFY2(busyWhenShown, "the page waited for the lab's thread");
        // ... and judged the servers' dates by the lab clock all the same.
        QVERIFY(page()->licenseSyncCard()->staleCount() > 0);
    }

    void shouldOpenOnTheLabsHistory()
    {
        // A first start as the console makes it: the built-in lab, its past weeks, then now.
        LicenseController::Options options = freshOptions();
        options.historyWeeks = LicenseController::Options{}.historyWeeks;
        const int weeks = LicenseController::firstStartHistoryWeeks(options);
        QCOMPARE(weeks, 12);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(openConsoleWith(options));
        qInfo("first start with %d weeks of history of %d lab users: %lld ms", weeks, options.labConfig.users,
            timer.elapsed());
        const PageData &data = controller()->data();
        QCOMPARE(data.history.size(), weeks + 1);
        QList<SeatForecast::Point> points;
        for (qsizetype i = 0; i < data.history.size(); ++i) {
            const SnapshotSummary &snapshot = data.history.at(i);
            if (i > 0) {
                const SnapshotSummary &before = data.history.at(i - 1);
                // Weekly, counted back from today's snapshot (the lab is asked for whole seconds).
                const qint64 gap = before.takenAt.msecsTo(snapshot.takenAt);
                QVERIFY2(gap >= 7 * 86400000LL && gap < 7 * 86400000LL + 1000, qPrintable(QString::number(gap)));
                QVERIFY(snapshot.totalSeatsConsumed >= before.totalSeatsConsumed);
            }
            int seats = 0;
            lab()->runInLab([&seats, when = snapshot.takenAt](LicenseLab *l) {
                seats = l->enterprise().asOf(when).consumedLicenses().totalSeatsConsumed;
            });
            QCOMPARE(snapshot.totalSeatsConsumed, seats);
            points.append({snapshot.takenAt, snapshot.totalSeatsConsumed});
        }
        QVERIFY(data.history.first().totalSeatsConsumed < data.history.last().totalSeatsConsumed);
        QCOMPARE(data.history.last().totalSeatsConsumed, labConsumed());
        QCOMPARE(data.history.last().id, data.snapshot.id);
        // The forecast follows from that history, and says something.
        const SeatForecast expected = SeatForecast::compute(points, data.snapshot.licenses.totalSeatsPurchased);
        QCOMPARE(data.forecast.outcome, expected.outcome);
        QCOMPARE(data.forecast.date, expected.date);
        QVERIFY(expected.seatsPerDay > 0);
        QVERIFY(data.forecast.outcome == SeatForecast::Outcome::ReachedOn ||
            data.forecast.outcome == SeatForecast::Outcome::NotWithinYear);
        if (data.forecast.outcome == SeatForecast::Outcome::ReachedOn) {
            QVERIFY(data.forecast.date > data.history.last().takenAt);
            QVERIFY(data.forecast.date <= data.history.last().takenAt.addDays(365));
        }
        QCOMPARE(page()->historyChart()->consumed().size(), weeks + 1);
        QCOMPARE(page()->historyChart()->forecast().size(), 2);
        // The forecast said in words under the chart: the trend, and the date or "beyond a year".
        QVERIFY(page()->forecastLabel()->isVisible());
        const QString forecastText = page()->forecastLabel()->text();
        QVERIFY2(forecastText.startsWith(QLatin1String("At the current trend of")), qPrintable(forecastText));
        QVERIFY2(forecastText.contains(data.forecast.outcome == SeatForecast::Outcome::ReachedOn
                         ? DateFormat::toString(data.forecast.date.toLocalTime().date())
                         : QStringLiteral("beyond a year")),
            qPrintable(forecastText));
        // Beside it, how that day stands to the license's expiry (the lab's, from its servers' license files).
        const QDateTime expiry = page()->userLicensesCard()->summary().expiresAt;
        QVERIFY(expiry.isValid());
        const QString renewal = data.forecast.renewalText(expiry, QDateTime::currentDateTimeUtc());
        QCOMPARE(renewal.isEmpty(), data.forecast.outcome != SeatForecast::Outcome::ReachedOn);
        QVERIFY2(forecastText.endsWith(renewal), qPrintable(forecastText));
        // The sync card shows the servers' latest sync, not one of the past weeks'.
        for (const ServerRow &row : page()->licenseSyncCard()->servers()) {
            QVERIFY(row.sync.lastSyncDate > data.history.at(weeks - 1).takenAt);
        }
        QCOMPARE(page()->licenseSyncCard()->staleCount(), 0);

        // The next start finds a history: it takes none again.
        QVERIFY(reopenConsole(options));
        QCOMPARE(controller()->data().history.size(), weeks + 1);
        QVERIFY(!controller()->isRefreshing());
    }

    void shouldTakeTheLabsPastWhenAFirstStartClosedBeforeIt()
    {
        // A first start closed right after today's snapshot (as if before its past came in).
        LicenseController::Options options = freshOptions();
        QVERIFY(openConsoleWith(options));
        QCOMPARE(controller()->data().history.size(), 1);
        // The next start takes the past behind the page, which shows today's snapshot meanwhile.
        options.historyWeeks = LicenseController::Options{}.historyWeeks;
        const int weeks = LicenseController::firstStartHistoryWeeks(options);
        QVERIFY(weeks > 1);
        m_window.reset();
        QVERIFY(showWindow(options));
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        m_window->start();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(controller()->data().history.size(), 1);
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QCOMPARE(controller()->data().history.size(), weeks + 1);
        QVERIFY(controller()->data().labPastTaken);
        QCOMPARE(page()->historyChart()->consumed().size(), weeks + 1);
        // Taken once: even with a single snapshot left (a strict retention), it is not taken again.
        {
            LicenseStore store;
            QVERIFY(!store.open(options.storeLocation));
            const auto snapshots = store.snapshots(QStringLiteral("lab"));
            QVERIFY(snapshots.ok());
            for (qsizetype i = 0; i + 1 < snapshots.value.size(); ++i) {
                QVERIFY(!store.removeSnapshot(snapshots.value.at(i).id));
            }
        }
        QVERIFY(reopenConsole(options));
        QCOMPARE(controller()->data().history.size(), 1);
        // The decision is taken as the page data is shown (a past to take would be running or queued now).
        QVERIFY(!controller()->isRefreshing());
    }

    void shouldExportAndNeverOverwriteSilently()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = labServers().first();
        auto *view = openView<ExportUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(view);
        view->serverCombo()->setCurrentIndex(view->serverCombo()->findData(server.hostname));
        QVERIFY(view->targetEdit()->text().endsWith(QStringLiteral("%1-license-usage-%2.json")
                .arg(server.hostname, QDate::currentDate().toString(Qt::ISODate))));
        const QString target = m_dir->filePath(QStringLiteral("export.json"));
        view->targetEdit()->clear();
        QTest::keyClicks(view->targetEdit(), target);
        int asked = 0;
        view->setOverwriteQuestion([&asked](const QString &) {
            ++asked;
            return false;
        });
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(asked, 0);
        QCOMPARE(view->stagesLabel()->text(),
            QStringLiteral("✔ Exported license usage of %1<br>✔ Checked and wrote export.json").arg(server.hostname));
        QVERIFY(view->summaryLabel()->text().contains(server.serverId));
        QVERIFY(view->summaryLabel()->text().contains(server.hostname));
        QVERIFY(view->resultMessage()->title().contains(target));
        const QByteArray first = readAll(target);
        QVERIFY(UsageFile::read(first).ok());
        QCOMPARE(UsageFile::read(first).info.serverId, server.serverId);
        // The sync card learns the server's version from its newest usage file.
        const QString versionLabel = QStringLiteral("versionLabel_") + WidgetUtil::objectNameSuffix(server.serverId);
        const auto shownVersion = [this, &versionLabel] {
            const auto *label = page()->licenseSyncCard()->findChild<QLabel *>(versionLabel);
            return label ? label->text() : QString();
        };
        QTRY_COMPARE(shownVersion(), UsageFile::read(first).info.version);

        // The file just exported goes on to Add server usage with a click, checked at once.
        QVERIFY(view->addExportedButton()->isVisible());
        view->addExportedButton()->click();
        QPointer<AddServerUsageView> adding;
        QTRY_VERIFY((adding = m_window->findChild<AddServerUsageView *>()) && adding->isVisible());
        QCOMPARE(adding->files(), QStringList{target});
        QTRY_VERIFY2(
            adding->previewLabel()->text().contains(server.hostname), qPrintable(adding->previewLabel()->text()));
        QVERIFY(closeAndWait(adding.data()));

        // View > Usage Files lists the export, and follows the next one while it is open.
        // (The Export view's window is the active one here: the menu's action, with its own shortcut.)
        auto *usageFilesAction = m_window->findChild<QAction *>(QStringLiteral("usageFilesAction"));
        QVERIFY(usageFilesAction);
        QCOMPARE(usageFilesAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        usageFilesAction->trigger();
        QPointer<UsageFilesDialog> files;
        QTRY_VERIFY((files = m_window->findChild<UsageFilesDialog *>()) && files->isVisible());
        QAbstractItemModel *listed = files->view()->model();
        QTRY_COMPARE(listed->rowCount(), 1);
        const auto cell = [listed](int row, int column) { return listed->index(row, column).data().toString(); };
        QCOMPARE(cell(0, UsageFilesModel::FileNameColumn), target);
        QCOMPARE(cell(0, UsageFilesModel::DirectionColumn), QStringLiteral("Exported"));
        QCOMPARE(cell(0, UsageFilesModel::HostColumn), server.hostname);
        QCOMPARE(cell(0, UsageFilesModel::OutcomeColumn), QStringLiteral("Succeeded"));
        QCOMPARE(cell(0, UsageFilesModel::Sha256Column),
            QString::fromLatin1(QCryptographicHash::hash(first, QCryptographicHash::Sha256).toHex()));
        QVERIFY(files->view()->isColumnHidden(UsageFilesModel::ServerIdColumn));
        QVERIFY(files->view()->isColumnHidden(UsageFilesModel::Sha256Column));
        QVERIFY(!files->view()->isColumnHidden(UsageFilesModel::OutcomeColumn));
        // The header's menu shows a hidden column.
        QAction *shaToggle = nullptr;
        for (QAction *action : files->view()->header()->actions()) {
            if (action->text() == QLatin1String("SHA-256")) {
                shaToggle = action;
            }
        }
        QVERIFY(shaToggle && !shaToggle->isChecked());
        shaToggle->trigger();
        QVERIFY(!files->view()->isColumnHidden(UsageFilesModel::Sha256Column));
        QVERIFY2(files->summaryLabel()->text().contains(QLatin1String("1 file exported")),
            qPrintable(files->summaryLabel()->text()));

        // The server changes, so a new export differs from the file on disk.
        lab()->runInLab([&server](LicenseLab *l) {
            l->enterprise().setServerUserEmail(
                server.hostname, server.users.first().login, QStringLiteral("changed@elsewhere.example"));
        });
        view->startButton()->click();
        QCOMPARE(asked, 1);
        QCOMPARE(finished.count(), 1); // nothing ran
        QVERIFY(view->resultMessage()->isVisible());
        QVERIFY2(view->resultMessage()->title().contains(QLatin1String("Nothing exported")),
            qPrintable(view->resultMessage()->title()));
        QVERIFY(view->resultMessage()->title().contains(target));
        QCOMPARE(readAll(target), first);

        view->setOverwriteQuestion([&asked](const QString &) {
            ++asked;
            return true;
        });
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.last().first().toBool());
        QCOMPARE(asked, 2);
        const QByteArray replaced = readAll(target);
        QVERIFY(replaced != first);
        QVERIFY(UsageFile::read(replaced).ok());
        // Newest first; the refused export was not recorded.
        QTRY_COMPARE(listed->rowCount(), 2);
        QCOMPARE(cell(0, UsageFilesModel::Sha256Column),
            QString::fromLatin1(QCryptographicHash::hash(replaced, QCryptographicHash::Sha256).toHex()));
        QVERIFY(files->summaryLabel()->text().contains(QLatin1String("2 files exported")));
        files->close();
    }

    void shouldCheckDroppedFilesThenUploadAndChangeTheTotals()
    {
        QVERIFY(openConsole());
        // An air-gapped server: one of its users got an email nobody on github.com has, so its next
        // upload adds a seat.
        const LabEnterprise::Server server = labServer(false);
        QVERIFY(!server.hostname.isEmpty());
        bool changed = false;
        lab()->runInLab([&server, &changed](LicenseLab *l) {
            changed = l->enterprise().setServerUserEmail(
                server.hostname, server.users.first().login, QStringLiteral("new-person@airgap.example"));
        });
        QVERIFY(changed);
        QByteArray exported;
        lab()->runInLab([&](LicenseLab *l) { exported = l->exportUsage(server.hostname); });
        QVERIFY(UsageFile::read(exported).ok());

        struct Bad
        {
            QString name;
            QByteArray bytes;
            QString message;
        };
        UsageFileInfo unknown;
        unknown.serverId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        unknown.hostName = QStringLiteral("elsewhere.example.com");
        unknown.version = QStringLiteral("3.15.0");
        const QList<Bad> bad{
            {QStringLiteral("empty.json"), QByteArray(), UsageFile::validationMessage(UsageFile::Validation::Empty)},
            {QStringLiteral("notes.json"), QByteArrayLiteral("hostname: ghes1\nusers: 12\n"),
                UsageFile::validationMessage(UsageFile::Validation::NotJson)},
            {QStringLiteral("login.json"),
                QByteArrayLiteral("<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"),
                UsageFile::validationMessage(UsageFile::Validation::HtmlPage)},
            {QStringLiteral("shape.json"), QByteArrayLiteral("{\"name\": \"octocat\", \"seats\": [1, 2]}"),
                UsageFile::validationMessage(UsageFile::Validation::WrongShape)},
            {QStringLiteral("cut.json"), exported.left(exported.size() / 2),
                UsageFile::validationMessage(UsageFile::Validation::Truncated)},
            {QStringLiteral("powershell.json"), Glc::Test::utf16LittleEndianWithBom(exported),
                UsageFile::validationMessage(UsageFile::Validation::Utf16Text)},
            {QStringLiteral("unknown.json"), UsageFile::write(unknown, QByteArrayLiteral("c2VjcmV0")),
                QStringLiteral("elsewhere.example.com")},
        };
        QStringList paths;
        for (const Bad &file : bad) {
            paths.append(m_dir->filePath(file.name));
            QVERIFY(writeFile(paths.last(), file.bytes));
        }
        // Over the size limit: a sparse file, so nothing big is written.
        const QString huge = m_dir->filePath(QStringLiteral("huge.json"));
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(UsageFile::DefaultSizeLimit + 1));
        }
        const QString valid = m_dir->filePath(QStringLiteral("%1-license-usage.json").arg(server.hostname));
        QVERIFY(writeFile(valid, exported));

        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QVERIFY(!view->startButton()->isEnabled());
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), QStringList(paths) << huge << valid);
        QVERIFY(checked.wait(30000));
        const QList<UsageFileResult> results = view->dropZone()->results();
        QCOMPARE(results.size(), bad.size() + 2);
        for (int i = 0; i < bad.size(); ++i) {
            QCOMPARE(results.at(i).path, paths.at(i));
            QVERIFY2(!results.at(i).ok, qPrintable(paths.at(i)));
            QVERIFY2(results.at(i).detail.contains(bad.at(i).message),
                qPrintable(QStringLiteral("%1: %2").arg(bad.at(i).name, results.at(i).detail)));
        }
        // The server the enterprise does not list may be a first upload: a warning, not uploaded unless allowed.
        QVERIFY(results.at(bad.size() - 1).warning);
        QCOMPARE(results.at(bad.size() - 1).title, QStringLiteral("New server?"));
        QVERIFY(!results.at(0).warning);
        QVERIFY(view->allowNewServersCheck()->isVisible());
        QVERIFY(!view->allowNewServersCheck()->isChecked());
        QVERIFY(!results.at(bad.size()).ok);
        QCOMPARE(results.at(bad.size()).detail, UsageFile::validationMessage(UsageFile::Validation::TooLarge));
        QVERIFY(results.last().ok);
        QCOMPARE(results.last().path, valid);
        // Each result is on screen in the zone's list.
        auto *list = view->dropZone()->findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), results.size());
        // The first file that may go is previewed (the new server's, with its question); the valid one when chosen.
        QCOMPARE(view->dropZone()->currentResult(), bad.size() - 1);
        QVERIFY2(view->previewLabel()->text().contains(QLatin1String("elsewhere.example.com")),
            qPrintable(view->previewLabel()->text()));
        list->setCurrentItem(list->topLevelItem(list->topLevelItemCount() - 1));
        QVERIFY(view->previewLabel()->text().contains(server.hostname));
        QVERIFY(view->previewLabel()->text().contains(server.serverId));
        QVERIFY(view->startButton()->isEnabled());

        // Upload: PENDING, then SUCCESS, then the totals are refreshed.
        const int consumedBefore = page()->userLicensesCard()->summary().consumed;
        const int labBefore = labConsumed();
        QCOMPARE(consumedBefore, labBefore);
        QSignalSpy finished(view, &ActionView::jobFinished);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(view->dropZone()->results().size(), 1);
        QCOMPARE(view->dropZone()->results().first().title, uploadSyncStateText(UploadSyncState::Success));
        // The list now holds the uploaded file alone; the preview is still that file's, not the first dropped one's.
        QCOMPARE(view->dropZone()->currentResult(), 0);
        QVERIFY2(view->previewLabel()->text().contains(server.serverId) &&
                !view->previewLabel()->text().contains(QLatin1String("empty.json")),
            qPrintable(view->previewLabel()->text()));
        QVERIFY(refreshed.count() == 1 || refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(page()->userLicensesCard()->summary().consumed, labConsumed(), 30000);
        QCOMPARE(labConsumed(), labBefore + 1);
        QCOMPARE(page()->userLicensesCard()->summary().consumed, consumedBefore + 1);
        QCOMPARE(rowCount(), consumedBefore + 1);

        // Now that the server has an upload: the same file again is refused, and so is an export of that
        // server older than its last upload (it would replace newer usage with older usage).
        QJsonObject olderExport = QJsonDocument::fromJson(exported).object();
        QVERIFY(!olderExport.isEmpty());
        const QDateTime olderDate = QDateTime::currentDateTimeUtc().addDays(-30);
        olderExport.insert(QStringLiteral("exported_at"), olderDate.toString(Qt::ISODate));
        const QString older = m_dir->filePath(QStringLiteral("older-license-usage.json"));
        QVERIFY(writeFile(older, QJsonDocument(olderExport).toJson()));
        QVERIFY(UsageFile::readFile(older).ok());
        const QList<Bad> afterUpload{
            {valid, {}, QStringLiteral("already uploaded")},
            {older, {}, QStringLiteral("before the last upload of this server")},
        };
        checked.clear();
        dropFiles(view->dropZone(), {valid, older});
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), afterUpload.size());
        for (int i = 0; i < afterUpload.size(); ++i) {
            const UsageFileResult result = view->dropZone()->results().at(i);
            QCOMPARE(result.path, afterUpload.at(i).name);
            QVERIFY2(!result.ok, qPrintable(result.path));
            QVERIFY2(result.detail.contains(afterUpload.at(i).message), qPrintable(result.detail));
        }
        // The message names the export date, as the file says it, and the zone's list shows it.
        QVERIFY2(view->dropZone()->results().last().detail.contains(DateFormat::toString(olderDate.toLocalTime())),
            qPrintable(view->dropZone()->results().last().detail));
        QCOMPARE(list->topLevelItemCount(), afterUpload.size());
        QCOMPARE(list->topLevelItem(1)->text(2), view->dropZone()->results().last().detail);
        QVERIFY(!view->startButton()->isEnabled());
        QVERIFY(!view->allowNewServersCheck()->isVisible()); // no new server among these

        // An offline server's first upload: GitHub lists it only afterwards. Allowed by the admin, it goes up
        // and the enterprise lists the server from then on.
        UsageFileInfo offline = UsageFile::read(exported).info;
        offline.serverId = QStringLiteral("00000000-0000-4000-8000-00000000f1f5");
        offline.hostName = QStringLiteral("offline.example.com");
        offline.exportedAt = QDateTime::currentDateTimeUtc();
        offline.users = {UsageFileUser{
            QStringLiteral("hermit"), QStringLiteral("7"), {QStringLiteral("hermit@offline.example.com")}, false}};
        const QString firstUpload = m_dir->filePath(QStringLiteral("offline-license-usage.json"));
        QVERIFY(writeFile(firstUpload, UsageFile::write(offline)));
        checked.clear();
        dropFiles(view->dropZone(), {firstUpload}); // joins the two refused above
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), afterUpload.size() + 1);
        QCOMPARE(view->dropZone()->results().last().path, firstUpload);
        QVERIFY(view->dropZone()->results().last().warning);
        QVERIFY(view->allowNewServersCheck()->isVisible());
        QVERIFY(!view->startButton()->isEnabled());
        QTest::mouseClick(view->allowNewServersCheck(), Qt::LeftButton);
        QVERIFY(view->allowNewServersCheck()->isChecked());
        QVERIFY(view->startButton()->isEnabled());
        finished.clear();
        refreshed.clear();
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(view->dropZone()->results().first().title, uploadSyncStateText(UploadSyncState::Success));
        QVERIFY(refreshed.count() == 1 || refreshed.wait(30000));
        const auto listed = [this] {
            const QList<EnterpriseServerInstallation> installations = controller()->data().snapshot.installations;
            return std::any_of(installations.cbegin(), installations.cend(), [](const EnterpriseServerInstallation &i) {
                return i.hostName == QLatin1String("offline.example.com");
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page()->userLicensesCard()->summary().consumed, consumedBefore + 2, 30000); // hermit
    }

    /// Writes the lab's usage export of @p host (as its Management Console gives it) to @p path.
    bool writeLabExport(const QString &host, const QString &path)
    {
        QByteArray exported;
        lab()->runInLab([&](LicenseLab *l) { exported = l->exportUsage(host); });
        return UsageFile::read(exported).ok() && writeFile(path, exported);
    }

    void shouldRefuseNewFilesWhileAnUploadRuns()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = labServer(false);
        const QString first = m_dir->filePath(QStringLiteral("first-license-usage.json"));
        QVERIFY(writeLabExport(server.hostname, first));
        const QString other = m_dir->filePath(QStringLiteral("other-license-usage.json"));
        QVERIFY(writeLabExport(labServer(true).hostname, other));

        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        auto *choose = view->dropZone()->findChild<QPushButton *>(QStringLiteral("chooseFilesButton"));
        QVERIFY(choose);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), {first});
        QVERIFY(checked.wait(30000));
        QVERIFY(view->startButton()->isEnabled());

        // Slow answers keep the upload running while the admin drops, chooses and pastes another file.
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 300; });
        QSignalSpy finished(view, &ActionView::jobFinished);
        checked.clear();
        view->startButton()->click();
        QVERIFY(view->isBusy());
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(other)});
        const QPoint center = view->dropZone()->rect().center();
        QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->dropZone(), &enter);
        QVERIFY(!enter.isAccepted());
        const QString refusal = view->dropZone()->message();
        QVERIFY2(refusal.contains(QLatin1String("An upload is running")), qPrintable(refusal));
        QDropEvent drop(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->dropZone(), &drop);
        QVERIFY(!drop.isAccepted());
        QVERIFY(!choose->isEnabled());
        view->dropZone()->setFileChooser([&other](QWidget *) { return QStringList{other}; });
        view->dropZone()->chooseFiles();
        QApplication::clipboard()->setText(other);
        QTest::keySequence(view->dropZone(), QKeySequence::Paste);
        view->addFiles({other});
        QCOMPARE(view->dropZone()->message(), refusal);
        QVERIFY(!view->startButton()->isEnabled());
        QCOMPARE(view->files(), QStringList{first});
        QVERIFY(view->isBusy()); // all of the above happened while the upload ran
        // The running stage in words for the tooltip and screen readers, not only its arrow.
        QTRY_VERIFY2(view->stagesLabel()->toolTip().contains(QLatin1String("In progress: ")),
            qPrintable(view->stagesLabel()->toolTip()));
        QVERIFY(view->isBusy());

        // The upload finishes as started, with the file dropped first only, and nothing else was checked.
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(view->dropZone()->results().size(), 1);
        QCOMPARE(view->dropZone()->results().first().path, first);
        QCOMPARE(view->dropZone()->results().first().title, uploadSyncStateText(UploadSyncState::Success));
        QVERIFY(checked.isEmpty());
        QVERIFY(!view->startButton()->isEnabled());
        // Then the zone takes files again.
        QVERIFY(choose->isEnabled());
        QVERIFY(view->dropZone()->message().isEmpty());
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 0; });
        dropFiles(view->dropZone(), {other});
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), 1);
        QVERIFY(view->dropZone()->results().first().ok);
        QVERIFY(view->startButton()->isEnabled());
    }

    void shouldCheckTwoQuickDropsOnceTogether()
    {
        QVERIFY(openConsole());
        const QString first = m_dir->filePath(QStringLiteral("first-license-usage.json"));
        QVERIFY(writeLabExport(labServer(false).hostname, first));
        const QString last = m_dir->filePath(QStringLiteral("last-license-usage.json"));
        QVERIFY(writeLabExport(labServer(true).hostname, last));
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        // The second drop comes before the first one's check has answered (no events in between): it joins
        // the first, whose check gives way to one of both.
        dropFiles(view->dropZone(), {first});
        QVERIFY(view->isChecking());
        dropFiles(view->dropZone(), {last});
        QVERIFY(!view->startButton()->isEnabled());
        QVERIFY(checked.wait(30000));
        QTest::qWait(500); // the first check, had it gone on, would have answered by now
        QCOMPARE(checked.count(), 1);
        QVERIFY(!view->isChecking());
        QCOMPARE(view->files(), (QStringList{first, last}));
        QCOMPARE(view->dropZone()->results().size(), 2);
        QCOMPARE(view->dropZone()->results().first().path, first);
        QCOMPARE(view->dropZone()->results().last().path, last);
        QVERIFY(view->dropZone()->results().first().ok);
        QVERIFY(view->dropZone()->results().last().ok);
        // Upload goes through both files.
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(view->dropZone()->results().size(), 2);
        QCOMPARE(view->dropZone()->results().last().path, last);
    }

    /// Takes GitHub Connect from a connected server of the lab: its usage, too, arrives by file now.
    LabEnterprise::Server disconnectAServer()
    {
        const LabEnterprise::Server server = labServer(true);
        bool disconnected = false;
        lab()->runInLab([&](LicenseLab *l) { disconnected = l->setServerConnected(server.hostname, false); });
        return disconnected ? server : LabEnterprise::Server{};
    }

    QList<UserAccountsUpload> labUploads(const QString &host)
    {
        for (const LabEnterprise::Server &server : labServers()) {
            if (server.hostname == host) {
                return server.uploads;
            }
        }
        return {};
    }

    void shouldUploadSeveralFilesOneByOneWithAResultEach()
    {
        QVERIFY(openConsole());
        const QList<LabEnterprise::Server> servers{labServer(false), disconnectAServer()};
        QVERIFY(!servers.at(1).hostname.isEmpty());
        QStringList files;
        QList<qsizetype> uploadsBefore;
        for (const LabEnterprise::Server &server : servers) {
            files.append(m_dir->filePath(QStringLiteral("%1-license-usage.json").arg(server.hostname)));
            QVERIFY(writeLabExport(server.hostname, files.last()));
            uploadsBefore.append(labUploads(server.hostname).size());
        }
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), files);
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), 2);
        for (const UsageFileResult &result : view->dropZone()->results()) {
            QVERIFY2(result.ok, qPrintable(result.detail));
        }
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(view->resultMessage()->title(), QStringLiteral("2 files added; the totals are being refreshed."));
        // A result per file, in the order dropped, each uploaded one after the other.
        const QList<UsageFileResult> results = view->dropZone()->results();
        QCOMPARE(results.size(), 2);
        const QString stages = view->stagesLabel()->text();
        qsizetype previous = -1;
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(results.at(i).path, files.at(i));
            QCOMPARE(results.at(i).title, uploadSyncStateText(UploadSyncState::Success));
            const QString name = QFileInfo(files.at(i)).fileName();
            const qsizetype at = stages.indexOf(QStringLiteral("✔ Uploaded %1<br>").arg(name));
            QVERIFY2(at > previous, qPrintable(stages));
            previous = at;
            // GitHub (the lab) has one more upload of each server, under the file's name.
            const QList<UserAccountsUpload> uploads = labUploads(servers.at(i).hostname);
            QCOMPARE(uploads.size(), uploadsBefore.at(i) + 1);
            QCOMPARE(uploads.first().name, name);
            QCOMPARE(uploads.first().syncState, UploadSyncState::Success);
            // Each stage in words too: the ticks are for the eye.
            QVERIFY2(view->stagesLabel()->toolTip().contains(QStringLiteral("Done: Uploaded %1\n").arg(name)),
                qPrintable(view->stagesLabel()->toolTip()));
        }
        QCOMPARE(view->stagesLabel()->accessibleDescription(), view->stagesLabel()->toolTip());
        QVERIFY2(stages.endsWith(QStringLiteral("✔ GitHub processed the upload")), qPrintable(stages));
        QVERIFY2(!stages.contains(u'…'), qPrintable(stages));
    }

    void shouldAddDroppedFilesToTheListAndTakeThemOffByDelete()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = disconnectAServer();
        QVERIFY(!server.hostname.isEmpty());
        const QString good = m_dir->filePath(QStringLiteral("%1-listed.json").arg(server.hostname));
        QVERIFY(writeLabExport(server.hostname, good));
        const QString wrong = m_dir->filePath(QStringLiteral("notes-listed.json"));
        QVERIFY(writeFile(wrong, QByteArrayLiteral("hostname: ghes1\nusers: 12\n")));
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        UsageFileDropZone *zone = view->dropZone();
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(zone, {good});
        QVERIFY(checked.wait(30000));
        QCOMPARE(zone->results().size(), 1);
        QVERIFY(view->startButton()->isEnabled());

        // A wrong file dropped next joins the list with its reason; the file checked before stays ready.
        dropFiles(zone, {wrong});
        QVERIFY(checked.wait(30000));
        QCOMPARE(zone->results().size(), 2);
        QCOMPARE(zone->results().at(0).path, good);
        QVERIFY(zone->results().at(0).ok);
        QCOMPARE(zone->results().at(1).path, wrong);
        QVERIFY(!zone->results().at(1).ok);
        QVERIFY2(zone->results().at(1).detail.contains(UsageFile::validationMessage(UsageFile::Validation::NotJson)),
            qPrintable(zone->results().at(1).detail));
        QVERIFY(view->startButton()->isEnabled());
        // The same file again is not listed twice.
        dropFiles(zone, {good});
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->files(), (QStringList{good, wrong}));
        QCOMPARE(zone->results().size(), 2);

        // Delete on the wrong file's row takes it off the list; the context menu offers the same.
        auto *list = zone->findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        QVERIFY(list);
        auto *remove = zone->findChild<QAction *>(QStringLiteral("removeFilesAction"));
        QVERIFY(remove);
        QVERIFY(list->actions().contains(remove));
        list->setCurrentItem(list->topLevelItem(1));
        QVERIFY(remove->isEnabled());
        view->activateWindow();
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QTest::keyClick(list, Qt::Key_Delete);
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->files(), QStringList{good});
        QCOMPARE(zone->results().size(), 1);
        QVERIFY(zone->results().constFirst().ok);
        QVERIFY(view->startButton()->isEnabled());

        // Uploaded, the list is done with: the next file dropped starts a new one.
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        dropFiles(zone, {wrong});
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->files(), QStringList{wrong});
        QCOMPARE(zone->results().size(), 1);
        // The last file taken off leaves an empty list and nothing to start.
        list->setCurrentItem(list->topLevelItem(0));
        remove->trigger();
        QVERIFY(view->files().isEmpty());
        QVERIFY(zone->results().isEmpty());
        QVERIFY(!view->startButton()->isEnabled());
    }

    void shouldSayWhyDroppedFilesCouldNotBeCheckedAndCheckThemAgain()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = disconnectAServer();
        QVERIFY(!server.hostname.isEmpty());
        const QString file = m_dir->filePath(QStringLiteral("%1-unchecked.json").arg(server.hostname));
        QVERIFY(writeLabExport(server.hostname, file));
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        UsageFileDropZone *zone = view->dropZone();
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);

        // The store cannot list its uploads (another program took the table away): no file can be judged.
        const auto alterStore = [this](const QString &statement) {
            const QString name = QStringLiteral("alter-store");
            bool done = false;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(m_dir->filePath(QStringLiteral("store.sqlite")));
                done = db.open() && QSqlQuery(db).exec(statement);
            }
            QSqlDatabase::removeDatabase(name);
            return done;
        };
        QVERIFY(alterStore(QStringLiteral("ALTER TABLE usage_files RENAME TO usage_files_away")));
        dropFiles(zone, {file});
        QVERIFY(checked.wait(30000));
        QVERIFY(view->resultMessage()->isVisible());
        QCOMPARE(view->resultMessage()->type(), InlineMessage::Type::Error);
        QVERIFY(view->resultMessage()->title().startsWith(QLatin1String("The license database reported an error")));
        // A next step of its own, not the driver's words that the message quotes already.
        QVERIFY(!view->resultMessage()->nextStep().isEmpty());
        QVERIFY2(!view->resultMessage()->title().contains(view->resultMessage()->nextStep()),
            qPrintable(view->resultMessage()->nextStep()));
        QCOMPARE(zone->results().size(), 1);
        QCOMPARE(zone->results().constFirst().path, file);
        QVERIFY(!zone->results().constFirst().ok);
        QCOMPARE(zone->results().constFirst().title, QStringLiteral("Not checked"));
        QVERIFY(!view->startButton()->isEnabled());
        QCOMPARE(view->files(), QStringList{file});

        // Mended, the next drop checks the file listed before too, and the error goes.
        QVERIFY(alterStore(QStringLiteral("ALTER TABLE usage_files_away RENAME TO usage_files")));
        const QString wrong = m_dir->filePath(QStringLiteral("notes-unchecked.json"));
        QVERIFY(writeFile(wrong, QByteArrayLiteral("hostname: ghes1\n")));
        dropFiles(zone, {wrong});
        QVERIFY(checked.wait(30000));
        QVERIFY(!view->resultMessage()->isVisible());
        QCOMPARE(zone->results().size(), 2);
        QVERIFY(zone->results().at(0).ok);
        QVERIFY(!zone->results().at(1).ok);
        QVERIFY(view->startButton()->isEnabled());
    }

    void shouldKeepTheCheckedFilesWhenGitHubRefusesTheUpload()
    {
        QVERIFY(openConsole());
        const LabEnterprise::Server server = disconnectAServer();
        QVERIFY(!server.hostname.isEmpty());
        const QString file = m_dir->filePath(QStringLiteral("%1-refused.json").arg(server.hostname));
        QVERIFY(writeLabExport(server.hostname, file));
        const qsizetype uploadsBefore = labUploads(server.hostname).size();
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), {file});
        QVERIFY(checked.wait(30000));
        QVERIFY(view->startButton()->isEnabled());

        // The token expires between the check and the upload: GitHub's reason and its fix, and the file
        // checked again, ready for Start once the token is mended - not a list to drop again.
        setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Bad; });
        auto validToken =
            qScopeGuard([this] { setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Valid; }); });
        checked.clear();
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.first().first().toBool());
        QCOMPARE(view->resultMessage()->title(),
            QStringLiteral("GitHub refused the token: it is wrong, expired or revoked."));
        QVERIFY2(view->resultMessage()->nextStep().contains(QLatin1String("Create a new personal access token")),
            qPrintable(view->resultMessage()->nextStep()));
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), 1);
        QCOMPARE(view->dropZone()->results().constFirst().path, file);
        QVERIFY2(view->dropZone()->results().constFirst().ok, qPrintable(view->dropZone()->results().first().detail));
        QVERIFY(view->startButton()->isEnabled());
        QCOMPARE(view->resultMessage()->title(),
            QStringLiteral("GitHub refused the token: it is wrong, expired or revoked."));
        QCOMPARE(labUploads(server.hostname).size(), uploadsBefore);

        validToken.dismiss();
        setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Valid; });
        finished.clear();
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        QCOMPARE(labUploads(server.hostname).size(), uploadsBefore + 1);
    }

    void shouldGuideTheAssistedUploadOfSeveralFilesOneByOne()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        QVERIFY(openConsole(config));
        const QList<LabEnterprise::Server> servers{labServer(false), disconnectAServer()};
        QVERIFY(!servers.at(1).hostname.isEmpty());
        // The admin exports each server's usage in the browser, into a folder of its own.
        LabBrowser browser(lab()->url(), lab()->token());
        QStringList files;
        QList<std::pair<QByteArray, QString>> toUpload;
        for (const LabEnterprise::Server &server : servers) {
            const QByteArray bytes = browser.exportUsage(server.hostname);
            QVERIFY(UsageFile::read(bytes).ok());
            QVERIFY(QDir(m_dir->path()).mkpath(server.hostname));
            files.append(m_dir->filePath(server.hostname + QLatin1String("/license-usage.json")));
            QVERIFY(writeFile(files.last(), bytes));
            toUpload.append({bytes, server.hostname + QLatin1String(".json")});
        }
        // Each GitHub page that opens: the admin uploads the file the instructions name, which the console
        // confirms by polling; the folder opened beside it is the one of that file.
        QList<QUrl> opened;
        UrlOpener::set([&opened, &browser, &toUpload](const QUrl &url) {
            opened.append(url);
            if (!url.isLocalFile() && !toUpload.isEmpty()) {
                const auto [bytes, name] = toUpload.takeFirst();
                browser.upload(bytes, name);
            }
        });
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QCOMPARE(view->capability().kind, Capability::Kind::Assisted);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), files);
        QVERIFY(checked.wait(30000));
        QCOMPARE(view->dropZone()->results().size(), 2);
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        const QUrl page = controller()->context().connection.enterpriseLicensePage();
        QCOMPARE(opened,
            (QList<QUrl>{page, QUrl::fromLocalFile(QFileInfo(files.at(0)).absolutePath()), page,
                QUrl::fromLocalFile(QFileInfo(files.at(1)).absolutePath())}));
        // The instructions of both files, each with the path the admin uploads there.
        const QString assist = view->assistLabel()->text();
        for (const QString &file : files) {
            QVERIFY2(assist.contains(file), qPrintable(assist));
        }
        QCOMPARE(assist.count(QLatin1String("The folder with license-usage.json is open too")), 2);
        QCOMPARE(view->dropZone()->results().size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(view->dropZone()->results().at(i).path, files.at(i));
            QCOMPARE(view->dropZone()->results().at(i).title, uploadSyncStateText(UploadSyncState::Success));
        }
        QVERIFY(toUpload.isEmpty());
    }

    void shouldPreviewTheFeaturesOfADroppedFileAsText()
    {
        QVERIFY(openConsole());
        // Whatever a file says is shown as it is, never as markup.
        UsageFileInfo info;
        info.serverId = QStringLiteral("00000000-0000-4000-8000-0000000000b0");
        info.hostName = QStringLiteral("markup.example.com");
        info.version = QStringLiteral("3.15.0");
        info.exportedAt = QDateTime::currentDateTimeUtc();
        info.features = {UsageFileFeature{QStringLiteral("<b>x</b>"), {}}};
        const QString file = m_dir->filePath(QStringLiteral("markup-license-usage.json"));
        QVERIFY(writeFile(file, UsageFile::write(info, QByteArrayLiteral("c2VjcmV0"))));
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), {file});
        QVERIFY(checked.wait(30000));
        const QString preview = view->previewLabel()->text();
        QVERIFY2(preview.contains(QLatin1String("&lt;b&gt;x&lt;/b&gt;")), qPrintable(preview));
        QVERIFY2(!preview.contains(QLatin1String("<b>x</b>")), qPrintable(preview));
    }

    void shouldKeepAddServerUsageOnScreenWithManyFilesAndPreviewTheChosenOne()
    {
        QVERIFY(openConsole());
        // The exports of two dozen air-gapped servers, caught up at once (servers the enterprise does not list
        // yet: each a question, each previewed): the view stays within the screen, lists every file, and
        // previews the one chosen in the list.
        const QString offline = labServer(false).hostname;
        QByteArray exported;
        lab()->runInLab([&](LicenseLab *l) { exported = l->exportUsage(offline); });
        UsageFileInfo info = UsageFile::read(exported).info;
        QStringList paths;
        for (int n = 1; n <= 24; ++n) {
            info.hostName = QStringLiteral("ghes-%1.airgap.example").arg(n, 2, 10, QLatin1Char('0'));
            info.serverId = QStringLiteral("00000000-0000-4000-8000-0000000000%1").arg(n, 2, 10, QLatin1Char('0'));
            paths.append(m_dir->filePath(info.hostName + QStringLiteral("-license-usage.json")));
            QVERIFY(writeFile(paths.last(), UsageFile::write(info, QByteArrayLiteral("c2VjcmV0"))));
        }
        paths.append(m_dir->filePath(QStringLiteral("login.json")));
        QVERIFY(writeFile(paths.last(), QByteArrayLiteral("<!DOCTYPE html><html><body>Sign in</body></html>")));
        auto *view = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(view);
        const QSize before = view->size();
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        dropFiles(view->dropZone(), paths);
        QVERIFY(checked.wait(30000));
        auto *list = view->dropZone()->findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), paths.size());
        const QRect screen = view->screen()->availableGeometry();
        QVERIFY2(view->minimumSizeHint().height() <= screen.height(),
            qPrintable(QStringLiteral("%1 > %2").arg(view->minimumSizeHint().height()).arg(screen.height())));
        QTRY_VERIFY(view->height() <= screen.height());
        QVERIFY(view->height() >= before.height()); // grown for the list, not shrunk
        // The first file is chosen and previewed; the preview follows the list's current row, by keyboard.
        QCOMPARE(list->currentItem(), list->topLevelItem(0));
        const QString first = view->previewLabel()->text();
        QVERIFY2(first.contains(QFileInfo(paths.at(0)).fileName()) &&
                first.contains(QStringLiteral("00000000-0000-4000-8000-000000000001")),
            qPrintable(first));
        QVERIFY2(!first.contains(QFileInfo(paths.at(1)).fileName()), qPrintable(first));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QTRY_VERIFY2(view->previewLabel()->text().contains(QFileInfo(paths.at(1)).fileName()),
            qPrintable(view->previewLabel()->text()));
        QTest::keyClick(list, Qt::Key_End);
        QTRY_VERIFY2(view->previewLabel()->text().contains(QLatin1String("login.json")) &&
                view->previewLabel()->text().contains(
                    UsageFile::validationMessage(UsageFile::Validation::HtmlPage).toHtmlEscaped()),
            qPrintable(view->previewLabel()->text()));
    }

    void shouldKeepAssistedSyncOfManyServersOnScreen()
    {
        // Sync now of every server on real GitHub: a page, its steps and its link per server. A dozen and more
        // servers still leave the view within the screen (the steps scroll), every link reachable.
        LabConfig config = smallLab();
        config.servers = 16;
        config.githubLike = true;
        QVERIFY(openConsole(config));
        QList<QUrl> opened;
        UrlOpener::set([&opened](const QUrl &url) { opened.append(url); });
        auto *sync = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(sync);
        QCOMPARE(sync->capability().kind, Capability::Kind::Assisted);
        QCOMPARE(sync->serverCombo()->currentIndex(), 0); // all servers
        const int servers = sync->serverCombo()->count() - 1;
        QVERIFY2(servers >= 12, qPrintable(QString::number(servers)));
        sync->startButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), servers, 10000);
        QTRY_VERIFY(sync->assistLabel()->isVisible());
        for (const QUrl &page : std::as_const(opened)) {
            QVERIFY2(sync->assistLabel()->text().contains(page.toString(QUrl::FullyEncoded).toHtmlEscaped()),
                qPrintable(page.toString()));
        }
        const QRect screen = sync->screen()->availableGeometry();
        QVERIFY2(sync->minimumSizeHint().height() <= screen.height(),
            qPrintable(QStringLiteral("%1 > %2").arg(sync->minimumSizeHint().height()).arg(screen.height())));
        QVERIFY2(sync->minimumHeight() <= screen.height(), qPrintable(QString::number(sync->minimumHeight())));
        QTRY_VERIFY(sync->height() <= screen.height());
        // Not squeezed: the steps have their whole height, in an area that scrolls to the last of them.
        QLabel *steps = sync->assistLabel();
        QTRY_VERIFY2(steps->height() >= steps->heightForWidth(steps->width()),
            qPrintable(QStringLiteral("%1 < %2").arg(steps->height()).arg(steps->heightForWidth(steps->width()))));
        auto *area = sync->findChild<QScrollArea *>(QStringLiteral("assistArea"));
        QVERIFY(area && area->isVisible());
        QVERIFY(area->verticalScrollBar()->maximum() > 0);
        QCOMPARE(area->focusPolicy(), Qt::StrongFocus); // scrolled by keyboard too
        area->setFocus();
        for (int page = 0; page < 20 && area->verticalScrollBar()->value() < area->verticalScrollBar()->maximum();
            ++page) {
            QTest::keyClick(area, Qt::Key_PageDown);
        }
        QCOMPARE(area->verticalScrollBar()->value(), area->verticalScrollBar()->maximum());
        const QPoint lastLine = steps->mapTo(area->viewport(), QPoint(0, steps->height() - 1));
        QVERIFY2(area->viewport()->rect().contains(lastLine), qPrintable(QString::number(lastLine.y())));
        // The buttons stay in the window: Cancel ends the wait.
        QVERIFY(sync->cancelButton()->isEnabled());
        QVERIFY(sync->rect().contains(sync->cancelButton()->mapTo(sync, sync->cancelButton()->rect().bottomRight())));
        QSignalSpy finished(sync, &ActionView::jobFinished);
        sync->cancelButton()->click();
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.first().first().toBool());
    }

    void shouldConfirmAssistedSyncAndUploadByPolling()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        QVERIFY(openConsole(config));
        const LabEnterprise::Server server = labServer(true);
        QList<QUrl> opened;
        // The admin's click on "Sync now" in the browser: a request to the lab's page, over HTTP. The
        // console learns of it only by polling license-sync-status.
        LabBrowser browser(lab()->url(), lab()->token());
        UrlOpener::set([&opened, &browser, host = server.hostname](const QUrl &url) {
            opened.append(url);
            browser.clickSyncNow(host);
        });
        auto *sync = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(sync);
        QCOMPARE(sync->capability().kind, Capability::Kind::Assisted); // the lab in its GitHub-like mode
        sync->serverCombo()->setCurrentIndex(sync->serverCombo()->findData(server.hostname));
        QSignalSpy syncFinished(sync, &ActionView::jobFinished);
        sync->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(sync->assistLabel()->isVisible(), 10000);
        QVERIFY(!sync->assistLabel()->text().isEmpty());
        QVERIFY(sync->assistLabel()->text().contains(server.hostname));
        QVERIFY(syncFinished.wait(30000));
        QVERIFY2(syncFinished.first().first().toBool(), qPrintable(sync->resultMessage()->title()));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().host(), server.hostname);
        QCOMPARE(sync->resultList()->topLevelItem(0)->text(1), QStringLiteral("Synced"));
        QCOMPARE(browser.answers(), QList<int>{202});
        sync->close();

        // Add server usage: the admin exports the usage on the air-gapped server and uploads the file
        // on the enterprise's License page, both in the browser (over HTTP).
        const LabEnterprise::Server airGapped = labServer(false);
        const QByteArray bytes = browser.exportUsage(airGapped.hostname);
        QVERIFY(UsageFile::read(bytes).ok());
        const QString file = m_dir->filePath(QStringLiteral("assisted.json"));
        QVERIFY(writeFile(file, bytes));
        opened.clear();
        UrlOpener::set([&opened, &browser, bytes](const QUrl &url) {
            opened.append(url);
            if (url.isLocalFile()) {
                return; // the folder with the file, for the admin to drag it into the browser
            }
            browser.upload(bytes, QStringLiteral("assisted.json"));
        });
        auto *add = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(add);
        QSignalSpy checked(add, &AddServerUsageView::filesChecked);
        dropFiles(add->dropZone(), {file});
        QVERIFY(checked.wait(30000));
        QVERIFY(add->dropZone()->results().first().ok);
        QSignalSpy addFinished(add, &ActionView::jobFinished);
        add->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(add->assistLabel()->isVisible(), 10000);
        QVERIFY(!add->assistLabel()->text().isEmpty());
        // The instructions say the file's folder is open too, to drag the file onto GitHub's page.
        QVERIFY2(add->assistLabel()->text().contains(QLatin1String("The folder with assisted.json is open too")),
            qPrintable(add->assistLabel()->text()));
        QVERIFY(addFinished.wait(30000));
        QVERIFY2(addFinished.first().first().toBool(), qPrintable(add->resultMessage()->title()));
        QCOMPARE(browser.answers(), (QList<int>{202, 202})); // the sync's click, then the upload
        // The enterprise's License page, then the folder that holds the file.
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.first(), controller()->context().connection.enterpriseLicensePage());
        QVERIFY(!opened.first().isLocalFile());
        QCOMPARE(opened.at(1), QUrl::fromLocalFile(m_dir->path()));
        QCOMPARE(add->dropZone()->results().first().title, uploadSyncStateText(UploadSyncState::Success));
    }

    void shouldCancelARefreshAndKeepThePreviousSnapshot()
    {
        LabConfig config = smallLab();
        config.users = 3000;
        QVERIFY(openConsole(config));
        const LicenseSummary before = page()->userLicensesCard()->summary();
        const int rowsBefore = rowCount();
        // Slow answers, and an enterprise that changed, so a finished refresh would show other numbers.
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 300; });
        const LabEnterprise::Server server = labServer(true);
        lab()->runInLab([&server](LicenseLab *l) {
            l->enterprise().setServerUserEmail(
                server.hostname, server.users.first().login, QStringLiteral("someone-new@corp.example"));
            l->enterprise().applySync(l->enterprise().serverIndex(server.hostname), QDateTime::currentDateTimeUtc());
        });
        QVERIFY(labConsumed() != before.consumed);

        auto *refreshButton = page()->findChild<QPushButton *>(QStringLiteral("refreshButton"));
        auto *cancelButton = page()->findChild<QPushButton *>(QStringLiteral("cancelRefreshButton"));
        QVERIFY(refreshButton && cancelButton);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        QTest::mouseClick(refreshButton, Qt::LeftButton);
        QVERIFY(controller()->isRefreshing());
        QTRY_VERIFY(cancelButton->isVisible());
        QVERIFY(!refreshButton->isEnabled());
        QTest::mouseClick(cancelButton, Qt::LeftButton);
        QVERIFY(refreshed.count() == 1 || refreshed.wait(30000));
        QCOMPARE(refreshed.first().first().toBool(), false);
        QTRY_VERIFY(!controller()->isRefreshing());
        QTRY_VERIFY(!cancelButton->isVisible());
        QVERIFY(refreshButton->isEnabled());
        QCOMPARE(page()->userLicensesCard()->summary(), before);
        QCOMPARE(rowCount(), rowsBefore);
        QCOMPARE(page()->historyChart()->consumed().size(), 1);
        QVERIFY(!page()->errorMessage()->isVisible());
    }

    void shouldShowGitHubsRefusalAndKeepThePageWhenARefreshFails()
    {
        QVERIFY(openConsole());
        const LicenseSummary before = page()->userLicensesCard()->summary();
        const int rowsBefore = rowCount();
        const QString refreshedBefore = page()->lastRefreshedText();
        // The enterprise changed, and the token expired: F5 says so with its fix, and nothing of the page moves.
        const LabEnterprise::Server server = labServer(true);
        lab()->runInLab([&server](LicenseLab *l) {
            l->enterprise().setServerUserEmail(
                server.hostname, server.users.first().login, QStringLiteral("someone-else@corp.example"));
            l->enterprise().applySync(l->enterprise().serverIndex(server.hostname), QDateTime::currentDateTimeUtc());
        });
        QVERIFY(labConsumed() != before.consumed);
        setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Bad; });
        const auto validToken =
            qScopeGuard([this] { setLabFaults([](LabFaults &faults) { faults.token = LabFaults::Token::Valid; }); });
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(refreshed.count() == 1 || refreshed.wait(30000));
        QCOMPARE(refreshed.first().first().toBool(), false);
        QTRY_VERIFY(page()->errorMessage()->isVisible());
        QCOMPARE(page()->errorMessage()->title(),
            QStringLiteral("GitHub refused the token: it is wrong, expired or revoked."));
        QCOMPARE(page()->errorMessage()->nextStep(),
            QStringLiteral("Create a new personal access token and enter it in the connection settings."));
        QCOMPARE(page()->userLicensesCard()->summary(), before);
        QCOMPARE(rowCount(), rowsBefore);
        QCOMPARE(page()->historyChart()->consumed().size(), 1);
        QCOMPARE(page()->lastRefreshedText(), refreshedBefore);
    }

    void shouldCancelAnAssistedSyncNobodyConfirms()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        QVERIFY(openConsole(config));
        int opened = 0;
        UrlOpener::set([&opened](const QUrl &) { ++opened; }); // nobody clicks in the browser
        auto *view = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(view);
        view->serverCombo()->setCurrentIndex(view->serverCombo()->findData(labServer(true).hostname));
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->assistLabel()->isVisible(), 10000);
        QCOMPARE(opened, 1);
        QVERIFY(view->cancelButton()->isEnabled());
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(view->resultMessage()->title(), QStringLiteral("Cancelled."));
        QVERIFY(!view->cancelButton()->isEnabled());
        QVERIFY(view->startButton()->isEnabled());
    }

    void shouldCancelAnAutomaticSyncNowAndRecordNothing()
    {
        LabConfig config = smallLab();
        config.syncDurationMs = 120000; // the lab's sync job runs far longer than the test
        QVERIFY(openConsole(config));
        const LabEnterprise::Server server = labServer(true);
        const QString storeLocation = m_dir->filePath(QStringLiteral("store.sqlite"));
        const auto recordedSyncs = [&storeLocation, &server] {
            LicenseStore store;
            return store.open(storeLocation).isError()
                ? -1
                : int(store.syncStatusHistory(QStringLiteral("lab"), server.serverId).value.size());
        };
        const int recordedBefore = recordedSyncs();
        QVERIFY(recordedBefore >= 0);
        const QDateTime lastSyncBefore = syncRow(server.serverId).sync.lastSyncDate;
        QVERIFY(lastSyncBefore.isValid());
        auto *view = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(view);
        QCOMPARE(view->capability().kind, Capability::Kind::Automatic);
        view->setServer(server.hostname);
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        // The lab accepted the request; the console polls its job (every 250 ms).
        QTRY_VERIFY_WITH_TIMEOUT(
            view->stagesLabel()->text().contains(QLatin1String("Waiting for the sync job to finish")), 10000);
        const qint64 polling = labRequests();
        QTRY_VERIFY_WITH_TIMEOUT(labRequests() >= polling + 2, 10000);
        QVERIFY(view->cancelButton()->isEnabled());
        QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(view->resultMessage()->type(), InlineMessage::Type::Information);
        QCOMPARE(view->resultMessage()->title(), QStringLiteral("Cancelled."));
        // The stage it stopped at is marked as cancelled, in its words under way; no result, least of all a success.
        QVERIFY2(view->stagesLabel()->text().endsWith(QStringLiteral("– Waiting for the sync job to finish…")),
            qPrintable(view->stagesLabel()->text()));
        QVERIFY(!view->stagesLabel()->text().contains(QStringLiteral("➜")));
        QCOMPARE(view->resultList()->topLevelItemCount(), 0);
        QVERIFY(!view->resultList()->isVisible());
        QVERIFY(view->startButton()->isEnabled());
        // The lab hears no more polls: none within six poll intervals.
        QTest::qWait(100); // a request on its way when Cancel was pressed
        const qint64 after = labRequests();
        QTest::qWait(1500);
        QCOMPARE(labRequests(), after);
        // Nothing recorded: the store's sync history and the sync card are as before.
        QCOMPARE(recordedSyncs(), recordedBefore);
        controller()->reload();
        QVERIFY(waitForReload());
        QCOMPARE(syncRow(server.serverId).sync.lastSyncDate, lastSyncBefore);
    }

    void shouldCancelAnAssistedUploadWhilePolling()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        QVERIFY(openConsole(config));
        const LabEnterprise::Server airGapped = labServer(false);
        QByteArray bytes;
        lab()->runInLab([&bytes, &airGapped](LicenseLab *l) { bytes = l->exportUsage(airGapped.hostname); });
        QVERIFY(UsageFile::read(bytes).ok());
        const QString file = m_dir->filePath(QStringLiteral("never-uploaded.json"));
        QVERIFY(writeFile(file, bytes));
        int opened = 0;
        UrlOpener::set([&opened](const QUrl &) { ++opened; }); // nobody uploads in the browser
        auto *add = openView<AddServerUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        QVERIFY(add);
        QCOMPARE(add->capability().kind, Capability::Kind::Assisted);
        QSignalSpy checked(add, &AddServerUsageView::filesChecked);
        dropFiles(add->dropZone(), {file});
        QVERIFY(checked.wait(30000));
        QVERIFY(add->startButton()->isEnabled());
        QSignalSpy finished(add, &ActionView::jobFinished);
        add->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(add->assistLabel()->isVisible(), 10000);
        QVERIFY(opened > 0);
        // It polls userAccountsUploads while it waits for the admin's upload.
        const int interval = controller()->context().pollIntervalMs;
        const qint64 waiting = labRequests();
        QTRY_VERIFY_WITH_TIMEOUT(labRequests() > waiting, interval * 3);
        checked.clear();
        QTest::mouseClick(add->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(add->resultMessage()->title(), QStringLiteral("Cancelled."));
        // The file is checked again: ready once more, nothing recorded as uploaded (GitHub never saw it).
        QVERIFY(checked.count() == 1 || checked.wait(30000));
        QCOMPARE(add->dropZone()->results().size(), 1);
        QVERIFY2(add->dropZone()->results().first().ok, qPrintable(add->dropZone()->results().first().detail));
        QVERIFY(add->startButton()->isEnabled());
        LicenseStore store;
        QVERIFY(!store.open(m_dir->filePath(QStringLiteral("store.sqlite"))).isError());
        const auto files = store.usageFiles(QStringLiteral("lab"));
        QVERIFY(files.ok());
        for (const UsageFileRecord &record : files.value) {
            QVERIFY(record.direction != UsageFileRecord::Direction::Uploaded || record.fileName != file);
        }
        // Polling stopped: no request within two poll intervals.
        QTest::qWait(100);
        const qint64 after = labRequests();
        QTest::qWait(interval * 2 + 500);
        QCOMPARE(labRequests(), after);
    }

    void shouldCancelAConnectionTestAndKeepTheEdits()
    {
        QVERIFY(openConsole());
        m_window->showConnectionDialog();
        QPointer<ConnectionDialog> dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameField"));
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testButton"));
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("testStatusLabel"));
        auto *command = dialog->findChild<ConnectionTestCommand *>();
        QVERIFY(name && test && status && command);
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Lab under test"));
        QCOMPARE(test->text(), QStringLiteral("&Test Connection"));

        // Slow answers: each of the test's requests takes a second.
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 1000; });
        const auto fast = qScopeGuard([this] { setLabFaults([](LabFaults &faults) { faults.latencyMs = 0; }); });
        const qint64 before = labRequests();
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(command->runningJob(), 10000);
        // While it runs, the button cancels it.
        QCOMPARE(test->text(), QStringLiteral("Cancel &Test"));
        QVERIFY(test->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(labRequests() > before, 10000); // the lab has its first request
        std::atomic<bool> ended = false;
        // Deleted (in the worker thread) once it finished: direct, so the flag is set there.
        connect(command->runningJob(), &QObject::destroyed, this, [&ended] { ended = true; }, Qt::DirectConnection);
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(!command->runningJob());
        QTRY_VERIFY_WITH_TIMEOUT(ended, 10000);
        // The dialog stays open with the edits; it can test again.
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(name->text(), QStringLiteral("Lab under test"));
        QCOMPARE(dialog->connection().name, QStringLiteral("Lab under test"));
        QCOMPARE(test->text(), QStringLiteral("&Test Connection"));
        QVERIFY(test->isEnabled());
        QCOMPARE(status->text(), QStringLiteral("Test cancelled."));
        // The lab hears nothing more of it, and no late report shows up.
        QTest::qWait(100); // a request on its way when Cancel was pressed
        const qint64 after = labRequests();
        QTest::qWait(2500);
        QCOMPARE(labRequests(), after);
        QVERIFY(dialog->testReport().isEmpty());
        QCOMPARE(status->text(), QStringLiteral("Test cancelled."));

        setLabFaults([](LabFaults &faults) { faults.latencyMs = 0; });
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testReport().isEmpty(), 30000);
        QCOMPARE(dialog->testReport().size(), 9);
        QCOMPARE(name->text(), QStringLiteral("Lab under test"));
        dialog->reject();
    }

    void shouldRestoreTheWindowGeometryAtTheNextStart()
    {
        QSettings().remove(QStringLiteral("MainWindow"));
        const auto forget = qScopeGuard([] { QSettings().remove(QStringLiteral("MainWindow")); });
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        QVERIFY(showWindow(options));
        const QRect first = m_window->geometry();
        // Moved and resized by the user within the screen: neither the default size nor the first place.
        const QRect screen = m_window->screen()->availableGeometry();
        const QRect chosen(screen.topLeft() + QPoint(37, 61), QSize(screen.width() - 61, screen.height() - 103));
        QVERIFY2(chosen.size() != first.size() && chosen.topLeft() != first.topLeft(),
            qPrintable(QStringLiteral("%1 %2").arg(first.width()).arg(first.height())));
        m_window->setGeometry(chosen);
        QTRY_COMPARE(m_window->geometry(), chosen);
        QVERIFY(m_window->close());
        m_window.reset();
        QVERIFY(QSettings().contains(QStringLiteral("MainWindow/geometry")));

        QVERIFY(showWindow(options));
        QCOMPARE(m_window->geometry(), chosen);
        // Maximized is kept as such.
        m_window->showMaximized();
        QTRY_VERIFY(m_window->isMaximized());
        QVERIFY(m_window->close());
        m_window.reset();
        m_window = std::make_unique<MainWindow>(options);
        QVERIFY(m_window->isMaximized() || m_window->windowState().testFlag(Qt::WindowMaximized));
    }

    void shouldOpenTheConnectionFromTheStoreAtTheNextStartWhereTheCliSeesItToo()
    {
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        QVERIFY(showWindow(options));
        m_window->start();
        QCOMPARE(controller()->connection(), Connection{}); // a first start: the built-in lab

        // File > Connection…: a GitHub Enterprise Server with admin-shell settings, typed in the dialog.
        auto *action = m_window->findChild<QAction *>(QStringLiteral("connectionAction"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        QVERIFY(kind);
        kind->setCurrentIndex(kind->findData(int(Connection::Kind::Server)));
        const auto type = [dialog](const char *field, const QString &text) {
            auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
            QVERIFY2(edit, field);
            edit->clear();
            QTest::keyClicks(edit, text);
        };
        type("nameField", QStringLiteral("GHES primary"));
        type("hostField", QStringLiteral("127.0.0.1"));
        type("serverSlugField", QStringLiteral("octo"));
        auto *adminShell = dialog->findChild<QGroupBox *>(QStringLiteral("adminShellGroup"));
        QVERIFY(adminShell);
        adminShell->setChecked(true);
        type("shellUserField", QStringLiteral("root"));
        dialog->findChild<QSpinBox *>(QStringLiteral("shellPortSpin"))->setValue(2222);
        type("identityFileField", m_dir->filePath(QStringLiteral("id_ghes")));
        type("shellCommandField", QStringLiteral("ghe-license-usage"));
        type("tokenField", QStringLiteral("ghes-token"));
        QPushButton *ok =
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->validationErrors().join(u'\n')));
        QSignalSpy saved(controller(), &LicenseController::connectionSaved);
        ok->click();
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.first().first().toBool());

        const Connection chosen = controller()->connection();
        QCOMPARE(chosen.kind, Connection::Kind::Server);
        QCOMPARE(chosen.name, QStringLiteral("GHES primary"));
        QCOMPARE(chosen.serverHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(chosen.enterpriseSlug, QStringLiteral("octo"));
        QVERIFY(chosen.adminShell.enabled);
        QCOMPARE(chosen.adminShell.user, QStringLiteral("root"));
        QCOMPARE(chosen.adminShell.port, 2222);
        QCOMPARE(chosen.adminShell.identityFile, m_dir->filePath(QStringLiteral("id_ghes")));
        QCOMPARE(chosen.adminShell.command, QStringLiteral("ghe-license-usage"));
        // The store lists it as `ghe-license` reads its connections; the token is in the keychain only.
        const QList<Connection> stored = storedConnections(options.storeLocation);
        const auto found =
            std::find_if(stored.cbegin(), stored.cend(), [&chosen](const Connection &c) { return c.id == chosen.id; });
        QVERIFY(found != stored.cend());
        QCOMPARE(*found, chosen);
        QCOMPARE(keychainToken(chosen.id), QStringLiteral("ghes-token"));
        // The settings keep its id and nothing else of it.
        {
            QSettings settings;
            QCOMPARE(settings.value(QStringLiteral("Connections/last")).toString(), chosen.id);
            QVERIFY(!settings.childGroups().contains(QStringLiteral("Connection")));
            // Not a byte of the token in the settings file or in the store.
            settings.sync();
            int read = 0;
            for (const QString &file : QStringList{
                     settings.fileName(), options.storeLocation, options.storeLocation + QLatin1String("-wal")}) {
                QFile bytes(file);
                if (bytes.open(QIODevice::ReadOnly)) {
                    ++read;
                    QVERIFY2(!bytes.readAll().contains("ghes-token"), qPrintable(file));
                }
            }
            QCOMPARE_GE(read, 2);
        }

        // A new console on the same store opens it again, with its token from the keychain.
        QVERIFY(reopenConsole(options));
        QCOMPARE(controller()->connection(), chosen);
        QCOMPARE(controller()->context().connection, chosen);
        QCOMPARE(controller()->context().token, QStringLiteral("ghes-token"));
        QVERIFY(!lab()->isStarting() && !lab()->isRunning()); // no built-in lab for it
        // The dialog edits that connection, not a new one.
        m_window->showConnectionDialog();
        dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->connection(), chosen);
        // ... and says that its token is stored, so an empty field keeps it.
        auto *tokenField = dialog->findChild<QLineEdit *>(QStringLiteral("tokenField"));
        QVERIFY(tokenField);
        QTRY_VERIFY2(tokenField->placeholderText().contains(QLatin1String("a token is stored")),
            qPrintable(tokenField->placeholderText()));
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<ConnectionDialog *>()); // deleted on close

        // File > New Connection…: another enterprise beside it, with a history of its own.
        m_window->findChild<QAction *>(QStringLiteral("newConnectionAction"))->trigger();
        QTRY_VERIFY(m_window->findChild<ConnectionDialog *>());
        dialog = m_window->findChild<ConnectionDialog *>();
        QCOMPARE(dialog->connection().kind, Connection::Kind::Cloud);
        QVERIFY(dialog->connection().id != chosen.id);
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("nameField"))->text().isEmpty());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("slugField")), QStringLiteral("octo-two"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenField")), QStringLiteral("cloud-token"));
        dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE_WITH_TIMEOUT(controller()->storedConnections().size(), 2, 30000);
        const Connection second = controller()->connection();
        QCOMPARE(second.enterpriseSlug, QStringLiteral("octo-two"));
        QVERIFY(second.id != chosen.id);
        QCOMPARE(keychainToken(second.id), QStringLiteral("cloud-token"));
        QCOMPARE(keychainToken(chosen.id), QStringLiteral("ghes-token")); // the first keeps its own

        // File > Switch Connection lists the built-in lab and both, the active one checked.
        auto *switchMenu = m_window->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        QVERIFY(switchMenu);
        Q_EMIT switchMenu->aboutToShow();
        const auto entry = [switchMenu](const QString &id) {
            return switchMenu->findChild<QAction *>(QStringLiteral("switchTo_") + id);
        };
        QVERIFY(entry(QStringLiteral("lab")) && entry(chosen.id) && entry(second.id));
        QVERIFY(entry(second.id)->isChecked());
        QVERIFY(!entry(chosen.id)->isChecked());
        QCOMPARE(entry(chosen.id)->text(), QStringLiteral("GHES primary (Enterprise Server 127.0.0.1)"));
        QCOMPARE(entry(second.id)->text(), QStringLiteral("octo-two (enterprise octo-two on github.com)"));
        // Choosing one makes it active with its own token, and the next start opens it.
        entry(chosen.id)->trigger();
        QTRY_COMPARE(controller()->connection(), chosen);
        QTRY_COMPARE(controller()->context().token, QStringLiteral("ghes-token"));
        QCOMPARE(QSettings().value(QStringLiteral("Connections/last")).toString(), chosen.id);
        Q_EMIT switchMenu->aboutToShow();
        QVERIFY(entry(chosen.id)->isChecked());
        // The built-in lab too.
        entry(QStringLiteral("lab"))->trigger();
        QTRY_VERIFY(LicenseController::usesBuiltInLab(controller()->connection()));
        QCOMPARE(QSettings().value(QStringLiteral("Connections/last")).toString(), QStringLiteral("lab"));
        QVERIFY(reopenConsole(options));
        QVERIFY(LicenseController::usesBuiltInLab(controller()->connection()));
        QTRY_COMPARE_WITH_TIMEOUT(controller()->storedConnections().size(), 2, 30000);

        // File > Remove Connection…: not for the built-in lab; for a stored one after asking.
        auto *fileMenu = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
        auto *remove = m_window->findChild<QAction *>(QStringLiteral("removeConnectionAction"));
        QVERIFY(fileMenu && remove);
        Q_EMIT fileMenu->aboutToShow();
        QVERIFY(!remove->isEnabled());
        controller()->switchConnection(second);
        QTRY_COMPARE(controller()->connection(), second);
        Q_EMIT fileMenu->aboutToShow();
        QVERIFY(remove->isEnabled());
        const auto answer = [this, remove](const char *button) {
            remove->trigger();
            QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("removeConnectionBox")));
            auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("removeConnectionBox"));
            QVERIFY(box->text().contains(QLatin1String("octo-two")));
            QAbstractButton *chosen = qstrcmp(button, "cancel") == 0
                ? static_cast<QAbstractButton *>(box->button(QMessageBox::Cancel))
                : box->findChild<QPushButton *>(QLatin1String(button));
            QVERIFY(chosen);
            chosen->click();
            QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("removeConnectionBox")));
        };
        answer("cancel"); // asked, declined: nothing goes
        QCOMPARE(controller()->connection(), second);
        QCOMPARE(storedConnections(options.storeLocation).size(), 2);
        QSignalSpy removed(controller(), &LicenseController::connectionRemoved);
        answer("removeButton");
        QVERIFY(removed.count() == 1 || removed.wait(30000)); // answer() waits for the box to go, events run
        QVERIFY(removed.first().first().toBool());
        // Gone from the store (where the CLI looks too), from the keychain and from the menu; the lab is active.
        const QList<Connection> left = storedConnections(options.storeLocation);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, chosen.id);
        QVERIFY(keychainToken(second.id).isEmpty());
        QCOMPARE(keychainToken(chosen.id), QStringLiteral("ghes-token"));
        QVERIFY(LicenseController::usesBuiltInLab(controller()->connection()));
        QTRY_COMPARE(controller()->storedConnections().size(), 1);
        // The reopened window's own menu.
        auto *newSwitchMenu = m_window->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        Q_EMIT newSwitchMenu->aboutToShow();
        QVERIFY(!newSwitchMenu->findChild<QAction *>(QStringLiteral("switchTo_") + second.id));
        QVERIFY(newSwitchMenu->findChild<QAction *>(QStringLiteral("switchTo_") + chosen.id));
    }

    void shouldSayWhenTheKeychainKeepsTheTokenOfARemovedConnection()
    {
        LicenseController::Options options = freshOptions();
        const Connection server = serverConnection(QStringLiteral("ghes-locked"));
        {
            LicenseStore store;
            QVERIFY(!store.open(options.storeLocation).isError());
            QVERIFY(!store.saveConnection(server).isError());
        }
        m_keychain->write(server.id, QStringLiteral("ghes-token"));
        QVERIFY(openConsoleWith(options));
        QTRY_COMPARE_WITH_TIMEOUT(controller()->storedConnections().size(), 1, 30000);
        controller()->switchConnection(server);
        QTRY_COMPARE(controller()->connection(), server);
        m_keychain->setRemovalError(QStringLiteral("The keychain is locked."));
        const auto unlock = qScopeGuard([this] { m_keychain->setRemovalError({}); });
        QSignalSpy removed(controller(), &LicenseController::connectionRemoved);
        controller()->removeConnection(server);
        QVERIFY(removed.wait(30000));
        QVERIFY(removed.first().first().toBool());
        for (const Connection &left : storedConnections(options.storeLocation)) {
            QVERIFY(left.id != server.id);
        }
        // The dialog promised the token leaves the keychain: it did not, and the page says so with the way out.
        QCOMPARE(keychainToken(server.id), QStringLiteral("ghes-token"));
        QTRY_VERIFY(page()->errorMessage()->isVisible());
        const QString title = page()->errorMessage()->title();
        QVERIFY2(title.contains(QLatin1String("still in the keychain")) &&
                title.contains(QLatin1String("The keychain is locked.")),
            qPrintable(title));
        const QString nextStep = page()->findChild<QLabel *>(QStringLiteral("messageNextStep"))->text();
        QVERIFY2(nextStep.contains(server.id) && nextStep.contains(QLatin1String("ghe-license-console")),
            qPrintable(nextStep));
        // It stays while the built-in lab the console went back to is shown.
        QTRY_VERIFY(!controller()->isRefreshing());
        QVERIFY(page()->errorMessage()->isVisible());
    }

    void shouldShowTheLicensesOfServersWithAConnectionOfTheirOwn()
    {
        LicenseController::Options options = freshOptions();
        options.labConfig = smallLab();
        QVERIFY(openConsoleWith(options));
        const LabEnterprise::Server server = labServer(true);
        const QString suffix = WidgetUtil::objectNameSuffix(server.hostname);
        // The lab reads its servers itself, as their own connections would: each one's version and seats, and
        // the expiry date GitHub Enterprise Cloud does not tell.
        QTRY_COMPARE(syncCardText(QStringLiteral("versionLabel_"), server.serverId), server.version);
        QDateTime expiry;
        lab()->runInLab([&expiry](LicenseLab *l) { expiry = l->enterprise().licenseExpiresAt(); });
        const QString expiryText =
            page()->userLicensesCard()->findChild<QLabel *>(QStringLiteral("expiryLabel"))->text();
        QVERIFY2(expiryText.startsWith(QLatin1String("Expires ")) && expiryText.endsWith(QLatin1String(" days left)")),
            qPrintable(expiryText));
        QCOMPARE(page()->userLicensesCard()->summary().expiresAt.toSecsSinceEpoch(), expiry.toSecsSinceEpoch());
        // The history chart marks the same day.
        QCOMPARE(page()->historyChart()->expiry().toSecsSinceEpoch(), expiry.toSecsSinceEpoch());
        QCOMPARE(page()->userLicensesCard()->summary().kind, QStringLiteral("enterprise"));
        // Where the date comes from is told, to the eye and to a screen reader.
        const auto *expiryLabel = page()->userLicensesCard()->findChild<QLabel *>(QStringLiteral("expiryLabel"));
        QVERIFY2(expiryLabel->toolTip().startsWith(QLatin1String("From the license file of ghes-")),
            qPrintable(expiryLabel->toolTip()));
        QCOMPARE(expiryLabel->accessibleDescription(), expiryLabel->toolTip());
        const QString labSeats =
            page()->userLicensesCard()->findChild<QLabel *>(QStringLiteral("serverSeats_") + suffix)->text();
        QVERIFY2(labSeats.startsWith(QStringLiteral("%1 of ").arg(LabEnterprise::activeUsers(server))),
            qPrintable(labSeats));
        // That server has a GitHub Enterprise Server connection of its own, refreshed before: its license
        // (which GitHub Enterprise Cloud does not report) and its version are in the store.
        ServerLicenseInfo license;
        license.seats = 500;
        license.seatsUsed = 123;
        license.seatsAvailable = 377;
        license.kind = QStringLiteral("standard");
        license.installedVersion = QStringLiteral("3.16.1");
        QVERIFY(StoredHistory::writeServerLicense(
                    options.storeLocation, QStringLiteral("ghes-own"), server.hostname, license) > 0);
        QVERIFY(controller()->data().linkedServerLicenses.isEmpty());
        QSignalSpy loaded(controller(), &LicenseController::dataLoaded);
        controller()->reload();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(controller()->data().linkedServerLicenses.size(), 1);
        // Shown once, as its own connection read it.
        QCOMPARE(controller()->data().allServerLicenses().size(), labServers().size());
        auto *seats = page()->userLicensesCard()->findChild<QLabel *>(QStringLiteral("serverSeats_") + suffix);
        QVERIFY2(seats, qPrintable(suffix));
        QVERIFY2(seats->text().startsWith(QLatin1String("123 of 500 seats used")), qPrintable(seats->text()));
        // The sync card's version of that server comes from it too.
        QCOMPARE(syncCardText(QStringLiteral("versionLabel_"), server.serverId), QStringLiteral("3.16.1"));
        // The lab's own totals are untouched: the Cloud seats are still the lab's.
        QCOMPARE(page()->userLicensesCard()->summary().consumed, labConsumed());
    }

    void shouldReadTheServersThroughTheirOwnConnectionsOnRefresh()
    {
        // A second lab on 127.0.0.1, behind its test CA, is the GitHub Enterprise Server the enterprise names
        // "127.0.0.1"; the server it names "localhost" has a connection to a port nobody listens on.
        Test::GhesStandIn ghes;
        QString error;
        QVERIFY2(ghes.start(&error), qPrintable(error));
        const int ghesSeats = ghes.seatsUsed();
        LicenseController::Options options = freshOptions();
        options.labConfig.serverHostnames = {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")};
        {
            LicenseStore store;
            QVERIFY(!store.open(options.storeLocation).isError());
            QVERIFY(!store.saveConnection(ghes.connection(QStringLiteral("ghes-own"))).isError());
            Connection gone = serverConnection(QStringLiteral("ghes-gone"));
            gone.serverHost = QStringLiteral("localhost:1");
            QVERIFY(!store.saveConnection(gone).isError());
            // A server of another enterprise: the keychain is not asked for its token.
            Connection elsewhere = serverConnection(QStringLiteral("ghes-elsewhere"));
            elsewhere.serverHost = QStringLiteral("ghes.elsewhere.example");
            QVERIFY(!store.saveConnection(elsewhere).isError());
        }
        // The servers' tokens are in the keychain, as the connection dialog saved them.
        m_keychain->write(QStringLiteral("ghes-own"), ghes.token());
        m_keychain->write(QStringLiteral("ghes-gone"), QStringLiteral("gone-token"));
        m_keychain->write(QStringLiteral("ghes-elsewhere"), QStringLiteral("elsewhere-token"));
        QVERIFY(openConsoleWith(options));
        QTRY_COMPARE(controller()->storedConnections().size(), 3);
        m_keychain->clearReads();
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY2(m_keychain->reads().contains(QStringLiteral("ghes-own")) &&
                m_keychain->reads().contains(QStringLiteral("ghes-gone")) &&
                !m_keychain->reads().contains(QStringLiteral("ghes-elsewhere")),
            qPrintable(m_keychain->reads().join(QLatin1Char(' '))));
        const QString seatsName =
            QStringLiteral("serverSeats_") + WidgetUtil::objectNameSuffix(QStringLiteral("127.0.0.1"));
        const auto seatsText = [this, &seatsName] {
            const auto *seats = page()->userLicensesCard()->findChild<QLabel *>(seatsName);
            return seats ? seats->text() : QString();
        };
        // Its seats as that server counts them, not the lab's view of the enterprise's server.
        QVERIFY(LabEnterprise::activeUsers(labServers().first()) != ghesSeats);
        QTRY_VERIFY2(seatsText().startsWith(QStringLiteral("%1 of ").arg(ghesSeats)), qPrintable(seatsText()));
        // The server out of reach is said inline, as a warning beside the refreshed page.
        QVERIFY(page()->errorMessage()->isVisible());
        QCOMPARE(page()->errorMessage()->type(), InlineMessage::Type::Warning);
        const QString title = page()->findChild<QLabel *>(QStringLiteral("messageTitle"))->text();
        QVERIFY2(title.contains(QLatin1String("The license of localhost could not be read through its connection GHES "
                                              "ghes-gone")),
            qPrintable(title));
        // Without its keychain entry, the GH_TOKEN meant for github.com is not sent to the server, though that
        // one would take it.
        m_keychain->remove(QStringLiteral("ghes-own"));
        qputenv("GH_TOKEN", ghes.token().toUtf8());
        QTRY_VERIFY(!controller()->isRefreshing());
        QSignalSpy again(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        const bool finished = again.wait(60000);
        qunsetenv("GH_TOKEN");
        QVERIFY(finished);
        QVERIFY2(again.first().first().toBool(),
            qPrintable(page()->findChild<QLabel *>(QStringLiteral("messageTitle"))->text()));
        QTRY_VERIFY2(page()
                         ->findChild<QLabel *>(QStringLiteral("messageTitle"))
                         ->text()
                         .contains(QLatin1String("The license of 127.0.0.1 could not be read: its connection "
                                                 "ghes-own has no token")),
            qPrintable(page()->findChild<QLabel *>(QStringLiteral("messageTitle"))->text()));
    }

    void shouldUseTheConfiguredConcurrencyForEveryConnection()
    {
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        options.concurrency = 7;
        QVERIFY(showWindow(options));
        m_window->start();
        QCOMPARE(controller()->context().clientOptions.concurrency, 7);
        QCOMPARE(controller()->contextFor(serverConnection(QStringLiteral("c")), {}).clientOptions.concurrency, 7);
        // Out of range it is clamped to what the scheduler allows.
        options.concurrency = 99;
        QVERIFY(reopenConsole(options));
        QCOMPARE(controller()->context().clientOptions.concurrency, GitHubClientOptions::MaxConcurrency);
    }

    void shouldMoveTheConnectionOfOlderSettingsIntoTheStore()
    {
        // What an older console left in its settings: the last connection's fields.
        Connection legacy;
        legacy.id = QStringLiteral("3f0c2a9e-1b7d-4c8e-9f00-000000000001");
        legacy.name = QStringLiteral("Octo corp");
        legacy.kind = Connection::Kind::Cloud;
        legacy.gheComSubdomain = QStringLiteral("octo");
        legacy.enterpriseSlug = QStringLiteral("octo-corp");
        {
            QSettings settings;
            settings.setValue(QStringLiteral("Connection/kind"), int(legacy.kind));
            settings.setValue(QStringLiteral("Connection/id"), legacy.id);
            settings.setValue(QStringLiteral("Connection/name"), legacy.name);
            settings.setValue(QStringLiteral("Connection/gheComSubdomain"), legacy.gheComSubdomain);
            settings.setValue(QStringLiteral("Connection/enterpriseSlug"), legacy.enterpriseSlug);
            settings.setValue(QStringLiteral("Connection/serverHost"), QString());
            settings.setValue(QStringLiteral("Connection/caFile"), QString());
        }
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        QVERIFY(showWindow(options));
        QSignalSpy saved(controller(), &LicenseController::connectionSaved);
        m_window->start();
        QCOMPARE(controller()->connection(), legacy);
        QVERIFY(saved.wait(30000));
        QVERIFY(saved.first().first().toBool());
        QCOMPARE(storedConnections(options.storeLocation), QList<Connection>{legacy});
        {
            QSettings settings;
            QCOMPARE(settings.value(QStringLiteral("Connections/last")).toString(), legacy.id);
            QVERIFY(!settings.contains(QStringLiteral("Connection/kind")));
        }
        // From now on it comes from the store.
        QVERIFY(reopenConsole(options));
        QCOMPARE(controller()->connection(), legacy);
    }

    void shouldExportAServersUsageOverItsAdminShell()
    {
        GlcTest::SshServerHarness ssh;
        QString error;
        QVERIFY2(ssh.start(&error), qPrintable(error));
        // The server's command, a stand-in that logs its calls and prints the export.
        const QByteArray usage = serverUsage();
        QVERIFY(GlcTest::SshServerHarness::writeFile(ssh.path(QStringLiteral("usage.json")), usage));
        const QByteArray log = ssh.path(QStringLiteral("calls.log")).toLocal8Bit();
        QVERIFY(GlcTest::SshServerHarness::writeFile(QDir(ssh.binDirectory()).filePath(QStringLiteral("ghe-license")),
            "#!/bin/sh\necho \"ghe-license $*\" >> '" + log + "'\n[ \"$1\" = usage ] && exec cat '" +
                ssh.path(QStringLiteral("usage.json")).toLocal8Bit() + "'\nexit 2\n",
            true));
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        // The console runs "ssh" from PATH: a wrapper that trusts only this sshd and leaves ~/.ssh out.
        const QString wrapper = m_dir->filePath(QStringLiteral("sshwrapper"));
        QVERIFY2(ssh.writeSshWrapper(wrapper, &error), qPrintable(error));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QByteArray(QFile::encodeName(wrapper) + ':' + path));
        const auto restorePath = qScopeGuard([path] { qputenv("PATH", path); });

        QVERIFY(showWindow(options));
        m_window->start();
        Connection server = serverConnection(QStringLiteral("ghes-shell"));
        // Its web interface on a port of its own: ssh reaches the host (on the admin shell's port), and the file
        // naming the host without that port is the server's.
        server.serverHost = QStringLiteral("127.0.0.1:1");
        server.adminShell.enabled = true;
        server.adminShell.user = QStringLiteral("root"); // tests run as root in the build root
        server.adminShell.port = ssh.port();
        server.adminShell.identityFile = ssh.clientKey();
        controller()->setConnection(server, QStringLiteral("ghes-token"));

        // Export offers the server itself (a Server connection has no sync status or installations).
        auto *view = openView<ExportUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(view);
        QCOMPARE(view->serverCombo()->count(), 1);
        QCOMPARE(view->serverCombo()->currentData().toString(), QStringLiteral("127.0.0.1:1"));
        // Said before Start: automatic, over which ssh.
        QVERIFY(view->capabilityLabel()->isVisible());
        QVERIFY2(view->capabilityLabel()->text().startsWith(QLatin1String("Automatic over the admin shell: ssh -p")),
            qPrintable(view->capabilityLabel()->text()));
        QVERIFY(view->startButton()->isEnabled());
        // On this connection Sync now and Add server usage cannot run: the views say why and Start stays off.
        for (ActionView *unavailable : std::initializer_list<ActionView *>{
                 new SyncNowView(controller(), m_window.get()), new AddServerUsageView(controller(), m_window.get())}) {
            unavailable->show();
            QCOMPARE(unavailable->capability().kind, Capability::Kind::Unavailable);
            QVERIFY2(
                unavailable->capabilityLabel()->text().startsWith(QLatin1String("Unavailable on a GitHub Enterprise "
                                                                                "Server connection")),
                qPrintable(unavailable->capabilityLabel()->text()));
            QVERIFY(!unavailable->startButton()->isEnabled());
            delete unavailable;
        }
        const QString target = m_dir->filePath(QStringLiteral("ghes-export.json"));
        view->targetEdit()->clear();
        QTest::keyClicks(view->targetEdit(), target);
        int opened = 0;
        UrlOpener::set([&opened](const QUrl &) { ++opened; });
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(view->resultMessage()->title()));
        // Automatic: no page to open, no file to choose.
        QCOMPARE(opened, 0);
        QVERIFY(!view->pickDownloadButton()->isVisible());
        QCOMPARE(readAll(target), usage);
        QCOMPARE(readAll(QString::fromLocal8Bit(log)), QByteArray("ghe-license usage\n"));
        QVERIFY(view->summaryLabel()->text().contains(QLatin1String("5c1f0e4a-0000-4000-8000-000000000315")));
        QVERIFY(view->resultMessage()->title().contains(target));
        LicenseStore store;
        QVERIFY(!store.open(options.storeLocation).isError());
        const auto files = store.usageFiles(server.id);
        QVERIFY(files.ok());
        QCOMPARE(files.value.size(), 1);
        QCOMPARE(files.value.first().direction, UsageFileRecord::Direction::Exported);
        QCOMPARE(files.value.first().fileName, target);
        QCOMPARE(files.value.first().hostName, QStringLiteral("127.0.0.1"));
        QCOMPARE(files.value.first().sha256, UsageFile::read(usage).sha256);
    }

    void shouldExportAServersUsageFromTheFileTheAdminDownloaded()
    {
        LicenseController::Options options = freshOptions();
        options.refreshWhenEmpty = false;
        QVERIFY(showWindow(options));
        m_window->start();
        Connection server = serverConnection(QStringLiteral("ghes-assisted"));
        server.enterpriseSlug = QStringLiteral("octo");
        controller()->setConnection(server, QStringLiteral("ghes-token"));
        QList<QUrl> opened;
        UrlOpener::set([&opened](const QUrl &url) { opened.append(url); });
        auto *view = openView<ExportUsageView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(view);
        QCOMPARE(view->serverCombo()->currentData().toString(), QStringLiteral("127.0.0.1"));
        const QString target = m_dir->filePath(QStringLiteral("exports/ghes-export.json"));
        QVERIFY(QDir().mkpath(QFileInfo(target).path()));
        view->targetEdit()->clear();
        QTest::keyClicks(view->targetEdit(), target);
        // What the admin's browser saved: first the sign-in page instead of the export, then the export.
        const QString signIn = m_dir->filePath(QStringLiteral("sign-in.json"));
        QVERIFY(writeFile(signIn, "<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"));
        const QString downloaded = m_dir->filePath(QStringLiteral("127.0.0.1-license-usage.json"));
        QVERIFY(writeFile(downloaded, serverUsage()));
        QString chosen = signIn;
        int asked = 0;
        view->setDownloadChooser([&chosen, &asked](QWidget *) {
            ++asked;
            return chosen;
        });
        QSignalSpy finished(view, &ActionView::jobFinished);

        // The server's License page opens; the admin exports there, then picks the downloaded file.
        view->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->pickDownloadButton()->isVisible(), 10000);
        QCOMPARE(
            opened, QList<QUrl>{Connection::serverLicensePage(QStringLiteral("127.0.0.1"), QStringLiteral("octo"))});
        QVERIFY(view->assistLabel()->isVisible());
        QVERIFY(view->assistLabel()->text().contains(QLatin1String("127.0.0.1")));
        QTest::mouseClick(view->pickDownloadButton(), Qt::LeftButton);
        QCOMPARE(asked, 1);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(view->resultMessage()->title().contains(UsageFile::validationMessage(UsageFile::Validation::HtmlPage)),
            qPrintable(view->resultMessage()->title()));
        QVERIFY(!QFile::exists(target));

        chosen = downloaded;
        view->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->pickDownloadButton()->isVisible(), 10000);
        QCOMPARE(opened.size(), 2);
        QTest::mouseClick(view->pickDownloadButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(view->resultMessage()->title()));
        QVERIFY(!view->pickDownloadButton()->isVisible());
        QCOMPARE(readAll(target), serverUsage());
        // Written through a temporary file renamed into place: nothing else is left in the folder.
        QCOMPARE(QDir(QFileInfo(target).path()).entryList(QDir::Files | QDir::Hidden),
            QStringList{QStringLiteral("ghes-export.json")});
        QVERIFY(view->summaryLabel()->text().contains(QLatin1String("3.15.0")));
        LicenseStore store;
        QVERIFY(!store.open(options.storeLocation).isError());
        const auto files = store.usageFiles(server.id);
        QVERIFY(files.ok());
        QCOMPARE(files.value.size(), 1);
        QCOMPARE(files.value.first().fileName, target);
        QCOMPARE(files.value.first().serverId, QStringLiteral("5c1f0e4a-0000-4000-8000-000000000315"));
        QCOMPARE(files.value.first().version, QStringLiteral("3.15.0"));
    }

    void shouldRefreshAConnectionSetWhileARefreshRuns()
    {
        QVERIFY(openConsole());
        // A slow lab: the built-in lab's refresh is still running when the admin sets up another connection.
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 300; });
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        QVERIFY(controller()->isRefreshing());
        Connection external = lab()->connection();
        external.id = QStringLiteral("external-lab");
        external.name = QStringLiteral("External lab");
        controller()->setConnection(external, lab()->token());
        // The lab's refresh ends (cancelled, or done if it was faster), then the new connection's follows.
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 2, 60000);
        QVERIFY(refreshed.at(1).first().toBool());
        QVERIFY(!controller()->isRefreshing());
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 0; });
        LicenseStore store;
        QVERIFY(!store.open(m_dir->filePath(QStringLiteral("store.sqlite"))).isError());
        const auto latest = store.latestSnapshot(external.id);
        QVERIFY(latest.ok() && latest.value);
        // Right after a refresh has ended, F5 starts the next one (the page's reload does not hold it back).
        controller()->refresh();
        QVERIFY(controller()->isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 3, 60000);
        QVERIFY(refreshed.at(2).first().toBool());
    }

    void shouldWaitForTheKeychainBeforeRefreshing()
    {
        QVERIFY(openConsole());
        // The token is in the keychain, which answers late (over D-Bus, or behind its unlock prompt).
        Connection external = lab()->connection();
        external.id = QStringLiteral("slow-keychain-lab");
        external.name = QStringLiteral("Slow keychain lab");
        m_keychain->write(external.id, lab()->token());
        m_keychain->setReadDelay(500);
        const auto restore = qScopeGuard([this] { m_keychain->setReadDelay(0); });
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->setConnection(external, QString());
        QVERIFY(controller()->isRefreshing()); // queued behind the keychain's answer, not run without a token
        // An action asked for meanwhile opens with the token too.
        m_window->showSyncNow();
        QVERIFY(!m_window->findChild<SyncNowView *>());
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 1, 30000);
        QVERIFY(refreshed.first().first().toBool());
        QVERIFY(page()->errorMessage()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<SyncNowView *>(), 10000);
        QCOMPARE(controller()->context().token, lab()->token());
    }

    void shouldTestASavedConnectionWithItsTokenFromTheKeychain()
    {
        QVERIFY(openConsole());
        // The lab reached as an external one: its address in the connection, its token in the keychain.
        Connection external = lab()->connection();
        external.id = QStringLiteral("external-lab");
        external.name = QStringLiteral("External lab");
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->setConnection(external, lab()->token());
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.first().first().toBool());
        QCOMPARE(keychainToken(external.id), lab()->token());

        // File > Connection… on it again: no token typed, Test connection uses the keychain's.
        m_window->showConnectionDialog();
        auto *dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->connection(), external);
        QVERIFY(dialog->token().isEmpty());
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testButton"));
        QVERIFY(test && test->isEnabled());
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testReport().isEmpty(), 30000);
        QCOMPARE(dialog->testReport().size(), 9); // six access checks, three endpoints
        for (const TestCheck &check : dialog->testReport()) {
            QVERIFY2(check.ok, qPrintable(QStringLiteral("%1: %2 %3").arg(check.what, check.detail, check.fix)));
        }

        // A test still running when the dialog closes is cancelled, not left waiting for slow answers.
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 30000; });
        auto *command = dialog->findChild<ConnectionTestCommand *>();
        QVERIFY(command);
        test->click();
        QVERIFY(command->runningJob());
        std::atomic<bool> ended = false;
        // Deleted (in the worker thread) once it finished: direct, so the flag is set there.
        connect(command->runningJob(), &QObject::destroyed, this, [&ended] { ended = true; }, Qt::DirectConnection);
        dialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(ended, 10000);
        setLabFaults([](LabFaults &faults) { faults.latencyMs = 0; });
    }

    void shouldShowTheAssistedSyncOfEveryServerWithItsLink()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        QVERIFY(openConsole(config));
        QStringList hosts;
        for (const ServerRow &row : page()->licenseSyncCard()->servers()) {
            hosts.append(row.sync.hostname);
        }
        QVERIFY(hosts.size() >= 2);
        // The admin's click on Sync now in each server's page (over HTTP) the first time it opens.
        QList<QUrl> opened;
        LabBrowser browser(lab()->url(), lab()->token());
        UrlOpener::set([&opened, &browser](const QUrl &url) {
            if (std::none_of(
                    opened.cbegin(), opened.cend(), [&url](const QUrl &o) { return o.host() == url.host(); })) {
                browser.clickSyncNow(url.host());
            }
            opened.append(url);
        });
        auto *sync = openView<SyncNowView>(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        QVERIFY(sync);
        sync->setServer(QString()); // all servers
        QSignalSpy finished(sync, &ActionView::jobFinished);
        sync->startButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), hosts.size(), 10000);
        // Every server's instructions and link, not only the last one's.
        const QString text = sync->assistLabel()->text();
        QCOMPARE(text.count(QLatin1String("<a href=")), hosts.size());
        for (const QString &host : std::as_const(hosts)) {
            QVERIFY2(text.contains(QStringLiteral("On %1, open Enterprise settings").arg(host)), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("<a href=\"%1\">")
                             .arg(Connection::serverLicensePage(host).toString(QUrl::FullyEncoded))),
                qPrintable(text));
        }
        // The links work: the second one, from the keyboard (Tab to it, Enter).
        sync->assistLabel()->setFocus();
        QTest::keyClick(sync->assistLabel(), Qt::Key_Tab);
        QTest::keyClick(sync->assistLabel(), Qt::Key_Tab);
        QTest::keyClick(sync->assistLabel(), Qt::Key_Return);
        QCOMPARE(opened.size(), hosts.size() + 1);
        QCOMPARE(opened.last(), Connection::serverLicensePage(hosts.at(1)));

        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(sync->resultMessage()->title()));
        QCOMPARE(sync->resultList()->topLevelItemCount(), hosts.size());
        for (int i = 0; i < hosts.size(); ++i) {
            QCOMPARE(sync->resultList()->topLevelItem(i)->text(1), QStringLiteral("Synced"));
        }
    }

    void shouldWalkThePageByKeyboard()
    {
        QVERIFY(openConsole());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *refreshButton = page()->findChild<QPushButton *>(QStringLiteral("refreshButton"));
        QVERIFY(refreshButton);
        refreshButton->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), refreshButton);
        QList<QWidget *> visited;
        for (int i = 0; i < 80 && QApplication::focusWidget() != controller()->table(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focused = QApplication::focusWidget();
            QVERIFY(focused);
            QVERIFY2(!visited.contains(focused), qPrintable(focused->objectName())); // no loop before the table
            visited.append(focused);
            QVERIFY2(focused->isVisible() && focused->isEnabled(), qPrintable(focused->objectName()));
            QVERIFY2(!focused->accessibleName().isEmpty() || !focused->property("text").toString().isEmpty() ||
                    focused->inherits("QAbstractScrollArea"),
                qPrintable(focused->objectName()));
        }
        QCOMPARE(QApplication::focusWidget(), controller()->table());
        QStringList names;
        for (QWidget *widget : std::as_const(visited)) {
            names.append(widget->objectName());
        }
        // The quick links, the sync buttons and the filters come on the way.
        const LabEnterprise::Server server = labServer(true);
        QVERIFY2(
            visited.contains(page()->licenseSyncCard()->syncNowButton(server.serverId)), qPrintable(names.join(u',')));
        QVERIFY2(names.contains(QStringLiteral("syncAllButton")), qPrintable(names.join(u',')));
        // Every row's Sync now, in the rows' order, right after Sync all.
        const QList<ServerRow> rows = page()->licenseSyncCard()->servers();
        QVERIFY(rows.size() >= 2);
        const qsizetype syncAll = names.indexOf(QStringLiteral("syncAllButton"));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(
                visited.value(syncAll + 1 + i), page()->licenseSyncCard()->syncNowButton(rows.at(i).sync.serverId));
        }
        QVERIFY2(names.contains(QStringLiteral("searchField")), qPrintable(names.join(u',')));
        QVERIFY2(names.contains(QStringLiteral("countedTwiceCheck")), qPrintable(names.join(u',')));
        // The history chart, where the arrow keys pick a snapshot and it tells its figures.
        QVERIFY2(visited.contains(page()->historyChart()), qPrintable(names.join(u',')));
        QVERIFY2(visited.indexOf(page()->filterBar()->searchField()) < visited.indexOf(controller()->table()),
            qPrintable(names.join(u',')));

        // Each action by its shortcut.
        for (const auto &[key, name] : {std::pair{Qt::Key_Y, "SyncNowView"}, std::pair{Qt::Key_E, "ExportUsageView"},
                 std::pair{Qt::Key_U, "AddServerUsageView"}}) {
            QTest::keyClick(m_window.get(), key, Qt::ControlModifier | Qt::ShiftModifier);
            auto *view = m_window->findChild<QDialog *>(QLatin1String(name));
            QVERIFY2(view && view->isVisible(), name);
            view->close();
            QTRY_VERIFY(!m_window->findChild<QDialog *>(QLatin1String(name)));
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        }
        for (const char *action :
            {"refreshAction", "syncNowAction", "exportUsageAction", "addServerUsageAction", "downloadReportAction"}) {
            auto *found = m_window->findChild<QAction *>(QLatin1String(action));
            QVERIFY2(found && !found->shortcut().isEmpty(), action);
        }
    }
};

QTEST_MAIN(ConsoleTest)
#include "consoletest.moc"
