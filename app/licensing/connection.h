// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>
#include <QUrl>

namespace Glc {
/// Where the console gets its data and how it may act. Holds no secret: tokens live in the
/// keychain (TokenStore) or come from the environment.
struct Connection
{
    enum class Kind : qint8 {
        Lab, ///< the built-in license lab (automatic actions)
        Cloud, ///< GitHub Enterprise Cloud: github.com or a GHE.com subdomain, with an enterprise slug
        Server, ///< GitHub Enterprise Server: a host
    };

    /// How to reach a GHES admin shell for "Export license usage" (ssh -p 122 admin@host).
    struct AdminShell
    {
        bool enabled = false;
        QString user = QStringLiteral("admin");
        int port = 122;
        QString identityFile; ///< optional; empty uses the user's keys and agent
        QString command; ///< empty: chosen from the installed version (ghe-license usage / ghe-license-usage)

        bool operator==(const AdminShell &) const = default;
    };

    QString id; ///< stable key, e.g. a UUID
    QString name; ///< shown to the user
    Kind kind = Kind::Lab;
    QString gheComSubdomain; ///< Cloud only: empty for github.com, else SUBDOMAIN of SUBDOMAIN.ghe.com
    QString enterpriseSlug; ///< Cloud and Lab; for Server the slug in its Enterprise settings URL (optional)
    QString serverHost; ///< Server only
    QString caFile; ///< Server only: extra CA certificate (PEM) for a private CA
    AdminShell adminShell; ///< Server only
    QUrl labUrl; ///< Lab only: base URL when an external lab is used; empty: in-process lab

    /// REST base: https://api.github.com, https://api.SUB.ghe.com, https://HOST/api/v3, or the lab URL.
    QUrl restBase() const;
    /// GraphQL endpoint.
    QUrl graphqlUrl() const;
    /// Web page of the enterprise's License settings (GHEC), where "Add server usage" lives.
    QUrl enterpriseLicensePage() const;
    /// Web page of a GHES instance's License settings (Sync now, Export license usage):
    /// https://HOST/enterprises/SLUG/settings/license, or the instance's enterprise list when the
    /// slug on that server is not known (the admin picks the enterprise there).
    static QUrl serverLicensePage(const QString &host, const QString &slug = {});
    /// The host name of a server's `HOST[:PORT]` (as serverHost holds it; `[::1]:8443` gives `::1`): what ssh
    /// reaches, what a usage file names and what file names carry.
    static QString hostName(const QString &hostAndPort);

    /// Where a snapshot of this connection comes from, in words that do not depend on the language
    /// (stored with the snapshot, printed by the CLI's JSON): the lab's HOST:PORT,
    /// api.github.com/enterprises/SLUG, or the server's host.
    QString snapshotSource() const;
    /// A stored snapshot source as the interface shows it, in the current language (for the lab:
    /// "license lab at HOST:PORT").
    static QString sourceText(Kind kind, const QString &storedSource);
    /// The connection in a few translated words for a menu: its name and where it points.
    static QString describe(const Connection &connection);

    bool operator==(const Connection &) const = default;
};
} // namespace Glc
