// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "attentioncard.h"

#include "statuscolors.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QEvent>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <optional>

using namespace Glc;

namespace {
/// What an item's button does, and its words; nullopt: the item has none (the card beside it says it all).
std::optional<std::pair<AttentionCard::Action, QString>> linkOf(const AttentionItem &item)
{
    using Kind = AttentionItem::Kind;
    using Action = AttentionCard::Action;
    switch (item.kind) {
    case Kind::SyncFailed:
    case Kind::SyncStale:
        return std::pair{Action::SyncNow, i18nc("@action:button", "Sync now…")};
    case Kind::SnapshotOld:
        return std::pair{Action::Refresh, i18nc("@action:button", "Refresh")};
    case Kind::UploadFailed:
    case Kind::UploadOverdue:
        return std::pair{Action::ExportUsage, i18nc("@action:button", "Export license usage…")};
    case Kind::CountedTwice:
        return std::pair{Action::ShowCountedTwice, i18nc("@action:button", "Show Who")};
    // Both open the seats that count unexpectedly; named by what they show, as both lines may be there at once.
    case Kind::PendingInvitations:
        return std::pair{Action::ShowUnexpectedSeats, i18nc("@action:button", "Show the Invitations")};
    case Kind::UnmatchedVisualStudio:
        return std::pair{Action::ShowUnexpectedSeats, i18nc("@action:button", "Show the Subscribers")};
    case Kind::Forecast:
        return std::pair{Action::ShowHistory, i18nc("@action:button", "Show the History")};
    case Kind::LicenseExpiry:
    case Kind::Seats:
        break;
    }
    return std::nullopt;
}
} // namespace

AttentionCard::AttentionCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Needs attention"), parent)
    , m_emptyLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("attentionEmptyLabel"), i18nc("@label accessible name", "Needs attention"), this))
    , m_rows(new QWidget(this))
    , m_rowsLayout(new QGridLayout(m_rows))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("attentionCard"));
    setAccessibleName(title());
    m_emptyLabel->setWordWrap(true);
    m_rows->setObjectName(QStringLiteral("attentionRows"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_rows);
    rebuild();
}

void AttentionCard::setInput(const Attention::Input &input, bool hasSnapshot)
{
    m_input = input;
    m_hasSnapshot = hasSnapshot;
    rebuild();
}

void AttentionCard::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    rebuild();
}

QLabel *AttentionCard::itemLabel(int index) const
{
    return m_itemLabels.value(index);
}

QPushButton *AttentionCard::itemButton(int index) const
{
    return m_itemButtons.value(index);
}

void AttentionCard::rebuild()
{
    Attention::Input input = m_input;
    input.now = m_clock();
    const QList<AttentionItem> items = m_hasSnapshot ? Attention::collect(input) : QList<AttentionItem>();
    if (items == m_items && !m_itemLabels.isEmpty()) {
        return; // the minute tick changed nothing: keep the focus where it is
    }
    m_items = items;
    WidgetUtil::clearLayout(m_rowsLayout);
    m_itemIcons.clear();
    m_itemLabels.clear();
    m_itemButtons.clear();

    if (!m_hasSnapshot) {
        m_emptyLabel->setText(i18nc("@info", "Judged after the first snapshot."));
        StatusColors::setTextRole(m_emptyLabel, std::nullopt);
    } else {
        m_emptyLabel->setText(
            i18nc("@info", "Nothing needs attention: seats, license, syncs and uploads are in order."));
        StatusColors::setTextRole(m_emptyLabel, StatusColors::Role::Positive);
    }
    m_emptyLabel->setVisible(m_items.isEmpty());
    m_rows->setVisible(!m_items.isEmpty());

    // Items are rebuilt after the rest of the page exists, so their buttons would come last in the tab chain:
    // put them where the card is read, after the last widget before the card that Tab reaches.
    QWidget *previous = previousInFocusChain();
    while (previous != this && (!(previous->focusPolicy() & Qt::TabFocus) || isAncestorOf(previous))) {
        previous = previous->previousInFocusChain();
    }
    for (int i = 0; i < m_items.size(); ++i) {
        const AttentionItem &item = m_items.at(i);
        const bool critical = item.level == AttentionItem::Level::Critical;
        auto *icon = new QLabel(m_rows);
        icon->setObjectName(QStringLiteral("attentionIcon%1").arg(i));

        auto *label = new QLabel(item.text, m_rows);
        label->setObjectName(QStringLiteral("attentionItem%1").arg(i));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // A screen reader reads a label's accessible name instead of its text: the level, then the text.
        label->setAccessibleName(critical
                ? i18nc("@label accessible name %1 what needs attention", "Critical: %1", item.text)
                : i18nc("@label accessible name %1 what needs attention", "Warning: %1", item.text));
        if (critical) {
            StatusColors::setTextRole(label, StatusColors::Role::Negative);
        }
        // One grid for every item: the texts wrap in the middle, the buttons line up on the right.
        m_rowsLayout->addWidget(icon, i, 0, Qt::AlignVCenter);
        m_rowsLayout->addWidget(label, i, 1);
        QPushButton *button = nullptr;
        if (const auto link = linkOf(item)) {
            button = new QPushButton(link->second, m_rows);
            button->setObjectName(QStringLiteral("attentionAction%1").arg(i));
            button->setAccessibleDescription(item.text);
            connect(button, &QPushButton::clicked, this, [this, i] { activate(i); });
            m_rowsLayout->addWidget(button, i, 2, Qt::AlignVCenter);
            if (previous != this) {
                QWidget::setTabOrder(previous, button);
                previous = button;
            }
        }
        m_itemIcons.append(icon);
        m_itemLabels.append(label);
        m_itemButtons.append(button);
    }
    updateIcons();
    enableButtons();
}

void AttentionCard::updateIcons()
{
    // Pixmaps for the window's screen of the moment: made again when it moves to a screen of another scale.
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    for (int i = 0; i < m_itemIcons.size(); ++i) {
        const QIcon symbol = m_items.at(i).level == AttentionItem::Level::Critical
            ? QIcon::fromTheme(QStringLiteral("dialog-error"), style()->standardIcon(QStyle::SP_MessageBoxCritical))
            : QIcon::fromTheme(QStringLiteral("dialog-warning"), style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_itemIcons.at(i)->setPixmap(symbol.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    }
}

bool AttentionCard::event(QEvent *event)
{
    if (WidgetUtil::changesIconPixmaps(event)) {
        updateIcons();
    }
    return QGroupBox::event(event);
}

void AttentionCard::setRefreshing(bool refreshing)
{
    m_refreshing = refreshing;
    enableButtons();
}

void AttentionCard::enableButtons()
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (QPushButton *button = m_itemButtons.value(i)) {
            const auto link = linkOf(m_items.at(i));
            button->setEnabled(!(m_refreshing && link && link->first == Action::Refresh));
        }
    }
}

void AttentionCard::activate(int index)
{
    if (index < 0 || index >= m_items.size()) {
        return;
    }
    const AttentionItem &item = m_items.at(index);
    if (const auto link = linkOf(item)) {
        // One server: its own Sync now or export; several: the view with every server to choose from.
        Q_EMIT actionRequested(link->first, item.hosts.size() == 1 ? item.hosts.first() : QString());
    }
}
