// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace Glc {
/// Consumed-license rows copied out of a database's own API a batch at a time, then packed into
/// CompactLicenseRows: the columns of LicenseSelectColumns, 13 texts then 5 numbers.
class RowBatch
{
public:
    static constexpr int TextColumns = 13;
    static constexpr int NumberColumns = 5;

    /// One text of the current row, in column order (null: none).
    void addText(const char *utf8, qsizetype size)
    {
        if (utf8) {
            m_text.append(utf8, size);
        }
        m_ends.append(quint32(m_text.size()));
    }
    /// One number of the current row, in column order; a TriState's NULL is -1.
    void addNumber(qint32 value) { m_numbers.append(value); }
    void reserve(qsizetype rows);
    qsizetype size() const { return m_numbers.size() / NumberColumns; }
    /// Appends the batch's rows to `rows` (CompactLicenseRows::append(Utf8Row)).
    void appendTo(CompactLicenseRows &rows) const;

private:
    QByteArray m_text; ///< every text back to back
    QList<quint32> m_ends; ///< TextColumns per row: where each text ends in m_text
    QList<qint32> m_numbers; ///< NumberColumns per row
};

/// Fills `batch` with the next rows; false when there are none left (or on an error, which the
/// caller keeps): the batch is still packed.
using FillBatch = std::function<bool(RowBatch &batch)>;

/// Packs every batch `fill` gives into `rows`. `threaded`: `fill` runs on a thread of its own
/// while this one packs (copying out of the database and packing take about as long each), at
/// most a few batches ahead.
void packBatches(const FillBatch &fill, bool threaded, CompactLicenseRows &rows);
} // namespace Glc
