// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

#include <QList>
#include <QPointer>

namespace Glc {
/// "Test connection": what works and what does not, one check at a time - reachable, token valid,
/// read:enterprise scope, SAML SSO, enterprise owner, then each endpoint the console reads
/// (Cloud/lab: consumed-licenses, license-sync-status, GraphQL installations; Server: settings/license
/// and meta). Shared by the console's connection dialog and `ghe-license connections test`.
/// Succeeds when every check passed; fails (errorText: the first failed check) otherwise. Reads only
/// the first page of each endpoint, and stops at once when cancelled.
class ConnectionTestJob : public WorkflowJob
{
    Q_OBJECT
public:
    struct Check
    {
        QString what; ///< translated, e.g. "Token is valid"
        bool ok = false;
        QString detail; ///< translated: what was seen (HTTP status, GitHub's message)
        QString fix; ///< translated next step; empty when ok
    };

    explicit ConnectionTestJob(const WorkflowContext &context, QObject *parent = nullptr);

    /// The check a test without a token fails at (and stops): `detail` and `fix` say why and what to do, by
    /// default as the console says it.
    static Check missingToken(const QString &detail = {}, const QString &fix = {});

    /// In the order they ran; checks after an access failure are not run.
    const QList<Check> &checks() const { return m_checks; }

Q_SIGNALS:
    void checked(int index);

protected:
    void run() override;
    /// Stops the endpoint read in flight; the checks not run yet are dropped.
    void abort() override;

private:
    void add(const QString &what, bool ok, const QString &detail, const QString &fix = {});
    void accessChecks(const GitHubError &error, const QByteArray &scopes);
    void endpoints();
    void next();
    void conclude();

    QList<std::function<void()>> m_steps;
    QList<Check> m_checks;
    QPointer<GitHubJob> m_reading; ///< the endpoint read in flight
};
} // namespace Glc
