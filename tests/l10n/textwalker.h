// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Collects the texts a user sees in a window (labels, buttons, titles, placeholders, combo items,
// tabs, headers, the cells of the first rows of every table, tree and list, tool tips, menu actions)
// and judges them: untranslated English and elided or clipped texts are problems. Shared by the
// zh_CN walk and the locale-format tests.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSet>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionGroupBox>
#include <QStyleOptionHeader>
#include <QStyleOptionViewItem>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTreeView>
#include <QWidget>
#include <QtMath>

#include <algorithm>
#include <functional>

namespace TextWalker {
struct Text
{
    QString widgetClass;
    QString objectName;
    QString text;
};

inline QString plain(const QString &text)
{
    if (Qt::mightBeRichText(text)) {
        QTextDocument doc;
        doc.setHtml(text);
        return doc.toPlainText();
    }
    return text;
}

/// Without mnemonics: "&File" -> "File", "文件(&F)" -> "文件".
inline QString withoutMnemonic(QString text)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&\\w\\)"));
    text.remove(cjkMnemonic);
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

inline bool hasCjk(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0xF900 && u <= 0xFAFF)) {
            return true;
        }
    }
    return false;
}

/// Texts a translation keeps as they are: products, protocols, names from the data.
class AllowList
{
public:
    AllowList()
    {
        m_tokens = {
            QStringLiteral("GitHub Enterprise Cloud"),
            QStringLiteral("GitHub Enterprise Server"),
            QStringLiteral("GitHub Connect"),
            QStringLiteral("Enterprise Server"),
            // GitHub Enterprise Cloud for short, as the catalog writes it ("Cloud、ghes-1.example.com").
            QStringLiteral("Cloud"),
            QStringLiteral("Visual Studio"),
            QStringLiteral("GitHub"),
            QStringLiteral("GHE.com"),
            QStringLiteral("GHES"),
            QStringLiteral("GHEC"),
            QStringLiteral("GHE"),
            QStringLiteral("SAML"),
            QStringLiteral("NameID"),
            QStringLiteral("SSO"),
            QStringLiteral("JSON"),
            QStringLiteral("CSV"),
            QStringLiteral("API"),
            QStringLiteral("HTTPS"),
            QStringLiteral("HTTP"),
            QStringLiteral("TLS"),
            QStringLiteral("URL"),
            QStringLiteral("UUID"),
            QStringLiteral("ID"),
            QStringLiteral("SHA-256"),
            QStringLiteral("Qt"),
            QStringLiteral("KDE"),
            QStringLiteral("PostgreSQL"),
            QStringLiteral("SQLite"),
            QStringLiteral("ssh"),
            QStringLiteral("2FA"),
            // Units of file sizes as QLocale writes them in every language ("3.76 KiB").
            QStringLiteral("KiB"),
            QStringLiteral("MiB"),
            QStringLiteral("GiB"),
            QStringLiteral("KB"),
            QStringLiteral("MB"),
            QStringLiteral("GB"),
        };
        // Compiled once: the walk judges thousands of texts (every cell of the first rows).
        for (const QString &token : std::as_const(m_tokens)) {
            m_tokenPatterns.append(QRegularExpression(
                QStringLiteral("(?<![A-Za-z])%1(?![A-Za-z])").arg(QRegularExpression::escape(token))));
        }
    }

