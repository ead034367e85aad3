// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "workflows/writefilejob.h"

namespace Glc {
/// "Save Fix List": the counted-twice findings (Glc::FixListWriter) written atomically as CSV in the
/// worker thread. Needs no network and no store.
class FixListJob : public WriteFileJob
{
    Q_OBJECT
public:
    /// `seats`: the analysed seats (a cheap shared copy) that `result`'s rows index.
    FixListJob(const WorkflowContext &context, const QString &path, const CompactLicenseRows &seats,
        const CountedTwiceResult &result, bool utf8Bom, QObject *parent = nullptr);

    /// The findings in the list: the pairs and the seats that count unexpectedly.
    qsizetype findings() const { return m_findings; }

private:
    qsizetype m_findings;
};
} // namespace Glc
