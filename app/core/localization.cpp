// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "localization.h"

#include <KLocalizedString>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Glc {
namespace {
QString s_active;

const char *languageKey()
{
    return "Interface/Language";
}

bool runsFromBuildTree()
{
    // Build-tree executables all live in one folder; installed ones never do.
    return QFileInfo(QCoreApplication::applicationDirPath()) == QFileInfo(QStringLiteral(GLC_BUILD_BIN_DIR));
}
} // namespace

QStringList Localization::availableLanguages()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Localization::languageName(const QString &code)
{
    if (code.isEmpty()) {
        return i18nc("@item:inmenu language follows the operating system", "System");
    }
    if (code == QLatin1String("zh_CN")) {
        return QStringLiteral("简体中文");
    }
    return QStringLiteral("English");
}

QString Localization::configuredLanguage()
{
    return QSettings().value(QLatin1String(languageKey())).toString();
}

void Localization::setConfiguredLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty()) {
        settings.remove(QLatin1String(languageKey()));
    } else {
        settings.setValue(QLatin1String(languageKey()), code);
    }
}

void Localization::setup(QCoreApplication *app)
{
    KLocalizedString::setApplicationDomain(TRANSLATION_DOMAIN);
    if (runsFromBuildTree()) {
        // Before installation the catalogs are only in the build tree.
        KLocalizedString::addDomainLocaleDir(TRANSLATION_DOMAIN, QStringLiteral(GLC_BUILD_LOCALE_DIR));
    }

    QLocale locale;
    const QString chosen = configuredLanguage();
    if (!chosen.isEmpty()) {
        KLocalizedString::setLanguages({chosen});
        locale = QLocale(chosen == QLatin1String("en") ? QStringLiteral("en_US") : chosen);
        QLocale::setDefault(locale);
    }

    // Ki18n decides from LANGUAGE / LC_ALL / LC_MESSAGES / LANG; mirror its decision for Qt.
    const QStringList uiLanguages = chosen.isEmpty() ? KLocalizedString::languages() : QStringList{chosen};
    s_active = QStringLiteral("en");
    for (const QString &lang : uiLanguages) {
        if (lang.startsWith(QLatin1String("zh"))) {
            s_active = QStringLiteral("zh_CN");
            break;
        }
        if (lang.startsWith(QLatin1String("en")) || lang == QLatin1String("C")) {
            break;
        }
    }
    if (chosen.isEmpty() && s_active == QLatin1String("zh_CN") && locale.language() != QLocale::Chinese) {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    }

    if (s_active != QLatin1String("en")) {
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const char *catalog : {"qtbase", "qt"}) {
            auto *translator = new QTranslator(app);
            if (translator->load(QLocale(s_active), QString::fromLatin1(catalog), QStringLiteral("_"), qtDir)) {
                QCoreApplication::installTranslator(translator);
                break;
            }
            delete translator;
        }
    }
}

QString Localization::activeLanguage()
{
    return s_active;
}
} // namespace Glc
