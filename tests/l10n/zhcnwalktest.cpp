// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "controllers/downloadreportcommand.h"
#include "controllers/savesummarycommand.h"
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "lab/licenselab.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensepage.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/reportfiledialog.h"
#include "licensepage/retentiondialog.h"
#include "licensepage/snapshotchangesdialog.h"
#include "licensepage/synchistorydialog.h"
#include "licensepage/usagefiledropzone.h"
#include "licensepage/usagefilesdialog.h"
#include "licensing/licensereportwriter.h"
#include "licensing/usagefile.h"
#include "mainwindow.h"
#include "mnemonics.h"
#include "models/consumedlicensesmodel.h"
#include "models/countedtwicemodels.h"
#include "textwalker.h"
#include "urlopener.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"
#include "waitingjob.h"
#include "workflows/jobrunner.h"
#include "workflows/labhost.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <functional>
#include <memory>

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// A GitHub error text as the lab's fault injects it: data from GitHub, shown as it is.
const QString SyncError = QStringLiteral("The license sync job failed: upstream is unavailable");
} // namespace

// Opens every window, page, view and dialog of the console with lab data and walks what a user
// sees. GLC_L10N_MODE=layout (the English run) only checks for clipped texts, which tells layout
// bugs from translation bugs.
class ZhCnWalkTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Glc::ApplicationInfo::apply();
        Glc::Localization::setConfiguredLanguage({}); // follow LANG, whatever an earlier run chose
        Glc::Localization::setup(qApp);
        m_checkTranslation = qEnvironmentVariable("GLC_L10N_MODE") != QLatin1String("layout");
        if (m_checkTranslation) {
            QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("zh_CN"));
        } else {
            QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("en"));
        }
        QVERIFY(m_dir.isValid());
        // The ctest variants give a real screen (Full HD logical): windows get their normal size.
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(screen.width() >= 1900 && screen.height() >= 1000,
            qPrintable(QStringLiteral("screen %1x%2").arg(screen.width()).arg(screen.height())));

        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("store.sqlite"));
        options.labConfig.users = 40;
        options.labConfig.servers = 2;
        options.labConfig.syncDurationMs = 50;
        // Automatic refresh on: the page also says when the next one is due.
        QSettings().setValue(QStringLiteral("Refresh/automaticSeconds"), 6 * 3600);
        m_window = std::make_unique<MainWindow>(options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window->controller(), &LicenseController::dataLoaded);
        m_window->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->data().hasSnapshot, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->isRefreshing(), 60000);
        QVERIFY(loaded.count() > 0);

        // Values from the data are shown as they are.
        const Glc::LicenseSnapshot &snapshot = m_window->controller()->data().snapshot;
        QStringList values = m_window->controller()->serverHosts();
        values << snapshot.source;
        const Glc::ConsumedLicensesModel *seats = m_window->controller()->licensesModel();
        QVERIFY(seats->rowCount() > 0);
        for (int row = 0; row < seats->rowCount(); ++row) {
            const Glc::ConsumedLicense user = seats->license(row);
            values << user.githubComLogin << user.githubComName << user.serverHosts();
            // Organizations are names from the data ("lab-org-3" of "lab-org-3:Member"); their roles are not.
            for (const QString &orgAndRole : std::as_const(user.githubComMemberRoles)) {
                values << orgAndRole.section(QLatin1Char(':'), 0, -2);
            }
            values << user.githubComOrgsWithPendingInvites;
        }
        for (const Glc::EnterpriseServerInstallation &installation : snapshot.installations) {
            values << installation.hostName << installation.customerName;
            for (const Glc::ServerUserAccount &account : installation.userAccounts) {
                values << account.login << account.profileName;
            }
        }
        for (const Glc::ServerLicenseInfo &server : snapshot.serverLicenses) {
            values << server.hostname << server.installedVersion;
        }
        // GHES's admin shell account is literally "admin" (a login, shown as the ssh user placeholder).
        values << QStringLiteral("admin");
        // The servers' features, as their usage files name them (the export summary, the upload preview).
        for (const QString &host : m_window->controller()->serverHosts()) {
            QByteArray exported;
            labHost()->runInLab([&exported, &host](Glc::LicenseLab *lab) { exported = lab->exportUsage(host); });
            for (const Glc::UsageFileFeature &feature : Glc::UsageFile::read(exported).info.features) {
                values << feature.name;
            }
        }
        values << SyncError;
        m_allow.addValues(values);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings().remove(QStringLiteral("Refresh/automaticSeconds"));
    }

    void shouldShowTheMainWindowAndLicensePageTranslatedAndUnclipped()
    {
        QCOMPARE(m_window->licensePage()->isVisible(), true);
        // The walk sees the cards, the filter bar, the table headers, the menus and the cells of the
        // first rows of every table and tree, among them GitHub's words for roles and statuses.
        const QList<TextWalker::Text> texts = TextWalker::collect(m_window.get());
        QVERIFY2(texts.size() > 60, qPrintable(QString::number(texts.size())));
        const Glc::ConsumedLicensesModel *seats = m_window->controller()->licensesModel();
        QStringList roleCells;
        for (int row = 0; row < std::min(seats->rowCount(), TextWalker::ItemViewRows); ++row) {
            const QString cell = seats->index(row, Glc::ConsumedLicensesModel::MemberRolesColumn).data().toString();
            if (!cell.isEmpty()) {
                roleCells << cell;
            }
        }
        QVERIFY(!roleCells.isEmpty());
        const bool walkedRoles = std::any_of(texts.cbegin(), texts.cend(), [&roleCells](const TextWalker::Text &text) {
            return text.objectName.startsWith(QLatin1String("consumedLicensesTable cell ")) &&
                roleCells.contains(text.text);
        });
        QVERIFY2(walkedRoles, qPrintable(roleCells.join(QLatin1String(" | "))));
        check(m_window.get(), QStringLiteral("MainWindow"));
        if (m_checkTranslation) {
            QCOMPARE(m_window->windowTitle(), QStringLiteral("GHE 许可证控制台"));
            QVERIFY2(m_window->licensePage()->lastRefreshedText().contains(QStringLiteral("下次自动刷新")),
                qPrintable(m_window->licensePage()->lastRefreshedText()));
            // Chinese punctuation inside cells too: the server account's e-mail in full-width parentheses.
            const QAbstractItemModel *pairs = m_window->licensePage()->countedTwicePanel()->view()->model();
            QVERIFY(pairs->rowCount() > 0);
            const QString account = pairs->index(0, Glc::SuspectedPairsModel::ServerAccountColumn).data().toString();
            QVERIFY2(
                account.contains(QStringLiteral("（")) && !account.contains(QLatin1Char('(')), qPrintable(account));
        }
    }

    void shouldShowTheSyncNowView()
    {
        checkDialog(std::make_unique<SyncNowView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheExportUsageView()
    {
        checkDialog(std::make_unique<ExportUsageView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheAddServerUsageView()
    {
        checkDialog(std::make_unique<AddServerUsageView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheConnectionDialogForEveryKind_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("first kind") << 0;
        QTest::newRow("second kind") << 1;
        QTest::newRow("third kind") << 2;
    }

    void shouldShowTheConnectionDialogForEveryKind()
    {
        QFETCH(int, index);
        auto dialog = std::make_unique<ConnectionDialog>(m_window.get());
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        QVERIFY(kind);
        QVERIFY(index < kind->count());
        kind->setCurrentIndex(index);
        checkDialog(std::move(dialog));
    }

    void shouldShowTheSnapshotDialogs()
    {
        // Another snapshot (besides the first start's history), so Compare Snapshots compares two of now.
        const qsizetype before = m_window->controller()->data().history.size();
        QSignalSpy refreshed(m_window->controller(), &LicenseController::refreshFinished);
        m_window->controller()->refresh();
        QVERIFY(refreshed.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->data().history.size(), before + 1, 30000);
        m_window->findChild<QAction *>(QStringLiteral("compareSnapshotsAction"))->trigger();
        auto *compare = m_window->findChild<SnapshotChangesDialog *>();
        QVERIFY(compare);
        QTRY_COMPARE_WITH_TIMEOUT(compare->tree()->topLevelItemCount(), 3, 30000);
        check(compare, QStringLiteral("SnapshotChangesDialog"));
        compare->close();

        m_window->findChild<QAction *>(QStringLiteral("retentionAction"))->trigger();
        auto *retention = m_window->findChild<RetentionDialog *>();
        QVERIFY(retention);
        QTRY_VERIFY_WITH_TIMEOUT(retention->keepNewestBox()->isEnabled(), 30000); // the setting was read
        check(retention, QStringLiteral("RetentionDialog"));
        // Removing old snapshots after OK: the progress bar's text.
        retention->setBusy(true);
        retention->setStoring(true);
        retention->setProgress(7, 26);
        check(retention, QStringLiteral("RetentionDialog removing"));
        retention->setStoring(false);
        retention->close();
    }

    void shouldShowSeatsByOrganization()
    {
        m_window->findChild<QAction *>(QStringLiteral("organizationsAction"))->trigger();
        auto *organizations = m_window->findChild<OrganizationsDialog *>();
        QVERIFY(organizations);
        QVERIFY(organizations->list()->topLevelItemCount() > 0);
        check(organizations, QStringLiteral("OrganizationsDialog"));
        organizations->close();
    }

    void shouldShowTheReportsProgress()
    {
        // Download report's progress dialog, while the report waits behind other work in the worker thread.
        auto *command = controller()->findChild<DownloadReportCommand *>();
        QVERIFY(command);
        command->setProgressDelay(0);
        const auto delay = qScopeGuard([command] { command->setProgressDelay(500); });
        const auto release = std::make_shared<QSemaphore>();
        controller()->runner()->start(new WaitingJob(release));
        const auto unblock = qScopeGuard([release] { release->release(); });
        QSignalSpy written(controller(), &LicenseController::reportFinished);
        controller()->writeReport(m_dir.filePath(QStringLiteral("report.csv")), Glc::LicenseReportWriter::Format::Csv);
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = m_window->findChild<QProgressDialog *>(QStringLiteral("reportProgressDialog"))) &&
            progress->isVisible());
        m_allow.addValues({QStringLiteral("report.csv")});
        check(progress, QStringLiteral("Download Report progress"));
        // Its own Cancel button (Qt's text, translated): the report is not written.
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        release->release();
        QVERIFY(written.wait(30000));
        QVERIFY(!written.first().first().toBool());
    }

    void shouldShowTheAboutBox()
    {
        QAction *about = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QStringList problems;
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                const auto boxes = m_window->findChildren<QMessageBox *>();
                box = boxes.isEmpty() ? nullptr : boxes.constFirst();
            }
            if (!box) {
                return;
            }
            seen = true;
            problems = judge(box, QStringLiteral("About box"));
            box->close();
        });
        about->trigger();
        QVERIFY(seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldShowSyncNowAfterARun()
    {
        auto view = std::make_unique<SyncNowView>(controller(), m_window.get());
        QVERIFY(showView(view.get()));
        view->setServer(QString()); // all servers
        QSignalSpy finished(view.get(), &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(view->resultMessage()->title()));
        // Its stages, a result per server and the outcome.
        QVERIFY(view->stagesLabel()->isVisible() && !view->stagesLabel()->text().isEmpty());
        QVERIFY(view->resultList()->topLevelItemCount() > 0);
        QVERIFY(view->resultMessage()->isVisible());
        check(view.get(), QStringLiteral("SyncNowView synced"));

        // GitHub refuses: its error text (as it is) in the result and the list, with the next step.
        setLabFaults([](Glc::LabFaults &faults) { faults.syncError = SyncError; });
        view->startButton()->click();
        const bool ended = finished.wait(60000);
        setLabFaults([](Glc::LabFaults &faults) { faults.syncError.clear(); });
        QVERIFY(ended);
        QCOMPARE(finished.last().first().toBool(), false);
        QCOMPARE(view->resultMessage()->type(), InlineMessage::Type::Error);
        QVERIFY(!view->resultMessage()->nextStep().isEmpty());
        check(view.get(), QStringLiteral("SyncNowView failed"));
    }

    void shouldShowTheExportSummaryAndAskBeforeReplacing()
    {
        auto view = std::make_unique<ExportUsageView>(controller(), m_window.get());
        QVERIFY(showView(view.get()));
        const QDir folder(m_dir.filePath(QStringLiteral("exports")));
        QVERIFY(folder.mkpath(QStringLiteral("earlier"))); // a folder in the file dialog's list
        view->targetEdit()->setText(folder.filePath(QStringLiteral("usage.json")));
        QSignalSpy finished(view.get(), &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.last().first().toBool(), qPrintable(view->resultMessage()->title()));
        QVERIFY(view->summaryLabel()->isVisible() && !view->summaryLabel()->text().isEmpty());
        check(view.get(), QStringLiteral("ExportUsageView exported"));

        // The same file again: the question (with Qt's own Yes and No), answered No.
        bool seen = false;
        QStringList problems = judgeModal<QMessageBox>(
            QStringLiteral("Replace File? question"), [&view] { view->startButton()->click(); },
            [](QMessageBox *box) { box->button(QMessageBox::No)->click(); }, seen);
        QVERIFY(seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(finished.count(), 1); // nothing ran
        QVERIFY(view->resultMessage()->isVisible());
        check(view.get(), QStringLiteral("ExportUsageView kept"));

        // Browse…: Qt's own file dialog (the offscreen platform has no native one), in the language too,
        // its Type column included (the folder, and "JSON 文档" for the export beside it). Its folder is named after
        // the test's home; file names are the user's.
        m_allow.addValues({QDir(QDir::homePath()).dirName(), QStringLiteral("earlier")});
        QStringList buttons;
        QStringList types;
        problems = judgeModal<QFileDialog>(
            QStringLiteral("Save As file dialog"),
            [&view] { view->findChild<QPushButton *>(QStringLiteral("browse"))->click(); },
            [&buttons, &types](QFileDialog *dialog) {
                for (const QAbstractButton *button : dialog->findChild<QDialogButtonBox *>()->buttons()) {
                    buttons << button->text();
                }
                const auto *files = dialog->findChild<QAbstractItemView *>(QStringLiteral("treeView"));
                QTRY_VERIFY(files->model()->rowCount(files->rootIndex()) > 0);
                for (int row = 0; row < files->model()->rowCount(files->rootIndex()); ++row) {
                    types << files->model()->index(row, 2, files->rootIndex()).data().toString();
                }
                dialog->reject();
            },
            seen);
        QVERIFY(seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(buttons.size(), 2); // Save, Cancel
        QVERIFY2(!types.isEmpty(), "the dialog lists no file");
        if (m_checkTranslation) {
            for (const QString &text : buttons + types) {
                QVERIFY2(TextWalker::hasCjk(text), qPrintable((buttons + types).join(QLatin1Char(' '))));
            }
        }
    }

    void shouldShowAddServerUsageAfterADrop()
    {
        // A fresh export of a server the lab lists, one of a server it does not list, and a web page.
        const QString host = controller()->serverHosts().value(0);
        QByteArray exported;
        labHost()->runInLab([&exported, &host](Glc::LicenseLab *lab) { exported = lab->exportUsage(host); });
        QVERIFY(Glc::UsageFile::read(exported).ok());
        Glc::UsageFileInfo unknown = Glc::UsageFile::read(exported).info;
        unknown.serverId = QStringLiteral("00000000-0000-4000-8000-000000000042");
        unknown.hostName = QStringLiteral("offline.example.com");
        unknown.exportedAt = QDateTime::currentDateTimeUtc();
        unknown.users = {Glc::UsageFileUser{
            QStringLiteral("hermit"), QStringLiteral("7"), {QStringLiteral("hermit@offline.example.com")}, false}};
        m_allow.addValues({QStringLiteral("hermit")});
        const QStringList files{m_dir.filePath(QStringLiteral("ready.json")),
            m_dir.filePath(QStringLiteral("new-server.json")), m_dir.filePath(QStringLiteral("sign-in.json"))};
        QVERIFY(writeFile(files.at(0), exported));
        QVERIFY(writeFile(files.at(1), Glc::UsageFile::write(unknown)));
        QVERIFY(writeFile(files.at(2), "<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"));

        auto view = std::make_unique<AddServerUsageView>(controller(), m_window.get());
        QVERIFY(showView(view.get()));
        QSignalSpy checked(view.get(), &AddServerUsageView::filesChecked);
        view->addFiles(files);
        QVERIFY(checked.wait(30000));
        // A result per file, the preview, and the question about the new server (its long label).
        QCOMPARE(view->dropZone()->results().size(), 3);
        QVERIFY(view->dropZone()->results().at(0).ok);
        QVERIFY(view->dropZone()->results().at(1).warning);
        QVERIFY(!view->dropZone()->results().at(2).ok);
        QVERIFY(view->previewLabel()->isVisible() && !view->previewLabel()->text().isEmpty());
        QVERIFY(view->allowNewServersCheck()->isVisible());
        check(view.get(), QStringLiteral("AddServerUsageView checked"));

        // The new server on the admin's word, then the upload: the state of each file.
        view->allowNewServersCheck()->setChecked(true);
        QSignalSpy finished(view.get(), &ActionView::jobFinished);
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(60000));
        QStringList outcomes;
        for (const UsageFileResult &result : view->dropZone()->results()) {
            outcomes << QStringLiteral("%1: %2 %3").arg(result.path, result.title, result.detail);
        }
        QVERIFY2(finished.first().first().toBool(), qPrintable(outcomes.join(QLatin1Char('\n'))));
        QCOMPARE(view->dropZone()->results().size(), 2);
        check(view.get(), QStringLiteral("AddServerUsageView uploaded"));
        QVERIFY(refreshed.count() > 0 || refreshed.wait(60000)); // the totals it refreshes
    }

    void shouldShowTheUsageFiles()
    {
        // After the export and the upload above: both kinds of row, their outcome and upload state.
        m_window->findChild<QAction *>(QStringLiteral("usageFilesAction"))->trigger();
        auto *files = m_window->findChild<UsageFilesDialog *>();
        QVERIFY(files);
        QTRY_VERIFY_WITH_TIMEOUT(files->view()->model()->rowCount() >= 2, 30000);
        check(files, QStringLiteral("UsageFilesDialog"));
        files->close();
    }

    void shouldShowTheSyncHistory()
    {
        // The syncs the refreshes and the Sync now above recorded.
        m_window->findChild<QAction *>(QStringLiteral("syncHistoryAction"))->trigger();
        auto *history = m_window->findChild<SyncHistoryDialog *>();
        QVERIFY(history);
        QTRY_VERIFY_WITH_TIMEOUT(history->view()->model()->rowCount() >= 2, 30000);
        check(history, QStringLiteral("SyncHistoryDialog"));
        history->close();
    }

    void shouldShowALicenseReportFile()
    {
        // The page's seats as GitHub's CSV: the file's pairs and unexpected seats, then a file that is no report.
        Glc::ConsumedLicensesReport report;
        report.users = controller()->licensesModel()->licenses();
        const QString csv = m_dir.filePath(QStringLiteral("license-report.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Glc::LicenseReportWriter::toCsv(report, true));
        file.close();
        m_window->checkReportFile(csv);
        QPointer<ReportFileDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_window->findChild<ReportFileDialog *>()) && dialog->panel()->isVisible(), 30000);
        check(dialog, QStringLiteral("ReportFileDialog"));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void shouldShowTheAssistedInstructions()
    {
        // A console on a lab in its GitHub-like mode: the action views guide the admin through GitHub's pages.
        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("assisted.sqlite"));
        options.labConfig.users = 20;
        options.labConfig.servers = 2;
        options.labConfig.githubLike = true;
        options.historyWeeks = 0;
        MainWindow console(options);
        QSignalSpy refreshed(console.controller(), &LicenseController::refreshFinished);
        console.start();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        m_allow.addValues(console.controller()->serverHosts());
        int opened = 0;
        UrlOpener::set([&opened](const QUrl &) { ++opened; }); // nobody clicks in the browser
        const auto restore = qScopeGuard([] { UrlOpener::set([](const QUrl &) { }); });

        // Each view shows its instructions while it waits for the admin, then is cancelled.
        const auto walk = [this](ActionView *view, const QString &where) {
            QVERIFY(showView(view));
            QSignalSpy finished(view, &ActionView::jobFinished);
            view->startButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(view->assistLabel()->isVisible(), 30000);
            QCOMPARE(view->capability().kind, Glc::Capability::Kind::Assisted);
            check(view, where);
            view->cancelButton()->click();
            QVERIFY(finished.count() == 1 || finished.wait(10000));
            check(view, where + QStringLiteral(" cancelled"));
        };
        {
            SyncNowView sync(console.controller(), m_window.get());
            sync.setServer(console.controller()->syncHosts().value(0));
            walk(&sync, QStringLiteral("SyncNowView assisted"));
        }
        {
            ExportUsageView exportView(console.controller(), m_window.get());
            exportView.targetEdit()->setText(m_dir.filePath(QStringLiteral("assisted-export.json")));
            walk(&exportView, QStringLiteral("ExportUsageView assisted"));
        }
        {
            QByteArray exported;
            const QString host = console.controller()->serverHosts().value(0);
            console.controller()->labHost()->runInLab(
                [&exported, &host](Glc::LicenseLab *lab) { exported = lab->exportUsage(host); });
            const QString file = m_dir.filePath(QStringLiteral("assisted-upload.json"));
            QVERIFY(writeFile(file, exported));
            AddServerUsageView add(console.controller(), m_window.get());
            QSignalSpy checked(&add, &AddServerUsageView::filesChecked);
            add.addFiles({file});
            QVERIFY(checked.wait(30000));
            QVERIFY2(add.startButton()->isEnabled(), qPrintable(add.dropZone()->results().value(0).detail));
            checked.clear();
            walk(&add, QStringLiteral("AddServerUsageView assisted"));
            QVERIFY(checked.count() > 0 || checked.wait(30000)); // the cancelled file is checked again
        }
        QVERIFY(opened >= 3);
    }

    void shouldShowTheConnectionTestReport()
    {
        m_window->showConnectionDialog();
        QPointer<ConnectionDialog> dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testButton"));
        QVERIFY(test && test->isEnabled());
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->testReport().isEmpty(), 30000);
        check(dialog, QStringLiteral("ConnectionDialog tested"));

        // A token GitHub refuses: the failed checks, each with its fix.
        setLabFaults([](Glc::LabFaults &faults) { faults.token = Glc::LabFaults::Token::Bad; });
        test->click();
        const auto failed = [&dialog] {
            const QList<TestCheck> report = dialog->testReport();
            return std::any_of(report.cbegin(), report.cend(), [](const TestCheck &c) { return !c.ok; });
        };
        const bool reported = QTest::qWaitFor(failed, 30000);
        setLabFaults([](Glc::LabFaults &faults) { faults.token = Glc::LabFaults::Token::Valid; });
        QVERIFY(reported);
        check(dialog, QStringLiteral("ConnectionDialog test failed"));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void shouldShowTheLicensePagesInlineError_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("bad token") << 0;
        QTest::newRow("forced 422") << 422;
    }

    void shouldShowTheLicensePagesInlineError()
    {
        QFETCH(int, status);
        setLabFaults([status](Glc::LabFaults &faults) {
            faults.token = status == 0 ? Glc::LabFaults::Token::Bad : Glc::LabFaults::Token::Valid;
            faults.forcedStatus = status;
        });
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->refresh();
        const bool ended = refreshed.wait(60000);
        setLabFaults([](Glc::LabFaults &faults) {
            faults.token = Glc::LabFaults::Token::Valid;
            faults.forcedStatus = 0;
        });
        QVERIFY(ended);
        QCOMPARE(refreshed.first().first().toBool(), false);
        QTRY_VERIFY(m_window->licensePage()->errorMessage()->isVisible());
        check(m_window.get(), QStringLiteral("MainWindow with an error"));
        m_window->licensePage()->clearError();
    }

    void shouldShowQtsOwnContextMenuTranslated()
    {
        QLineEdit *search = m_window->licensePage()->filterBar()->searchField();
        QVERIFY(search);
        search->setText(QStringLiteral("octo"));
        std::unique_ptr<QMenu> menu(search->createStandardContextMenu());
        QList<TextWalker::Text> texts;
        TextWalker::collectMenu(texts, menu.get());
        search->clear();
        QVERIFY(texts.size() >= 6); // undo, redo, cut, copy, paste, delete, select all
        QStringList problems = judgeTexts(texts, QStringLiteral("line edit context menu"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        if (m_checkTranslation) {
            for (const TextWalker::Text &text : std::as_const(texts)) {
                QVERIFY2(TextWalker::hasCjk(text.text), qPrintable(text.text));
            }
        }
    }

    void shouldWriteTheSummaryTranslated()
    {
        // File > Save Summary's document: every paragraph, title and table cell, as its PDF prints them.
        QTextDocument document;
        controller()->summaryCommand()->prepare(&document);
        QList<TextWalker::Text> texts;
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            if (!block.text().trimmed().isEmpty()) {
                texts.append({QStringLiteral("QTextDocument"), QStringLiteral("summary"), block.text()});
            }
        }
        QVERIFY(texts.size() > 20);
        const QStringList problems = judgeTexts(texts, QStringLiteral("summary"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        if (m_checkTranslation) {
            QVERIFY2(TextWalker::hasCjk(document.metaInformation(QTextDocument::DocumentTitle)),
                qPrintable(document.metaInformation(QTextDocument::DocumentTitle)));
        }

        // The PDF itself, made in the worker thread: its fonts embedded, a CJK one among them in zh_CN.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("summary.pdf"));
        QSignalSpy saved(controller()->summaryCommand(), &SaveSummaryCommand::saved);
        controller()->summaryCommand()->write(pdf);
        QVERIFY(saved.wait(30000));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/FontFile2"));
        if (m_checkTranslation) {
            QVERIFY2(bytes.contains("CJK"), "no CJK font in the summary's PDF");
        }
    }

    void shouldShowTheTablesContextMenusTranslated()
    {
        // The consumed-licenses table, the suspected pairs and the seats that count unexpectedly: each menu as
        // the Menu key opens it over the current row, its actions with their counts.
        CountedTwicePanel *panel = m_window->licensePage()->countedTwicePanel();
        QTableView *table = controller()->table();
        table->selectRow(0);
        QStringList columnTitles;
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            columnTitles.append(table->model()->headerData(column, Qt::Horizontal).toString());
        }
        for (QAbstractItemView *view : QList<QAbstractItemView *>{table, panel->view(), panel->unexpectedView()}) {
            if (view->model()->rowCount() == 0) {
                continue;
            }
            view->setCurrentIndex(view->model()->index(0, 0));
            QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), view->mapToGlobal(QPoint()));
            QApplication::sendEvent(view, &event);
            std::unique_ptr<QMenu> menu(view->findChild<QMenu *>(QStringLiteral("itemViewMenu")));
            QVERIFY2(menu, qPrintable(view->objectName()));
            QList<TextWalker::Text> texts;
            TextWalker::collectMenu(texts, menu.get());
            QVERIFY(texts.size() >= 3); // copy, copy with titles, and the view's own
            QStringList problems = judgeTexts(texts, view->objectName() + QLatin1String(" context menu"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            if (m_checkTranslation) {
                for (const TextWalker::Text &text : std::as_const(texts)) {
                    // The Columns submenu names the table's columns as its header does, product terms
                    // ("SAML NameID") included: judged above like every text, with the header's allow-list.
                    QVERIFY2(TextWalker::hasCjk(text.text) || columnTitles.contains(text.text), qPrintable(text.text));
                }
            }
        }
        QVERIFY(panel->view()->model()->rowCount() > 0);
    }

    // Last: it leaves the built-in lab for a stored connection (and comes back).
    void shouldAskBeforeRemovingAConnection()
    {
        // The lab reached as a stored connection of its own, its token from the environment.
        Glc::Connection external = labHost()->connection();
        external.id = QStringLiteral("external-lab");
        external.name = QStringLiteral("Lab East");
        m_allow.addValues({external.name});
        qputenv("GH_TOKEN", labHost()->token().toUtf8());
        const auto unset = qScopeGuard([] { qunsetenv("GH_TOKEN"); });
        QSignalSpy refreshed(controller(), &LicenseController::refreshFinished);
        controller()->setConnection(external, QString());
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        QAction *remove = m_window->findChild<QAction *>(QStringLiteral("removeConnectionAction"));
        QVERIFY(remove);
        bool seen = false;
        QString boxName;
        const QStringList problems = judgeModal<QMessageBox>(
            QStringLiteral("Remove Connection question"), [remove] { remove->trigger(); },
            [&boxName](QMessageBox *box) {
                boxName = box->objectName();
                box->button(QMessageBox::Cancel)->click();
            },
            seen);
        QVERIFY(seen);
        QCOMPARE(boxName, QStringLiteral("removeConnectionBox"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(controller()->connection().id, external.id); // declined: kept
        controller()->switchConnection(Glc::Connection{});
        QVERIFY(LicenseController::usesBuiltInLab(controller()->connection()));
    }

private:
    /// Texts a judgement leaves out.
    using TextFilter = std::function<bool(const TextWalker::Text &)>;

    LicenseController *controller() const { return m_window->controller(); }
    Glc::LabHost *labHost() const { return m_window->controller()->labHost(); }

    void setLabFaults(const std::function<void(Glc::LabFaults &)> &change)
    {
        labHost()->runInLab([&change](Glc::LicenseLab *lab) {
            Glc::LabFaults faults = lab->faults();
            change(faults);
            lab->setFaults(faults);
        });
    }

    /// Shows @p view beside the main window at its normal size.
    static bool showView(QDialog *view)
    {
        view->show();
        return QTest::qWaitForWindowExposed(view);
    }

    /// Runs @p open, which shows a modal dialog (a message box, Qt's file dialog), in an event loop of
    /// its own or not; judges the dialog once it is shown, then hands it to @p close. @p seen: a dialog came.
    template<typename Dialog>
    QStringList judgeModal(const QString &where, const std::function<void()> &open,
        const std::function<void(Dialog *)> &close, bool &seen, const TextFilter &ignore = {})
    {
        QStringList problems;
        seen = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) {
                return;
            }
            poll.stop();
            seen = true;
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            problems = judge(dialog, where, ignore, notOurLayouts(dialog));
            close(dialog);
        });
        poll.start();
        open();
        seen = QTest::qWaitFor([&seen] { return seen; }, 10000);
        poll.stop();
        return problems;
    }

    /// What in @p dialog the product does not lay out: Qt's file dialog sizes the columns of its file list.
    static QList<const QWidget *> notOurLayouts(const QWidget *dialog)
    {
        QList<const QWidget *> views;
        if (qobject_cast<const QFileDialog *>(dialog)) {
            views = {dialog->findChild<QAbstractItemView *>(QStringLiteral("treeView")),
                dialog->findChild<QAbstractItemView *>(QStringLiteral("listView"))};
            views.removeAll(nullptr);
        }
        return views;
    }

    QStringList judgeTexts(
        const QList<TextWalker::Text> &texts, const QString &where, const TextFilter &ignore = {}) const
    {
        QStringList problems;
        if (!m_checkTranslation) {
            return problems;
        }
        for (const TextWalker::Text &text : texts) {
            if (ignore && ignore(text)) {
                continue;
            }
            // View > Language names each language in itself ("English", "简体中文").
            if (text.objectName.startsWith(QLatin1String("language_")) &&
                Glc::Localization::availableLanguages().contains(text.objectName.mid(9)) &&
                text.text == Glc::Localization::languageName(text.objectName.mid(9))) {
                continue;
            }
            if (!m_allow.accepts(text.text)) {
                problems << QStringLiteral("%1: untranslated %2 '%3' \"%4\" (left: %5)")
                                .arg(where, text.widgetClass, text.objectName, text.text, m_allow.leftover(text.text));
            }
        }
        return problems;
    }

    QStringList judge(
        QWidget *root, const QString &where, const TextFilter &ignore = {}, const QList<const QWidget *> &notOurs = {})
    {
        QStringList problems = judgeTexts(TextWalker::collect(root), where, ignore);
        // Values from the data (logins, names, emails) may be elided in a narrow column; nothing else may.
        const auto holdsData = [this](const QString &text) { return m_allow.holdsData(text); };
        for (const QString &clip : TextWalker::clipped(root, holdsData, notOurs)) {
            problems << QStringLiteral("%1: clipped %2").arg(where, clip);
        }
        problems.removeDuplicates();
        return problems;
    }

    void check(QWidget *root, const QString &where)
    {
        // Judge the laid-out window, not one with layout requests still queued.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QStringList problems = judge(root, where);
        // Alt+letter in each dialog and view (the main window's: mnemonicstest): no two controls share one.
        if (!qobject_cast<QMainWindow *>(root)) {
            for (const QString &clash : GlcTest::mnemonicClashes(root)) {
                problems << QStringLiteral("%1: %2").arg(where, clash);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void checkDialog(std::unique_ptr<QDialog> dialog)
    {
        dialog->show(); // its normal size: what its layout asks for
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QCoreApplication::processEvents();
        QVERIFY(!dialog->windowTitle().isEmpty());
        check(dialog.get(), QString::fromLatin1(dialog->metaObject()->className()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TextWalker::AllowList m_allow;
    bool m_checkTranslation = true;
};

QTEST_MAIN(ZhCnWalkTest)
#include "zhcnwalktest.moc"
