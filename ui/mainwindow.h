// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QMainWindow>

class QActionGroup;
class QStackedWidget;

/// The console's shell: menus, status bar and the page stack. Work happens in jobs (app/workflows)
/// driven by controllers; the window only wires them to actions.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupMenus();
    void showAbout();
    void chooseLanguage(const QString &code);

    QStackedWidget *const m_pages;
    QActionGroup *const m_languageGroup;
};
