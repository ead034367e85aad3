// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "storevalues.h"

#include <QTimeZone>

namespace Glc::StoreValues {
QVariant fromDate(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime toDate(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
}

QVariant fromText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QVariant fromOptional(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<int> toOptional(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

QVariant joinList(const QStringList &list)
{
    if (list.isEmpty()) {
        return QVariant(QMetaType(QMetaType::QString));
    }
    if (list.size() == 1) {
        return QVariant(QString(list.first()).remove(ListSeparator));
    }
    qsizetype size = list.size();
    for (const QString &s : list) {
        size += s.size();
    }
    QString joined;
    joined.reserve(size);
    for (const QString &s : list) {
        if (!joined.isEmpty() || &s != &list.first()) {
            joined.append(ListSeparator);
        }
        if (s.contains(ListSeparator)) {
            joined.append(QString(s).remove(ListSeparator));
        } else {
            joined.append(s);
        }
    }
    return QVariant(joined);
}

QString Interner::intern(const QString &s)
{
    if (s.isEmpty()) {
        return {};
    }
    auto it = m_pool.constFind(s);
    if (it != m_pool.constEnd()) {
        return *it;
    }
    m_pool.insert(s, s);
    return s;
}

QStringList splitList(const QString &joined, Interner *interner)
{
    QStringList list;
    if (joined.isEmpty()) {
        return list;
    }
    if (!joined.contains(ListSeparator)) {
        list.append(interner ? interner->intern(joined) : joined);
        return list;
    }
    const auto parts = QStringView(joined).split(ListSeparator);
    list.reserve(parts.size());
    for (const QStringView part : parts) {
        list.append(interner ? interner->intern(part.toString()) : part.toString());
    }
    return list;
}

int fromTri(TriState t)
{
    return static_cast<int>(t);
}

TriState toTri(const QVariant &v)
{
    if (v.isNull()) {
        return TriState::Unknown;
    }
    const int i = v.toInt();
    return i > 0 ? TriState::Yes : (i == 0 ? TriState::No : TriState::Unknown);
}
} // namespace Glc::StoreValues
