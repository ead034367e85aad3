// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QByteArray>

class QIODevice;

namespace Glc {
/// Reads @p device to its end, but never more than @p limit + 1 bytes into @p out: a pipe or a device
/// (`--file <(…)`, `/dev/zero`) says size 0, and the one byte past the limit tells that the input is too
/// large without filling the memory. False on a read error (the device's errorString() says which).
bool readAtMost(QIODevice &device, qint64 limit, QByteArray &out);
} // namespace Glc
