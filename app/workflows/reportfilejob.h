// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/mergedview.h"
#include "workflows/workflowjob.h"

namespace Glc {
/// Judges a license report that reached the admin as a file (LicenseReportReader: GitHub's CSV or the
/// consumed-licenses JSON) in the worker thread: who is counted twice, the seats that count unexpectedly and the
/// people by GitHub's matching rules. Reads no store and no network; stores nothing. The console's File > Check
/// a License Report File.
class ReportFileJob : public WorkflowJob
{
    Q_OBJECT
public:
    ReportFileJob(const WorkflowContext &context, const QString &path, QObject *parent = nullptr);

    QString path() const { return m_path; }
    /// Valid once succeeded.
    const ConsumedLicensesReport &totals() const { return m_totals; } ///< without its users: they are in seats()
    bool hasPurchased() const { return m_hasPurchased; }
    const CompactLicenseRows &seats() const { return m_seats; }
    const CountedTwiceResult &countedTwice() const { return m_countedTwice; }
    const MergedView::Totals &people() const { return m_people; }

protected:
    void run() override;

private:
    const QString m_path;
    ConsumedLicensesReport m_totals;
    bool m_hasPurchased = false;
    CompactLicenseRows m_seats;
    CountedTwiceResult m_countedTwice;
    MergedView::Totals m_people;
};
} // namespace Glc
