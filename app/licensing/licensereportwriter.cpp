// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensereportwriter.h"

#include <KLocalizedString>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Glc {
namespace {
QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QString triText(TriState t)
{
    return t == TriState::Unknown ? QString() : boolText(t == TriState::Yes);
}

QString licenseTypeText(const QString &type)
{
    // The web report's CSV spells the types for people.
    if (type == QLatin1String("enterprise")) {
        return QStringLiteral("Enterprise");
    }
    if (type == QLatin1String("visual_studio")) {
        return QStringLiteral("Visual Studio subscription");
    }
    return type;
}

/// A text GitHub declares as string|null: null when empty, whether it came as "" or null (the store keeps
/// both as NULL, and a report must not change with where its snapshot was read from).
QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue triJson(TriState t)
{
    return t == TriState::Unknown ? QJsonValue(QJsonValue::Null) : QJsonValue(t == TriState::Yes);
}
QByteArray csvLine(const ConsumedLicense &u)
{
    const QString listSeparator = QStringLiteral(",");
    const QStringList cells = {
        u.githubComLogin,
        u.githubComName,
        u.enterpriseServerUserIds.join(listSeparator),
        boolText(u.githubComUser),
        triText(u.enterpriseServerUser),
        boolText(u.visualStudioSubscriptionUser),
        licenseTypeText(u.licenseType),
        u.githubComProfile,
        u.githubComMemberRoles.join(listSeparator),
        u.githubComEnterpriseRoles.join(listSeparator),
        u.githubComVerifiedDomainEmails.join(listSeparator),
        u.githubComSamlNameId,
        u.githubComOrgsWithPendingInvites.join(listSeparator),
        triText(u.githubComTwoFactorAuth),
        QString(),
        u.enterpriseServerEmails.join(listSeparator),
        u.visualStudioLicenseStatus,
        u.visualStudioSubscriptionEmail,
        QString::number(u.totalUserAccounts),
    };
    return LicenseReportWriter::csvRow(cells);
}

/// One seat's object as QJsonDocument indents it inside the report's "users" array: each line eight
/// spaces deeper, without the document's final newline.
void appendJsonSeat(QByteArray &out, const ConsumedLicense &u)
{
    const QByteArray object = QJsonDocument(LicenseReportWriter::userJson(u)).toJson(QJsonDocument::Indented);
    qsizetype from = 0;
    while (from < object.size() - 1) {
        qsizetype end = object.indexOf('\n', from);
        if (end < 0 || end == object.size() - 1) {
            end = object.size() - 1;
        }
        out += "        ";
        out.append(object.constData() + from, end - from);
        from = end + 1;
        if (from < object.size() - 1) {
            out += '\n';
        }
    }
}

/// The seats of `seats`, in order (the list must outlive the function).
LicenseReportWriter::NextSeat seatsOf(const QList<ConsumedLicense> &seats)
{
    return [&seats, i = qsizetype(0)](ConsumedLicense *seat) mutable {
        if (i >= seats.size()) {
            return false;
        }
        *seat = seats.at(i++);
        return true;
    };
}

/// Bytes for a device, handed over a megabyte at a time.
class ChunkedWriter
{
public:
    explicit ChunkedWriter(QIODevice *device)
        : m_device(device)
    {
        m_pending.reserve(Chunk + 64 * 1024);
    }
    QByteArray &pending() { return m_pending; }
    bool maybeFlush() { return m_pending.size() < Chunk || flush(); }
    bool flush()
    {
        const bool ok = m_pending.isEmpty() || m_device->write(m_pending) == m_pending.size();
        m_pending.clear();
        return ok;
    }

private:
    static constexpr qsizetype Chunk = 1024 * 1024;
    QIODevice *const m_device;
    QByteArray m_pending;
};
} // namespace

QStringList LicenseReportWriter::csvColumns()
{
    // The header of the CSV that GitHub's License page emails ("Export license usage" on Cloud), in its
    // order. Two names differ from the REST fields: enterprise_server_primary_emails, and the date by
    // which 2FA is required (which the REST API does not give, so that column stays empty).
    return {
        QStringLiteral("github_com_login"),
        QStringLiteral("github_com_name"),
        QStringLiteral("enterprise_server_user_ids"),
        QStringLiteral("github_com_user"),
        QStringLiteral("enterprise_server_user"),
        QStringLiteral("visual_studio_subscription_user"),
        QStringLiteral("license_type"),
        QStringLiteral("github_com_profile"),
        QStringLiteral("github_com_member_roles"),
        QStringLiteral("github_com_enterprise_roles"),
        QStringLiteral("github_com_verified_domain_emails"),
        QStringLiteral("github_com_saml_name_id"),
        QStringLiteral("github_com_orgs_with_pending_invites"),
        QStringLiteral("github_com_two_factor_auth"),
        QStringLiteral("github_com_two_factor_auth_required_by_date"),
        QStringLiteral("enterprise_server_primary_emails"),
        QStringLiteral("visual_studio_license_status"),
        QStringLiteral("visual_studio_subscription_email"),
        QStringLiteral("total_user_accounts"),
    };
}

QString LicenseReportWriter::neutralized(const QString &value)
{
    if (!value.isEmpty()) {
        const QChar first = value.at(0);
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r')) {
            return QLatin1Char('\'') + value;
        }
    }
    return value;
}

QByteArray LicenseReportWriter::csvRow(const QStringList &cells)
{
    QString line;
    line.reserve(256);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line += QLatin1Char(',');
        }
        line += csvCell(cells.at(i));
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

