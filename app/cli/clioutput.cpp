// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clioutput.h"

#include "licensing/licensereportwriter.h"

#include <KLocalizedString>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <unistd.h>

namespace Glc::CliOutput {
namespace {
bool s_progressShown = false;

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
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
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
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
        error(i18nc("@info:shell %1 error", "Could not write to standard output: %1", out.errorString()));
        return false;
    }
    return true;
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
