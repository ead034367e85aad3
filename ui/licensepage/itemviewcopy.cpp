// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "itemviewcopy.h"

#include "licensing/licensereportwriter.h"

#include <KLocalizedString>
#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QRegularExpression>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace ItemViewCopy {
namespace {
const QHeaderView *columnsHeader(const QAbstractItemView *view)
{
    if (const auto *table = qobject_cast<const QTableView *>(view)) {
        return table->horizontalHeader();
    }
    if (const auto *tree = qobject_cast<const QTreeView *>(view)) {
        return tree->header();
    }
    return nullptr;
}

/// The model's columns as the view shows them: in the header's order, hidden ones left out.
QList<int> shownColumns(const QAbstractItemView *view)
{
    QList<int> columns;
    const QHeaderView *header = columnsHeader(view);
    if (!header) {
        return {0};
    }
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) {
            columns.append(logical);
        }
    }
    return columns;
}

/// A cell as one field of a tab-separated line that a spreadsheet reads as text.
QString field(const QVariant &value)
{
    QString text = value.toString();
    static const QRegularExpression breaks(QStringLiteral("\r\n|[\t\n\r]"));
    if (text.contains(QLatin1Char('\t')) || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))) {
        text.replace(breaks, QStringLiteral(" "));
    }
    return Glc::LicenseReportWriter::neutralized(text);
}

/// The rows of the model from the root to @p index: a row's place in a tree, in the order the view shows it.
QList<int> path(QModelIndex index)
{
    QList<int> rows;
    for (; index.isValid(); index = index.parent()) {
        rows.prepend(index.row());
    }
    return rows;
}

class ContextMenu : public QObject
{
public:
    ContextMenu(QAbstractItemView *view, const MenuExtender &extend)
        : QObject(view)
        , m_view(view)
        , m_extend(extend)
        , m_copy(new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), i18nc("@action:inmenu", "&Copy"), view))
        , m_copyWithTitles(new QAction(i18nc("@action:inmenu", "Copy with Column &Titles"), view))
    {
        m_copy->setObjectName(QStringLiteral("copyRows"));
        m_copy->setShortcut(QKeySequence::Copy);
        // The view's own Copy puts its current cell alone on the clipboard; this one, the selected rows.
        m_copy->setShortcutContext(Qt::WidgetShortcut);
        m_copyWithTitles->setObjectName(QStringLiteral("copyRowsWithTitles"));
        m_copyWithTitles->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
        m_copyWithTitles->setShortcutContext(Qt::WidgetShortcut);
        view->addAction(m_copy);
        view->addAction(m_copyWithTitles);
        connect(m_copy, &QAction::triggered, this, [this] { copy(Titles::Without); });
        connect(m_copyWithTitles, &QAction::triggered, this, [this] { copy(Titles::With); });
        // A right click reaches the viewport; the Menu key and Shift+F10, the view.
        view->setContextMenuPolicy(Qt::DefaultContextMenu);
        view->installEventFilter(this);
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ContextMenu || (watched != m_view && watched != m_view->viewport())) {
            return false;
        }
        const auto *request = static_cast<QContextMenuEvent *>(event);
        QModelIndex index;
        QPoint at;
        if (request->reason() == QContextMenuEvent::Mouse || watched == m_view->viewport()) {
            at = m_view->viewport()->mapToGlobal(
                watched == m_view->viewport() ? request->pos() : m_view->viewport()->mapFrom(m_view, request->pos()));
            index = m_view->indexAt(m_view->viewport()->mapFromGlobal(at));
        } else {
            index = m_view->currentIndex();
            const QRect cell = m_view->visualRect(index);
            at = m_view->viewport()->mapToGlobal(index.isValid() && m_view->viewport()->rect().contains(cell.center())
                    ? cell.center()
                    : m_view->viewport()->rect().center());
        }
        showMenu(index, at);
        return true;
    }

