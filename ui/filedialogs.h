// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QFileIconProvider>
#include <QHash>
#include <QMimeDatabase>
#include <QMutex>
#include <QString>
#include <QStringList>

class QFileDialog;
class QWidget;

namespace Glc {
/// Names file types in Qt's own file dialog in the interface language ("JSON 文档" under zh_CN): Qt
/// 6.8 reads the shared MIME database's translations only under Qt's own tags, which shared-mime-info
/// 2.4 no longer uses (see MimeComments); folders by the console's catalog, as Qt's zh_CN one lacks the word.
/// The dialog's file system model asks from its own thread: declare the provider before the dialog,
/// so that it outlives it.
class LocalizedFileTypes : public QFileIconProvider
{
public:
    QString type(const QFileInfo &info) const override;

private:
    QMimeDatabase m_mimeDatabase;
    mutable QMutex m_mutex;
    mutable QHash<QString, QString> m_names; // MIME type -> name shown
};

/// The file dialogs of the console: QFileDialog's static functions, with LocalizedFileTypes. A native
/// dialog (a desktop's own) is used where the platform has one, as with the static functions.
namespace FileDialogs {
QString openFileName(QWidget *parent, const QString &caption, const QString &folder, const QString &filter = {});
QStringList openFileNames(QWidget *parent, const QString &caption, const QString &folder, const QString &filter = {});
/// @p file names the folder and the suggested name.
QString saveFileName(QWidget *parent, const QString &caption, const QString &file, const QString &filter = {});
/// saveFileName() for a CSV file the console writes for spreadsheet programs, suggesting @p name in
/// the documents folder.
QString saveCsvFileName(QWidget *parent, const QString &caption, const QString &name);
/// Readies a dialog the caller made without a folder: LocalizedFileTypes (`types` must outlive the dialog),
/// its columns fitted to the folder's files once read, then opens `path` (a folder, or a folder and the
/// suggested name). The folder is read only once `types` is in place: the dialog reads file types in a
/// thread of its own, and a folder given to its constructor may be typed in Qt's words first.
void prepare(QFileDialog &dialog, LocalizedFileTypes *types, const QString &path);
/// Where a browser saves downloads (usage files exported from a server's web page), or the home
/// folder when there is no such folder: a dialog opened on a missing folder offers its name as a file.
QString downloadsFolder();
/// The documents folder, where exports and reports are suggested, or the home folder when there is
/// none (a minimal account has no ~/Documents, and writing into it would fail).
QString documentsFolder();
} // namespace FileDialogs
} // namespace Glc
