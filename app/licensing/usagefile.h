// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Reader and validator of a GHES "license usage" export (shape in github-licensing.md). Checks only
// the bytes themselves; context checks (unknown server, older than the last upload, duplicate file)
// belong to the workflow.

#include "licensing/licensevalues.h"

#include <QByteArray>

namespace Glc {
namespace UsageFile {
/// 50 MiB: far above any real export, small enough to refuse a wrong file early.
constexpr qint64 DefaultSizeLimit = 50LL * 1024 * 1024;

enum class Validation : qint8 {
    Ok,
    Empty,
    NotJson,
    HtmlPage, ///< e.g. a saved login page instead of the export
    TooLarge,
    WrongShape, ///< JSON, but not a usage export
    Truncated, ///< JSON that stops early (interrupted download or copy)
    Utf16Text, ///< UTF-16 text, as Windows PowerShell writes output redirected with >
    NotUtf8, ///< JSON in a legacy 8-bit encoding (an editor's "ANSI"), which JSON does not allow
    Unreadable, ///< the file could not be opened
};

struct Result
{
    Validation validation = Validation::Ok;
    UsageFileInfo info;
    QString sha256; ///< lower-case hex of the bytes (also set when invalid, except TooLarge/Unreadable)
    qint64 size = 0;
    QString readError; ///< Unreadable: the system's reason (e.g. "No such file or directory")

    bool ok() const { return validation == Validation::Ok; }
    /// Translated explanation, empty when ok.
    QString message() const;
};

Result read(const QByteArray &bytes, qint64 sizeLimit = DefaultSizeLimit);
/// Reads at most @p sizeLimit + 1 bytes, also from a pipe or a device whose size is not known beforehand
/// (`ghe-license add-server-usage <(ssh …)`). @p bytes, when given, receives what was read and judged:
/// upload those, not the file read again, which may have changed or (a pipe) be gone.
Result readFile(const QString &path, qint64 sizeLimit = DefaultSizeLimit, QByteArray *bytes = nullptr);
/// @p readError: for Unreadable, the system's reason, which the message quotes.
QString validationMessage(Validation validation, qint64 sizeLimit = DefaultSizeLimit, const QString &readError = {});

/// Writes the real export shape: metadata under "instance", users either as the given opaque
/// base64 string (usersBlob non-empty) or as a readable array.
QByteArray write(const UsageFileInfo &info, const QByteArray &usersBlob = {});
} // namespace UsageFile
} // namespace Glc
