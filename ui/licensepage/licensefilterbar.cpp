// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensefilterbar.h"

#include "flowlayout.h"
#include "uiformat.h"

#include <KLocalizedString>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QVBoxLayout>

namespace {
QCheckBox *makeCheck(const QString &objectName, const QString &text, const QString &description, QWidget *parent)
{
    auto *box = new QCheckBox(text, parent);
    box->setObjectName(objectName);
    box->setAccessibleDescription(description);
    box->setToolTip(description);
    return box;
}
} // namespace

LicenseFilterBar::LicenseFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_environmentLabel(new QLabel(i18nc("@label:listbox", "E&nvironment:"), this))
    , m_environment(new QComboBox(this))
    , m_licenseTypeLabel(new QLabel(i18nc("@label:listbox", "License &type:"), this))
    , m_licenseType(new QComboBox(this))
    , m_organizationLabel(new QLabel(i18nc("@label:listbox a github.com organization", "Organi&zation:"), this))
    , m_organization(new QComboBox(this))
    , m_visualStudio(makeCheck(QStringLiteral("visualStudioCheck"), i18nc("@option:check", "Visual Stu&dio"),
          i18nc("@info:tooltip", "Only people with a Visual Studio subscription"), this))
    , m_twoFactorOff(makeCheck(QStringLiteral("twoFactorOffCheck"), i18nc("@option:check", "2FA &off"),
          i18nc("@info:tooltip", "Only people without two-factor authentication"), this))
    , m_pendingInvitation(
          makeCheck(QStringLiteral("pendingInvitationCheck"), i18nc("@option:check", "Pending &invitation only"),
              i18nc("@info:tooltip", "Only people who take a seat through a pending organization invitation"), this))
    , m_countedTwice(makeCheck(QStringLiteral("countedTwiceCheck"), i18nc("@option:check", "Probably counted t&wice"),
          i18nc("@info:tooltip", "Only people who probably take two seats"), this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("licenseFilterBar"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(i18nc("@info:placeholder %1 the keyboard shortcut of Find, e.g. Ctrl+F",
        "Search login, name, e-mail or server account… (%1)",
        QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(i18nc("@label accessible name", "Search consumed licenses"));
    m_search->setAccessibleDescription(
        i18nc("@info accessible description", "Filters the table by login, name, e-mail or Enterprise Server account"));
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 30);

    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->setAccessibleName(i18nc("@label accessible name", "Environment"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_environmentLabel->setBuddy(m_environment);
    m_licenseType->setObjectName(QStringLiteral("licenseTypeCombo"));
    m_licenseType->setAccessibleName(i18nc("@label accessible name", "License type"));
    m_licenseType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_licenseTypeLabel->setBuddy(m_licenseType);
    m_organization->setObjectName(QStringLiteral("organizationCombo"));
    m_organization->setAccessibleName(i18nc("@label accessible name", "Organization"));
    m_organization->setAccessibleDescription(i18nc("@info accessible description",
        "Only seats with a role in, or an invitation to, this github.com organization"));
    m_organization->setToolTip(m_organization->accessibleDescription());
    m_organization->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_organizationLabel->setBuddy(m_organization);
    m_countLabel->setObjectName(QStringLiteral("resultCountLabel"));
    m_countLabel->setAccessibleName(i18nc("@label accessible name", "Rows shown"));
    fillCombo(m_environment, i18nc("@item:inlistbox", "All environments"), {});
    fillCombo(m_licenseType, i18nc("@item:inlistbox", "All license types"), {});
    fillCombo(m_organization, i18nc("@item:inlistbox", "All organizations"), {});

    // Two rows: search and combos, then the check boxes, so long translations still fit; each wraps into more
    // lines in a narrow window instead of widening the page.
    auto *top = new FlowLayout;
    top->addWidget(m_search);
    for (const auto &[label, combo] : {std::pair<QWidget *, QWidget *>{m_environmentLabel, m_environment},
             {m_licenseTypeLabel, m_licenseType}, {m_organizationLabel, m_organization}}) {
        auto *pair = new QHBoxLayout; // a label stays with its combo box
        pair->addWidget(label);
        pair->addWidget(combo);
        top->addLayout(pair);
    }
    auto *checkBoxes = new FlowLayout;
    checkBoxes->addWidget(m_visualStudio);
    checkBoxes->addWidget(m_twoFactorOff);
    checkBoxes->addWidget(m_pendingInvitation);
    checkBoxes->addWidget(m_countedTwice);
    auto *checks = new QHBoxLayout;
    checks->addLayout(checkBoxes, 1);
    checks->addWidget(m_countLabel, 0, Qt::AlignRight | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(checks);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setObjectName(QStringLiteral("findShortcut"));
    find->setContext(Qt::WindowShortcut);
    connect(find, &QShortcut::activated, this, &LicenseFilterBar::focusSearch);

    connect(m_search, &QLineEdit::textChanged, this, &LicenseFilterBar::emitIfChanged);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &LicenseFilterBar::emitIfChanged);
    connect(m_licenseType, &QComboBox::currentIndexChanged, this, &LicenseFilterBar::emitIfChanged);
    connect(m_organization, &QComboBox::currentIndexChanged, this, &LicenseFilterBar::emitIfChanged);
    for (QCheckBox *box : {m_visualStudio, m_twoFactorOff, m_pendingInvitation, m_countedTwice}) {
        connect(box, &QCheckBox::toggled, this, &LicenseFilterBar::emitIfChanged);
    }
}

void LicenseFilterBar::fillCombo(QComboBox *combo, const QString &allText, const QList<FilterChoice> &choices)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(allText, QString());
    for (const FilterChoice &choice : choices) {
        combo->addItem(choice.label.isEmpty() ? choice.key : choice.label, choice.key);
    }
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void LicenseFilterBar::setEnvironments(const QList<FilterChoice> &choices)
{
    m_updating = true;
    fillCombo(m_environment, i18nc("@item:inlistbox", "All environments"), choices);
    m_updating = false;
    emitIfChanged();
}

void LicenseFilterBar::setLicenseTypes(const QList<FilterChoice> &choices)
{
    m_updating = true;
    fillCombo(m_licenseType, i18nc("@item:inlistbox", "All license types"), choices);
    m_updating = false;
    emitIfChanged();
}

void LicenseFilterBar::setOrganizations(const QList<FilterChoice> &choices)
{
    m_updating = true;
    fillCombo(m_organization, i18nc("@item:inlistbox", "All organizations"), choices);
    m_updating = false;
    emitIfChanged();
}

FilterState LicenseFilterBar::state() const
{
    FilterState s;
    s.text = m_search->text().trimmed();
    s.environment = m_environment->currentData().toString();
    s.licenseType = m_licenseType->currentData().toString();
    s.organization = m_organization->currentData().toString();
    s.visualStudioOnly = m_visualStudio->isChecked();
    s.twoFactorOffOnly = m_twoFactorOff->isChecked();
    s.pendingInvitationOnly = m_pendingInvitation->isChecked();
    s.countedTwiceOnly = m_countedTwice->isChecked();
    return s;
}

void LicenseFilterBar::setState(const FilterState &state)
{
    m_updating = true;
    m_search->setText(state.text);
    const int env = m_environment->findData(state.environment);
    m_environment->setCurrentIndex(env >= 0 ? env : 0);
    const int type = m_licenseType->findData(state.licenseType);
    m_licenseType->setCurrentIndex(type >= 0 ? type : 0);
    const int organization = m_organization->findData(state.organization);
    m_organization->setCurrentIndex(organization >= 0 ? organization : 0);
    m_visualStudio->setChecked(state.visualStudioOnly);
    m_twoFactorOff->setChecked(state.twoFactorOffOnly);
    m_pendingInvitation->setChecked(state.pendingInvitationOnly);
    m_countedTwice->setChecked(state.countedTwiceOnly);
    m_updating = false;
    emitIfChanged();
}

void LicenseFilterBar::reset()
{
    setState(FilterState{});
}

void LicenseFilterBar::setResultCount(int shown, int total)
{
    m_countLabel->setText(
        i18nc("@info rows shown of all rows", "Showing %1 of %2", UiFormat::number(shown), UiFormat::number(total)));
}

void LicenseFilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LicenseFilterBar::emitIfChanged()
{
    if (m_updating) {
        return;
    }
    const FilterState now = state();
    if (now == m_last) {
        return;
    }
    m_last = now;
    Q_EMIT filterChanged(now);
}
