// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotchangesdialog.h"

#include "inlinemessage.h"
#include "itemviewcopy.h"
#include "uiformat.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column {
    PersonColumn,
    EnvironmentsColumn,
};
} // namespace

SnapshotChangesDialog::SnapshotChangesDialog(QWidget *parent)
    : QDialog(parent)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_error(new InlineMessage(this))
    , m_tree(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_save(m_buttons->addButton(i18nc("@action:button", "&Save List…"), QDialogButtonBox::ActionRole))
{
    setObjectName(QStringLiteral("snapshotChangesDialog"));
    setWindowTitle(i18nc("@title:window", "Compare Snapshots"));
    m_from->setObjectName(QStringLiteral("fromSnapshotBox"));
    m_from->setAccessibleName(i18nc("@label accessible name", "Earlier snapshot"));
    m_to->setObjectName(QStringLiteral("toSnapshotBox"));
    m_to->setAccessibleName(i18nc("@label accessible name", "Later snapshot"));
    m_summary->setObjectName(QStringLiteral("changesSummary"));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(i18nc("@label accessible name", "Summary of the changes"));
    m_busy->setObjectName(QStringLiteral("comparingProgress"));
    m_busy->setRange(0, 0); // how far along is not known: it moves to show that work goes on
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(i18nc("@label accessible name", "Comparing the snapshots"));
    m_busy->hide();
    m_error->setObjectName(QStringLiteral("changesError"));
    m_tree->setObjectName(QStringLiteral("changesTree"));
    ItemViewCopy::install(m_tree);
    m_tree->setAccessibleName(i18nc("@label accessible name", "Changes between the snapshots"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("close"));
    m_save->setObjectName(QStringLiteral("saveChangesButton"));
    m_save->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    m_save->setToolTip(i18nc("@info:tooltip",
        "Save who came, who went and who changed environment as a CSV file for a spreadsheet or a mail"));
    m_save->setEnabled(false);
    m_tree->setHeaderLabels({i18nc("@title:column", "Person"), i18nc("@title:column", "Environments")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(PersonColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto *form = new QFormLayout;
    form->addRow(i18nc("@label:listbox", "&From:"), m_from);
    form->addRow(i18nc("@label:listbox", "&To:"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_buttons);
    // Wide enough for a person's environments (Cloud and two servers), and as wide in every language.
    WidgetUtil::resizeWithinScreen(this, QSize(WidgetUtil::latinTextWidth(this, 120), fontMetrics().height() * 30));

    connect(m_from, &QComboBox::activated, this, &SnapshotChangesDialog::requestComparison);
    connect(m_to, &QComboBox::activated, this, &SnapshotChangesDialog::requestComparison);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SnapshotChangesDialog::saveRequested);
}

void SnapshotChangesDialog::setSnapshots(const QList<Glc::SnapshotSummary> &snapshots)
{
    m_from->clear();
    m_to->clear();
    // Newest first: the choice usually is "the last week".
    for (qsizetype i = snapshots.size() - 1; i >= 0; --i) {
        const Glc::SnapshotSummary &s = snapshots.at(i);
        const QString text = i18nc("@item:inlistbox %1 date and time, %2 seats", "%1 - %2 consumed",
            UiFormat::dateTime(s.takenAt), UiFormat::number(s.totalSeatsConsumed));
        m_from->addItem(text, s.id);
        m_to->addItem(text, s.id);
    }
    m_to->setCurrentIndex(0);
    m_from->setCurrentIndex(m_from->count() > 1 ? 1 : 0);
}

void SnapshotChangesDialog::setBusy(bool busy)
{
    m_from->setEnabled(!busy);
    m_to->setEnabled(!busy);
    m_busy->setVisible(busy);
    if (busy) {
        m_save->setEnabled(false);
        m_summary->setText(i18nc("@info:status", "Comparing…"));
    }
}

void SnapshotChangesDialog::showError(const QString &text, const QString &nextStep)
{
    m_tree->clear();
    m_summary->clear();
    m_busy->hide();
    m_save->setEnabled(false);
    m_error->showMessage(InlineMessage::Type::Warning, text, nextStep);
}

void SnapshotChangesDialog::showSaved(const QString &path)
{
    m_error->showMessage(InlineMessage::Type::Information, i18nc("@info %1 file path", "List saved to %1.", path));
}

void SnapshotChangesDialog::showSaveError(const QString &text, const QString &nextStep)
{
    m_error->showMessage(InlineMessage::Type::Warning, text, nextStep);
}

qint64 SnapshotChangesDialog::fromId() const
{
    return m_from->currentData().toLongLong();
}

qint64 SnapshotChangesDialog::toId() const
{
    return m_to->currentData().toLongLong();
}

QString SnapshotChangesDialog::summaryText() const
{
    return m_summary->text();
}

void SnapshotChangesDialog::requestComparison()
{
    if (fromId() == toId()) {
        showError(i18nc("@info", "Choose two different snapshots."), {});
        return;
    }
    Q_EMIT compareRequested(fromId(), toId());
}

void SnapshotChangesDialog::setChanges(const Glc::SnapshotSummary &from, const Glc::SnapshotSummary &to,
    const Glc::CompactLicenseRows &before, const Glc::CompactLicenseRows &after, const Glc::SnapshotDiff &diff)
{
    m_error->dismiss();
    m_tree->clear();
    const int delta = to.totalSeatsConsumed - from.totalSeatsConsumed;
    m_summary->setText(i18nc("@info %1 and %2 seat counts, %3 signed difference", "Seats consumed: %1 → %2 (%3)",
        UiFormat::number(from.totalSeatsConsumed), UiFormat::number(to.totalSeatsConsumed),
        delta > 0 ? QLatin1Char('+') + UiFormat::number(delta) : UiFormat::number(delta)));

    auto group = [this](const QString &title, const QString &name) {
        auto *item = new QTreeWidgetItem(m_tree, {title});
        item->setData(PersonColumn, Qt::UserRole, name);
        item->setFirstColumnSpanned(true);
        item->setExpanded(true);
        return item;
    };
    QTreeWidgetItem *came = group(
        i18ncp("@item:intable", "%1 person came", "%1 people came", int(diff.came.size())), QStringLiteral("came"));
    for (int row : diff.came) {
        const Glc::ConsumedLicense seat = after.license(row);
        new QTreeWidgetItem(came,
            {Glc::SnapshotDiff::personText(seat),
                Glc::SnapshotDiff::environmentsText(Glc::SnapshotDiff::environments(seat))});
    }
    QTreeWidgetItem *went = group(
        i18ncp("@item:intable", "%1 person went", "%1 people went", int(diff.went.size())), QStringLiteral("went"));
    for (int row : diff.went) {
        const Glc::ConsumedLicense seat = before.license(row);
        new QTreeWidgetItem(went,
            {Glc::SnapshotDiff::personText(seat),
                Glc::SnapshotDiff::environmentsText(Glc::SnapshotDiff::environments(seat))});
    }
    QTreeWidgetItem *changed = group(i18ncp("@item:intable", "%1 person changed environment",
                                         "%1 people changed environment", int(diff.changedEnvironment.size())),
        QStringLiteral("changed"));
    for (const Glc::SnapshotDiff::Change &change : diff.changedEnvironment) {
        new QTreeWidgetItem(changed,
            {Glc::SnapshotDiff::personText(after.license(change.afterRow)),
                i18nc("@item:intable %1 environments before, %2 after", "%1 → %2",
                    Glc::SnapshotDiff::environmentsText(change.environmentsBefore),
                    Glc::SnapshotDiff::environmentsText(change.environmentsAfter))});
    }
    m_save->setEnabled(true);
    m_tree->setFocus();
}
