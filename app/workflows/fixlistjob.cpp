// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "fixlistjob.h"

#include "licensing/fixlistwriter.h"

namespace Glc {
FixListJob::FixListJob(const WorkflowContext &context, const QString &path, const CompactLicenseRows &seats,
    const CountedTwiceResult &result, bool utf8Bom, QObject *parent)
    : WriteFileJob(
          context, path, [seats, result, utf8Bom] { return FixListWriter::toCsv(seats, result, utf8Bom); }, parent)
    , m_findings(result.pairs.size() + result.unexpected.size())
{
}
} // namespace Glc
