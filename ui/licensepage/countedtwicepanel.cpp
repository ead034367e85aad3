// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "countedtwicepanel.h"

#include "itemviewcopy.h"
#include "uiformat.h"
#include "widgetutil.h"
#include "wrappingitemdelegate.h"

#include <KLocalizedString>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <numeric>

namespace {
/// The row's place among the rows given to setPairs() or setUnexpectedSeats(): what the signals name, whatever
/// order the user sorted the list into.
constexpr int FindingRole = Qt::UserRole;
/// A number to sort a column by (seats freed, confidence), where the text is formatted for reading.
constexpr int SortRole = Qt::UserRole + 1;

/// A row of either list: sorted by SortRole where a column has one, else by its text as the locale orders words.
class FindingItem : public QTreeWidgetItem
{
public:
    FindingItem(int finding, const QStringList &texts = {})
        : QTreeWidgetItem(texts)
    {
        setData(0, FindingRole, finding);
    }
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant mine = data(column, SortRole);
        if (mine.isValid()) {
            return mine.toDouble() < other.data(column, SortRole).toDouble();
        }
        return QString::localeAwareCompare(text(column), other.text(column)) < 0;
    }
};

int findingOf(const QTreeWidgetItem *item)
{
    return item ? item->data(0, FindingRole).toInt() : -1;
}

/// The list sortable by any column by clicking its title; until then in the order it is given (the best reason
/// first), which a sort indicator would hide.
void makeSortable(QTreeWidget *view)
{
    QHeaderView *header = view->header();
    header->setSectionsClickable(true);
    QObject::connect(header, &QHeaderView::sectionClicked, view, [view](int section) {
        if (!view->isSortingEnabled()) {
            view->header()->setSortIndicator(section, Qt::AscendingOrder);
            view->setSortingEnabled(true); // sorts by the indicator, then follows the clicks itself
        }
    });
}
} // namespace

