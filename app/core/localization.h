// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Glc {
/// Chooses the interface language and loads the catalogs: the console's own (Ki18n) and Qt's
/// (standard buttons, file dialogs, context menus). Call once, right after the application object.
class Localization
{
public:
    /// Language codes the user can choose; an empty code means "follow the system".
    static QStringList availableLanguages();
    /// Human-readable name of a language code, in that language ("English", "简体中文").
    static QString languageName(const QString &code);

    /// The choice stored in settings (empty: system).
    static QString configuredLanguage();
    /// Stores the choice; it takes effect at the next start.
    static void setConfiguredLanguage(const QString &code);

    /// Applies the configured language (or the system's) to Ki18n, QLocale and Qt's translators.
    static void setup(QCoreApplication *app);

    /// The language in effect after setup(), for example "zh_CN" or "en".
    static QString activeLanguage();
};
} // namespace Glc
