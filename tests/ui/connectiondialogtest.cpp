// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/connectiondialog.h"
#include "uitestdata.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Glc::Connection)

namespace {
/// A self-signed CA certificate (its key thrown away), as a company's private CA gives it out.
QByteArray testCa()
{
    return QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n"
                             "MIIBgzCCASmgAwIBAgIUP+pZ2deCUM+EQ2sPjF6NDyy5kQ4wCgYIKoZIzj0EAwIw\n"
                             "FjEUMBIGA1UEAwwLR0xDIFRlc3QgQ0EwIBcNMjYxMTMwMTAyNTAwWhgPMjEyNjEx\n"
                             "MDYxMDI1MDBaMBYxFDASBgNVBAMMC0dMQyBUZXN0IENBMFkwEwYHKoZIzj0CAQYI\n"
                             "KoZIzj0DAQcDQgAEwhTdubJYXoCh6OGn+ZIh8YnVc0TV7u9WDsJ4CGIjPz+VYR3r\n"
                             "yZ8gynDPMmhv9OH1werDLDyIcbuWyptfV//8u6NTMFEwHQYDVR0OBBYEFMB3FKiz\n"
                             "lNYf12Dd9kasEtlyrmb/MB8GA1UdIwQYMBaAFMB3FKizlNYf12Dd9kasEtlyrmb/\n"
                             "MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgW/zWPMjyYZvAHvTw\n"
                             "ljIw10w0hr26hBakgihFJ+eKSQcCIQCtbF+zMFYauSjvzOqU1D4rQ5BoofUPyi2s\n"
                             "c37o5ho2Wg==\n"
                             "-----END CERTIFICATE-----\n");
}
} // namespace

