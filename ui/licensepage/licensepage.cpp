// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage.h"

#include "attentioncard.h"
#include "countedtwicepanel.h"
#include "historychart.h"
#include "inlinemessage.h"
#include "licensefilterbar.h"
#include "licensesynccard.h"
#include "quicklinkscard.h"
#include "serverinstancescard.h"
#include "uiformat.h"
#include "userlicensescard.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

LicensePage::LicensePage(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget(m_scroll))
    , m_lastRefreshedLabel(new QLabel(m_content))
    , m_refreshButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "&Refresh"), m_content))
    , m_progressRow(new QWidget(m_content))
    , m_progressBar(new QProgressBar(m_progressRow))
    , m_progressLabel(new QLabel(m_progressRow))
    , m_cancelButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("process-stop")), i18nc("@action:button", "&Cancel"), m_progressRow))
    , m_error(new InlineMessage(m_content))
    , m_attention(new AttentionCard(m_content))
    , m_userLicenses(new UserLicensesCard(m_content))
    , m_quickLinks(new QuickLinksCard(m_content))
    , m_sync(new LicenseSyncCard(m_content))
    , m_instances(new ServerInstancesCard(m_content))
    , m_chart(new HistoryChart(m_content))
    , m_forecast(WidgetUtil::makeValueLabel(
          QStringLiteral("forecastLabel"), i18nc("@label accessible name", "Seat forecast"), m_content))
    , m_countedTwice(new CountedTwicePanel(m_content))
    , m_filterBar(new LicenseFilterBar(m_content))
    , m_tableArea(new QWidget(m_content))
    , m_tableLayout(new QVBoxLayout(m_tableArea))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("licensePage"));
    setAccessibleName(i18nc("@title accessible name of the page", "License"));
    m_scroll->setObjectName(QStringLiteral("licensePageScroll"));
    m_scroll->setAccessibleName(i18nc("@label accessible name", "License overview"));
    m_content->setObjectName(QStringLiteral("licensePageContent"));
    m_lastRefreshedLabel->setObjectName(QStringLiteral("lastRefreshedLabel"));
    m_lastRefreshedLabel->setWordWrap(true);
    m_lastRefreshedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastRefreshedLabel->setAccessibleName(i18nc("@label accessible name", "Last refresh"));

    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setAccessibleDescription(
        i18nc("@info:tooltip", "Fetch everything for the active connection into a new snapshot"));
    m_refreshButton->setToolTip(i18nc("@info:tooltip %1 what the button does, %2 its keyboard shortcut", "%1 (%2)",
        m_refreshButton->accessibleDescription(),
        QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    auto *refreshShortcut = new QShortcut(QKeySequence::Refresh, this);
    refreshShortcut->setObjectName(QStringLiteral("refreshShortcut"));
    connect(refreshShortcut, &QShortcut::activated, m_refreshButton, &QPushButton::animateClick);
    connect(m_refreshButton, &QPushButton::clicked, this, &LicensePage::refreshRequested);

    m_progressRow->setObjectName(QStringLiteral("progressRow"));
    m_progressBar->setObjectName(QStringLiteral("refreshProgressBar"));
    m_progressBar->setAccessibleName(i18nc("@label accessible name", "Refresh progress"));
    m_progressBar->setTextVisible(false);
    m_progressLabel->setObjectName(QStringLiteral("refreshProgressLabel"));
    m_progressLabel->setWordWrap(true);
    m_progressLabel->setAccessibleName(i18nc("@label accessible name", "Refresh progress"));
    m_cancelButton->setObjectName(QStringLiteral("cancelRefreshButton"));
    m_cancelButton->setAccessibleName(i18nc("@action:button accessible name", "Cancel refresh"));
    m_cancelButton->setAccessibleDescription(
        i18nc("@info:tooltip", "Stop the refresh; the previous snapshot stays as it was"));
    m_cancelButton->setToolTip(m_cancelButton->accessibleDescription());
    connect(m_cancelButton, &QPushButton::clicked, this, &LicensePage::cancelRefreshRequested);
    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(m_progressBar, 2);
    progressLayout->addWidget(m_progressLabel, 3);
    progressLayout->addWidget(m_cancelButton);
    m_progressRow->hide();

    auto *historyBox = new QGroupBox(i18nc("@title:group", "History"), m_content);
    historyBox->setObjectName(QStringLiteral("historyBox"));
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_chart);
    auto *compareButton = new QPushButton(
        QIcon::fromTheme(QStringLiteral("view-history")), i18nc("@action:button", "Co&mpare Snapshots…"), historyBox);
    compareButton->setObjectName(QStringLiteral("compareSnapshotsButton"));
    compareButton->setAccessibleDescription(
        i18nc("@info:tooltip", "Who came, who went and who changed environment between two snapshots"));
    compareButton->setToolTip(compareButton->accessibleDescription());
    connect(compareButton, &QPushButton::clicked, this, &LicensePage::compareSnapshotsRequested);
    // The forecast in words beside Compare Snapshots: the chart's dashed line, said.
    m_forecast->setParent(historyBox);
    m_forecast->setWordWrap(true);
    m_forecast->hide();
    auto *historyFooter = new QHBoxLayout;
    historyFooter->addWidget(m_forecast, 1);
    historyFooter->addWidget(compareButton, 0, Qt::AlignRight | Qt::AlignTop);
    historyLayout->addLayout(historyFooter);

    auto *tableBox = new QGroupBox(i18nc("@title:group", "Consumed licenses"), m_content);
    tableBox->setObjectName(QStringLiteral("consumedLicensesBox"));
    m_filterBar->setParent(tableBox);
    m_tableArea->setParent(tableBox);
    m_tableArea->setObjectName(QStringLiteral("tableArea"));
    m_tableLayout->setContentsMargins(0, 0, 0, 0);
    m_tableArea->setMinimumHeight(fontMetrics().height() * 20);
    auto *organizationsButton = new QPushButton(
        QIcon::fromTheme(QStringLiteral("im-user")), i18nc("@action:button", "Seats by Or&ganization…"), tableBox);
    organizationsButton->setObjectName(QStringLiteral("organizationsButton"));
    organizationsButton->setAccessibleDescription(i18nc("@info:tooltip",
        "Members, owners, pending invitations and members without 2FA of each github.com organization"));
    organizationsButton->setToolTip(organizationsButton->accessibleDescription());
    connect(organizationsButton, &QPushButton::clicked, this, &LicensePage::organizationsRequested);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->addWidget(m_filterBar);
    tableLayout->addWidget(m_tableArea, 1);
    tableLayout->addWidget(organizationsButton, 0, Qt::AlignRight);

    auto *header = new QHBoxLayout;
    header->addWidget(m_lastRefreshedLabel, 1);
    header->addWidget(m_refreshButton, 0, Qt::AlignTop);

    auto *topRow = new QHBoxLayout;
    topRow->addWidget(m_userLicenses, 3);
    topRow->addWidget(m_quickLinks, 1);

    auto *content = new QVBoxLayout(m_content);
    content->addLayout(header);
    content->addWidget(m_progressRow);
    content->addWidget(m_error);
    // First what wants the admin's action, then the License tab as GitHub lays it out.
    content->addWidget(m_attention);
    content->addLayout(topRow);
    content->addWidget(m_sync);
    content->addWidget(m_instances);
    content->addWidget(historyBox);
    content->addWidget(m_countedTwice);
    content->addWidget(tableBox, 1);

    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    // Keep "3 minutes ago", "12 days left" and the stale warnings true while the page stays open.
    auto *ticker = new QTimer(this);
    ticker->setObjectName(QStringLiteral("relativeTimeTicker"));
    ticker->setInterval(60 * 1000);
    connect(ticker, &QTimer::timeout, this, &LicensePage::refreshTimes);
    ticker->start();

    updateLastRefreshed();
}

