// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clioutput.h"

#include "cli/exitcode.h"

#include "licensing/licensereportwriter.h"

#include <KLocalizedString>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace Glc::CliOutput {
namespace {
bool s_progressShown = false;
int s_stdoutErrno = 0; ///< the first error writing to stdout (EPIPE: the reader went away)
bool s_stdoutReported = false; ///< outStream() said it already

/// Writes and flushes @p bytes to @p stream; the first failure on stdout is kept for finish().
void put(FILE *stream, const QByteArray &bytes)
{
    errno = 0;
    const bool written = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream) == size_t(bytes.size());
    if ((std::fflush(stream) != 0 || !written) && stream == stdout && s_stdoutErrno == 0) {
        s_stdoutErrno = errno != 0 ? errno : EIO;
    }
}

void write(FILE *stream, const QString &text)
{
    put(stream, text.toUtf8() + '\n');
}
} // namespace

void out(const QString &text)
{
    endProgress(); // on a terminal both streams share one line: the progress goes before a result takes it
    write(stdout, text);
}

void err(const QString &text)
{
    endProgress();
    write(stderr, text);
}

void error(const QString &text, const QString &nextStep)
{
    err(text);
    if (!nextStep.isEmpty()) {
        err(nextStep);
    }
}

void outBytes(const QByteArray &bytes)
{
    endProgress();
    put(stdout, bytes);
}

bool outBytesOrFile(const QString &file, const QByteArray &bytes, const QString &wrote)
{
    if (file.isEmpty()) {
        outBytes(bytes);
        return true;
    }
    const LicenseReportWriter::Result written = LicenseReportWriter::writeFile(file, bytes);
    if (!written.ok()) {
        error(written.errorMessage);
        return false;
    }
    err(wrote);
    return true;
}

bool outStream(const std::function<bool(QIODevice *)> &write)
{
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || !write(&out) || !out.flush()) {
        s_stdoutReported = true;
        if (errno != EPIPE) {
            error(i18nc("@info:shell %1 error", "Could not write to standard output: %1", out.errorString()));
        }
        return false;
    }
    return true;
}

int finish(int code)
{
    if (std::fflush(stdout) != 0 && s_stdoutErrno == 0) {
        s_stdoutErrno = errno != 0 ? errno : EIO;
    }
    if (s_stdoutErrno == 0 || s_stdoutReported) {
        return code;
    }
    // A reader that stopped early (`| head`) knows why; anything else (a full disk) is said.
    if (s_stdoutErrno != EPIPE) {
        error(i18nc("@info:shell %1 error", "Could not write to standard output: %1", qt_error_string(s_stdoutErrno)),
            i18nc("@info:shell",
                "The output is incomplete. Make room or choose another place for it, then run the "
                "command again."));
    }
    return code == int(ExitCode::Ok) ? int(ExitCode::Failure) : code;
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) != 0;
}

void progress(const QString &text)
{
    if (!stderrIsTerminal()) {
        return;
    }
    // \r and "erase to end of line" keep one line updated in place.
    const QByteArray bytes = "\r\x1b[K" + text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    s_progressShown = true;
}

void endProgress()
{
    if (s_progressShown) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        s_progressShown = false;
    }
}

QByteArray json(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray()) {
        document.setArray(value.toArray());
    } else {
        document.setObject(value.toObject());
    }
    return document.toJson(QJsonDocument::Indented);
}

QString plain(const QString &richText)
{
    QString text = richText;
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

QJsonValue isoDate(const QDateTime &dateTime)
{
    if (!dateTime.isValid()) {
        return QJsonValue::Null;
    }
    return dateTime.toUTC().toString(Qt::ISODate);
}

bool namesServer(const QString &given, const QString &hostname, const QString &serverId)
{
    return hostname.compare(given, Qt::CaseInsensitive) == 0 || (!serverId.isEmpty() && serverId == given);
}
} // namespace Glc::CliOutput
