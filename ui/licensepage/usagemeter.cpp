// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagemeter.h"

#include "statuscolors.h"
#include "uiformat.h"

#include "licensing/licensevalues.h"

#include <KLocalizedString>
#include <QPainter>
#include <QPainterPath>

UsageMeter::UsageMeter(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("usageMeter"));
    setAccessibleName(i18nc("@label accessible name of the seat usage bar", "Seat usage"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setUsage(0, 0);
}

UsageMeter::State UsageMeter::stateFor(int used, int purchased)
{
    if (purchased <= 0) {
        return used > 0 ? State::Full : State::Normal;
    }
    // Integer arithmetic: exactly 90% is amber, exactly 100% is red.
    const qint64 u = qint64(used) * 100;
    if (u >= qint64(purchased) * 100) {
        return State::Full;
    }
    if (u >= qint64(purchased) * 90) {
        return State::Warning;
    }
    return State::Normal;
}

double UsageMeter::percent() const
{
    return Glc::seatUsePercent(m_used, m_purchased);
}

QString UsageMeter::text() const
{
    return i18ncp("@info seat usage: %2 used, %3 purchased, %4 percentage", "%2 of %3 seat used (%4)",
        "%2 of %3 seats used (%4)", m_purchased, UiFormat::number(m_used), UiFormat::number(m_purchased),
        UiFormat::percent(percent(), 1));
}

void UsageMeter::setUsage(int used, int purchased)
{
    m_used = std::max(0, used);
    m_purchased = std::max(0, purchased);
    const State state = stateFor(m_used, m_purchased);
    setAccessibleDescription(text());
    setToolTip(text());
    update();
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(m_state);
    }
}

QSize UsageMeter::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(QLatin1Char('x')) * 40, fm.height()};
}

QSize UsageMeter::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(QLatin1Char('x')) * 10, fm.height() * 2 / 3};
}

void UsageMeter::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = r.height() / 4;

    QColor trough = palette().color(QPalette::Base);
    QColor border = palette().color(QPalette::Mid);
    p.setPen(QPen(border, 1));
    p.setBrush(trough);
    p.drawRoundedRect(r, radius, radius);

    if (m_purchased <= 0 && m_used <= 0) {
        return;
    }
    QColor fill = palette().color(QPalette::Highlight);
    if (m_state == State::Warning) {
        fill = StatusColors::fill(StatusColors::Role::Warning, palette());
    } else if (m_state == State::Full) {
        fill = StatusColors::fill(StatusColors::Role::Negative, palette());
    }
    const qreal fraction = m_purchased > 0 ? std::min(1.0, double(m_used) / m_purchased) : 1.0;
    QRectF filled = r;
    filled.setWidth(r.width() * fraction);
    if (layoutDirection() == Qt::RightToLeft) {
        filled.moveRight(r.right());
    }
    QPainterPath clip;
    clip.addRoundedRect(r, radius, radius);
    p.setClipPath(clip);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRect(filled);
}
