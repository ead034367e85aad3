// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "laboptions.h"

#include "lab/licenselab.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace Glc::LabOptions {
namespace {
// Upper bounds that keep a typo from generating an enterprise that does not fit in memory.
constexpr qint64 MaxUsers = 1000000;
constexpr qint64 MaxServers = 100;
constexpr qint64 MaxSeats = 10000000;
constexpr qint64 MaxMilliseconds = 3600000;

/// The token faults by their option value; "expired" answers like "bad", as GitHub does.
const QList<std::pair<QLatin1String, LabFaults::Token>> &tokenFaults()
{
    static const QList<std::pair<QLatin1String, LabFaults::Token>> faults = {
        {QLatin1String("bad"), LabFaults::Token::Bad},
        {QLatin1String("expired"), LabFaults::Token::Bad},
        {QLatin1String("sso"), LabFaults::Token::SsoRequired},
        {QLatin1String("missing-scope"), LabFaults::Token::MissingScope},
    };
    return faults;
}

/// The consumed-licenses link styles by their option value.
const QList<std::pair<QLatin1String, LabFaults::PageLinks>> &pageLinkStyles()
{
    static const QList<std::pair<QLatin1String, LabFaults::PageLinks>> styles = {
        {QLatin1String("numbered"), LabFaults::PageLinks::Numbered},
        {QLatin1String("no-last"), LabFaults::PageLinks::NoLast},
        {QLatin1String("cursors"), LabFaults::PageLinks::Cursors},
    };
    return styles;
}

QString dashed(const QString &name)
{
    return QLatin1String("--") + name;
}

/// Reads the options of one parser; the first bad value stops it with its message in the error.
class Reader
{
public:
    Reader(const QCommandLineParser &parser, QString *error)
        : m_parser(parser)
        , m_error(error)
    {
    }

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }

    template<typename T>
    bool wholeNumber(const QString &name, qint64 min, qint64 max, T *target)
    {
        if (!isSet(name)) {
            return true;
        }
        bool ok = false;
        const qint64 number = value(name).toLongLong(&ok);
        if (!ok || number < min || number > max) {
            return fail(
                i18nc("@info:shell %1 is an option such as --users", "%1 takes a whole number from %2 to %3, not “%4”.",
                    dashed(name), QString::number(min), QString::number(max), value(name)));
        }
        *target = T(number);
        return true;
    }

    bool share(const QString &name, double *target)
    {
        if (!isSet(name)) {
            return true;
        }
        bool ok = false;
        const double number = value(name).toDouble(&ok);
        if (!ok || !(number >= 0 && number <= 1)) {
            return fail(i18nc("@info:shell %1 is an option such as --vs-share",
                "%1 takes a share from 0 to 1, such as 0.05, not “%2”.", dashed(name), value(name)));
        }
        *target = number;
        return true;
    }

    /// "N/S" or "N" (S stays as it is): N requests per S seconds, both at least 1.
    bool rate(const QString &name, int *count, int *seconds)
    {
        if (!isSet(name)) {
            return true;
        }
        const QStringList parts = value(name).split(QLatin1Char('/'));
        bool okCount = false;
        bool okSeconds = true;
        const int n = parts.constFirst().toInt(&okCount);
        const int s = parts.size() == 2 ? parts.at(1).toInt(&okSeconds) : *seconds;
        if (parts.size() > 2 || !okCount || !okSeconds || n < 1 || s < 1) {
            return fail(i18nc("@info:shell %1 is an option such as --secondary-limit; keep N/S",
                "%1 takes N/S: at least 1 request per at least 1 second, such as 120/10, not “%2”.", dashed(name),
                value(name)));
        }
        *count = n;
        *seconds = s;
        return true;
    }

    bool text(const QString &name, QString *target)
    {
        if (!isSet(name)) {
            return true;
        }
        if (value(name).trimmed().isEmpty()) {
            return fail(i18nc("@info:shell %1 is an option such as --sync-error", "%1 takes a text that is not empty.",
                dashed(name)));
        }
        *target = value(name);
        return true;
    }

