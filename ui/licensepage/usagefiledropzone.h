// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QFrame>
#include <QUrl>

#include <functional>

class QAction;
class QLabel;
class QMimeData;
class QPushButton;
class QTreeWidget;

/// What became of one file the user gave the drop zone (validation happens elsewhere).
struct UsageFileResult
{
    QString path;
    bool ok = false;
    QString title; ///< e.g. "Ready to upload" or "Not a license usage file"
    QString detail; ///< what was found, or the next step
    bool warning = false; ///< not ok as it is, but may be on the admin's word (e.g. a new server)

    bool operator==(const UsageFileResult &) const = default;
};

/// Takes license usage files from a drag from the file manager, a file picker or a pasted path,
/// and reports them with filesChosen(). Only files on this computer are accepted; web addresses
/// are refused with a message. Can list a result per file; the rows selected in that list can be taken
/// off it (Delete, or the list's context menu): removeRequested().
class UsageFileDropZone : public QFrame
{
    Q_OBJECT
    Q_PROPERTY(bool dragActive READ isDragActive NOTIFY dragActiveChanged)
public:
    using FileChooser = std::function<QStringList(QWidget *parent)>;

    explicit UsageFileDropZone(QWidget *parent = nullptr);

    void setResults(const QList<UsageFileResult> &results);
    void clearResults();
    QList<UsageFileResult> results() const { return m_results; }
    /// The row of results() chosen in the list (the first that can be uploaded, after setResults()); -1: none.
    int currentResult() const;

    bool isDragActive() const { return m_dragActive; }
    /// The last refusal ("only files on this computer ..."), empty when none.
    QString message() const;

    /// While @p reason is set (e.g. an upload runs), the zone takes no files: drops and pastes are
    /// refused with the reason and Choose files is disabled. An empty reason takes files again.
    void setRefusing(const QString &reason);
    bool isRefusing() const { return !m_refusing.isEmpty(); }

    /// Replaces the file dialog (tests, or a portal-aware picker).
    void setFileChooser(const FileChooser &chooser);

    /// Splits dropped or pasted data into local files and refused entries (web addresses, folders).
    struct Split
    {
        QStringList files;
        QStringList refused;
    };
    static Split splitMimeData(const QMimeData *data);

public Q_SLOTS:
    void chooseFiles();
    void pasteFromClipboard();

Q_SIGNALS:
    void filesChosen(const QStringList &paths);
    /// The user asked to take these files (rows of results()) off the list.
    void removeRequested(const QStringList &paths);
    void dragActiveChanged(bool active);
    /// Another row of results() was chosen in the list (-1: none).
    void currentResultChanged(int row);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// The result colours, for the current palette (again after a light/dark switch).
    void colorResults();
    void setDragActive(bool active);
    void take(const Split &split);
    void showRefusal(const QStringList &refused);
    void showMessage(const QString &text);
    /// The paths of the selected rows (the current one when none is selected).
    QStringList selectedPaths() const;
    void updateRemoveAction();

    QLabel *const m_hintLabel;
    QPushButton *const m_chooseButton;
    QLabel *const m_messageLabel;
    QTreeWidget *const m_resultsView;
    QAction *const m_removeAction; ///< Delete on the list, and in its context menu
    QList<UsageFileResult> m_results;
    FileChooser m_chooser;
    QString m_refusing;
    bool m_dragActive = false;
};
