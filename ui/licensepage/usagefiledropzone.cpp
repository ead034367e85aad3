// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagefiledropzone.h"

#include "filedialogs.h"
#include "itemviewcopy.h"
#include "statuscolors.h"
#include "wrappingitemdelegate.h"

#include <KLocalizedString>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
/// One pasted or dropped entry: a local path, or why it was refused (an empty path).
void classify(const QUrl &url, const QString &raw, UsageFileDropZone::Split &out)
{
    if (!url.isLocalFile()) {
        out.refused.append(raw.isEmpty() ? url.toDisplayString() : raw);
        return;
    }
    const QString path = QDir::cleanPath(url.toLocalFile());
    if (QFileInfo(path).isDir()) {
        out.refused.append(path);
        return;
    }
    if (!out.files.contains(path)) {
        out.files.append(path);
    }
}

/// The result of each file: as tall as its rows (the details wrap) up to a dozen lines, then it scrolls.
class ResultsView : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

    QSize sizeHint() const override
    {
        QSize hint = QTreeWidget::sizeHint();
        int rows = 0;
        for (int i = 0; i < topLevelItemCount(); ++i) {
            rows += indexRowSizeHint(indexFromItem(topLevelItem(i)));
        }
        const int most = fontMetrics().lineSpacing() * 12;
        hint.setHeight(header()->sizeHint().height() + std::min(rows, most) + 2 * frameWidth());
        return hint;
    }
};
} // namespace

