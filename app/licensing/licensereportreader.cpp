// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensereportreader.h"

#include "core/boundedread.h"
#include "licensing/githubjson.h"

#include <KLocalizedString>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

namespace Glc {
namespace {
/// The cells of one CSV record (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks), from
/// @p at on; @p at then points past the record's line break. False when a quote is left open.
bool readRecord(QStringView text, qsizetype *at, QStringList *cells, qsizetype *lines)
{
    cells->clear();
    QString cell;
    qsizetype i = *at;
    bool quoted = false;
    bool wasQuoted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    i += 2;
                    continue;
                }
                quoted = false;
            } else {
                if (c == QLatin1Char('\n')) {
                    ++*lines;
                }
                cell += c;
            }
            ++i;
            continue;
        }
        if (c == QLatin1Char('"') && cell.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            cells->append(cell);
            cell.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
                ++i;
            }
            ++i;
            ++*lines;
            break;
        } else {
            cell += c;
        }
        ++i;
    }
    if (quoted) {
        return false;
    }
    cells->append(cell);
    *at = i;
    return true;
}

/// A cell the console's own report neutralised against formula injection (a leading apostrophe before = + - @
/// tab or CR), as it was.
QString restored(const QString &cell)
{
    if (cell.size() > 1 && cell.at(0) == QLatin1Char('\'')) {
        const QChar next = cell.at(1);
        if (next == QLatin1Char('=') || next == QLatin1Char('+') || next == QLatin1Char('-') ||
            next == QLatin1Char('@') || next == QLatin1Char('\t') || next == QLatin1Char('\r')) {
            return cell.mid(1);
        }
    }
    return cell;
}

QStringList listCell(const QString &cell)
{
    QStringList items;
    for (const QString &item : cell.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty()) {
            items.append(trimmed);
        }
    }
    return items;
}

TriState triCell(const QString &cell)
{
    const QString value = cell.trimmed().toLower();
    if (value == QLatin1String("true") || value == QLatin1String("yes") || value == QLatin1String("1")) {
        return TriState::Yes;
    }
    if (value == QLatin1String("false") || value == QLatin1String("no") || value == QLatin1String("0")) {
        return TriState::No;
    }
    return TriState::Unknown;
}

/// The web report spells the license types for people; the API's keys are what the console filters by.
QString licenseTypeKey(const QString &cell)
{
    const QString value = cell.trimmed();
    if (value.compare(QLatin1String("Enterprise"), Qt::CaseInsensitive) == 0) {
        return QStringLiteral("enterprise");
    }
    if (value.compare(QLatin1String("Visual Studio subscription"), Qt::CaseInsensitive) == 0) {
        return QStringLiteral("visual_studio");
    }
    return value;
}

LicenseReportReader::Result failure(const QString &error, const QString &nextStep)
{
    LicenseReportReader::Result result;
    result.error = error;
    result.nextStep = nextStep;
    return result;
}

QString notAReportNextStep()
{
    return i18nc("@info",
        "Use the CSV of the enterprise's License page (Download CSV report), or the JSON of its consumed-licenses "
        "API or of the console's Download report.");
}

LicenseReportReader::Result readJson(const QByteArray &bytes)
{
    const GitHubJson::ReadResult<ConsumedLicensesReport> read = GitHubJson::readConsumedLicenses(bytes);
    if (!read.ok()) {
        return failure(read.error == GitHubJson::ReadError::NotJson
                ? i18nc("@info %1 the parser's words", "The file is not valid JSON (%1): it may be cut short.",
                      read.errorDetail)
                : i18nc("@info", "The file is JSON, but not a consumed-licenses report."),
            notAReportNextStep());
    }
    LicenseReportReader::Result result;
    result.report = read.value;
    result.hasPurchased = true;
    return result;
}

