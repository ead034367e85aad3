// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "exportusageview.h"

#include "controllers/licensecontroller.h"
#include "filedialogs.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/uiformat.h"
#include "workflows/exportusagejob.h"

#include <KLocalizedString>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Glc;

ExportUsageView::ExportUsageView(LicenseController *controller, QWidget *parent)
    : ActionView(controller, parent)
    , m_server(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_browse(new QPushButton(i18nc("@action:button", "&Browse…"), this))
    , m_pickDownload(new QPushButton(i18nc("@action:button", "Choose the Do&wnloaded File…"), this))
    , m_summary(new QLabel(this))
    , m_addExported(new QPushButton(
          QIcon::fromTheme(QStringLiteral("document-import")), i18nc("@action:button", "A&dd Server Usage…"), this))
{
    setObjectName(QStringLiteral("ExportUsageView"));
    setWindowTitle(i18nc("@title:window", "Export License Usage"));
    auto *intro = new QLabel(i18nc("@info",
                                 "Exports a server's license usage as a JSON file, for servers that cannot sync by "
                                 "themselves. Then add the file to GitHub Enterprise Cloud with Add Server Usage."),
        this);
    intro->setWordWrap(true);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setAccessibleName(i18nc("@label accessible name", "Server to export"));
    for (const QString &host : controller->exportHosts()) {
        m_server->addItem(host, host);
    }
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setAccessibleName(i18nc("@label accessible name", "Target file"));
    m_target->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("browse"));
    m_browse->setAccessibleDescription(
        i18nc("@info accessible description", "Choose where to save the exported file in a file dialog"));
    m_pickDownload->setObjectName(QStringLiteral("pickDownload"));
    m_pickDownload->setAccessibleDescription(i18nc("@info accessible description",
        "Choose the file your browser downloaded from the server; the console checks it and saves it as the target"));
    m_pickDownload->setVisible(false);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setAccessibleName(i18nc("@label accessible name", "Export summary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addExported->setObjectName(QStringLiteral("addExported"));
    m_addExported->setAccessibleDescription(i18nc("@info accessible description",
        "Open Add server usage with the file just exported, to add it to GitHub Enterprise Cloud"));
    m_addExported->setToolTip(m_addExported->accessibleDescription());
    m_addExported->setVisible(false);

    auto *form = new QFormLayout;
    auto *serverLabel = new QLabel(i18nc("@label:listbox", "&Server:"), this);
    serverLabel->setBuddy(m_server);
    form->addRow(serverLabel, m_server);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_browse);
    auto *targetLabel = new QLabel(i18nc("@label:textbox", "Save &as:"), this);
    targetLabel->setBuddy(m_target);
    form->addRow(targetLabel, targetRow);
    formLayout()->addWidget(intro);
    formLayout()->addLayout(form);
    formLayout()->addWidget(m_pickDownload, 0, Qt::AlignLeft);
    formLayout()->addWidget(m_summary);
    formLayout()->addWidget(m_addExported, 0, Qt::AlignLeft);
    showCapability(Capability::Action::ExportUsage);
    startButton()->setText(i18nc("@action:button", "E&xport"));
    startButton()->setAccessibleDescription(
        i18nc("@info accessible description", "Export the chosen server's license usage to the target file"));
    setReadingTabOrder({m_server, m_target, m_browse, m_pickDownload, m_addExported});

    m_ask = [this](const QString &path) {
        return QMessageBox::question(this, i18nc("@title:window", "Replace File?"),
                   i18nc("@info", "%1 already exists. Replace it with the new export?", path),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    connect(m_server, &QComboBox::currentIndexChanged, this, &ExportUsageView::suggestTarget);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = Glc::FileDialogs::saveFileName(this, i18nc("@title:window", "Save License Usage As"),
            m_target->text(), i18nc("@item:inlistbox file type", "License usage (*.json)"));
        if (!path.isEmpty()) {
            m_target->setText(path);
        }
    });
    m_chooseDownload = [](QWidget *parent) {
        return Glc::FileDialogs::openFileName(parent, i18nc("@title:window", "Choose the Downloaded File"),
            Glc::FileDialogs::downloadsFolder(), i18nc("@item:inlistbox file type", "License usage (*.json)"));
    };
    connect(m_pickDownload, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseDownload(this);
        if (!path.isEmpty()) {
            provideDownloadedFile(path);
        }
    });
    connect(m_addExported, &QPushButton::clicked, this, [this] {
        if (!m_exported.isEmpty()) {
            Q_EMIT addServerUsageRequested({m_exported});
        }
    });
    suggestTarget();
}

