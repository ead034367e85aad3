// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QUrl>

#include <functional>

/// How the console opens web pages: GitHub's pages of the assisted flows, a user's profile. The browser;
/// tests put the lab (or a recorder) in its place.
namespace UrlOpener {
using Function = std::function<void(const QUrl &)>;
void open(const QUrl &url);
void set(const Function &opener);
} // namespace UrlOpener
