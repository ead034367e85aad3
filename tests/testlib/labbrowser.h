// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

/// Plays the administrator's browser against a license lab, over HTTP: the buttons of GitHub's web
/// pages, which the lab serves under /_lab/browser/ (also in its GitHub-like mode, where the console
/// has no API for them). Clicks return at once, as a browser does; answers() fills as the lab answers.
class LabBrowser : public QObject
{
    Q_OBJECT
public:
    LabBrowser(const QUrl &lab, const QString &token, QObject *parent = nullptr);

    /// Sync now on a server's License page: POST /_lab/browser/servers/HOST/sync.
    void clickSyncNow(const QString &host);
    /// Upload a license usage file on the enterprise's License page: POST /_lab/browser/uploads?name=NAME.
    void upload(const QByteArray &file, const QString &name);
    /// Export license usage on a server's License page, waiting for the download (empty on failure):
    /// GET /_lab/browser/servers/HOST/usage-export.
    QByteArray exportUsage(const QString &host);

    /// The HTTP status of every click answered so far, in the order they were answered.
    QList<int> answers() const { return m_answers; }
    /// The paths of those clicks, in the same order.
    QStringList answeredPaths() const { return m_paths; }

private:
    class QNetworkReply *send(
        const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &query = {});

    QUrl m_lab;
    QByteArray m_authorization;
    QNetworkAccessManager m_network;
    QList<int> m_answers;
    QStringList m_paths;
};
