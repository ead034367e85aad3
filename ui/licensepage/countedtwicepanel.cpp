// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "countedtwicepanel.h"

#include "inlinemessage.h"
#include "itemviewcopy.h"
#include "uiformat.h"
#include "widgetutil.h"
#include "wrappingitemdelegate.h"

#include <KLocalizedString>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using Glc::SuspectedPairsModel;
using Glc::UnexpectedSeatsModel;
using Glc::CountedTwiceRoles::FindingRole;

namespace {
int findingOf(const QModelIndex &index)
{
    return index.isValid() ? index.siblingAtColumn(0).data(FindingRole).toInt() : -1;
}

/// @p model as @p view shows it: sortable by any column by clicking its title (numbers as numbers, words as the
/// locale orders them); until then in the order it is given (the best reason first), which a sort indicator would
/// hide.
QSortFilterProxyModel *showSortable(QTreeView *view, QAbstractItemModel *model)
{
    auto *proxy = new QSortFilterProxyModel(view);
    proxy->setSortRole(Glc::CountedTwiceRoles::SortRole);
    proxy->setSortLocaleAware(true);
    proxy->setSourceModel(model);
    view->setModel(proxy);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    QHeaderView *header = view->header();
    header->setSectionsClickable(true);
    QObject::connect(header, &QHeaderView::sectionClicked, view, [view](int section) {
        if (!view->isSortingEnabled()) {
            view->header()->setSortIndicator(section, Qt::AscendingOrder);
            view->setSortingEnabled(true); // sorts by the indicator, then follows the clicks itself
        }
    });
    return proxy;
}
} // namespace