void LicensePage::setTableWidget(QWidget *table)
{
    if (m_table == table) {
        return;
    }
    if (m_table) {
        m_tableLayout->removeWidget(m_table);
        m_table->deleteLater();
    }
    m_table = table;
    if (m_table) {
        m_table->setParent(m_tableArea);
        m_tableLayout->addWidget(m_table);
        // The table follows the filter bar in the tab order, wherever it was created.
        QWidget *last = m_filterBar;
        while (last->nextInFocusChain() && last->nextInFocusChain()->parentWidget() &&
            m_filterBar->isAncestorOf(last->nextInFocusChain())) {
            last = last->nextInFocusChain();
        }
        QWidget::setTabOrder(last, m_table);
        m_table->show();
    }
}

void LicensePage::showTable()
{
    reveal(m_table);
}

void LicensePage::reveal(QWidget *widget)
{
    if (widget && m_content->isAncestorOf(widget)) {
        scrollTo(widget);
        widget->setFocus(Qt::OtherFocusReason);
    }
}

void LicensePage::scrollTo(QWidget *widget)
{
    if (widget && m_content->isAncestorOf(widget)) {
        m_scroll->ensureWidgetVisible(widget, 0, 0);
    }
}

void LicensePage::setForecastText(const QString &text)
{
    m_forecast->setText(text);
    m_forecast->setVisible(!text.isEmpty());
}

