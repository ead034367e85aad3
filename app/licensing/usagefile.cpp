// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagefile.h"

#include "core/boundedread.h"
#include "licensing/githubjson.h"

#include <KLocalizedString>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Glc {
namespace UsageFile {
namespace {
QString firstString(const QJsonObject &object, std::initializer_list<QLatin1StringView> keys)
{
    for (const QLatin1StringView &key : keys) {
        const QJsonValue value = object.value(key);
        if (value.isString() && !value.toString().isEmpty()) {
            return value.toString();
        }
        if (value.isDouble()) {
            return QString::number(value.toDouble(), 'g', 17);
        }
    }
    return {};
}

UsageFileUser readUser(const QJsonObject &object)
{
    UsageFileUser user;
    user.login = firstString(object, {QLatin1StringView("login"), QLatin1StringView("username")});
    user.userId = firstString(object, {QLatin1StringView("user_id"), QLatin1StringView("id")});
    const QString primary = firstString(object, {QLatin1StringView("primary_email"), QLatin1StringView("email")});
    if (!primary.isEmpty()) {
        user.emails.append(primary);
    }
    const QJsonArray emails = object.value(QLatin1String("emails")).toArray();
    for (const QJsonValue &email : emails) {
        QString text;
        bool isPrimary = false;
        if (email.isString()) {
            text = email.toString();
        } else {
            const QJsonObject emailObject = email.toObject();
            text = emailObject.value(QLatin1String("email")).toString();
            isPrimary = emailObject.value(QLatin1String("primary")).toBool();
        }
        if (text.isEmpty() || user.emails.contains(text)) {
            continue;
        }
        if (isPrimary) {
            user.emails.prepend(text);
        } else {
            user.emails.append(text);
        }
    }
    user.suspended = object.value(QLatin1String("suspended")).toBool();
    return user;
}

/// A UTF-16 byte order mark, or a NUL byte in the first character (never in UTF-8 JSON).
bool isUtf16(QByteArrayView text)
{
    return text.startsWith("\xFF\xFE") || text.startsWith("\xFE\xFF") ||
        (text.size() >= 2 && (text.at(0) == '\0' || text.at(1) == '\0'));
}
} // namespace

QString validationMessage(Validation validation, qint64 sizeLimit, const QString &readError)
{
    switch (validation) {
    case Validation::Ok:
        return {};
    case Validation::Empty:
        return i18nc("@info", "The file is empty. Export the license usage again on the server.");
    case Validation::NotJson:
        return i18nc("@info",
            "The file is not JSON, so it is not a license usage export. Export the license usage again from the "
            "server's Management Console or with ghe-license usage in its administrative shell, then add that "
            "file.");
    case Validation::HtmlPage:
        return i18nc("@info",
            "The file is a web page, not a license usage export. The download probably ended on a sign-in "
            "page: sign in to the server and export again.");
    case Validation::TooLarge:
        return i18nc("@info",
            "The file is larger than %1, far more than any license usage export. Check that you chose the export "
            "itself, or export the license usage again from the server's Management Console or with ghe-license "
            "usage.",
            QLocale().formattedDataSize(sizeLimit));
    case Validation::WrongShape:
        return i18nc("@info",
            "The file is JSON but not a license usage export: it has no server ID or host name of an "
            "Enterprise Server instance. Add the file the server's Management Console or ghe-license usage "
            "exported.");
    case Validation::Truncated:
        return i18nc("@info", "The file ends too early: the export was cut off. Export the license usage again.");
    case Validation::Utf16Text:
        return i18nc("@info",
            "The file is saved as UTF-16 text, as Windows PowerShell saves an export redirected with >. Save it "
            "as UTF-8 (in PowerShell: | Out-File -Encoding utf8) or copy the file from the server with scp, then "
            "add it again.");
    case Validation::NotUtf8:
        return i18nc("@info",
            "The file is not UTF-8 text: an editor probably saved it in another encoding (\"ANSI\"), which JSON "
            "does not allow. Use the file as the server exported it, or save it as UTF-8, then add it again.");
    case Validation::Unreadable:
        if (!readError.isEmpty()) {
            return i18nc("@info %1 the system's error",
                "The file could not be read: %1. Check that it still exists and that you may read it, then add it "
                "again.",
                readError);
        }
        return i18nc("@info",
            "The file could not be read. Check that it still exists and that you may read it, then add it again.");
    }
    return {};
}

QString Result::message() const
{
    return validationMessage(validation, DefaultSizeLimit, readError);
}

Result read(const QByteArray &bytes, qint64 sizeLimit)
{
    Result result;
    result.size = bytes.size();
    if (bytes.size() > sizeLimit) {
        result.validation = Validation::TooLarge;
        return result;
    }
    result.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    // Editors and PowerShell on Windows put a byte order mark before UTF-8 text: it is not part of the JSON.
    const QByteArrayView utf8Bom("\xEF\xBB\xBF");
    const QByteArray trimmed = (bytes.startsWith(utf8Bom) ? bytes.sliced(utf8Bom.size()) : bytes).trimmed();
    if (isUtf16(trimmed)) {
        result.validation = Validation::Utf16Text;
        return result;
    }
    if (trimmed.isEmpty()) {
        result.validation = Validation::Empty;
        return result;
    }
    if (trimmed.startsWith('<')) {
        result.validation = Validation::HtmlPage;
        return result;
    }
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        result.validation = Validation::NotJson;
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (parseError.error == QJsonParseError::IllegalUTF8String) {
            result.validation = Validation::NotUtf8;
            return result;
        }
        // The parser stopped at the very end: the text was fine until it was cut off (not when there was
        // more after a complete value).
        const bool atEnd = parseError.offset >= trimmed.size() - 1;
        result.validation =
            atEnd && parseError.error != QJsonParseError::GarbageAtEnd ? Validation::Truncated : Validation::NotJson;
        return result;
    }
    if (!document.isObject()) {
        result.validation = Validation::WrongShape;
        return result;
    }
    const QJsonObject top = document.object();
    const QJsonObject instance =
        top.value(QLatin1String("instance")).isObject() ? top.value(QLatin1String("instance")).toObject() : top;
    UsageFileInfo &info = result.info;
    info.serverId = firstString(instance, {QLatin1StringView("server_id"), QLatin1StringView("serverId")});
    info.hostName = firstString(instance, {QLatin1StringView("host_name"), QLatin1StringView("hostname")});
    if (info.serverId.isEmpty() && info.hostName.isEmpty()) {
        result.validation = Validation::WrongShape;
        return result;
    }
    info.version = firstString(instance, {QLatin1StringView("version")});
    info.httpOnly = instance.value(QLatin1String("http_only")).toBool();
    info.licenseHash = firstString(instance, {QLatin1StringView("license_hash")});
    info.publicKey = firstString(instance, {QLatin1StringView("public_key")});
    const QJsonArray features = instance.value(QLatin1String("features")).toArray();
    for (const QJsonValue &featureValue : features) {
        if (featureValue.isString()) {
            info.features.append(UsageFileFeature{featureValue.toString(), {}});
            continue;
        }
        const QJsonObject feature = featureValue.toObject();
        info.features.append(
            UsageFileFeature{firstString(feature, {QLatin1StringView("name"), QLatin1StringView("feature")}),
                GitHubJson::parseGitHubDate(feature.value(QLatin1String("enabled_at")).toString())});
    }
    QString exportedAt = firstString(top, {QLatin1StringView("exported_at"), QLatin1StringView("created_at")});
    if (exportedAt.isEmpty()) {
        exportedAt = firstString(instance, {QLatin1StringView("exported_at"), QLatin1StringView("created_at")});
    }
    info.exportedAt = GitHubJson::parseGitHubDate(exportedAt);