    /// Logins, host names and other values that come from the data, not from the catalog.
    void addValues(const QStringList &values)
    {
        for (const QString &value : values) {
            if (!value.trimmed().isEmpty()) {
                m_values.insert(value.trimmed());
            }
        }
        // Longest values first, so "GitHub Enterprise Server" goes before "GitHub".
        m_sortedValues = QStringList(m_values.cbegin(), m_values.cend());
        std::sort(m_sortedValues.begin(), m_sortedValues.end(),
            [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }

    /// True when @p text shows a value from the data (a login, name, email, host, file name or URL):
    /// such a cell may be elided in a narrow column, the product's own words may not.
    bool holdsData(const QString &text) const
    {
        static const QRegularExpression data(
            QStringLiteral("\\b[a-z][a-z0-9+.-]*://"
                           "\\S+|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|\\b[a-z0-9.-]+\\.[a-z]{2,}\\b|\\b[0-9a-f]{32,}\\b"));
        return text.contains(data) ||
            std::any_of(m_sortedValues.cbegin(), m_sortedValues.cend(),
                [&text](const QString &value) { return text.contains(value); });
    }

    /// True when @p text is Chinese or holds nothing a translator should have translated.
    bool accepts(const QString &text) const { return hasCjk(text) || leftover(text).isEmpty(); }

    /// The words of @p text that no rule allows (empty: nothing left).
    QString leftover(QString text) const
    {
        static const QRegularExpression url(QStringLiteral("\\b[a-z][a-z0-9+.-]*://\\S+"));
        static const QRegularExpression email(QStringLiteral("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"));
        static const QRegularExpression lab(
            QStringLiteral("\\b(license )?lab at \\S+"), QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression path(QStringLiteral("(~|\\.{1,2})?(/[\\w.@+-]+)+/?"));
        static const QRegularExpression host(QStringLiteral("\\b[a-z0-9.-]+\\.[a-z]{2,}(:\\d+)?\\b"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        // A digest (a usage file's SHA-256), hex digits only.
        static const QRegularExpression digest(QStringLiteral("\\b[0-9a-f]{32,}\\b"));
        text.remove(digest);
        text.remove(url);
        text.remove(email);
        text.remove(lab);
        text.remove(path);
        for (const QString &value : m_sortedValues) {
            text.remove(value);
        }
        text.remove(host);
        for (const QRegularExpression &token : m_tokenPatterns) {
            text.remove(token);
        }
        QStringList words;
        for (const auto &match : word.globalMatch(text)) {
            words << match.captured();
        }
        return words.join(QLatin1Char(' '));
    }

private:
    QStringList m_tokens;
    QList<QRegularExpression> m_tokenPatterns;
    QSet<QString> m_values;
    QStringList m_sortedValues;
};

inline void addText(QList<Text> &out, const QObject *object, const QString &text)
{
    const QString cleaned = withoutMnemonic(plain(text)).trimmed();
    if (!cleaned.isEmpty()) {
        out.append({QString::fromLatin1(object->metaObject()->className()), object->objectName(), cleaned});
    }
}

/// How many rows of each item view (and children of each such row in a tree) the walk reads: the
/// first screenful a user sees, with every visible column.
constexpr int ItemViewRows = 60;

inline void collectCells(
    QList<Text> &out, const QAbstractItemView *view, const QModelIndex &parent, int depth, const QString &where)
{
    const QAbstractItemModel *model = view->model();
    const auto *tree = qobject_cast<const QTreeView *>(view);
    const auto *table = qobject_cast<const QTableView *>(view);
    const int rows = std::min(model->rowCount(parent), ItemViewRows);
    const int columns = model->columnCount(parent);
    for (int row = 0; row < rows; ++row) {
        if ((tree && tree->isRowHidden(row, parent)) || (table && table->isRowHidden(row))) {
            continue;
        }
        for (int column = 0; column < columns; ++column) {
            if ((tree && tree->isColumnHidden(column)) || (table && table->isColumnHidden(column))) {
                continue;
            }
            const QModelIndex index = model->index(row, column, parent);
            const QString cell = QStringLiteral("%1 cell %2,%3").arg(where).arg(row).arg(column);
            for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                const QVariant value = index.data(role);
                // Numbers and dates are formatted by the view's delegate with the locale.
                if (value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QStringList) {
                    // Data, not a label: an '&' is a character here, never a mnemonic.
                    const QString text =
                        plain(value.typeId() == QMetaType::QString ? value.toString()
                                                                   : value.toStringList().join(QLatin1Char('\n')))
                            .trimmed();
                    if (!text.isEmpty()) {
                        out.append({QString::fromLatin1(view->metaObject()->className()), cell, text});
                    }
                }
            }
        }
        if (tree && depth == 0 && model->hasChildren(model->index(row, 0, parent))) {
            collectCells(out, view, model->index(row, 0, parent), depth + 1, where);
        }
    }
}

/// The texts of the first rows of an item view (a table, tree or list), as its delegate shows them.
inline void collectItemView(QList<Text> &out, const QAbstractItemView *view)
{
    if (view->model()) {
        collectCells(out, view, view->rootIndex(), 0, view->objectName());
    }
}

inline void collectMenu(QList<Text> &out, const QMenu *menu)
{
    addText(out, menu, menu->title());
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible()) {
            continue;
        }
        if (action->menu()) {
            collectMenu(out, action->menu());
        } else {
            // After a tab: the keys of its shortcut ("Ctrl+Z"), as the keyboard names them.
            addText(out, action, action->text().section(QLatin1Char('\t'), 0, 0));
        }
    }
}

/// Every text a user can see in @p root and its visible children, plus its menu bar's menus.
inline QList<Text> collect(QWidget *root)
{
    QList<Text> out;
    addText(out, root, root->windowTitle());
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || (w != root && w->isWindow())) {
            continue;
        }
        addText(out, w, w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w)) {
            addText(out, w, label->text());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            addText(out, w, button->text());
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            addText(out, w, group->title());
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            addText(out, w, edit->placeholderText());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i) {
                addText(out, w, combo->itemText(i));
            }
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                addText(out, w, tabs->tabText(i));
                addText(out, w, tabs->tabToolTip(i));
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (header->model()) {
                for (int i = 0; i < header->count(); ++i) {
                    if (!header->isSectionHidden(i)) {
                        addText(out, w, header->model()->headerData(i, header->orientation()).toString());
                        addText(
                            out, w, header->model()->headerData(i, header->orientation(), Qt::ToolTipRole).toString());
                    }
                }
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            collectItemView(out, view);
        } else if (auto *bar = qobject_cast<QProgressBar *>(w)) {
            if (bar->isTextVisible()) {
                addText(out, w, bar->text());
            }
        } else if (auto *status = qobject_cast<QStatusBar *>(w)) {
            addText(out, w, status->currentMessage());
        }
    }
    if (auto *window = qobject_cast<QMainWindow *>(root)) {
        for (QAction *action : window->menuBar()->actions()) {
            if (action->menu()) {
                collectMenu(out, action->menu());
            }
        }
    }
    return out;
}

