// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "views/actionview.h"

class QComboBox;
class QTreeWidget;

/// Sync now: one server or all; automatic on the lab, assisted against GitHub.
class SyncNowView : public ActionView
{
    Q_OBJECT
public:
    SyncNowView(LicenseController *controller, QWidget *parent = nullptr);

    /// Empty: all servers.
    void setServer(const QString &host);
    QComboBox *serverCombo() const { return m_server; }
    QTreeWidget *resultList() const { return m_results; }

protected:
    void startRequested() override;
    void jobDone(Glc::WorkflowJob *job) override;

private:
    QComboBox *const m_server;
    QTreeWidget *const m_results;
};
