// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Status colours follow a light <-> dark switch of the application palette while the console runs.

#include "licensepage/connectiondialog.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/statuscolors.h"
#include "licensepage/usagefiledropzone.h"
#include "licensepage/userlicensescard.h"
#include "models/serverinstancesmodel.h"
#include "uitestdata.h"

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
QPalette lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef), QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    return p;
}

QPalette darkPalette()
{
    QPalette p(QColor(0x31, 0x36, 0x3b), QColor(0x20, 0x23, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    return p;
}

/// WCAG relative luminance and contrast ratio.
double luminance(const QColor &color)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor textColor(const QWidget *label)
{
    return label->palette().color(QPalette::Active, QPalette::WindowText);
}

QColor background(const QWidget *label)
{
    return label->palette().color(QPalette::Active, QPalette::Window);
}
} // namespace

class PaletteTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void init() { QApplication::setPalette(lightPalette()); }

    void cleanupTestCase() { QApplication::setPalette(QPalette()); }

    void shouldRecolorStatusTextWhenThePaletteTurnsDark()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *sync = new LicenseSyncCard(&window);
        sync->setClock(UiTestData::now);
        sync->setServers(UiTestData::serverRows());
        auto *users = new UserLicensesCard(&window);
        users->setClock(UiTestData::now);
        users->setSummary({1501, 1500, QStringLiteral("enterprise"), UiTestData::now().addDays(-3)});
        auto *drop = new UsageFileDropZone(&window);
        drop->setResults({{QStringLiteral("/tmp/a.json"), true, QStringLiteral("Ready"), {}},
            {QStringLiteral("/tmp/b.json"), false, QStringLiteral("Cannot be added"), QStringLiteral("Empty")}});
        auto *instances = new ServerInstancesCard(&window);
        instances->setClock(UiTestData::now);
        instances->setInstances(UiTestData::installations());
        for (QWidget *w : {static_cast<QWidget *>(sync), static_cast<QWidget *>(users), static_cast<QWidget *>(drop),
                 static_cast<QWidget *>(instances)}) {
            layout->addWidget(w);
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        struct Expected
        {
            QLabel *label;
            StatusColors::Role role;
        };
        const QList<Expected> labels{
            {sync->findChild<QLabel *>(QStringLiteral("errorLabel_22222222-bbbb")), StatusColors::Role::Negative},
            {sync->findChild<QLabel *>(QStringLiteral("staleLabel_22222222-bbbb")), StatusColors::Role::Warning},
            {sync->findChild<QLabel *>(QStringLiteral("statusLabel_11111111-aaaa")), StatusColors::Role::Positive},
            {users->findChild<QLabel *>(QStringLiteral("availableLabel")), StatusColors::Role::Negative},
            {users->findChild<QLabel *>(QStringLiteral("expiryLabel")), StatusColors::Role::Negative},
        };
        const QPalette light = lightPalette();
        for (const Expected &e : labels) {
            QVERIFY(e.label);
            QCOMPARE(textColor(e.label), StatusColors::text(e.role, light));
        }
        auto *results = drop->findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        QVERIFY(results);
        QCOMPARE(
            results->topLevelItem(1)->foreground(1).color(), StatusColors::text(StatusColors::Role::Negative, light));

        QApplication::setPalette(darkPalette());
        const QPalette dark = darkPalette();
        for (const Expected &e : labels) {
            const QString name = e.label->objectName();
            QTRY_COMPARE(background(e.label), dark.color(QPalette::Window));
            QCOMPARE(textColor(e.label), StatusColors::text(e.role, dark));
            QVERIFY2(textColor(e.label) != StatusColors::text(e.role, light), qPrintable(name));
            QVERIFY2(contrast(textColor(e.label), background(e.label)) >= 3.0,
                qPrintable(QStringLiteral("%1: %2").arg(name).arg(contrast(textColor(e.label), background(e.label)))));
        }
        // Item colours in the lists too, against their base.
        const QColor failed = results->topLevelItem(1)->foreground(1).color();
        QCOMPARE(failed, StatusColors::text(StatusColors::Role::Negative, dark));
        QVERIFY(contrast(failed, results->palette().color(QPalette::Base)) >= 3.0);
        const QModelIndex connected = instances->view()->model()->index(0, Glc::ServerInstancesModel::ConnectedColumn);
        QVERIFY(connected.isValid());
        const QColor connectedColor = connected.data(Qt::ForegroundRole).value<QColor>();
        QCOMPARE(connectedColor, StatusColors::text(StatusColors::Role::Positive, dark));
        QVERIFY(contrast(connectedColor, instances->view()->palette().color(QPalette::Base)) >= 3.0);
        // Labels without a status keep following the palette's own text colour.
        auto *consumed = users->findChild<QLabel *>(QStringLiteral("consumedLabel"));
        QVERIFY(consumed);
        QCOMPARE(textColor(consumed), dark.color(QPalette::WindowText));

        // And back to light.
        QApplication::setPalette(lightPalette());
        for (const Expected &e : labels) {
            QTRY_COMPARE(textColor(e.label), StatusColors::text(e.role, light));
        }
        // A status that goes away gives the label its normal colour back.
        users->setSummary({10, 1500, QStringLiteral("enterprise"), UiTestData::now().addDays(300)});
        QCOMPARE(
            textColor(users->findChild<QLabel *>(QStringLiteral("availableLabel"))), light.color(QPalette::WindowText));
        QApplication::setPalette(darkPalette());
        QTRY_COMPARE(
            textColor(users->findChild<QLabel *>(QStringLiteral("availableLabel"))), dark.color(QPalette::WindowText));
    }

    void shouldRecolorTheConnectionDialogsProblemsAndChecks()
    {
        ConnectionDialog dialog;
        dialog.setTestReport({{QStringLiteral("Reachable"), true, {}, {}},
            {QStringLiteral("Token valid"), false, QStringLiteral("401"), QStringLiteral("Create a new token")}});
        auto *validation = dialog.findChild<QLabel *>(QStringLiteral("validationLabel"));
        auto *failed = dialog.findChild<QLabel *>(QStringLiteral("testCheckResult_1"));
        QVERIFY(validation);
        QVERIFY(failed);
        QCOMPARE(textColor(failed), StatusColors::text(StatusColors::Role::Negative, lightPalette()));
        QCOMPARE(textColor(validation), StatusColors::text(StatusColors::Role::Negative, lightPalette()));
        QApplication::setPalette(darkPalette());
        for (QLabel *label : {validation, failed}) {
            QTRY_COMPARE(textColor(label), StatusColors::text(StatusColors::Role::Negative, darkPalette()));
            QVERIFY(contrast(textColor(label), background(label)) >= 3.0);
        }
    }
};

QTEST_MAIN(PaletteTest)
#include "palettetest.moc"