private:
    void copy(Titles titles)
    {
        if (m_view->selectionModel() && m_view->selectionModel()->hasSelection()) {
            // All 120,000 seats of a large enterprise take about a second.
            QGuiApplication::setOverrideCursor(Qt::WaitCursor);
            QGuiApplication::clipboard()->setText(selectedRowsText(m_view, titles));
            QGuiApplication::restoreOverrideCursor();
        }
    }

    void showMenu(const QModelIndex &index, const QPoint &at)
    {
        auto *menu = new QMenu(m_view);
        menu->setObjectName(QStringLiteral("itemViewMenu"));
        // An action that is off says why in its tooltip.
        menu->setToolTipsVisible(true);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        const bool selected = m_view->selectionModel() && m_view->selectionModel()->hasSelection();
        m_copy->setEnabled(selected);
        m_copyWithTitles->setEnabled(selected);
        // Off only while the menu says so: their shortcuts serve the selection made afterwards.
        connect(menu, &QMenu::aboutToHide, this, [this] {
            m_copy->setEnabled(true);
            m_copyWithTitles->setEnabled(true);
        });
        menu->addAction(m_copy);
        menu->addAction(m_copyWithTitles);
        if (m_extend) {
            menu->addSeparator();
            m_extend(menu, index);
        }
        menu->popup(at);
    }

    QAbstractItemView *const m_view;
    const MenuExtender m_extend;
    QAction *const m_copy;
    QAction *const m_copyWithTitles;
};
} // namespace

QModelIndexList selectedRows(const QAbstractItemView *view)
{
    const QItemSelectionModel *selection = view->selectionModel();
    if (!selection) {
        return {};
    }
    // From the ranges, not selectedIndexes(): a whole table of 100,000 rows is one range, not millions of indexes.
    const QItemSelection ranges = selection->selection();
    QModelIndexList indexes;
    if (std::all_of(ranges.cbegin(), ranges.cend(),
            [](const QItemSelectionRange &range) { return !range.parent().isValid(); })) {
        QList<int> rows;
        for (const QItemSelectionRange &range : ranges) {
            for (int row = range.top(); row <= range.bottom(); ++row) {
                rows.append(row);
            }
        }
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        indexes.reserve(rows.size());
        for (int row : std::as_const(rows)) {
            indexes.append(selection->model()->index(row, 0));
        }
        return indexes;
    }
    // A tree: each row by its place from the root, so children follow their parent.
    QList<std::pair<QList<int>, QModelIndex>> rows;
    for (const QItemSelectionRange &range : ranges) {
        const QList<int> parentPath = path(range.parent());
        for (int row = range.top(); row <= range.bottom(); ++row) {
            QList<int> at = parentPath;
            at.append(row);
            rows.append({std::move(at), range.model()->index(row, 0, range.parent())});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
        rows.end());
    indexes.reserve(rows.size());
    for (const auto &row : std::as_const(rows)) {
        indexes.append(row.second);
    }
    return indexes;
}

QString selectedRowsText(const QAbstractItemView *view, Titles titles)
{
    const QList<int> columns = shownColumns(view);
    const QAbstractItemModel *model = view->model();
    QString text;
    const auto appendLine = [&text, &columns](auto cell) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0) {
                text += QLatin1Char('\t');
            }
            text += field(cell(columns.at(i)));
        }
        text += QLatin1Char('\n');
    };
    if (titles == Titles::With) {
        appendLine([model](int column) { return model->headerData(column, Qt::Horizontal, Qt::DisplayRole); });
    }
    for (const QModelIndex &row : selectedRows(view)) {
        appendLine([&row](int column) { return row.siblingAtColumn(column).data(Qt::DisplayRole); });
    }
    return text;
}

QAction *addCopyLinesAction(
    QMenu *menu, const QString &objectName, const QStringList &lines, const QString &text, const QString &noneText)
{
    QAction *action = menu->addAction(lines.isEmpty() ? noneText : text, menu, [lines] {
        QString clip;
        for (const QString &line : lines) {
            clip += line + QLatin1Char('\n');
        }
        QGuiApplication::clipboard()->setText(clip);
    });
    action->setObjectName(objectName);
    action->setEnabled(!lines.isEmpty());
    return action;
}

void install(QAbstractItemView *view, const MenuExtender &extend)
{
    new ContextMenu(view, extend);
}
} // namespace ItemViewCopy
