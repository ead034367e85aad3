// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "workflows/labhost.h"

#include <QString>

namespace Glc::Test {
/// A second lab on 127.0.0.1, behind its test CA, that stands in for one GitHub Enterprise Server: a
/// connection to it reads its license (its own members' seats) and its version. It has no servers of its
/// own, so its version is the lab's default (Version), not that of any server the enterprise lab simulates.
class GhesStandIn
{
public:
    static inline const QString Version = QStringLiteral("3.15.2");

    /// Starts it; false with the reason in `error`.
    bool start(QString *error);
    /// The seats its license reports in use.
    int seatsUsed() const { return m_seatsUsed; }
    QString token() const { return m_host.token(); }
    /// A GitHub Enterprise Server connection to it (host 127.0.0.1:PORT, its CA file), id and name `id`.
    Connection connection(const QString &id) const;

private:
    LabHost m_host;
    QString m_caFile;
    int m_seatsUsed = 0;
};
} // namespace Glc::Test
