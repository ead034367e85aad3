// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "inlinemessage.h"

#include "statuscolors.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_nextStepLabel(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("inlineMessage"));
    m_iconLabel->setObjectName(QStringLiteral("messageIcon"));
    m_titleLabel->setObjectName(QStringLiteral("messageTitle"));
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_nextStepLabel->setObjectName(QStringLiteral("messageNextStep"));
    m_nextStepLabel->setWordWrap(true);
    m_nextStepLabel->setTextFormat(Qt::PlainText);
    m_nextStepLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton->setObjectName(QStringLiteral("messageCloseButton"));
    m_closeButton->setIcon(QIcon::fromTheme(QStringLiteral("dialog-close")));
    m_closeButton->setText(i18nc("@action:button close the message", "Dismiss"));
    m_closeButton->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setAccessibleName(i18nc("@action:button accessible name", "Dismiss message"));
    m_closeButton->setToolTip(m_closeButton->accessibleName());

    const int margin = fontMetrics().height() / 2;
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_titleLabel);
    texts->addWidget(m_nextStepLabel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(margin * 2, margin, margin, margin);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    connect(m_closeButton, &QToolButton::clicked, this, &InlineMessage::dismiss);
    hide();
}

QString InlineMessage::title() const
{
    return m_titleLabel->text();
}

QString InlineMessage::nextStep() const
{
    return m_nextStepLabel->text();
}

void InlineMessage::showMessage(Type type, const QString &title, const QString &nextStep)
{
    m_type = type;
    m_titleLabel->setText(title);
    m_nextStepLabel->setText(nextStep);
    m_nextStepLabel->setVisible(!nextStep.isEmpty());
    // A screen reader says what kind of message it is, and hears of it when it appears.
    switch (type) {
    case Type::Error:
        setAccessibleName(i18nc("@label accessible name of a message, %1 its text", "Error: %1", title));
        break;
    case Type::Warning:
        setAccessibleName(i18nc("@label accessible name of a message, %1 its text", "Warning: %1", title));
        break;
    case Type::Information:
        setAccessibleName(title);
        break;
    }
    setAccessibleDescription(nextStep);
    updateIcon();
    show();
    update();
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void InlineMessage::updateIcon()
{
    QIcon symbol;
    switch (m_type) {
    case Type::Error:
        symbol = QIcon::fromTheme(QStringLiteral("dialog-error"), style()->standardIcon(QStyle::SP_MessageBoxCritical));
        break;
    case Type::Warning:
        symbol =
            QIcon::fromTheme(QStringLiteral("dialog-warning"), style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    case Type::Information:
        symbol = QIcon::fromTheme(
            QStringLiteral("dialog-information"), style()->standardIcon(QStyle::SP_MessageBoxInformation));
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setPixmap(symbol.pixmap(QSize(size, size), devicePixelRatioF()));
}

bool InlineMessage::event(QEvent *event)
{
    if (WidgetUtil::changesIconPixmaps(event)) {
        updateIcon();
    }
    return QFrame::event(event);
}

void InlineMessage::dismiss()
{
    if (isHidden()) {
        return;
    }
    hide();
    Q_EMIT dismissed();
}

void InlineMessage::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor accent = palette().color(QPalette::Highlight);
    if (m_type == Type::Warning) {
        accent = StatusColors::fill(StatusColors::Role::Warning, palette());
    } else if (m_type == Type::Error) {
        accent = StatusColors::fill(StatusColors::Role::Negative, palette());
    }
    QColor background = accent;
    background.setAlphaF(0.15);
    const qreal radius = fontMetrics().height() / 4.0;
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(accent, 1));
    p.setBrush(background);
    p.drawRoundedRect(r, radius, radius);
    // A solid stripe at the leading edge makes the type visible without relying on colour alone.
    const qreal stripe = fontMetrics().height() / 4.0;
    QRectF bar = r;
    bar.setWidth(stripe);
    if (layoutDirection() == Qt::RightToLeft) {
        bar.moveRight(r.right());
    }
    p.setPen(Qt::NoPen);
    p.setBrush(accent);
    p.drawRoundedRect(bar, radius / 2, radius / 2);
}
