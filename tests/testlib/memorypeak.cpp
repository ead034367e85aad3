// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "memorypeak.h"

#include <QFile>

#include <malloc.h>

namespace GlcTest {
MemoryPeak::MemoryPeak()
{
    // The allocator's free lists would otherwise hide the work's allocations from the figures.
    malloc_trim(0);
    m_rssKb = statusKb("VmRSS");
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    // "5" resets VmHWM to the current RSS.
    m_valid = m_rssKb >= 0 && f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

double MemoryPeak::peakMb() const
{
    return (statusKb("VmHWM") - m_rssKb) / 1024.0;
}

double MemoryPeak::keptMb() const
{
    malloc_trim(0);
    return (statusKb("VmRSS") - m_rssKb) / 1024.0;
}

qint64 MemoryPeak::statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}
} // namespace GlcTest
