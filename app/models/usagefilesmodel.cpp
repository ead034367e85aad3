// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagefilesmodel.h"

#include "core/dateformat.h"
#include "licensing/hostorder.h"

#include <KLocalizedString>
#include <QSet>

#include <QLocale>

namespace Glc {
UsageFilesModel::UsageFilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UsageFilesModel::setFiles(const QList<UsageFileRecord> &files)
{
    beginResetModel();
    m_files = files;
    endResetModel();
}

QStringList UsageFilesModel::hosts() const
{
    QSet<QString> unique;
    for (const UsageFileRecord &f : m_files) {
        if (!f.hostName.isEmpty()) {
            unique.insert(f.hostName);
        }
    }
    QStringList hosts(unique.cbegin(), unique.cend());
    HostOrder::sort(hosts);
    return hosts;
}

void UsageFilesModel::addFile(const UsageFileRecord &file)
{
    beginInsertRows({}, 0, 0);
    m_files.prepend(file);
    endInsertRows();
}

bool UsageFilesModel::setUploadState(qint64 id, UploadSyncState state, const QDateTime &when, const QString &outcome)
{
    for (int row = 0; row < m_files.size(); ++row) {
        UsageFileRecord &f = m_files[row];
        if (f.id != id) {
            continue;
        }
        f.uploadState = state;
        f.uploadStateChangedAt = when;
        if (!outcome.isEmpty()) {
            f.outcome = outcome;
        }
        Q_EMIT dataChanged(index(row, OutcomeColumn), index(row, UploadStateColumn), {Qt::DisplayRole, RawValueRole});
        return true;
    }
    return false;
}

int UsageFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int UsageFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageFilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const UsageFileRecord &f = m_files.at(index.row());
    const bool uploaded = f.direction == UsageFileRecord::Direction::Uploaded;
    if (role == IdRole) {
        return f.id;
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case TimeColumn:
            return f.time;
        case DirectionColumn:
            return int(f.direction);
        case FileNameColumn:
            return f.fileName;
        case HostColumn:
            return f.hostName;
        case VersionColumn:
            return f.version;
        case ServerIdColumn:
            return f.serverId;
        case SizeColumn:
            return f.size;
        case Sha256Column:
            return f.sha256;
        case OutcomeColumn:
            return f.outcome;
        case UploadStateColumn:
            return int(f.uploadState);
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        // Whole, where a narrow column cuts them: the file's path and an error sentence.
        if (index.column() != FileNameColumn && index.column() != OutcomeColumn) {
            return {};
        }
        return data(index, Qt::DisplayRole);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return f.time.isValid() ? DateFormat::toString(f.time.toLocalTime()) : QString();
    case DirectionColumn:
        return uploaded ? i18nc("@item:intable usage file", "Uploaded") : i18nc("@item:intable usage file", "Exported");
    case FileNameColumn:
        return f.fileName;
    case HostColumn:
        return f.hostName;
    case VersionColumn:
        return f.version;
    case ServerIdColumn:
        return f.serverId;
    case SizeColumn:
        return QLocale().formattedDataSize(f.size);
    case Sha256Column:
        return f.sha256;
    case OutcomeColumn:
        // "ok" is stored as a code; anything else is the error as it was said then.
        return f.outcome == QLatin1String("ok") ? i18nc("@item:intable usage file outcome", "Succeeded") : f.outcome;
    case UploadStateColumn:
        return uploaded ? uploadSyncStateText(f.uploadState) : QString();
    }
    return {};
}

QVariant UsageFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return i18nc("@title:column", "Time");
    case DirectionColumn:
        return i18nc("@title:column", "Action");
    case FileNameColumn:
        return i18nc("@title:column", "File");
    case HostColumn:
        return i18nc("@title:column", "Server");
    case VersionColumn:
        return i18nc("@title:column", "Version");
    case ServerIdColumn:
        return i18nc("@title:column", "Server ID");
    case SizeColumn:
        return i18nc("@title:column", "Size");
    case Sha256Column:
        return i18nc("@title:column", "SHA-256");
    case OutcomeColumn:
        return i18nc("@title:column", "Outcome");
    case UploadStateColumn:
        return i18nc("@title:column", "Upload state");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
} // namespace Glc
