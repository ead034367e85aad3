// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Counts in the core's messages take their plural form: "1 seat", "2 seats" (i18ncp, never i18nc
// with a number in a fixed plural).
#include "lab/labconfig.h"
#include "workflows/labhost.h"
#include "workflows/refreshjob.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;

class PluralsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void shouldSaySeatOrSeatsWhenSavingASnapshot_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<QString>("stage");
        QTest::newRow("one") << 1 << QStringLiteral("Saving snapshot of 1 seat…");
        QTest::newRow("two") << 2 << QStringLiteral("Saving snapshot of 2 seats…");
    }
    void shouldSaySeatOrSeatsWhenSavingASnapshot()
    {
        QFETCH(int, users);
        QFETCH(QString, stage);
        // No servers and no shares: the lab's consumed seats are exactly its members.
        LabConfig config;
        config.users = users;
        config.servers = 0;
        config.mismatchedEmailShare = 0;
        config.visualStudioShare = 0;
        config.serverUserShare = 0;
        config.serverOnlyShare = 0;
        config.pendingInviteShare = 0;
        config.suspendedShare = 0;
        LabHost lab;
        QString error;
        QVERIFY2(lab.start(config, &error), qPrintable(error));
        WorkflowContext context;
        context.connection = lab.connection();
        context.connection.id = QStringLiteral("plural-lab");
        context.token = lab.token();
        context.labActions = true;
        context.storeLocation = m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(users));
        RefreshJob job(context);
        QStringList stages;
        connect(&job, &WorkflowJob::stageChanged, this, [&stages](int, const QString &text) { stages << text; });
        QSignalSpy finished(&job, &WorkflowJob::finished);
        job.start();
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QCOMPARE(job.snapshot().licenses.users.size(), users);
        QVERIFY2(stages.contains(stage), qPrintable(stages.join(QLatin1Char('\n'))));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(PluralsTest)
#include "pluralstest.moc"
