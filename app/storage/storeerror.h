// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>

#include <utility>

namespace Glc {
/// An error of the license store, as a value. `message` is translated and says what to do next;
/// `detail` carries the driver's text for logs and "details" boxes.
struct StoreError
{
    enum class Code : qint8 {
        None,
        InvalidLocation, ///< neither a file path nor a postgresql:// URL
        OpenFailed, ///< the driver could not open or connect
        NewerSchema, ///< written by a newer console: refused, never altered
        MigrationFailed,
        Locked, ///< another console holds the database too long
        QueryFailed,
        Cancelled, ///< the caller cancelled; nothing was written
        NotFound,
        NotOpen,
    };

    Code code = Code::None;
    QString message;
    QString detail;

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }
    /// What the admin does next, shown under the message: the driver's text, or advice where the message
    /// quotes that text already (a failed query).
    QString nextStep() const;
};

/// A value or a StoreError.
template<typename T>
struct StoreResult
{
    T value{};
    StoreError error;

    StoreResult() = default;
    StoreResult(T v) // NOLINT: implicit on purpose, like std::expected
        : value(std::move(v))
    {
    }
    StoreResult(StoreError e) // NOLINT
        : error(std::move(e))
    {
    }
    bool ok() const { return !error.isError(); }
};
} // namespace Glc
