// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagefilesdialog.h"

#include "itemviewcopy.h"
#include "models/usagefilesmodel.h"
#include "serverfiltercombo.h"

#include <KLocalizedString>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>

UsageFilesDialog::UsageFilesDialog(Glc::UsageFilesModel *model, QWidget *parent)
    : ServerRecordsDialog(model, Glc::UsageFilesModel::HostColumn, Glc::UsageFilesModel::RawValueRole,
          {QStringLiteral("usageFiles"), i18nc("@title:window", "Usage Files"),
              i18nc("@label accessible name", "Summary of the usage files"),
              i18nc("@label accessible name", "Usage files"),
              i18nc("@info accessible description",
                  "Each license usage file exported from a server or uploaded to the enterprise, newest first")},
          parent)
    , m_model(model)
{
    using Model = Glc::UsageFilesModel;
    ItemViewCopy::install(m_view, [this](QMenu *menu, const QModelIndex &index) { addFileActions(menu, index); });
    m_view->sortByColumn(Model::TimeColumn, Qt::DescendingOrder);
    // The outcome last, taking the room left: an error there can be a long sentence.
    m_view->header()->moveSection(
        m_view->header()->visualIndex(Model::UploadStateColumn), m_view->header()->visualIndex(Model::OutcomeColumn));
    // The server id (its host is shown) and the SHA-256 (64 digits) on demand, from the header's menu,
    // so the outcome and the upload state fit beside the file.
    m_view->setColumnHidden(Model::ServerIdColumn, true);
    m_view->setColumnHidden(Model::Sha256Column, true);
    // The file's path takes the room the other columns leave, cut in its middle (folder start, file name end
    // stay) rather than pushing the outcome out of sight behind a scroll bar.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(Model::FileNameColumn, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideMiddle);
    addColumnChoices();

    connect(m_server, &QComboBox::currentIndexChanged, this, [this] {
        m_missingServer.clear();
        updateSummary();
    });
    // A new file can name a new server: the choice of servers follows the files.
    const auto filesChanged = [this] {
        m_server->setHosts(m_model->hosts());
        if (!m_missingServer.isEmpty() && m_server->setHost(m_missingServer)) {
            m_missingServer.clear();
        }
        updateSummary();
    };
    connect(model, &QAbstractItemModel::modelReset, this, filesChanged);
    connect(model, &QAbstractItemModel::rowsInserted, this, filesChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &UsageFilesDialog::updateSummary);
    filesChanged();
}

void UsageFilesDialog::setServer(const QString &host)
{
    const bool listed = m_server->setHost(host);
    m_missingServer = listed ? QString() : host;
    updateSummary();
}

void UsageFilesDialog::addFileActions(QMenu *menu, const QModelIndex &index)
{
    if (!index.isValid()) {
        return;
    }
    // The file's folder, while it is there: where an export went, or where an upload came from.
    const QString fileName =
        index.siblingAtColumn(Glc::UsageFilesModel::FileNameColumn).data(Glc::UsageFilesModel::RawValueRole).toString();
    const QFileInfo file(fileName);
    const QString folder = file.absolutePath();
    QAction *open = menu->addAction(
        QIcon::fromTheme(QStringLiteral("folder-open")), i18nc("@action:inmenu", "Open Containing &Folder"));
    open->setObjectName(QStringLiteral("openUsageFileFolder"));
    open->setEnabled(!fileName.isEmpty() && file.isAbsolute() && QFileInfo(folder).isDir());
    if (!open->isEnabled() && !fileName.isEmpty()) {
        open->setToolTip(i18nc("@info:tooltip %1 folder", "%1 is no longer there.", folder));
    }
    connect(open, &QAction::triggered, this, [this, folder] { Q_EMIT openFolderRequested(folder); });

    // Of the selected rows: the SHA-256 digests, to compare with `sha256sum` where a file went; and the
    // exported files still on disk, to add to the enterprise (an upload is a file of an export too, added
    // again only after a change on the server, which Add server usage checks).
    using Model = Glc::UsageFilesModel;
    QStringList digests;
    QStringList exported;
    for (const QModelIndex &row : ItemViewCopy::selectedRows(m_view)) {
        const QString sha = row.siblingAtColumn(Model::Sha256Column).data().toString();
        if (!sha.isEmpty() && !digests.contains(sha)) {
            digests.append(sha);
        }
        const QString path = row.siblingAtColumn(Model::FileNameColumn).data(Model::RawValueRole).toString();
        const bool isExport = Glc::UsageFileRecord::Direction(
                                  row.siblingAtColumn(Model::DirectionColumn).data(Model::RawValueRole).toInt()) ==
            Glc::UsageFileRecord::Direction::Exported;
        if (isExport && QFileInfo(path).isAbsolute() && QFileInfo(path).isFile() && !exported.contains(path)) {
            exported.append(path);
        }
    }
    ItemViewCopy::addCopyLinesAction(menu, QStringLiteral("copySha256"), digests,
        i18ncp("@action:inmenu", "Copy &SHA-256", "Copy %1 &SHA-256 Digests", digests.size()),
        i18nc("@action:inmenu none to copy", "Copy &SHA-256"));
    QAction *add = menu->addAction(
        QIcon::fromTheme(QStringLiteral("document-import")), i18nc("@action:inmenu", "A&dd Server Usage…"));
    add->setObjectName(QStringLiteral("addUsageFiles"));
    add->setEnabled(!exported.isEmpty());
    connect(add, &QAction::triggered, this, [this, exported] { Q_EMIT addServerUsageRequested(exported); });
    addColumnsMenu(menu);
}

void UsageFilesDialog::updateSummary()
{
    using Direction = Glc::UsageFileRecord::Direction;
    if (m_model->rowCount() == 0) {
        m_view->setVisible(false);
        m_summary->setText(i18nc("@info",
            "No usage file has been exported or uploaded on this connection yet. Export license usage and Add "
            "server usage list each file here, with its SHA-256 and what became of it."));
        return;
    }
    m_view->setVisible(true);
    int exported = 0;
    int uploaded = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, Glc::UsageFilesModel::DirectionColumn);
        (Direction(index.data(Glc::UsageFilesModel::RawValueRole).toInt()) == Direction::Uploaded ? uploaded
                                                                                                  : exported) += 1;
    }
    const QString exportedText = i18ncp("@info", "%1 file exported", "%1 files exported", exported);
    const QString uploadedText = i18ncp("@info", "%1 file uploaded", "%1 files uploaded", uploaded);
    const QString host = m_server->host();
    QString text = host.isEmpty()
        ? i18nc("@info %1 and %2 are counts of files", "%1 and %2 on this connection.", exportedText, uploadedText)
        : i18nc("@info %1 and %2 are counts of files, %3 a server", "%1 and %2 for %3.", exportedText, uploadedText,
              host);
    if (!m_missingServer.isEmpty()) {
        text = i18nc("@info %1 a server, %2 the sentence about all servers' files",
            "No usage file of %1 has been exported or uploaded on this connection yet. All servers: %2",
            m_missingServer, text);
    }
    m_summary->setText(text);
}
