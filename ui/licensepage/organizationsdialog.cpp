// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "organizationsdialog.h"

#include "itemviewcopy.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

OrganizationsDialog::OrganizationsDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_showSeats(new QPushButton(i18nc("@action:button", "&Show Seats"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("organizationsDialog"));
    setWindowTitle(i18nc("@title:window", "Seats by Organization"));
    m_summary->setObjectName(QStringLiteral("organizationsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(i18nc("@label accessible name", "Summary of the organizations"));
    m_list->setObjectName(QStringLiteral("organizationsList"));
    ItemViewCopy::install(m_list);
    m_list->setAccessibleName(i18nc("@label accessible name", "Seats per organization"));
    m_list->setAccessibleDescription(
        i18nc("@info accessible description", "Press Enter to show the seats of the organization in the table"));
    m_list->setHeaderLabels({i18nc("@title:column a github.com organization", "Organization"),
        i18nc("@title:column seats with a role in the organization", "Members"),
        i18nc("@title:column members with the Owner role", "Owners"), i18nc("@title:column", "Pending invitations"),
        i18nc("@title:column members without two-factor authentication", "Without 2FA")});
    m_list->headerItem()->setToolTip(
        MembersColumn, i18nc("@info:tooltip", "Seats with a role in the organization; a person counts once in it"));
    m_list->headerItem()->setToolTip(
        PendingColumn, i18nc("@info:tooltip", "Seats with an invitation to the organization that is not accepted yet"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(MembersColumn, Qt::DescendingOrder);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = MembersColumn; column <= WithoutTwoFactorColumn; ++column) {
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_showSeats->setObjectName(QStringLiteral("showSeatsButton"));
    m_showSeats->setAccessibleDescription(
        i18nc("@info:tooltip", "Filter the consumed-licenses table to the seats of the chosen organization"));
    m_showSeats->setToolTip(m_showSeats->accessibleDescription());
    m_showSeats->setEnabled(false);
    m_buttons->setObjectName(QStringLiteral("organizationsButtons"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("close"));
    m_buttons->addButton(m_showSeats, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    WidgetUtil::resizeWithinScreen(this, QSize(WidgetUtil::latinTextWidth(this, 90), fontMetrics().height() * 28));

    connect(m_list, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem *current) { m_showSeats->setEnabled(current != nullptr); });
    connect(m_list, &QTreeWidget::itemActivated, this, &OrganizationsDialog::requestSeats);
    connect(m_showSeats, &QPushButton::clicked, this, &OrganizationsDialog::requestSeats);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void OrganizationsDialog::setBreakdown(const Glc::OrganizationBreakdown &breakdown, bool hasSnapshot)
{
    const QString current = currentOrganization();
    m_list->setSortingEnabled(false);
    m_list->clear();
    QTreeWidgetItem *keep = nullptr;
    for (const Glc::OrganizationBreakdown::Organization &organization : breakdown.organizations) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, organization.name);
        // Numbers as numbers: they sort by value and the view writes them the locale's way.
        const std::pair<int, int> counts[] = {{MembersColumn, organization.members},
            {OwnersColumn, organization.owners}, {PendingColumn, organization.pendingInvites},
            {WithoutTwoFactorColumn, organization.withoutTwoFactor}};
        for (const auto &[column, count] : counts) {
            item->setData(column, Qt::DisplayRole, count);
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (organization.name == current) {
            keep = item;
        }
    }
    m_list->setSortingEnabled(true);
    m_list->setCurrentItem(keep ? keep : m_list->topLevelItem(0));
    m_showSeats->setEnabled(m_list->currentItem() != nullptr);

    if (!hasSnapshot) {
        m_summary->setText(i18nc("@info", "Not refreshed yet. Press Refresh (F5) to take the first snapshot."));
        return;
    }
    const int count = int(breakdown.organizations.size());
    const QString organizations = count == 0
        ? i18nc("@info", "The snapshot lists no github.com organization memberships or invitations.")
        : i18ncp("@info", "%1 github.com organization.", "%1 github.com organizations.", count);
    const QString outside = i18ncp("@info",
        "%1 seat belongs to no organization (Enterprise Server accounts only, or enterprise roles only).",
        "%1 seats belong to no organization (Enterprise Server accounts only, or enterprise roles only).",
        breakdown.seatsWithoutOrganization);
    m_summary->setText(i18nc("@info three sentences: %1 organizations, %2 seats without one, %3 how people count",
        "%1 %2 %3", organizations, outside, i18nc("@info", "A person in several organizations counts in each.")));
}

QString OrganizationsDialog::currentOrganization() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(NameColumn) : QString();
}

void OrganizationsDialog::requestSeats()
{
    if (const QString organization = currentOrganization(); !organization.isEmpty()) {
        Q_EMIT showSeatsRequested(organization);
    }
}
