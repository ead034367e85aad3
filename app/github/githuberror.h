// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QByteArray>
#include <QString>

namespace Glc {
/// One typed error for everything that can go wrong talking to GitHub, with a translated message and the
/// admin's next step.
class GitHubError
{
public:
    enum class Kind : qint8 {
        None,
        BadToken, ///< 401: bad or expired token
        MissingScope, ///< 403: the token lacks read:enterprise
        SsoRequired, ///< 403: SAML SSO not authorized for the token (ssoUrl)
        NotFound, ///< 404: not an enterprise owner, or wrong slug; on a server (serverHost): not a site administrator
        ApiVersionRetired, ///< 410
        Validation, ///< 422
        ServerError, ///< 5xx
        RateLimited, ///< primary or secondary limit, retries exhausted
        OtherHttp, ///< any other HTTP status
        HostNotFound, ///< DNS
        ConnectionRefused,
        Tls, ///< certificate problem (certificateDetails)
        Proxy,
        Timeout,
        Cancelled,
        Malformed, ///< the answer is not the JSON expected (e.g. truncated)
        Network, ///< any other network failure
        GraphQl, ///< a GraphQL error of a type without a meaning of its own (serverMessage: GitHub's text)
        CaFile, ///< the connection's CA certificate file cannot be used (serverMessage: why); nothing was sent
        /// 403 not about the token's scopes or SSO: an IP allow list, a policy, a token type the endpoint
        /// does not take (serverMessage: GitHub's words)
        Forbidden,
        TooLarge, ///< the answer was longer than the client takes (serverMessage: the limit, as a size)
    };

    GitHubError() = default;
    explicit GitHubError(Kind kind)
        : kind(kind)
    {
    }

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString url; ///< the request URL (never carries a token)
    QString serverMessage; ///< GitHub's "message", or the network layer's text
    QString ssoUrl; ///< from X-GitHub-SSO
    QString certificateDetails; ///< subject, issuer, validity, errors
    QString acceptedScopes; ///< X-Accepted-OAuth-Scopes
    /// The host of a GitHub Enterprise Server connection (empty for Cloud and the lab): there a 404 means the
    /// token's account is no site administrator, since the server's endpoints take no enterprise slug.
    QString serverHost;

    bool isError() const { return kind != Kind::None; }
    /// Worth another attempt later (5xx, timeouts, rate limits).
    bool isTransient() const;
    QString message() const;
    QString nextStep() const;
    /// The authorization URL in an X-GitHub-SSO header ("required; url=..."), empty when it has none.
    static QString ssoUrlFromHeader(const QByteArray &header);
};
} // namespace Glc
