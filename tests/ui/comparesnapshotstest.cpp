// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// View > Compare Snapshots in the real main window: who came, who went and who changed environment
// between two stored snapshots, read and compared in the worker thread.
#include "controllers/comparesnapshotscommand.h"
#include "controllers/licensecontroller.h"
#include "licensepage/licensepage.h"
#include "licensepage/snapshotchangesdialog.h"
#include "mainwindow.h"
#include "storedhistory.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Glc;
using StoredHistory::seat;

class CompareSnapshotsTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> openWindow(const QString &location)
    {
        LicenseController::Options options;
        options.storeLocation = location;
        options.refreshWhenEmpty = false;
        options.labConfig.users = 20;
        options.labConfig.servers = 1;
        auto window = std::make_unique<MainWindow>(options);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            return {};
        }
        QSignalSpy loaded(window->controller(), &LicenseController::dataLoaded);
        window->start();
        if (!loaded.wait(30000)) {
            return {};
        }
        return window;
    }

    static QStringList children(QTreeWidget *tree, const QString &group)
    {
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(i);
            if (item->data(0, Qt::UserRole).toString() == group) {
                QStringList rows;
                for (int c = 0; c < item->childCount(); ++c) {
                    rows.append(item->child(c)->text(0) + QLatin1String(" | ") + item->child(c)->text(1));
                }
                return rows;
            }
        }
        return {QStringLiteral("no group %1").arg(group)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
    }

    void shouldCompareTheTwoNewestThenAnyTwo()
    {
        const QString location = m_dir.filePath(QStringLiteral("three.sqlite"));
        const QList<qint64> written = StoredHistory::write(location, StoredHistory::builtInLab(),
            {{14, {seat(QStringLiteral("alice")), seat(QStringLiteral("dave"))}},
                {7, {seat(QStringLiteral("alice")), seat(QStringLiteral("bob"), {QStringLiteral("ghes-1.example:5")})}},
                {0,
                    {seat(QStringLiteral("alice"), {QStringLiteral("ghes-2.example:3")}), seat(QStringLiteral("carol")),
                        seat(QString(), {QStringLiteral("ghes-1.example:9")})}}});
        QCOMPARE(written.size(), 3);
        const auto window = openWindow(location);
        QVERIFY(window);
        QCOMPARE(window->controller()->data().history.size(), 3);

        auto *button = window->licensePage()->findChild<QPushButton *>(QStringLiteral("compareSnapshotsButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = window->findChild<SnapshotChangesDialog *>();
        QVERIFY(dialog);
        // While the worker compares, a bar moves (the answer cannot have come: no event was handled since).
        auto *busy = dialog->findChild<QProgressBar *>(QStringLiteral("comparingProgress"));
        QVERIFY(busy && busy->isVisible());
        QTRY_VERIFY(dialog->tree()->topLevelItemCount() == 3);
        QVERIFY(!busy->isVisible());
        QCOMPARE(dialog->fromBox()->count(), 3);
        QCOMPARE(children(dialog->tree(), QStringLiteral("came")),
            (QStringList{QStringLiteral("carol | Cloud"), QStringLiteral("ghes-1.example:9 | ghes-1.example")}));
        QCOMPARE(children(dialog->tree(), QStringLiteral("went")),
            QStringList{QStringLiteral("bob | Cloud and ghes-1.example")});
        QCOMPARE(children(dialog->tree(), QStringLiteral("changed")),
            QStringList{QStringLiteral("alice | Cloud → Cloud and ghes-2.example")});
        QCOMPARE(dialog->summaryText(), QStringLiteral("Seats consumed: 2 → 3 (+1)"));

        // Save List…: the comparison shown as CSV, written in the worker thread; the answer in the dialog.
        auto *command = window->findChild<CompareSnapshotsCommand *>(QStringLiteral("compareSnapshotsCommand"));
        QVERIFY(command);
        QVERIFY(dialog->saveButton()->isEnabled());
        const QString listPath = m_dir.filePath(QStringLiteral("changes.csv"));
        command->setChooser([&listPath](QWidget *) { return listPath; });
        QSignalSpy saved(command, &CompareSnapshotsCommand::saved);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toBool(), true);
        QFile list(listPath);
        QVERIFY(list.open(QIODevice::ReadOnly));
        const QByteArray bytes = list.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // for spreadsheet programs
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 6); // titles, two came, one went, one changed, the last line's end
        QVERIFY2(lines.contains(QStringLiteral("Came,carol,,,,Cloud")), qPrintable(lines.join(u'|')));
        QVERIFY2(
            lines.contains(QStringLiteral("Came,,,ghes-1.example:9,,ghes-1.example")), qPrintable(lines.join(u'|')));
        QVERIFY2(lines.contains(QStringLiteral("Went,bob,,ghes-1.example:5,\"Cloud,ghes-1.example\",")),
            qPrintable(lines.join(u'|')));
        auto *message = dialog->findChild<QWidget *>(QStringLiteral("changesError"));
        QVERIFY(message && message->isVisible());
        QCOMPARE(dialog->tree()->topLevelItemCount(), 3); // the comparison stays
        // A folder that cannot be written to: the dialog says so, the comparison stays.
        const QString blocked = m_dir.filePath(QStringLiteral("no-such-folder/changes.csv"));
        saved.clear();
        command->save(blocked);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().at(1).toBool(), false);
        QVERIFY(!QFile::exists(blocked));
        QVERIFY(message->isVisible());
        QCOMPARE(dialog->tree()->topLevelItemCount(), 3);

        // The oldest snapshot as "From", chosen by keyboard: dave went too, bob never was there.
        dialog->fromBox()->setFocus();
        QTest::keyClick(dialog->fromBox(), Qt::Key_End);
        QTRY_COMPARE(children(dialog->tree(), QStringLiteral("went")), QStringList{QStringLiteral("dave | Cloud")});
        QCOMPARE(children(dialog->tree(), QStringLiteral("came")).size(), 2);

        // The same snapshot twice is no comparison.
        QTest::keyClick(dialog->fromBox(), Qt::Key_Home);
        QTRY_VERIFY(dialog->tree()->topLevelItemCount() == 0);
    }

    void shouldSayWhenThereIsNothingToCompare()
    {
        const QString location = m_dir.filePath(QStringLiteral("one.sqlite"));
        QCOMPARE(
            StoredHistory::write(location, StoredHistory::builtInLab(), {{0, {seat(QStringLiteral("alice"))}}}).size(),
            1);
        const auto window = openWindow(location);
        QVERIFY(window);
        auto *action = window->findChild<QAction *>(QStringLiteral("compareSnapshotsAction"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = window->findChild<SnapshotChangesDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 0);
        QVERIFY(!dialog->fromBox()->isEnabled());
        QVERIFY(!dialog->saveButton()->isEnabled()); // nothing to save
        auto *error = dialog->findChild<QWidget *>(QStringLiteral("changesError"));
        QVERIFY(error && error->isVisible());
        auto *busy = dialog->findChild<QProgressBar *>(QStringLiteral("comparingProgress"));
        QVERIFY(busy && !busy->isVisible()); // nothing runs
    }
};

QTEST_MAIN(CompareSnapshotsTest)
#include "comparesnapshotstest.moc"
