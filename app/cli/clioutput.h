// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QJsonValue>
#include <QString>

#include <functional>

class QIODevice;

namespace Glc {
/// Output helpers of ghe-license: results on stdout, messages on stderr, a progress line only on a terminal.
namespace CliOutput {
void out(const QString &text); ///< stdout, a newline appended
void err(const QString &text); ///< stderr, a newline appended
/// An error with its next step, as the console shows them: "error\nnext step".
void error(const QString &text, const QString &nextStep = {});
/// Raw bytes to stdout (CSV, JSON).
void outBytes(const QByteArray &bytes);
/// A report's `bytes` to stdout when `file` is empty, else written atomically to `file` and then `wrote` said
/// on stderr; false after printing why the file could not be written.
bool outBytesOrFile(const QString &file, const QByteArray &bytes, const QString &wrote);
/// Lets `write` write to stdout through a device (a report written as it is made); false, with the
/// error on stderr, when `write` says stdout took fewer bytes than given.
bool outStream(const std::function<bool(QIODevice *)> &write);
/// The exit code for @p code once stdout is flushed: a failure (said on stderr, except to a reader that went
/// away) when any output could not be written, so `status > /dev/full` does not pass for success.
int finish(int code);
bool stderrIsTerminal();
/// Rewrites the progress line on stderr; does nothing when stderr is not a terminal.
void progress(const QString &text);
/// Ends a progress line, if one was shown.
void endProgress();
/// Indented JSON with sorted keys (QJsonObject keeps keys sorted), newline-terminated.
QByteArray json(const QJsonValue &value);
/// Rich-text job instructions ("click <b>Sync now</b>") as plain text for a terminal.
QString plain(const QString &richText);
/// ISO 8601 UTC, or null when invalid.
QJsonValue isoDate(const QDateTime &dateTime);
/// Whether a --server value names this server: its host name (in any case) or its server id.
bool namesServer(const QString &given, const QString &hostname, const QString &serverId);
} // namespace CliOutput
} // namespace Glc