CountedTwicePanel::CountedTwicePanel(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Counted twice"), parent)
    , m_peopleLabel(WidgetUtil::makeValueLabel(QStringLiteral("peopleLabel"),
          i18nc("@label accessible name", "Seats as people by GitHub's matching rules"), this))
    , m_countLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("countLabel"), i18nc("@label accessible name", "Suspected pairs"), this))
    , m_seatsLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("seatsLabel"), i18nc("@label accessible name", "Seats that fixing all would free"), this))
    , m_emptyLabel(new QLabel(i18nc("@info", "No account looks counted twice."), this))
    , m_view(new QTreeWidget(this))
    , m_detailLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("detailLabel"), i18nc("@label accessible name", "Reason and fix of the selected pair"), this))
    , m_unexpectedLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("unexpectedLabel"), i18nc("@label accessible name", "Seats that count unexpectedly"), this))
    , m_unexpectedView(new QTreeWidget(this))
    , m_saveButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("document-save-as")), i18nc("@action:button", "Save Fix &List…"), this))
{
    setObjectName(QStringLiteral("countedTwicePanel"));
    setAccessibleName(title());
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    QFont bold = m_seatsLabel->font();
    bold.setBold(true);
    m_seatsLabel->setFont(bold);
    m_seatsLabel->setWordWrap(true);
    m_countLabel->setWordWrap(true);
    m_peopleLabel->setWordWrap(true);
    m_detailLabel->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("pairsView"));
    m_view->setAccessibleName(i18nc("@label accessible name", "Suspected pairs"));
    m_view->setAccessibleDescription(i18nc("@info accessible description",
        "Accounts that look like one person but take two seats, with the reason and the fix"));
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({i18nc("@title:column", "Enterprise Server account"),
        i18nc("@title:column", "GitHub.com account"), i18nc("@title:column", "Reason"), i18nc("@title:column", "Fix"),
        i18nc("@title:column", "Seats freed"), i18nc("@title:column", "Confidence")});
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // The fix is the sentence the admin acts on: it takes whatever width the panel has left.
    m_view->header()->setSectionResizeMode(FixColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    makeSortable(m_view);
    m_view->setMinimumHeight(fontMetrics().height() * 8);

    // The findings as a CSV file, for whoever changes the e-mails or works through them in a spreadsheet.
    m_saveButton->setObjectName(QStringLiteral("saveFixListButton"));
    m_saveButton->setToolTip(i18nc("@info:tooltip",
        "Saves every suspected pair and every seat that counts unexpectedly, with what to do, as a CSV file"));
    connect(m_saveButton, &QPushButton::clicked, this, &CountedTwicePanel::saveFixListRequested);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_peopleLabel, 1);
    top->addWidget(m_saveButton, 0, Qt::AlignTop);
    layout->addLayout(top);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_seatsLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_unexpectedLabel);
    layout->addWidget(m_unexpectedView, 1);

    m_unexpectedLabel->setWordWrap(true);
    m_unexpectedView->setObjectName(QStringLiteral("unexpectedView"));
    m_unexpectedView->setAccessibleName(i18nc("@label accessible name", "Seats that count unexpectedly"));
    m_unexpectedView->setAccessibleDescription(i18nc("@info accessible description",
        "Seats GitHub's rules count that admins often do not expect, with what frees them"));
    m_unexpectedView->setRootIsDecorated(false);
    m_unexpectedView->setAlternatingRowColors(true);
    m_unexpectedView->setColumnCount(3);
    m_unexpectedView->setHeaderLabels({i18nc("@title:column", "Seat"),
        i18nc("@title:column why a seat counts", "Counts because"), i18nc("@title:column", "What to do")});
    // The seat and the cause as wide as they are; the explanation, what the admin acts on, takes the rest and wraps.
    m_unexpectedView->header()->setStretchLastSection(true);
    m_unexpectedView->setItemDelegate(new WrappingItemDelegate(m_unexpectedView, 2));
    makeSortable(m_unexpectedView);
    m_unexpectedView->setMinimumHeight(fontMetrics().height() * 6);
    const auto showInTable = [this](QMenu *menu, QTreeWidget *view, const QModelIndex &index, auto activated) {
        if (!m_showInTable) {
            return;
        }
        const QModelIndex row = index.isValid() ? index : view->currentIndex();
        QAction *show =
            menu->addAction(QIcon::fromTheme(QStringLiteral("go-jump")), i18nc("@action:inmenu", "&Show in Table"),
                menu, [row, activated] { activated(row.siblingAtColumn(0).data(FindingRole).toInt()); });
        show->setObjectName(QStringLiteral("showInTable"));
        show->setEnabled(row.isValid());
    };
    ItemViewCopy::install(m_unexpectedView, [this, showInTable](QMenu *menu, const QModelIndex &index) {
        showInTable(menu, m_unexpectedView, index, [this](int row) { Q_EMIT unexpectedSeatActivated(row); });
    });
    connect(m_unexpectedView, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { Q_EMIT unexpectedSeatActivated(findingOf(item)); });

    // The fix is what the admin passes on: to a ticket, a mail, the person who owns the account.
    ItemViewCopy::install(m_view, [this, showInTable](QMenu *menu, const QModelIndex &index) {
        showInTable(menu, m_view, index, [this](int row) { Q_EMIT pairActivated(row); });
        QStringList fixes;
        for (const QModelIndex &row : ItemViewCopy::selectedRows(m_view)) {
            fixes.append(row.siblingAtColumn(FixColumn).data().toString());
        }
        ItemViewCopy::addCopyLinesAction(menu, QStringLiteral("copyFixes"), fixes,
            i18ncp("@action:inmenu", "Copy &Fix", "Copy %1 &Fixes", fixes.size()),
            i18nc("@action:inmenu none to copy", "Copy &Fixes"));
    });
    connect(m_view, &QTreeWidget::currentItemChanged, this, &CountedTwicePanel::showDetail);
    connect(m_view, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { Q_EMIT pairActivated(findingOf(item)); });
    setPairs({});
    setUnexpectedSeats({});
    setTotals({});
}

int CountedTwicePanel::totalSeatsFreed() const
{
    return std::accumulate(
        m_pairs.cbegin(), m_pairs.cend(), 0, [](int sum, const SuspectedPairRow &row) { return sum + row.seatsFreed; });
}

