// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "savesummarycommand.h"

#include "core/applicationinfo.h"
#include "filedialogs.h"
#include "licensecontroller.h"
#include "licensepage/historychart.h"
#include "licensepage/licensepage.h"
#include "workflows/jobrunner.h"
#include "workflows/summaryinput.h"
#include "workflows/writefilejob.h"

#include <KLocalizedString>
#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPdfWriter>
#include <QSettings>
#include <QStyle>
#include <QTextDocument>

namespace {
/// The last kind chosen: "pdf" or "html".
const QLatin1String KindKey("summary/kind");

/// The chart's size in the document, in its pixels (at 96 dpi, an A4 page's text is about 680 wide).
constexpr QSize ChartSize(660, 280);

bool isHtml(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("html") || suffix == QLatin1String("htm");
}
} // namespace

SaveSummaryCommand::SaveSummaryCommand(LicenseController *controller, LicensePage *page)
    : QObject(controller)
    , m_controller(controller)
    , m_page(page)
{
}

QString SaveSummaryCommand::chooseFile()
{
    if (m_chooser) {
        return m_chooser(m_page->window());
    }
    const bool html = QSettings().value(KindKey).toString() == QLatin1String("html");
    const QString pdfFilter = i18nc("@item file dialog filter", "PDF document (*.pdf)");
    const QString htmlFilter = i18nc("@item file dialog filter", "Web page, one file (*.html)");
    const QString suggested = QDir(Glc::FileDialogs::documentsFolder())
                                  .filePath(QStringLiteral("license-summary-%1.%2")
                                          .arg(QDate::currentDate().toString(Qt::ISODate),
                                              html ? QStringLiteral("html") : QStringLiteral("pdf")));
    const QString path = Glc::FileDialogs::saveFileName(m_page->window(), i18nc("@title:window", "Save Summary"),
        suggested, html ? htmlFilter + QLatin1String(";;") + pdfFilter : pdfFilter + QLatin1String(";;") + htmlFilter);
    if (!path.isEmpty()) {
        QSettings().setValue(KindKey, isHtml(path) ? QStringLiteral("html") : QStringLiteral("pdf"));
    }
    return path;
}

void SaveSummaryCommand::start()
{
    if (!m_controller->data().hasSnapshot) {
        Q_EMIT failed(i18nc("@info", "There is nothing to summarize yet."),
            i18nc("@info", "Refresh first (F5), then save the summary."));
        return;
    }
    const QString path = chooseFile();
    if (!path.isEmpty()) {
        write(path);
    }
}

QImage SaveSummaryCommand::chart() const
{
    if (m_controller->data().history.isEmpty()) {
        return {};
    }
    // A chart of its own at the width of the document's text (an A4 page within its margins), drawn at twice
    // the pixels so that print stays sharp, on paper's colours whatever the desktop's palette.
    HistoryChart chart;
    chart.setModel(m_controller->historyModel());
    chart.setExpiry(m_page->historyChart()->expiry());
    chart.setFont(m_page->font());
    chart.setPalette(chart.style()->standardPalette());
    chart.resize(ChartSize);
    QImage image(ChartSize * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    chart.render(&image);
    return image;
}

QString SaveSummaryCommand::html(const QString &chartImage) const
{
    const Glc::PageData &data = m_controller->data();
    // The servers' licenses and uploads as the page shows them.
    Glc::LicenseSummary::Input input = Glc::summaryInput(m_controller->context().connection, data.shownSnapshot(),
        data.history, data.countedTwice, data.people, data.organizations, QDateTime::currentDateTimeUtc());
    input.uploadDays = data.uploadDays;
    return Glc::LicenseSummary::html(input, chartImage, ChartSize);
}

namespace {
/// Where the printed summary finds its chart among the document's resources.
QUrl chartUrl()
{
    return QUrl(QStringLiteral("glc-summary:history-chart.png"));
}

/// The summary as a document to print: @p html, whose chart (when @p chart is not null) is chartUrl().
void fill(QTextDocument *document, const QString &html, const QImage &chart, const QFont &font)
{
    document->setDefaultFont(font);
    if (!chart.isNull()) {
        document->addResource(QTextDocument::ImageResource, chartUrl(), chart);
    }
    document->setHtml(html);
}

QByteArray pdfBytes(const QString &html, const QImage &chart, const QFont &font)
{
    QTextDocument document;
    fill(&document, html, chart, font);
    QByteArray bytes;
    QBuffer pdf(&bytes);
    pdf.open(QIODevice::WriteOnly);
    QPdfWriter writer(&pdf);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
    writer.setCreator(Glc::ApplicationInfo::displayName());
    document.print(&writer);
    return bytes;
}
} // namespace

void SaveSummaryCommand::prepare(QTextDocument *document) const
{
    const QImage image = chart();
    fill(document, html(image.isNull() ? QString() : chartUrl().toString()), image, m_page->font());
}

void SaveSummaryCommand::write(const QString &path)
{
    // The chart is drawn and the page's text made here, from what the page shows (both bounded: the lists are
    // capped); the PNG or the PDF is made and written in the worker thread.
    const QImage image = chart();
    std::function<QByteArray()> bytes;
    if (isHtml(path)) {
        // One file to mail: the chart inside it, put in place of a marker once encoded.
        const QString marker = QStringLiteral("glc-summary-chart-data");
        bytes = [page = html(image.isNull() ? QString() : marker), image, marker] {
            QByteArray png;
            QBuffer pngBuffer(&png);
            if (!image.isNull() && pngBuffer.open(QIODevice::WriteOnly)) {
                image.save(&pngBuffer, "PNG");
            }
            // The attribute as the summary writes it: a value from GitHub has its quotes escaped, never this.
            QString text = page;
            text.replace(QLatin1String("src=\"%1\"").arg(marker),
                QLatin1String("src=\"data:image/png;base64,%1\"").arg(QString::fromLatin1(png.toBase64())));
            return text.toUtf8();
        };
    } else {
        bytes = [page = html(image.isNull() ? QString() : chartUrl().toString()), image, font = m_page->font()] {
            return pdfBytes(page, image, font);
        };
    }
    auto *job = new Glc::WriteFileJob(m_controller->context(), path, bytes);
    connect(job, &Glc::WorkflowJob::finished, this, [this, job] {
        if (job->status() == Glc::WorkflowJob::Status::Succeeded) {
            Q_EMIT saved(job->path());
        } else if (job->status() == Glc::WorkflowJob::Status::Failed) {
            Q_EMIT failed(job->errorText(), i18nc("@info", "Choose a folder you can write to."));
        }
    });
    m_controller->runner()->start(job);
}
