// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "filedialogs.h"

#include "core/mimecomments.h"

#include <KLocalizedString>
#include <QFileDialog>
#include <QLocale>

namespace Glc {
QString LocalizedFileTypes::type(const QFileInfo &info) const
{
    if (info.isDir()) {
        // Qt's word (context QAbstractFileIconProvider) is missing from its zh_CN catalog, and the MIME
        // database has no Chinese one for inode/directory.
        return i18nc("@item:intable file type in the file dialog", "Folder");
    }
    if (!info.isFile()) {
        return QFileIconProvider::type(info);
    }
    const QMimeType mimeType = m_mimeDatabase.mimeTypeForFile(info);
    const QMutexLocker locker(&m_mutex);
    auto it = m_names.constFind(mimeType.name());
    if (it == m_names.cend()) {
        QString name = MimeComments::localized(mimeType.name(), QLocale().uiLanguages());
        it = m_names.insert(mimeType.name(), name.isEmpty() ? QFileIconProvider::type(info) : name);
    }
    return *it;
}

namespace FileDialogs {
namespace {
QStringList run(QWidget *parent, const QString &caption, const QString &path, const QString &filter,
    QFileDialog::AcceptMode acceptMode, QFileDialog::FileMode fileMode)
{
    LocalizedFileTypes types; // before the dialog, to outlive it
    QFileDialog dialog(parent, caption, path, filter);
    dialog.setIconProvider(&types);
    dialog.setAcceptMode(acceptMode);
    dialog.setFileMode(fileMode);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}
} // namespace

QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile).value(0);
}

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFiles);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &file, const QString &filter)
{
    return run(parent, caption, file, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile).value(0);
}
} // namespace FileDialogs
} // namespace Glc
