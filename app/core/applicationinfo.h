// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>

namespace Glc {
/// Identity of the product, shared by the console, the CLI and the lab.
namespace ApplicationInfo {
/// Reverse-DNS id: desktop file, AppStream component and icon name.
QString desktopId();
/// Sets application name, version, organization and domain on QCoreApplication.
void apply();
/// "GHE License Console" translated.
QString displayName();
/// "ghe-license-console/0.1.0 (+Qt 6.8.2)" for HTTP User-Agent headers.
QString userAgent();
} // namespace ApplicationInfo
} // namespace Glc
