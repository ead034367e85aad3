// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/itemviewcopy.h"
#include "uitestdata.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

namespace {
/// Name, e-mail, note: the notes are what a spreadsheet or a tab-separated line would misread.
std::unique_ptr<QStandardItemModel> people()
{
    auto model = std::make_unique<QStandardItemModel>(0, 3);
    model->setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("E-mail"), QStringLiteral("Note")});
    const QList<QStringList> rows{
        {QStringLiteral("Ada"), QStringLiteral("ada@example.com"), QStringLiteral("=HYPERLINK(\"http://x\")")},
        {QStringLiteral("Bo"), QStringLiteral("bo@example.com"), QStringLiteral("tab\there")},
        {QStringLiteral("Cy"), QStringLiteral("cy@example.com"), QStringLiteral("two\nlines")},
        {QStringLiteral("陈"), QStringLiteral("chen@example.cn"), QStringLiteral("-1")},
    };
    for (const QStringList &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &text : row) {
            items.append(new QStandardItem(text));
        }
        model->appendRow(items);
    }
    return model;
}

void selectRows(QAbstractItemView *view, const QList<int> &rows, const QModelIndex &parent = {})
{
    for (int row : rows) {
        view->selectionModel()->select(
            view->model()->index(row, 0, parent), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

/// The menu that the view shows for a context menu event from @p reason at @p pos (the view's coordinates for
/// the keyboard, the viewport's for the mouse, as Qt delivers them).
QMenu *openMenu(QAbstractItemView *view, QContextMenuEvent::Reason reason, const QPoint &pos)
{
    QWidget *target = reason == QContextMenuEvent::Mouse ? view->viewport() : view;
    QContextMenuEvent event(reason, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    return view->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
}

QAction *menuAction(QMenu *menu, const QString &name)
{
    const QList<QAction *> actions = menu->actions();
    const auto it =
        std::find_if(actions.begin(), actions.end(), [&name](QAction *action) { return action->objectName() == name; });
    return it == actions.end() ? nullptr : *it;
}
} // namespace

class ItemViewCopyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void init() { QGuiApplication::clipboard()->clear(); }

    void shouldCopyTheSelectedRowsAsShownByShortcut()
    {
        const auto model = people();
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(model.get());
        QTableView view;
        view.setModel(&sorted);
        ItemViewCopy::install(&view);
        // Shown: Note, Name (E-mail hidden), rows by name from Z to A.
        view.horizontalHeader()->moveSection(2, 0);
        view.setColumnHidden(1, true);
        view.setSortingEnabled(true);
        view.sortByColumn(0, Qt::DescendingOrder);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setFocus();
        // Selected top to bottom in an order of their own; the current cell is one cell of them.
        selectRows(&view, {3, 0});
        view.selectionModel()->setCurrentIndex(sorted.index(3, 0), QItemSelectionModel::NoUpdate);

        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        // Row 0 of the sorted view is 陈, row 3 is Ada; cells a spreadsheet would run get an apostrophe.
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("'-1\t陈\n'=HYPERLINK(\"http://x\")\tAda\n"));

        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
            QStringLiteral("Note\tName\n'-1\t陈\n'=HYPERLINK(\"http://x\")\tAda\n"));

        // Tabs and line breaks inside a cell would break the line into cells and rows of their own.
        view.clearSelection();
        selectRows(&view, {1, 2});
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("two lines\tCy\ntab here\tBo\n"));
    }

    void shouldCopyEveryRowOfASelectionThatCoversSingleCells()
    {
        const auto model = people();
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectItems);
        view.selectionModel()->select(model->index(2, 1), QItemSelectionModel::Select);
        view.selectionModel()->select(model->index(1, 2), QItemSelectionModel::Select);
        view.selectionModel()->select(model->index(2, 2), QItemSelectionModel::Select);
        QCOMPARE(ItemViewCopy::selectedRowsText(&view, ItemViewCopy::Titles::Without),
            QStringLiteral("Bo\tbo@example.com\ttab here\nCy\tcy@example.com\ttwo lines\n"));
        view.selectAll();
        QCOMPARE(ItemViewCopy::selectedRows(&view).size(), 4);
    }

    void shouldCopyTreeRowsInTheOrderShown()
    {
        QStandardItemModel model(0, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("Person"), QStringLiteral("Environments")});
        auto group = [&model](const QString &title, const QStringList &children) {
            auto *parent = new QStandardItem(title);
            for (const QString &child : children) {
                parent->appendRow({new QStandardItem(child), new QStandardItem(QStringLiteral("Cloud"))});
            }
            model.appendRow({parent, new QStandardItem});
            return parent->index();
        };
        const QModelIndex came = group(QStringLiteral("Came"), {QStringLiteral("a1"), QStringLiteral("a2")});
        const QModelIndex went = group(QStringLiteral("Went"), {QStringLiteral("b1")});
        QTreeView view;
        view.setModel(&model);
        view.expandAll();
        selectRows(&view, {0}, went);
        selectRows(&view, {1}, came);
        selectRows(&view, {0});
        QCOMPARE(ItemViewCopy::selectedRowsText(&view, ItemViewCopy::Titles::With),
            QStringLiteral("Person\tEnvironments\nCame\t\na2\tCloud\nb1\tCloud\n"));
    }

    void shouldOfferCopyAndTheCallersActionsInAContextMenu()
    {
        const auto model = people();
        QTableView view;
        view.setModel(model.get());
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        QList<QModelIndex> asked;
        ItemViewCopy::install(&view, [&asked](QMenu *menu, const QModelIndex &index) {
            asked.append(index);
            menu->addAction(QStringLiteral("Extra"))->setObjectName(QStringLiteral("extra"));
        });
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // Nothing selected: the copy actions are there but off.
        const QPoint emptySpace(view.viewport()->width() - 2, view.viewport()->height() - 2);
        QMenu *menu = openMenu(&view, QContextMenuEvent::Mouse, emptySpace);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(menuAction(menu, QStringLiteral("copyRows")) && menuAction(menu, QStringLiteral("extra")));
        QVERIFY(!menuAction(menu, QStringLiteral("copyRows"))->isEnabled());
        QVERIFY(!menuAction(menu, QStringLiteral("copyRowsWithTitles"))->isEnabled());
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked.constLast().isValid());
        menu->close();
        QTRY_VERIFY(!view.findChild<QMenu *>(QStringLiteral("itemViewMenu")));
        // Off in that menu only: Ctrl+C copies what is selected afterwards.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        selectRows(&view, {0});
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(
            QGuiApplication::clipboard()->text(), QStringLiteral("Ada\tada@example.com\t'=HYPERLINK(\"http://x\")\n"));
        view.clearSelection();

        // A right click on a row: the row under the pointer goes to the caller.
        selectRows(&view, {2});
        menu = openMenu(&view, QContextMenuEvent::Mouse, view.visualRect(model->index(2, 1)).center());
        QVERIFY(menu);
        QCOMPARE(asked.constLast(), model->index(2, 1));
        QAction *copyWithTitles = menuAction(menu, QStringLiteral("copyRowsWithTitles"));
        QVERIFY(copyWithTitles && copyWithTitles->isEnabled());
        copyWithTitles->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
            QStringLiteral("Name\tE-mail\tNote\nCy\tcy@example.com\ttwo lines\n"));
        menu->close();
        QTRY_VERIFY(!view.findChild<QMenu *>(QStringLiteral("itemViewMenu")));

        // The Menu key: the current row, wherever the event says it happened.
        view.clearSelection();
        view.setCurrentIndex(model->index(1, 0));
        QCOMPARE(ItemViewCopy::selectedRows(&view), QModelIndexList{model->index(1, 0)});
        menu = openMenu(&view, QContextMenuEvent::Keyboard, QPoint(1, 1));
        QVERIFY(menu);
        QCOMPARE(asked.constLast(), model->index(1, 0));
        QVERIFY2(menu->geometry().contains(view.viewport()->mapToGlobal(view.visualRect(model->index(1, 0)).center())),
            "the menu opens at the current row");
        menuAction(menu, QStringLiteral("copyRows"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Bo\tbo@example.com\ttab here\n"));
        menu->close();
    }
};

QTEST_MAIN(ItemViewCopyTest)
#include "itemviewcopytest.moc"
