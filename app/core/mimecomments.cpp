// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "mimecomments.h"

#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QXmlStreamReader>

namespace Glc::MimeComments {
namespace {
/// "zh_Hans_CN" and "zh-hans-cn" both become "zh-hans-cn".
QString normalizedTag(QStringView tag)
{
    QString out = tag.toString().toLower();
    out.replace(QLatin1Char('_'), QLatin1Char('-'));
    return out;
}

QString primaryLanguage(const QString &normalized)
{
    return normalized.section(QLatin1Char('-'), 0, 0);
}
} // namespace

QString fromXml(QIODevice *xml, const QStringList &languages)
{
    QHash<QString, QString> comments; // normalized tag -> text
    QXmlStreamReader reader(xml);
    int depth = 0; // of the first <mime-type>: its own <comment> children are at depth 1
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement && depth > 0 && --depth == 0) {
            break; // the end of the first <mime-type>
        }
        if (token != QXmlStreamReader::StartElement) {
            continue;
        }
        if (depth == 0) {
            depth = reader.name() == QLatin1String("mime-type") ? 1 : 0;
            continue;
        }
        if (depth == 1 && reader.name() == QLatin1String("comment")) {
            const QString tag = normalizedTag(reader.attributes().value(QLatin1String("xml:lang")));
            const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (!tag.isEmpty() && !text.isEmpty() && !comments.contains(tag)) {
                comments.insert(tag, text);
            }
            continue; // readElementText consumed the end of <comment>
        }
        ++depth;
    }
    if (comments.isEmpty()) {
        return {};
    }
    QStringList wanted;
    for (const QString &language : languages) {
        wanted << normalizedTag(language);
    }
    for (const QString &tag : std::as_const(wanted)) {
        if (const auto it = comments.constFind(tag); it != comments.cend()) {
            return *it;
        }
    }
    for (const QString &tag : std::as_const(wanted)) {
        if (const auto it = comments.constFind(primaryLanguage(tag)); it != comments.cend()) {
            return *it;
        }
    }
    return {};
}

QString localized(const QString &mimeType, const QStringList &languages)
{
    if (mimeType.isEmpty() || mimeType.contains(QLatin1String(".."))) {
        return {};
    }
    const QString path =
        QStandardPaths::locate(QStandardPaths::GenericDataLocation, QStringLiteral("mime/%1.xml").arg(mimeType));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return fromXml(&file, languages);
}
} // namespace Glc::MimeComments
