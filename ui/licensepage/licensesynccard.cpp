// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensesynccard.h"

#include "models/synchistorymodel.h"
#include "statuscolors.h"
#include "uiformat.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
enum Column {
    HostColumn,
    VersionColumn,
    ConnectedColumn,
    LastSyncColumn,
    StatusColumn,
    ButtonColumn,
};

QLabel *headerLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

LicenseSyncCard::LicenseSyncCard(QWidget *parent)
    : QGroupBox(i18nc("@title:group", "License sync"), parent)
    , m_summaryLabel(WidgetUtil::makeValueLabel(
          QStringLiteral("summaryLabel"), i18nc("@label accessible name", "License sync summary"), this))
    , m_syncAllButton(new QPushButton(
          QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "S&ync All Servers"), this))
    , m_historyButton(new QPushButton(QIcon::fromTheme(QStringLiteral("view-history")),
          i18nc("@action:button no mnemonic: every letter of it is taken on the License page", "Sync History…"), this))
    , m_emptyLabel(
          new QLabel(i18nc("@info", "No Enterprise Server instance reports license sync to this enterprise."), this))
    , m_rows(new QWidget(this))
    , m_rowsLayout(new QGridLayout(m_rows))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("licenseSyncCard"));
    setAccessibleName(title());
    m_syncAllButton->setObjectName(QStringLiteral("syncAllButton"));
    m_syncAllButton->setAccessibleName(i18nc("@action:button accessible name", "Sync All Servers"));
    m_syncAllButton->setAccessibleDescription(
        i18nc("@info:tooltip", "Ask every Enterprise Server instance to sync its license usage now"));
    m_syncAllButton->setToolTip(m_syncAllButton->accessibleDescription());
    m_historyButton->setObjectName(QStringLiteral("syncHistoryButton"));
    m_historyButton->setAccessibleDescription(
        i18nc("@info:tooltip", "Every license sync of the servers the console has seen, failures with their error"));
    // Alt+H opens the Help menu: View > Sync History (Ctrl+Shift+H) is the keyboard's way, said here.
    m_historyButton->setToolTip(
        i18nc("@info:tooltip %1 what it shows, %2 its shortcut", "%1 (%2)", m_historyButton->accessibleDescription(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H).toString(QKeySequence::NativeText)));
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);
    m_summaryLabel->setWordWrap(true);
    m_rows->setObjectName(QStringLiteral("syncRows"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    // Columns stay together on wide windows; the spare room goes after the buttons.
    m_rowsLayout->setColumnStretch(ButtonColumn + 1, 1);
    m_rowsLayout->setHorizontalSpacing(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 2);

    auto *header = new QHBoxLayout;
    header->addWidget(m_summaryLabel, 1);
    header->addWidget(m_historyButton, 0, Qt::AlignTop);
    header->addWidget(m_syncAllButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_rows);

    connect(m_syncAllButton, &QPushButton::clicked, this, &LicenseSyncCard::syncAllRequested);
    connect(m_historyButton, &QPushButton::clicked, this, &LicenseSyncCard::historyRequested);
    // As they stand: Sync History, Sync all servers, then each row's Sync now (see rebuild()).
    QWidget::setTabOrder(m_historyButton, m_syncAllButton);
    rebuild();
}

void LicenseSyncCard::setServers(const QList<ServerRow> &servers)
{
    m_servers = servers;
    rebuild();
}

void LicenseSyncCard::setSyncStatus(const QList<Glc::LicenseSyncStatus> &statuses)
{
    QList<ServerRow> rows;
    rows.reserve(statuses.size());
    for (const Glc::LicenseSyncStatus &status : statuses) {
        rows.append(ServerRow{status, {}, std::nullopt});
    }
    setServers(rows);
}

void LicenseSyncCard::setClock(const std::function<QDateTime()> &clock)
{
    m_clock = clock;
    rebuild();
}

void LicenseSyncCard::refreshTimes()
{
    const QDateTime now = m_clock();
    QList<bool> stale;
    stale.reserve(m_servers.size());
    for (const ServerRow &row : std::as_const(m_servers)) {
        stale.append(row.sync.isStale(now));
    }
    if (stale == m_builtStale) {
        for (const ServerRow &row : std::as_const(m_servers)) {
            if (auto *label = m_rows->findChild<QLabel *>(
                    QStringLiteral("lastSyncLabel_%1").arg(WidgetUtil::objectNameSuffix(row.sync.serverId)))) {
                label->setText(UiFormat::dateTimeWithRelative(row.sync.lastSyncDate, now));
            }
        }
        return;
    }
    // A warning comes or goes: rebuild, and keep the keyboard user on the button they were on.
    const auto *focused = qobject_cast<QPushButton *>(window()->focusWidget());
    const QString focusedServer =
        focused && m_rows->isAncestorOf(focused) ? focused->property("serverId").toString() : QString();
    rebuild();
    if (!focusedServer.isEmpty()) {
        if (QPushButton *button = syncNowButton(focusedServer)) {
            button->setFocus(Qt::OtherFocusReason);
        }
    }
}

void LicenseSyncCard::setSyncEnabled(bool enabled, const QString &reason)
{
    m_syncEnabled = enabled;
    m_disabledReason = reason;
    rebuild();
}

int LicenseSyncCard::staleCount() const
{
    const QDateTime now = m_clock();
    return int(std::count_if(
        m_servers.cbegin(), m_servers.cend(), [&now](const ServerRow &row) { return row.sync.isStale(now); }));
}

QPushButton *LicenseSyncCard::syncNowButton(const QString &serverId) const
{
    return m_rows->findChild<QPushButton *>(
        QStringLiteral("syncNowButton_%1").arg(WidgetUtil::objectNameSuffix(serverId)));
}

void LicenseSyncCard::rebuild()
{
    WidgetUtil::clearLayout(m_rowsLayout);
    const QDateTime now = m_clock();
    m_builtStale.clear();
    for (const ServerRow &row : std::as_const(m_servers)) {
        m_builtStale.append(row.sync.isStale(now));
    }
    const bool empty = m_servers.isEmpty();
    m_emptyLabel->setVisible(empty);
    m_rows->setVisible(!empty);
    m_syncAllButton->setEnabled(m_syncEnabled && !empty);
    m_syncAllButton->setToolTip(
        m_syncEnabled || m_disabledReason.isEmpty() ? m_syncAllButton->accessibleDescription() : m_disabledReason);

    const int stale = staleCount();
    const int failed = int(std::count_if(
        m_servers.cbegin(), m_servers.cend(), [](const ServerRow &row) { return !row.sync.isSuccess(); }));
    // Whole phrases, each with its own plural, joined by the locale's separator.
    QStringList parts{i18ncp("@info sync summary", "%1 server", "%1 servers", int(m_servers.size()))};
    if (failed > 0) {
        parts.append(
            i18ncp("@info sync summary", "last sync failed on %1 server", "last sync failed on %1 servers", failed));
    }
    if (stale > 0) {
        parts.append(i18ncp("@info sync summary, %2 days", "%1 server not synced for more than %2 days",
            "%1 servers not synced for more than %2 days", stale, Glc::LicenseCadence::Days));
    }
    const QString summary = parts.join(i18nc("@info separator between sync summary parts", " · "));
    m_summaryLabel->setText(empty ? QString() : summary);
    m_summaryLabel->setVisible(!empty);
    if (stale > 0 || failed > 0) {
        StatusColors::setTextRole(m_summaryLabel, StatusColors::Role::Warning);
    } else {
        StatusColors::setTextRole(m_summaryLabel, std::nullopt);
    }
    if (empty) {
        return;
    }

    m_rowsLayout->addWidget(headerLabel(i18nc("@title:column", "Server"), m_rows), 0, HostColumn);
    m_rowsLayout->addWidget(headerLabel(i18nc("@title:column", "Version"), m_rows), 0, VersionColumn);
    m_rowsLayout->addWidget(headerLabel(i18nc("@title:column", "Connected"), m_rows), 0, ConnectedColumn);
    m_rowsLayout->addWidget(headerLabel(i18nc("@title:column", "Last sync"), m_rows), 0, LastSyncColumn);
    m_rowsLayout->addWidget(headerLabel(i18nc("@title:column", "Status"), m_rows), 0, StatusColumn);

    QWidget *previous = m_syncAllButton;
    int row = 1;
    for (const ServerRow &server : std::as_const(m_servers)) {
        const Glc::LicenseSyncStatus &sync = server.sync;
        const QString suffix = WidgetUtil::objectNameSuffix(sync.serverId);
        const QString host = sync.hostname.isEmpty() ? sync.serverId : sync.hostname;

        auto *hostLabel = WidgetUtil::makeValueLabel(
            QStringLiteral("hostLabel_%1").arg(suffix), i18nc("@label accessible name", "Server"), m_rows);
        hostLabel->setText(host);
        hostLabel->setToolTip(i18nc("@info:tooltip", "Server id: %1", sync.serverId));

        auto *versionLabel = WidgetUtil::makeValueLabel(QStringLiteral("versionLabel_%1").arg(suffix),
            i18nc("@label accessible name, %1 host", "Version of %1", host), m_rows);
        versionLabel->setText(server.version.isEmpty() ? i18nc("@item unknown version", "unknown") : server.version);
        if (server.version.isEmpty()) {
            // GitHub Enterprise Cloud does not report its servers' versions: say where one comes from.
            versionLabel->setToolTip(i18nc("@info:tooltip",
                "GitHub Enterprise Cloud does not report the server's version. It is shown once the console "
                "knows it: from a GitHub Enterprise Server connection to this server, or from a license usage "
                "file exported from it."));
        }

        auto *connectedLabel = WidgetUtil::makeValueLabel(QStringLiteral("connectedLabel_%1").arg(suffix),
            i18nc("@label accessible name, %1 host", "Connection of %1", host), m_rows);
        if (!server.connected.has_value()) {
            connectedLabel->setText(i18nc("@item connected state", "unknown"));
        } else if (*server.connected) {
            connectedLabel->setText(i18nc("@item connected state", "Connected"));
            StatusColors::setTextRole(connectedLabel, StatusColors::Role::Positive);
        } else {
            connectedLabel->setText(i18nc("@item connected state", "Not connected"));
            StatusColors::setTextRole(connectedLabel, StatusColors::Role::Negative);
        }

        auto *lastSyncLabel = WidgetUtil::makeValueLabel(QStringLiteral("lastSyncLabel_%1").arg(suffix),
            i18nc("@label accessible name, %1 host", "Last sync of %1", host), m_rows);
        lastSyncLabel->setText(UiFormat::dateTimeWithRelative(sync.lastSyncDate, now));

        auto *statusLabel = WidgetUtil::makeValueLabel(QStringLiteral("statusLabel_%1").arg(suffix),
            i18nc("@label accessible name, %1 host", "Sync status of %1", host), m_rows);
        // The words of the Sync History; the colour says the same.
        statusLabel->setText(Glc::SyncHistoryModel::statusText(sync));
        StatusColors::setTextRole(statusLabel,
            !sync.lastSyncDate.isValid() && sync.status.isEmpty()
                ? StatusColors::Role::Warning
                : (sync.isSuccess() ? StatusColors::Role::Positive : StatusColors::Role::Negative));

        auto *button = new QPushButton(
            QIcon::fromTheme(QStringLiteral("view-refresh")), i18nc("@action:button", "&Sync now"), m_rows);
        button->setObjectName(QStringLiteral("syncNowButton_%1").arg(suffix));
        button->setProperty("serverId", sync.serverId);
        button->setAccessibleName(i18nc("@action:button accessible name, %1 host", "Sync now: %1", host));
        button->setAccessibleDescription(i18nc("@info:tooltip", "Ask %1 to sync its license usage now", host));
        button->setToolTip(
            m_syncEnabled || m_disabledReason.isEmpty() ? button->accessibleDescription() : m_disabledReason);
        button->setEnabled(m_syncEnabled);
        const QString serverId = sync.serverId;
        connect(button, &QPushButton::clicked, this, [this, serverId] { Q_EMIT syncNowRequested(serverId); });

        m_rowsLayout->addWidget(hostLabel, row, HostColumn, Qt::AlignTop);
        m_rowsLayout->addWidget(versionLabel, row, VersionColumn, Qt::AlignTop);
        m_rowsLayout->addWidget(connectedLabel, row, ConnectedColumn, Qt::AlignTop);
        m_rowsLayout->addWidget(lastSyncLabel, row, LastSyncColumn, Qt::AlignTop);
        m_rowsLayout->addWidget(statusLabel, row, StatusColumn, Qt::AlignTop);
        m_rowsLayout->addWidget(button, row, ButtonColumn, Qt::AlignTop);
        ++row;

        // Problems get their own line under the row so long messages (and translations) wrap.
        QStringList problems;
        const bool stale = sync.isStale(now);
        if (stale) {
            auto *staleLabel = WidgetUtil::makeValueLabel(QStringLiteral("staleLabel_%1").arg(suffix),
                i18nc("@label accessible name, %1 host", "Stale warning for %1", host), m_rows);
            staleLabel->setWordWrap(true);
            const QDateTime success = sync.lastSuccessfulSync();
            if (!sync.lastSyncDate.isValid()) {
                staleLabel->setText(
                    i18nc("@info", "Never synced: this server's users are not counted yet. Use Sync now."));
            } else if (sync.isSuccess()) {
                staleLabel->setText(
                    i18ncp("@info", "Not synced for more than %1 day: GitHub may be counting old data. Use Sync now.",
                        "Not synced for more than %1 days: GitHub may be counting old data. Use Sync now.",
                        Glc::LicenseCadence::Days));
            } else if (success.isValid()) {
                // Tries, but fails: the date of the last attempt is no comfort.
                staleLabel->setText(i18ncp("@info %2 date",
                    "No successful sync since %2, more than %1 day ago: GitHub may be counting old data. Fix the "
                    "error below, then use Sync now.",
                    "No successful sync since %2, more than %1 days ago: GitHub may be counting old data. Fix the "
                    "error below, then use Sync now.",
                    Glc::LicenseCadence::Days, UiFormat::dateTime(success)));
            } else {
                staleLabel->setText(i18nc("@info",
                    "No successful sync on record: GitHub may be counting old data. Fix the error below, then use "
                    "Sync now."));
            }
            StatusColors::setTextRole(staleLabel, StatusColors::Role::Warning);
            m_rowsLayout->addWidget(staleLabel, row++, HostColumn, 1, ButtonColumn);
        }
        if (!sync.error.isEmpty()) {
            auto *errorLabel = WidgetUtil::makeValueLabel(QStringLiteral("errorLabel_%1").arg(suffix),
                i18nc("@label accessible name, %1 host", "Sync error of %1", host), m_rows);
            errorLabel->setWordWrap(true);
            // A stale server's warning above says what to do; a recent failure gets its next step here.
            errorLabel->setText(stale
                    ? i18nc("@info GitHub's error text", "GitHub says: %1", sync.error)
                    : i18nc("@info %1 GitHub's error text",
                          "The last sync failed: mend the cause GitHub names, then use Sync now. GitHub says: %1",
                          sync.error));
            StatusColors::setTextRole(errorLabel, StatusColors::Role::Negative);
            m_rowsLayout->addWidget(errorLabel, row++, HostColumn, 1, ButtonColumn);
        }

        // Rows are rebuilt after the rest of the page exists: put their buttons right after Sync all.
        QWidget::setTabOrder(previous, button);
        previous = button;
    }
    // A layout shows the widgets added to a visible parent only on the next event loop pass; until
    // then Tab would skip the new Sync now buttons. Shown now, they are in the tab chain at once.
    for (int i = 0; i < m_rowsLayout->count(); ++i) {
        if (QWidget *widget = m_rowsLayout->itemAt(i)->widget()) {
            widget->show();
        }
    }
}
