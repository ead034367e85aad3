// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "quitonsignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Glc {
namespace {
int s_wakeUp[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(s_wakeUp[1], &byte, 1);
}
} // namespace

QuitOnSignals::QuitOnSignals(std::function<void()> instead)
{
    if (s_wakeUp[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, s_wakeUp) != 0) {
        return; // another one is active, or no socket pair: the signals keep their default action
    }
    m_notifier = std::make_unique<QSocketNotifier>(s_wakeUp[0], QSocketNotifier::Read);
    QObject::connect(
        m_notifier.get(), &QSocketNotifier::activated, QCoreApplication::instance(), [instead = std::move(instead)] {
            char byte = 0;
            [[maybe_unused]] const ssize_t read = ::read(s_wakeUp[0], &byte, 1);
            if (instead) {
                instead();
            } else {
                QCoreApplication::quit();
            }
        });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

QuitOnSignals::~QuitOnSignals()
{
    if (!m_notifier) {
        return;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    ::close(s_wakeUp[0]);
    ::close(s_wakeUp[1]);
    s_wakeUp[0] = s_wakeUp[1] = -1;
}
} // namespace Glc
