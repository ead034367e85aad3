// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensetablecontroller.h"

#include "licensepage/itemviewcopy.h"
#include "licensepage/licensepage.h"
#include "licensepage/widgetutil.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"
#include "urlopener.h"
#include "workflows/pagedatajob.h"

#include <KLocalizedString>
#include <QHeaderView>
#include <QMenu>
#include <QMetaEnum>
#include <QSet>
#include <QSettings>
#include <QTableView>

using namespace Glc;

LicenseTableController::LicenseTableController(LicensePage *page, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_model(new ConsumedLicensesModel(this))
    , m_filter(new ConsumedLicensesFilterModel(this))
    , m_table(new QTableView(page))
{
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("consumedLicensesTable"));
    m_table->setAccessibleName(i18nc("@label accessible name", "Consumed licenses"));
    m_table->setAccessibleDescription(i18nc("@info:whatsthis", "One row per consumed seat; sort by any column"));
    m_table->setModel(m_filter);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    restoreColumns();
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ConsumedLicensesModel::LoginColumn, Qt::AscendingOrder);
    // PageDataJob delivers the rows sorted by login already: the proxy keeps their order (no sort of
    // 100,000 rows in this thread at each load or keystroke) until the user sorts by a column.
    m_filter->sort(-1);
    // With the sort indicator's room; widths saved under another language (or font) may be too narrow
    // for this one's titles.
    fitColumns();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setMinimumHeight(m_table->fontMetrics().height() * 16);
    ItemViewCopy::install(m_table, [this](QMenu *menu, const QModelIndex &index) { addSeatActions(menu, index); });
    page->setTableWidget(m_table);
    connect(page->filterBar(), &LicenseFilterBar::filterChanged, this, &LicenseTableController::applyFilter);

    // Which columns show, in which order and how wide: chosen from the header's context menu (or the
    // table's Columns submenu, by keyboard), and kept for the next start.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        auto *menu = new QMenu(header);
        menu->setObjectName(QStringLiteral("tableColumnsMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        addColumnActions(menu);
        menu->popup(header->viewport()->mapToGlobal(pos));
    });
    // Saved as it changes, into the settings object's memory (written to disk by Qt in the background and
    // when it goes): the table itself is gone before this controller, so nothing is left to save then.
    connect(header, &QHeaderView::sectionMoved, this, &LicenseTableController::saveColumns);
    connect(header, &QHeaderView::sectionResized, this, &LicenseTableController::saveColumns);
}

namespace {
/// The columns in the table's order, each "Name:shown|hidden:width" (Name: ConsumedLicensesModel::Column).
const QLatin1String ColumnsKey("LicenseTable/columns");
} // namespace

void LicenseTableController::fitColumns()
{
    // No title is cut, nor a license type (GitHub's two words); data (logins, names, e-mails) may be elided.
    WidgetUtil::fitSectionsToTitles(m_table->horizontalHeader());
    WidgetUtil::fitColumnToTexts(m_table, ConsumedLicensesModel::LicenseTypeColumn,
        {ConsumedLicensesModel::licenseTypeText(QStringLiteral("enterprise")),
            ConsumedLicensesModel::licenseTypeText(QStringLiteral("visual_studio"))});
}

void LicenseTableController::saveColumns()
{
    // By the columns' names (the model's enum), not QHeaderView::saveState(): a version with more or
    // other columns still reads it, and restoring it brings no sort along.
    const QHeaderView *header = m_table->horizontalHeader();
    const QMetaEnum names = QMetaEnum::fromType<ConsumedLicensesModel::Column>();
    QStringList columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        // A hidden section's size is 0; it shows again as wide as it was, which the header remembers.
        columns.append(QStringLiteral("%1:%2:%3")
                .arg(QLatin1String(names.valueToKey(column)),
                    header->isSectionHidden(column) ? QStringLiteral("hidden") : QStringLiteral("shown"))
                .arg(header->isSectionHidden(column) ? 0 : header->sectionSize(column)));
    }
    m_settings.setValue(ColumnsKey, columns);
}

void LicenseTableController::restoreColumns()
{
    const QStringList columns = m_settings.value(ColumnsKey).toStringList();
    const QMetaEnum names = QMetaEnum::fromType<ConsumedLicensesModel::Column>();
    QHeaderView *header = m_table->horizontalHeader();
    int visual = 0;
    for (const QString &entry : columns) {
        const QStringList parts = entry.split(QLatin1Char(':'));
        bool known = false;
        const int column = parts.size() == 3 ? names.keyToValue(parts.at(0).toLatin1().constData(), &known) : -1;
        if (!known || column < 0 || column >= header->count() || header->visualIndex(column) < visual) {
            continue; // a column this version does not have (or named twice)
        }
        header->moveSection(header->visualIndex(column), visual++);
        if (const int width = parts.at(2).toInt(); width > 0) {
            header->resizeSection(column, width);
        }
        header->setSectionHidden(column, parts.at(1) == QLatin1String("hidden"));
    }
    if (shownColumns() == 0) {
        resetColumns();
    }
}

