// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "hostorder.h"

#include "licensevalues.h"

#include <algorithm>

namespace Glc::HostOrder {
namespace {
bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

/// The end of the run of digits starting at @p from.
qsizetype digitsEnd(QStringView s, qsizetype from)
{
    while (from < s.size() && isDigit(s.at(from))) {
        ++from;
    }
    return from;
}
} // namespace

int compare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a.at(i)) && isDigit(b.at(j))) {
            const qsizetype aEnd = digitsEnd(a, i);
            const qsizetype bEnd = digitsEnd(b, j);
            // By value: without leading zeros, the longer number is the larger; of equal length, the first digit
            // that differs decides. Any length, no overflow.
            QStringView x = a.sliced(i, aEnd - i);
            QStringView y = b.sliced(j, bEnd - j);
            while (x.size() > 1 && x.front() == QLatin1Char('0')) {
                x = x.sliced(1);
            }
            while (y.size() > 1 && y.front() == QLatin1Char('0')) {
                y = y.sliced(1);
            }
            if (x.size() != y.size()) {
                return x.size() < y.size() ? -1 : 1;
            }
            if (const int byDigits = x.compare(y); byDigits != 0) {
                return byDigits;
            }
            i = aEnd;
            j = bEnd;
            continue;
        }
        const QChar x = a.at(i).toCaseFolded();
        const QChar y = b.at(j).toCaseFolded();
        if (x != y) {
            return x < y ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) {
        return i < a.size() ? 1 : -1; // a prefix first
    }
    return a.compare(b); // "GHES-1" and "ghes-01": still an order
}

void sort(QStringList &hosts)
{
    std::stable_sort(hosts.begin(), hosts.end(), lessThan);
}

void sortServers(LicenseSnapshot &snapshot)
{
    sortBy(snapshot.syncStatus, [](const LicenseSyncStatus &s) { return s.hostname; });
    sortBy(snapshot.serverLicenses, [](const ServerLicenseInfo &l) { return l.hostname; });
    sortBy(snapshot.installations, [](const EnterpriseServerInstallation &i) { return i.hostName; });
}
} // namespace Glc::HostOrder
