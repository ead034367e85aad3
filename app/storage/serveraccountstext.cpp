// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serveraccountstext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Glc {
namespace {
/// `text` as a JSON string (RFC 8259 escapes), appended to `out`.
void appendJsonString(QString &out, QStringView text)
{
    out += u'"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            continue;
        }
        out += text.mid(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            out += u"\\u00"_s;
            out += QChar(u"0123456789abcdef"[c >> 4]);
            out += QChar(u"0123456789abcdef"[c & 0xf]);
        }
    }
    out += text.mid(plainFrom);
    out += u'"';
}
} // namespace

// Written directly: a refresh of 300k seats stores about 200k accounts, and building QJsonObjects
// for them took about a second.
QString ServerAccountsText::toJson(const QList<ServerUserAccount> &accounts)
{
    if (accounts.isEmpty()) {
        return {};
    }
    QString out;
    out.reserve(accounts.size() * 160);
    out += u'[';
    for (const ServerUserAccount &a : accounts) {
        if (out.size() > 1) {
            out += u',';
        }
        out += u"{\"emails\":["_s;
        for (qsizetype e = 0; e < a.emails.size(); ++e) {
            out += e > 0 ? u",{\"email\":"_s : u"{\"email\":"_s;
            appendJsonString(out, a.emails.at(e).email);
            out += a.emails.at(e).isPrimary ? u",\"isPrimary\":true}"_s : u",\"isPrimary\":false}"_s;
        }
        out += a.isSiteAdmin ? u"],\"isSiteAdmin\":true,\"login\":"_s : u"],\"isSiteAdmin\":false,\"login\":"_s;
        appendJsonString(out, a.login);
        out += u",\"profileName\":"_s;
        appendJsonString(out, a.profileName);
        out += u",\"remoteCreatedAt\":"_s;
        appendJsonString(out, a.remoteCreatedAt.isValid() ? a.remoteCreatedAt.toString(Qt::ISODateWithMs) : QString());
        out += u",\"remoteUserId\":"_s;
        appendJsonString(out, a.remoteUserId);
        out += u'}';
    }
    out += u']';
    return out;
}

QString ServerAccountsText::profileNames(const QList<ServerUserAccount> &accounts)
{
    const auto escaped = [](const QString &text) {
        QString out;
        out.reserve(text.size());
        for (const QChar c : text) {
            if (c == u'\\') {
                out += u"\\\\"_s;
            } else if (c == u'\t') {
                out += u"\\t"_s;
            } else if (c == u'\n') {
                out += u"\\n"_s;
            } else {
                out += c;
            }
        }
        return out;
    };
    QString text;
    for (const ServerUserAccount &a : accounts) {
        if (!a.profileName.isEmpty()) {
            text += escaped(a.remoteUserId) + u'\t' + escaped(a.profileName) + u'\n';
        }
    }
    return text;
}

void ServerAccountsText::readProfileNames(QStringView text, const QString &host, QHash<QString, QString> *names)
{
    QString field[2];
    int which = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            field[which] += next == u't' ? u'\t' : next == u'n' ? u'\n' : next;
        } else if (c == u'\t') {
            which = 1;
        } else if (c == u'\n') {
            if (which == 1 && !field[1].isEmpty()) {
                names->insert(host + u':' + field[0], field[1]);
            }
            field[0].clear();
            field[1].clear();
            which = 0;
        } else {
            field[which] += c;
        }
    }
}

QList<ServerUserAccount> ServerAccountsText::fromJson(const QString &json, bool details)
{
    QList<ServerUserAccount> accounts;
    if (json.isEmpty()) {
        return accounts;
    }
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    accounts.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ServerUserAccount a;
        a.login = o.value(u"login"_s).toString();
        a.remoteUserId = o.value(u"remoteUserId"_s).toString();
        a.profileName = o.value(u"profileName"_s).toString();
        if (!details) {
            accounts.append(a);
            continue;
        }
        const QString created = o.value(u"remoteCreatedAt"_s).toString();
        if (!created.isEmpty()) {
            a.remoteCreatedAt = QDateTime::fromString(created, Qt::ISODateWithMs);
        }
        a.isSiteAdmin = o.value(u"isSiteAdmin"_s).toBool();
        for (const QJsonValue &ev : o.value(u"emails"_s).toArray()) {
            const QJsonObject eo = ev.toObject();
            a.emails.append(ServerUserEmail{eo.value(u"email"_s).toString(), eo.value(u"isPrimary"_s).toBool()});
        }
        accounts.append(a);
    }
    return accounts;
}
} // namespace Glc
