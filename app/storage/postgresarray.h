// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "storevalues.h"

#include <QString>
#include <QStringList>

namespace Glc {
/// A PostgreSQL array literal (`{"a","b",NULL}`) built one element at a time, with the same
/// values the SQLite rows get (empty text and empty lists are NULL).
class PostgresArray
{
public:
    void begin()
    {
        m_text.clear();
        m_text.append(QLatin1Char('{'));
    }
    void addText(const QString &s)
    {
        separate();
        if (s.isEmpty()) {
            m_text.append(QLatin1String("NULL"));
            return;
        }
        m_text.append(QLatin1Char('"'));
        appendEscaped(s);
        m_text.append(QLatin1Char('"'));
    }
    void addList(const QStringList &list)
    {
        separate();
        // NULL where joinList() binds a null string: no items, or one null item.
        if (list.isEmpty() || (list.size() == 1 && list.first().isNull())) {
            m_text.append(QLatin1String("NULL"));
            return;
        }
        m_text.append(QLatin1Char('"'));
        bool first = true;
        for (const QString &s : list) {
            if (!first) {
                m_text.append(StoreValues::ListSeparator);
            }
            first = false;
            appendEscaped(s, true);
        }
        m_text.append(QLatin1Char('"'));
    }
    void addNumber(int n)
    {
        separate();
        m_text.append(QString::number(n));
    }
    QString finish()
    {
        m_text.append(QLatin1Char('}'));
        return m_text;
    }

private:
    void separate()
    {
        if (m_text.size() > 1) {
            m_text.append(QLatin1Char(','));
        }
    }
    /// `listItem`: the list separator inside an item is dropped, as joinList() does.
    void appendEscaped(QStringView s, bool listItem = false)
    {
        qsizetype from = 0;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const QChar c = s[i];
            // Backslash and quote are the array syntax's escapes.
            if (c == QLatin1Char('"') || c == QLatin1Char('\\') || (listItem && c == StoreValues::ListSeparator)) {
                m_text.append(s.sliced(from, i - from));
                if (c != StoreValues::ListSeparator) {
                    m_text.append(QLatin1Char('\\'));
                    m_text.append(c);
                }
                from = i + 1;
            }
        }
        m_text.append(s.sliced(from));
    }

    QString m_text;
};
} // namespace Glc