void CountedTwicePanel::showAnalysis(
    const Glc::CountedTwiceResult &result, const Glc::CompactLicenseRows &seats, const Glc::MergedView::Totals &people)
{
    using Glc::CompactLicenseRows;
    QList<SuspectedPairRow> pairs;
    QList<std::pair<int, int>> pairSeats;
    for (const Glc::CountedTwicePair &pair : result.pairs) {
        if (pair.serverRow < 0 || pair.serverRow >= seats.size() || pair.cloudRow < 0 ||
            pair.cloudRow >= seats.size()) {
            continue;
        }
        SuspectedPairRow row;
        row.serverAccount = QStringLiteral("%1 (%2)").arg(
            seats.list(pair.serverRow, CompactLicenseRows::List::ServerUserIds).join(QStringLiteral(", ")),
            pair.serverEmail);
        row.cloudAccount = seats.text(pair.cloudRow, CompactLicenseRows::Text::Login);
        row.reason = Glc::CountedTwicePair::reasonText(pair.reason);
        row.fix = pair.fix;
        row.seatsFreed = pair.seatsFreed;
        row.confidence = pair.confidence / 100.0;
        pairs.append(row);
        pairSeats.append({pair.serverRow, pair.cloudRow});
    }
    QList<UnexpectedSeatRow> unexpected;
    QList<int> unexpectedSeats;
    for (const Glc::UnexpectedSeat &seat : result.unexpected) {
        if (seat.row < 0 || seat.row >= seats.size()) {
            continue;
        }
        // A subscriber without a github.com account has no login: the subscription's e-mail names the seat.
        const QString login = seats.text(seat.row, CompactLicenseRows::Text::Login);
        unexpected.append(UnexpectedSeatRow{
            login.isEmpty() ? seats.text(seat.row, CompactLicenseRows::Text::VisualStudioSubscriptionEmail) : login,
            Glc::UnexpectedSeat::kindText(seat.kind), seat.explanation});
        unexpectedSeats.append(seat.row);
    }
    setPairs(pairs);
    setUnexpectedSeats(unexpected);
    setTotals(people);
    m_pairSeats = pairSeats;
    m_unexpectedSeats = unexpectedSeats;
    m_result = result;
    m_seats = seats;
    m_saveButton->setEnabled(!result.pairs.isEmpty() || !result.unexpected.isEmpty());
}

std::pair<int, int> CountedTwicePanel::pairSeats(int index) const
{
    return index >= 0 && index < m_pairSeats.size() ? m_pairSeats.at(index) : std::pair{-1, -1};
}

int CountedTwicePanel::unexpectedSeat(int index) const
{
    return index >= 0 && index < m_unexpectedSeats.size() ? m_unexpectedSeats.at(index) : -1;
}

void CountedTwicePanel::setPairs(const QList<SuspectedPairRow> &pairs)
{
    m_pairs = pairs;
    m_pairSeats.clear();
    m_result = {};
    m_seats = {};
    m_saveButton->setEnabled(false);
    m_view->clear();
    const bool empty = pairs.isEmpty();
    m_emptyLabel->setVisible(empty);
    m_view->setVisible(!empty);
    m_countLabel->setVisible(!empty);
    m_seatsLabel->setVisible(!empty);
    m_detailLabel->setVisible(!empty);

    const int seats = totalSeatsFreed();
    m_countLabel->setText(i18ncp("@info", "%2 suspected pair of accounts counted as two seats",
        "%2 suspected pairs of accounts counted as two seats each", int(pairs.size()), UiFormat::number(pairs.size())));
    m_seatsLabel->setText(i18ncp(
        "@info", "Fixing all would free %2 seat", "Fixing all would free %2 seats", seats, UiFormat::number(seats)));

    QList<QTreeWidgetItem *> items;
    items.reserve(pairs.size());
    for (const SuspectedPairRow &pair : pairs) {
        auto *item = new FindingItem(int(items.size()));
        item->setText(ServerAccountColumn, pair.serverAccount);
        item->setText(CloudAccountColumn, pair.cloudAccount);
        item->setText(ReasonColumn, pair.reason);
        item->setToolTip(ReasonColumn, pair.reason);
        item->setText(FixColumn, pair.fix);
        item->setToolTip(FixColumn, pair.fix);
        item->setText(SeatsColumn, UiFormat::number(pair.seatsFreed));
        item->setData(SeatsColumn, SortRole, pair.seatsFreed);
        item->setTextAlignment(SeatsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(ConfidenceColumn, UiFormat::percent(pair.confidence * 100.0));
        item->setData(ConfidenceColumn, SortRole, pair.confidence);
        item->setTextAlignment(ConfidenceColumn, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    }
    m_view->addTopLevelItems(items);
    // Accounts fit their content up to a cap, the reasons (short phrases) and numbers fit theirs; the fix, a
    // sentence, stretches over the rest.
    // 36 Latin letters wide in every language (a CJK font's average character is about twice as wide).
    const int cap = WidgetUtil::latinTextWidth(this, 36);
    for (int column : {ServerAccountColumn, CloudAccountColumn, ReasonColumn, SeatsColumn, ConfidenceColumn}) {
        m_view->resizeColumnToContents(column);
        if (column != ReasonColumn) {
            m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), cap));
        }
    }
    if (!empty) {
        m_view->setCurrentItem(m_view->topLevelItem(0));
    }
    showDetail();
}

