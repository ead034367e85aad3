// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QGroupBox>

class QPushButton;

/// "Quick links": the License tab's actions. The card only reports the user's intent.
class QuickLinksCard : public QGroupBox
{
    Q_OBJECT
public:
    enum class Link {
        ExportLicenseUsage,
        AddServerUsage,
        DownloadReport,
    };
    Q_ENUM(Link)

    explicit QuickLinksCard(QWidget *parent = nullptr);

    /// Disables a link when the connection cannot do it; @p reason becomes its tooltip.
    void setLinkEnabled(Link link, bool enabled, const QString &reason = {});
    QPushButton *button(Link link) const;

Q_SIGNALS:
    void exportRequested();
    void addServerUsageRequested();
    void downloadReportRequested();

private:
    QPushButton *const m_exportButton;
    QPushButton *const m_addUsageButton;
    QPushButton *const m_reportButton;
};
