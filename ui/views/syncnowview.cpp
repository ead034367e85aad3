// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "syncnowview.h"

#include "controllers/licensecontroller.h"
#include "core/dateformat.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/itemviewcopy.h"
#include "workflows/syncnowjob.h"

#include <KLocalizedString>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Glc;

SyncNowView::SyncNowView(LicenseController *controller, QWidget *parent)
    : ActionView(controller, parent)
    , m_server(new QComboBox(this))
    , m_results(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("SyncNowView"));
    setWindowTitle(i18nc("@title:window", "Sync Now"));
    auto *intro = new QLabel(i18nc("@info",
                                 "Uploads the chosen servers' user licenses to GitHub Enterprise Cloud now, instead of "
                                 "waiting for the weekly automatic sync."),
        this);
    intro->setWordWrap(true);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(i18nc("@label accessible name", "Server to sync"));
    m_server->addItem(i18nc("@item:inlistbox", "All servers"), QString());
    // Only servers that sync (GitHub Connect): an offline server's usage comes by Add server usage.
    for (const QString &host : controller->syncHosts()) {
        m_server->addItem(host, host);
    }
    auto *form = new QFormLayout;
    auto *label = new QLabel(i18nc("@label:listbox", "&Server:"), this);
    label->setBuddy(m_server);
    form->addRow(label, m_server);
    m_results->setObjectName(QStringLiteral("results"));
    ItemViewCopy::install(m_results);
    m_results->setAccessibleName(i18nc("@label accessible name", "Sync results"));
    m_results->setRootIsDecorated(false);
    m_results->setHeaderLabels({i18nc("@title:column", "Server"), i18nc("@title:column", "Result"),
        i18nc("@title:column", "Last sync"), i18nc("@title:column", "Error")});
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->setVisible(false);
    formLayout()->addWidget(intro);
    formLayout()->addLayout(form);
    formLayout()->addWidget(m_results);
    showCapability(Capability::Action::SyncNow);
    startButton()->setText(i18nc("@action:button", "S&ync now"));
    startButton()->setAccessibleDescription(i18nc("@info accessible description",
        "Ask the chosen servers to upload their license usage to GitHub Enterprise Cloud now"));
    setReadingTabOrder({m_server, m_results});
}

void SyncNowView::setServer(const QString &host)
{
    const int index = m_server->findData(host);
    m_server->setCurrentIndex(index >= 0 ? index : 0);
}

void SyncNowView::startRequested()
{
    const QString host = m_server->currentData().toString();
    m_results->clear();
    m_results->hide();
    runJob(new SyncNowJob(controller()->context(), host.isEmpty() ? QStringList() : QStringList{host}));
}

void SyncNowView::jobDone(WorkflowJob *job)
{
    const auto *sync = static_cast<SyncNowJob *>(job);
    for (const SyncNowJob::ServerResult &result : sync->results()) {
        auto *item = new QTreeWidgetItem(m_results);
        item->setText(0, result.hostname);
        item->setText(1, result.success ? i18nc("@item sync result", "Synced") : i18nc("@item sync result", "Failed"));
        item->setText(2,
            result.syncedAt.isValid() ? DateFormat::toString(result.syncedAt.toLocalTime())
                                      : i18nc("@item no date", "Never"));
        item->setText(3, result.error);
    }
    m_results->setVisible(!sync->results().isEmpty());
    if (sync->status() == WorkflowJob::Status::Succeeded) {
        resultMessage()->showMessage(InlineMessage::Type::Information,
            i18ncp("@info", "%1 server synced.", "%1 servers synced.", sync->results().size()), {});
    }
    if (!sync->results().isEmpty()) {
        // The job recorded what the servers reported (a new last sync, or GitHub's error): the License
        // page's sync card shows it now, not only after the next refresh.
        controller()->reload();
    }
}
