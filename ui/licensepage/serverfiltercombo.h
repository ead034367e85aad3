// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QComboBox>

class QSortFilterProxyModel;

/// "All servers" or one host: filters a proxy to the rows whose host column holds exactly that host.
/// The dialogs that list records of several servers (Sync History, Usage Files) put it beside their list.
class ServerFilterCombo : public QComboBox
{
    Q_OBJECT
public:
    ServerFilterCombo(QSortFilterProxyModel *proxy, int hostColumn, QWidget *parent = nullptr);

    /// The hosts to choose from; the one shown stays while it is among them (else all servers). Filters
    /// without a signal: the caller, whose rows changed, updates what it shows of them itself.
    void setHosts(const QStringList &hosts);
    /// Shows the rows of @p host when it is among the hosts; returns false (and shows all) otherwise.
    bool setHost(const QString &host);
    /// The host shown, or empty for all servers.
    QString host() const { return currentData().toString(); }

private:
    void applyFilter();

    QSortFilterProxyModel *const m_proxy;
};
