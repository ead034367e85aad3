// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QByteArray>
#include <QString>

namespace Glc::Test {
/// UTF-8 bytes re-encoded the way Windows PowerShell 5 writes redirected output: UTF-16LE after a byte order mark.
inline QByteArray utf16LittleEndianWithBom(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QByteArray bytes("\xFF\xFE");
    for (const QChar c : text) {
        bytes.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
    }
    return bytes;
}
} // namespace Glc::Test
