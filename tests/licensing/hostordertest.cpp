// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/hostorder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Glc;

class HostOrderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldCompareAsPeopleNumberServers_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("by number, not by character") << QStringLiteral("ghes-2") << QStringLiteral("ghes-10");
        QTest::newRow("numbers inside a name")
            << QStringLiteral("ghes-9.eu.example") << QStringLiteral("ghes-10.eu.example");
        QTest::newRow("then the rest") << QStringLiteral("ghes-1.a.example") << QStringLiteral("ghes-1.b.example");
        QTest::newRow("several numbers") << QStringLiteral("dc2-ghes-10") << QStringLiteral("dc10-ghes-2");
        QTest::newRow("case aside") << QStringLiteral("Alpha.example") << QStringLiteral("beta.example");
        QTest::newRow("a prefix first") << QStringLiteral("ghes") << QStringLiteral("ghes-1");
        QTest::newRow("a name without a number") << QStringLiteral("ghes-1") << QStringLiteral("ghes-a");
        QTest::newRow("leading zeros: same value, then as written")
            << QStringLiteral("ghes-01") << QStringLiteral("ghes-1");
        QTest::newRow("same letters, case decides last") << QStringLiteral("GHES-1") << QStringLiteral("ghes-1");
        QTest::newRow("longer than any integer")
            << QStringLiteral("n-99999999999999999999999") << QStringLiteral("n-100000000000000000000000");
        QTest::newRow("IP addresses") << QStringLiteral("10.0.0.9") << QStringLiteral("10.0.0.10");
    }

    void shouldCompareAsPeopleNumberServers()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QVERIFY(HostOrder::compare(first, second) < 0);
        QVERIFY(HostOrder::compare(second, first) > 0);
        QCOMPARE(HostOrder::compare(first, first), 0);
        QVERIFY(HostOrder::lessThan(first, second));
        QVERIFY(!HostOrder::lessThan(second, first));
    }

    void shouldSortAListWhateverOrderItCameIn()
    {
        const QStringList expected{QStringLiteral("ghes-1.lab.example"), QStringLiteral("ghes-2.lab.example"),
            QStringLiteral("GHES-3.lab.example"), QStringLiteral("ghes-9.lab.example"),
            QStringLiteral("ghes-10.lab.example"), QStringLiteral("ghes-11.lab.example"),
            QStringLiteral("ghes-100.lab.example"), QStringLiteral("ghes-eu.lab.example")};
        QRandomGenerator random(7);
        for (int round = 0; round < 20; ++round) {
            QStringList hosts = expected;
            std::shuffle(hosts.begin(), hosts.end(), random);
            HostOrder::sort(hosts);
            QCOMPARE(hosts, expected);
        }
        struct Server
        {
            QString host;
            int seats;
        };
        QList<Server> servers{{QStringLiteral("ghes-10"), 1}, {QStringLiteral("ghes-2"), 2}};
        HostOrder::sortBy(servers, [](const Server &s) { return s.host; });
        QCOMPARE(servers.first().host, QStringLiteral("ghes-2"));
        QCOMPARE(servers.first().seats, 2);
    }
};

QTEST_GUILESS_MAIN(HostOrderTest)
#include "hostordertest.moc"
