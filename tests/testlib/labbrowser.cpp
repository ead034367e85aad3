// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labbrowser.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

LabBrowser::LabBrowser(const QUrl &lab, const QString &token, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_authorization("Bearer " + token.toUtf8())
{
}

QNetworkReply *LabBrowser::send(
    const QByteArray &method, const QString &path, const QByteArray &body, const QString &query)
{
    QUrl url = m_lab;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, path] {
        m_answers.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        m_paths.append(path);
        reply->deleteLater();
    });
    return reply;
}

void LabBrowser::clickSyncNow(const QString &host)
{
    send("POST", QStringLiteral("/_lab/browser/servers/%1/sync").arg(host));
}

void LabBrowser::upload(const QByteArray &file, const QString &name)
{
    send("POST", QStringLiteral("/_lab/browser/uploads"), file, QStringLiteral("name=%1").arg(name));
}

QByteArray LabBrowser::exportUsage(const QString &host)
{
    QUrl url = m_lab;
    url.setPath(QStringLiteral("/_lab/browser/servers/%1/usage-export").arg(host));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    const bool ok = reply->isFinished() && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    return ok ? reply->readAll() : QByteArray();
}
