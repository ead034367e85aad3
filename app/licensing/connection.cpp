// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connection.h"

#include <KLocalizedString>
#include <QRegularExpression>

namespace Glc {
QUrl Connection::restBase() const
{
    switch (kind) {
    case Kind::Lab:
        return labUrl;
    case Kind::Cloud:
        return gheComSubdomain.isEmpty() ? QUrl(QStringLiteral("https://api.github.com"))
                                         : QUrl(QStringLiteral("https://api.%1.ghe.com").arg(gheComSubdomain));
    case Kind::Server:
        return QUrl(QStringLiteral("https://%1/api/v3").arg(serverHost));
    }
    return {};
}

QUrl Connection::graphqlUrl() const
{
    switch (kind) {
    case Kind::Lab: {
        // Under the lab URL's path, like REST (e.g. the lab's /_lab/as-of/DATE view of its past).
        QUrl url = labUrl;
        QString path = url.path();
        if (path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
        }
        url.setPath(path + QLatin1String("/graphql"));
        return url;
    }
    case Kind::Cloud:
        return gheComSubdomain.isEmpty() ? QUrl(QStringLiteral("https://api.github.com/graphql"))
                                         : QUrl(QStringLiteral("https://api.%1.ghe.com/graphql").arg(gheComSubdomain));
    case Kind::Server:
        return QUrl(QStringLiteral("https://%1/api/graphql").arg(serverHost));
    }
    return {};
}

QUrl Connection::enterpriseLicensePage() const
{
    switch (kind) {
    case Kind::Lab: {
        QUrl url = labUrl;
        url.setPath(QStringLiteral("/enterprises/%1/settings/license").arg(enterpriseSlug));
        return url;
    }
    case Kind::Cloud: {
        const QString host = gheComSubdomain.isEmpty() ? QStringLiteral("github.com")
                                                       : QStringLiteral("%1.ghe.com").arg(gheComSubdomain);
        return QUrl(QStringLiteral("https://%1/enterprises/%2/settings/license").arg(host, enterpriseSlug));
    }
    case Kind::Server:
        return serverLicensePage(serverHost, enterpriseSlug);
    }
    return {};
}

QUrl Connection::serverLicensePage(const QString &host, const QString &slug)
{
    if (slug.isEmpty()) {
        return QUrl(QStringLiteral("https://%1/enterprises").arg(host));
    }
    return QUrl(QStringLiteral("https://%1/enterprises/%2/settings/license").arg(host, slug));
}

QString Connection::hostName(const QString &hostAndPort)
{
    const QString host = QUrl(QStringLiteral("https://") + hostAndPort, QUrl::StrictMode).host();
    return host.isEmpty() ? hostAndPort : host;
}

QString Connection::snapshotSource() const
{
    const QUrl base = restBase();
    switch (kind) {
    case Kind::Lab:
        return QStringLiteral("%1:%2").arg(base.host()).arg(base.port());
    case Kind::Cloud:
        return QStringLiteral("%1/enterprises/%2").arg(base.host(), enterpriseSlug);
    case Kind::Server:
        return serverHost;
    }
    return {};
}

QString Connection::sourceText(Kind kind, const QString &storedSource)
{
    if (kind != Kind::Lab || storedSource.isEmpty()) {
        return storedSource;
    }
    // Older snapshots stored the sentence in the language of the day ("license lab at 127.0.0.1:4123"):
    // keep only its HOST:PORT.
    static const QRegularExpression hostPort(QStringLiteral("([^\\s（）()]+:\\d+)"));
    const QRegularExpressionMatch match = hostPort.match(storedSource);
    return i18nc("@info source of a snapshot, %1 host:port", "license lab at %1",
        match.hasMatch() ? match.captured(1) : storedSource);
}

QString Connection::describe(const Connection &c)
{
    switch (c.kind) {
    case Kind::Cloud:
        return i18nc("@item connection, %1 name, %2 enterprise slug, %3 host", "%1 (enterprise %2 on %3)", c.name,
            c.enterpriseSlug,
            c.gheComSubdomain.isEmpty() ? QStringLiteral("github.com") : c.gheComSubdomain + QLatin1String(".ghe.com"));
    case Kind::Server:
        return i18nc("@item connection, %1 name, %2 host", "%1 (Enterprise Server %2)", c.name, c.serverHost);
    case Kind::Lab:
        return i18nc("@item connection, %1 name, %2 URL", "%1 (license lab at %2)", c.name,
            c.labUrl.isEmpty() ? i18nc("@item", "this computer") : c.labUrl.authority());
    }
    return c.name;
}
} // namespace Glc
