// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "downloadreportcommand.h"

#include "filedialogs.h"
#include "licensecontroller.h"
#include "licensepage/licensepage.h"
#include "licensetablecontroller.h"
#include "models/consumedlicensesmodel.h"
#include "workflows/jobrunner.h"
#include "workflows/reportjob.h"

#include <KLocalizedString>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

#include <limits>

using namespace Glc;

DownloadReportCommand::DownloadReportCommand(
    LicenseController *controller, LicensePage *page, LicenseTableController *table)
    : QObject(controller)
    , m_controller(controller)
    , m_page(page)
    , m_table(table)
{
}

void DownloadReportCommand::start()
{
    // The kinds of file, in this order; the settings keep the last one by its key, not its
    // (translated) text.
    const QStringList kinds = {QStringLiteral("csv-bom"), QStringLiteral("csv"), QStringLiteral("json")};
    const QStringList suffixes = {QStringLiteral("csv"), QStringLiteral("csv"), QStringLiteral("json")};
    const QStringList filters = {
        i18nc("@item:inlistbox file type", "CSV for spreadsheet programs, UTF-8 with byte order mark (*.csv)"),
        i18nc("@item:inlistbox file type", "CSV, plain UTF-8 like GitHub's license report (*.csv)"),
        i18nc("@item:inlistbox file type", "JSON (*.json)"),
    };
    QSettings settings;
    const int last = std::max(0, int(kinds.indexOf(settings.value(QStringLiteral("report/kind")).toString())));
    const QString suggested = QDir(FileDialogs::documentsFolder())
                                  .filePath(QStringLiteral("consumed-licenses-%1.%2")
                                          .arg(QDate::currentDate().toString(Qt::ISODate), suffixes.at(last)));
    LocalizedFileTypes types; // before the dialog, to outlive it
    QFileDialog dialog(m_page, i18nc("@title:window", "Download Report"));
    FileDialogs::prepare(dialog, &types, suggested);
    dialog.setObjectName(QStringLiteral("reportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters(filters);
    dialog.selectNameFilter(filters.at(last));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) {
        return;
    }
    const int kind = std::max(0, int(filters.indexOf(dialog.selectedNameFilter())));
    settings.setValue(QStringLiteral("report/kind"), kinds.at(kind));
    QString path = dialog.selectedFiles().constFirst();
    // A name that kept the suffix of another kind (the suggested .csv, with JSON chosen) gets the chosen one.
    if (const QString suffix = QFileInfo(path).suffix();
        suffixes.contains(suffix.toLower()) && suffix.toLower() != suffixes.at(kind)) {
        path = path.left(path.size() - suffix.size()) + suffixes.at(kind);
        // The dialog asked about replacing the name it showed, not this one.
        if (QFileInfo::exists(path) &&
            QMessageBox::question(m_page, i18nc("@title:window", "Download Report"),
                i18nc("@info %1 file", "%1 already exists. Replace it?", path), QMessageBox::Yes | QMessageBox::No,
                QMessageBox::No) != QMessageBox::Yes) {
            return;
        }
    }
    write(path,
        kinds.at(kind) == QLatin1String("json") ? LicenseReportWriter::Format::Json : ReportJob::formatFor(path),
        kinds.at(kind) == QLatin1String("csv-bom"));
}

void DownloadReportCommand::write(const QString &path, LicenseReportWriter::Format format, bool utf8Bom)
{
    // The table's rows as the user sees them (filtered and sorted); the job picks and writes them in
    // the worker thread.
    const ConsumedLicensesReport &totals = m_controller->data().snapshot.licenses;
    LicenseReportWriter::Options options;
    options.format = format;
    options.utf8Bom = utf8Bom && format == LicenseReportWriter::Format::Csv;
    auto *job =
        new ReportJob(m_controller->context(), path, totals, m_table->model()->rows(), m_table->shownRows(), options);
    // Shown only when the write takes a while (300,000 seats: a few seconds); the file is named, since the
    // save dialog that chose it is gone. It lives as long as the job: its Cancel can always reach it.
    auto *progress = new QProgressDialog(m_page);
    progress->setObjectName(QStringLiteral("reportProgressDialog"));
    progress->setWindowTitle(i18nc("@title:window", "Download Report"));
    progress->setLabelText(i18nc("@label:progress %1 file name", "Writing %1…", QFileInfo(path).fileName()));
    // Not modal: the console stays usable meanwhile (and a modal one's setValue() would run the event loop
    // inside this signal's slot).
    progress->setWindowModality(Qt::NonModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setRange(0, 0);
    progress->setMinimumDuration(m_progressDelayMs);
    progress->setMinimumWidth(progress->fontMetrics().horizontalAdvance(u'x') * 50);
    connect(job, &WorkflowJob::progress, progress, [progress](qint64 done, qint64 total) {
        progress->setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
        progress->setValue(int(std::min<qint64>(done, progress->maximum())));
    });
    connect(progress, &QProgressDialog::canceled, this, [job] { JobRunner::cancel(job); });
    connect(job, &WorkflowJob::finished, this, [this, job, progress] {
        delete progress;
        const bool success = job->status() == WorkflowJob::Status::Succeeded;
        if (success) {
            Q_EMIT statusMessage(i18ncp("@info:status", "Report with %1 seat written to %2.",
                "Report with %1 seats written to %2.", job->seatsWritten(), job->path()));
        } else if (job->status() == WorkflowJob::Status::Cancelled) {
            Q_EMIT statusMessage(
                i18nc("@info:status %1 file path", "Download report cancelled; %1 was not changed.", job->path()));
        } else if (job->status() == WorkflowJob::Status::Failed) {
            m_page->showError(job->errorText(), job->nextStep());
        }
        Q_EMIT finished(success, job->path());
    });
    m_controller->runner()->start(job);
}
