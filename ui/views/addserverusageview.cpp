// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "addserverusageview.h"

#include "controllers/licensecontroller.h"
#include "core/dateformat.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/uiformat.h"
#include "licensepage/usagefiledropzone.h"
#include "licensepage/widgetutil.h"
#include "workflows/addserverusagejob.h"
#include "workflows/jobrunner.h"

#include <KLocalizedString>
#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Glc;

namespace {
/// The list's row of a checked file, and in @p preview what the preview shows of it.
UsageFileResult checkedRow(const UsageFileCheck::Outcome &check, QString *preview)
{
    const QLocale locale;
    UsageFileResult row;
    row.path = check.path;
    row.ok = check.ok();
    // A server the enterprise does not list yet: the admin's word can make it its first upload.
    row.warning = check.problem == UsageFileCheck::Problem::UnknownServer;
    const UsageFileInfo &info = check.file.info;
    const QString fileName = QFileInfo(check.path).fileName().toHtmlEscaped();
    if (!row.ok && !row.warning) {
        row.title = i18nc("@info", "Cannot be added");
        row.detail = check.message;
        *preview = QStringLiteral("<b>%1</b><br>%2").arg(fileName, check.message.toHtmlEscaped());
        return row;
    }
    row.title = row.ok ? i18nc("@info", "Ready to upload") : i18nc("@info", "New server?");
    row.detail = row.ok
        ? i18nc("@info %1 host, %2 version", "%1, GitHub Enterprise Server %2", info.hostName, info.version)
        : check.message;
    QStringList features;
    for (const UsageFileFeature &feature : info.features) {
        features.append(feature.name.toHtmlEscaped());
    }
    *preview = i18nc("@info preview of a usage file; %1 file, %2 host, %3 server id, %4 version, %5 features, "
                     "%6 export date, %7 users",
        "<b>%1</b><br>Host: %2<br>Server ID: %3<br>Version: %4<br>Features: %5<br>Exported: "
        "%6<br>Users: %7",
        fileName, info.hostName.toHtmlEscaped(), info.serverId.toHtmlEscaped(), info.version.toHtmlEscaped(),
        features.isEmpty() ? i18nc("@info no features", "none") : UiFormat::list(features),
        info.exportedAt.isValid() ? DateFormat::toString(info.exportedAt.toLocalTime(), locale)
                                  : i18nc("@info unknown date", "unknown"),
        info.usersEncrypted ? i18nc("@info", "encrypted (only GitHub can read them)")
                            : locale.toString(info.userCount));
    if (row.warning) {
        *preview += QStringLiteral("<br><br>") + check.message.toHtmlEscaped();
    }
    return row;
}
} // namespace

AddServerUsageView::AddServerUsageView(LicenseController *controller, QWidget *parent)
    : ActionView(controller, parent)
    , m_dropZone(new UsageFileDropZone(this))
    , m_preview(new QLabel(this))
    , m_allowNewServers(new QCheckBox(
          i18nc("@option:check", "Also upload files of servers the enterprise does not list &yet (their first upload)"),
          this))
{
    setObjectName(QStringLiteral("AddServerUsageView"));
    setWindowTitle(i18nc("@title:window", "Add Server Usage"));
    auto *intro =
        new QLabel(i18nc("@info",
                       "Adds the license usage exported from an Enterprise Server instance that does not sync "
                       "by itself. Drop the JSON files here; each is checked before anything is uploaded."),
            this);
    intro->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAccessibleName(i18nc("@label accessible name", "Preview of the files to upload"));
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    formLayout()->addWidget(intro);
    formLayout()->addWidget(m_dropZone, 1);
    formLayout()->addWidget(m_preview);
    m_allowNewServers->setObjectName(QStringLiteral("allowNewServersCheck"));
    m_allowNewServers->setAccessibleDescription(i18nc("@info accessible description",
        "GitHub adds an offline server to the enterprise with its first upload. Leave it off when the file may "
        "belong to another enterprise."));
    m_allowNewServers->setToolTip(m_allowNewServers->accessibleDescription());
    m_allowNewServers->hide();
    formLayout()->addWidget(m_allowNewServers);
    giveFormTheRoom(); // to the list of results
    connect(m_allowNewServers, &QCheckBox::toggled, this, &AddServerUsageView::updateUploadable);
    showCapability(Capability::Action::AddServerUsage);
    startButton()->setText(i18nc("@action:button", "&Upload"));
    startButton()->setEnabled(false);
    startButton()->setAccessibleDescription(
        i18nc("@info accessible description", "Upload the files marked Ready to upload to GitHub Enterprise Cloud"));
    setReadingTabOrder({m_dropZone, m_dropZone->findChild<QWidget *>(QStringLiteral("chooseFilesButton")),
        m_dropZone->findChild<QWidget *>(QStringLiteral("resultsView")), m_allowNewServers});
    connect(m_dropZone, &UsageFileDropZone::filesChosen, this, &AddServerUsageView::addFiles);
    connect(m_dropZone, &UsageFileDropZone::removeRequested, this, &AddServerUsageView::removeFiles);
    // One file at a time, the one chosen in the list: any number of files keeps the view on the screen.
    connect(m_dropZone, &UsageFileDropZone::currentResultChanged, this,
        [this](int row) { m_preview->setText(m_previews.value(m_dropZone->results().value(row).path)); });
    setAcceptDrops(false); // the drop zone takes the drops
    // Wider than the other views: each file's details wrap in the last column, and a server id does not break.
    setMinimumWidth(WidgetUtil::latinTextWidth(this, 116));
}

