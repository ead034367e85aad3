// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "statuscolors.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPalette>
#include <QWidget>

namespace {
constexpr const char *RoleProperty = "glcStatusTextRole";

/// Picks the colour of the widget's role for the background it has now.
void applyTextRole(QWidget *widget)
{
    const QVariant role = widget->property(RoleProperty);
    if (!role.isValid()) {
        return;
    }
    const QColor color = StatusColors::text(StatusColors::Role(role.toInt()), widget->palette());
    if (widget->palette().color(QPalette::Active, QPalette::WindowText) == color &&
        widget->testAttribute(Qt::WA_SetPalette)) {
        return; // also ends the PaletteChange that setPalette() below sends
    }
    // Only WindowText is set; the other roles keep following the parent and the application.
    QPalette own;
    own.setColor(QPalette::WindowText, color);
    widget->setPalette(own);
}

/// Re-applies the status colour when a coloured widget's palette changes (light <-> dark).
class TextRoleFollower : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange && watched->isWidgetType()) {
            applyTextRole(static_cast<QWidget *>(watched));
        }
        return false;
    }
};

TextRoleFollower *follower()
{
    static auto *instance = new TextRoleFollower(QCoreApplication::instance());
    return instance;
}
} // namespace

bool StatusColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusColors::text(Role role, const QPalette &palette)
{
    // Contrast of at least 4.5:1 against white (light) or #202020 (dark).
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Positive:
        return dark ? QColor(0x6c, 0xd4, 0x83) : QColor(0x1b, 0x6e, 0x2c);
    case Role::Warning:
        return dark ? QColor(0xf5, 0xbd, 0x4f) : QColor(0x8a, 0x52, 0x00);
    case Role::Negative:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x26, 0x1e);
    }
    return palette.color(QPalette::WindowText);
}

QColor StatusColors::fill(Role role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Positive:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2d, 0xa4, 0x4e);
    case Role::Warning:
        return dark ? QColor(0xe3, 0xa3, 0x1c) : QColor(0xe0, 0x94, 0x00);
    case Role::Negative:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    }
    return palette.color(QPalette::Highlight);
}

void StatusColors::setTextRole(QWidget *widget, std::optional<Role> role)
{
    if (!role) {
        widget->removeEventFilter(follower());
        widget->setProperty(RoleProperty, QVariant());
        widget->setPalette(QPalette()); // inherit every colour again
        return;
    }
    widget->setProperty(RoleProperty, int(*role));
    widget->installEventFilter(follower()); // installed once: a second install moves it to the front
    applyTextRole(widget);
}
