// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "applicationinfo.h"

#include "glc_version.h"

#include <KLocalizedString>
#include <QCoreApplication>

namespace Glc::ApplicationInfo {
QString desktopId()
{
    return QStringLiteral("org.ghelicenseconsole.Console");
}

void apply()
{
    QCoreApplication::setApplicationName(QStringLiteral("ghe-license-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GLC_VERSION_STRING));
    QCoreApplication::setOrganizationName(QStringLiteral("ghe-license-console"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("ghelicenseconsole.org"));
}

QString displayName()
{
    return i18nc("@title product name", "GHE License Console");
}

QString userAgent()
{
    return QStringLiteral("ghe-license-console/%1 (Qt %2)")
        .arg(QStringLiteral(GLC_VERSION_STRING), QString::fromLatin1(qVersion()));
}
} // namespace Glc::ApplicationInfo
