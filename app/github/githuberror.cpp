// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githuberror.h"

#include <KLocalizedString>

namespace Glc {
bool GitHubError::isTransient() const
{
    return kind == Kind::ServerError || kind == Kind::Timeout || kind == Kind::RateLimited;
}

QString GitHubError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::BadToken:
        return i18nc("@info", "GitHub refused the token: it is wrong, expired or revoked.");
    case Kind::MissingScope:
        return i18nc("@info", "The token lacks the read:enterprise scope needed to read license data.");
    case Kind::SsoRequired:
        return i18nc("@info", "The token is not authorized for this enterprise's SAML single sign-on.");
    case Kind::NotFound:
        if (!serverHost.isEmpty()) {
            return i18nc(
                "@info %1 host", "Not found: the token's account is not a site administrator of %1.", serverHost);
        }
        return i18nc("@info", "Not found: you are not an owner of this enterprise, or the enterprise slug is wrong.");
    case Kind::ApiVersionRetired:
        return i18nc("@info", "GitHub no longer supports the API version this console speaks.");
    case Kind::Validation:
        return i18nc("@info", "GitHub rejected the request as invalid: %1", serverMessage);
    case Kind::ServerError:
        return i18nc("@info", "GitHub had a server error (HTTP %1).", httpStatus);
    case Kind::RateLimited:
        return i18nc("@info", "GitHub's rate limit was reached and did not reset in time.");
    case Kind::OtherHttp:
        return i18nc("@info", "GitHub answered with HTTP %1: %2", httpStatus, serverMessage);
    case Kind::Forbidden:
        return i18nc("@info", "GitHub refused access: %1", serverMessage);
    case Kind::HostNotFound:
        return i18nc("@info", "The server's name could not be resolved (DNS).");
    case Kind::ConnectionRefused:
        return i18nc("@info", "The server refused the connection.");
    case Kind::Tls:
        return i18nc("@info", "The server's certificate is not trusted: %1", certificateDetails);
    case Kind::Proxy:
        return i18nc("@info", "The proxy failed: %1", serverMessage);
    case Kind::Timeout:
        return i18nc("@info", "The server did not answer in time.");
    case Kind::Cancelled:
        return i18nc("@info", "Cancelled.");
    case Kind::Malformed:
        return i18nc("@info", "The server's answer could not be read (incomplete or not the expected JSON).");
    case Kind::Network:
        return i18nc("@info", "Network error: %1", serverMessage);
    case Kind::CaFile:
        return i18nc("@info %1 why", "The connection's CA certificate file cannot be used: %1", serverMessage);
    case Kind::GraphQl:
        return i18nc("@info", "GitHub's GraphQL API reported an error: %1", serverMessage);
    case Kind::TooLarge:
        return i18nc("@info %1 a size such as 64 MiB",
            "The server's answer was longer than %1 and was not read: no page of GitHub's API is that long.",
            serverMessage);
    }
    return {};
}

QString GitHubError::nextStep() const
{
    switch (kind) {
    case Kind::None:
    case Kind::Cancelled:
        return {};
    case Kind::BadToken:
        return i18nc("@info", "Create a new personal access token and enter it in the connection settings.");
    case Kind::MissingScope:
        return i18nc("@info", "Edit the token on GitHub and add the read:enterprise scope.");
    case Kind::SsoRequired:
        return ssoUrl.isEmpty()
            ? i18nc("@info", "Authorize the token for single sign-on in your GitHub token settings.")
            : i18nc("@info", "Open %1 to authorize the token for single sign-on, then retry.", ssoUrl);
    case Kind::NotFound:
        if (!serverHost.isEmpty()) {
            return i18nc("@info %1 host",
                "Use a token of an account that is a site administrator of %1 (the server's license endpoints take "
                "no enterprise slug).",
                serverHost);
        }
        return i18nc(
            "@info", "Check the enterprise slug in the connection and that your account is an enterprise owner.");
    case Kind::ApiVersionRetired:
        return i18nc("@info", "Update GHE License Console.");
    case Kind::Validation:
        return i18nc("@info", "Check the connection settings; report a bug if they are right.");
    case Kind::ServerError:
    case Kind::Timeout:
        return i18nc("@info", "Retry in a few minutes; check githubstatus.com or the server's health.");
    case Kind::RateLimited:
        return i18nc("@info", "Wait until the rate limit resets, then retry.");
    case Kind::OtherHttp:
    case Kind::Malformed:
        return i18nc("@info", "Retry; if it persists, check the server URL.");
    case Kind::Forbidden:
        return i18nc("@info",
            "GitHub's words say why: an IP allow list, an enterprise or organization policy, or a token of a kind "
            "these endpoints do not take (they need a classic personal access token). Fix that, then try again.");
    case Kind::HostNotFound:
        return i18nc("@info", "Check the host name and your network or VPN.");
    case Kind::ConnectionRefused:
        return i18nc("@info", "Check the host and port, and that the server is running.");
    case Kind::Tls:
        return i18nc("@info",
            "If the server uses a private certificate authority, add its CA certificate file to the connection.");
    case Kind::Proxy:
        return i18nc("@info", "Check the system proxy settings.");
    case Kind::Network:
        return i18nc("@info", "Check your network connection and retry.");
    case Kind::CaFile:
        return i18nc("@info",
            "Choose a readable PEM file with the server's CA certificate for the connection, or clear the CA file "
            "field to use the system's certificate authorities only.");
    case Kind::GraphQl:
        return i18nc("@info", "Retry; if it persists, check the connection settings against GitHub's message.");
    case Kind::TooLarge:
        return i18nc("@info",
            "Check the connection's server URL: something other than GitHub's API (a proxy's or a web server's "
            "page) may be answering there.");
    }
    return {};
}

QString GitHubError::ssoUrlFromHeader(const QByteArray &header)
{
    const qsizetype at = header.indexOf("url=");
    return at >= 0 ? QString::fromLatin1(header.mid(at + 4).trimmed()) : QString();
}
} // namespace Glc