/// Access to the protected size computations Qt's own views and group boxes lay themselves out with.
struct ViewAccess : QAbstractItemView
{
    using QAbstractItemView::initViewItemOption;
};
struct HeaderAccess : QHeaderView
{
    using QHeaderView::sectionSizeFromContents;
};
struct GroupBoxAccess : QGroupBox
{
    using QGroupBox::initStyleOption;
};

/// Whether a cell's text may be elided: values from the data (logins, names, emails, hosts) may be
/// longer than any column; the product's own texts (status words, headers) never are.
using MayElide = std::function<bool(const QString &text)>;

/// The cells of the rows of @p view a user sees (up to ItemViewRows, and the children of expanded rows)
/// whose text does not fit their cell: wider than the cell, or, where the view wraps, taller.
inline void clippedCells(
    QStringList &problems, QAbstractItemView *view, const QModelIndex &parent, int depth, const MayElide &mayElide)
{
    const QAbstractItemModel *model = view->model();
    const auto *tree = qobject_cast<const QTreeView *>(view);
    const QRect viewport = view->viewport()->rect();
    const int rows = std::min(model->rowCount(parent), ItemViewRows);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            const QRect cell = view->visualRect(index);
            if (!cell.isValid() || !cell.intersects(viewport)) {
                continue; // hidden, or scrolled out of sight
            }
            QStyleOptionViewItem option;
            (view->*(&ViewAccess::initViewItemOption))(&option);
            option.rect = cell; // a wrapping view wraps within the cell's width
            option.index = index;
            QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
            QString text = index.data(Qt::DisplayRole).toString();
            if (const auto *styled = qobject_cast<const QStyledItemDelegate *>(delegate)) {
                text = styled->displayText(index.data(Qt::DisplayRole), option.locale);
            }
            if (text.trimmed().isEmpty() || (mayElide && mayElide(text))) {
                continue;
            }
            const QSize needed = delegate->sizeHint(option, index);
            // The row's height is the row's: a single-line cell may be a pixel taller than its hint needs.
            const bool wraps = option.features.testFlag(QStyleOptionViewItem::WrapText);
            if (needed.width() > cell.width() + 1 || (wraps && needed.height() > cell.height() + 1)) {
                problems << QStringLiteral("%1 '%2' cell %3,%4 \"%5\": needs %6x%7 px, has %8x%9 px")
                                .arg(QString::fromLatin1(view->metaObject()->className()), view->objectName())
                                .arg(row)
                                .arg(column)
                                .arg(text)
                                .arg(needed.width())
                                .arg(needed.height())
                                .arg(cell.width())
                                .arg(cell.height());
            }
        }
        if (tree && depth == 0 && tree->isExpanded(model->index(row, 0, parent))) {
            clippedCells(problems, view, model->index(row, 0, parent), depth + 1, mayElide);
        }
    }
}

