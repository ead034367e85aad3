// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "mainwindow.h"
#include "models/consumedlicensesmodel.h"
#include "selftest.h"

#include <KLocalizedString>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QSettings>
#include <QTableView>
#include <QTextStream>

int main(int argc, char **argv)
{
    QElapsedTimer sinceLaunch;
    sinceLaunch.start();
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
    const QCommandLineOption labUsers(QStringLiteral("lab-users"),
        i18nc("@info command-line help", "Members of the built-in license lab's enterprise."), QStringLiteral("N"),
        QStringLiteral("2000"));
    const QCommandLineOption labServers(QStringLiteral("lab-servers"),
        i18nc("@info command-line help", "Enterprise Server instances of the built-in lab."), QStringLiteral("N"),
        QStringLiteral("4"));
    const QCommandLineOption labSeed(QStringLiteral("lab-seed"),
        i18nc("@info command-line help", "Seed of the built-in lab's generated data."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption store(QStringLiteral("store"),
        i18nc("@info command-line help", "Database: an SQLite file or a postgresql:// URL."),
        QStringLiteral("LOCATION"));
    const QCommandLineOption benchmarkStartup(QStringLiteral("benchmark-startup"),
        i18nc(
            "@info command-line help", "Print the time until the License page shows the stored snapshot, then exit."));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
        i18nc("@info command-line help, %1 default, %2 most",
            "Requests to GitHub at once, 1 to %2 (default: the setting Network/concurrency, else %1).",
            Glc::GitHubClientOptions::DefaultConcurrency, Glc::GitHubClientOptions::MaxConcurrency),
        QStringLiteral("N"));
    parser.addOptions({labUsers, labServers, labSeed, store, concurrency, benchmarkStartup});
    parser.process(app);

    LicenseController::Options options;
    options.storeLocation = parser.value(store);
    options.labConfig.users = std::max(0, parser.value(labUsers).toInt());
    options.labConfig.servers = std::max(0, parser.value(labServers).toInt());
    options.labConfig.seed = parser.value(labSeed).toUInt();
    const auto inRange = [](int n) { return n >= 1 && n <= Glc::GitHubClientOptions::MaxConcurrency; };
    if (parser.isSet(concurrency)) {
        options.concurrency = parser.value(concurrency).toInt();
        if (!inRange(options.concurrency)) {
            // As QCommandLineParser::process() reports its own errors: on stderr, then exit.
            QTextStream(stderr) << i18nc("@info command-line error, %1 value, %2 most",
                                       "--concurrency takes 1 to %2, not “%1”.", parser.value(concurrency),
                                       Glc::GitHubClientOptions::MaxConcurrency)
                                << Qt::endl;
            return 2;
        }
    } else {
        const int configured =
            QSettings()
                .value(QStringLiteral("Network/concurrency"), Glc::GitHubClientOptions::DefaultConcurrency)
                .toInt();
        options.concurrency = inRange(configured) ? configured : Glc::GitHubClientOptions::DefaultConcurrency;
    }
    auto *window = new MainWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->start();

    if (parser.isSet(benchmarkStartup)) {
        QObject::connect(window->controller(), &LicenseController::dataLoaded, window, [window, &sinceLaunch] {
            if (!window->controller()->data().hasSnapshot) {
                return; // first start: the snapshot is still being taken
            }
            QApplication::processEvents(); // the page has painted its data
            // The table's own row count: proof that the model and its view are filled, not only loaded.
            QTextStream(stdout) << "startup: " << sinceLaunch.elapsed() << " ms to an interactive License page with "
                                << window->controller()->licensesModel()->rowCount() << " seats ("
                                << window->controller()->table()->model()->rowCount() << " rows in the table)"
                                << Qt::endl;
            window->close();
        });
    }
    if (selfTest) {
        return SelfTest::run(window);
    }
    return app.exec();
}
