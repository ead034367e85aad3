// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "boundedread.h"

#include <QFileDevice>
#include <QIODevice>

#include <algorithm>

namespace Glc {
bool readAtMost(QIODevice &device, qint64 limit, QByteArray &out)
{
    out.clear();
    out.reserve(std::clamp<qint64>(device.size(), 0, limit + 1));
    while (out.size() <= limit) {
        const QByteArray chunk = device.read(std::min<qint64>(limit + 1 - out.size(), 1 << 20));
        if (chunk.isEmpty()) {
            break;
        }
        out += chunk;
    }
    const auto *file = qobject_cast<const QFileDevice *>(&device);
    return file ? file->error() == QFileDevice::NoError : true;
}
} // namespace Glc