void CountedTwicePanel::setUnexpectedSeats(const QList<UnexpectedSeatRow> &seats)
{
    m_unexpected = seats;
    m_unexpectedSeats.clear();
    m_unexpectedView->clear();
    m_unexpectedLabel->setVisible(!seats.isEmpty());
    m_unexpectedView->setVisible(!seats.isEmpty());
    m_unexpectedLabel->setText(i18ncp("@info", "%2 seat counts for a reason of GitHub's own that is easy to miss:",
        "%2 seats count for a reason of GitHub's own that is easy to miss:", int(seats.size()),
        UiFormat::number(seats.size())));
    QList<QTreeWidgetItem *> items;
    items.reserve(seats.size());
    for (const UnexpectedSeatRow &seat : seats) {
        auto *item = new FindingItem(int(items.size()), {seat.seat, seat.kind, seat.explanation});
        item->setToolTip(2, seat.explanation);
        items.append(item);
    }
    m_unexpectedView->addTopLevelItems(items);
    m_unexpectedView->resizeColumnToContents(0);
    m_unexpectedView->resizeColumnToContents(1);
    m_unexpectedView->setColumnWidth(
        0, std::min(m_unexpectedView->columnWidth(0), WidgetUtil::latinTextWidth(this, 36)));
    if (!seats.isEmpty()) {
        m_unexpectedView->setCurrentItem(m_unexpectedView->topLevelItem(0));
    }
}

void CountedTwicePanel::setTotals(const Glc::MergedView::Totals &totals)
{
    m_totals = totals;
    m_peopleLabel->setVisible(totals.seats > 0);
    QStringList lines;
    lines << i18ncp("@info %2 people, %3 %4 %5 how many of them use which environments",
        "%2 person by GitHub's matching rules: %3 on Cloud only, %4 on servers only, %5 on both.",
        "%2 people by GitHub's matching rules: %3 on Cloud only, %4 on servers only, %5 on both.", totals.people,
        UiFormat::number(totals.people), UiFormat::number(totals.cloudOnly), UiFormat::number(totals.serverOnly),
        UiFormat::number(totals.both));
    if (totals.mergeAtNextSync > 0) {
        lines << i18ncp("@info",
            "%2 server-only seat already matches a verified e-mail: it becomes one seat with its GitHub.com "
            "account at the next license sync.",
            "%2 server-only seats already match a verified e-mail: they become one seat with their GitHub.com "
            "account at the next license sync.",
            totals.mergeAtNextSync, UiFormat::number(totals.mergeAtNextSync));
    }
    if (totals.afterFixes < totals.people) {
        lines << i18ncp("@info %2 seats after the fixes, %3 seats now",
            "After fixing every suspected pair: %2 seat consumed instead of %3.",
            "After fixing every suspected pair: %2 seats consumed instead of %3.", totals.afterFixes,
            UiFormat::number(totals.afterFixes), UiFormat::number(totals.seats));
    }
    m_peopleLabel->setText(lines.join(QLatin1Char('\n')));
}

void CountedTwicePanel::showDetail()
{
    const int index = findingOf(m_view->currentItem());
    if (index < 0 || index >= m_pairs.size()) {
        m_detailLabel->clear();
        return;
    }
    const SuspectedPairRow &pair = m_pairs.at(index);
    m_detailLabel->setText(
        i18nc("@info reason, then fix, of a suspected pair", "Why: %1\nFix: %2", pair.reason, pair.fix));
}
