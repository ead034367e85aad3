// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QImage>
#include <QObject>

#include <functional>

class LicenseController;
class LicensePage;
class QTextDocument;
class QWidget;

/// File > Save Summary: the License page on one page (Glc::LicenseSummary) for people who do not open
/// the console, as PDF (printed with the history chart as the page draws it) or as one self-contained
/// HTML file (the chart inside as an image). Written atomically; an error appears inline on the page.
class SaveSummaryCommand : public QObject
{
    Q_OBJECT
public:
    SaveSummaryCommand(LicenseController *controller, LicensePage *page);

    /// Asks for a file (PDF or HTML; the last kind is kept), then write(). Nothing happens when the admin
    /// cancels, or when there is no snapshot yet (the page says so).
    void start();
    /// Writes the summary of what the page shows: HTML for a name ending in .html or .htm, else PDF.
    void write(const QString &path);
    /// How a file is chosen (the console's save dialog); tests answer in its place.
    using Chooser = std::function<QString(QWidget *parent)>;
    void setChooser(const Chooser &chooser) { m_chooser = chooser; }
    /// The summary of what the page shows as a document to print (the chart as one of its resources).
    void prepare(QTextDocument *document) const;

Q_SIGNALS:
    void saved(const QString &path);
    void failed(const QString &error, const QString &nextStep);

private:
    QString chooseFile();
    /// The page's history chart as drawn, or none when there is no history.
    QImage chart() const;
    QString html(const QString &chartImage) const;

    LicenseController *const m_controller;
    LicensePage *const m_page;
    Chooser m_chooser;
};