    /// One of the named @p choices.
    template<typename T>
    bool choice(const QString &name, const QList<std::pair<QLatin1String, T>> &choices, T *target)
    {
        if (!isSet(name)) {
            return true;
        }
        QStringList names;
        for (const auto &[choiceName, choiceValue] : choices) {
            names.append(choiceName);
            if (value(name) == choiceName) {
                *target = choiceValue;
                return true;
            }
        }
        return fail(i18nc("@info:shell %1 is an option, %2 the values it takes", "%1 takes one of %2, not “%3”.",
            dashed(name), names.join(QLatin1String(", ")), value(name)));
    }

    /// @p later only means something together with @p first.
    bool needs(const QString &later, const QStringList &first)
    {
        if (!isSet(later) || std::any_of(first.cbegin(), first.cend(), [this](const QString &n) { return isSet(n); })) {
            return true;
        }
        QStringList options;
        for (const QString &name : first) {
            options.append(dashed(name));
        }
        return fail(i18nc("@info:shell %1 is an option, %2 one or more others (“--error-rate or --fail-next”)",
            "%1 only works together with %2.", dashed(later),
            options.join(i18nc("@info:shell joins option names", " or "))));
    }

    bool fail(const QString &message)
    {
        *m_error = message;
        return false;
    }

private:
    const QCommandLineParser &m_parser;
    QString *const m_error;
};
} // namespace

