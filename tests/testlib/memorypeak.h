// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QtGlobal>

namespace GlcTest {
/// How much memory a piece of work takes, from the kernel's own figures (/proc/self/status):
/// created before the work, it gives freed memory back to the system and restarts the high-water
/// mark (VmHWM) at the resident size, so peakMb() afterwards is the work's peak. Linux only.
class MemoryPeak
{
public:
    MemoryPeak();

    /// False when the high-water mark could not be restarted (no /proc/self/clear_refs).
    bool isValid() const { return m_valid; }
    /// The highest resident size since construction, less the resident size then (MB).
    double peakMb() const;
    /// The resident size now, once freed memory is given back, less the resident size at
    /// construction (MB): what the work keeps.
    double keptMb() const;

    /// A "kB" field of /proc/self/status (VmRSS, VmHWM, …), -1 when unreadable.
    static qint64 statusKb(const char *field);

private:
    qint64 m_rssKb = 0;
    bool m_valid = false;
};
} // namespace GlcTest