QString LicenseReportWriter::csvCell(const QString &value)
{
    QString cell = neutralized(value);
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')) ||
        cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

bool LicenseReportWriter::writeTo(QIODevice *device, const ConsumedLicensesReport &totals, const NextSeat &next,
    const Options &options, qsizetype *written)
{
    ChunkedWriter out(device);
    qsizetype count = 0;
    ConsumedLicense seat;
    if (options.format == Format::Csv) {
        if (options.utf8Bom) {
            out.pending() += "\xEF\xBB\xBF";
        }
        out.pending() += csvColumns().join(QLatin1Char(',')).toUtf8();
        out.pending() += "\r\n";
        while (next(&seat)) {
            out.pending() += csvLine(seat);
            ++count;
            if (!out.maybeFlush()) {
                return false;
            }
        }
    } else {
        // What QJsonDocument makes of the whole report, indented, one seat at a time: a document of
        // 300k seats in QJsonObjects took some 2 GB before a byte was written.
        QJsonObject root;
        root.insert(QStringLiteral("total_seats_consumed"), totals.totalSeatsConsumed);
        root.insert(QStringLiteral("total_seats_purchased"), totals.totalSeatsPurchased);
        if (!next(&seat)) {
            root.insert(QStringLiteral("users"), QJsonArray());
            out.pending() += QJsonDocument(root).toJson(QJsonDocument::Indented);
        } else {
            // The root without its last key ("users" sorts last), then the array by hand.
            out.pending() += QJsonDocument(root).toJson(QJsonDocument::Indented);
            out.pending().chop(3); // "\n}\n"
            out.pending() += ",\n    \"users\": [\n";
            do {
                if (count > 0) {
                    out.pending() += ",\n";
                }
                appendJsonSeat(out.pending(), seat);
                ++count;
                if (!out.maybeFlush()) {
                    return false;
                }
            } while (next(&seat));
            out.pending() += "\n    ]\n}\n";
        }
    }
    if (written) {
        *written = count;
    }
    return out.flush();
}

QByteArray LicenseReportWriter::toCsv(const ConsumedLicensesReport &report, bool utf8Bom)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeTo(&buffer, report, seatsOf(report.users), Options{Format::Csv, utf8Bom});
    return bytes;
}

QJsonObject LicenseReportWriter::userJson(const ConsumedLicense &u)
{
    QJsonObject o;
    {
        o.insert(QStringLiteral("github_com_login"), u.githubComLogin);
        o.insert(QStringLiteral("github_com_name"), textOrNull(u.githubComName));
        o.insert(QStringLiteral("enterprise_server_user_ids"), QJsonArray::fromStringList(u.enterpriseServerUserIds));
        o.insert(QStringLiteral("github_com_user"), u.githubComUser);
        o.insert(QStringLiteral("enterprise_server_user"), triJson(u.enterpriseServerUser));
        o.insert(QStringLiteral("visual_studio_subscription_user"), u.visualStudioSubscriptionUser);
        o.insert(QStringLiteral("license_type"), u.licenseType);
        o.insert(QStringLiteral("github_com_profile"), textOrNull(u.githubComProfile));
        o.insert(QStringLiteral("github_com_member_roles"), QJsonArray::fromStringList(u.githubComMemberRoles));
        o.insert(QStringLiteral("github_com_enterprise_roles"), QJsonArray::fromStringList(u.githubComEnterpriseRoles));
        o.insert(QStringLiteral("github_com_verified_domain_emails"),
            QJsonArray::fromStringList(u.githubComVerifiedDomainEmails));
        o.insert(QStringLiteral("github_com_saml_name_id"), textOrNull(u.githubComSamlNameId));
        o.insert(QStringLiteral("github_com_orgs_with_pending_invites"),
            QJsonArray::fromStringList(u.githubComOrgsWithPendingInvites));
        o.insert(QStringLiteral("github_com_two_factor_auth"), triJson(u.githubComTwoFactorAuth));
        o.insert(QStringLiteral("enterprise_server_emails"), QJsonArray::fromStringList(u.enterpriseServerEmails));
        o.insert(QStringLiteral("visual_studio_license_status"), textOrNull(u.visualStudioLicenseStatus));
        o.insert(QStringLiteral("visual_studio_subscription_email"), textOrNull(u.visualStudioSubscriptionEmail));
        o.insert(QStringLiteral("total_user_accounts"), u.totalUserAccounts);
    }
    return o;
}

QByteArray LicenseReportWriter::toJson(const ConsumedLicensesReport &report)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeTo(&buffer, report, seatsOf(report.users), Options{Format::Json, false});
    return bytes;
}

LicenseReportWriter::Result LicenseReportWriter::write(
    const QString &path, const ConsumedLicensesReport &report, const Options &options)
{
    return write(path, report, seatsOf(report.users), options);
}

LicenseReportWriter::Result LicenseReportWriter::write(const QString &path, const ConsumedLicensesReport &totals,
    const NextSeat &next, const Options &options, qsizetype *written)
{
    return writeFile(path, [&](QIODevice *file) { return writeTo(file, totals, next, options, written); });
}

LicenseReportWriter::Result LicenseReportWriter::writeFile(
    const QString &path, const std::function<bool(QIODevice *file)> &fill)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Result{i18nc("@info", "Could not write %1: %2. Choose another folder.", path, file.errorString())};
    }
    if (!fill(&file)) {
        const QString error = file.errorString();
        file.cancelWriting();
        return Result{i18nc("@info", "Could not write %1: %2. The file was not changed.", path, error)};
    }
    if (!file.commit()) {
        return Result{i18nc("@info", "Could not save %1: %2. The file was not changed.", path, file.errorString())};
    }
    return {};
}

LicenseReportWriter::Result LicenseReportWriter::writeFile(const QString &path, const QByteArray &bytes)
{
    return writeFile(path, [&bytes](QIODevice *file) { return file->write(bytes) == bytes.size(); });
}
} // namespace Glc
