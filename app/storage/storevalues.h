// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Glc {
/// How the store keeps values in its columns, the same on SQLite and PostgreSQL: dates as UTC
/// milliseconds, empty texts and lists as NULL, lists joined, tri-states as -1, 0 and 1.
namespace StoreValues {
// Lists are stored joined by the ASCII unit separator: it never occurs in logins, e-mail
// addresses, host names or role names, and keeps a 300k-row snapshot compact and fast.
inline constexpr QChar ListSeparator(0x1f);

QVariant fromDate(const QDateTime &dt);
QDateTime toDate(const QVariant &v);
QVariant fromText(const QString &s);
QVariant fromOptional(const std::optional<int> &v);
std::optional<int> toOptional(const QVariant &v);
/// The items joined by ListSeparator (which is dropped from inside an item); NULL for no items.
QVariant joinList(const QStringList &list);
int fromTri(TriState t);
TriState toTri(const QVariant &v);

/// Shares repeated strings (license types, roles, organisations) so 300k rows stay small.
class Interner
{
public:
    QString intern(const QString &s);

private:
    QHash<QString, QString> m_pool;
};

/// joinList()'s text as its items, shared through `interner` when there is one.
QStringList splitList(const QString &joined, Interner *interner = nullptr);
} // namespace StoreValues
} // namespace Glc
