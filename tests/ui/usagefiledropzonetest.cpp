// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/usagefiledropzone.h"
#include "uitestdata.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class UsageFileDropZoneTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_json;
    QString m_json2;

    QString makeFile(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return {};
        }
        file.write("{}");
        return path;
    }

    static bool sendDragEnter(QWidget *zone, QMimeData *data)
    {
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QCoreApplication::sendEvent(zone, &enter);
        return enter.isAccepted();
    }

    static bool sendDrop(QWidget *zone, QMimeData *data)
    {
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
        drop.ignore();
        QCoreApplication::sendEvent(zone, &drop);
        return drop.isAccepted();
    }

private Q_SLOTS:
    void initTestCase()
    {
        UiTestData::setUp();
        QVERIFY(m_dir.isValid());
        m_json = makeFile(QStringLiteral("ghes1-license-usage.json"));
        m_json2 = makeFile(QStringLiteral("ghes2 usage.json"));
        QVERIFY(!m_json.isEmpty() && !m_json2.isEmpty());
    }

    void shouldAcceptDraggedLocalJsonFiles()
    {
        UsageFileDropZone zone;
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(m_json), QUrl::fromLocalFile(m_json2)});
        QVERIFY(data.hasFormat(QStringLiteral("text/uri-list")));

        QVERIFY(sendDragEnter(&zone, &data));
        QVERIFY(zone.isDragActive()); // visual feedback while the drag hovers
        QVERIFY(sendDrop(&zone, &data));
        QVERIFY(!zone.isDragActive());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toStringList(), (QStringList{m_json, m_json2}));
        QVERIFY(zone.message().isEmpty());
    }

    void shouldEndFeedbackWhenTheDragLeaves()
    {
        UsageFileDropZone zone;
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(m_json)});
        QVERIFY(sendDragEnter(&zone, &data));
        QVERIFY(zone.isDragActive());
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(&zone, &leave);
        QVERIFY(!zone.isDragActive());
    }

    void shouldRefuseRemoteUrls()
    {
        UsageFileDropZone zone;
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        QMimeData remote;
        remote.setUrls({QUrl(QStringLiteral("https://ghe.example.com/usage.json"))});
        QVERIFY(!sendDragEnter(&zone, &remote));
        QVERIFY(!zone.isDragActive());
        QVERIFY(zone.message().contains(QLatin1String("https://ghe.example.com/usage.json")));
        QVERIFY(!sendDrop(&zone, &remote));
        QCOMPARE(chosen.count(), 0);

        // A mix: the local file goes through, the web address is named in the message.
        QMimeData mixed;
        mixed.setUrls({QUrl(QStringLiteral("https://ghe.example.com/other.json")), QUrl::fromLocalFile(m_json)});
        QVERIFY(sendDragEnter(&zone, &mixed));
        QVERIFY(sendDrop(&zone, &mixed));
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toStringList(), QStringList{m_json});
        QVERIFY(zone.message().contains(QLatin1String("other.json")));
    }

    void shouldRefuseFolders()
    {
        UsageFileDropZone zone;
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(m_dir.path())});
        QVERIFY(!sendDragEnter(&zone, &data));
        QVERIFY(!zone.message().isEmpty());
        QCOMPARE(chosen.count(), 0);
    }

    void shouldTakeAPastedPath_data()
    {
        QTest::addColumn<QString>("clipboardText");
        QTest::addColumn<bool>("asUrls");
        QTest::newRow("path") << m_json << false;
        QTest::newRow("quoted path with spaces") << QStringLiteral("\"%1\"").arg(m_json2) << false;
        QTest::newRow("file url text") << QUrl::fromLocalFile(m_json).toString() << false;
        QTest::newRow("copied file") << m_json << true;
    }

    void shouldTakeAPastedPath()
    {
        QFETCH(QString, clipboardText);
        QFETCH(bool, asUrls);
        auto *data = new QMimeData;
        if (asUrls) {
            data->setUrls({QUrl::fromLocalFile(clipboardText)});
        } else {
            data->setText(clipboardText);
        }
        QApplication::clipboard()->setMimeData(data);

        UsageFileDropZone zone;
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        zone.show();
        zone.setFocus();
        QTest::keyClick(&zone, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(chosen.count(), 1);
        const QString expected = clipboardText.contains(QLatin1String("ghes2")) ? m_json2 : m_json;
        QCOMPARE(chosen.at(0).at(0).toStringList(), QStringList{expected});
    }

    void shouldRefuseAPastedWebAddress()
    {
        auto *data = new QMimeData;
        data->setText(QStringLiteral("https://ghe.example.com/setup/license-usage.json"));
        QApplication::clipboard()->setMimeData(data);
        UsageFileDropZone zone;
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        zone.pasteFromClipboard();
        QCOMPARE(chosen.count(), 0);
        QVERIFY(zone.message().contains(QLatin1String("ghe.example.com")));
    }

    void shouldOfferAFilePicker()
    {
        UsageFileDropZone zone;
        zone.setFileChooser([this](QWidget *) { return QStringList{m_json}; });
        QSignalSpy chosen(&zone, &UsageFileDropZone::filesChosen);
        auto *button = zone.findChild<QPushButton *>(QStringLiteral("chooseFilesButton"));
        QVERIFY(button);
        QVERIFY(button->text().contains(QLatin1Char('&')));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toStringList(), QStringList{m_json});
    }

    void shouldListAResultPerFile()
    {
        UsageFileDropZone zone;
        auto *view = zone.findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        QVERIFY(view->isHidden());
        zone.setResults({{m_json, true, QStringLiteral("Ready to upload"), QStringLiteral("ghes1, 3.14.2, 812 users")},
            {m_json2, false, QStringLiteral("An HTML page"), QStringLiteral("Download the file itself")}});
        QVERIFY(!view->isHidden());
        QCOMPARE(view->topLevelItemCount(), 2);
        QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("ghes1-license-usage.json"));
        QCOMPARE(view->topLevelItem(1)->text(1), QStringLiteral("An HTML page"));
        QCOMPARE(view->topLevelItem(1)->text(2), QStringLiteral("Download the file itself"));
    }

    void shouldWrapALongReasonInsteadOfCuttingItOff()
    {
        UsageFileDropZone zone;
        zone.resize(600, 400);
        zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&zone));
        auto *view = zone.findChild<QTreeWidget *>(QStringLiteral("resultsView"));
        const QString reason = QStringLiteral(
            "The file is a web page, not a license usage file: the browser saved the sign-in page instead of the "
            "download. Sign in to the server in the browser, export the usage again, then drop the downloaded file.");
        zone.setResults({{m_json, true, QStringLiteral("Ready to upload"), QStringLiteral("ghes1")},
            {m_json2, false, QStringLiteral("Cannot be added"), reason}});
        const QFontMetrics metrics(view->font());
        // No horizontal scrolling: the reason has the room left and takes several lines of it.
        QTRY_VERIFY(view->columnWidth(2) > 0);
        QVERIFY(view->columnWidth(0) + view->columnWidth(1) + view->columnWidth(2) <= view->viewport()->width());
        QVERIFY(metrics.horizontalAdvance(reason) > view->columnWidth(2));
        QTRY_VERIFY2(view->visualItemRect(view->topLevelItem(1)).height() >= 2 * metrics.lineSpacing(),
            qPrintable(QString::number(view->visualItemRect(view->topLevelItem(1)).height())));
        QVERIFY(view->visualItemRect(view->topLevelItem(0)).height() < 2 * metrics.lineSpacing());
    }
};

QTEST_MAIN(UsageFileDropZoneTest)
#include "usagefiledropzonetest.moc"
