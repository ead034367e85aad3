// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/applicationinfo.h"
#include "core/dateformat.h"
#include "core/localization.h"
#include "core/mimecomments.h"
#include "filedialogs.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/uiformat.h"
#include "licensepage/usagemeter.h"
#include "licensepage/userlicensescard.h"
#include "licensing/connection.h"
#include "mainwindow.h"
#include "models/consumedlicensesmodel.h"
#include "textwalker.h"
#include "uitestdata.h"
#include "views/exportusageview.h"

#include <QAbstractItemView>
#include <QBuffer>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

// Under zh_CN the License page writes numbers, dates, relative times, percentages and file sizes the
// way QLocale writes them for zh_CN, and no text carries a hand-built (ISO or English) date.
class LocaleFormatTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Glc::ApplicationInfo::apply();
        Glc::Localization::setConfiguredLanguage({});
        Glc::Localization::setup(qApp);
        QCOMPARE(Glc::Localization::activeLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        QVERIFY(m_dir.isValid());
    }

    void shouldWriteDatesWithTheWholeYear_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("dateTime");
        // The locales' short formats, but for a year of two digits: 3 December 2026, 14:05.
        QTest::newRow("zh_CN, already whole") << u"zh_CN"_s << u"2026/12/3"_s << u"2026/12/3 14:05"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"12/3/2026"_s << u"12/3/2026 2:05\u202fPM"_s;
        QTest::newRow("en_GB, already whole") << u"en_GB"_s << u"03/12/2026"_s << u"03/12/2026 14:05"_s;
        QTest::newRow("de_DE") << u"de_DE"_s << u"03.12.2026"_s << u"03.12.2026 14:05"_s;
    }

    void shouldWriteDatesWithTheWholeYear()
    {
        // A license that expires "12/3/26" or a last sync of "1/2/25" makes the reader work out the century.
        QFETCH(QString, locale);
        QFETCH(QString, date);
        QFETCH(QString, dateTime);
        const QLocale l(locale);
        const QDate day(2026, 12, 3);
        QCOMPARE(Glc::DateFormat::toString(day, l), date);
        QCOMPARE(Glc::DateFormat::toString(QDateTime(day, QTime(14, 5)), l), dateTime);
        QVERIFY(Glc::DateFormat::shortDateFormat(l).contains(u"yyyy"_s));
        QVERIFY(!Glc::DateFormat::shortDateTimeFormat(l).contains(u"yyyyyy"_s));
        // The rest of the locale's format stays: its order, separators and clock.
        QCOMPARE(QString(Glc::DateFormat::shortDateFormat(l)).replace(u"yyyy"_s, u"yy"_s),
            QString(l.dateFormat(QLocale::ShortFormat)).replace(u"yyyy"_s, u"yy"_s));
        // The default locale (zh_CN here) when none is given.
        QCOMPARE(Glc::DateFormat::toString(day), QLocale().toString(day, QLocale::ShortFormat));
    }

    void shouldReadAFileTypesNameInTheLanguageWhicheverWayItIsTagged_data()
    {
        QTest::addColumn<QStringList>("languages");
        QTest::addColumn<QString>("expected");
        // QLocale::uiLanguages() of zh_CN, zh_TW, de_AT, pt_BR and fr_FR.
        QTest::newRow("zh_CN, BCP 47 tag") << QStringList{u"zh-CN"_s, u"zh-Hans-CN"_s, u"zh"_s} << u"JSON 文档"_s;
        QTest::newRow("zh_TW, not the simplified one")
            << QStringList{u"zh-TW"_s, u"zh-Hant-TW"_s, u"zh"_s} << u"JSON 文件"_s;
        QTest::newRow("de_AT, language alone") << QStringList{u"de-AT"_s} << u"JSON-Dokument"_s;
        QTest::newRow("pt_BR, Qt's underscore tag") << QStringList{u"pt-BR"_s, u"pt"_s} << u"documento JSON"_s;
        QTest::newRow("fr_FR, absent: Qt's English") << QStringList{u"fr-FR"_s, u"fr"_s} << QString();
    }

    void shouldReadAFileTypesNameInTheLanguageWhicheverWayItIsTagged()
    {
        QFETCH(QStringList, languages);
        QFETCH(QString, expected);
        // As update-mime-database writes it (shared-mime-info 2.4 mixes both spellings of tags), with a
        // second type after the first whose names must not be taken.
        QByteArray xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                         "<mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">\n"
                         "<mime-type type=\"application/json\">\n"
                         "  <comment>JSON document</comment>\n"
                         "  <comment xml:lang=\"zh-Hant-TW\">JSON 文件</comment>\n"
                         "  <comment xml:lang=\"zh-Hans-CN\">JSON 文档</comment>\n"
                         "  <comment xml:lang=\"pt_BR\">documento JSON</comment>\n"
                         "  <comment xml:lang=\"de\">JSON-Dokument</comment>\n"
                         "  <glob pattern=\"*.json\"/>\n"
                         "  <sub-class-of type=\"application/javascript\"/>\n"
                         "</mime-type>\n"
                         "<mime-type type=\"text/x-other\"><comment xml:lang=\"fr\">autre</comment></mime-type>\n"
                         "</mime-info>\n";
        QBuffer buffer(&xml);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QCOMPARE(Glc::MimeComments::fromXml(&buffer, languages), expected);
    }

    void shouldNameFileTypesInTheChineseFileDialog()
    {
        // The build root's shared MIME database tags its Chinese "zh-Hans-CN", where Qt 6.8 looks only
        // for "zh_CN": the dialog's Type column has the console's reading of it.
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"usage.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("{}") == 2);
        file.close();
        const Glc::LocalizedFileTypes types;
        const QString name = types.type(QFileInfo(path));
        QVERIFY2(name.contains(QLatin1String("JSON")) && TextWalker::hasCjk(name), qPrintable(name));
        QCOMPARE(Glc::MimeComments::localized(u"application/json"_s, QLocale().uiLanguages()), name);
        // Folders are Qt's own word, translated by Qt's catalog.
        QVERIFY2(
            TextWalker::hasCjk(types.type(QFileInfo(m_dir.path()))), qPrintable(types.type(QFileInfo(m_dir.path()))));
        QCOMPARE(Glc::MimeComments::localized(u"../etc/passwd"_s, QLocale().uiLanguages()), QString());
    }

    void shouldShowAStoredSnapshotSourceInTheCurrentLanguage()
    {
        // Snapshots store where they came from without words, so a store filled under one language reads
        // right under another; older snapshots that stored an English sentence are read the same way.
        for (const QString &stored :
            {QStringLiteral("127.0.0.1:4123"), QStringLiteral("license lab at 127.0.0.1:4123")}) {
            const QString shown = Glc::Connection::sourceText(Glc::Connection::Kind::Lab, stored);
            QVERIFY2(shown.contains(QLatin1String("127.0.0.1:4123")), qPrintable(shown));
            QVERIFY2(TextWalker::hasCjk(shown), qPrintable(shown));
            QVERIFY2(!shown.contains(QLatin1String("lab at")), qPrintable(shown));
        }
        Glc::Connection cloud;
        cloud.kind = Glc::Connection::Kind::Cloud;
        cloud.enterpriseSlug = QStringLiteral("acme");
        QCOMPARE(cloud.snapshotSource(), QStringLiteral("api.github.com/enterprises/acme"));
        QCOMPARE(Glc::Connection::sourceText(cloud.kind, cloud.snapshotSource()), cloud.snapshotSource());
        Glc::Connection lab;
        lab.kind = Glc::Connection::Kind::Lab;
        lab.labUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(lab.snapshotSource(), QStringLiteral("127.0.0.1:8080"));
    }

    void shouldFormatTheCardsWithTheChineseLocale()
    {
        LicensePage page;
        fill(page);
        const QLocale zh(QLocale::Chinese, QLocale::China);

        const LicenseSummary summary = UiTestData::summary();
        const QString consumed = label(page, QStringLiteral("consumedLabel"));
        QVERIFY2(consumed.contains(zh.toString(qint64(summary.consumed))), qPrintable(consumed));
        QVERIFY2(consumed.contains(zh.toString(qint64(summary.purchased))), qPrintable(consumed));
        QVERIFY2(TextWalker::hasCjk(consumed), qPrintable(consumed));

        const QString expiry = label(page, QStringLiteral("expiryLabel"));
        QVERIFY2(expiry.contains(zh.toString(summary.expiresAt.toLocalTime().date(), QLocale::ShortFormat)),
            qPrintable(expiry));
        QVERIFY2(expiry.contains(zh.toString(45)), qPrintable(expiry));
        QVERIFY2(expiry.contains(QStringLiteral("天")), qPrintable(expiry));

        auto *meter = page.findChild<UsageMeter *>();
        QVERIFY(meter);
        const QString usage = label(page, QStringLiteral("meterLabel"));
        QVERIFY2(usage.contains(zh.toString(meter->percent(), 'f', 1) + zh.percent()), qPrintable(usage));

        // A sync two days ago: the zh_CN short date and time, and "2 天前".
        const ServerRow fresh = UiTestData::serverRows().constFirst();
        const QString lastSync = labelStartingWith(page, QStringLiteral("lastSyncLabel_"), 0);
        QVERIFY2(lastSync.contains(zh.toString(fresh.sync.lastSyncDate.toLocalTime(), QLocale::ShortFormat)),
            qPrintable(lastSync));
        QVERIFY2(lastSync.contains(zh.toString(2) + QStringLiteral(" 天前")) ||
                lastSync.contains(zh.toString(2) + QStringLiteral("天前")),
            qPrintable(lastSync));

        const QString refreshed = page.lastRefreshedText();
        QVERIFY2(refreshed.contains(QStringLiteral("分钟前")), qPrintable(refreshed));

        // Confidence of a counted-twice pair, a percentage.
        QAbstractItemModel *pairs = page.countedTwicePanel()->view()->model();
        bool sawPercent = false;
        const QString expected = zh.toString(92.0, 'f', 0) + zh.percent();
        for (int column = 0; column < pairs->columnCount(); ++column) {
            sawPercent = sawPercent || pairs->index(0, column).data().toString() == expected;
        }
        QVERIFY2(sawPercent, qPrintable(expected));
    }

    void shouldJoinListsWithTheChineseSeparator()
    {
        const QString joined =
            UiFormat::list({QStringLiteral("ghas"), QStringLiteral("actions"), QStringLiteral("packages")});
        QVERIFY2(joined.contains(QStringLiteral("ghas、actions")), qPrintable(joined));
        QVERIFY2(!joined.contains(QLatin1String(", ")), qPrintable(joined));
        QCOMPARE(UiFormat::list({QStringLiteral("ghas")}), QStringLiteral("ghas"));
    }

    void shouldShowGitHubsRolesAndStatusesInChineseAndKeepThemRaw()
    {
        Glc::ConsumedLicense seat;
        seat.githubComLogin = QStringLiteral("wangwei");
        seat.githubComMemberRoles = {QStringLiteral("lab-org-3:Member"), QStringLiteral("研发:Owner")};
        seat.githubComEnterpriseRoles = {QStringLiteral("owner")};
        seat.githubComOrgsWithPendingInvites = {QStringLiteral("lab-org-1"), QStringLiteral("lab-org-2")};
        seat.visualStudioSubscriptionUser = true;
        seat.visualStudioLicenseStatus = QStringLiteral("matched");
        Glc::ConsumedLicensesModel model;
        model.setLicenses({seat});
        const auto cell = [&model](
                              int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
        const QLocale zh(QLocale::Chinese, QLocale::China);
        const QString roles = cell(Glc::ConsumedLicensesModel::MemberRolesColumn).toString();
        QCOMPARE(roles, zh.createSeparatedList({QStringLiteral("lab-org-3：成员"), QStringLiteral("研发：所有者")}));
        QVERIFY2(!roles.contains(QLatin1String(", ")), qPrintable(roles));
        QCOMPARE(cell(Glc::ConsumedLicensesModel::EnterpriseRolesColumn).toString(), QStringLiteral("所有者"));
        QCOMPARE(cell(Glc::ConsumedLicensesModel::VisualStudioStatusColumn).toString(), QStringLiteral("已匹配"));
        QCOMPARE(cell(Glc::ConsumedLicensesModel::PendingInvitesColumn).toString(),
            zh.createSeparatedList(seat.githubComOrgsWithPendingInvites));
        // Reports, exports and the command line read GitHub's words, whatever the language.
        QCOMPARE(cell(Glc::ConsumedLicensesModel::MemberRolesColumn, Glc::ConsumedLicensesModel::RawValueRole)
                     .toStringList(),
            seat.githubComMemberRoles);
        QCOMPARE(cell(Glc::ConsumedLicensesModel::VisualStudioStatusColumn, Glc::ConsumedLicensesModel::RawValueRole)
                     .toString(),
            QStringLiteral("matched"));
        QCOMPARE(model.license(0), seat);
    }

    void shouldShowNoHandBuiltDatesOnThePage()
    {
        LicensePage page;
        fill(page);
        QStringList texts;
        for (const TextWalker::Text &text : TextWalker::collect(&page)) {
            texts << text.text;
        }
        // Every list's cells and their tooltips, shown or not.
        for (QAbstractItemView *view : page.findChildren<QAbstractItemView *>()) {
            const QAbstractItemModel *model = view->model();
            for (int row = 0; model && row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex cell = model->index(row, column);
                    texts << cell.data().toString() << cell.data(Qt::ToolTipRole).toString();
                }
            }
        }
        QVERIFY(texts.size() > 20);
        QStringList problems;
        for (const QString &text : std::as_const(texts)) {
            if (const QString why = handBuiltDate(text); !why.isEmpty()) {
                problems << QStringLiteral("%1: \"%2\"").arg(why, text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldShowTheLabDataWithoutHandBuiltDates()
    {
        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("page.sqlite"));
        options.labConfig.users = 1500;
        options.labConfig.servers = 2;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->data().hasSnapshot, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isRefreshing(), 60000);

        const QLocale zh(QLocale::Chinese, QLocale::China);
        const Glc::LicenseSnapshot &snapshot = window.controller()->data().snapshot;
        const QString consumed = label(*window.licensePage(), QStringLiteral("consumedLabel"));
        QVERIFY2(consumed.contains(zh.toString(qint64(snapshot.licenses.totalSeatsConsumed))), qPrintable(consumed));
        QVERIFY2(window.licensePage()->lastRefreshedText().contains(QStringLiteral("前")) ||
                TextWalker::hasCjk(window.licensePage()->lastRefreshedText()),
            qPrintable(window.licensePage()->lastRefreshedText()));

        QStringList problems;
        for (const TextWalker::Text &text : TextWalker::collect(&window)) {
            if (const QString why = handBuiltDate(text.text); !why.isEmpty()) {
                problems
                    << QStringLiteral("%1 '%2': %3: \"%4\"").arg(text.widgetClass, text.objectName, why, text.text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        // An export's summary gives the file size as QLocale does for zh_CN.
        ExportUsageView view(window.controller(), &window);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.serverCombo()->count() > 0);
        const QString target = m_dir.filePath(QStringLiteral("usage.json"));
        view.targetEdit()->setText(target);
        QSignalSpy finished(&view, &ActionView::jobFinished);
        view.startButton()->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        const QString summaryText = TextWalker::plain(view.summaryLabel()->text());
        const QString size = zh.formattedDataSize(QFileInfo(target).size());
        QVERIFY2(summaryText.contains(size), qPrintable(summaryText + QStringLiteral(" / ") + size));
    }

private:
    static void fill(LicensePage &page)
    {
        page.setClock(UiTestData::now);
        page.userLicensesCard()->setSummary(UiTestData::summary());
        page.userLicensesCard()->setServerLicenses(UiTestData::serverLicenses());
        page.licenseSyncCard()->setServers(UiTestData::serverRows());
        page.serverInstancesCard()->setInstances(UiTestData::installations());
        page.countedTwicePanel()->setPairs(UiTestData::pairs());
        page.historyChart()->setHistory(
            UiTestData::consumedHistory(), UiTestData::purchasedHistory(), UiTestData::forecast());
        page.setTableWidget(new QTableWidget(3, 3));
        page.setLastRefreshed(UiTestData::now().addSecs(-180), QStringLiteral("lab 127.0.0.1:4123"));
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

    static QString label(const QWidget &root, const QString &name)
    {
        auto *label = root.findChild<QLabel *>(name);
        return label ? TextWalker::plain(label->text()) : QStringLiteral("(no label %1)").arg(name);
    }

    static QString labelStartingWith(const QWidget &root, const QString &prefix, int index)
    {
        QList<QLabel *> labels;
        for (QLabel *label : root.findChildren<QLabel *>()) {
            if (label->objectName().startsWith(prefix)) {
                labels << label;
            }
        }
        std::sort(labels.begin(), labels.end(), [](QLabel *a, QLabel *b) { return a->y() < b->y(); });
        return index < labels.size() ? TextWalker::plain(labels.at(index)->text()) : QString();
    }

    /// Why @p text looks like a date not written by QLocale for zh_CN (empty: it does not).
    static QString handBuiltDate(const QString &text)
    {
        static const QRegularExpression iso(QStringLiteral("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])"));
        static const QRegularExpression month(
            QStringLiteral("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}\\b"));
        static const QRegularExpression english(QStringLiteral("\\b(\\d+ (minutes?|hours?|days?|months?|years?) ago|"
                                                               "just now|yesterday|today|[AP]M)\\b"));
        // File names like ghes1-license-usage-2026-05-08.json carry GitHub's own date: not a display date.
        QString withoutFiles = text;
        withoutFiles.remove(QRegularExpression(QStringLiteral("[\\w.-]+\\.(json|csv|zip|gz)\\b")));
        if (iso.match(withoutFiles).hasMatch()) {
            return QStringLiteral("ISO date");
        }
        if (month.match(withoutFiles).hasMatch()) {
            return QStringLiteral("English month");
        }
        if (english.match(withoutFiles).hasMatch()) {
            return QStringLiteral("English relative time");
        }
        return {};
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(LocaleFormatTest)
#include "localeformattest.moc"
