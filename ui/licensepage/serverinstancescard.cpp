// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverinstancescard.h"

#include "statuscolors.h"
#include "uiformat.h"

#include <KLocalizedString>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

ServerInstancesCard::ServerInstancesCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Enterprise Server instances"), parent)
    , m_emptyLabel(new QLabel(i18nc("@info", "No Enterprise Server instance is connected to this enterprise."), this))
    , m_view(new QTreeWidget(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("serverInstancesCard"));
    setAccessibleName(title());
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("instancesView"));
    m_view->setAccessibleName(i18nc("@label accessible name", "Enterprise Server instances"));
    m_view->setAccessibleDescription(
        i18nc("@info accessible description", "Each instance with its last license usage upload and its state"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels(
        {i18nc("@title:column", "Host"), i18nc("@title:column", "Customer"), i18nc("@title:column", "Connected"),
            i18nc("@title:column", "Last upload"), i18nc("@title:column", "Upload state")});
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_view);
    rebuild();
}

void ServerInstancesCard::setInstances(const QList<Glc::EnterpriseServerInstallation> &instances)
{
    m_instances = instances;
    rebuild();
}

void ServerInstancesCard::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    rebuild();
}

QString ServerInstancesCard::uploadStateText(Glc::UploadSyncState state)
{
    switch (state) {
    case Glc::UploadSyncState::Pending:
        return i18nc("@item upload state", "Pending");
    case Glc::UploadSyncState::Success:
        return i18nc("@item upload state", "Succeeded");
    case Glc::UploadSyncState::Failure:
        return i18nc("@item upload state", "Failed");
    case Glc::UploadSyncState::Unknown:
        break;
    }
    return i18nc("@item upload state", "Unknown");
}

void ServerInstancesCard::rebuild()
{
    m_view->clear();
    m_emptyLabel->setVisible(m_instances.isEmpty());
    m_view->setVisible(!m_instances.isEmpty());
    const QDateTime now = m_clock();
    for (const Glc::EnterpriseServerInstallation &instance : std::as_const(m_instances)) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(HostColumn, instance.hostName);
        item->setToolTip(HostColumn, i18nc("@info:tooltip", "Installation id: %1", instance.id));
        item->setText(CustomerColumn, instance.customerName);
        item->setText(ConnectedColumn,
            instance.isConnected ? i18nc("@item connected state", "Connected")
                                 : i18nc("@item connected state", "Not connected"));
        if (instance.uploads.isEmpty()) {
            item->setText(LastUploadColumn, i18nc("@item", "No upload yet"));
            item->setText(UploadStateColumn, QString());
            continue;
        }
        const Glc::UserAccountsUpload &last = instance.uploads.constFirst();
        const QDateTime when = last.updatedAt.isValid() ? last.updatedAt : last.createdAt;
        item->setText(LastUploadColumn, UiFormat::dateTimeWithRelative(when, now));
        item->setToolTip(LastUploadColumn, last.name);
        item->setText(UploadStateColumn, uploadStateText(last.syncState));
    }
    colorItems();
}

void ServerInstancesCard::colorItems()
{
    const QPalette pal = palette();
    for (int i = 0; i < m_view->topLevelItemCount() && i < m_instances.size(); ++i) {
        const Glc::EnterpriseServerInstallation &instance = m_instances.at(i);
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        item->setForeground(ConnectedColumn,
            StatusColors::text(
                instance.isConnected ? StatusColors::Role::Positive : StatusColors::Role::Negative, pal));
        if (instance.uploads.isEmpty()) {
            continue;
        }
        switch (instance.uploads.constFirst().syncState) {
        case Glc::UploadSyncState::Success:
            item->setForeground(UploadStateColumn, StatusColors::text(StatusColors::Role::Positive, pal));
            break;
        case Glc::UploadSyncState::Failure:
            item->setForeground(UploadStateColumn, StatusColors::text(StatusColors::Role::Negative, pal));
            break;
        case Glc::UploadSyncState::Pending:
            item->setForeground(UploadStateColumn, StatusColors::text(StatusColors::Role::Warning, pal));
            break;
        case Glc::UploadSyncState::Unknown:
            break;
        }
    }
}

void ServerInstancesCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        colorItems();
    }
    QGroupBox::changeEvent(event);
}
