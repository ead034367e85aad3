// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "filedialogs.h"

#include "core/mimecomments.h"
#include "licensepage/widgetutil.h"

#include <KLocalizedString>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QLocale>
#include <QStandardPaths>
#include <QTreeView>

#include <algorithm>

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
QString existingOrHome(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QStringList run(QWidget *parent, const QString &caption, const QString &path, const QString &filter,
    QFileDialog::AcceptMode acceptMode, QFileDialog::FileMode fileMode)
{
    LocalizedFileTypes types; // before the dialog, to outlive it
    QFileDialog dialog(parent, caption, QString(), filter);
    prepare(dialog, &types, path);
    dialog.setAcceptMode(acceptMode);
    dialog.setFileMode(fileMode);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}
} // namespace

void prepare(QFileDialog &dialog, LocalizedFileTypes *types, const QString &path)
{
    dialog.setIconProvider(types);
    if (const QFileInfo info(path); !path.isEmpty() && info.isDir()) {
        dialog.setDirectory(path);
    } else if (!path.isEmpty()) {
        dialog.setDirectory(info.absolutePath());
        dialog.selectFile(info.fileName());
    }
    // Qt's own dialog (where no desktop offers one) opens small and sizes its columns for short words
    // ("mp3Folder"): room for the long names of usage files, and the columns fitted to what the folder
    // holds once it is read (the name at most half the list).
    if (auto *model = dialog.findChild<QFileSystemModel *>()) {
        WidgetUtil::resizeWithinScreen(
            &dialog, QSize(std::max(dialog.width(), WidgetUtil::latinTextWidth(&dialog, 120)), dialog.height()));
        QObject::connect(model, &QFileSystemModel::directoryLoaded, &dialog, [&dialog] {
            auto *view = dialog.findChild<QTreeView *>();
            if (!view) {
                return;
            }
            for (int column = 0; column < view->model()->columnCount(view->rootIndex()); ++column) {
                view->resizeColumnToContents(column);
            }
            view->setColumnWidth(0, std::min(view->columnWidth(0), view->viewport()->width() / 2));
        });
    }
}

QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFile).value(0);
}

QStringList openFileNames(QWidget *parent, const QString &caption, const QString &folder, const QString &filter)
{
    return run(parent, caption, folder, filter, QFileDialog::AcceptOpen, QFileDialog::ExistingFiles);
}

QString downloadsFolder()
{
    return existingOrHome(QStandardPaths::DownloadLocation);
}

QString documentsFolder()
{
    return existingOrHome(QStandardPaths::DocumentsLocation);
}

QString saveFileName(QWidget *parent, const QString &caption, const QString &file, const QString &filter)
{
    return run(parent, caption, file, filter, QFileDialog::AcceptSave, QFileDialog::AnyFile).value(0);
}

QString saveCsvFileName(QWidget *parent, const QString &caption, const QString &name)
{
    return saveFileName(parent, caption, QDir(documentsFolder()).filePath(name),
        i18nc("@item file dialog filter", "CSV for spreadsheet programs (*.csv)"));
}
} // namespace FileDialogs
} // namespace Glc
