// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "synchistorydialog.h"

#include "itemviewcopy.h"
#include "models/synchistorymodel.h"
#include "serverfiltercombo.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

SyncHistoryDialog::SyncHistoryDialog(Glc::SyncHistoryModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_filtered(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_server(new ServerFilterCombo(m_filtered, Glc::SyncHistoryModel::ServerColumn, this))
    , m_view(new QTreeView(this))
{
    using Model = Glc::SyncHistoryModel;
    setObjectName(QStringLiteral("syncHistoryDialog"));
    setWindowTitle(i18nc("@title:window", "Sync History"));
    m_summary->setObjectName(QStringLiteral("syncHistorySummary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(i18nc("@label accessible name", "Summary of the sync history"));
    m_server->setObjectName(QStringLiteral("syncHistoryServer"));
    auto *serverLabel = new QLabel(i18nc("@label:listbox", "&Server:"), this);
    serverLabel->setBuddy(m_server);
    // Sorted by the raw values (dates, not their words); filtered by the exact host.
    m_filtered->setSourceModel(model);
    m_filtered->setSortRole(Model::RawValueRole);
    m_view->setObjectName(QStringLiteral("syncHistoryView"));
    m_view->setAccessibleName(i18nc("@label accessible name", "Sync history"));
    m_view->setAccessibleDescription(i18nc("@info accessible description",
        "Each license sync of the servers the console has seen, newest first, with its outcome and error"));
    m_view->setModel(m_filtered);
    ItemViewCopy::install(m_view);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::SeenColumn, Qt::DescendingOrder);
    // The error, a sentence of GitHub's, last and taking the room left.
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->moveSection(m_view->header()->visualIndex(Model::SeenColumn), Model::ErrorColumn);
    m_view->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(serverLabel);
    filterRow->addWidget(m_server);
    filterRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(WidgetUtil::latinTextWidth(this, 130), fontMetrics().height() * 24);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_server, &QComboBox::currentIndexChanged, this, &SyncHistoryDialog::updateSummary);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_server->setHosts(m_model->hosts());
        updateSummary();
    });
    m_server->setHosts(m_model->hosts());
    updateSummary();
}

void SyncHistoryDialog::setServer(const QString &host)
{
    m_server->setHost(host); // the summary follows
}

void SyncHistoryDialog::updateSummary()
{
    const int shown = m_filtered->rowCount();
    m_view->setVisible(shown > 0);
    if (m_model->rowCount() == 0) {
        m_summary->setText(i18nc("@info",
            "No license sync is on record for this connection yet. Each refresh and each Sync now records the "
            "syncs of every server here, with GitHub's error when one fails."));
        return;
    }
    int failed = 0;
    QSet<QString> servers;
    for (int row = 0; row < shown; ++row) {
        const QModelIndex index = m_filtered->index(row, Glc::SyncHistoryModel::StatusColumn);
        failed += !index.data(Glc::SyncHistoryModel::RawValueRole).toBool();
        servers.insert(index.siblingAtColumn(Glc::SyncHistoryModel::ServerColumn).data().toString());
    }
    m_summary->setText(i18nc("@info %1 syncs on record, %2 servers, %3 failed ones", "%1 for %2; %3.",
        i18ncp("@info", "%1 sync on record", "%1 syncs on record", shown),
        i18ncp("@info", "%1 server", "%1 servers", int(servers.size())),
        i18ncp("@info", "%1 failed", "%1 failed", failed)));
}
