// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QWidget>

/// A bar showing used of purchased seats: the palette's highlight below 90%, amber from 90% and
/// red from 100%.
class UsageMeter : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int used READ used)
    Q_PROPERTY(int purchased READ purchased)
public:
    enum class State {
        Normal,
        Warning, ///< at least 90% used
        Full, ///< at least 100% used
    };
    Q_ENUM(State)

    explicit UsageMeter(QWidget *parent = nullptr);

    void setUsage(int used, int purchased);
    int used() const { return m_used; }
    int purchased() const { return m_purchased; }
    State state() const { return m_state; }
    /// Glc::seatUsePercent(): one decimal, never up to 90 or 100 before the colour changes.
    double percent() const;
    /// "N of M seats used (P%)", also the accessible description.
    QString text() const;

    static State stateFor(int used, int purchased);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void stateChanged(UsageMeter::State state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_used = 0;
    int m_purchased = 0;
    State m_state = State::Normal;
};
