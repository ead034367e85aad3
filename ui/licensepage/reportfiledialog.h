// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"
#include "licensing/mergedview.h"

#include <QDialog>

class CountedTwicePanel;
class InlineMessage;
class QLabel;
class QProgressBar;
class QPushButton;

/// File > Check a License Report File: who is counted twice in a license report that reached the admin as a
/// file (GitHub's CSV, the consumed-licenses JSON), and the seats that count unexpectedly, without a connection.
/// Shows what it is given; the reading and judging run elsewhere (ReportFileCommand).
class ReportFileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReportFileDialog(QWidget *parent = nullptr);

    /// Reading and judging @p path.
    void setBusy(const QString &path);
    void showReport(const QString &path, const Glc::ConsumedLicensesReport &totals, bool hasPurchased,
        const Glc::CompactLicenseRows &seats, const Glc::CountedTwiceResult &result,
        const Glc::MergedView::Totals &people);
    void showError(const QString &path, const QString &error, const QString &nextStep);

    QLabel *summaryLabel() const { return m_summary; }
    CountedTwicePanel *panel() const { return m_panel; }
    InlineMessage *errorMessage() const { return m_error; }
    QPushButton *anotherFileButton() const { return m_another; }

Q_SIGNALS:
    /// Check Another File…
    void anotherFileRequested();

private:
    QLabel *const m_summary;
    QProgressBar *const m_busy;
    InlineMessage *const m_error;
    CountedTwicePanel *const m_panel;
    QPushButton *const m_another;
};