UsageFileDropZone::UsageFileDropZone(QWidget *parent)
    : QFrame(parent)
    , m_hintLabel(new QLabel(i18nc("@info", "Drop license usage files (.json) here, or paste a file path"), this))
    , m_chooseButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("document-open")), i18nc("@action:button", "C&hoose Files…"), this))
    , m_messageLabel(new QLabel(this))
    , m_resultsView(new ResultsView(this))
    , m_removeAction(new QAction(QIcon::fromTheme(QStringLiteral("list-remove")),
          i18nc("@action:inmenu take the selected files off the list", "&Remove from List"), m_resultsView))
    , m_chooser([](QWidget *parent) {
        return Glc::FileDialogs::openFileNames(parent, i18nc("@title:window", "Choose License Usage Files"),
            Glc::FileDialogs::downloadsFolder(),
            i18nc("@item file dialog filter", "License usage files (*.json);;All files (*)"));
    })
{
    setObjectName(QStringLiteral("usageFileDropZone"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(i18nc("@label accessible name", "License usage file drop zone"));
    setAccessibleDescription(i18nc("@info accessible description",
        "Drop license usage files here, press Ctrl+V to paste a file path, or choose files"));
    setToolTip(accessibleDescription());

    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_chooseButton->setObjectName(QStringLiteral("chooseFilesButton"));
    m_chooseButton->setAccessibleDescription(i18nc("@info:tooltip", "Pick license usage files in a file dialog"));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setAccessibleName(i18nc("@label accessible name", "Drop zone message"));
    m_messageLabel->hide();
    StatusColors::setTextRole(m_messageLabel, StatusColors::Role::Negative);

    m_resultsView->setObjectName(QStringLiteral("resultsView"));
    m_resultsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // A file dropped by mistake (or refused) leaves the list by Delete, or from the list's context menu.
    m_removeAction->setObjectName(QStringLiteral("removeFilesAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_resultsView->addAction(m_removeAction);
    connect(m_removeAction, &QAction::triggered, this, [this] {
        const QStringList paths = selectedPaths();
        if (!paths.isEmpty() && !isRefusing()) {
            Q_EMIT removeRequested(paths);
        }
    });
    ItemViewCopy::install(m_resultsView, [this](QMenu *menu, const QModelIndex &) {
        updateRemoveAction();
        menu->addSeparator();
        menu->addAction(m_removeAction);
    });
    m_resultsView->setAccessibleName(i18nc("@label accessible name", "Result of each file"));
    m_resultsView->setAccessibleDescription(i18nc("@info accessible description",
        "Files dropped or chosen later join the list; Delete takes the "
        "selected files off it."));
    m_resultsView->setRootIsDecorated(false);
    m_resultsView->setAlternatingRowColors(true); // rows of several wrapped lines stay apart
    m_resultsView->setColumnCount(3);
    m_resultsView->setHeaderLabels(
        {i18nc("@title:column", "File"), i18nc("@title:column", "Result"), i18nc("@title:column", "Details")});
    // File and result as wide as they are; the details (why a file is refused) take the rest and wrap.
    m_resultsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultsView->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_resultsView->setItemDelegate(new WrappingItemDelegate(m_resultsView, 2));
    m_resultsView->hide();
    // Its height follows the details' lines, which follow the column's width.
    connect(m_resultsView->header(), &QHeaderView::sectionResized, m_resultsView, [this](int section) {
        if (section == 2) {
            m_resultsView->updateGeometry();
        }
    });
    connect(m_resultsView, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        Q_EMIT currentResultChanged(current ? m_resultsView->indexOfTopLevelItem(current) : -1);
    });
    connect(m_resultsView, &QTreeWidget::itemSelectionChanged, this, &UsageFileDropZone::updateRemoveAction);

    const int margin = fontMetrics().height();
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_chooseButton);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addStretch(1);
    layout->addWidget(m_hintLabel);
    layout->addLayout(buttonRow);
    layout->addWidget(m_messageLabel);
    layout->addStretch(1);
    layout->addWidget(m_resultsView, 1);
    setMinimumHeight(margin * 8);

    connect(m_chooseButton, &QPushButton::clicked, this, &UsageFileDropZone::chooseFiles);
}

QString UsageFileDropZone::message() const
{
    return m_messageLabel->isHidden() ? QString() : m_messageLabel->text();
}

void UsageFileDropZone::setFileChooser(const FileChooser &chooser)
{
    m_chooser = chooser;
}

UsageFileDropZone::Split UsageFileDropZone::splitMimeData(const QMimeData *data)
{
    Split out;
    if (!data) {
        return out;
    }
    if (data->hasUrls()) {
        const QList<QUrl> urls = data->urls();
        for (const QUrl &url : urls) {
            classify(url, {}, out);
        }
        return out;
    }
    // Pasted text: one path or file URL per line.
    const QStringList lines = data->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString line : lines) {
        line = line.trimmed();
        if (line.size() >= 2 && line.startsWith(QLatin1Char('"')) && line.endsWith(QLatin1Char('"'))) {
            line = line.mid(1, line.size() - 2);
        }
        if (line.isEmpty()) {
            continue;
        }
        if (line.startsWith(QLatin1String("~/"))) {
            line = QDir::homePath() + line.mid(1);
        }
        if (QDir::isAbsolutePath(line)) {
            classify(QUrl::fromLocalFile(line), line, out);
        } else {
            const QUrl url(line, QUrl::StrictMode);
            if (url.isValid() && !url.scheme().isEmpty()) {
                classify(url, line, out);
            } else {
                out.refused.append(line);
            }
        }
    }
    return out;
}

void UsageFileDropZone::setRefusing(const QString &reason)
{
    if (reason.isEmpty() && !m_refusing.isEmpty() && message() == m_refusing) {
        m_messageLabel->hide(); // it said why; now the zone takes files again
    }
    m_refusing = reason;
    m_chooseButton->setEnabled(reason.isEmpty());
    updateRemoveAction();
}

QStringList UsageFileDropZone::selectedPaths() const
{
    QList<int> rows;
    for (QTreeWidgetItem *item : m_resultsView->selectedItems()) {
        rows.append(m_resultsView->indexOfTopLevelItem(item));
    }
    if (rows.isEmpty() && m_resultsView->currentItem()) {
        rows.append(m_resultsView->indexOfTopLevelItem(m_resultsView->currentItem()));
    }
    std::sort(rows.begin(), rows.end());
    QStringList paths;
    for (int row : std::as_const(rows)) {
        if (row >= 0 && row < m_results.size()) {
            paths.append(m_results.at(row).path);
        }
    }
    return paths;
}

void UsageFileDropZone::updateRemoveAction()
{
    // Not while an upload goes through the files listed.
    m_removeAction->setEnabled(!isRefusing() && !selectedPaths().isEmpty());
}

void UsageFileDropZone::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->show();
}

void UsageFileDropZone::chooseFiles()
{
    if (isRefusing()) {
        showMessage(m_refusing);
        return;
    }
    const QStringList paths = m_chooser ? m_chooser(this) : QStringList();
    if (!paths.isEmpty()) {
        m_messageLabel->hide();
        Q_EMIT filesChosen(paths);
    }
}

void UsageFileDropZone::pasteFromClipboard()
{
    if (isRefusing()) {
        showMessage(m_refusing);
        return;
    }
    const QMimeData *data = QApplication::clipboard()->mimeData();
    const Split split = splitMimeData(data);
    if (split.files.isEmpty() && split.refused.isEmpty()) {
        showMessage(i18nc("@info",
            "The clipboard holds no file path. Copy a license usage file in the "
            "file manager, or its full path, then paste again."));
        return;
    }
    take(split);
}

void UsageFileDropZone::take(const Split &split)
{
    if (split.refused.isEmpty()) {
        m_messageLabel->hide();
    } else {
        showRefusal(split.refused);
    }
    if (!split.files.isEmpty()) {
        Q_EMIT filesChosen(split.files);
    }
}