void addOptions(QCommandLineParser &parser, const LabConfig &defaults)
{
    const QString count = i18nc("@info:shell value name", "count");
    const QString share = i18nc("@info:shell value name", "share");
    const QString ms = i18nc("@info:shell value name", "ms");
    const QString status = i18nc("@info:shell value name", "status");
    const auto number = [](double value) { return QString::number(value); };
    parser.addOptions({
        // Where it listens, and how it looks from outside.
        {QStringLiteral("port"), i18nc("@info:shell", "Port to listen on (0: any free port)."),
            i18nc("@info:shell value name", "port")},
        {QStringLiteral("address"),
            i18nc("@info:shell", "Address to listen on (default: %1).", defaults.address.toString()),
            i18nc("@info:shell value name", "address")},
        {QStringLiteral("tls"),
            i18nc("@info:shell", "Serve HTTPS with a generated test CA; its certificate file is printed.")},
        {QStringLiteral("token"), i18nc("@info:shell", "The token the lab accepts (default: generated from the seed)."),
            i18nc("@info:shell value name", "token")},
        {QStringLiteral("enterprise"),
            i18nc("@info:shell", "Slug of the enterprise (default: %1).", defaults.enterpriseSlug),
            i18nc("@info:shell value name", "slug")},
        {QStringLiteral("github-like"), i18nc("@info:shell", "No action endpoints, like real GitHub.")},
        {QStringLiteral("unlimited-seats"),
            i18nc("@info:shell", "The Enterprise Server license API reports unlimited seats.")},
        // The generated enterprise: the same seed and sizes always give the same one.
        {QStringLiteral("seed"),
            i18nc("@info:shell", "Seed of the generated data (default: %1).", QString::number(defaults.seed)),
            i18nc("@info:shell value name", "seed")},
        {QStringLiteral("users"),
            i18nc("@info:shell", "Members on github.com, 0 to %1 (default: %2).", QString::number(MaxUsers),
                QString::number(defaults.users)),
            count},
        {QStringLiteral("servers"),
            i18nc("@info:shell", "Enterprise Server instances, 0 to %1 (default: %2).", QString::number(MaxServers),
                QString::number(defaults.servers)),
            count},
        {QStringLiteral("server-names"),
            i18nc("@info:shell",
                "Host names of the servers, first to last, separated by commas (default: ghes-1.lab.example, …). "
                "A server named after the host of a GitHub Enterprise Server connection is read through it."),
            i18nc("@info:shell value name", "hosts")},
        {QStringLiteral("seats"),
            i18nc("@info:shell", "Seats purchased (default: 10 % more than the seats consumed, rounded up to 100)."),
            count},
        {QStringLiteral("mismatched-share"),
            i18nc("@info:shell",
                "Share of server accounts whose primary e-mail matches no verified e-mail on github.com: each "
                "takes a seat of its own (default: %1).",
                number(defaults.mismatchedEmailShare)),
            share},
        {QStringLiteral("vs-share"),
            i18nc("@info:shell",
                "Share of members with a Visual Studio subscription; one in ten uses an e-mail their github.com "
                "account has not verified and takes a seat of its own (default: %1).",
                number(defaults.visualStudioShare)),
            share},
        {QStringLiteral("server-user-share"),
            i18nc("@info:shell", "Share of members with an account on each server (default: %1).",
                number(defaults.serverUserShare)),
            share},
        {QStringLiteral("server-only-share"),
            i18nc("@info:shell",
                "Accounts of people not on github.com on each server, as a share of the members (default: %1).",
                number(defaults.serverOnlyShare)),
            share},
        {QStringLiteral("pending-invite-share"),
            i18nc("@info:shell", "Share of members only invited to their organization (default: %1).",
                number(defaults.pendingInviteShare)),
            share},
        {QStringLiteral("suspended-share"),
            i18nc("@info:shell", "Share of server accounts that are suspended (default: %1).",
                number(defaults.suspendedShare)),
            share},
        {QStringLiteral("plain-users"),
            i18nc("@info:shell",
                "Only members: no server accounts, no Visual Studio subscriptions (share options given as well "
                "still apply).")},
        {QStringLiteral("extra-emails-every"),
            i18nc("@info:shell",
                "Every Nth account of each server has %1 more e-mails besides its primary one, which GitHub lists "
                "before it: more than one page of e-mails (default: 0, none).",
                QString::number(defaults.extraEmails)),
            count},
        {QStringLiteral("history-days"),
            i18nc("@info:shell",
                "Some members joined within these last days, so the enterprise's past (/_lab/as-of/DATE/...) "
                "has fewer seats (default: %1).",
                QString::number(defaults.historyDays)),
            i18nc("@info:shell value name", "days")},
        {QStringLiteral("recent-join-share"),
            i18nc("@info:shell", "Share of members who joined within --history-days (default: %1).",
                number(defaults.recentJoinShare)),
            share},
        {QStringLiteral("sync-duration-ms"),
            i18nc("@info:shell", "How long a Sync now or an upload takes, in milliseconds (default: %1).",
                QString::number(defaults.syncDurationMs)),
            ms},
        // Faults.
        {QStringLiteral("latency-ms"), i18nc("@info:shell", "Added latency per request."), ms},
        {QStringLiteral("error-rate"),
            i18nc("@info:shell", "Share of API requests answered with a server error (seeded, reproducible)."), share},
        {QStringLiteral("fail-next"), i18nc("@info:shell", "The first N API requests fail with a server error."),
            count},
        {QStringLiteral("error-status"),
            i18nc("@info:shell", "Status of those server errors, 500 to 599 (default: %1).",
                QString::number(defaults.faults.failStatus)),
            status},
        {QStringLiteral("error-retry-after"),
            i18nc("@info:shell", "Those server errors carry retry-after: come back after this many seconds."),
            i18nc("@info:shell value name", "seconds")},
        {QStringLiteral("retry-after-date"),
            i18nc("@info:shell",
                "Every retry-after as an HTTP date (such as Wed, 21 Oct 2015 07:28:00 GMT) instead of seconds.")},
        {QStringLiteral("primary-limit"),
            i18nc("@info:shell",
                "Primary rate limit, N requests per S seconds for each resource (core, graphql); then 403 with "
                "x-ratelimit-remaining 0 until the reset (S defaults to %1).",
                QString::number(defaults.faults.primaryWindowSeconds)),
            QStringLiteral("N/S")},
        {QStringLiteral("secondary-limit"),
            i18nc("@info:shell",
                "Secondary rate limit, N requests per S seconds; then 403 with retry-after (S defaults to %1).",
                QString::number(defaults.faults.secondaryWindowSeconds)),
            QStringLiteral("N/S")},
        {QStringLiteral("secondary-status"),
            i18nc("@info:shell", "Status of the secondary rate limit's answers: 403 or 429 (GitHub uses both)."),
            status},
        {QStringLiteral("no-retry-after"),
            i18nc("@info:shell",
                "Secondary rate limit answers without retry-after: the client has to wait a minute by itself.")},
        {QStringLiteral("graphql-rate-limited"),
            i18nc("@info:shell",
                "The first N GraphQL queries find the budget spent by another client of the token: HTTP 200 with "
                "an error of type RATE_LIMITED, as GitHub answers."),
            count},
        {QStringLiteral("truncated-rate"),
            i18nc("@info:shell", "Share of successful API answers whose JSON is cut in half (seeded)."), share},
        {QStringLiteral("token-fault"),
            i18nc("@info:shell keep the values bad, expired, sso and missing-scope",
                "Refuse the token: bad (401 Bad credentials), expired (the same answer, as GitHub gives it), sso "
                "(403 with X-GitHub-SSO: required) or missing-scope (403, the token lacks read:enterprise)."),
            i18nc("@info:shell value name", "kind")},
        {QStringLiteral("forced-status"),
            i18nc("@info:shell", "Answer every API request with this status, 400 to 599 (such as 410 or 422)."),
            status},
        {QStringLiteral("empty-two-factor-every"),
            i18nc("@info:shell",
                "Every Nth consumed-license row says \"github_com_two_factor_auth\": \"\" (a wrong-typed value "
                "GitHub's own examples show)."),
            i18nc("@info:shell value name", "n")},
        {QStringLiteral("page-links"),
            i18nc("@info:shell keep the values numbered, no-last and cursors",
                "How consumed-licenses links its pages: numbered (with a last page, as GitHub does), no-last "
                "(numbered, without a last link) or cursors (?after= and ?before=, with a last link that names no "
                "page)."),
            i18nc("@info:shell value name", "kind")},
        {QStringLiteral("redirect-to"),
            i18nc("@info:shell", "Redirect every API request to this URL, with the same path and query."),
            i18nc("@info:shell value name", "url")},
        {QStringLiteral("sync-error"),
            i18nc("@info:shell", "Every Sync now and automatic sync fails with this error text."),
            i18nc("@info:shell value name", "text")},
        {QStringLiteral("graphql-error"),
            i18nc("@info:shell", "Every GraphQL query fails with this message (HTTP 200, as GitHub answers)."),
            i18nc("@info:shell value name", "text")},
    });
}

