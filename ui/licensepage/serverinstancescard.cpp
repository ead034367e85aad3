// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverinstancescard.h"

#include "itemviewcopy.h"
#include "models/serverinstancesmodel.h"
#include "statuscolors.h"
#include "uiformat.h"

#include <KLocalizedString>
#include <QEvent>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

using Model = Glc::ServerInstancesModel;

/// What the card adds to the model's cells: the last upload with its age by the card's clock, the states
/// in the palette's status colours, and tooltips.
class ServerInstancesView : public QIdentityProxyModel
{
public:
    ServerInstancesView(QTreeView *view, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_view(view)
    {
    }

    std::function<QDateTime()> clock;

    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto raw = [this, &index](int column) {
            return QIdentityProxyModel::data(index.siblingAtColumn(column), Model::RawValueRole);
        };
        const auto *model = static_cast<const Model *>(sourceModel());
        const auto instance = [this, model, &index]() -> const Model::Instance & {
            return model->instance(mapToSource(index).row());
        };
        if (role == Qt::DisplayRole && index.column() == Model::LastUploadColumn) {
            const QDateTime when = raw(Model::LastUploadColumn).toDateTime();
            if (!when.isValid()) {
                // A server with GitHub Connect syncs its usage: no upload is missing.
                return instance().connected.value_or(false)
                    ? i18nc("@item a connected server's last upload", "None needed: it syncs")
                    : i18nc("@item", "No upload yet");
            }
            const QString text = UiFormat::dateTimeWithRelative(when, clock());
            return instance().uploadOverdue(clock(), model->uploadDays())
                ? i18nc("@item:intable %1 the last upload's date and age", "%1, overdue", text)
                : text;
        }
        if (role == Qt::ToolTipRole && index.column() == Model::HostnameColumn) {
            const QString id = QIdentityProxyModel::data(index, Model::ServerIdRole).toString();
            return id.isEmpty() ? QVariant() : i18nc("@info:tooltip", "Server ID: %1", id);
        }
        if ((role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) &&
            index.column() == Model::LastUploadColumn) {
            const Model::Instance &server = instance();
            if (server.uploadOverdue(clock(), model->uploadDays())) {
                const int days = model->uploadDays();
                const QString overdue = days == Glc::LicenseCadence::Days
                    ? i18nc("@info:tooltip %1 host",
                          "%1 does not sync by itself (GitHub Connect is off): export its license usage and add it to "
                          "the enterprise at least weekly, as the automatic sync would.",
                          server.hostname)
                    : i18ncp("@info:tooltip %2 host",
                          "%2 does not sync by itself (GitHub Connect is off): export its license usage and add it to "
                          "the enterprise at least every day, as set for this connection.",
                          "%2 does not sync by itself (GitHub Connect is off): export its license usage and add it to "
                          "the enterprise at least every %1 days, as set for this connection.",
                          days, server.hostname);
                return server.lastUploadName.isEmpty()
                    ? overdue
                    : i18nc("@info:tooltip %1 file name, %2 a sentence", "%1\n%2", server.lastUploadName, overdue);
            }
            return server.lastUploadName.isEmpty() ? QVariant() : QVariant(server.lastUploadName);
        }
        if (role == Qt::ForegroundRole) {
            const QPalette palette = m_view->palette();
            if (index.column() == Model::ConnectedColumn && raw(Model::ConnectedColumn).isValid()) {
                return StatusColors::text(
                    raw(Model::ConnectedColumn).toBool() ? StatusColors::Role::Positive : StatusColors::Role::Negative,
                    palette);
            }
            if (index.column() == Model::LastUploadColumn && instance().uploadOverdue(clock(), model->uploadDays())) {
                return StatusColors::text(StatusColors::Role::Warning, palette);
            }
            if (index.column() == Model::UploadStateColumn) {
                switch (Glc::UploadSyncState(raw(Model::UploadStateColumn).toInt())) {
                case Glc::UploadSyncState::Success:
                    return StatusColors::text(StatusColors::Role::Positive, palette);
                case Glc::UploadSyncState::Failure:
                    return StatusColors::text(StatusColors::Role::Negative, palette);
                case Glc::UploadSyncState::Pending:
                    return StatusColors::text(StatusColors::Role::Warning, palette);
                case Glc::UploadSyncState::Unknown:
                    break;
                }
            }
        }
        return QIdentityProxyModel::data(index, role);
    }

    /// The cells that read the clock changed with it.
    void clockAdvanced()
    {
        if (const int rows = rowCount(); rows > 0) {
            Q_EMIT dataChanged(index(0, Model::LastUploadColumn), index(rows - 1, Model::LastUploadColumn));
        }
    }

private:
    QTreeView *const m_view;
};

