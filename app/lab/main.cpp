// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license-lab: the license lab as a process, for curl, gh api and the benchmarks.
#include "core/applicationinfo.h"
#include "lab/licenselab.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {
bool parseRate(const QString &text, int *count, int *seconds)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okCount = false;
    bool okSeconds = true;
    *count = parts.value(0).toInt(&okCount);
    *seconds = parts.size() > 1 ? parts.at(1).toInt(&okSeconds) : 60;
    return okCount && okSeconds && *count >= 0 && *seconds > 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Glc::ApplicationInfo::apply();
    QCoreApplication::setApplicationName(QStringLiteral("ghe-license-lab"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        i18nc("@info:shell", "A simulated GitHub Enterprise for trying the console, curl and gh.") +
        QLatin1String("\n\n") + Glc::LicenseLab::endpointsHelp());
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), i18nc("@info:shell", "Port to listen on (0: any free port)."),
        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption address(QStringLiteral("address"), i18nc("@info:shell", "Address to listen on."),
        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption users(QStringLiteral("users"), i18nc("@info:shell", "Members on github.com."),
        QStringLiteral("count"), QStringLiteral("200"));
    const QCommandLineOption servers(QStringLiteral("servers"), i18nc("@info:shell", "Enterprise Server instances."),
        QStringLiteral("count"), QStringLiteral("3"));
    const QCommandLineOption seed(QStringLiteral("seed"), i18nc("@info:shell", "Seed of the generated data."),
        QStringLiteral("seed"), QStringLiteral("1"));
    const QCommandLineOption tls(QStringLiteral("tls"), i18nc("@info:shell", "Serve HTTPS with a generated test CA."));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), i18nc("@info:shell", "Added latency per request."),
        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption secondary(QStringLiteral("secondary-limit"),
        i18nc("@info:shell", "Secondary rate limit, N requests per S seconds."), QStringLiteral("N/S"));
    const QCommandLineOption primary(QStringLiteral("primary-limit"),
        i18nc("@info:shell", "Primary rate limit, N requests per S seconds."), QStringLiteral("N/S"));
    const QCommandLineOption errorRate(QStringLiteral("error-rate"),
        i18nc("@info:shell", "Share of requests answered with 502."), QStringLiteral("share"), QStringLiteral("0"));
    const QCommandLineOption githubLike(
        QStringLiteral("github-like"), i18nc("@info:shell", "No action endpoints, like real GitHub."));
    const QCommandLineOption token(QStringLiteral("token"),
        i18nc("@info:shell", "Token to require (default: generated)."), QStringLiteral("token"));
    const QCommandLineOption plain(QStringLiteral("plain-users"),
        i18nc("@info:shell", "Only members: no servers' extra seats, no Visual Studio subscriptions."));
    parser.addOptions(
        {port, address, users, servers, seed, tls, latency, secondary, primary, errorRate, githubLike, token, plain});
    parser.process(app);

    Glc::LabConfig config;
    config.port = quint16(parser.value(port).toUInt());
    config.address = QHostAddress(parser.value(address));
    config.users = parser.value(users).toInt();
    config.servers = parser.value(servers).toInt();
    config.seed = parser.value(seed).toUInt();
    config.tls = parser.isSet(tls);
    config.githubLike = parser.isSet(githubLike);
    config.token = parser.value(token);
    config.faults.latencyMs = parser.value(latency).toInt();
    config.faults.serverErrorRate = parser.value(errorRate).toDouble();
    if (parser.isSet(plain)) {
        config.visualStudioShare = 0;
        config.mismatchedEmailShare = 0;
        config.serverOnlyShare = 0;
        config.serverUserShare = 0;
    }
    if (parser.isSet(secondary) &&
        !parseRate(parser.value(secondary), &config.faults.secondaryLimit, &config.faults.secondaryWindowSeconds)) {
        parser.showHelp(2);
    }
    if (parser.isSet(primary) &&
        !parseRate(parser.value(primary), &config.faults.primaryLimit, &config.faults.primaryWindowSeconds)) {
        parser.showHelp(2);
    }
    Glc::LicenseLab lab(config);
    QString error;
    if (!lab.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(i18nc("@info:shell", "Cannot start the lab: %1", error)));
        return 1;
    }
    const QString output =
        i18nc("@info:shell", "URL: %1\nToken: %2\nEnterprise: %3\nConsumed licenses: %4\n", lab.url().toString(),
            lab.token(), lab.enterprise().slug(), lab.enterprise().consumedLicenses().totalSeatsConsumed);
    std::fputs(qPrintable(output), stdout);
    if (config.tls) {
        std::fputs(qPrintable(i18nc("@info:shell", "CA certificate: %1\n", lab.caCertificateFile())), stdout);
    }
    std::fflush(stdout);
    return app.exec();
}
