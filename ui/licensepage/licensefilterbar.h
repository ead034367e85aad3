// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QMetaType>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

/// What the consumed-licenses table should show. Empty strings mean "any".
struct FilterState
{
    QString text;
    QString environment; ///< key of the chosen environment (e.g. "cloud" or a host)
    QString licenseType; ///< key of the chosen license type (e.g. "enterprise", "visual_studio")
    QString organization; ///< a github.com organization
    bool visualStudioOnly = false;
    bool twoFactorOffOnly = false;
    bool pendingInvitationOnly = false;
    bool countedTwiceOnly = false;

    bool isEmpty() const { return *this == FilterState{}; }
    bool operator==(const FilterState &) const = default;
};
Q_DECLARE_METATYPE(FilterState)

/// One entry of a filter combo: the key the model filters on and the words the user reads.
struct FilterChoice
{
    QString key;
    QString label;

    bool operator==(const FilterChoice &) const = default;
};

/// Search field (Ctrl+F), environment, license-type and organization combos and check boxes above the
/// consumed-licenses table. Emits the whole FilterState on every change.
class LicenseFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LicenseFilterBar(QWidget *parent = nullptr);

    /// Choices after the built-in "All ..." entry; the current choice is kept when still offered.
    void setEnvironments(const QList<FilterChoice> &choices);
    void setLicenseTypes(const QList<FilterChoice> &choices);
    void setOrganizations(const QList<FilterChoice> &choices);

    FilterState state() const;
    /// Shows @p state in the controls and emits filterChanged once when it differs.
    void setState(const FilterState &state);
    void reset();
    /// "Showing 120 of 5,000".
    void setResultCount(int shown, int total);

    QLineEdit *searchField() const { return m_search; }

public Q_SLOTS:
    void focusSearch();

Q_SIGNALS:
    void filterChanged(const FilterState &state);

private:
    void emitIfChanged();
    static void fillCombo(QComboBox *combo, const QString &allText, const QList<FilterChoice> &choices);

    QLineEdit *const m_search;
    QLabel *const m_environmentLabel;
    QComboBox *const m_environment;
    QLabel *const m_licenseTypeLabel;
    QComboBox *const m_licenseType;
    QLabel *const m_organizationLabel;
    QComboBox *const m_organization;
    QCheckBox *const m_visualStudio;
    QCheckBox *const m_twoFactorOff;
    QCheckBox *const m_pendingInvitation;
    QCheckBox *const m_countedTwice;
    QLabel *const m_countLabel;
    FilterState m_last;
    bool m_updating = false;
};
