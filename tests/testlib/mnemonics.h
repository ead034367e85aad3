// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Alt+letter in a window: the letter of each visible control, and the controls that share one (Alt then
// only moves the focus between them and clicks nothing). Header only; the widget tests include it.

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QStringList>
#include <QTabWidget>
#include <QWidget>

namespace GlcTest {
/// The letter Alt goes with: "&File" -> F, "文件(&F)" -> F; "&&" is an ampersand, not a mnemonic.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&')) {
            continue;
        }
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

/// The letter a desktop gives a button box's standard button whose text is left to the platform: Plasma
/// names them "&OK", "&Cancel", "&Close" … (in Chinese "确定(&O)", "取消(&C)"); Qt's own theme gives none.
inline QChar platformMnemonic(QDialogButtonBox::StandardButton button)
{
    switch (button) {
    case QDialogButtonBox::Ok:
        return QLatin1Char('O');
    case QDialogButtonBox::Cancel:
    case QDialogButtonBox::Close:
        return QLatin1Char('C');
    case QDialogButtonBox::Apply:
        return QLatin1Char('A');
    case QDialogButtonBox::Save:
        return QLatin1Char('S');
    case QDialogButtonBox::Help:
        return QLatin1Char('H');
    case QDialogButtonBox::Reset:
        return QLatin1Char('R');
    case QDialogButtonBox::Yes:
        return QLatin1Char('Y');
    case QDialogButtonBox::No:
        return QLatin1Char('N');
    default:
        return {};
    }
}

/// The Alt letters of what @p root shows now (buttons, labels with a buddy, group boxes, tabs), each with the
/// texts that use it. A standard button whose text has no letter counts with the one Plasma gives it.
inline QMap<QChar, QStringList> mnemonicsOf(QWidget *root)
{
    QMap<QChar, QStringList> byLetter;
    const auto add = [&byLetter](const QString &text, QChar fallback = {}) {
        QChar letter = mnemonic(text);
        if (letter.isNull() && !text.contains(QLatin1Char('&'))) {
            letter = fallback;
        }
        if (!letter.isNull()) {
            byLetter[letter].append(text.isEmpty() ? QStringLiteral("(standard button)") : text);
        }
    };
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root) || widget->window() != root->window()) {
            continue;
        }
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            QChar fallback;
            if (auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget())) {
                fallback = platformMnemonic(box->standardButton(button));
            }
            add(button->text(), fallback);
        } else if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (label->buddy() && label->buddy()->isVisibleTo(root)) {
                add(label->text());
            }
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            add(group->title());
        } else if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(tabs->tabText(i));
            }
        }
    }
    return byLetter;
}

/// "Alt+C: &Cancel, &Choose Files…" for each letter @p root's visible controls share.
inline QStringList mnemonicClashes(QWidget *root)
{
    QStringList clashes;
    const QMap<QChar, QStringList> byLetter = mnemonicsOf(root);
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1) {
            clashes << QStringLiteral("Alt+%1: %2").arg(it.key(), it.value().join(QLatin1String(", ")));
        }
    }
    return clashes;
}
} // namespace GlcTest
