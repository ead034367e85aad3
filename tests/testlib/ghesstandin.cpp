// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "ghesstandin.h"

#include "lab/licenselab.h"

namespace Glc::Test {
bool GhesStandIn::start(QString *error)
{
    LabConfig config;
    config.users = 40;
    config.servers = 0;
    config.tls = true;
    config.seed = 7;
    if (!m_host.start(config, error)) {
        return false;
    }
    m_host.runInLab([this](LicenseLab *lab) {
        m_caFile = lab->caCertificateFile();
        m_seatsUsed = lab->enterprise().consumedLicenses().totalSeatsConsumed;
    });
    return true;
}

Connection GhesStandIn::connection(const QString &id) const
{
    Connection server;
    server.id = id;
    server.name = id;
    server.kind = Connection::Kind::Server;
    server.serverHost = QStringLiteral("127.0.0.1:%1").arg(m_host.url().port());
    server.caFile = m_caFile;
    return server;
}
} // namespace Glc::Test
