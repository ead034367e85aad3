// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensereportwriter.h"

#include <QObject>

class LicenseController;
class LicensePage;
class LicenseTableController;

/// Download report: asks for a file and its kind, then writes the table's seats (filtered and sorted as
/// shown) as CSV or JSON through Glc::ReportJob in the worker thread. A write that takes a while shows its
/// progress in a dialog that can cancel it (the file then stays as it was). An error appears inline on the
/// page, success and cancel as a status message.
class DownloadReportCommand : public QObject
{
    Q_OBJECT
public:
    DownloadReportCommand(LicenseController *controller, LicensePage *page, LicenseTableController *table);

    /// Asks for a file and its kind (CSV for spreadsheet programs, with a UTF-8 byte order mark; plain
    /// UTF-8 CSV like GitHub's own report; JSON - the last choice is kept), then write().
    void start();
    void write(const QString &path, Glc::LicenseReportWriter::Format format, bool utf8Bom = true);
    /// How long a write runs before its progress dialog appears (tests: 0).
    void setProgressDelay(int ms) { m_progressDelayMs = ms; }

Q_SIGNALS:
    void statusMessage(const QString &text);
    /// A report written by write() (or not: the page shows why).
    void finished(bool success, const QString &path);

private:
    LicenseController *const m_controller;
    LicensePage *const m_page;
    LicenseTableController *const m_table;
    int m_progressDelayMs = 500;
};