void ExportUsageView::setServer(const QString &host)
{
    if (const int index = m_server->findData(host); index >= 0) {
        m_server->setCurrentIndex(index); // suggestTarget() follows
    }
}

void ExportUsageView::suggestTarget()
{
    m_target->setText(QDir(Glc::FileDialogs::documentsFolder())
            .filePath(ExportUsageJob::defaultFileName(m_server->currentData().toString(), QDate::currentDate())));
}

void ExportUsageView::startRequested()
{
    // A new export: the button offers the file of the last one only until this one starts.
    m_exported.clear();
    m_addExported->hide();
    const QString host = m_server->currentData().toString();
    const QString target = m_target->text().trimmed();
    if (host.isEmpty() || target.isEmpty()) {
        resultMessage()->showMessage(InlineMessage::Type::Error, i18nc("@info", "Choose a server and a file name."),
            i18nc("@info", "Refresh first when the server list is empty."));
        return;
    }
    bool overwrite = false;
    if (QFileInfo::exists(target)) {
        if (!m_ask(target)) {
            resultMessage()->showMessage(
                InlineMessage::Type::Information, i18nc("@info", "Nothing exported: %1 was kept.", target), {});
            return;
        }
        overwrite = true;
    }
    m_summary->clear();
    auto *job = new ExportUsageJob(controller()->context(), host, target, overwrite);
    m_running = job;
    connect(job, &WorkflowJob::assistRequired, m_pickDownload, &QWidget::show);
    runJob(job);
}

void ExportUsageView::provideDownloadedFile(const QString &path)
{
    if (ExportUsageJob *job = m_running) {
        QMetaObject::invokeMethod(job, [job, path] { job->provideDownloadedFile(path); });
    }
}

void ExportUsageView::jobDone(WorkflowJob *job)
{
    m_pickDownload->hide();
    const auto *exportJob = static_cast<ExportUsageJob *>(job);
    if (exportJob->status() != WorkflowJob::Status::Succeeded) {
        return;
    }
    const UsageFile::Result &summary = exportJob->summary();
    QStringList features;
    for (const UsageFileFeature &feature : summary.info.features) {
        features.append(feature.name);
    }
    const QLocale locale;
    const QString users = summary.info.usersEncrypted
        ? i18nc("@info", "encrypted (only GitHub can read them), %1",
              locale.formattedDataSize(summary.info.usersBlobSize))
        : i18ncp("@info", "%1 user, readable", "%1 users, readable", summary.info.userCount);
    m_summary->setText(QStringLiteral("<table>"
                                      "<tr><td>%1</td><td>%2</td></tr><tr><td>%3</td><td>%4</td></tr>"
                                      "<tr><td>%5</td><td>%6</td></tr><tr><td>%7</td><td>%8</td></tr>"
                                      "<tr><td>%9</td><td>%10</td></tr><tr><td>%11</td><td>%12</td></tr></table>")
            .arg(i18nc("@label", "Server ID:"), summary.info.serverId.toHtmlEscaped(), i18nc("@label", "Host:"),
                summary.info.hostName.toHtmlEscaped(), i18nc("@label", "Version:"),
                summary.info.version.toHtmlEscaped(), i18nc("@label", "Features:"),
                features.isEmpty() ? i18nc("@info no features", "none") : UiFormat::list(features).toHtmlEscaped(),
                i18nc("@label", "Size:"), locale.formattedDataSize(summary.size))
            .arg(i18nc("@label", "Users:"), users));
    resultMessage()->showMessage(
        InlineMessage::Type::Information, i18nc("@info", "Exported to %1.", exportJob->targetPath()), {});
    m_exported = exportJob->targetPath();
    m_addExported->show();
    controller()->reload();
}