int LicenseTableController::shownColumns() const
{
    // Section by section: QHeaderView::hiddenSectionCount() can keep a stale entry (Qt 6.8).
    const QHeaderView *header = m_table->horizontalHeader();
    int shown = 0;
    for (int column = 0; column < header->count(); ++column) {
        shown += header->isSectionHidden(column) ? 0 : 1;
    }
    return shown;
}

void LicenseTableController::addColumnActions(QMenu *menu)
{
    QHeaderView *header = m_table->horizontalHeader();
    const int shown = shownColumns();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        const bool hidden = header->isSectionHidden(column);
        QAction *action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(QStringLiteral("showColumn%1").arg(column));
        action->setCheckable(true);
        action->setChecked(!hidden);
        action->setEnabled(hidden || shown > 1); // a table shows at least one column
        connect(action, &QAction::toggled, this, [this, column](bool show) {
            m_table->horizontalHeader()->setSectionHidden(column, !show);
            saveColumns();
        });
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")),
        i18nc("@action:inmenu", "&Reset Columns"), this, &LicenseTableController::resetColumns);
    reset->setObjectName(QStringLiteral("resetColumns"));
}

void LicenseTableController::resetColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        header->showSection(column);
        header->moveSection(header->visualIndex(column), column);
        header->resizeSection(column, header->defaultSectionSize());
    }
    fitColumns();
    saveColumns();
}

