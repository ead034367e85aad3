// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverrecordsdialog.h"

#include "serverfiltercombo.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

ServerRecordsDialog::ServerRecordsDialog(
    QAbstractItemModel *model, int hostColumn, int sortRole, const Names &names, QWidget *parent)
    : QDialog(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_server(new ServerFilterCombo(m_proxy, hostColumn, this))
    , m_view(new QTreeView(this))
{
    setObjectName(names.prefix + QLatin1String("Dialog"));
    setWindowTitle(names.title);
    m_summary->setObjectName(names.prefix + QLatin1String("Summary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(names.summary);
    m_server->setObjectName(names.prefix + QLatin1String("Server"));
    auto *serverLabel = new QLabel(i18nc("@label:listbox", "&Server:"), this);
    serverLabel->setBuddy(m_server);
    // Sorted by the raw values (times, sizes, states), not their words; filtered by the exact host.
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_view->setObjectName(names.prefix + QLatin1String("View"));
    m_view->setAccessibleName(names.view);
    m_view->setAccessibleDescription(names.viewDescription);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(names.prefix + QLatin1String("Buttons"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(serverLabel);
    filterRow->addWidget(m_server);
    filterRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    WidgetUtil::resizeWithinScreen(this, QSize(WidgetUtil::latinTextWidth(this, 130), fontMetrics().height() * 24));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ServerRecordsDialog::addColumnChoices()
{
    QHeaderView *header = m_view->header();
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < m_proxy->columnCount(); ++column) {
        auto *toggle = new QAction(m_proxy->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(column));
        connect(
            toggle, &QAction::toggled, m_view, [this, column](bool shown) { m_view->setColumnHidden(column, !shown); });
        header->addAction(toggle);
    }
}

void ServerRecordsDialog::addColumnsMenu(QMenu *menu)
{
    menu->addSeparator();
    QMenu *columns = menu->addMenu(i18nc("@title:menu", "C&olumns"));
    columns->setObjectName(QStringLiteral("columnsMenu"));
    columns->addActions(m_view->header()->actions());
}
