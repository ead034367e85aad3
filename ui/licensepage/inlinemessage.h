// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

/// An inline message where a problem happened: a title, the next step to take and a close
/// button. Tinted with the status colour of the current palette.
class InlineMessage : public QFrame
{
    Q_OBJECT
public:
    enum class Type {
        Information,
        Warning,
        Error,
    };
    Q_ENUM(Type)

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Type type, const QString &title, const QString &nextStep = {});
    void dismiss();

    Type type() const { return m_type; }
    QString title() const;
    QString nextStep() const;

Q_SIGNALS:
    void dismissed();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    /// The type's symbol, for the window's screen of the moment: not colour alone tells an error from a note.
    void updateIcon();

    QLabel *const m_iconLabel;
    QLabel *const m_titleLabel;
    QLabel *const m_nextStepLabel;
    QToolButton *const m_closeButton;
    Type m_type = Type::Information;
};
