// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/attentioncard.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/quicklinkscard.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/statuscolors.h"
#include "licensepage/uiformat.h"
#include "licensepage/usagemeter.h"
#include "licensepage/userlicensescard.h"
#include "licensepage/wrappingitemdelegate.h"
#include "models/serverinstancesmodel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using Pairs = Glc::SuspectedPairsModel;

namespace {
QString labelText(const QWidget &parent, const QString &name)
{
    auto *label = parent.findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
}
} // namespace

class CardsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A wrapped cell's lines all show, with room above and below them: rows of several lines (the unexpected
    // seats' "What to do") do not run into each other.
    void shouldGiveWrappedCellsTheirLinesAndRoomAroundThem()
    {
        QTreeView view;
        QStandardItemModel model(0, 2);
        const QString longText = QStringLiteral(
            "user000103 consumes a seat only because of a pending invitation to lab-org-4. Cancel the invitation if "
            "it is no longer needed.");
        model.appendRow({new QStandardItem(QStringLiteral("user000103")), new QStandardItem(longText)});
        model.appendRow({new QStandardItem(QStringLiteral("user000104")), new QStandardItem(QStringLiteral("Short"))});
        view.setModel(&model);
        view.setItemDelegate(new WrappingItemDelegate(&view, 1));
        view.resize(420, 300);
        view.setColumnWidth(0, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QFontMetrics metrics = view.fontMetrics();
        const QRect cell = view.visualRect(model.index(0, 1));
        // The lines the text needs at the column's width (less the style's text margins).
        const QRect text = metrics.boundingRect(QRect(0, 0, cell.width() - 8, 0), Qt::TextWordWrap, longText);
        QVERIFY2(text.height() >= 2 * metrics.lineSpacing(), "the sample does not wrap");
        const int padding = WrappingItemDelegate::RowPadding * metrics.height() / 100 * 2;
        QVERIFY(padding >= 4);
        QVERIFY2(cell.height() >= text.height() + padding,
            qPrintable(QStringLiteral("row %1 px, text %2 px").arg(cell.height()).arg(text.height())));
        // A row of one line gets the same room.
        QVERIFY(view.visualRect(model.index(1, 1)).height() >= metrics.height() + padding);
    }

    void initTestCase() { UiTestData::setUp(); }

    void shouldShowUserLicenseNumbers()
    {
        UserLicensesCard card;
        card.setClock(UiTestData::now);
        card.setSummary(UiTestData::summary());
        QCOMPARE(labelText(card, QStringLiteral("consumedLabel")), QStringLiteral("1,342 of 1,500 consumed"));
        QCOMPARE(labelText(card, QStringLiteral("availableLabel")), QStringLiteral("158 licenses available"));
        QCOMPARE(labelText(card, QStringLiteral("kindLabel")), QStringLiteral("License: Enterprise"));
        QVERIFY2(labelText(card, QStringLiteral("expiryLabel")).endsWith(QLatin1String("(45 days left)")),
            qPrintable(labelText(card, QStringLiteral("expiryLabel"))));
        QCOMPARE(card.meter()->state(), UsageMeter::State::Normal);
        QCOMPARE(labelText(card, QStringLiteral("meterLabel")), QStringLiteral("1,342 of 1,500 seats used (89.5%)"));

        card.setSummary({1501, 1500, QStringLiteral("evaluation"), UiTestData::now().addDays(-3)});
        QCOMPARE(
            labelText(card, QStringLiteral("availableLabel")), QStringLiteral("1 license over the purchased seats"));
        QCOMPARE(card.meter()->state(), UsageMeter::State::Full);
        QVERIFY(labelText(card, QStringLiteral("expiryLabel")).endsWith(QLatin1String("(expired 3 days ago)")));
    }

    void shouldShowALicenseWithoutASeatLimit()
    {
        UserLicensesCard card;
        card.setClock(UiTestData::now);
        card.show();
        LicenseSummary summary{57, 0, QStringLiteral("standard"), UiTestData::now().addDays(100)};
        summary.unlimited = true;
        card.setSummary(summary);
        QCOMPARE(labelText(card, QStringLiteral("consumedLabel")), QStringLiteral("57 consumed"));
        QCOMPARE(labelText(card, QStringLiteral("availableLabel")), QStringLiteral("The license has no seat limit"));
        // No meter running into red over a purchased total of 0.
        QVERIFY(!card.meter()->isVisible());
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("meterLabel"))->isVisible());
        // Back to a limited license: the meter returns.
        card.setSummary({57, 100, QStringLiteral("standard"), UiTestData::now().addDays(100)});
        QVERIFY(card.meter()->isVisible());
        QCOMPARE(labelText(card, QStringLiteral("consumedLabel")), QStringLiteral("57 of 100 consumed"));
    }

    void shouldShowSeatsOfEachServer()
    {
        UserLicensesCard card;
        card.setServerLicenses(UiTestData::serverLicenses());
        QCOMPARE(
            labelText(card, QStringLiteral("serverHost_ghes1.corp.example")), QStringLiteral("ghes1.corp.example"));
        QVERIFY(labelText(card, QStringLiteral("serverSeats_ghes1.corp.example"))
                .startsWith(QLatin1String("812 of 1,000 seats used")));
        QVERIFY2(labelText(card, QStringLiteral("serverSeats_ghes2.lab.example"))
                     .startsWith(QLatin1String("57 seats used of unlimited")),
            qPrintable(labelText(card, QStringLiteral("serverSeats_ghes2.lab.example"))));
        card.setServerLicenses({});
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("serverHost_ghes1.corp.example")));
    }

    void shouldShowTheFirstServersOfALongListUntilAskedForAll()
    {
        UserLicensesCard card;
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        const auto licenses = [](int count) {
            QList<Glc::ServerLicenseInfo> list;
            for (int n = 1; n <= count; ++n) {
                Glc::ServerLicenseInfo license;
                license.hostname = QStringLiteral("ghes-%1.corp.example").arg(n);
                license.seats = 500;
                license.seatsUsed = 100 + n;
                list.append(license);
            }
            return list;
        };
        const auto shownHosts = [&card](int count) {
            QStringList shown;
            for (int n = 1; n <= count; ++n) {
                const QString suffix = QStringLiteral("ghes-%1.corp.example").arg(n);
                auto *host = card.findChild<QLabel *>(QStringLiteral("serverHost_") + suffix);
                auto *seats = card.findChild<QLabel *>(QStringLiteral("serverSeats_") + suffix);
                if (!host || !seats || host->isVisible() != seats->isVisible()) {
                    return QStringList{QStringLiteral("a row half shown: ") + suffix};
                }
                if (host->isVisible()) {
                    shown.append(host->text());
                }
            }
            return shown;
        };
        auto *more = card.findChild<QPushButton *>(QStringLiteral("moreServersButton"));
        QVERIFY(more);
        // A few servers: all of them, nothing to unfold.
        card.setServerLicenses(licenses(8));
        QCOMPARE(shownHosts(8).size(), 8);
        QVERIFY(!more->isVisible());
        // Sixteen: the first six, and a button for the other ten.
        card.setServerLicenses(licenses(16));
        QTRY_COMPARE(shownHosts(16).size(), 6);
        QCOMPARE(shownHosts(16).constLast(), QStringLiteral("ghes-6.corp.example"));
        QVERIFY(more->isVisible());
        QCOMPARE(more->text(), QStringLiteral("Show the Other 10 Servers"));
        const int collapsed = card.sizeHint().height();
        more->setFocus();
        QTest::keyClick(more, Qt::Key_Space);
        QCOMPARE(shownHosts(16).size(), 16);
        QCOMPARE(more->text(), QStringLiteral("Show Fewer Servers"));
        QVERIFY(card.sizeHint().height() > collapsed);
        // Unfolded stays unfolded through the next refresh of the same list.
        card.setServerLicenses(licenses(16));
        QTRY_COMPARE(shownHosts(16).size(), 16);
        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(shownHosts(16).size(), 6);
        QCOMPARE(more->text(), QStringLiteral("Show the Other 10 Servers"));
    }

    void shouldNameAServersExpiryOnlyWhereItDiffersFromTheCards()
    {
        UserLicensesCard card;
        QList<Glc::ServerLicenseInfo> licenses = UiTestData::serverLicenses();
        licenses[1].expireAt = licenses[0].expireAt;
        // One license, one date: the card's expiry line says it, the servers' lines do not repeat it.
        card.setServerLicenses(licenses);
        const QString ghes1 = QStringLiteral("serverSeats_ghes1.corp.example");
        const QString ghes2 = QStringLiteral("serverSeats_ghes2.lab.example");
        QVERIFY2(!labelText(card, ghes1).contains(QLatin1String("expires")), qPrintable(labelText(card, ghes1)));
        QVERIFY2(!labelText(card, ghes2).contains(QLatin1String("expires")), qPrintable(labelText(card, ghes2)));
        // A server whose file ends later than the soonest (the card's date) names its own date.
        licenses[1].expireAt = licenses[0].expireAt.addDays(30);
        card.setServerLicenses(licenses);
        QVERIFY2(!labelText(card, ghes1).contains(QLatin1String("expires")), qPrintable(labelText(card, ghes1)));
        QVERIFY2(
            labelText(card, ghes2).endsWith(QStringLiteral(" · expires %1").arg(UiFormat::date(licenses[1].expireAt))),
            qPrintable(labelText(card, ghes2)));
    }

    void shouldEmitQuickLinkSignals()
    {
        QuickLinksCard card;
        QSignalSpy exportSpy(&card, &QuickLinksCard::exportRequested);
        QSignalSpy addSpy(&card, &QuickLinksCard::addServerUsageRequested);
        QSignalSpy reportSpy(&card, &QuickLinksCard::downloadReportRequested);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("addServerUsageButton")), Qt::LeftButton);
        QTest::mouseClick(card.findChild<QPushButton *>(QStringLiteral("addServerUsageButton")), Qt::LeftButton);
        QCOMPARE(exportSpy.count(), 1);
        QCOMPARE(addSpy.count(), 2);
        QCOMPARE(reportSpy.count(), 0);
        card.setLinkEnabled(QuickLinksCard::Link::DownloadReport, false, QStringLiteral("no snapshot"));
        QTest::mouseClick(card.button(QuickLinksCard::Link::DownloadReport), Qt::LeftButton);
        QCOMPARE(reportSpy.count(), 0);
        QCOMPARE(card.button(QuickLinksCard::Link::DownloadReport)->toolTip(), QStringLiteral("no snapshot"));
        for (auto *button : card.findChildren<QPushButton *>()) {
            QVERIFY(button->text().contains(QLatin1Char('&')));
            QVERIFY(!button->accessibleDescription().isEmpty());
        }
    }

    void shouldListWhatNeedsAttentionWithItsButtons()
    {
        QDateTime now = UiTestData::now();
        AttentionCard card;
        card.setClock([&now] { return now; });
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        // Before the first snapshot nothing is judged.
        Glc::Attention::Input input;
        input.consumed = 100;
        input.purchased = 1000;
        card.setInput(input, false);
        QVERIFY(card.items().isEmpty());
        QCOMPARE(card.emptyLabel()->text(), QStringLiteral("Judged after the first snapshot."));
        // A healthy enterprise: said in the positive colour.
        card.setInput(input, true);
        QVERIFY(card.emptyLabel()->isVisible());
        QCOMPARE(card.emptyLabel()->text(),
            QStringLiteral("Nothing needs attention: seats, license, syncs and uploads are in order."));
        QCOMPARE(card.emptyLabel()->palette().color(QPalette::WindowText),
            StatusColors::text(StatusColors::Role::Positive, card.palette()));

        // No seat left (critical, no button: the card beside says it all), and a server without GitHub Connect
        // whose upload is six days old: in time today.
        input.consumed = 1000;
        input.offlineServers = {{QStringLiteral("air.example"), now.addDays(-6)}};
        card.setInput(input, true);
        QCOMPARE(card.items().size(), 1);
        QVERIFY(!card.emptyLabel()->isVisible());
        QCOMPARE(card.itemLabel(0)->text(), QStringLiteral("All 1,000 purchased seats are in use: none is left."));
        QCOMPARE(card.itemLabel(0)->palette().color(QPalette::WindowText),
            StatusColors::text(StatusColors::Role::Negative, card.palette()));
        QVERIFY(!card.itemButton(0));
        QCOMPARE(card.itemLabel(0)->accessibleName(),
            QStringLiteral("Critical: All 1,000 purchased seats are in use: none is left."));

        // Two days later (the page's minute tick), the upload is overdue: its line and its button come.
        now = now.addDays(2);
        card.refreshTimes();
        QCOMPARE(card.items().size(), 2);
        QCOMPARE(card.items().at(1).kind, Glc::AttentionItem::Kind::UploadOverdue);
        QPushButton *exportButton = card.itemButton(1);
        QVERIFY(exportButton);
        QCOMPARE(exportButton->text(), QStringLiteral("Export license usage…"));
        QTRY_VERIFY(exportButton->isVisible());
        QSignalSpy requested(&card, &AttentionCard::actionRequested);
        exportButton->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).value<AttentionCard::Action>(), AttentionCard::Action::ExportUsage);
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("air.example"));

        // The forecast within 90 days: its button shows the history; several overdue servers: a choice.
        input.consumed = 900;
        input.forecast.outcome = Glc::SeatForecast::Outcome::ReachedOn;
        input.forecast.date = now.addDays(30);
        input.offlineServers.append({QStringLiteral("air-2.example"), QDateTime()});
        card.setInput(input, true);
        QCOMPARE(card.items().size(), 3); // seats at 90 %, the uploads, the forecast
        requested.clear();
        card.itemButton(1)->click();
        card.itemButton(2)->click();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(0).at(1).toString(), QString()); // two servers: the view lets the admin choose
        QCOMPARE(requested.at(1).at(0).value<AttentionCard::Action>(), AttentionCard::Action::ShowHistory);

        // A snapshot over a week old: its Refresh waits while a refresh runs, as the page's own button does;
        // the other buttons stay.
        input.snapshotTakenAt = now.addDays(-9);
        card.setInput(input, true);
        QCOMPARE(card.items().first().kind, Glc::AttentionItem::Kind::SnapshotOld);
        QPushButton *refresh = card.itemButton(0);
        QVERIFY(refresh && refresh->isEnabled());
        QCOMPARE(refresh->text(), QStringLiteral("Refresh"));
        card.setRefreshing(true);
        QVERIFY(!refresh->isEnabled());
        QCOMPARE(card.items().at(2).kind, Glc::AttentionItem::Kind::UploadOverdue);
        QVERIFY(card.itemButton(2) && card.itemButton(2)->isEnabled());
        now = now.addDays(1); // the list is built again meanwhile ("10 days old"): its Refresh still waits
        card.refreshTimes();
        QVERIFY(card.itemButton(0) != refresh);
        QVERIFY(!card.itemButton(0)->isEnabled());
        card.setRefreshing(false);
        QVERIFY(card.itemButton(0)->isEnabled());
    }

    void shouldListServerInstancesWithLastUpload()
    {
        ServerInstancesCard card;
        card.setClock(UiTestData::now);
        // The card's own proxy (ages, colours, tooltips) under the tester, as the instances arrive.
        QAbstractItemModelTester tester(card.view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        card.setInstances(UiTestData::installations());
        QTreeView *view = card.findChild<QTreeView *>(QStringLiteral("instancesView"));
        QVERIFY(view);
        QCOMPARE(view, card.view());
        QAbstractItemModel *shown = view->model();
        QCOMPARE(shown->rowCount(), 3);
        const auto cell = [shown](int row, int column) { return shown->index(row, column).data().toString(); };
        using Model = Glc::ServerInstancesModel;
        QCOMPARE(cell(0, Model::HostnameColumn), QStringLiteral("ghes1.corp.example"));
        QCOMPARE(cell(0, Model::ConnectedColumn), QStringLiteral("Connected"));
        QVERIFY(cell(0, Model::LastUploadColumn).endsWith(QLatin1String("(2 days ago)")));
        QCOMPARE(cell(0, Model::UploadStateColumn), QStringLiteral("Processed"));
        QCOMPARE(cell(1, Model::UploadStateColumn), QStringLiteral("Pending"));
        QVERIFY(cell(1, Model::LastUploadColumn).endsWith(QLatin1String("(1 hour ago)")));
        QCOMPARE(cell(2, Model::LastUploadColumn), QStringLiteral("No upload yet"));
        QCOMPARE(cell(2, Model::ConnectedColumn), QStringLiteral("Not connected"));
        // A server with GitHub Connect and no upload misses none.
        {
            QList<Glc::EnterpriseServerInstallation> connectedOnly = UiTestData::installations();
            connectedOnly[0].uploads.clear();
            ServerInstancesCard other;
            other.setClock(UiTestData::now);
            other.setInstances(connectedOnly);
            QCOMPARE(other.view()->model()->index(0, Model::LastUploadColumn).data().toString(),
                QStringLiteral("None needed: it syncs"));
            QCOMPARE(other.view()->model()->index(2, Model::LastUploadColumn).data().toString(),
                QStringLiteral("No upload yet"));
        }
        // The sync columns are the License sync card's.
        QVERIFY(view->isColumnHidden(Model::SyncStatusColumn) && !view->isColumnHidden(Model::SeatsColumn));

        // A snapshot and the console's own uploads: the server's license seats, and an upload made here that
        // GitHub does not list yet.
        Glc::LicenseSnapshot snapshot;
        snapshot.installations = UiTestData::installations();
        Glc::ServerLicenseInfo license;
        license.hostname = snapshot.installations.at(2).hostName;
        license.seats = 500;
        license.seatsUsed = 420;
        license.installedVersion = QStringLiteral("3.14.2");
        snapshot.serverLicenses = {license};
        Glc::UsageFileRecord upload;
        upload.direction = Glc::UsageFileRecord::Direction::Uploaded;
        upload.hostName = license.hostname;
        upload.fileName = QStringLiteral("/tmp/offline-license-usage.json");
        upload.time = UiTestData::now().addSecs(-600);
        upload.uploadState = Glc::UploadSyncState::Pending;
        card.setSnapshot(snapshot, {upload});
        QCOMPARE(cell(2, Model::SeatsColumn), QStringLiteral("420 of 500"));
        QCOMPARE(cell(2, Model::VersionColumn), QStringLiteral("3.14.2"));
        QVERIFY2(cell(2, Model::LastUploadColumn).endsWith(QLatin1String("(10 minutes ago)")),
            qPrintable(cell(2, Model::LastUploadColumn)));
        QCOMPARE(cell(2, Model::UploadStateColumn), QStringLiteral("Pending"));
        QCOMPARE(shown->index(2, Model::LastUploadColumn).data(Qt::ToolTipRole).toString(), upload.fileName);

        card.setInstances({});
        QCOMPARE(shown->rowCount(), 0);
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
        QVERIFY(view->isHidden());
    }

    void shouldFlagTheOverdueUploadOfAServerWithoutGitHubConnect()
    {
        using Model = Glc::ServerInstancesModel;
        ServerInstancesCard card;
        card.setClock(UiTestData::now);
        QList<Glc::EnterpriseServerInstallation> installations = UiTestData::installations();
        // ghes1 connected, its upload long ago: it syncs by itself, nothing is overdue.
        installations[0].uploads.first().createdAt = UiTestData::now().addDays(-30);
        installations[0].uploads.first().updatedAt = UiTestData::now().addDays(-30);
        card.setInstances(installations);
        QTreeView *view = card.findChild<QTreeView *>(QStringLiteral("instancesView"));
        QAbstractItemModel *shown = view->model();
        const auto index = [shown](int row) { return shown->index(row, Model::LastUploadColumn); };
        const QColor warning = StatusColors::text(StatusColors::Role::Warning, view->palette());
        QVERIFY(!index(0).data(Model::UploadOverdueRole).toBool());
        QVERIFY(!index(0).data().toString().contains(QLatin1String("overdue")));
        QVERIFY(index(0).data(Qt::ForegroundRole).value<QColor>() != warning);
        // ghes2 without GitHub Connect, uploaded an hour ago: on time.
        QVERIFY(!index(1).data(Model::UploadOverdueRole).toBool());
        QVERIFY(index(1).data(Qt::ForegroundRole).value<QColor>() != warning);
        // ghes3 without GitHub Connect and never uploaded: its seats never reached the enterprise.
        QVERIFY(index(2).data(Model::UploadOverdueRole).toBool());
        QCOMPARE(index(2).data().toString(), QStringLiteral("No upload yet"));
        QCOMPARE(index(2).data(Qt::ForegroundRole).value<QColor>(), warning);
        QVERIFY2(index(2)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .startsWith(QLatin1String("ghes3.eu.example does not sync by itself (GitHub Connect is off)")),
            qPrintable(index(2).data(Qt::ToolTipRole).toString()));
        QCOMPARE(index(2).data(Qt::AccessibleDescriptionRole), index(2).data(Qt::ToolTipRole));

        // Its last upload 8 days ago: overdue, said in words and colour, the file named first in the tooltip.
        installations[2].uploads = {{QStringLiteral("ghes3-license-usage.json"), Glc::UploadSyncState::Success,
            UiTestData::now().addDays(-8), UiTestData::now().addDays(-8)}};
        card.setInstances(installations);
        QVERIFY2(index(2).data().toString().endsWith(QLatin1String("(8 days ago), overdue")),
            qPrintable(index(2).data().toString()));
        QCOMPARE(index(2).data(Qt::ForegroundRole).value<QColor>(), warning);
        const QString tip = index(2).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QLatin1String("ghes3-license-usage.json\n")) && tip.contains(QLatin1String("weekly")),
            qPrintable(tip));
        // Six days ago: on time.
        installations[2].uploads.first().createdAt = UiTestData::now().addDays(-6);
        installations[2].uploads.first().updatedAt = UiTestData::now().addDays(-6);
        card.setInstances(installations);
        QVERIFY(!index(2).data().toString().contains(QLatin1String("overdue")));
        QVERIFY(index(2).data(Qt::ForegroundRole).value<QColor>() != warning);
        QCOMPARE(index(2).data(Qt::ToolTipRole).toString(), QStringLiteral("ghes3-license-usage.json"));
    }

    void shouldSumSeatsCountedTwice()
    {
        CountedTwicePanel panel;
        panel.setPairs(UiTestData::pairs());
        QCOMPARE(panel.totalSeatsFreed(), 3);
        QCOMPARE(labelText(panel, QStringLiteral("seatsLabel")), QStringLiteral("Fixing all would free 3 seats"));
        QCOMPARE(labelText(panel, QStringLiteral("countLabel")),
            QStringLiteral("2 suspected pairs of accounts counted as two seats each"));
        QTreeView *view = panel.findChild<QTreeView *>(QStringLiteral("pairsView"));
        const auto text = [view](int row, int column) { return view->model()->index(row, column).data().toString(); };
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(text(0, Pairs::CloudAccountColumn), QStringLiteral("janedoe-gh"));
        QCOMPARE(text(0, Pairs::SeatsColumn), QStringLiteral("1"));
        QCOMPARE(text(0, Pairs::ConfidenceColumn), QStringLiteral("92%"));
        QCOMPARE(view->model()->index(0, Pairs::FixColumn).data(Qt::ToolTipRole).toString(),
            UiTestData::pairs().constFirst().fix);
        QVERIFY(labelText(panel, QStringLiteral("detailLabel")).contains(QLatin1String("Add and verify")));
        view->setCurrentIndex(view->model()->index(1, 0));
        QVERIFY(
            labelText(panel, QStringLiteral("detailLabel")).contains(QLatin1String("Make the primary server email")));

        QSignalSpy activated(&panel, &CountedTwicePanel::pairActivated);
        Q_EMIT view->activated(view->model()->index(1, Pairs::FixColumn));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);

        panel.setPairs({UiTestData::pairs().constFirst()});
        QCOMPARE(labelText(panel, QStringLiteral("seatsLabel")), QStringLiteral("Fixing all would free 1 seat"));
        panel.setPairs({});
        QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
    }

    void shouldSortTheFindingsAndStillNameTheirSeats()
    {
        // Confidences whose texts sort otherwise than their numbers ("100%" before "50%" as text).
        QList<Glc::SuspectedPairRow> rows;
        const QList<std::pair<QString, double>> given = {{QStringLiteral("b.example:1 (b@corp.example)"), 0.5},
            {QStringLiteral("a.example:2 (a@corp.example)"), 1.0},
            {QStringLiteral("c.example:3 (c@corp.example)"), 0.9}};
        for (const auto &[server, confidence] : given) {
            Glc::SuspectedPairRow row;
            row.serverAccount = server;
            row.cloudAccount = server.left(1);
            row.reason = QStringLiteral("Same e-mail name on another domain");
            row.fix = QStringLiteral("Fix ") + server;
            row.seatsFreed = 1;
            row.confidence = confidence;
            rows.append(row);
        }
        CountedTwicePanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setPairs(rows);
        QTreeView *view = panel.view();
        const auto column = [view](int c) {
            QStringList texts;
            for (int i = 0; i < view->model()->rowCount(); ++i) {
                texts.append(view->model()->index(i, c).data().toString());
            }
            return texts;
        };
        // As the analysis gives them until a title is clicked.
        QCOMPARE(column(Pairs::CloudAccountColumn), (QStringList{u"b"_s, u"a"_s, u"c"_s}));
        QHeaderView *header = view->header();
        const auto clickTitle = [header](int c) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(c) + header->sectionSize(c) / 2, header->height() / 2));
        };
        clickTitle(Pairs::ConfidenceColumn);
        QCOMPARE(column(Pairs::CloudAccountColumn), (QStringList{u"b"_s, u"c"_s, u"a"_s})); // 50, 90, 100 %
        clickTitle(Pairs::ConfidenceColumn);
        QCOMPARE(column(Pairs::CloudAccountColumn), (QStringList{u"a"_s, u"c"_s, u"b"_s}));
        clickTitle(Pairs::ServerAccountColumn);
        QCOMPARE(column(Pairs::CloudAccountColumn), (QStringList{u"a"_s, u"b"_s, u"c"_s}));

        // Sorted or not, a row names its own pair: the detail, Enter, and Show in Table.
        view->setCurrentIndex(view->model()->index(2, 0));
        QVERIFY(labelText(panel, QStringLiteral("detailLabel")).contains(QLatin1String("Fix c.example:3")));
        QSignalSpy activated(&panel, &CountedTwicePanel::pairActivated);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 2); // c is the third pair given
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.at(1).at(0).toInt(), 1); // a, the second
    }

    void shouldShowInTableThePairItsMenuWasOpenedFor()
    {
        CountedTwicePanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setPairs(UiTestData::pairs());
        QTreeView *view = panel.view();
        view->setCurrentIndex(view->model()->index(1, 0));
        QContextMenuEvent keyboard(QContextMenuEvent::Keyboard, QPoint(), view->mapToGlobal(QPoint()));
        QApplication::sendEvent(view, &keyboard);
        auto *menu = view->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        auto *show = menu->findChild<QAction *>(QStringLiteral("showInTable"));
        QVERIFY(show && show->isEnabled());
        // A refresh fills the list anew while the menu is open: the action still names the pair it was opened for.
        panel.setPairs(UiTestData::pairs());
        QSignalSpy activated(&panel, &CountedTwicePanel::pairActivated);
        show->trigger();
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);
        menu->close();
    }

    void shouldNarrowThePairsToWhatIsTyped()
    {
        CountedTwicePanel panel;
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QLineEdit *search = panel.searchField();
        QVERIFY(search->isHidden()); // nothing to search
        panel.setPairs(UiTestData::pairs());
        QVERIFY(!search->isHidden());
        QVERIFY(!search->placeholderText().isEmpty());
        QTreeView *view = panel.view();
        const auto clouds = [view] {
            QStringList texts;
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                texts.append(view->model()->index(row, Pairs::CloudAccountColumn).data().toString());
            }
            return texts;
        };
        // A server account, in another case.
        QTest::keyClicks(search, QStringLiteral("BSMITH"));
        QCOMPARE(clouds(), QStringList{u"bob-smith"_s});
        // The one shown is the current pair: its detail, and Enter names it as given (the second).
        QVERIFY(labelText(panel, QStringLiteral("detailLabel")).contains(QLatin1String("Make the primary server")));
        QSignalSpy activated(&panel, &CountedTwicePanel::pairActivated);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);
        // Words of a fix; then nothing matches, and the detail says nothing.
        search->clear();
        QTest::keyClicks(search, QStringLiteral("add and verify"));
        QCOMPARE(clouds(), QStringList{u"janedoe-gh"_s});
        QTest::keyClicks(search, QStringLiteral(" nobody"));
        QCOMPARE(clouds(), QStringList{});
        QCOMPARE(labelText(panel, QStringLiteral("detailLabel")), QString());
        // What is typed stays through new findings; cleared, every pair is back.
        panel.setPairs(UiTestData::pairs());
        QCOMPARE(clouds(), QStringList{});
        search->clear();
        QCOMPARE(clouds(), (QStringList{u"janedoe-gh"_s, u"bob-smith"_s}));
        QVERIFY(labelText(panel, QStringLiteral("detailLabel")).contains(QLatin1String("Add and verify")));
    }

    void shouldExplainTheSeatsAsPeople()
    {
        CountedTwicePanel panel;
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("peopleLabel"))->isHidden()); // nothing loaded yet
        Glc::MergedView::Totals totals;
        totals.seats = 1203;
        totals.people = 1201;
        totals.cloudOnly = 1000;
        totals.serverOnly = 150;
        totals.both = 51;
        totals.mergeAtNextSync = 2;
        totals.afterFixes = 1198;
        panel.setTotals(totals);
        QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("peopleLabel"))->isHidden());
        QCOMPARE(labelText(panel, QStringLiteral("peopleLabel")),
            QStringLiteral("1,201 people by GitHub's matching rules: 1,000 on Cloud only, 150 on servers only, 51 on "
                           "both.\n2 server-only seats already match a verified e-mail: they become one seat with "
                           "their GitHub.com account at the next license sync.\nAfter fixing every suspected pair: "
                           "1,198 seats consumed instead of 1,203."));
        // Nothing merges and no pair: only the breakdown.
        totals.mergeAtNextSync = 0;
        totals.seats = totals.people;
        totals.afterFixes = totals.people;
        panel.setTotals(totals);
        QCOMPARE(labelText(panel, QStringLiteral("peopleLabel")),
            QStringLiteral(
                "1,201 people by GitHub's matching rules: 1,000 on Cloud only, 150 on servers only, 51 on both."));
    }
};

QTEST_MAIN(CardsTest)
#include "cardstest.moc"
