// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

/// Locale-aware text for numbers, percentages, dates and relative times, shared by the License
/// page widgets. Everything goes through QLocale() and Ki18n so zh_CN reads naturally.
class UiFormat
{
public:
    static QString number(qint64 value);
    /// @p value is a percentage (0..100+); the sign's position comes from the catalog.
    static QString percent(double value, int decimals = 0);
    static QString dateTime(const QDateTime &when);
    static QString date(const QDateTime &when);
    /// "3 days ago", "in 2 hours", "just now".
    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    /// "2026-05-01 10:00 (3 days ago)", or "never" for an invalid date.
    static QString dateTimeWithRelative(const QDateTime &when, const QDateTime &now);
    /// "12 days left", "expires today", "expired 3 days ago".
    static QString daysLeft(int days);
    /// A GitHub license kind ("enterprise", "evaluation", ...) in words.
    static QString licenseKind(const QString &kind);
    /// "a, b and c" in English, "a、b和c" in Chinese: the locale's own list separators.
    static QString list(const QStringList &items);
};
