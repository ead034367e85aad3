// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "quicklinkscard.h"

#include <KLocalizedString>
#include <QIcon>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QPushButton *makeLink(
    const QString &objectName, const QString &icon, const QString &text, const QString &description, QWidget *parent)
{
    auto *button = new QPushButton(QIcon::fromTheme(icon), text, parent);
    button->setObjectName(objectName);
    button->setAccessibleDescription(description);
    button->setToolTip(description);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}
} // namespace

QuickLinksCard::QuickLinksCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Quick links"), parent)
    , m_exportButton(makeLink(QStringLiteral("exportButton"), QStringLiteral("document-export"),
          i18nc("@action:button", "E&xport license usage"),
          i18nc("@info:tooltip", "Export an Enterprise Server's license usage to a JSON file"), this))
    , m_addUsageButton(makeLink(QStringLiteral("addServerUsageButton"), QStringLiteral("list-add"),
          i18nc("@action:button", "Add server &usage"),
          i18nc("@info:tooltip", "Upload license usage files exported from Enterprise Server"), this))
    , m_reportButton(makeLink(QStringLiteral("downloadReportButton"), QStringLiteral("document-save"),
          i18nc("@action:button", "Download re&port"),
          i18nc("@info:tooltip", "Save the consumed licenses as a CSV or JSON report"), this))
{
    setObjectName(QStringLiteral("quickLinksCard"));
    setAccessibleName(title());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_exportButton);
    layout->addWidget(m_addUsageButton);
    layout->addWidget(m_reportButton);
    layout->addStretch(1);

    connect(m_exportButton, &QPushButton::clicked, this, &QuickLinksCard::exportRequested);
    connect(m_addUsageButton, &QPushButton::clicked, this, &QuickLinksCard::addServerUsageRequested);
    connect(m_reportButton, &QPushButton::clicked, this, &QuickLinksCard::downloadReportRequested);
}

QPushButton *QuickLinksCard::button(Link link) const
{
    switch (link) {
    case Link::ExportLicenseUsage:
        return m_exportButton;
    case Link::AddServerUsage:
        return m_addUsageButton;
    case Link::DownloadReport:
        return m_reportButton;
    }
    return nullptr;
}

void QuickLinksCard::setLinkEnabled(Link link, bool enabled, const QString &reason)
{
    QPushButton *b = button(link);
    b->setEnabled(enabled);
    if (!reason.isEmpty()) {
        b->setToolTip(reason);
    }
}