/// Texts that are elided or clipped by the space they were given. Item-view cells whose text
/// @p mayElide accepts (data values) may be elided; no other text may. @p skipped widgets and their
/// children are left out (a layout that is not the product's, such as Qt's file list).
inline QStringList clipped(QWidget *root, const MayElide &mayElide = {}, const QList<const QWidget *> &skipped = {})
{
    QStringList problems;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    auto describe = [](QWidget *w, const QString &text, const QString &why) {
        return QStringLiteral("%1 '%2' \"%3\": %4")
            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text, why);
    };
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || (w != root && w->isWindow()) ||
            std::any_of(skipped.cbegin(), skipped.cend(),
                [w](const QWidget *skip) { return skip == w || skip->isAncestorOf(w); })) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty()) {
                continue;
            }
            if (label->wordWrap()) {
                // Wrapped onto as many lines as it needs at its width: cut off when it is not that tall.
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height() + 1) {
                    problems << describe(w, plain(label->text()),
                        QStringLiteral("needs %1 px high at %2 px wide, has %3 px")
                            .arg(needed)
                            .arg(label->width())
                            .arg(label->height()));
                }
                continue;
            }
            int needed = 0;
            if (Qt::mightBeRichText(label->text()) && label->textFormat() != Qt::PlainText) {
                QTextDocument doc;
                doc.setDefaultFont(label->font());
                doc.setDocumentMargin(0);
                doc.setHtml(label->text());
                needed = qCeil(doc.idealWidth());
            } else {
                for (const QString &line : label->text().split(QLatin1Char('\n'))) {
                    needed = std::max(needed, label->fontMetrics().horizontalAdvance(withoutMnemonic(line)));
                }
            }
            const int indent = std::max(0, label->indent());
            const int available = label->contentsRect().width() - 2 * label->margin() - indent;
            if (needed > available + 1) {
                problems << describe(
                    w, plain(label->text()), QStringLiteral("needs %1 px, has %2 px").arg(needed).arg(available));
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty()) {
                continue;
            }
            const QSize hint = button->sizeHint();
            if (hint.width() > button->width() || hint.height() > button->height()) {
                problems << describe(w, withoutMnemonic(button->text()),
                    QStringLiteral("size hint %1x%2, size %3x%4")
                        .arg(hint.width())
                        .arg(hint.height())
                        .arg(button->width())
                        .arg(button->height()));
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->currentText().isEmpty()) {
                continue;
            }
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = combo->isEditable();
            option.currentText = combo->currentText();
            option.iconSize = combo->iconSize();
            const QRect field =
                combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
            int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
            if (!combo->itemIcon(combo->currentIndex()).isNull()) {
                needed += combo->iconSize().width() + 4;
            }
            if (needed > field.width()) {
                problems << describe(w, combo->currentText(),
                    QStringLiteral("needs %1 px, edit field %2 px").arg(needed).arg(field.width()));
            }
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            if (group->title().isEmpty()) {
                continue;
            }
            // The style places the title (and its check box) from the left at their full width.
            QStyleOptionGroupBox option;
            (group->*(&GroupBoxAccess::initStyleOption))(&option);
            QRect title = group->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, group);
            if (group->isCheckable()) {
                title |=
                    group->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxCheckBox, group);
            }
            if (title.right() > group->rect().right()) {
                problems << describe(w, withoutMnemonic(group->title()),
                    QStringLiteral("title needs %1 px, box %2 px").arg(title.right() + 1).arg(group->width()));
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (!header->model()) {
                continue;
            }
            // Every section as wide (tall) as its title, its icon and the sort indicator need.
            for (int section = 0; section < header->count(); ++section) {
                if (header->isSectionHidden(section) || header->sectionSize(section) == 0) {
                    continue;
                }
                const QString text =
                    withoutMnemonic(header->model()->headerData(section, header->orientation()).toString());
                if (text.isEmpty()) {
                    continue;
                }
                const QSize hint = (header->*(&HeaderAccess::sectionSizeFromContents))(section);
                const int needed = header->orientation() == Qt::Horizontal ? hint.width() : hint.height();
                if (needed > header->sectionSize(section) + 1) {
                    problems << describe(w, text,
                        QStringLiteral("section %1 needs %2 px, has %3 px")
                            .arg(section)
                            .arg(needed)
                            .arg(header->sectionSize(section)));
                }
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            if (view->model()) {
                clippedCells(problems, view, view->rootIndex(), 0, mayElide);
            }
        } else if (auto *bar = qobject_cast<QProgressBar *>(w)) {
            if (!bar->isTextVisible() || bar->text().isEmpty()) {
                continue;
            }
            // The style draws the text in the bar's contents (beside it with some styles): it must fit there.
            QStyleOptionProgressBar option;
            option.initFrom(bar);
            option.textVisible = true;
            option.text = bar->text();
            const QRect contents = bar->style()->subElementRect(QStyle::SE_ProgressBarContents, &option, bar);
            const int needed = bar->fontMetrics().horizontalAdvance(bar->text());
            if (needed > contents.width()) {
                problems << describe(
                    w, bar->text(), QStringLiteral("needs %1 px, bar %2 px").arg(needed).arg(contents.width()));
            }
        }
    }
    return problems;
}
} // namespace TextWalker
