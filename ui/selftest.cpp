// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "selftest.h"

#include "core/localization.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include <cstring>

namespace SelfTest {
bool requested(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--self-test") == 0) {
            return true;
        }
    }
    return false;
}

int run(QMainWindow *window)
{
    int result = 1;
    // Let the event loop lay out and expose the window before it is inspected.
    QTimer::singleShot(0, window, [window, &result] {
        QTextStream out(stdout);
        const QStringList menus = [window] {
            QStringList titles;
            for (QAction *action : window->menuBar()->actions()) {
                titles << action->text().remove(QLatin1Char('&'));
            }
            return titles;
        }();
        out << "title: " << window->windowTitle() << Qt::endl;
        out << "language: " << Glc::Localization::activeLanguage() << Qt::endl;
        out << "menus: " << menus.join(QLatin1String(" | ")) << Qt::endl;
        const bool ok = window->isVisible() && window->statusBar() != nullptr && menus.size() >= 3 &&
            !window->windowTitle().isEmpty();
        out << (ok ? "self-test: ok" : "self-test: FAILED") << Qt::endl;
        result = ok ? 0 : 1;
        window->close();
        QApplication::quit();
    });
    QApplication::exec();
    return result;
}
} // namespace SelfTest