LicenseReportReader::Result readCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QStringView view(text);
    if (view.startsWith(QChar(0xFEFF))) {
        view = view.mid(1); // the byte order mark spreadsheet programs want
    }
    qsizetype at = 0;
    qsizetype lines = 0;
    QStringList cells;
    if (!readRecord(view, &at, &cells, &lines)) {
        return failure(i18nc("@info", "The file's first line opens a quote that never closes."), notAReportNextStep());
    }
    QHash<QString, int> columns;
    for (int i = 0; i < cells.size(); ++i) {
        columns.insert(cells.at(i).trimmed().toLower(), i);
    }
    for (const char *required : {"github_com_login", "enterprise_server_user_ids"}) {
        if (!columns.contains(QLatin1String(required))) {
            return failure(i18nc("@info %1 a column name", "The file is not a license report: it has no %1 column.",
                               QLatin1String(required)),
                notAReportNextStep());
        }
    }
    const qsizetype headerCells = cells.size();
    auto cell = [&columns, &cells](const char *name) {
        const int column = columns.value(QLatin1String(name), -1);
        return column >= 0 && column < cells.size() ? restored(cells.at(column)) : QString();
    };
    LicenseReportReader::Result result;
    QList<ConsumedLicense> &users = result.report.users;
    while (at < view.size()) {
        const qsizetype line = lines + 1;
        if (!readRecord(view, &at, &cells, &lines)) {
            return failure(
                i18nc("@info %1 a line number", "Line %1 opens a quote that never closes: the file may be cut short.",
                    QLocale().toString(line)),
                i18nc("@info", "Download or export the report again."));
        }
        if (cells.size() == 1 && cells.constFirst().isEmpty()) {
            continue; // an empty line, such as the one a file ends with
        }
        if (cells.size() > headerCells) {
            return failure(
                i18nc("@info %1 a line number, %2 and %3 counts",
                    "Line %1 has %2 cells, the header %3: the file is not a well-formed report.",
                    QLocale().toString(line), QLocale().toString(cells.size()), QLocale().toString(headerCells)),
                i18nc("@info", "Download or export the report again, and save it unchanged as CSV."));
        }
        ConsumedLicense u;
        u.githubComLogin = cell("github_com_login").trimmed();
        u.githubComName = cell("github_com_name");
        u.enterpriseServerUserIds = listCell(cell("enterprise_server_user_ids"));
        u.githubComUser = triCell(cell("github_com_user")) == TriState::Yes;
        u.enterpriseServerUser = triCell(cell("enterprise_server_user"));
        u.visualStudioSubscriptionUser = triCell(cell("visual_studio_subscription_user")) == TriState::Yes;
        u.licenseType = licenseTypeKey(cell("license_type"));
        u.githubComProfile = cell("github_com_profile").trimmed();
        u.githubComMemberRoles = listCell(cell("github_com_member_roles"));
        u.githubComEnterpriseRoles = listCell(cell("github_com_enterprise_roles"));
        u.githubComVerifiedDomainEmails = listCell(cell("github_com_verified_domain_emails"));
        u.githubComSamlNameId = cell("github_com_saml_name_id").trimmed();
        u.githubComOrgsWithPendingInvites = listCell(cell("github_com_orgs_with_pending_invites"));
        u.githubComTwoFactorAuth = triCell(cell("github_com_two_factor_auth"));
        // GitHub's CSV names the server e-mails as it does; the API as enterprise_server_emails.
        u.enterpriseServerEmails = listCell(columns.contains(QLatin1String("enterprise_server_primary_emails"))
                ? cell("enterprise_server_primary_emails")
                : cell("enterprise_server_emails"));
        u.visualStudioLicenseStatus = cell("visual_studio_license_status").trimmed();
        u.visualStudioSubscriptionEmail = cell("visual_studio_subscription_email").trimmed();
        u.totalUserAccounts = cell("total_user_accounts").trimmed().toInt();
        users.append(u);
    }
    result.report.totalSeatsConsumed = int(users.size());
    return result;
}
} // namespace

LicenseReportReader::Result LicenseReportReader::read(const QByteArray &bytes)
{
    const QByteArray start = bytes.left(64).trimmed();
    if (start.isEmpty()) {
        return failure(i18nc("@info", "The file is empty."), notAReportNextStep());
    }
    const QByteArray withoutBom = start.startsWith("\xEF\xBB\xBF") ? start.mid(3).trimmed() : start;
    if (withoutBom.startsWith('{') || withoutBom.startsWith('[')) {
        return readJson(bytes);
    }
    if (withoutBom.startsWith('<')) {
        return failure(i18nc("@info",
                           "The file is a web page, not a license report: the download probably ended on "
                           "a sign-in page."),
            i18nc("@info", "Sign in to GitHub and download the report again."));
    }
    return readCsv(bytes);
}

LicenseReportReader::Result LicenseReportReader::readFile(const QString &path, qint64 sizeLimit)
{
    QFile file(path);
    const auto unreadable = [&] {
        return failure(i18nc("@info %1 a file, %2 why", "Cannot read %1: %2", path, file.errorString()),
            i18nc("@info", "Check the file's name and that you may read it."));
    };
    if (!file.open(QIODevice::ReadOnly)) {
        return unreadable();
    }
    const auto tooLarge = [&](qint64 size) {
        return failure(
            i18nc("@info %1 a file, %2 its size, %3 the limit",
                "%1 is %2, more than a license report of "
                "any enterprise takes (%3).",
                QFileInfo(path).fileName(), QLocale().formattedDataSize(size), QLocale().formattedDataSize(sizeLimit)),
            notAReportNextStep());
    };
    if (file.size() > sizeLimit) {
        return tooLarge(file.size());
    }
    QByteArray bytes;
    if (!readAtMost(file, sizeLimit, bytes)) {
        return unreadable();
    }
    if (bytes.size() > sizeLimit) {
        return tooLarge(bytes.size()); // a pipe or a device, which told no size
    }
    return read(bytes);
}
} // namespace Glc
