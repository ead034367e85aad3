// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "widgetutil.h"

#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QLayoutItem>
#include <QWidget>

namespace WidgetUtil {
void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Hidden at once so the old rows never flash; deleted once the event loop is free.
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        } else if (QLayout *child = item->layout()) {
            clearLayout(child);
        }
        delete item;
    }
}

QLabel *makeValueLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

int latinTextWidth(const QWidget *widget, int characters)
{
    return widget->fontMetrics().horizontalAdvance(QLatin1Char('x')) * characters;
}

void alignLabelColumns(const QList<QFormLayout *> &forms)
{
    QList<QWidget *> labels;
    int widest = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (QWidget *label = item ? item->widget() : nullptr) {
                labels.append(label);
                widest = std::max(widest, label->sizeHint().width());
            }
        }
    }
    for (QWidget *label : std::as_const(labels)) {
        label->setMinimumWidth(widest);
    }
}

QString objectNameSuffix(const QString &id)
{
    QString out = id;
    for (QChar &c : out) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('.')) {
            c = QLatin1Char('_');
        }
    }
    return out;
}
} // namespace WidgetUtil
