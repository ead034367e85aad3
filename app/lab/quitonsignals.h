// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <functional>
#include <memory>

class QSocketNotifier;

namespace Glc {
/// While it lives, SIGINT and SIGTERM quit the application's event loop (or run `instead`, from the
/// event loop) instead of killing the process, so what the lab made (a --tls lab's temporary CA folder,
/// listening sockets) or a job started (a file being written, an ssh process) is cleaned up. One at a
/// time: while another lives, this one does nothing; the signals' default actions come back when it goes.
class QuitOnSignals
{
public:
    explicit QuitOnSignals(std::function<void()> instead = {});
    ~QuitOnSignals();
    QuitOnSignals(const QuitOnSignals &) = delete;
    QuitOnSignals &operator=(const QuitOnSignals &) = delete;

    bool isActive() const { return m_notifier != nullptr; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};
} // namespace Glc
