// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QGroupBox>

#include <functional>

class QLabel;
class QTreeWidget;

/// "Enterprise Server instances": each installation GitHub knows, with its last usage upload and
/// that upload's state.
class ServerInstancesCard : public QGroupBox
{
    Q_OBJECT
public:
    enum Column {
        HostColumn,
        CustomerColumn,
        ConnectedColumn,
        LastUploadColumn,
        UploadStateColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    explicit ServerInstancesCard(QWidget *parent = nullptr);

    void setInstances(const QList<Glc::EnterpriseServerInstallation> &instances);
    void setClock(const std::function<QDateTime()> &clock);
    QTreeWidget *view() const { return m_view; }

    /// The words shown for an upload state.
    static QString uploadStateText(Glc::UploadSyncState state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    /// The state colours, for the current palette (again after a light/dark switch).
    void colorItems();

    QLabel *const m_emptyLabel;
    QTreeWidget *const m_view;
    QList<Glc::EnterpriseServerInstallation> m_instances;
    std::function<QDateTime()> m_clock;
};
