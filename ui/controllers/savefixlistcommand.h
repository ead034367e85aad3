// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class CountedTwicePanel;
class QWidget;
namespace Glc {
class FixListJob;
class JobRunner;
} // namespace Glc

/// Save Fix List… of a counted-twice panel (the License page's, or a checked report file's): asks for a
/// CSV file, then writes the panel's findings there through Glc::FixListJob in the worker thread.
class SaveFixListCommand : public QObject
{
    Q_OBJECT
public:
    /// Answers `panel`'s Save Fix List… requests with jobs run by `runner`.
    SaveFixListCommand(CountedTwicePanel *panel, Glc::JobRunner *runner, QObject *parent);

    /// Saves the panel's findings to `path`; empty: asks for a file first (nothing happens when the
    /// admin cancels that).
    void start(const QString &path = {});
    /// How a file is chosen (the console's save dialog); tests answer in its place.
    using Chooser = std::function<QString(QWidget *parent)>;
    void setChooser(const Chooser &chooser) { m_chooser = chooser; }

Q_SIGNALS:
    /// Written: `findings` pairs and seats that count unexpectedly in `path`.
    void saved(const QString &path, qsizetype findings);
    /// Not written; the file, if it existed, is as it was.
    void failed(const QString &error, const QString &nextStep);

private:
    QString chooseFile();

    CountedTwicePanel *const m_panel;
    Glc::JobRunner *const m_runner;
    QPointer<Glc::FixListJob> m_job;
    Chooser m_chooser;
};
