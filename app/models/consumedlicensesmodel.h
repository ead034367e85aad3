// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/licensevalues.h"

#include <QAbstractTableModel>
#include <QByteArrayView>
#include <QList>

namespace Glc {
/// One row per consumed seat with every field of GitHub's license report, plus the derived
/// Environments and "Counted twice?" columns. Rows live packed in CompactLicenseRows (one byte
/// record per seat with its lower-case search text) plus small side arrays (flags, a host bit
/// mask): 300k seats take about 45 MB instead of the 300 MB of a QList<ConsumedLicense>, load at
/// over 500k rows/s and filter interactively. license(row) rebuilds a row on demand. No I/O: data
/// comes through setRows() or setLicenses().
///
/// DisplayRole is for people: GitHub's known words (roles, Visual Studio license status, license
/// type, yes/no) translated, lists joined the locale's way. RawValueRole, license() and licenses()
/// keep GitHub's raw values (for reports, exports and the command line); the search filter matches
/// the raw texts too.
class ConsumedLicensesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LoginColumn,
        NameColumn,
        EnvironmentsColumn,
        CountedTwiceColumn,
        LicenseTypeColumn,
        ServerUserIdsColumn,
        ServerEmailsColumn,
        VerifiedEmailsColumn,
        SamlNameIdColumn,
        MemberRolesColumn,
        EnterpriseRolesColumn,
        PendingInvitesColumn,
        TwoFactorColumn,
        GithubComUserColumn,
        EnterpriseServerUserColumn,
        VisualStudioUserColumn,
        VisualStudioStatusColumn,
        VisualStudioEmailColumn,
        ProfileColumn,
        TotalAccountsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< QString, QStringList, bool, int (TriState as -1/0/1)
        ServerOnlyRole, ///< bool
        CountedTwiceRole, ///< bool
        ServerHostsRole, ///< QStringList
    };
    Q_ENUM(Role)

    enum Flag : quint8 {
        CloudFlag = 0x01,
        ServerOnlyFlag = 0x02,
        CountedTwiceFlag = 0x04,
        TwoFactorOffFlag = 0x08,
        PendingInvitationOnlyFlag = 0x10,
        VisualStudioFlag = 0x20,
        HasServerFlag = 0x40,
    };

    explicit ConsumedLicensesModel(QObject *parent = nullptr);

    /// Packs `licenses` (the rows a caller already holds as a list, e.g. freshly fetched).
    void setLicenses(const QList<ConsumedLicense> &licenses);
    /// Takes rows packed already (LicenseStore::loadCompactLicenses()): a cheap shared copy, no
    /// list of the rows is ever built.
    void setRows(const CompactLicenseRows &rows);
    /// Rows the counted-twice analysis flagged (both rows of a pair); other rows are cleared.
    void setCountedTwiceRows(const QList<int> &rows);

    /// The row rebuilt from its compact record (equal to what setLicenses() was given).
    ConsumedLicense license(int row) const { return m_rows.license(row); }
    /// Every row rebuilt: costly (300k rows take a few hundred ms and the memory of a full list).
    QList<ConsumedLicense> licenses() const;
    /// The compact rows themselves, for single-field access without rebuilding a row.
    const CompactLicenseRows &rows() const { return m_rows; }
    const QString &licenseType(int row) const { return m_rows.licenseType(row); }
    int totalUserAccounts(int row) const { return m_rows.totalUserAccounts(row); }
    QStringList serverHosts(int row) const { return m_rows.serverHosts(row); }
    /// Position of `row` when all rows are sorted by `column`'s display text, case-insensitively
    /// (equal texts share a rank). Computed on first use per column and load, so a sort (and a
    /// re-sort on every keystroke of a sorted view) compares integers instead of decoding rows.
    quint32 sortRank(int row, int column) const;
    /// Whether rank 0 of `column` (sortRank()) is the empty text (a server-only seat's login): such rows sort
    /// after the others in either order, as a spreadsheet does. False before the column's ranks are made.
    bool blankRanksFirst(int column) const;
    quint8 flags(int row) const { return m_flags.at(row); }
    /// Bit i set: the seat has an account on hosts().at(i) (first 64 hosts).
    quint64 hostMask(int row) const { return m_hostMasks.at(row); }
    /// Lower-case UTF-8 of login, name and every e-mail (see CompactLicenseRows::searchText()).
    QByteArrayView searchText(int row) const { return m_rows.searchText(row); }
    /// Every server host seen, in order of appearance.
    const QStringList &hosts() const { return m_rows.hosts(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString licenseTypeText(const QString &type);

private:
    QVariant rawValue(int column, int row) const;
    QStringList environments(int row) const;

    CompactLicenseRows m_rows;
    QList<quint8> m_flags;
    QList<quint64> m_hostMasks;
    struct SortRanks
    {
        int column = -1;
        QList<quint32> ranks;
        bool blankFirst = false; ///< rank 0 is the empty text's
    };
    // The two most recently sorted columns (about 1.2 MB each for 300k rows).
    mutable SortRanks m_sortRanks[2];
};
} // namespace Glc
