// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowcontext.h"

#include <QString>

namespace Glc {
/// How one of the three actions runs on a connection (design.md, "Connections and capabilities"):
/// end to end by the console, assisted (real GitHub has no API for it: the admin clicks on GitHub's
/// page, the console confirms), or not at all, with the reason. Shown before the action starts.
struct Capability
{
    enum class Action : qint8 {
        SyncNow,
        ExportUsage,
        AddServerUsage,
    };
    enum class Kind : qint8 {
        Automatic,
        Assisted,
        Unavailable,
    };

    Kind kind = Kind::Unavailable;
    QString text; ///< one translated sentence: how the action runs here, or why it cannot and what to do

    bool available() const { return kind != Kind::Unavailable; }

    /// What the jobs (SyncNowJob, ExportUsageJob, AddServerUsageJob) do with `context`.
    static Capability of(Action action, const WorkflowContext &context);
};
} // namespace Glc
