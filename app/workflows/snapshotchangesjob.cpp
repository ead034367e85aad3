// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotchangesjob.h"

#include "storage/licensestore.h"

#include <KLocalizedString>

namespace Glc {
SnapshotChangesJob::SnapshotChangesJob(const WorkflowContext &context, qint64 fromId, qint64 toId, QObject *parent)
    : WorkflowJob(context, parent)
    , m_fromId(fromId)
    , m_toId(toId)
{
}

void SnapshotChangesJob::run()
{
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    const QString connectionName =
        context().connection.name.isEmpty() ? context().connection.id : context().connection.name;
    const StoreResult<QList<SnapshotSummary>> all = db->snapshots(context().connection.id);
    if (!all.ok()) {
        fail(all.error);
        return;
    }
    auto find = [&all](qint64 id) -> const SnapshotSummary * {
        for (const SnapshotSummary &s : all.value) {
            if (s.id == id) {
                return &s;
            }
        }
        return nullptr;
    };
    // Oldest first: the newest is last.
    const SnapshotSummary *to = m_toId > 0 ? find(m_toId) : (all.value.isEmpty() ? nullptr : &all.value.constLast());
    const SnapshotSummary *from = nullptr;
    if (m_fromId > 0) {
        from = find(m_fromId);
    } else if (to) {
        for (const SnapshotSummary &s : all.value) {
            if (s.takenAt < to->takenAt || (s.takenAt == to->takenAt && s.id < to->id)) {
                from = &s; // the last one before `to`
            }
        }
    }
    if ((m_toId > 0 && !to) || (m_fromId > 0 && !from)) {
        fail(i18nc("@info %1 connection", "No such snapshot of %1.", connectionName),
            i18nc("@info", "It may have been removed by the snapshot retention setting."));
        return;
    }
    if (!to || !from) {
        fail(i18ncp("@info %2 connection", "Only %1 snapshot of %2 is stored; a comparison needs two.",
                 "Only %1 snapshots of %2 are stored; a comparison needs two.", int(all.value.size()), connectionName),
            i18nc("@info", "Refresh again later: every refresh stores a snapshot."));
        return;
    }
    m_from = *from;
    m_to = *to;
    // Each read takes about a second with 300k seats: a comparison the user no longer wants (another choice,
    // the dialog closed) stops between the steps.
    Q_EMIT progress(0, 2, 0);
    StoreResult<CompactLicenseRows> before = db->loadCompactLicenses(m_from.id);
    if (!before.ok()) {
        fail(before.error);
        return;
    }
    Q_EMIT progress(1, 2, before.value.size());
    if (cancelRequested()) {
        cancel();
        return;
    }
    StoreResult<CompactLicenseRows> after = db->loadCompactLicenses(m_to.id);
    if (!after.ok()) {
        fail(after.error);
        return;
    }
    Q_EMIT progress(2, 2, before.value.size() + after.value.size());
    if (cancelRequested()) {
        cancel();
        return;
    }
    m_before = std::move(before.value);
    m_after = std::move(after.value);
    m_diff = SnapshotDiff::compute(m_before, m_after);
    succeed();
}
} // namespace Glc
