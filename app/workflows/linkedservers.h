// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

namespace Glc {
class LicenseStore;

/// One view across the cloud and its servers: GitHub Enterprise Cloud reports neither a server's license
/// nor its version, a GitHub Enterprise Server connection to that server does.
namespace LinkedServers {
/// The licenses of the servers `snapshot` names (license sync status, installations) that have a GitHub
/// Enterprise Server connection of their own in `db`, each from that connection's newest snapshot unless
/// `snapshot` read that server later itself. Best effort: what cannot be read is left out. Empty for a
/// Server connection's own snapshot.
QList<ServerLicenseInfo> read(LicenseStore &db, const LicenseSnapshot &snapshot);
/// `own` (what the snapshot read itself) and `linked` (read()) together; a server in both is given as
/// `linked` has it, the newer read.
QList<ServerLicenseInfo> merged(const QList<ServerLicenseInfo> &own, const QList<ServerLicenseInfo> &linked);
} // namespace LinkedServers
} // namespace Glc
