// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Reads a gettext .po file just enough to look up the translation of one message, so tests
// compare against the catalog instead of copying translations into the test.

#include <QFile>
#include <QHash>
#include <QString>

class PoCatalog
{
public:
    explicit PoCatalog(const QString &fileName)
    {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            return;
        }
        QString context;
        QString id;
        QString str;
        QString *current = nullptr;
        bool fuzzy = false;
        auto flush = [&] {
            if (!id.isEmpty() && !fuzzy) {
                m_messages.insert(context + QChar(4) + id, str);
            }
            context.clear();
            id.clear();
            str.clear();
            current = nullptr;
            fuzzy = false;
        };
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        for (const QString &raw : lines) {
            const QString line = raw.trimmed();
            if (line.isEmpty()) {
                flush();
            } else if (line.startsWith(QLatin1String("#,")) && line.contains(QLatin1String("fuzzy"))) {
                fuzzy = true;
            } else if (line.startsWith(QLatin1Char('#'))) {
                continue;
            } else if (line.startsWith(QLatin1String("msgctxt "))) {
                context = unquote(line.mid(8));
                current = &context;
            } else if (line.startsWith(QLatin1String("msgid "))) {
                id = unquote(line.mid(6));
                current = &id;
            } else if (line.startsWith(QLatin1String("msgid_plural "))) {
                current = nullptr; // the plural source is not a key
            } else if (line.startsWith(QLatin1String("msgstr "))) {
                str = unquote(line.mid(7));
                current = &str;
            } else if (line.startsWith(QLatin1String("msgstr[0] "))) {
                str = unquote(line.mid(10));
                current = &str;
            } else if (line.startsWith(QLatin1String("msgstr["))) {
                current = nullptr;
            } else if (line.startsWith(QLatin1Char('"')) && current) {
                *current += unquote(line);
            }
        }
        flush();
    }

    bool isEmpty() const { return m_messages.isEmpty(); }

    /// The translation, or an empty string when the message is missing, untranslated or fuzzy.
    QString translate(const QString &context, const QString &id) const
    {
        return m_messages.value(context + QChar(4) + id);
    }

private:
    static QString unquote(QString text)
    {
        text = text.trimmed();
        if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"'))) {
            text = text.mid(1, text.size() - 2);
        }
        QString out;
        for (int i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\') && i + 1 < text.size()) {
                const QChar next = text.at(++i);
                out += next == QLatin1Char('n') ? QLatin1Char('\n')
                    : next == QLatin1Char('t')  ? QLatin1Char('\t')
                                                : next;
            } else {
                out += text.at(i);
            }
        }
        return out;
    }

    QHash<QString, QString> m_messages;
};
