// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

namespace Glc {
/// Exit codes of ghe-license, documented in README.md ("Exit codes"); scripts depend on them, never renumber.
enum class ExitCode : int {
    Ok = 0,
    Failure = 1,
    Usage = 2,
    ThresholdCrossed = 3,
    AssistNeeded = 4,
};
} // namespace Glc
