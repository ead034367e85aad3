// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

class QMainWindow;

/// `--self-test`: proves that the real interface starts. Prints what it saw and returns the exit code.
namespace SelfTest {
bool requested(int argc, char **argv);
int run(QMainWindow *window);
} // namespace SelfTest
