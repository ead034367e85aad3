// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QNetworkProxy>
#include <QString>

#include <optional>

namespace Glc {
/// Tuning of GitHubClient; the defaults suit github.com.
struct GitHubClientOptions
{
    static constexpr int DefaultConcurrency = 4;
    static constexpr int MaxConcurrency = 16;
    int concurrency = DefaultConcurrency; ///< parallel requests, clamped to 1..MaxConcurrency
    int maxRetries = 3; ///< extra attempts of idempotent requests on 5xx and timeouts
    int maxRateLimitRetries = 8; ///< waits for a primary/secondary limit before giving up
    int transferTimeoutMs = 30000; ///< no data for this long: timeout
    int backoffBaseMs = 1000; ///< first backoff of 5xx and timeouts, doubled each time
    int maxWaitMs = 15 * 60 * 1000; ///< longer rate-limit waits fail with RateLimited
    /// First wait after a secondary limit without retry-after (GitHub: at least a minute), then doubled with
    /// jitter while the limit persists; smaller only in tests.
    int secondaryMinimumWaitMs = 60 * 1000;
    int perPage = 100;
    /// An answer longer than this is cut off and fails (TooLarge): GitHub's pages are a few hundred kilobytes,
    /// so only a wrong URL or a broken server sends more, and the console's memory is not its to fill.
    qint64 maxResponseBytes = 64 * 1024 * 1024;
    QString caFile; ///< extra CA certificate (PEM) added to the system's; also taken from the Connection
    std::optional<QNetworkProxy> proxy; ///< unset: the system proxy settings
};
} // namespace Glc
