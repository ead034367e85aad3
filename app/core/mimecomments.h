// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>
#include <QStringList>

class QIODevice;

namespace Glc {
/// The name of a file type (a MIME type's comment: "JSON document") in the interface language, read
/// from the shared MIME database. QMimeType::comment() looks a language up by Qt's tags with an
/// underscore ("zh_CN", "zh_Hans_CN") while shared-mime-info 2.4 tags its translations the BCP 47 way
/// ("zh-Hans-CN"), so Qt 6.8 finds only English there; these functions accept either spelling.
namespace MimeComments {
/// The comment for @p mimeType in the first of @p languages (as QLocale::uiLanguages() lists them,
/// most specific first) that the database has, from the first `mime/TYPE.xml` in the generic data
/// folders (the user's before the system's); empty when there is none.
QString localized(const QString &mimeType, const QStringList &languages);
/// The same, from the XML of one MIME type (update-mime-database's `mime/TYPE.xml`, or a package
/// file's `<mime-type>` element). Without a match of a whole tag, a tag's language alone ("de" for
/// "de-AT") is tried; an untagged comment is not returned (the caller has Qt's English one).
QString fromXml(QIODevice *xml, const QStringList &languages);
} // namespace MimeComments
} // namespace Glc