class ConnectionDialogTest : public QObject
{
    Q_OBJECT
private:
    static QLineEdit *edit(ConnectionDialog &d, const char *name)
    {
        return d.findChild<QLineEdit *>(QLatin1String(name));
    }
    static void chooseKind(ConnectionDialog &d, Glc::Connection::Kind kind)
    {
        auto *combo = d.findChild<QComboBox *>(QStringLiteral("kindCombo"));
        combo->setCurrentIndex(combo->findData(int(kind)));
    }
    static bool visible(ConnectionDialog &d, const char *name)
    {
        auto *w = d.findChild<QWidget *>(QLatin1String(name));
        return w && w->isVisibleTo(&d);
    }

private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldShowTheFieldsOfEachKind()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Cloud);
        QVERIFY(visible(d, "slugField"));
        QVERIFY(visible(d, "subdomainField"));
        QVERIFY(!visible(d, "hostField"));
        QVERIFY(!visible(d, "labUrlField"));
        chooseKind(d, Glc::Connection::Kind::Server);
        QVERIFY(visible(d, "hostField"));
        QVERIFY(visible(d, "caFileField"));
        QVERIFY(visible(d, "adminShellGroup"));
        QVERIFY(!visible(d, "slugField"));
        chooseKind(d, Glc::Connection::Kind::Lab);
        QVERIFY(visible(d, "labUrlField"));
        QVERIFY(!visible(d, "hostField"));
        QVERIFY(!visible(d, "slugField"));
        QVERIFY(visible(d, "tokenField"));
        QCOMPARE(edit(d, "tokenField")->echoMode(), QLineEdit::Password);
    }

    void shouldLineUpTheAdminShellFieldsWithTheOthers()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Server);
        d.findChild<QGroupBox *>(QStringLiteral("adminShellGroup"))->setChecked(true);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const auto left = [&d](const char *name) { return edit(d, name)->mapTo(&d, QPoint(0, 0)).x(); };
        // The fields inside the admin-shell box start where the host's and the token's do.
        QCOMPARE(left("shellUserField"), left("hostField"));
        QCOMPARE(left("identityFileField"), left("hostField"));
        QCOMPARE(left("tokenField"), left("hostField"));
    }

    void shouldShowAndHideTheTokenFromTheKeyboard()
    {
        ConnectionDialog d;
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&d));
        QLineEdit *token = edit(d, "tokenField");
        token->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(token, QStringLiteral("ghp_secret"));
        auto *reveal = token->findChild<QAction *>(QStringLiteral("revealTokenAction"));
        QVERIFY(reveal);
        QVERIFY(reveal->toolTip().startsWith(QLatin1String("Show the token (")));
        // The eye in the field takes no focus; Alt+V does what it does, and says what it will do next.
        QTest::keyClick(&d, Qt::Key_V, Qt::AltModifier);
        QCOMPARE(token->echoMode(), QLineEdit::Normal);
        QVERIFY(reveal->toolTip().startsWith(QLatin1String("Hide the token (")));
        QTest::keyClick(token, Qt::Key_V, Qt::AltModifier);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QCOMPARE(token->text(), QStringLiteral("ghp_secret")); // typed on, not replaced by the key
    }

    void shouldValidateInline()
    {
        ConnectionDialog d;
        auto *ok = d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        auto *validation = d.findChild<QLabel *>(QStringLiteral("validationLabel"));
        chooseKind(d, Glc::Connection::Kind::Cloud);
        QVERIFY(!d.isValid());
        QVERIFY(!ok->isEnabled());
        QVERIFY(validation->isVisibleTo(&d));
        QVERIFY(validation->text().contains(QLatin1String("enterprise slug")));
        QTest::keyClicks(edit(d, "slugField"), QStringLiteral("acme"));
        QVERIFY(d.isValid());
        QVERIFY(ok->isEnabled());
        QVERIFY(!validation->isVisibleTo(&d));
        d.findChild<QRadioButton *>(QStringLiteral("gheComRadio"))->setChecked(true);
        QVERIFY(!d.isValid()); // subdomain now required
        QTest::keyClicks(edit(d, "subdomainField"), QStringLiteral("octo"));
        QVERIFY(d.isValid());

        chooseKind(d, Glc::Connection::Kind::Server);
        QVERIFY(!d.isValid());
        QTest::keyClicks(edit(d, "hostField"), QStringLiteral("bad host!"));
        QVERIFY(validation->text().contains(QLatin1String("is not a host name")));
        edit(d, "hostField")->setText(QStringLiteral("https://ghe.example.com/"));
        QVERIFY(d.isValid());
        QCOMPARE(d.connection().serverHost, QStringLiteral("ghe.example.com"));
    }

    void shouldCheckHosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        QTest::newRow("name") << QStringLiteral("ghe.example.com") << true;
        QTest::newRow("port") << QStringLiteral("ghe.example.com:8443") << true;
        QTest::newRow("ipv4") << QStringLiteral("10.0.0.5") << true;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:8443") << true;
        QTest::newRow("space") << QStringLiteral("ghe example.com") << false;
        QTest::newRow("trailing dash") << QStringLiteral("ghe-.example.com") << false;
        QTest::newRow("bad port") << QStringLiteral("ghe.example.com:99999") << false;
        QTest::newRow("path") << QStringLiteral("ghe.example.com/x") << false;
    }

    void shouldCheckHosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        QCOMPARE(ConnectionDialog::isValidHost(host), valid);
    }

    void shouldRefuseAnUnusableCaFile()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Server);
        QTest::keyClicks(edit(d, "hostField"), QStringLiteral("ghe.example.com"));
        QVERIFY(d.isValid());
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("corp-ca.pem"));
        QTest::keyClicks(edit(d, "caFileField"), missing);
        QVERIFY(!d.isValid());
        QTRY_VERIFY2(d.validationErrors().join(QLatin1Char(' ')).contains(missing),
            qPrintable(d.validationErrors().join(QLatin1Char(' '))));
        QVERIFY(!d.isValid());
        QFile text(missing);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a certificate\n");
        text.close();
        d.setConnection(d.connection()); // read again as it is shown
        QTRY_VERIFY2(d.validationErrors().join(QLatin1Char(' ')).contains(QLatin1String("no PEM certificate")),
            qPrintable(d.validationErrors().join(QLatin1Char(' '))));
        edit(d, "caFileField")->clear();
        QVERIFY(d.isValid());
    }

    void shouldReadTheCaFileOnceTheTypingPausesOffTheUiThread()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Server);
        QTest::keyClicks(edit(d, "hostField"), QStringLiteral("ghe.example.com"));
        auto *ok = d.findChild<QPushButton *>(QStringLiteral("ok"));
        auto *test = d.findChild<QPushButton *>(QStringLiteral("testButton"));
        QVERIFY(ok && test && ok->isEnabled());
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad-ca.pem"));
        const QString good = dir.filePath(QStringLiteral("corp-ca.pem"));
        for (const auto &[path, bytes] :
            {std::pair{bad, QByteArray("not a certificate\n")}, std::pair{good, testCa()}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        // Typed key by key: nothing is read yet, and OK waits for the answer.
        QTest::keyClicks(edit(d, "caFileField"), bad);
        QCOMPARE(d.caFileChecks(), 0);
        QVERIFY(d.isCaFileCheckPending());
        QVERIFY(!ok->isEnabled());
        QVERIFY(!test->isEnabled());
        QTRY_VERIFY(!d.isCaFileCheckPending());
        QCOMPARE(d.caFileChecks(), 1); // once for the whole path, not once per key
        auto *problems = d.findChild<QLabel *>(QStringLiteral("validationLabel"));
        QVERIFY(problems->isVisibleTo(&d));
        QVERIFY2(problems->text().contains(QLatin1String("no PEM certificate")), qPrintable(problems->text()));
        QVERIFY(!ok->isEnabled());
        // Another path: the old problem goes, OK waits again, then the good certificate enables it.
        edit(d, "caFileField")->clear();
        QVERIFY(ok->isEnabled()); // no CA file: nothing to check
        QTest::keyClicks(edit(d, "caFileField"), good);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!problems->isVisibleTo(&d));
        QTRY_VERIFY(ok->isEnabled());
        QCOMPARE(d.caFileChecks(), 2);
        QVERIFY(test->isEnabled());
        QVERIFY(d.isValid());
        // Back to a path checked last: no new read.
        edit(d, "caFileField")->setText(good + QLatin1Char('x'));
        edit(d, "caFileField")->setText(good);
        QVERIFY(ok->isEnabled());
        QTest::qWait(500);
        QCOMPARE(d.caFileChecks(), 2);
    }

    void shouldProduceTheConnection()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Server);
        QTest::keyClicks(edit(d, "nameField"), QStringLiteral("Prod GHES"));
        QTest::keyClicks(edit(d, "hostField"), QStringLiteral("ghe.example.com"));
        d.setFileChooser([](QWidget *, const QString &) { return QStringLiteral("/etc/ssl/corp-ca.pem"); });
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("caFileBrowseButton")), Qt::LeftButton);
        auto *shell = d.findChild<QGroupBox *>(QStringLiteral("adminShellGroup"));
        shell->setChecked(true);
        QTest::keyClicks(edit(d, "tokenField"), QStringLiteral("ghp_secret"));

        const Glc::Connection c = d.connection();
        QCOMPARE(c.kind, Glc::Connection::Kind::Server);
        QCOMPARE(c.name, QStringLiteral("Prod GHES"));
        QCOMPARE(c.serverHost, QStringLiteral("ghe.example.com"));
        QCOMPARE(c.caFile, QStringLiteral("/etc/ssl/corp-ca.pem"));
        QVERIFY(c.adminShell.enabled);
        QCOMPARE(c.adminShell.user, QStringLiteral("admin"));
        QCOMPARE(c.adminShell.port, 122);
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(d.token(), QStringLiteral("ghp_secret"));

        // Editing keeps the id and round-trips every field.
        Glc::Connection cloud;
        cloud.id = QStringLiteral("conn-1");
        cloud.name = QStringLiteral("Octo");
        cloud.kind = Glc::Connection::Kind::Cloud;
        cloud.gheComSubdomain = QStringLiteral("octo");
        cloud.enterpriseSlug = QStringLiteral("octo-corp");
        ConnectionDialog edit2;
        edit2.setConnection(cloud);
        QVERIFY(edit2.isValid());
        QCOMPARE(edit2.connection(), cloud);
        QVERIFY(edit2.token().isEmpty());

        Glc::Connection lab;
        lab.id = QStringLiteral("lab");
        lab.name = QStringLiteral("Lab");
        lab.labUrl = QUrl(QStringLiteral("http://127.0.0.1:4123"));
        ConnectionDialog edit3;
        edit3.setConnection(lab);
        QCOMPARE(edit3.connection(), lab);
    }

    void shouldMakeANewConnectionWhenItPointsElsewhere()
    {
        Glc::Connection server;
        server.id = QStringLiteral("ghes-prod");
        server.name = QStringLiteral("Prod");
        server.kind = Glc::Connection::Kind::Server;
        server.serverHost = QStringLiteral("ghe.example.com");
        ConnectionDialog d;
        d.setConnection(server);
        // A new name, a CA file, admin-shell settings: the same server, the same history.
        edit(d, "nameField")->clear();
        QTest::keyClicks(edit(d, "nameField"), QStringLiteral("Production"));
        QCOMPARE(d.connection().id, server.id);
        QCOMPARE(d.connection().name, QStringLiteral("Production"));
        // The host in other letters is the same host.
        edit(d, "hostField")->setText(QStringLiteral("GHE.example.com"));
        QCOMPARE(d.connection().id, server.id);
        // Another host is another server: a new id, the same on every call.
        edit(d, "hostField")->setText(QStringLiteral("ghe2.example.com"));
        const QString newId = d.connection().id;
        QVERIFY(!newId.isEmpty());
        QVERIFY(newId != server.id);
        QCOMPARE(d.connection().id, newId);
        // Back to the first host: its id again.
        edit(d, "hostField")->setText(QStringLiteral("ghe.example.com"));
        QCOMPARE(d.connection().id, server.id);
        // Another kind is another connection too.
        chooseKind(d, Glc::Connection::Kind::Cloud);
        QTest::keyClicks(edit(d, "slugField"), QStringLiteral("octo"));
        QCOMPARE(d.connection().id, newId);

        Glc::Connection cloud;
        cloud.id = QStringLiteral("conn-1");
        cloud.kind = Glc::Connection::Kind::Cloud;
        cloud.enterpriseSlug = QStringLiteral("octo-corp");
        QVERIFY(ConnectionDialog::sameTarget(cloud, cloud));
        Glc::Connection otherSlug = cloud;
        otherSlug.enterpriseSlug = QStringLiteral("octo-labs");
        QVERIFY(!ConnectionDialog::sameTarget(cloud, otherSlug));
        Glc::Connection dataResidency = cloud;
        dataResidency.gheComSubdomain = QStringLiteral("octo");
        QVERIFY(!ConnectionDialog::sameTarget(cloud, dataResidency));
    }

    void shouldRequestATestAndShowTheReport()
    {
        ConnectionDialog d;
        chooseKind(d, Glc::Connection::Kind::Cloud);
        QSignalSpy spy(&d, &ConnectionDialog::testRequested);
        auto *test = d.findChild<QPushButton *>(QStringLiteral("testButton"));
        QVERIFY(!test->isEnabled()); // invalid: no slug yet
        QTest::keyClicks(edit(d, "slugField"), QStringLiteral("acme"));
        QTest::keyClicks(edit(d, "tokenField"), QStringLiteral("tok"));
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Glc::Connection>().enterpriseSlug, QStringLiteral("acme"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("tok"));

        // While it runs, the button cancels it: the dialog stays open and keeps the edits.
        d.setTestRunning(true);
        QVERIFY(test->isEnabled());
        QCOMPARE(test->text(), QStringLiteral("Cancel &Test"));
        QSignalSpy cancelled(&d, &ConnectionDialog::testCancelRequested);
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(spy.count(), 1); // no new test
        QCOMPARE(test->text(), QStringLiteral("&Test Connection"));
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("testStatusLabel"))->text(), QStringLiteral("Test cancelled."));
        QCOMPARE(d.connection().enterpriseSlug, QStringLiteral("acme"));
        QCOMPARE(d.token(), QStringLiteral("tok"));

        d.setTestRunning(true);
        d.setTestReport({{QStringLiteral("Reachable"), true, QStringLiteral("api.github.com answered in 120 ms"), {}},
            {QStringLiteral("Scope admin:enterprise"), false, QStringLiteral("The token has read:org only"),
                QStringLiteral("Create a token with admin:enterprise")}});
        QVERIFY(test->isEnabled());
        QCOMPARE(test->text(), QStringLiteral("&Test Connection"));
        QCOMPARE(
            d.findChild<QLabel *>(QStringLiteral("testCheckWhat_1"))->text(), QStringLiteral("Scope admin:enterprise"));
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("testCheckResult_0"))->text().contains(QLatin1String("Works")));
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("testCheckResult_1"))->text().contains(QLatin1String("Fails")));
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("testCheckDetail_1"))
                ->text()
                .contains(QLatin1String("Fix: Create a token with admin:enterprise")));
        QVERIFY(
            d.findChild<QLabel *>(QStringLiteral("testStatusLabel"))->text().contains(QLatin1String("1 check failed")));
    }
};

QTEST_MAIN(ConnectionDialogTest)
#include "connectiondialogtest.moc"
