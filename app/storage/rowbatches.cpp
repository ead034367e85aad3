// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "rowbatches.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace Glc {
namespace {
constexpr qsizetype QueueCapacity = 4;

TriState toTri(qint32 stored)
{
    return stored > 0 ? TriState::Yes : (stored == 0 ? TriState::No : TriState::Unknown);
}

/// Batches from the thread that fills them to the one that packs them; the filling thread waits
/// while QueueCapacity batches are waiting.
class BatchQueue
{
public:
    void push(RowBatch &&batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.size() >= QueueCapacity) {
            m_notFull.wait(&m_mutex);
        }
        m_batches.push_back(std::move(batch));
        m_notEmpty.wakeOne();
    }
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_notEmpty.wakeOne();
    }
    /// False once every batch was taken and the filling thread has finished.
    bool pop(RowBatch &batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.empty() && !m_finished) {
            m_notEmpty.wait(&m_mutex);
        }
        if (m_batches.empty()) {
            return false;
        }
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.wakeOne();
        return true;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    std::deque<RowBatch> m_batches;
    bool m_finished = false;
};
} // namespace

void RowBatch::reserve(qsizetype rows)
{
    m_ends.reserve(rows * TextColumns);
    m_numbers.reserve(rows * NumberColumns);
}

void RowBatch::appendTo(CompactLicenseRows &rows) const
{
    const char *const text = m_text.constData();
    CompactLicenseRows::Utf8Row row;
    QByteArrayView *const texts[TextColumns] = {&row.login, &row.name, &row.profile, &row.samlNameId, &row.licenseType,
        &row.visualStudioLicenseStatus, &row.visualStudioSubscriptionEmail, &row.serverUserIds, &row.serverEmails,
        &row.verifiedDomainEmails, &row.memberRoles, &row.enterpriseRoles, &row.orgsWithPendingInvites};
    quint32 from = 0;
    for (qsizetype r = 0; r < size(); ++r) {
        const quint32 *const ends = m_ends.constData() + r * TextColumns;
        for (int c = 0; c < TextColumns; ++c) {
            *texts[c] = QByteArrayView(text + from, ends[c] - from);
            from = ends[c];
        }
        const qint32 *const numbers = m_numbers.constData() + r * NumberColumns;
        row.totalUserAccounts = numbers[0];
        row.githubComUser = numbers[1] != 0;
        row.visualStudioSubscriptionUser = numbers[2] != 0;
        row.enterpriseServerUser = toTri(numbers[3]);
        row.githubComTwoFactorAuth = toTri(numbers[4]);
        rows.append(row);
    }
}

void packBatches(const FillBatch &fill, bool threaded, CompactLicenseRows &rows)
{
    if (!threaded) {
        for (bool more = true; more;) {
            RowBatch batch;
            more = fill(batch);
            batch.appendTo(rows);
        }
        return;
    }
    BatchQueue queue;
    const std::unique_ptr<QThread> filler(QThread::create([&fill, &queue] {
        for (bool more = true; more;) {
            RowBatch batch;
            more = fill(batch);
            queue.push(std::move(batch));
        }
        queue.finish();
    }));
    filler->setObjectName(QStringLiteral("glc-store-rows"));
    filler->start();
    RowBatch batch;
    while (queue.pop(batch)) {
        batch.appendTo(rows);
    }
    filler->wait();
}
} // namespace Glc
