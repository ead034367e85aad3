// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Glc {
/// The text the store keeps of an Enterprise Server installation's user accounts.
namespace ServerAccountsText {
/// The accounts as the JSON array fromJson() reads.
QString toJson(const QList<ServerUserAccount> &accounts);
/// toJson()'s accounts; with `details` false only login, remote user id and profile name.
QList<ServerUserAccount> fromJson(const QString &json, bool details);
/// The accounts that have a profile name, one per line: remote user id, a tab, the name; backslash,
/// tab and newline escaped as \\, \t and \n.
QString profileNames(const QList<ServerUserAccount> &accounts);
/// Reads profileNames() into "host:remote user id" -> name.
void readProfileNames(QStringView text, const QString &host, QHash<QString, QString> *names);
} // namespace ServerAccountsText
} // namespace Glc
