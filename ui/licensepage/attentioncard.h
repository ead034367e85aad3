// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/attention.h"

#include <QGroupBox>

#include <functional>

class QLabel;
class QPushButton;
class QGridLayout;

/// "Needs attention": what on the page wants the admin's action, most urgent first (Glc::Attention), each
/// with a button to where it is dealt with - Sync now, Export license usage, the counted-twice lists, the
/// history. The card reports the admin's intent only; the judgement follows the page's clock.
class AttentionCard : public QGroupBox
{
    Q_OBJECT
public:
    enum class Action {
        Refresh,
        SyncNow, ///< the host, or every server when empty
        ExportUsage, ///< the host, or a choice when empty
        ShowCountedTwice,
        ShowUnexpectedSeats,
        ShowHistory,
    };
    Q_ENUM(Action)

    explicit AttentionCard(QWidget *parent = nullptr);

    /// What to judge; `hasSnapshot` false: nothing is judged before the first snapshot.
    void setInput(const Glc::Attention::Input &input, bool hasSnapshot);
    void setClock(const std::function<QDateTime()> &clock);
    /// The clock moved on (the page's minute tick): ages and days left follow it.
    void refreshTimes() { rebuild(); }
    /// While a refresh runs, a Refresh button waits for it (as the page's own does).
    void setRefreshing(bool refreshing);

    const QList<Glc::AttentionItem> &items() const { return m_items; }
    /// The label of item @p index (its text), or nullptr.
    QLabel *itemLabel(int index) const;
    /// The button of item @p index (where it is dealt with), or nullptr when it has none.
    QPushButton *itemButton(int index) const;
    /// "Nothing needs attention." and the like, shown without items.
    QLabel *emptyLabel() const { return m_emptyLabel; }

Q_SIGNALS:
    void actionRequested(AttentionCard::Action action, const QString &host);

protected:
    bool event(QEvent *event) override;

private:
    void rebuild();
    void updateIcons();
    void activate(int index);
    void enableButtons();

    QLabel *const m_emptyLabel;
    QWidget *const m_rows;
    QGridLayout *const m_rowsLayout;
    QList<QLabel *> m_itemIcons;
    QList<QLabel *> m_itemLabels;
    QList<QPushButton *> m_itemButtons;
    Glc::Attention::Input m_input;
    bool m_hasSnapshot = false;
    bool m_refreshing = false;
    QList<Glc::AttentionItem> m_items;
    std::function<QDateTime()> m_clock;
};