bool apply(const QCommandLineParser &parser, LabConfig *config, QString *error)
{
    Reader read(parser, error);
    LabConfig result = *config;
    LabFaults &faults = result.faults;
    if (parser.isSet(QStringLiteral("plain-users"))) {
        result.visualStudioShare = 0;
        result.mismatchedEmailShare = 0;
        result.serverOnlyShare = 0;
        result.serverUserShare = 0;
    }
    if (!read.wholeNumber(QStringLiteral("port"), 0, 65535, &result.port) ||
        !read.wholeNumber(QStringLiteral("seed"), 0, std::numeric_limits<quint32>::max(), &result.seed) ||
        !read.wholeNumber(QStringLiteral("users"), 0, MaxUsers, &result.users) ||
        !read.wholeNumber(QStringLiteral("servers"), 0, MaxServers, &result.servers) ||
        !read.wholeNumber(QStringLiteral("seats"), 0, MaxSeats, &result.seatsPurchased) ||
        !read.wholeNumber(QStringLiteral("sync-duration-ms"), 0, MaxMilliseconds, &result.syncDurationMs) ||
        !read.wholeNumber(QStringLiteral("extra-emails-every"), 0, MaxUsers, &result.extraEmailsEvery) ||
        !read.wholeNumber(QStringLiteral("history-days"), 1, 3660, &result.historyDays) ||
        !read.share(QStringLiteral("recent-join-share"), &result.recentJoinShare) ||
        !read.share(QStringLiteral("mismatched-share"), &result.mismatchedEmailShare) ||
        !read.share(QStringLiteral("vs-share"), &result.visualStudioShare) ||
        !read.share(QStringLiteral("server-user-share"), &result.serverUserShare) ||
        !read.share(QStringLiteral("server-only-share"), &result.serverOnlyShare) ||
        !read.share(QStringLiteral("pending-invite-share"), &result.pendingInviteShare) ||
        !read.share(QStringLiteral("suspended-share"), &result.suspendedShare) ||
        !read.wholeNumber(QStringLiteral("latency-ms"), 0, MaxMilliseconds, &faults.latencyMs) ||
        !read.share(QStringLiteral("error-rate"), &faults.serverErrorRate) ||
        !read.wholeNumber(QStringLiteral("fail-next"), 0, std::numeric_limits<int>::max(), &faults.failNextRequests) ||
        !read.wholeNumber(QStringLiteral("error-status"), 500, 599, &faults.failStatus) ||
        !read.wholeNumber(
            QStringLiteral("error-retry-after"), 1, MaxMilliseconds / 1000, &faults.serverErrorRetryAfterSeconds) ||
        !read.rate(QStringLiteral("primary-limit"), &faults.primaryLimit, &faults.primaryWindowSeconds) ||
        !read.rate(QStringLiteral("secondary-limit"), &faults.secondaryLimit, &faults.secondaryWindowSeconds) ||
        !read.share(QStringLiteral("truncated-rate"), &faults.truncatedBodyRate) ||
        !read.wholeNumber(QStringLiteral("graphql-rate-limited"), 0, std::numeric_limits<int>::max(),
            &faults.graphQlRateLimitedRequests) ||
        !read.wholeNumber(QStringLiteral("forced-status"), 400, 599, &faults.forcedStatus) ||
        !read.wholeNumber(QStringLiteral("empty-two-factor-every"), 0, std::numeric_limits<int>::max(),
            &faults.emptyTwoFactorEvery) ||
        !read.text(QStringLiteral("sync-error"), &faults.syncError) ||
        !read.text(QStringLiteral("graphql-error"), &faults.graphQlError) ||
        !read.needs(QStringLiteral("error-status"), {QStringLiteral("error-rate"), QStringLiteral("fail-next")}) ||
        !read.needs(QStringLiteral("error-retry-after"), {QStringLiteral("error-rate"), QStringLiteral("fail-next")}) ||
        !read.needs(QStringLiteral("retry-after-date"),
            {QStringLiteral("secondary-limit"), QStringLiteral("error-retry-after")}) ||
        !read.needs(QStringLiteral("secondary-status"), {QStringLiteral("secondary-limit")}) ||
        !read.needs(QStringLiteral("no-retry-after"), {QStringLiteral("secondary-limit")})) {
        return false;
    }
    if (read.isSet(QStringLiteral("address"))) {
        const QString text = read.value(QStringLiteral("address"));
        if (!result.address.setAddress(text)) {
            return read.fail(i18nc("@info:shell %1 is the option --address",
                "%1 takes an IP address such as 127.0.0.1, not “%2”.", dashed(QStringLiteral("address")), text));
        }
    }
    if (read.isSet(QStringLiteral("token"))) {
        // It goes into an Authorization header: printable ASCII, no spaces.
        static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7e]+$"));
        result.token = read.value(QStringLiteral("token"));
        if (!printable.match(result.token).hasMatch()) {
            return read.fail(i18nc("@info:shell %1 is the option --token",
                "%1 takes printable ASCII characters without spaces.", dashed(QStringLiteral("token"))));
        }
    }
    if (read.isSet(QStringLiteral("server-names"))) {
        static const QRegularExpression hostName(QStringLiteral(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
        const QStringList names = read.value(QStringLiteral("server-names")).split(QLatin1Char(','));
        QStringList lowered;
        for (const QString &name : names) {
            if (!hostName.match(name.trimmed()).hasMatch() || lowered.contains(name.trimmed().toLower())) {
                return read.fail(i18nc("@info:shell %1 is the option --server-names",
                    "%1 takes distinct host names separated by commas, such as ghes.example.com,127.0.0.1, not “%2”.",
                    dashed(QStringLiteral("server-names")), name));
            }
            lowered.append(name.trimmed().toLower());
        }
        if (names.size() > result.servers) {
            return read.fail(i18ncp("@info:shell %2 is the option --server-names, %3 the number of names",
                "%2 names %3 servers, but the lab has %1 server.", "%2 names %3 servers, but the lab has %1 servers.",
                result.servers, dashed(QStringLiteral("server-names")), int(names.size())));
        }
        result.serverHostnames.clear();
        for (const QString &name : names) {
            result.serverHostnames.append(name.trimmed());
        }
    }
    if (read.isSet(QStringLiteral("enterprise"))) {
        static const QRegularExpression slug(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$"));
        const QString text = read.value(QStringLiteral("enterprise"));
        if (!slug.match(text).hasMatch()) {
            return read.fail(i18nc("@info:shell %1 is the option --enterprise",
                "%1 takes letters, digits and inner hyphens, such as acme-corp, not “%2”.",
                dashed(QStringLiteral("enterprise")), text));
        }
        result.enterpriseSlug = text;
    }
    if (read.isSet(QStringLiteral("secondary-status"))) {
        const QString text = read.value(QStringLiteral("secondary-status"));
        if (text != QLatin1String("403") && text != QLatin1String("429")) {
            return read.fail(
                i18nc("@info:shell %1 is an option, %2 the values it takes", "%1 takes one of %2, not “%3”.",
                    dashed(QStringLiteral("secondary-status")), QStringLiteral("403, 429"), text));
        }
        faults.secondaryStatus = text.toInt();
    }
    if (!read.choice(QStringLiteral("token-fault"), tokenFaults(), &faults.token) ||
        !read.choice(QStringLiteral("page-links"), pageLinkStyles(), &faults.pageLinks)) {
        return false;
    }
    if (read.isSet(QStringLiteral("redirect-to"))) {
        const QString text = read.value(QStringLiteral("redirect-to"));
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            return read.fail(i18nc("@info:shell %1 is the option --redirect-to",
                "%1 takes an http:// or https:// URL with a host, not “%2”.", dashed(QStringLiteral("redirect-to")),
                text));
        }
        faults.redirectTo = url;
    }
    faults.secondaryRetryAfter = !read.isSet(QStringLiteral("no-retry-after")) && faults.secondaryRetryAfter;
    faults.retryAfterDate = faults.retryAfterDate || read.isSet(QStringLiteral("retry-after-date"));
    result.tls = result.tls || read.isSet(QStringLiteral("tls"));
    result.githubLike = result.githubLike || read.isSet(QStringLiteral("github-like"));
    result.unlimitedServerSeats = result.unlimitedServerSeats || read.isSet(QStringLiteral("unlimited-seats"));
    *config = result;
    return true;
}

QStringList startedLines(LicenseLab &lab)
{
    // Scripts parse these lines (README): like JSON's keys, the labels stay the same in every language, and
    // numbers have no digit grouping.
    QStringList lines{QStringLiteral("URL: %1").arg(lab.url().toString()), QStringLiteral("Token: %1").arg(lab.token()),
        QStringLiteral("Enterprise: %1").arg(lab.enterprise().slug()),
        QStringLiteral("Consumed licenses: %1").arg(lab.enterprise().consumedLicenses().totalSeatsConsumed)};
    if (lab.config().tls) {
        lines.append(QStringLiteral("CA certificate: %1").arg(lab.caCertificateFile()));
    }
    return lines;
}
} // namespace Glc::LabOptions
