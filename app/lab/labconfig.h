// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Glc {
/// Faults the lab injects; changeable while it runs (LicenseLab::setFaults).
struct LabFaults
{
    enum class Token : qint8 {
        Valid,
        Bad, ///< 401 Bad credentials (also an expired token)
        SsoRequired, ///< 403 with X-GitHub-SSO: required; url=...
        MissingScope, ///< 403 without read:enterprise
    };

    /// How consumed-licenses links its pages in the Link header.
    enum class PageLinks : qint8 {
        Numbered, ///< ?page=N, with "last" naming the last page (GitHub's way for this endpoint)
        NoLast, ///< ?page=N, but only "next", "prev" and "first"
        Cursors, ///< ?after=CURSOR and ?before=CURSOR, with a "last" link that names no page
    };

    int latencyMs = 0; ///< added to every response
    double serverErrorRate = 0; ///< share of API requests answered 502 (seeded, reproducible)
    int failNextRequests = 0; ///< the next N API requests fail with failStatus
    int failStatus = 502;
    /// Above 0: those server errors carry retry-after, this many seconds (as an overloaded server's 503 does).
    int serverErrorRetryAfterSeconds = 0;
    bool retryAfterDate = false; ///< every retry-after as an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), not seconds
    int primaryLimit =
        0; ///< requests per primaryWindowSeconds for each resource (core, graphql); 0: 5000, not enforced
    int primaryWindowSeconds = 60;
    int secondaryLimit = 0; ///< requests per secondaryWindowSeconds, then 403 + retry-after; 0: off
    int secondaryWindowSeconds = 10;
    int secondaryStatus = 403; ///< 403 or 429, GitHub uses both for secondary limits
    bool secondaryRetryAfter = true; ///< false: no retry-after header, the client must wait secondaryQuietMs
    int secondaryQuietMs = 60000; ///< GitHub: without retry-after, wait at least a minute
    double truncatedBodyRate = 0; ///< share of successful API answers whose JSON body is cut in half (seeded)
    Token token = Token::Valid;
    int forcedStatus = 0; ///< e.g. 404 (a server to no site administrator), 410 or 422 for every API request; 0: off
    /// Every Nth consumed-license row (by its place in the report; 0: none) says "github_com_two_factor_auth": ""
    /// - a wrong-typed value GitHub's own examples show, which a client must read leniently.
    int emptyTwoFactorEvery = 0;
    PageLinks pageLinks = PageLinks::Numbered;
    QUrl redirectTo; ///< when set, every API request is redirected there (same path and query)
    QString syncError; ///< when set, every Sync now job fails with this error text (like GitHub's)
    QString graphQlError; ///< when set, every GraphQL query fails with this message and no error type (HTTP 200)
    /// The next N GraphQL queries find the graphql budget spent by another client of the same token and get
    /// GitHub's answer to that: HTTP 200, an error of type graphQlRateLimitedType, and x-ratelimit-* saying
    /// graphQlRateLimitedRemaining until the window's reset (primaryLimit/primaryWindowSeconds; unset: an hour).
    int graphQlRateLimitedRequests = 0;
    QString graphQlRateLimitedType = QStringLiteral("RATE_LIMITED"); ///< documented; GitHub also says RATE_LIMIT
    /// Above 0: the query costs more points than remain, which GitHub refuses the same way.
    int graphQlRateLimitedRemaining = 0;
};

/// What the lab simulates. The same seed and sizes always give the same enterprise.
struct LabConfig
{
    quint32 seed = 1;
    int users = 200; ///< github.com members (with servers == 0 and no shares: exactly the consumed seats)
    int servers = 3;
    /// The servers' host names, first to last; those not given are ghes-N.lab.example. Tests name one after
    /// a second lab (127.0.0.1) that answers as that server's own GitHub Enterprise Server connection.
    QStringList serverHostnames;
    double mismatchedEmailShare = 0.05; ///< server accounts whose primary email matches no verified email
    double visualStudioShare = 0.05;
    double serverUserShare = 0.6; ///< members that also have accounts on the servers
    double serverOnlyShare = 0.02; ///< extra server accounts of people not on github.com
    double pendingInviteShare = 0.02;
    double suspendedShare = 0.03;
    /// Every Nth account of each server (by its id; 0: none) has extraEmails addresses beside its primary one,
    /// which sort before it (GitHub lists an account's emails by address, ten come with the account).
    int extraEmailsEvery = 0;
    int extraEmails = 22;
    /// Members who joined within the last historyDays (evenly over them, deterministic from the seed): the
    /// enterprise's past (LabEnterprise::asOf()) has fewer seats. The others joined long before.
    double recentJoinShare = 0.1;
    int historyDays = 84;
    int seatsPurchased = -1; ///< -1: 10% above the computed use, rounded up to 100
    /// The Enterprise Server API's license (`/enterprise/settings/license`) has no seat limit: "unlimited".
    bool unlimitedServerSeats = false;
    int syncDurationMs = 1500; ///< how long a "Sync now" job runs
    bool githubLike = false; ///< no API action endpoints, like real GitHub (browser stand-ins remain)
    QString enterpriseSlug = QStringLiteral("lab");
    QString token; ///< empty: generated from the seed
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0: any free port
    bool tls = false; ///< HTTPS with a generated test CA (needs the openssl command)
    LabFaults faults;
};
} // namespace Glc
