// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

namespace GlcTest {
/// Deterministic LicenseSnapshot data for tests and benchmarks: `users` people over `servers`
/// GHES hosts. A share of them have a server e-mail on another domain (they appear twice: a cloud
/// row and a server-only row, the classic over-count), some have Chinese names, some only a
/// pending invitation, some a Visual Studio subscription.
struct SnapshotGeneratorOptions
{
    int users = 1000;
    int servers = 3;
    double serverShare = 0.6; ///< people who also have an account on one or more servers
    double mismatchedShare = 0.05; ///< of those, whose server e-mail is on another domain
    double chineseShare = 0.1;
    double pendingInviteShare = 0.01;
    double visualStudioShare = 0.05;
    /// Each server's user accounts (GraphQL `userAccounts`: login, name, e-mail) for every seat
    /// row that names one of its user IDs, as a refresh stores them; otherwise one admin each.
    bool serverAccounts = false;
    quint32 seed = 1;
    QString connectionId = QStringLiteral("lab");
};

class SnapshotGenerator
{
public:
    static Glc::LicenseSnapshot generate(const SnapshotGeneratorOptions &options);
    /// The same enterprise a week later, for comparisons: the rows in reverse order, every
    /// `every`-th row gone, as many newcomers come, and every `every`-th other row with one more
    /// server account. Newcomers are named `newcomerPrefix` and a number, so a chain of weeks
    /// needs a prefix per week.
    static Glc::LicenseSnapshot weekLater(const Glc::LicenseSnapshot &snapshot, int every = 100,
        const QString &newcomerPrefix = QStringLiteral("newcomer-"));
    static QString serverHost(int server);
};
} // namespace GlcTest
