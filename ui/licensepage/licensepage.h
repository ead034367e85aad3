// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QWidget>

#include <functional>

class AttentionCard;
class CountedTwicePanel;
class HistoryChart;
class InlineMessage;
class LicenseFilterBar;
class LicenseSyncCard;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class QuickLinksCard;
class ServerInstancesCard;
class UserLicensesCard;

/// The License page: a scrollable column of the cards, the history chart, the counted-twice
/// panel and the consumed-licenses area (filter bar + a table the integrator provides), under a
/// header with the last refresh, Refresh (F5), its progress and an inline error area.
class LicensePage : public QWidget
{
    Q_OBJECT
public:
    explicit LicensePage(QWidget *parent = nullptr);

    UserLicensesCard *userLicensesCard() const { return m_userLicenses; }
    QuickLinksCard *quickLinksCard() const { return m_quickLinks; }
    AttentionCard *attentionCard() const { return m_attention; }
    LicenseSyncCard *licenseSyncCard() const { return m_sync; }
    ServerInstancesCard *serverInstancesCard() const { return m_instances; }
    HistoryChart *historyChart() const { return m_chart; }
    /// The forecast in words under the chart; empty hides it.
    QLabel *forecastLabel() const { return m_forecast; }
    void setForecastText(const QString &text);
    CountedTwicePanel *countedTwicePanel() const { return m_countedTwice; }
    LicenseFilterBar *filterBar() const { return m_filterBar; }
    InlineMessage *errorMessage() const { return m_error; }

    /// Puts the consumed-licenses table under the filter bar (the page takes ownership).
    void setTableWidget(QWidget *table);
    QWidget *tableWidget() const { return m_table; }
    /// Scrolls the page to the table and gives the table the focus.
    void showTable();
    /// Scrolls the page to @p widget (one of its own) and gives it the focus.
    void reveal(QWidget *widget);
    /// Scrolls the page to @p widget (one of its own), the focus left where it is.
    void scrollTo(QWidget *widget);

    /// "Last refreshed 3 minutes ago from lab 127.0.0.1:4123"; an invalid date reads "never".
    void setLastRefreshed(const QDateTime &when, const QString &source);
    /// When the next automatic refresh is due (invalid: none), said after the last refresh.
    void setNextRefresh(const QDateTime &when);
    /// Shows or hides the progress row and disables Refresh while a refresh runs.
    void setRefreshing(bool refreshing);
    bool isRefreshing() const { return m_refreshing; }
    /// Pages fetched of the total (0 or less: unknown total) and users read so far.
    void setRefreshProgress(int pages, int totalPages, int users);

    void showError(const QString &title, const QString &nextStep);
    /// Where errors show: something went wrong beside a success.
    void showWarning(const QString &title, const QString &nextStep);
    void clearError();

    /// The clock relative times count from; passed on to the cards. Tests inject a fixed one.
    void setClock(const std::function<QDateTime()> &clock);

    QString lastRefreshedText() const;

Q_SIGNALS:
    void refreshRequested();
    void cancelRefreshRequested();
    void compareSnapshotsRequested();
    void organizationsRequested();

private:
    /// Every minute: the texts that read the clock (ages, days left, stale and overdue marks).
    void refreshTimes();
    void updateLastRefreshed();

    QScrollArea *const m_scroll;
    QWidget *const m_content;
    QLabel *const m_lastRefreshedLabel;
    QPushButton *const m_refreshButton;
    QWidget *const m_progressRow;
    QProgressBar *const m_progressBar;
    QLabel *const m_progressLabel;
    QPushButton *const m_cancelButton;
    InlineMessage *const m_error;
    AttentionCard *const m_attention; ///< made before the cards below it: Tab reaches it first, as it is read
    UserLicensesCard *const m_userLicenses;
    QuickLinksCard *const m_quickLinks;
    LicenseSyncCard *const m_sync;
    ServerInstancesCard *const m_instances;
    HistoryChart *const m_chart;
    QLabel *const m_forecast;
    CountedTwicePanel *const m_countedTwice;
    LicenseFilterBar *const m_filterBar;
    QWidget *const m_tableArea;
    QVBoxLayout *const m_tableLayout;
    QWidget *m_table = nullptr;

    QDateTime m_lastRefreshed;
    QDateTime m_nextRefresh;
    QString m_source;
    bool m_refreshing = false;
    std::function<QDateTime()> m_clock;
};
