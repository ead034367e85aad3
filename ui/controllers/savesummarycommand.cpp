// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "savesummarycommand.h"

#include "core/applicationinfo.h"
#include "filedialogs.h"
#include "licensecontroller.h"
#include "licensepage/historychart.h"
#include "licensepage/licensepage.h"
#include "licensing/licensereportwriter.h"
#include "workflows/summaryinput.h"

#include <KLocalizedString>
#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFileInfo>
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

void SaveSummaryCommand::prepare(QTextDocument *document) const
{
    const QUrl chartUrl(QStringLiteral("glc-summary:history-chart.png"));
    const QImage image = chart();
    document->setDefaultFont(m_page->font());
    if (!image.isNull()) {
        document->addResource(QTextDocument::ImageResource, chartUrl, image);
    }
    document->setHtml(html(image.isNull() ? QString() : chartUrl.toString()));
}

void SaveSummaryCommand::write(const QString &path)
{
    QByteArray bytes;
    if (isHtml(path)) {
        // One file to mail: the chart inside it.
        QByteArray png;
        QBuffer pngBuffer(&png);
        if (const QImage image = chart(); !image.isNull() && pngBuffer.open(QIODevice::WriteOnly)) {
            image.save(&pngBuffer, "PNG");
        }
        bytes = html(
            png.isEmpty() ? QString() : QLatin1String("data:image/png;base64,") + QString::fromLatin1(png.toBase64()))
                    .toUtf8();
    } else {
        QTextDocument document;
        prepare(&document);
        QBuffer pdf(&bytes);
        pdf.open(QIODevice::WriteOnly);
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(Glc::ApplicationInfo::displayName());
        document.print(&writer);
    }
    const Glc::LicenseReportWriter::Result result = Glc::LicenseReportWriter::writeFile(path, bytes);
    if (!result.ok()) {
        Q_EMIT failed(result.errorMessage, i18nc("@info", "Choose a folder you can write to."));
        return;
    }
    Q_EMIT saved(path);
}
