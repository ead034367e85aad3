// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"

#include <QStringList>

class QCommandLineParser;

namespace Glc {
class LicenseLab;

/// The license lab's command line, shared by ghe-license-lab and `ghe-license lab`: one translated
/// definition of every LabConfig knob a user sets (where it listens, the generated enterprise, every
/// fault) and one reader that refuses a bad value with a message naming the option.
namespace LabOptions {
/// Adds the options to @p parser; their help names the values of @p defaults.
void addOptions(QCommandLineParser &parser, const LabConfig &defaults = {});
/// Sets in @p config what the options given in @p parser (see addOptions()) ask for; the rest stays as it is.
/// False on a bad value or combination, with a translated message in @p error (a usage error).
bool apply(const QCommandLineParser &parser, LabConfig *config, QString *error);
/// What a started lab prints on stdout, one line each: "URL: …", "Token: …", "Enterprise: …",
/// "Consumed licenses: N" and, with TLS, "CA certificate: FILE". Scripts parse them.
QStringList startedLines(LicenseLab &lab);
} // namespace LabOptions
} // namespace Glc
