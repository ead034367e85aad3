// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "licensing/licensevalues.h"

#include <QList>
#include <QString>

namespace Glc::StoredHistory {
/// One snapshot to store: taken `daysAgo` days before now, with these seats (their number is the
/// seats consumed) of `purchased` seats.
struct Entry
{
    int daysAgo = 0;
    QList<ConsumedLicense> seats;
    int purchased = 10;
};

/// The built-in lab's connection as the console and the CLI store it (id and name "lab").
Connection builtInLab();
/// A seat: a github.com login (empty: server-only) with these server accounts ("host:id").
ConsumedLicense seat(const QString &login, const QStringList &serverUserIds = {});
/// Saves `connection` and writes one snapshot per entry into the store at `location`; the ids written,
/// in order (empty when something failed: the reason is printed as a test warning).
QList<qint64> write(const QString &location, const Connection &connection, const QList<Entry> &entries);
/// A GitHub Enterprise Server connection to `host` (id and name `id`) and one snapshot of it taken now, as its
/// refresh writes it: `license` (for `host`) and the seats from it. The snapshot's id; 0 when something failed.
qint64 writeServerLicense(const QString &location, const QString &id, const QString &host, ServerLicenseInfo license);
} // namespace Glc::StoredHistory
