// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/licensepage.h"
#include "licensepage/attentioncard.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/serverfiltercombo.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/usagefilesdialog.h"
#include "licensepage/userlicensescard.h"
#include "models/serverinstancesmodel.h"
#include "models/usagefilesmodel.h"
#include "uitestdata.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {
void fill(LicensePage &page)
{
    page.setClock(UiTestData::now);
    page.userLicensesCard()->setSummary(UiTestData::summary());
    page.userLicensesCard()->setServerLicenses(UiTestData::serverLicenses());
    page.licenseSyncCard()->setServers(UiTestData::serverRows());
    page.serverInstancesCard()->setInstances(UiTestData::installations());
    page.countedTwicePanel()->setPairs(UiTestData::pairs());
    page.historyChart()->setHistory(
        UiTestData::consumedHistory(), UiTestData::purchasedHistory(), UiTestData::forecast());
    auto *table = new QTableWidget(3, 3);
    table->setObjectName(QStringLiteral("consumedTable"));
    page.setTableWidget(table);
    page.setLastRefreshed(UiTestData::now().addSecs(-180), QStringLiteral("lab 127.0.0.1:4123"));
    // Needs attention: two items with a button each (the counted twice ones, the pending invitations).
    Glc::Attention::Input attention;
    attention.now = UiTestData::now();
    attention.snapshotTakenAt = attention.now.addSecs(-180);
    attention.consumed = 10;
    attention.purchased = 100;
    attention.countedTwicePeople = 2;
    attention.seatsFreed = 2;
    attention.pendingInvitationSeats = 1;
    page.attentionCard()->setInput(attention, true);
}
} // namespace

class LicensePageTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldShowWhenAndWhereItWasRefreshed()
    {
        LicensePage page;
        QVERIFY(page.lastRefreshedText().contains(QLatin1String("Not refreshed yet")));
        fill(page);
        QCOMPARE(page.lastRefreshedText(), QStringLiteral("Last refreshed 3 minutes ago from lab 127.0.0.1:4123"));
    }

    void shouldRefreshOnF5AndShowProgress()
    {
        LicensePage page;
        page.resize(1200, 800);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy refresh(&page, &LicensePage::refreshRequested);
        QSignalSpy cancel(&page, &LicensePage::cancelRefreshRequested);
        QTest::keyClick(&page, Qt::Key_F5);
        QTRY_COMPARE(refresh.count(), 1);

        page.setRefreshing(true);
        auto *refreshButton = page.findChild<QPushButton *>(QStringLiteral("refreshButton"));
        auto *bar = page.findChild<QProgressBar *>(QStringLiteral("refreshProgressBar"));
        auto *label = page.findChild<QLabel *>(QStringLiteral("refreshProgressLabel"));
        QVERIFY(!refreshButton->isEnabled());
        QVERIFY(bar->isVisible());
        page.setRefreshProgress(3, 12, 2500);
        QCOMPARE(bar->maximum(), 12);
        QCOMPARE(bar->value(), 3);
        QCOMPARE(label->text(), QStringLiteral("Page 3 of 12 · 2,500 users"));
        // Both counts take their own plural form.
        page.setRefreshProgress(1, 0, 1);
        QCOMPARE(bar->maximum(), 0);
        QCOMPARE(label->text(), QStringLiteral("1 page · 1 user"));
        page.setRefreshProgress(2, 0, 1);
        QCOMPARE(label->text(), QStringLiteral("2 pages · 1 user"));
        page.setRefreshProgress(1, 0, 1500);
        QCOMPARE(label->text(), QStringLiteral("1 page · 1,500 users"));

        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("cancelRefreshButton")), Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        page.setRefreshing(false);
        QVERIFY(!bar->isVisible());
        QVERIFY(refreshButton->isEnabled());
    }

    void shouldLeaveTheFocusWhereTheUserIsWhenARefreshStarts()
    {
        LicensePage page;
        fill(page);
        page.resize(1200, 800);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *refreshButton = page.findChild<QPushButton *>(QStringLiteral("refreshButton"));
        auto *cancelButton = page.findChild<QPushButton *>(QStringLiteral("cancelRefreshButton"));
        QLineEdit *search = page.filterBar()->searchField();
        // A refresh the user did not start here (the one after an upload): typing goes on in the search field.
        search->setFocus(Qt::OtherFocusReason);
        QTest::keyClicks(search, QStringLiteral("oct"));
        page.setRefreshing(true);
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("o"));
        QCOMPARE(search->text(), QStringLiteral("octo"));
        page.setRefreshing(false);
        QVERIFY(search->hasFocus());
        // Started from the Refresh button, which is disabled meanwhile: Cancel takes the focus, then gives it back.
        refreshButton->setFocus(Qt::OtherFocusReason);
        page.setRefreshing(true);
        QVERIFY(cancelButton->hasFocus());
        page.setRefreshing(false);
        QVERIFY(refreshButton->hasFocus());
    }

    void shouldShowAnErrorWithTheNextStep()
    {
        LicensePage page;
        page.show();
        QVERIFY(page.errorMessage()->isHidden());
        // What a screen reader hears: that a message appeared, and what kind it is.
        static QList<QObject *> alerts;
        alerts.clear();
        QAccessible::setActive(true);
        const QAccessible::UpdateHandler previous = QAccessible::installUpdateHandler([](QAccessibleEvent *event) {
            if (event->type() == QAccessible::Alert) {
                alerts.append(event->object());
            }
        });
        page.showError(
            QStringLiteral("The token was refused (401)"), QStringLiteral("Create a new token, then Refresh"));
        QAccessible::installUpdateHandler(previous);
        QAccessible::setActive(false);
        QCOMPARE(alerts, QList<QObject *>{page.errorMessage()});
        QCOMPARE(page.errorMessage()->accessibleName(), QStringLiteral("Error: The token was refused (401)"));
        // Not colour alone: the error's own symbol beside the text.
        const auto *icon = page.errorMessage()->findChild<QLabel *>(QStringLiteral("messageIcon"));
        QVERIFY(icon && icon->isVisible() && !icon->pixmap().isNull());
        const QImage errorIcon = icon->pixmap().toImage();
        page.errorMessage()->showMessage(InlineMessage::Type::Information, QStringLiteral("Saved"));
        QCOMPARE(page.errorMessage()->accessibleName(), QStringLiteral("Saved"));
        QVERIFY(icon->pixmap().toImage() != errorIcon);
        page.showError(
            QStringLiteral("The token was refused (401)"), QStringLiteral("Create a new token, then Refresh"));
        QVERIFY(page.errorMessage()->isVisible());
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("messageTitle"))->text(),
            QStringLiteral("The token was refused (401)"));
        QCOMPARE(page.findChild<QLabel *>(QStringLiteral("messageNextStep"))->text(),
            QStringLiteral("Create a new token, then Refresh"));
        QTest::mouseClick(page.findChild<QAbstractButton *>(QStringLiteral("messageCloseButton")), Qt::LeftButton);
        QVERIFY(page.errorMessage()->isHidden());
    }

    void shouldReachEveryButtonWithTab()
    {
        LicensePage page;
        page.resize(1400, 900);
        fill(page); // rows and the table arrive after the page exists, as they will in the app
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));

        auto *refresh = page.findChild<QPushButton *>(QStringLiteral("refreshButton"));
        refresh->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(refresh->hasFocus());
        QList<QWidget *> visited;
        for (int i = 0; i < 200; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            if (visited.contains(focus)) {
                break;
            }
            visited.append(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        const auto buttons = page.findChildren<QAbstractButton *>();
        int reachable = 0;
        for (QAbstractButton *button : buttons) {
            if (!button->isVisible() || !button->isEnabled() || !(button->focusPolicy() & Qt::TabFocus)) {
                continue;
            }
            ++reachable;
            QVERIFY2(visited.contains(button), qPrintable(button->objectName()));
            QVERIFY2(
                !button->accessibleName().isEmpty() || !button->text().isEmpty(), qPrintable(button->objectName()));
        }
        QVERIFY(reachable >= 10);

        // Reading order: Refresh, quick links, Sync all, each row's Sync now, ..., search, table.
        auto indexOf = [&](const QString &name) { return visited.indexOf(page.findChild<QWidget *>(name)); };
        const int syncAll = indexOf(QStringLiteral("syncAllButton"));
        const int row1 = indexOf(QStringLiteral("syncNowButton_11111111-aaaa"));
        const int row3 = indexOf(QStringLiteral("syncNowButton_33333333-cccc"));
        const int search = indexOf(QStringLiteral("searchField"));
        const int table = indexOf(QStringLiteral("consumedTable"));
        // Needs attention comes before the cards, though its buttons were made after them.
        const int attention0 = indexOf(QStringLiteral("attentionAction0"));
        const int attention1 = indexOf(QStringLiteral("attentionAction1"));
        QVERIFY2(indexOf(QStringLiteral("refreshButton")) < attention0 && attention0 < attention1 &&
                attention1 < indexOf(QStringLiteral("exportButton")),
            qPrintable(QStringLiteral("%1 %2").arg(attention0).arg(attention1)));
        QVERIFY(indexOf(QStringLiteral("exportButton")) < syncAll);
        QVERIFY(syncAll < row1);
        QVERIFY(row1 < row3);
        QVERIFY(row3 < indexOf(QStringLiteral("instancesView")));
        QVERIFY(row3 < search);
        QVERIFY2(search < table, qPrintable(QStringLiteral("%1 %2").arg(search).arg(table)));
    }

    void shouldGiveEveryControlAnAccessibleName()
    {
        LicensePage page;
        fill(page);
        page.show();
        const auto widgets = page.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) ||
                w->objectName() == QLatin1String("consumedTable")) {
                continue;
            }
            if (w->objectName().startsWith(QLatin1String("qt_"))) {
                continue; // Qt's internal parts (scroll bars, viewports)
            }
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const bool named = !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            QVERIFY2(named,
                qPrintable(
                    QStringLiteral("%1 (%2)").arg(w->objectName(), QString::fromLatin1(w->metaObject()->className()))));
        }
    }

    void shouldKeepAgesAndWarningsTrueWhileThePageStaysOpen()
    {
        LicensePage page;
        QDateTime now = UiTestData::now();
        page.setClock([&now] { return now; });
        // A sync, an upload of a server without GitHub Connect, and the license's end, all a minute to an
        // hour away from their next word.
        const QDateTime synced = now.addDays(-Glc::LicenseCadence::Days).addSecs(3600);
        const QString serverId = QStringLiteral("44444444-dddd");
        page.licenseSyncCard()->setServers({ServerRow{
            {serverId, QStringLiteral("ghes4.corp.example"), synced, QStringLiteral("success"), QString(), QDateTime()},
            QStringLiteral("3.14.2"), true}});
        Glc::EnterpriseServerInstallation airGapped;
        airGapped.id = QStringLiteral("ESI_5");
        airGapped.hostName = QStringLiteral("ghes5.air.example");
        airGapped.uploads = {
            {QStringLiteral("ghes5-license-usage.json"), Glc::UploadSyncState::Success, synced, synced}};
        page.serverInstancesCard()->setInstances({airGapped});
        LicenseSummary summary = UiTestData::summary();
        summary.expiresAt = now.addDays(3);
        page.userLicensesCard()->setSummary(summary);
        page.setLastRefreshed(now.addSecs(-120), QString());
        page.resize(1200, 800);
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));

        const auto label = [&page](const QString &name) {
            auto *l = page.findChild<QLabel *>(name);
            return l && l->isVisible() ? l->text() : QString();
        };
        const QString lastSyncName = QStringLiteral("lastSyncLabel_%1").arg(serverId);
        const QString staleName = QStringLiteral("staleLabel_%1").arg(serverId);
        const QModelIndex upload =
            page.serverInstancesCard()->view()->model()->index(0, Glc::ServerInstancesModel::LastUploadColumn);
        QVERIFY2(label(lastSyncName).endsWith(QLatin1String("(6 days ago)")), qPrintable(label(lastSyncName)));
        QVERIFY(label(staleName).isEmpty());
        QVERIFY2(
            upload.data().toString().endsWith(QLatin1String("(6 days ago)")), qPrintable(upload.data().toString()));
        QVERIFY2(label(QStringLiteral("expiryLabel")).endsWith(QLatin1String("(3 days left)")),
            qPrintable(label(QStringLiteral("expiryLabel"))));
        QCOMPARE(page.lastRefreshedText(), QStringLiteral("Last refreshed 2 minutes ago"));

        // The page ticks every minute. A keyboard user sits on the row's Sync now button.
        auto *ticker = page.findChild<QTimer *>(QStringLiteral("relativeTimeTicker"));
        QVERIFY(ticker && ticker->isActive());
        QCOMPARE(ticker->interval(), 60 * 1000);
        page.licenseSyncCard()->syncNowButton(serverId)->setFocus(Qt::TabFocusReason);

        // Half an hour on, nothing changes word but the refresh's age: the rows stay as they are.
        now = now.addSecs(1800);
        QPointer<QPushButton> before = page.licenseSyncCard()->syncNowButton(serverId);
        QVERIFY(QMetaObject::invokeMethod(ticker, "timeout"));
        QCOMPARE(page.lastRefreshedText(), QStringLiteral("Last refreshed 32 minutes ago"));
        QCOMPARE(page.licenseSyncCard()->syncNowButton(serverId), before.data());
        QVERIFY(label(staleName).isEmpty());

        // A day on: the ages, the stale warning, the overdue upload and the days left all follow.
        now = now.addDays(1);
        QVERIFY(QMetaObject::invokeMethod(ticker, "timeout"));
        QVERIFY2(label(lastSyncName).endsWith(QLatin1String("(7 days ago)")), qPrintable(label(lastSyncName)));
        QVERIFY2(label(staleName).startsWith(QLatin1String("Not synced for more than 7 days")),
            qPrintable(label(staleName)));
        QCOMPARE(page.licenseSyncCard()->staleCount(), 1);
        QVERIFY2(upload.data().toString().endsWith(QLatin1String("(7 days ago), overdue")),
            qPrintable(upload.data().toString()));
        QVERIFY2(label(QStringLiteral("expiryLabel")).endsWith(QLatin1String("(2 days left)")),
            qPrintable(label(QStringLiteral("expiryLabel"))));
        // The row was rebuilt for its warning, and the focus is where the user left it.
        QVERIFY(page.licenseSyncCard()->syncNowButton(serverId) != before.data());
        QCOMPARE(QApplication::focusWidget(), page.licenseSyncCard()->syncNowButton(serverId));

        // An upload interval set for the connection (an air-gapped server added to monthly): not overdue.
        page.serverInstancesCard()->setUploadDays(31);
        QVERIFY2(
            upload.data().toString().endsWith(QLatin1String("(7 days ago)")), qPrintable(upload.data().toString()));
        QVERIFY(!upload.data(Glc::ServerInstancesModel::UploadOverdueRole).toBool());
        // A tighter one: overdue, and the tooltip says by which interval.
        page.serverInstancesCard()->setUploadDays(3);
        QVERIFY(upload.data().toString().endsWith(QLatin1String(", overdue")));
        QVERIFY2(upload.data(Qt::ToolTipRole)
                     .toString()
                     .contains(QLatin1String("at least every 3 days, as set for "
                                             "this connection")),
            qPrintable(upload.data(Qt::ToolTipRole).toString()));
    }

    void shouldListTheUsageFilesOfOneServerOrAll()
    {
        using Model = Glc::UsageFilesModel;
        using Direction = Glc::UsageFileRecord::Direction;
        const auto file = [](qint64 id, Direction direction, const QString &host) {
            Glc::UsageFileRecord f;
            f.id = id;
            f.direction = direction;
            f.hostName = host;
            f.fileName = QStringLiteral("%1-license-usage-%2.json").arg(host).arg(id);
            f.time = UiTestData::now().addDays(-id);
            f.size = 1000 * id;
            return f;
        };
        const QString berlin = QStringLiteral("ghes-berlin.corp.example");
        const QString tokyo = QStringLiteral("ghes-tokyo.corp.example");
        const QString osaka = QStringLiteral("ghes-osaka.corp.example");
        Model model;
        model.setFiles({file(1, Direction::Exported, tokyo), file(2, Direction::Uploaded, tokyo),
            file(3, Direction::Exported, berlin), file(4, Direction::Exported, tokyo)});
        UsageFilesDialog dialog(&model);
        QAbstractItemModel *shown = dialog.view()->model();
        ServerFilterCombo *servers = dialog.serverCombo();
        QCOMPARE(servers->count(), 3);
        QCOMPARE(servers->itemText(0), QStringLiteral("All servers"));
        QCOMPARE(servers->itemText(1), berlin); // alphabetical
        QCOMPARE(servers->itemText(2), tokyo);
        QCOMPARE(shown->rowCount(), 4);
        QCOMPARE(
            dialog.summaryLabel()->text(), QStringLiteral("3 files exported and 1 file uploaded on this connection."));

        // One server's, chosen by keyboard from the combo (its label's mnemonic is Alt+S).
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        servers->setFocus(Qt::TabFocusReason);
        QTest::keyClick(servers, Qt::Key_Down);
        QCOMPARE(servers->host(), berlin);
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, Model::HostColumn).data().toString(), berlin);
        QCOMPARE(
            dialog.summaryLabel()->text(), QStringLiteral("1 file exported and 0 files uploaded for %1.").arg(berlin));
        QTest::keyClick(servers, Qt::Key_Down);
        QCOMPARE(shown->rowCount(), 3);
        QCOMPARE(
            dialog.summaryLabel()->text(), QStringLiteral("2 files exported and 1 file uploaded for %1.").arg(tokyo));

        // Asked for from a server's row: that server's files; a server without any says so over all servers'.
        dialog.setServer(berlin);
        QCOMPARE(shown->rowCount(), 1);
        dialog.setServer(osaka);
        QCOMPARE(servers->host(), QString());
        QCOMPARE(shown->rowCount(), 4);
        QVERIFY2(
            dialog.summaryLabel()->text().startsWith(
                QStringLiteral("No usage file of %1 has been exported or uploaded on this connection yet.").arg(osaka)),
            qPrintable(dialog.summaryLabel()->text()));
        // Its first export arrives while the dialog is open: it shows that server's file.
        model.addFile(file(5, Direction::Exported, osaka));
        QCOMPARE(servers->count(), 4);
        QCOMPARE(servers->host(), osaka);
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(
            dialog.summaryLabel()->text(), QStringLiteral("1 file exported and 0 files uploaded for %1.").arg(osaka));
        // A reload keeps the server chosen while it has files, and falls back to all when it has none.
        model.setFiles({file(6, Direction::Uploaded, osaka), file(7, Direction::Exported, tokyo)});
        QCOMPARE(servers->host(), osaka);
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(
            shown->index(0, Model::FileNameColumn).data().toString(), file(6, Direction::Uploaded, osaka).fileName);
        model.setFiles({file(7, Direction::Exported, tokyo)});
        QCOMPARE(servers->host(), QString());
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(
            dialog.summaryLabel()->text(), QStringLiteral("1 file exported and 0 files uploaded on this connection."));

        // A row's menu (the Menu key) opens the folder its file went to or came from, while that is there.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Glc::UsageFileRecord here = file(8, Direction::Exported, tokyo);
        here.fileName = dir.filePath(QStringLiteral("tokyo.json"));
        here.sha256 = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        Glc::UsageFileRecord gone = file(9, Direction::Uploaded, tokyo);
        gone.fileName = dir.filePath(QStringLiteral("removed/tokyo.json"));
        {
            QFile written(here.fileName);
            QVERIFY(written.open(QIODevice::WriteOnly));
        }
        model.setFiles({here, gone});
        QCOMPARE(shown->index(0, Model::FileNameColumn).data().toString(), here.fileName); // newest first
        QSignalSpy folders(&dialog, &UsageFilesDialog::openFolderRequested);
        QSignalSpy adds(&dialog, &UsageFilesDialog::addServerUsageRequested);
        QTreeView *view = dialog.view();
        const auto openMenu = [view](int row) -> QMenu * {
            if (!QTest::qWaitFor([view] { return !view->findChild<QMenu *>(QStringLiteral("itemViewMenu")); })) {
                return nullptr;
            }
            view->setFocus();
            view->setCurrentIndex(view->model()->index(row, 0));
            QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), view->mapToGlobal(QPoint()));
            QApplication::sendEvent(view, &event);
            return view->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        };
        QMenu *menu = openMenu(0);
        QVERIFY(menu);
        auto *openFolder = menu->findChild<QAction *>(QStringLiteral("openUsageFileFolder"));
        QVERIFY(openFolder && openFolder->isEnabled());
        openFolder->trigger();
        QCOMPARE(folders.count(), 1);
        QCOMPARE(folders.constFirst().constFirst().toString(), dir.path());
        // Its SHA-256, to compare with the file where it went.
        auto *copySha = menu->findChild<QAction *>(QStringLiteral("copySha256"));
        QVERIFY(copySha && copySha->isEnabled());
        QCOMPARE(copySha->text(), QStringLiteral("Copy &SHA-256"));
        copySha->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), here.sha256 + QLatin1Char('\n'));
        // The exported file, still there, can go on to Add server usage.
        auto *add = menu->findChild<QAction *>(QStringLiteral("addUsageFiles"));
        QVERIFY(add && add->isEnabled());
        add->trigger();
        QCOMPARE(adds.count(), 1);
        QCOMPARE(adds.constFirst().constFirst().toStringList(), QStringList{here.fileName});
        menu->close();
        menu = openMenu(1);
        QVERIFY(menu);
        openFolder = menu->findChild<QAction *>(QStringLiteral("openUsageFileFolder"));
        QVERIFY(openFolder && !openFolder->isEnabled());
        QVERIFY2(openFolder->toolTip().contains(QLatin1String("removed")), qPrintable(openFolder->toolTip()));
        add = menu->findChild<QAction *>(QStringLiteral("addUsageFiles"));
        QVERIFY(add && !add->isEnabled()); // an upload whose file is gone
        // The columns hidden at first (SHA-256, server ID), shown from the same menu: the header takes no focus.
        QVERIFY(view->isColumnHidden(Model::Sha256Column));
        auto *columns = menu->findChild<QMenu *>(QStringLiteral("columnsMenu"));
        QVERIFY(columns);
        QAction *sha = nullptr;
        for (QAction *action : columns->actions()) {
            if (action->text() == Model().headerData(Model::Sha256Column, Qt::Horizontal).toString()) {
                sha = action;
            }
        }
        QVERIFY(sha && sha->isCheckable() && !sha->isChecked());
        QCOMPARE(columns->actions().size(), view->model()->columnCount());
        sha->trigger();
        QVERIFY(!view->isColumnHidden(Model::Sha256Column));
        menu->close();
        QCOMPARE(folders.count(), 1);
        QCOMPARE(adds.count(), 1);
    }

    void shouldKeepTheChosenOrganizationAcrossUpdates()
    {
        OrganizationsDialog dialog;
        dialog.setBreakdown({}, false);
        QCOMPARE(dialog.list()->topLevelItemCount(), 0);
        QVERIFY(!dialog.showSeatsButton()->isEnabled());
        QVERIFY2(dialog.summaryLabel()->text().contains(QLatin1String("Refresh")),
            qPrintable(dialog.summaryLabel()->text()));

        using Organization = Glc::OrganizationBreakdown::Organization;
        Glc::OrganizationBreakdown breakdown;
        breakdown.organizations = {Organization{QStringLiteral("acme"), 12, 2, 1, 3},
            Organization{QStringLiteral("研究"), 5, 1, 0, 0}, Organization{QStringLiteral("tiny"), 1, 0, 2, 1}};
        breakdown.seatsWithoutOrganization = 7;
        dialog.setBreakdown(breakdown);
        QCOMPARE(dialog.list()->topLevelItemCount(), 3);
        QCOMPARE(dialog.currentOrganization(), QStringLiteral("acme")); // most members first
        QVERIFY(dialog.showSeatsButton()->isEnabled());
        QVERIFY(dialog.summaryLabel()->text().startsWith(QLatin1String("3 github.com organizations.")));
        QVERIFY(dialog.summaryLabel()->text().contains(QLatin1String("7 seats belong to no organization")));
        // Sorting by a number column sorts by value, not by text ("12" after "5").
        dialog.list()->sortByColumn(OrganizationsDialog::MembersColumn, Qt::AscendingOrder);
        QCOMPARE(dialog.list()->topLevelItem(0)->text(0), QStringLiteral("tiny"));
        QCOMPARE(dialog.list()->topLevelItem(2)->text(0), QStringLiteral("acme"));

        // Chosen, then the page reloads with other numbers: the choice stays, Show Seats asks for it.
        dialog.list()->setCurrentItem(dialog.list()->findItems(QStringLiteral("研究"), Qt::MatchExactly).value(0));
        breakdown.organizations[1].members = 6;
        breakdown.seatsWithoutOrganization = 1;
        dialog.setBreakdown(breakdown);
        QCOMPARE(dialog.currentOrganization(), QStringLiteral("研究"));
        QCOMPARE(dialog.list()->currentItem()->data(OrganizationsDialog::MembersColumn, Qt::DisplayRole).toInt(), 6);
        QVERIFY(dialog.summaryLabel()->text().contains(QLatin1String("1 seat belongs to no organization")));
        QSignalSpy requested(&dialog, &OrganizationsDialog::showSeatsRequested);
        dialog.showSeatsButton()->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.constFirst().constFirst().toString(), QStringLiteral("研究"));

        // No organizations at all: said so, nothing to show.
        dialog.setBreakdown({});
        QVERIFY(!dialog.showSeatsButton()->isEnabled());
        QVERIFY(
            dialog.summaryLabel()->text().startsWith(QLatin1String("The snapshot lists no github.com organization")));
    }
};

QTEST_MAIN(LicensePageTest)
#include "licensepagetest.moc"
