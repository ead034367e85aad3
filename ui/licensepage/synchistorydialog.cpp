// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "synchistorydialog.h"

#include "itemviewcopy.h"
#include "models/synchistorymodel.h"
#include "serverfiltercombo.h"

#include <KLocalizedString>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTreeView>

SyncHistoryDialog::SyncHistoryDialog(Glc::SyncHistoryModel *model, QWidget *parent)
    : ServerRecordsDialog(model, Glc::SyncHistoryModel::ServerColumn, Glc::SyncHistoryModel::RawValueRole,
          {QStringLiteral("syncHistory"), i18nc("@title:window", "Sync History"),
              i18nc("@label accessible name", "Summary of the sync history"),
              i18nc("@label accessible name", "Sync history"),
              i18nc("@info accessible description",
                  "Each license sync of the servers the console has seen, newest first, with its outcome and "
                  "error")},
          parent)
    , m_model(model)
{
    using Model = Glc::SyncHistoryModel;
    ItemViewCopy::install(m_view, [this](QMenu *menu, const QModelIndex &) { addColumnsMenu(menu); });
    m_view->sortByColumn(Model::SeenColumn, Qt::DescendingOrder);
    // The error, a sentence of GitHub's, last and taking the room left.
    m_view->header()->moveSection(m_view->header()->visualIndex(Model::SeenColumn), Model::ErrorColumn);
    addColumnChoices();

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
    const int shown = m_proxy->rowCount();
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
        const QModelIndex index = m_proxy->index(row, Glc::SyncHistoryModel::StatusColumn);
        failed += !index.data(Glc::SyncHistoryModel::RawValueRole).toBool();
        servers.insert(index.siblingAtColumn(Glc::SyncHistoryModel::ServerColumn).data().toString());
    }
    m_summary->setText(i18nc("@info %1 syncs on record, %2 servers, %3 failed ones", "%1 for %2; %3.",
        i18ncp("@info", "%1 sync on record", "%1 syncs on record", shown),
        i18ncp("@info", "%1 server", "%1 servers", int(servers.size())),
        i18ncp("@info", "%1 failed", "%1 failed", failed)));
}
