// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "mainwindow.h"
#include "selftest.h"

#include <KLocalizedString>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char **argv)
{
    // The self-test runs the real GUI without a display.
    const bool selfTest = SelfTest::requested(argc, argv);
    if (selfTest && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    Q_INIT_RESOURCE(resources); // glc_widgets is static: its resources need an explicit init
    Glc::ApplicationInfo::apply();
    Glc::Localization::setup(&app);
    QApplication::setApplicationDisplayName(Glc::ApplicationInfo::displayName());
    QGuiApplication::setDesktopFileName(Glc::ApplicationInfo::desktopId());
    QApplication::setWindowIcon(
        QIcon::fromTheme(Glc::ApplicationInfo::desktopId(), QIcon(QStringLiteral(":/icons/ghe-license-console.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(i18nc("@info command-line help",
        "Keeps GitHub Enterprise licenses in order across GitHub Enterprise Cloud and Server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"),
        i18nc("@info command-line help", "Start the interface offscreen, show the main window and exit."));
    parser.addOption(selfTestOption);
    parser.process(app);

    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();

    if (selfTest) {
        return SelfTest::run(window);
    }
    return app.exec();
}
