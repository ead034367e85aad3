// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "reportfiledialog.h"

#include "core/dateformat.h"

#include "countedtwicepanel.h"
#include "inlinemessage.h"
#include "uiformat.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

ReportFileDialog::ReportFileDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(WidgetUtil::makeValueLabel(
          QStringLiteral("reportFileSummary"), i18nc("@label accessible name", "The report file's seats"), this))
    , m_busy(new QProgressBar(this))
    , m_error(new InlineMessage(this))
    , m_panel(new CountedTwicePanel(this))
    , m_another(new QPushButton(
          QIcon::fromTheme(QStringLiteral("document-open")), i18nc("@action:button", "Check &Another File…"), this))
{
    setObjectName(QStringLiteral("reportFileDialog"));
    setWindowTitle(i18nc("@title:window", "License Report File"));
    m_summary->setWordWrap(true);
    m_busy->setObjectName(QStringLiteral("reportFileBusy"));
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(i18nc("@label accessible name", "Reading the report"));
    m_error->setObjectName(QStringLiteral("reportFileError"));
    m_panel->setShowInTable(false); // the file's seats are in no table
    m_another->setObjectName(QStringLiteral("anotherFileButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_another, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_panel, 1);
    layout->addWidget(buttons);
    WidgetUtil::resizeWithinScreen(this, QSize(WidgetUtil::latinTextWidth(this, 180), fontMetrics().height() * 36));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_another, &QPushButton::clicked, this, &ReportFileDialog::anotherFileRequested);
    m_error->hide();
    m_panel->hide();
}

void ReportFileDialog::setBusy(const QString &path)
{
    m_summary->setText(i18nc("@info %1 a file name", "Reading %1…", QFileInfo(path).fileName()));
    m_busy->show();
    m_error->dismiss();
    m_error->hide();
    m_panel->hide();
    m_another->setEnabled(false);
}

void ReportFileDialog::showReport(const QString &path, const Glc::ConsumedLicensesReport &totals, bool hasPurchased,
    const Glc::CompactLicenseRows &seats, const Glc::CountedTwiceResult &result, const Glc::MergedView::Totals &people)
{
    const QString name = QFileInfo(path).fileName();
    const QString saved = Glc::DateFormat::toString(QFileInfo(path).lastModified());
    const int consumed = int(seats.size());
    m_summary->setText(hasPurchased && totals.totalSeatsPurchased > 0
            ? i18ncp("@info %2 file, %3 date, %4 seats, %5 purchased",
                  "%2 (saved %3): %4 seat consumed of %5 purchased.",
                  "%2 (saved %3): %4 seats consumed of %5 purchased.", consumed, name, saved,
                  UiFormat::number(consumed), UiFormat::number(totals.totalSeatsPurchased))
            : i18ncp("@info %2 file, %3 date, %4 seats",
                  "%2 (saved %3): %4 seat consumed; the file does not say how many are purchased.",
                  "%2 (saved %3): %4 seats consumed; the file does not say how many are purchased.", consumed, name,
                  saved, UiFormat::number(consumed)));
    m_busy->hide();
    m_error->hide();
    m_panel->showAnalysis(result, seats, people);
    m_panel->show();
    m_another->setEnabled(true);
}

void ReportFileDialog::showError(const QString &path, const QString &error, const QString &nextStep)
{
    m_summary->setText(QFileInfo(path).fileName());
    m_busy->hide();
    m_panel->hide();
    m_error->showMessage(InlineMessage::Type::Error, error, nextStep);
    m_error->show();
    m_another->setEnabled(true);
}