    const QJsonValue users = top.value(QLatin1String("users"));
    if (users.isArray()) {
        info.usersEncrypted = false;
        const QJsonArray array = users.toArray();
        info.users.reserve(array.size());
        for (const QJsonValue &user : array) {
            info.users.append(readUser(user.toObject()));
        }
        info.userCount = int(info.users.size());
    } else {
        info.usersEncrypted = true;
        info.userCount = -1;
        const QByteArray blob = users.toString().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(blob);
        info.usersBlobSize = decoded ? decoded.decoded.size() : blob.size();
    }
    return result;
}

Result readFile(const QString &path, qint64 sizeLimit, QByteArray *bytes)
{
    QFile file(path);
    Result result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.validation = Validation::Unreadable;
        result.readError = file.errorString();
        return result;
    }
    if (file.size() > sizeLimit) {
        result.size = file.size();
        result.validation = Validation::TooLarge;
        return result;
    }
    QByteArray content;
    if (!readAtMost(file, sizeLimit, content)) {
        result.validation = Validation::Unreadable;
        result.readError = file.errorString();
        return result;
    }
    result = read(content, sizeLimit);
    if (bytes) {
        *bytes = result.validation == Validation::TooLarge ? QByteArray() : std::move(content);
    }
    return result;
}

QByteArray write(const UsageFileInfo &info, const QByteArray &usersBlob)
{
    QJsonArray features;
    for (const UsageFileFeature &feature : info.features) {
        features.append(QJsonObject{{QLatin1String("name"), feature.name},
            {QLatin1String("enabled_at"), GitHubJson::formatGitHubDate(feature.enabledAt)}});
    }
    QJsonObject instance;
    instance.insert(QLatin1String("server_id"), info.serverId);
    instance.insert(QLatin1String("host_name"), info.hostName);
    instance.insert(QLatin1String("version"), info.version);
    instance.insert(QLatin1String("http_only"), info.httpOnly);
    instance.insert(QLatin1String("license_hash"), info.licenseHash);
    instance.insert(QLatin1String("public_key"), info.publicKey);
    instance.insert(QLatin1String("features"), features);
    QJsonObject top;
    top.insert(QLatin1String("instance"), instance);
    if (info.exportedAt.isValid()) {
        top.insert(QLatin1String("exported_at"), GitHubJson::formatGitHubDate(info.exportedAt));
    }
    if (!usersBlob.isEmpty()) {
        top.insert(QLatin1String("users"), QString::fromLatin1(usersBlob));
    } else {
        QJsonArray users;
        for (const UsageFileUser &user : info.users) {
            users.append(QJsonObject{{QLatin1String("login"), user.login}, {QLatin1String("user_id"), user.userId},
                {QLatin1String("emails"), QJsonArray::fromStringList(user.emails)},
                {QLatin1String("suspended"), user.suspended}});
        }
        top.insert(QLatin1String("users"), users);
    }
    return QJsonDocument(top).toJson(QJsonDocument::Indented);
}
} // namespace UsageFile
} // namespace Glc