CountedTwicePanel::CountedTwicePanel(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "Counted twice"), parent)
    , m_pairsModel(new SuspectedPairsModel(this))
    , m_unexpectedModel(new UnexpectedSeatsModel(this))
    , m_peopleLabel(WidgetUtil::makeValueLabel(QStringLiteral("peopleLabel"),
          i18nc("@label accessible name", "Seats as people by GitHub's matching rules"), this))
    , m_countLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("countLabel"), i18nc("@label accessible name", "Suspected pairs"), this))
    , m_seatsLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("seatsLabel"), i18nc("@label accessible name", "Seats that fixing all would free"), this))
    , m_emptyLabel(new QLabel(i18nc("@info", "No account looks counted twice."), this))
    , m_search(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_detailLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("detailLabel"), i18nc("@label accessible name", "Reason and fix of the selected pair"), this))
    , m_unexpectedLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("unexpectedLabel"), i18nc("@label accessible name", "Seats that count unexpectedly"), this))
    , m_unexpectedView(new QTreeView(this))
    , m_saveButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("document-save-as")), i18nc("@action:button", "Save Fix &List…"), this))
    , m_saveMessage(new InlineMessage(this))
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
    QSortFilterProxyModel *const pairsShown = showSortable(m_view, m_pairsModel);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // The fix is the sentence the admin acts on: it takes whatever width the panel has left.
    m_view->header()->setSectionResizeMode(SuspectedPairsModel::FixColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->setMinimumHeight(fontMetrics().height() * 8);
    // Columns fit the rows on screen and 250 more, not Qt's 1,000: the widths are capped anyway, and thousands of
    // pairs would cost a noticeable pause each time the page fills.
    m_view->header()->setResizeContentsPrecision(250);

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
    m_saveMessage->setObjectName(QStringLiteral("saveMessage"));
    layout->addWidget(m_saveMessage);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_seatsLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_unexpectedLabel);
    layout->addWidget(m_unexpectedView, 1);

    m_unexpectedLabel->setWordWrap(true);
    m_unexpectedView->setObjectName(QStringLiteral("unexpectedView"));
    m_unexpectedView->setAccessibleName(i18nc("@label accessible name", "Seats that count unexpectedly"));
    m_unexpectedView->setAccessibleDescription(i18nc("@info accessible description",
        "Seats GitHub's rules count that admins often do not expect, with what frees them"));
    showSortable(m_unexpectedView, m_unexpectedModel);
    // The seat and the cause as wide as they are; the explanation, what the admin acts on, takes the rest and wraps.
    m_unexpectedView->header()->setStretchLastSection(true);
    m_unexpectedView->setItemDelegate(
        new WrappingItemDelegate(m_unexpectedView, UnexpectedSeatsModel::ExplanationColumn));
    m_unexpectedView->setMinimumHeight(fontMetrics().height() * 6);
    const auto showInTable = [this](QMenu *menu, QTreeView *view, const QModelIndex &index, auto activated) {
        if (!m_showInTable) {
            return;
        }
        // The finding's number, not the index: the list may be filled anew while the menu is open.
        const int finding = findingOf(index.isValid() ? index : view->currentIndex());
        QAction *show = menu->addAction(QIcon::fromTheme(QStringLiteral("go-jump")),
            i18nc("@action:inmenu", "&Show in Table"), menu, [finding, activated] { activated(finding); });
        show->setObjectName(QStringLiteral("showInTable"));
        show->setEnabled(finding >= 0);
    };
    ItemViewCopy::install(m_unexpectedView, [this, showInTable](QMenu *menu, const QModelIndex &index) {
        showInTable(menu, m_unexpectedView, index, [this](int row) { Q_EMIT unexpectedSeatActivated(row); });
    });
    connect(m_unexpectedView, &QAbstractItemView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT unexpectedSeatActivated(findingOf(index)); });

    // The fix is what the admin passes on: to a ticket, a mail, the person who owns the account.
    ItemViewCopy::install(m_view, [this, showInTable](QMenu *menu, const QModelIndex &index) {
        showInTable(menu, m_view, index, [this](int row) { Q_EMIT pairActivated(row); });
        QStringList fixes;
        for (const QModelIndex &row : ItemViewCopy::selectedRows(m_view)) {
            fixes.append(row.siblingAtColumn(SuspectedPairsModel::FixColumn).data().toString());
        }
        ItemViewCopy::addCopyLinesAction(menu, QStringLiteral("copyFixes"), fixes,
            i18ncp("@action:inmenu", "Copy &Fix", "Copy %1 &Fixes", fixes.size()),
            i18nc("@action:inmenu none to copy", "Copy &Fixes"));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CountedTwicePanel::showDetail);

    // Thousands of pairs: the ones of one person, server or domain, by any text of theirs. What is typed stays
    // through a refresh.
    m_search->setObjectName(QStringLiteral("pairsSearch"));
    m_search->setPlaceholderText(
        i18nc("@info:placeholder", "Search the pairs by account, e-mail, server, reason or fix…"));
    m_search->setAccessibleName(i18nc("@label accessible name", "Search the suspected pairs"));
    m_search->setClearButtonEnabled(true);
    pairsShown->setFilterKeyColumn(-1);
    pairsShown->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, this, [this, pairsShown](const QString &text) {
        pairsShown->setFilterFixedString(text);
        if (!m_view->currentIndex().isValid() && pairsShown->rowCount() > 0) {
            m_view->setCurrentIndex(pairsShown->index(0, 0));
        }
        showDetail();
    });
    connect(m_view, &QAbstractItemView::activated, this,
        [this](const QModelIndex &index) { Q_EMIT pairActivated(findingOf(index)); });
    setPairs({});
    setUnexpectedSeats({});
    setTotals({});
}

void CountedTwicePanel::showAnalysis(
    const Glc::CountedTwiceResult &result, const Glc::CompactLicenseRows &seats, const Glc::MergedView::Totals &people)
{
    // The models make a row's texts when the lists show it: 10,000 pairs cost the rows on screen.
    m_pairsModel->setAnalysis(result, seats);
    m_unexpectedModel->setAnalysis(result, seats);
    m_result = result;
    m_seats = seats;
    pairsChanged();
    unexpectedSeatsChanged();
    setTotals(people);
    m_saveButton->setEnabled(!result.pairs.isEmpty() || !result.unexpected.isEmpty());
}

std::pair<int, int> CountedTwicePanel::pairSeats(int index) const
{
    return m_pairsModel->seats(index);
}

int CountedTwicePanel::unexpectedSeat(int index) const
{
    return m_unexpectedModel->seatRow(index);
}