void LicenseTableController::showSeats(const QList<int> &rows)
{
    if (std::any_of(rows.cbegin(), rows.cend(), [this](int row) { return row < 0 || row >= m_model->rowCount(); })) {
        return;
    }
    QList<QModelIndex> shown;
    for (int row : rows) {
        shown.append(m_filter->mapFromSource(m_model->index(row, 0)));
    }
    if (shown.isEmpty()) {
        return;
    }
    if (std::any_of(shown.cbegin(), shown.cend(), [](const QModelIndex &index) { return !index.isValid(); })) {
        // A filter hides one of them: the whole table, so both seats of a pair show.
        m_page->filterBar()->reset();
        shown.clear();
        for (int row : rows) {
            shown.append(m_filter->mapFromSource(m_model->index(row, 0)));
        }
    }
    QItemSelection selection;
    for (const QModelIndex &index : std::as_const(shown)) {
        selection.select(index, index);
    }
    m_table->selectionModel()->setCurrentIndex(shown.first(), QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(shown.first(), QAbstractItemView::PositionAtCenter);
    m_page->showTable();
}

void LicenseTableController::addSeatActions(QMenu *menu, const QModelIndex &index)
{
    using Model = ConsumedLicensesModel;
    using Text = CompactLicenseRows::Text;
    using List = CompactLicenseRows::List;
    // The selected seats as the model's rows, their values read from its packed rows rather than a QVariant a
    // cell through the filter: the menu counts what it would copy before it opens, every seat of a large
    // enterprise included.
    const QModelIndexList selected = ItemViewCopy::selectedRows(m_table);
    QList<int> seats;
    seats.reserve(selected.size());
    for (const QModelIndex &row : selected) {
        seats.append(m_filter->mapToSource(row).row());
    }
    const CompactLicenseRows &packed = m_model->rows();
    // The logins, then every e-mail address, of the selected seats: one a line, each once (whatever its case).
    auto collect = [&seats](const auto &valuesOf) {
        QStringList values;
        QSet<QString> seen;
        for (int seat : std::as_const(seats)) {
            for (const QString &text : valuesOf(seat)) {
                if (text.isEmpty()) {
                    continue;
                }
                const qsizetype known = seen.size();
                seen.insert(text.toCaseFolded());
                if (seen.size() > known) {
                    values.append(text);
                }
            }
        }
        return values;
    };
    const QStringList logins = collect([&packed](int seat) { return QStringList{packed.text(seat, Text::Login)}; });
    ItemViewCopy::addCopyLinesAction(menu, QStringLiteral("copyLogins"), logins,
        i18ncp("@action:inmenu", "Copy &Login", "Copy %1 &Logins", logins.size()),
        i18nc("@action:inmenu none to copy", "Copy &Logins"));
    const QStringList emails = collect([&packed](int seat) {
        return packed.list(seat, List::ServerEmails) + packed.list(seat, List::VerifiedDomainEmails) +
            QStringList{packed.text(seat, Text::VisualStudioSubscriptionEmail)};
    });
    ItemViewCopy::addCopyLinesAction(menu, QStringLiteral("copyEmails"), emails,
        i18ncp("@action:inmenu", "Copy &E-mail Address", "Copy %1 &E-mail Addresses", emails.size()),
        i18nc("@action:inmenu none to copy", "Copy &E-mail Addresses"));
    menu->addSeparator();
    // The github.com profile of the seat under the pointer; only a web address is opened.
    const QUrl profile(index.siblingAtColumn(Model::ProfileColumn).data(Model::RawValueRole).toString());
    const bool web = profile.isValid() && !profile.host().isEmpty() &&
        (profile.scheme() == QLatin1String("https") || profile.scheme() == QLatin1String("http"));
    QAction *openProfile = menu->addAction(QIcon::fromTheme(QStringLiteral("internet-services")),
        i18nc("@action:inmenu", "Open &Profile in Browser"), menu, [profile] { UrlOpener::open(profile); });
    openProfile->setObjectName(QStringLiteral("openProfile"));
    openProfile->setEnabled(index.isValid() && web);
    menu->addSeparator();
    QMenu *columns = menu->addMenu(i18nc("@title:menu", "C&olumns"));
    columns->setObjectName(QStringLiteral("tableColumnsMenu"));
    addColumnActions(columns);
}

void LicenseTableController::setRows(const CompactLicenseRows &rows)
{
    // The rows come first (PageDataJob::rowsReady) while the rest still loads; apply() then finds
    // the model filled with the very same rows.
    if (m_model->rows().isSharedWith(rows) && m_model->rowCount() == rows.size()) {
        return;
    }
    m_model->setRows(rows);
    m_page->filterBar()->setResultCount(m_filter->rowCount(), m_model->rowCount());
}

void LicenseTableController::setFilterChoices(const PageData &data, const QStringList &hosts)
{
    QList<FilterChoice> environments{
        {QStringLiteral("cloud"), i18nc("@item:inlistbox environment", "GitHub Enterprise Cloud")},
        {QStringLiteral("server-only"), i18nc("@item:inlistbox environment", "Enterprise Server only")}};
    for (const QString &host : hosts) {
        environments.append({host, host});
    }
    m_page->filterBar()->setEnvironments(environments);
    QList<FilterChoice> types;
    for (const QString &type : data.licenseTypes) {
        types.append({type, ConsumedLicensesModel::licenseTypeText(type)});
    }
    m_page->filterBar()->setLicenseTypes(types);
    QList<FilterChoice> organizations;
    for (const OrganizationBreakdown::Organization &organization : data.organizations.organizations) {
        organizations.append({organization.name, organization.name});
    }
    std::sort(organizations.begin(), organizations.end(),
        [](const FilterChoice &a, const FilterChoice &b) { return QString::localeAwareCompare(a.key, b.key) < 0; });
    m_page->filterBar()->setOrganizations(organizations);
    applyFilter();
}

void LicenseTableController::applyFilter()
{
    // Each setter of the proxy re-filters every row: only what changed is passed on.
    const FilterState state = m_page->filterBar()->state();
    const FilterState &was = m_appliedFilter;
    if (state.text != was.text) {
        m_filter->setSearchText(state.text);
    }
    if (state.environment != was.environment) {
        if (state.environment.isEmpty()) {
            m_filter->setEnvironment(ConsumedLicensesFilterModel::Environment::Any);
        } else if (state.environment == QLatin1String("cloud")) {
            m_filter->setEnvironment(ConsumedLicensesFilterModel::Environment::Cloud);
        } else if (state.environment == QLatin1String("server-only")) {
            m_filter->setEnvironment(ConsumedLicensesFilterModel::Environment::ServerOnly);
        } else {
            m_filter->setEnvironment(ConsumedLicensesFilterModel::Environment::Host, state.environment);
        }
    }
    if (state.licenseType != was.licenseType) {
        m_filter->setLicenseType(state.licenseType);
    }
    if (state.organization != was.organization) {
        m_filter->setOrganization(state.organization);
    }
    if (state.visualStudioOnly != was.visualStudioOnly) {
        m_filter->setVisualStudioOnly(state.visualStudioOnly);
    }
    if (state.twoFactorOffOnly != was.twoFactorOffOnly) {
        m_filter->setTwoFactorOffOnly(state.twoFactorOffOnly);
    }
    if (state.pendingInvitationOnly != was.pendingInvitationOnly) {
        m_filter->setPendingInvitationOnly(state.pendingInvitationOnly);
    }
    if (state.countedTwiceOnly != was.countedTwiceOnly) {
        m_filter->setCountedTwiceOnly(state.countedTwiceOnly);
    }
    m_appliedFilter = state;
    m_page->filterBar()->setResultCount(m_filter->rowCount(), m_model->rowCount());
}

std::optional<QList<int>> LicenseTableController::shownRows() const
{
    if (m_page->filterBar()->state().isEmpty() && m_filter->sortColumn() < 0) {
        return std::nullopt;
    }
    QList<int> rows;
    rows.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        rows.append(m_filter->mapToSource(m_filter->index(row, 0)).row());
    }
    return rows;
}
