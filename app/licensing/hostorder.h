// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QStringList>
#include <QStringView>

#include <algorithm>

namespace Glc {
struct LicenseSnapshot;

/// The order servers are listed in, everywhere (cards, menus, filters, reports): host names as people number
/// them - "ghes-2" before "ghes-10" - letters without regard to case. The same on every machine and in every
/// language (no collation tables involved).
namespace HostOrder {
/// Negative, zero or positive as @p a comes before, with or after @p b. Runs of digits compare by their value
/// (leading zeros aside), everything else character by character, case-folded; names equal that way compare
/// as they are, so the order is total.
int compare(QStringView a, QStringView b);
inline bool lessThan(QStringView a, QStringView b)
{
    return compare(a, b) < 0;
}
void sort(QStringList &hosts);
/// Sorts @p items by the host name @p hostOf gives for each.
template<typename List, typename HostOf>
void sortBy(List &items, HostOf hostOf)
{
    std::stable_sort(items.begin(), items.end(),
        [&hostOf](const auto &a, const auto &b) { return compare(hostOf(a), hostOf(b)) < 0; });
}
/// The snapshot's servers (their sync status, license files and installations) in host order: how the page, the
/// summary and the CLI list them, whatever order GitHub gave.
void sortServers(LicenseSnapshot &snapshot);
} // namespace HostOrder
} // namespace Glc
