// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "widgetutil.h"

#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLayoutItem>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QWidget>

#include <algorithm>

namespace {
/// Grows its window when a layout change leaves it shorter than the height for its width.
class WrappedTextFitter : public QObject
{
public:
    explicit WrappedTextFitter(QWidget *window)
        : QObject(window)
        , m_window(window)
    {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::LayoutRequest && m_window->isVisible()) {
            QLayout *layout = m_window->layout();
            if (layout && layout->hasHeightForWidth()) {
                layout->activate(); // as the window would next; the filter comes first
                const int needed = std::min(
                    layout->totalHeightForWidth(m_window->width()), m_window->screen()->availableGeometry().height());
                if (needed > m_window->height()) {
                    m_window->resize(m_window->width(), needed);
                }
            }
        }
        return false;
    }

private:
    QWidget *const m_window;
};
} // namespace

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

void resizeWithinScreen(QWidget *window, const QSize &size)
{
    const QSize available = window->screen()->availableGeometry().size();
    window->resize(size.boundedTo(available * 0.9).expandedTo(window->minimumSizeHint()));
}

void alignLabelColumns(const QList<QFormLayout *> &forms, const QList<QFormLayout *> &nested)
{
    // Each label with how far right of the outer forms' label column it starts.
    QList<std::pair<QWidget *, int>> labels;
    int widest = 0;
    const auto collect = [&](QFormLayout *form, int indent) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (QWidget *label = item ? item->widget() : nullptr) {
                labels.append({label, indent});
                widest = std::max(widest, indent + label->sizeHint().width());
            }
        }
    };
    for (QFormLayout *form : forms) {
        collect(form, 0);
    }
    for (QFormLayout *form : nested) {
        const QWidget *box = form->parentWidget();
        collect(form, form->contentsMargins().left() + (box ? box->contentsRect().left() : 0));
    }
    for (const auto &[label, indent] : std::as_const(labels)) {
        label->setMinimumWidth(widest - indent);
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

void fitHeightToWrappedTexts(QWidget *window)
{
    new WrappedTextFitter(window);
}

void fitSectionsToTitles(QHeaderView *header)
{
    for (int section = 0; section < header->count(); ++section) {
        header->resizeSection(section, std::max(header->sectionSize(section), header->sectionSizeHint(section)));
    }
}

void fitColumnToTexts(QTableView *view, int column, const QStringList &texts)
{
    // Measured as the style measures a cell (its margins, the text laid out in fractional pixels: a Latin word
    // beside CJK ones can be a pixel wider than QFontMetrics's rounded advance, and elided), plus the grid line.
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.features = QStyleOptionViewItem::HasDisplay;
    option.textElideMode = view->textElideMode();
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    int width = view->columnWidth(column);
    for (const QString &text : texts) {
        option.text = text;
        const QSize cell = view->style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), view);
        width = std::max(width, cell.width() + (view->showGrid() ? 1 : 0));
    }
    view->setColumnWidth(column, width);
}
bool changesIconPixmaps(const QEvent *event)
{
    switch (event->type()) {
    case QEvent::StyleChange:
    case QEvent::PaletteChange:
    case QEvent::ScreenChangeInternal:
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    case QEvent::DevicePixelRatioChange:
#endif
        return true;
    default:
        return false;
    }
}
} // namespace WidgetUtil
