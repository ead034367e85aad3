// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "dateformat.h"

#include <QDate>
#include <QDateTime>

namespace Glc::DateFormat {
namespace {
QString withWholeYear(QString format)
{
    // Qt's date formats write the year as "yy" or "yyyy" (CLDR's "y" comes through as "yyyy").
    if (!format.contains(QLatin1String("yyyy"))) {
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    }
    return format;
}
} // namespace

QString shortDateFormat(const QLocale &locale)
{
    return withWholeYear(locale.dateFormat(QLocale::ShortFormat));
}

QString shortDateTimeFormat(const QLocale &locale)
{
    return withWholeYear(locale.dateTimeFormat(QLocale::ShortFormat));
}

QString toString(const QDate &date, const QLocale &locale)
{
    return locale.toString(date, shortDateFormat(locale));
}

QString toString(const QDateTime &when, const QLocale &locale)
{
    return locale.toString(when, shortDateTimeFormat(locale));
}
} // namespace Glc::DateFormat