void LicensePage::setLastRefreshed(const QDateTime &when, const QString &source)
{
    m_lastRefreshed = when;
    m_source = source;
    updateLastRefreshed();
}

void LicensePage::setNextRefresh(const QDateTime &when)
{
    m_nextRefresh = when;
    updateLastRefreshed();
}

void LicensePage::refreshTimes()
{
    updateLastRefreshed();
    m_userLicenses->refreshTimes();
    m_sync->refreshTimes();
    m_instances->refreshTimes();
    m_attention->refreshTimes();
}

QString LicensePage::lastRefreshedText() const
{
    return m_lastRefreshedLabel->text();
}

void LicensePage::updateLastRefreshed()
{
    if (!m_lastRefreshed.isValid()) {
        m_lastRefreshedLabel->setText(
            i18nc("@info", "Not refreshed yet. Press Refresh (F5) to take the first snapshot."));
        m_lastRefreshedLabel->setToolTip(QString());
        return;
    }
    const QString relative = UiFormat::relativeTime(m_lastRefreshed, m_clock());
    QString text = m_source.isEmpty()
        ? i18nc("@info %1 relative time", "Last refreshed %1", relative)
        : i18nc("@info %1 relative time, %2 where the data came from", "Last refreshed %1 from %2", relative, m_source);
    if (m_nextRefresh.isValid()) {
        text = i18nc("@info %1 the sentence above, %2 date and time", "%1 · next automatic refresh %2", text,
            UiFormat::dateTime(std::max(m_nextRefresh, m_clock())));
    }
    m_lastRefreshedLabel->setText(text);
    m_lastRefreshedLabel->setToolTip(UiFormat::dateTime(m_lastRefreshed));
}

void LicensePage::setRefreshing(bool refreshing)
{
    // The focus moves only from the button that goes away (disabled Refresh, hidden Cancel) to the other
    // one; a refresh that starts by itself (e.g. after an upload) leaves it where the user is typing.
    const bool onRefresh = m_refreshButton->hasFocus();
    const bool onCancel = m_cancelButton->hasFocus();
    m_refreshing = refreshing;
    m_progressRow->setVisible(refreshing);
    m_refreshButton->setEnabled(!refreshing);
    m_attention->setRefreshing(refreshing);
    if (refreshing) {
        setRefreshProgress(0, 0, 0);
        if (onRefresh) {
            m_cancelButton->setFocus(Qt::OtherFocusReason);
        }
    } else if (onCancel) {
        m_refreshButton->setFocus(Qt::OtherFocusReason);
    }
}

void LicensePage::setRefreshProgress(int pages, int totalPages, int users)
{
    if (!m_refreshing) {
        m_refreshing = true;
        m_progressRow->setVisible(true);
        m_refreshButton->setEnabled(false);
    }
    if (totalPages > 0) {
        m_progressBar->setRange(0, totalPages);
        m_progressBar->setValue(std::min(pages, totalPages));
        m_progressLabel->setText(i18ncp("@info:progress pages of pages, users", "Page %2 of %3 · %1 user",
            "Page %2 of %3 · %1 users", users, UiFormat::number(pages), UiFormat::number(totalPages)));
    } else {
        m_progressBar->setRange(0, 0); // busy: the total is not known yet
        // Two counts, each with its own plural form, in one sentence the translation can order.
        m_progressLabel->setText(i18nc("@info:progress %1 pages, %2 users", "%1 · %2",
            i18ncp("@info:progress", "%1 page", "%1 pages", pages),
            i18ncp("@info:progress", "%1 user", "%1 users", users)));
    }
    m_progressBar->setAccessibleDescription(m_progressLabel->text());
}

void LicensePage::showError(const QString &title, const QString &nextStep)
{
    m_error->showMessage(InlineMessage::Type::Error, title, nextStep);
    m_scroll->ensureWidgetVisible(m_error);
}

void LicensePage::showWarning(const QString &title, const QString &nextStep)
{
    m_error->showMessage(InlineMessage::Type::Warning, title, nextStep);
    m_scroll->ensureWidgetVisible(m_error);
}

void LicensePage::clearError()
{
    m_error->dismiss();
}

void LicensePage::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    m_userLicenses->setClock(clock);
    m_sync->setClock(clock);
    m_instances->setClock(clock);
    m_attention->setClock(clock);
    updateLastRefreshed();
}
