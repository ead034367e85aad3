// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <memory>

class QSocketNotifier;

namespace Glc {
/// While it lives, SIGINT and SIGTERM quit the application's event loop instead of killing the
/// process, so what the lab made (a --tls lab's temporary CA folder, listening sockets) is cleaned
/// up by the destructors. One at a time; the signals' default actions come back when it goes.
class QuitOnSignals
{
public:
    QuitOnSignals();
    ~QuitOnSignals();
    QuitOnSignals(const QuitOnSignals &) = delete;
    QuitOnSignals &operator=(const QuitOnSignals &) = delete;

    bool isActive() const { return m_notifier != nullptr; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};
} // namespace Glc
