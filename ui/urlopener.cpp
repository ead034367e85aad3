// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "urlopener.h"

#include <QDesktopServices>

namespace UrlOpener {
namespace {
Function &current()
{
    static Function opener = [](const QUrl &url) { QDesktopServices::openUrl(url); };
    return opener;
}
} // namespace

void open(const QUrl &url)
{
    current()(url);
}

void set(const Function &opener)
{
    current() = opener;
}
} // namespace UrlOpener
