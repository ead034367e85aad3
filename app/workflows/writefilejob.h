// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

#include <QByteArray>

#include <functional>

namespace Glc {
/// A file the console saves (a fix list, a list of changes): its bytes made and written atomically in the
/// worker thread, so a large list keeps the window responsive. Needs no network and no store.
class WriteFileJob : public WorkflowJob
{
    Q_OBJECT
public:
    /// `bytes` runs in the worker thread: it must hold its own (shared) copies of what it writes.
    WriteFileJob(const WorkflowContext &context, const QString &path, std::function<QByteArray()> bytes,
        QObject *parent = nullptr);

    QString path() const { return m_path; }

protected:
    void run() override;

private:
    QString m_path;
    std::function<QByteArray()> m_bytes;
};
} // namespace Glc
