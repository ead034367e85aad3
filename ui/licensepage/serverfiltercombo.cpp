// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverfiltercombo.h"

#include <KLocalizedString>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>

ServerFilterCombo::ServerFilterCombo(QSortFilterProxyModel *proxy, int hostColumn, QWidget *parent)
    : QComboBox(parent)
    , m_proxy(proxy)
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_proxy->setFilterKeyColumn(hostColumn);
    connect(this, &QComboBox::currentIndexChanged, this, &ServerFilterCombo::applyFilter);
    setHosts({});
}

void ServerFilterCombo::setHosts(const QStringList &hosts)
{
    const QString current = host();
    {
        const QSignalBlocker blocker(this);
        clear();
        addItem(i18nc("@item:inlistbox", "All servers"), QString());
        for (const QString &h : hosts) {
            addItem(h, h);
        }
        setCurrentIndex(std::max(0, findData(current)));
    }
    applyFilter();
}

bool ServerFilterCombo::setHost(const QString &host)
{
    const int index = host.isEmpty() ? -1 : findData(host);
    setCurrentIndex(std::max(0, index)); // applyFilter() follows
    return index > 0;
}

void ServerFilterCombo::applyFilter()
{
    const QString shown = host();
    m_proxy->setFilterRegularExpression(shown.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(shown))));
}
