// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "uiformat.h"

#include "core/dateformat.h"

#include <KLocalizedString>
#include <QLocale>

#include <cmath>

QString UiFormat::number(qint64 value)
{
    return QLocale().toString(value);
}

QString UiFormat::percent(double value, int decimals)
{
    return i18nc("@item percentage, %1 is a number", "%1%", QLocale().toString(value, 'f', decimals));
}

QString UiFormat::dateTime(const QDateTime &when)
{
    if (!when.isValid()) {
        return i18nc("@item date of something that did not happen", "never");
    }
    return Glc::DateFormat::toString(when.toLocalTime());
}

QString UiFormat::date(const QDateTime &when)
{
    if (!when.isValid()) {
        return i18nc("@item unknown date", "unknown");
    }
    return Glc::DateFormat::toString(when.toLocalTime().date());
}

QString UiFormat::relativeTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return i18nc("@item date of something that did not happen", "never");
    }
    const qint64 secs = when.secsTo(now);
    const bool future = secs < 0;
    const qint64 abs = std::llabs(secs);
    if (abs < 60) {
        return i18nc("@item relative time", "just now");
    }
    const int minutes = int(abs / 60);
    const int hours = int(abs / 3600);
    const int days = int(abs / 86400);
    if (minutes < 60) {
        return future ? i18ncp("@item relative time", "in %1 minute", "in %1 minutes", minutes)
                      : i18ncp("@item relative time", "%1 minute ago", "%1 minutes ago", minutes);
    }
    if (hours < 24) {
        return future ? i18ncp("@item relative time", "in %1 hour", "in %1 hours", hours)
                      : i18ncp("@item relative time", "%1 hour ago", "%1 hours ago", hours);
    }
    if (days < 60) {
        return future ? i18ncp("@item relative time", "in %1 day", "in %1 days", days)
                      : i18ncp("@item relative time", "%1 day ago", "%1 days ago", days);
    }
    const int months = days / 30;
    if (months < 24) {
        return future ? i18ncp("@item relative time", "in %1 month", "in %1 months", months)
                      : i18ncp("@item relative time", "%1 month ago", "%1 months ago", months);
    }
    const int years = days / 365;
    return future ? i18ncp("@item relative time", "in %1 year", "in %1 years", years)
                  : i18ncp("@item relative time", "%1 year ago", "%1 years ago", years);
}

QString UiFormat::dateTimeWithRelative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return i18nc("@item date of something that did not happen", "never");
    }
    return i18nc("@item absolute date (relative time)", "%1 (%2)", dateTime(when), relativeTime(when, now));
}

QString UiFormat::daysLeft(int days)
{
    if (days > 0) {
        return i18ncp("@item license expiry", "%1 day left", "%1 days left", days);
    }
    if (days == 0) {
        return i18nc("@item license expiry", "expires today");
    }
    return i18ncp("@item license expiry", "expired %1 day ago", "expired %1 days ago", -days);
}

QString UiFormat::licenseKind(const QString &kind)
{
    const QString key = kind.trimmed().toLower();
    if (key.isEmpty()) {
        return i18nc("@item license kind", "unknown");
    }
    if (key == QLatin1String("enterprise")) {
        return i18nc("@item license kind", "Enterprise");
    }
    if (key == QLatin1String("standard")) {
        return i18nc("@item license kind", "Standard");
    }
    if (key == QLatin1String("evaluation") || key == QLatin1String("trial")) {
        return i18nc("@item license kind", "Evaluation");
    }
    if (key == QLatin1String("visual_studio")) {
        return i18nc("@item license kind", "Visual Studio subscription");
    }
    // An unknown kind is GitHub's own word: show it as it came.
    return kind;
}

QString UiFormat::list(const QStringList &items)
{
    return QLocale().createSeparatedList(items);
}