void AddServerUsageView::addFiles(const QStringList &paths)
{
    if (isBusy()) {
        return; // the upload uses the files checked before; the drop zone refuses new ones meanwhile
    }
    // A file dropped after others joins them (a wrong one, refused with its reason, takes nothing away).
    QStringList files = m_filesUploaded ? QStringList() : m_files;
    m_filesUploaded = false;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const bool listed = std::any_of(files.cbegin(), files.cend(),
            [&absolute](const QString &file) { return QFileInfo(file).absoluteFilePath() == absolute; });
        if (!listed) {
            files.append(path);
        }
    }
    checkFiles(files);
}

void AddServerUsageView::removeFiles(const QStringList &paths)
{
    if (isBusy()) {
        return;
    }
    QStringList files = m_files;
    for (const QString &path : paths) {
        files.removeAll(path);
    }
    if (m_filesUploaded || files.isEmpty()) {
        // Upload results (or nothing) listed: those rows go, nothing is checked again.
        if (m_check) {
            JobRunner::cancel(m_check);
            ++m_checkGeneration;
        }
        m_files = files;
        QList<UsageFileResult> results = m_dropZone->results();
        results.removeIf([&paths](const UsageFileResult &result) { return paths.contains(result.path); });
        m_dropZone->setResults(results);
        if (results.isEmpty()) {
            m_preview->clear();
            m_allowNewServers->hide();
        }
        m_checks.clear();
        updateUploadable();
        return;
    }
    checkFiles(files);
}

bool AddServerUsageView::isChecking() const
{
    return !m_check.isNull();
}

void AddServerUsageView::checkFiles(const QStringList &paths)
{
    m_files = paths;
    m_uploadable.clear();
    m_checks.clear();
    startButton()->setEnabled(false);
    if (m_check) {
        JobRunner::cancel(m_check); // superseded by these files
    }
    const quint64 generation = ++m_checkGeneration;
    auto *job = new AddServerUsageJob(controller()->context(), paths, AddServerUsageJob::Mode::CheckOnly);
    m_check = job;
    // Many or large files take a moment (each is read whole and hashed): an empty preview says what is going on
    // (one that shows a file checked before keeps it until the new answer replaces it).
    if (m_preview->text().isEmpty()) {
        m_preview->setText(i18ncp("@info:status", "Checking %1 file…", "Checking %1 files…", paths.size()));
    }
    connect(job, &WorkflowJob::finished, this, [this, job, generation] {
        if (generation != m_checkGeneration) {
            return; // the files of a later drop replaced these
        }
        m_check = nullptr;
        QList<UsageFileResult> results;
        m_previews.clear();
        const bool checked = job->status() == WorkflowJob::Status::Succeeded;
        bool newServer = false;
        if (!checked) {
            // The store could not say which servers and uploads it knows: no file can be judged. The files stay
            // listed, so the next drop (or Delete) checks them again.
            resultMessage()->showMessage(InlineMessage::Type::Error, job->errorText(), job->nextStep());
            for (const QString &path : std::as_const(m_files)) {
                UsageFileResult row;
                row.path = path;
                row.title = i18nc("@info a file the console could not check", "Not checked");
                row.detail = job->errorText();
                results.append(row);
            }
        } else {
            if (m_checkFailed) {
                resultMessage()->dismiss(); // the store's error of the check before
            }
            for (const AddServerUsageJob::FileResult &file : job->results()) {
                m_checks.append(file.check);
                QString preview;
                results.append(checkedRow(file.check, &preview));
                m_previews.insert(file.check.path, preview);
                newServer = newServer || results.constLast().warning;
            }
        }
        m_checkFailed = !checked;
        m_allowNewServers->setVisible(newServer);
        m_dropZone->setResults(results); // previews the first file that can go
        if (!checked) {
            m_preview->clear(); // "Checking…" or a file of the list before
        }
        updateUploadable();
        Q_EMIT filesChecked();
    });
    controller()->runner()->start(job);
}

