// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/licensefilterbar.h"
#include "uitestdata.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

class LicenseFilterBarTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldEmitTheStateWhileTyping()
    {
        LicenseFilterBar bar;
        QSignalSpy spy(&bar, &LicenseFilterBar::filterChanged);
        QTest::keyClicks(bar.searchField(), QStringLiteral("jdo"));
        QCOMPARE(spy.count(), 3);
        const auto last = spy.constLast().at(0).value<FilterState>();
        QCOMPARE(last.text, QStringLiteral("jdo"));
        QVERIFY(!last.visualStudioOnly);
        QCOMPARE(bar.state(), last);
        // Trailing blanks do not change the filter.
        QTest::keyClick(bar.searchField(), Qt::Key_Space);
        QCOMPARE(spy.count(), 3);
        bar.searchField()->clear();
        QCOMPARE(spy.count(), 4);
        QVERIFY(spy.constLast().at(0).value<FilterState>().isEmpty());
    }

    void shouldEmitTheStateOnToggles_data()
    {
        QTest::addColumn<QString>("checkName");
        QTest::addColumn<int>("field");
        QTest::newRow("visual studio") << QStringLiteral("visualStudioCheck") << 0;
        QTest::newRow("2fa off") << QStringLiteral("twoFactorOffCheck") << 1;
        QTest::newRow("pending invitation") << QStringLiteral("pendingInvitationCheck") << 2;
        QTest::newRow("counted twice") << QStringLiteral("countedTwiceCheck") << 3;
    }

    void shouldEmitTheStateOnToggles()
    {
        QFETCH(QString, checkName);
        QFETCH(int, field);
        LicenseFilterBar bar;
        QSignalSpy spy(&bar, &LicenseFilterBar::filterChanged);
        auto *box = bar.findChild<QCheckBox *>(checkName);
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1Char('&')));
        QTest::mouseClick(box, Qt::LeftButton, {}, box->rect().center());
        QCOMPARE(spy.count(), 1);
        const auto state = spy.at(0).at(0).value<FilterState>();
        const bool flags[] = {
            state.visualStudioOnly, state.twoFactorOffOnly, state.pendingInvitationOnly, state.countedTwiceOnly};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(flags[i], i == field);
        }
        QTest::mouseClick(box, Qt::LeftButton, {}, box->rect().center());
        QCOMPARE(spy.count(), 2);
        QVERIFY(spy.at(1).at(0).value<FilterState>().isEmpty());
    }

    void shouldFilterByEnvironmentAndLicenseType()
    {
        LicenseFilterBar bar;
        QSignalSpy spy(&bar, &LicenseFilterBar::filterChanged);
        bar.setEnvironments({{QStringLiteral("cloud"), QStringLiteral("GitHub Enterprise Cloud")},
            {QStringLiteral("ghes1.corp.example"), QStringLiteral("ghes1.corp.example")}});
        bar.setLicenseTypes({{QStringLiteral("enterprise"), QStringLiteral("Enterprise")},
            {QStringLiteral("visual_studio"), QStringLiteral("Visual Studio")}});
        QCOMPARE(spy.count(), 0); // new choices alone change nothing
        auto *env = bar.findChild<QComboBox *>(QStringLiteral("environmentCombo"));
        auto *type = bar.findChild<QComboBox *>(QStringLiteral("licenseTypeCombo"));
        QCOMPARE(env->count(), 3);
        env->setCurrentIndex(2);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.constLast().at(0).value<FilterState>().environment, QStringLiteral("ghes1.corp.example"));
        type->setCurrentIndex(2);
        QCOMPARE(spy.constLast().at(0).value<FilterState>().licenseType, QStringLiteral("visual_studio"));
        QCOMPARE(spy.constLast().at(0).value<FilterState>().environment, QStringLiteral("ghes1.corp.example"));

        // The choice survives new choices that still include it, and falls back to "all" otherwise.
        bar.setEnvironments({{QStringLiteral("ghes1.corp.example"), QStringLiteral("ghes1")}});
        QCOMPARE(bar.state().environment, QStringLiteral("ghes1.corp.example"));
        const int before = spy.count();
        bar.setEnvironments({{QStringLiteral("cloud"), QStringLiteral("Cloud")}});
        QCOMPARE(bar.state().environment, QString());
        QCOMPARE(spy.count(), before + 1);
    }

    void shouldSetAndResetTheState()
    {
        LicenseFilterBar bar;
        bar.setLicenseTypes({{QStringLiteral("enterprise"), QStringLiteral("Enterprise")}});
        bar.setOrganizations(
            {{QStringLiteral("acme"), QStringLiteral("acme")}, {QStringLiteral("研究"), QStringLiteral("研究")}});
        QSignalSpy spy(&bar, &LicenseFilterBar::filterChanged);
        FilterState wanted;
        wanted.text = QStringLiteral("smith");
        wanted.licenseType = QStringLiteral("enterprise");
        wanted.organization = QStringLiteral("研究");
        wanted.twoFactorOffOnly = true;
        bar.setState(wanted);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(bar.state(), wanted);
        auto *organization = bar.findChild<QComboBox *>(QStringLiteral("organizationCombo"));
        QVERIFY(organization);
        QCOMPARE(organization->currentText(), QStringLiteral("研究"));
        // New choices keep the chosen organization while it is still offered, and drop it when not.
        bar.setOrganizations({{QStringLiteral("研究"), QStringLiteral("研究")}});
        QCOMPARE(bar.state().organization, QStringLiteral("研究"));
        QCOMPARE(spy.count(), 1);
        bar.setOrganizations({{QStringLiteral("acme"), QStringLiteral("acme")}});
        QCOMPARE(bar.state().organization, QString());
        QCOMPARE(spy.count(), 2);
        bar.reset();
        QCOMPARE(spy.count(), 3);
        QVERIFY(bar.state().isEmpty());
    }

    void shouldFocusTheSearchOnCtrlF()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QPushButton(QStringLiteral("x"), &window);
        auto *bar = new LicenseFilterBar(&window);
        layout->addWidget(other);
        layout->addWidget(bar);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        other->setFocus();
        QTRY_VERIFY(other->hasFocus());
        QTest::keyClick(other, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->searchField()->hasFocus());
        QVERIFY(bar->searchField()->isClearButtonEnabled());
        QVERIFY(!bar->searchField()->placeholderText().isEmpty());
    }

    void shouldWrapIntoMoreLinesInANarrowWindow()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *bar = new LicenseFilterBar(&window);
        layout->addWidget(bar);
        layout->addStretch(1);
        window.resize(1400, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLineEdit *search = bar->searchField();
        auto *environment = bar->findChild<QComboBox *>(QStringLiteral("environmentCombo"));
        auto *organization = bar->findChild<QComboBox *>(QStringLiteral("organizationCombo"));
        const QList<QCheckBox *> checks = bar->findChildren<QCheckBox *>();
        QVERIFY(environment && organization);
        QCOMPARE(checks.size(), 4);
        const auto top = [bar](const QWidget *widget) { return widget->mapTo(bar, QPoint(0, 0)).y(); };
        const auto middle = [bar](const QWidget *widget) { return widget->mapTo(bar, widget->rect().center()).y(); };

        // Wide: the search and every combo box on one line, the search taking the room left; the check boxes
        // on the next.
        QTRY_COMPARE(middle(organization), middle(search));
        QCOMPARE(middle(environment), middle(search));
        QVERIFY(search->width() > search->sizeHint().width());
        for (const QCheckBox *check : checks) {
            QCOMPARE(top(check), top(checks.first()));
            QVERIFY(top(check) > top(search) + search->height() - 1);
        }
        const int wideHeight = bar->height();

        // Narrow (half a small laptop's screen): the same controls in more lines, whole, none over another,
        // each label beside its combo box; the bar is taller instead of wider than the window.
        window.resize(420, 400);
        QTRY_VERIFY(middle(organization) > middle(search));
        QVERIFY(bar->minimumSizeHint().width() <= 420);
        QVERIFY(bar->width() <= window.width());
        QVERIFY(bar->height() > wideHeight);
        QVERIFY(top(checks.last()) > top(checks.first()));
        QList<QWidget *> shown;
        for (QWidget *child : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (child->isVisible()) {
                shown.append(child);
            }
        }
        QVERIFY(shown.size() >= 11); // the search, three labels and combo boxes, four check boxes
        for (qsizetype i = 0; i < shown.size(); ++i) {
            const QRect area = shown.at(i)->geometry();
            QVERIFY2(bar->rect().contains(area), qPrintable(shown.at(i)->objectName()));
            QVERIFY2(area.width() >= shown.at(i)->minimumSizeHint().width(), qPrintable(shown.at(i)->objectName()));
            for (qsizetype j = i + 1; j < shown.size(); ++j) {
                QVERIFY2(!area.intersects(shown.at(j)->geometry()),
                    qPrintable(shown.at(i)->objectName() + u" / "_s + shown.at(j)->objectName()));
            }
        }
        for (const QLabel *label : bar->findChildren<QLabel *>()) {
            if (const QWidget *buddy = label->buddy()) {
                QCOMPARE(middle(label), middle(buddy));
                QVERIFY(label->geometry().right() < buddy->geometry().left());
            }
        }

        // Right to left (a right-to-left language): the search starts at the right, the combo boxes follow leftwards.
        window.setLayoutDirection(Qt::RightToLeft);
        window.resize(1400, 400);
        QTRY_COMPARE(middle(organization), middle(search));
        QVERIFY(search->geometry().left() > organization->geometry().right());
        QVERIFY(bar->width() - search->geometry().right() < 20);
    }
};

QTEST_MAIN(LicenseFilterBarTest)
#include "licensefilterbartest.moc"