void CountedTwicePanel::setPairs(const QList<Glc::SuspectedPairRow> &pairs)
{
    m_pairsModel->setRows(pairs);
    m_result = {};
    m_seats = {};
    m_saveButton->setEnabled(false);
    pairsChanged();
}

void CountedTwicePanel::pairsChanged()
{
    const int pairs = m_pairsModel->rowCount();
    const bool empty = pairs == 0;
    m_emptyLabel->setVisible(empty);
    m_search->setVisible(!empty);
    m_view->setVisible(!empty);
    m_countLabel->setVisible(!empty);
    m_seatsLabel->setVisible(!empty);
    m_detailLabel->setVisible(!empty);

    const int seats = totalSeatsFreed();
    m_countLabel->setText(i18ncp("@info", "%2 suspected pair of accounts counted as two seats",
        "%2 suspected pairs of accounts counted as two seats each", pairs, UiFormat::number(pairs)));
    m_seatsLabel->setText(i18ncp(
        "@info", "Fixing all would free %2 seat", "Fixing all would free %2 seats", seats, UiFormat::number(seats)));

    // Accounts fit their content up to a cap, the reasons (short phrases) and numbers fit theirs; the fix, a
    // sentence, stretches over the rest. The view measures the rows on screen and at most a thousand more.
    // 36 Latin letters wide in every language (a CJK font's average character is about twice as wide).
    const int cap = WidgetUtil::latinTextWidth(this, 36);
    for (int column : {SuspectedPairsModel::ServerAccountColumn, SuspectedPairsModel::CloudAccountColumn,
             SuspectedPairsModel::ReasonColumn, SuspectedPairsModel::SeatsColumn,
             SuspectedPairsModel::ConfidenceColumn}) {
        m_view->resizeColumnToContents(column);
        if (column != SuspectedPairsModel::ReasonColumn) {
            m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), cap));
        }
    }
    if (!empty) {
        m_view->setCurrentIndex(m_view->model()->index(0, 0));
    }
    showDetail();
}

void CountedTwicePanel::setUnexpectedSeats(const QList<Glc::UnexpectedSeatRow> &seats)
{
    m_unexpectedModel->setRows(seats);
    unexpectedSeatsChanged();
}

void CountedTwicePanel::unexpectedSeatsChanged()
{
    const int seats = m_unexpectedModel->rowCount();
    m_unexpectedLabel->setVisible(seats > 0);
    m_unexpectedView->setVisible(seats > 0);
    m_unexpectedLabel->setText(i18ncp("@info", "%2 seat counts under a GitHub rule that is easy to miss:",
        "%2 seats count under a GitHub rule that is easy to miss:", seats, UiFormat::number(seats)));
    m_unexpectedView->resizeColumnToContents(UnexpectedSeatsModel::SeatColumn);
    m_unexpectedView->resizeColumnToContents(UnexpectedSeatsModel::KindColumn);
    m_unexpectedView->setColumnWidth(UnexpectedSeatsModel::SeatColumn,
        std::min(
            m_unexpectedView->columnWidth(UnexpectedSeatsModel::SeatColumn), WidgetUtil::latinTextWidth(this, 36)));
    // A long cause ("Visual Studio subscriber without a github.com account") wraps within its row, which the
    // explanation beside it makes taller anyway: the explanation, what the admin acts on, keeps the room.
    m_unexpectedView->setColumnWidth(UnexpectedSeatsModel::KindColumn,
        std::min(
            m_unexpectedView->columnWidth(UnexpectedSeatsModel::KindColumn), WidgetUtil::latinTextWidth(this, 30)));
    if (seats > 0) {
        m_unexpectedView->setCurrentIndex(m_unexpectedView->model()->index(0, 0));
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
    const int index = findingOf(m_view->currentIndex());
    if (index < 0 || index >= m_pairsModel->rowCount()) {
        m_detailLabel->clear();
        return;
    }
    const Glc::SuspectedPairRow pair = m_pairsModel->pair(index);
    m_detailLabel->setText(
        i18nc("@info reason, then fix, of a suspected pair", "Why: %1\nFix: %2", pair.reason, pair.fix));
}
