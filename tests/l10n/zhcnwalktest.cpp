// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/licensepage.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/retentiondialog.h"
#include "licensepage/snapshotchangesdialog.h"
#include "mainwindow.h"
#include "models/consumedlicensesmodel.h"
#include "textwalker.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"

#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

// Opens every window, page, view and dialog of the console with lab data and walks what a user
// sees. GLC_L10N_MODE=layout (the English run) only checks for clipped texts, which tells layout
// bugs from translation bugs.
class ZhCnWalkTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Glc::ApplicationInfo::apply();
        Glc::Localization::setConfiguredLanguage({}); // follow LANG, whatever an earlier run chose
        Glc::Localization::setup(qApp);
        m_checkTranslation = qEnvironmentVariable("GLC_L10N_MODE") != QLatin1String("layout");
        if (m_checkTranslation) {
            QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("zh_CN"));
        } else {
            QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("en"));
        }
        QVERIFY(m_dir.isValid());
        // The ctest variants give a real screen (Full HD logical): windows get their normal size.
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(screen.width() >= 1900 && screen.height() >= 1000,
            qPrintable(QStringLiteral("screen %1x%2").arg(screen.width()).arg(screen.height())));

        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("store.sqlite"));
        options.labConfig.users = 40;
        options.labConfig.servers = 2;
        options.labConfig.syncDurationMs = 50;
        m_window = std::make_unique<MainWindow>(options);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_window->controller(), &LicenseController::dataLoaded);
        m_window->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->data().hasSnapshot, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->controller()->isRefreshing(), 60000);
        QVERIFY(loaded.count() > 0);

        // Values from the data are shown as they are.
        const Glc::LicenseSnapshot &snapshot = m_window->controller()->data().snapshot;
        QStringList values = m_window->controller()->serverHosts();
        values << snapshot.source;
        const Glc::ConsumedLicensesModel *seats = m_window->controller()->licensesModel();
        QVERIFY(seats->rowCount() > 0);
        for (int row = 0; row < seats->rowCount(); ++row) {
            const Glc::ConsumedLicense user = seats->license(row);
            values << user.githubComLogin << user.githubComName << user.serverHosts();
            // Organizations are names from the data ("lab-org-3" of "lab-org-3:Member"); their roles are not.
            for (const QString &orgAndRole : std::as_const(user.githubComMemberRoles)) {
                values << orgAndRole.section(QLatin1Char(':'), 0, -2);
            }
            values << user.githubComOrgsWithPendingInvites;
        }
        for (const Glc::EnterpriseServerInstallation &installation : snapshot.installations) {
            values << installation.hostName << installation.customerName;
            for (const Glc::ServerUserAccount &account : installation.userAccounts) {
                values << account.login << account.profileName;
            }
        }
        for (const Glc::ServerLicenseInfo &server : snapshot.serverLicenses) {
            values << server.hostname << server.installedVersion;
        }
        // GHES's admin shell account is literally "admin" (a login, shown as the ssh user placeholder).
        values << QStringLiteral("admin");
        m_allow.addValues(values);
    }

    void cleanupTestCase() { m_window.reset(); }

    void shouldShowTheMainWindowAndLicensePageTranslatedAndUnclipped()
    {
        QCOMPARE(m_window->licensePage()->isVisible(), true);
        // The walk sees the cards, the filter bar, the table headers, the menus and the cells of the
        // first rows of every table and tree, among them GitHub's words for roles and statuses.
        const QList<TextWalker::Text> texts = TextWalker::collect(m_window.get());
        QVERIFY2(texts.size() > 60, qPrintable(QString::number(texts.size())));
        const Glc::ConsumedLicensesModel *seats = m_window->controller()->licensesModel();
        QStringList roleCells;
        for (int row = 0; row < std::min(seats->rowCount(), TextWalker::ItemViewRows); ++row) {
            const QString cell = seats->index(row, Glc::ConsumedLicensesModel::MemberRolesColumn).data().toString();
            if (!cell.isEmpty()) {
                roleCells << cell;
            }
        }
        QVERIFY(!roleCells.isEmpty());
        const bool walkedRoles = std::any_of(texts.cbegin(), texts.cend(), [&roleCells](const TextWalker::Text &text) {
            return text.objectName.startsWith(QLatin1String("consumedLicensesTable cell ")) &&
                roleCells.contains(text.text);
        });
        QVERIFY2(walkedRoles, qPrintable(roleCells.join(QLatin1String(" | "))));
        check(m_window.get(), QStringLiteral("MainWindow"));
        if (m_checkTranslation) {
            QCOMPARE(m_window->windowTitle(), QStringLiteral("GHE 许可证控制台"));
        }
    }

    void shouldShowTheSyncNowView()
    {
        checkDialog(std::make_unique<SyncNowView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheExportUsageView()
    {
        checkDialog(std::make_unique<ExportUsageView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheAddServerUsageView()
    {
        checkDialog(std::make_unique<AddServerUsageView>(m_window->controller(), m_window.get()));
    }

    void shouldShowTheConnectionDialogForEveryKind_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("first kind") << 0;
        QTest::newRow("second kind") << 1;
        QTest::newRow("third kind") << 2;
    }

    void shouldShowTheConnectionDialogForEveryKind()
    {
        QFETCH(int, index);
        auto dialog = std::make_unique<ConnectionDialog>(m_window.get());
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        QVERIFY(kind);
        QVERIFY(index < kind->count());
        kind->setCurrentIndex(index);
        checkDialog(std::move(dialog));
    }

    void shouldShowTheSnapshotDialogs()
    {
        // Another snapshot (besides the first start's history), so Compare Snapshots compares two of now.
        const qsizetype before = m_window->controller()->data().history.size();
        QSignalSpy refreshed(m_window->controller(), &LicenseController::refreshFinished);
        m_window->controller()->refresh();
        QVERIFY(refreshed.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->controller()->data().history.size(), before + 1, 30000);
        m_window->findChild<QAction *>(QStringLiteral("compareSnapshotsAction"))->trigger();
        auto *compare = m_window->findChild<SnapshotChangesDialog *>();
        QVERIFY(compare);
        QTRY_COMPARE_WITH_TIMEOUT(compare->tree()->topLevelItemCount(), 3, 30000);
        check(compare, QStringLiteral("SnapshotChangesDialog"));
        compare->close();

        m_window->findChild<QAction *>(QStringLiteral("retentionAction"))->trigger();
        auto *retention = m_window->findChild<RetentionDialog *>();
        QVERIFY(retention);
        QTRY_VERIFY_WITH_TIMEOUT(retention->keepNewestBox()->isEnabled(), 30000); // the setting was read
        check(retention, QStringLiteral("RetentionDialog"));
        // Removing old snapshots after OK: the progress bar's text.
        retention->setBusy(true);
        retention->setStoring(true);
        retention->setProgress(7, 26);
        check(retention, QStringLiteral("RetentionDialog removing"));
        retention->setStoring(false);
        retention->close();
    }

    void shouldShowSeatsByOrganization()
    {
        m_window->findChild<QAction *>(QStringLiteral("organizationsAction"))->trigger();
        auto *organizations = m_window->findChild<OrganizationsDialog *>();
        QVERIFY(organizations);
        QVERIFY(organizations->list()->topLevelItemCount() > 0);
        check(organizations, QStringLiteral("OrganizationsDialog"));
        organizations->close();
    }

    void shouldShowTheAboutBox()
    {
        QAction *about = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QStringList problems;
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                const auto boxes = m_window->findChildren<QMessageBox *>();
                box = boxes.isEmpty() ? nullptr : boxes.constFirst();
            }
            if (!box) {
                return;
            }
            seen = true;
            problems = judge(box, QStringLiteral("About box"));
            box->close();
        });
        about->trigger();
        QVERIFY(seen);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

private:
    QStringList judge(QWidget *root, const QString &where)
    {
        QStringList problems;
        if (m_checkTranslation) {
            for (const TextWalker::Text &text : TextWalker::collect(root)) {
                // View > Language names each language in itself ("English", "简体中文").
                if (text.objectName.startsWith(QLatin1String("language_")) &&
                    Glc::Localization::availableLanguages().contains(text.objectName.mid(9)) &&
                    text.text == Glc::Localization::languageName(text.objectName.mid(9))) {
                    continue;
                }
                if (!m_allow.accepts(text.text)) {
                    problems << QStringLiteral("%1: untranslated %2 '%3' \"%4\" (left: %5)")
                                    .arg(where, text.widgetClass, text.objectName, text.text,
                                        m_allow.leftover(text.text));
                }
            }
        }
        for (const QString &clip : TextWalker::clipped(root)) {
            problems << QStringLiteral("%1: clipped %2").arg(where, clip);
        }
        problems.removeDuplicates();
        return problems;
    }

    void check(QWidget *root, const QString &where)
    {
        // Judge the laid-out window, not one with layout requests still queued.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        const QStringList problems = judge(root, where);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void checkDialog(std::unique_ptr<QDialog> dialog)
    {
        dialog->show(); // its normal size: what its layout asks for
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QCoreApplication::processEvents();
        QVERIFY(!dialog->windowTitle().isEmpty());
        check(dialog.get(), QString::fromLatin1(dialog->metaObject()->className()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    TextWalker::AllowList m_allow;
    bool m_checkTranslation = true;
};

QTEST_MAIN(ZhCnWalkTest)
#include "zhcnwalktest.moc"