void AddServerUsageView::updateUploadable()
{
    if (isBusy()) {
        return; // the running upload goes through m_uploadable
    }
    m_uploadable.clear();
    for (const UsageFileCheck::Outcome &check : std::as_const(m_checks)) {
        if (check.uploadable(m_allowNewServers->isChecked())) {
            m_uploadable.append(check.path);
        }
    }
    startButton()->setEnabled(!m_uploadable.isEmpty() && isActionAvailable() && !isChecking());
}

void AddServerUsageView::startRequested()
{
    if (m_uploadable.isEmpty() || isBusy() || isChecking()) {
        return;
    }
    // The upload goes through the files checked now: no other files until it has finished.
    m_dropZone->setRefusing(
        i18nc("@info", "An upload is running. Add more files when it has finished, or cancel it first."));
    m_allowNewServers->setEnabled(false);
    auto *job = new AddServerUsageJob(controller()->context(), m_uploadable, AddServerUsageJob::Mode::Upload);
    job->setAllowNewServers(m_allowNewServers->isChecked());
    m_uploading = 0;
    // The file's result comes with the signal: results() belongs to the job's thread while it runs.
    connect(job, &AddServerUsageJob::fileFinished, this, [this](int index, const AddServerUsageJob::FileResult &file) {
        m_uploading = index + 1;
        resultMessage()->showMessage(InlineMessage::Type::Information,
            i18nc("@info %1 file, %2 upload state", "%1: %2", QFileInfo(file.check.path).fileName(),
                uploadSyncStateText(file.state)),
            file.error);
    });
    runJob(job);
}

void AddServerUsageView::jobDone(WorkflowJob *job)
{
    const auto *upload = static_cast<AddServerUsageJob *>(job);
    m_dropZone->setRefusing({});
    m_allowNewServers->setEnabled(true);
    QList<UsageFileResult> results;
    for (const AddServerUsageJob::FileResult &file : upload->results()) {
        UsageFileResult row;
        row.path = file.check.path;
        row.ok = file.state == UploadSyncState::Success;
        if (!upload->uploadable(file)) {
            // Checked again when the upload started: moved, changed or a copy of another file since.
            row.title = i18nc("@info", "Cannot be added");
            row.detail = file.check.message;
        } else if (file.state == UploadSyncState::Unknown && file.error.isEmpty() && !file.uploaded) {
            row.title = i18nc("@info upload state", "Not uploaded"); // the upload stopped before this file
        } else {
            row.title = file.state == UploadSyncState::Unknown ? i18nc("@info upload state", "Not confirmed")
                                                               : uploadSyncStateText(file.state);
            row.detail = file.error;
        }
        results.append(row);
    }
    m_dropZone->setResults(results);
    m_uploadable.clear();
    m_checks.clear();
    m_allowNewServers->hide();
    startButton()->setEnabled(false);
    if (upload->status() != WorkflowJob::Status::Succeeded) {
        // Cancelled, or stopped by GitHub's error (a token, a limit, the server; its message stays above):
        // nothing the admin chose is lost. The files are checked again, so those not uploaded are ready
        // once more for Start (and one that did reach GitHub is recognised by its checksum).
        checkFiles(m_files);
        return;
    }
    m_filesUploaded = true;
    resultMessage()->showMessage(InlineMessage::Type::Information,
        i18ncp("@info", "%1 file added; the totals are being refreshed.",
            "%1 files added; the totals are being refreshed.", upload->results().size()),
        {});
    controller()->refresh();
}

ActionView::AssistCompanion AddServerUsageView::assistCompanion() const
{
    const QString path = m_uploadable.value(m_uploading);
    if (path.isEmpty()) {
        return {};
    }
    const QFileInfo file(path);
    return {QUrl::fromLocalFile(file.absolutePath()),
        i18nc("@info assisted upload, %1 file name",
            "The folder with %1 is open too: drag the file from there onto the page.", file.fileName())};
}