ServerInstancesCard::ServerInstancesCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Enterprise Server instances"), parent)
    , m_emptyLabel(new QLabel(i18nc("@info", "No Enterprise Server instance is connected to this enterprise."), this))
    , m_model(new Model(this))
    , m_view(new QTreeView(this))
    , m_proxy(new ServerInstancesView(m_view, this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("serverInstancesCard"));
    setAccessibleName(title());
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_proxy->clock = [this] { return m_clock(); };
    m_proxy->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("instancesView"));
    ItemViewCopy::install(m_view, [this](QMenu *menu, const QModelIndex &index) { addServerActions(menu, index); });
    m_view->setAccessibleName(i18nc("@label accessible name", "Enterprise Server instances"));
    m_view->setAccessibleDescription(i18nc("@info accessible description",
        "Each instance with its version, GitHub Connect, its last license usage upload and that upload's state, and "
        "its license seats"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // The License sync card above shows each server's syncs.
    for (int column : {Model::LastSyncColumn, Model::SyncStatusColumn, Model::SyncErrorColumn}) {
        m_view->setColumnHidden(column, true);
    }
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_view);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ServerInstancesCard::updateEmpty);
    updateEmpty();
}

void ServerInstancesCard::setSnapshot(
    const Glc::LicenseSnapshot &snapshot, const QList<Glc::UsageFileRecord> &usageFiles)
{
    m_model->setSnapshot(snapshot, usageFiles, m_clock());
}

void ServerInstancesCard::setInstances(const QList<Glc::EnterpriseServerInstallation> &instances)
{
    Glc::LicenseSnapshot snapshot;
    snapshot.installations = instances;
    setSnapshot(snapshot);
}

void ServerInstancesCard::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    refreshTimes(); // the uploads' ages by the new clock
}

void ServerInstancesCard::setUploadDays(int days)
{
    m_model->setUploadDays(days);
}

int ServerInstancesCard::uploadDays() const
{
    return m_model->uploadDays();
}

void ServerInstancesCard::refreshTimes()
{
    m_proxy->clockAdvanced();
}

void ServerInstancesCard::addServerActions(QMenu *menu, const QModelIndex &index)
{
    if (!index.isValid()) {
        return;
    }
    const Model::Instance &server = m_model->instance(m_proxy->mapToSource(index).row());
    const QString host = server.hostname;
    // A server syncs by itself only with GitHub Connect; Sync now offers the servers license-sync-status lists.
    QAction *sync =
        menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:inmenu", "&Sync Now…"));
    sync->setObjectName(QStringLiteral("syncServer"));
    sync->setEnabled(server.connected != false && !server.sync.hostname.isEmpty());
    connect(sync, &QAction::triggered, this, [this, host] { Q_EMIT syncNowRequested(host); });
    QAction *history =
        menu->addAction(QIcon::fromTheme(QStringLiteral("view-history")), i18nc("@action:inmenu", "Sync &History…"));
    history->setObjectName(QStringLiteral("syncHistoryOfServer"));
    history->setEnabled(!server.sync.hostname.isEmpty());
    connect(history, &QAction::triggered, this, [this, host] { Q_EMIT syncHistoryRequested(host); });
    QAction *exportUsage = menu->addAction(
        QIcon::fromTheme(QStringLiteral("document-export")), i18nc("@action:inmenu", "&Export License Usage…"));
    exportUsage->setObjectName(QStringLiteral("exportServer"));
    connect(exportUsage, &QAction::triggered, this, [this, host] { Q_EMIT exportRequested(host); });
    QAction *add = menu->addAction(
        QIcon::fromTheme(QStringLiteral("document-import")), i18nc("@action:inmenu", "&Add Server Usage…"));
    add->setObjectName(QStringLiteral("addServerUsage"));
    connect(add, &QAction::triggered, this, &ServerInstancesCard::addServerUsageRequested);
    // How often a server without GitHub Connect is to have its usage added, before it reads as overdue.
    if (server.connected == false) {
        QAction *interval = menu->addAction(
            QIcon::fromTheme(QStringLiteral("appointment-new")), i18nc("@action:inmenu", "Upload &Interval…"));
        interval->setObjectName(QStringLiteral("uploadInterval"));
        connect(interval, &QAction::triggered, this, &ServerInstancesCard::uploadDaysRequested);
    }
    QAction *files = menu->addAction(
        QIcon::fromTheme(QStringLiteral("document-open-recent")), i18nc("@action:inmenu", "&Usage Files…"));
    files->setObjectName(QStringLiteral("usageFilesOfServer"));
    connect(files, &QAction::triggered, this, [this, host] { Q_EMIT usageFilesRequested(host); });
}

void ServerInstancesCard::updateEmpty()
{
    const bool empty = m_model->rowCount() == 0;
    m_emptyLabel->setVisible(empty);
    m_view->setVisible(!empty);
}