void UsageFileDropZone::showRefusal(const QStringList &refused)
{
    showMessage(i18ncp("@info %2 is a list of web addresses or folders",
        "Not a file on this computer: %2. Download it first, then drop or choose the downloaded file.",
        "Not files on this computer: %2. Download them first, then drop or choose the downloaded files.",
        int(refused.size()), QLocale().createSeparatedList(refused)));
}

void UsageFileDropZone::setDragActive(bool active)
{
    if (m_dragActive == active) {
        return;
    }
    m_dragActive = active;
    update();
    Q_EMIT dragActiveChanged(active);
}

void UsageFileDropZone::dragEnterEvent(QDragEnterEvent *event)
{
    const Split split = splitMimeData(event->mimeData());
    if (isRefusing() && !split.files.isEmpty()) {
        // Say why the drop will not be taken while the user still holds it.
        showMessage(m_refusing);
        event->ignore();
        return;
    }
    if (!split.files.isEmpty()) {
        event->acceptProposedAction();
        setDragActive(true);
        return;
    }
    if (!split.refused.isEmpty()) {
        // Say why the drop will not be taken while the user still holds it.
        showRefusal(split.refused);
    }
    event->ignore();
}

void UsageFileDropZone::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_dragActive) {
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void UsageFileDropZone::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDragActive(false);
    QFrame::dragLeaveEvent(event);
}

void UsageFileDropZone::dropEvent(QDropEvent *event)
{
    setDragActive(false);
    const Split split = splitMimeData(event->mimeData());
    if (split.files.isEmpty() && split.refused.isEmpty()) {
        event->ignore();
        return;
    }
    if (split.files.isEmpty()) {
        showRefusal(split.refused);
        event->ignore();
        return;
    }
    if (isRefusing()) {
        showMessage(m_refusing);
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    take(split);
}

void UsageFileDropZone::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        pasteFromClipboard();
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

void UsageFileDropZone::setResults(const QList<UsageFileResult> &results)
{
    m_results = results;
    m_resultsView->clear();
    for (const UsageFileResult &result : results) {
        auto *item = new QTreeWidgetItem(m_resultsView);
        item->setText(0, QFileInfo(result.path).fileName());
        item->setToolTip(0, result.path);
        item->setIcon(1,
            QIcon::fromTheme(result.ok ? QStringLiteral("dialog-ok")
                    : result.warning   ? QStringLiteral("dialog-warning")
                                       : QStringLiteral("dialog-error")));
        item->setText(1, result.title);
        item->setText(2, result.detail);
        item->setToolTip(2, result.detail);
    }
    colorResults();
    m_resultsView->setVisible(!results.isEmpty());
    m_resultsView->updateGeometry();
    // The hint and the button centred in an empty zone; above a list of results, the list takes the room.
    auto *box = static_cast<QVBoxLayout *>(layout());
    for (int spacer : {0, 4}) {
        box->setStretch(spacer, results.isEmpty() ? 1 : 0);
    }
    // The first file that can go is the one previewed; else the first one, to say why it cannot.
    const auto first = std::find_if(
        results.cbegin(), results.cend(), [](const UsageFileResult &result) { return result.ok || result.warning; });
    if (!results.isEmpty()) {
        m_resultsView->setCurrentItem(
            m_resultsView->topLevelItem(first == results.cend() ? 0 : int(first - results.cbegin())));
    }
    updateRemoveAction();
}

int UsageFileDropZone::currentResult() const
{
    QTreeWidgetItem *current = m_resultsView->currentItem();
    return current ? m_resultsView->indexOfTopLevelItem(current) : -1;
}

void UsageFileDropZone::colorResults()
{
    const QPalette pal = palette();
    for (int i = 0; i < m_resultsView->topLevelItemCount() && i < m_results.size(); ++i) {
        const UsageFileResult &result = m_results.at(i);
        m_resultsView->topLevelItem(i)->setForeground(1,
            StatusColors::text(result.ok ? StatusColors::Role::Positive
                    : result.warning     ? StatusColors::Role::Warning
                                         : StatusColors::Role::Negative,
                pal));
    }
}

void UsageFileDropZone::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        colorResults();
    }
    QFrame::changeEvent(event);
}

void UsageFileDropZone::clearResults()
{
    setResults({});
}

void UsageFileDropZone::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const qreal radius = fontMetrics().height() / 2.0;
    const qreal penWidth = std::max(1.0, fontMetrics().height() / 10.0);
    const QRectF r = QRectF(rect()).adjusted(penWidth, penWidth, -penWidth, -penWidth);
    QColor border = m_dragActive || hasFocus() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
    QColor background = pal.color(QPalette::Base);
    if (m_dragActive) {
        background = pal.color(QPalette::Highlight);
        background.setAlphaF(0.18);
    }
    p.setBrush(background);
    p.setPen(QPen(border, m_dragActive ? penWidth * 2 : penWidth, Qt::DashLine));
    p.drawRoundedRect(r, radius, radius);
}
