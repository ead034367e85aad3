// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QLocale>
#include <QString>

class QDate;
class QDateTime;

namespace Glc {
/// Dates as the console shows them: the locale's short format, but with the whole year. Many locales' short
/// formats (en_US "M/d/yy", de "dd.MM.yy") cut the year to two digits, which makes a license expiry or a last
/// sync of years ago hard to read; zh_CN's "yyyy/M/d" is unchanged.
namespace DateFormat {
/// The locale's short date format with "yy" widened to "yyyy".
QString shortDateFormat(const QLocale &locale = QLocale());
/// The locale's short date and time format with "yy" widened to "yyyy".
QString shortDateTimeFormat(const QLocale &locale = QLocale());
QString toString(const QDate &date, const QLocale &locale = QLocale());
/// @p when as given (the callers convert to local time where they mean it).
QString toString(const QDateTime &when, const QLocale &locale = QLocale());
} // namespace DateFormat
} // namespace Glc
