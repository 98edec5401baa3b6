// SPDX-License-Identifier: Apache-2.0
// The discovery page against a real server seeded with demo creators (offscreen): the first page
// loads after sign-in, a filter narrows the result after the debounce, scrolling to the end loads
// the next page, leaving the page drops the request in flight, the price filter keeps creators
// whose rate for a deliverable is at most the price. The GUI thread never freezes waiting.
#include "DesktopTestSupport.h"
#include "app/SettingsView.h"
#include "common/Domain.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "discovery/SortHeader.h"
#include "profiles/CreatorProfileView.h"
#include "widgets/CsvExport.h"
#include "widgets/Names.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::DiscoveryModel;
using influence::desktop::DiscoveryView;
using influence::desktop::MainWindow;
using influence::desktop::Session;
using influence::tests::saveScreenshot;

namespace {

/// Resident memory of this process in kB (Linux), 0 if unknown.
qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

} // namespace

class TestDesktopDiscovery : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    DiscoveryModel *model() { return find<desktop::DiscoveryView>(u"discoveryPage"_s)->model(); }

    /// Clicks the middle of the results header's section `column`.
    void clickHeader(int column)
    {
        QHeaderView *header = find<QTableView>(u"discoveryTable"_s)->horizontalHeader();
        const QPoint middle(
                header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
    }

    void waitLoaded()
    {
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
    }

    /// The column's cells as numbers ("12,3 %" and "1,234" read in the app's locale).
    QList<double> figures(int column)
    {
        QList<double> values;
        for (int row = 0; row < model()->rowCount(); ++row) {
            QString text = model()->index(row, column).data().toString();
            text.remove(u" %"_s).remove(QLocale().groupSeparator());
            bool ok = false;
            const double value = QLocale().toDouble(text, &ok);
            if (ok) {
                values.append(value);
            }
        }
        return values;
    }

    /// Picks the entry of `code` in the picker `name`.
    void pick(const QString &name, const QString &code)
    {
        auto *box = find<QComboBox>(name);
        QVERIFY(box);
        const int index = box->findData(code);
        QVERIFY2(index > 0, qPrintable(code));
        box->setCurrentIndex(index);
    }

    /// The creators on screen by name, in table order.
    QStringList names()
    {
        QStringList shown;
        for (int row = 0; row < model()->rowCount(); ++row) {
            shown.append(model()->index(row, DiscoveryModel::Name).data().toString());
        }
        return shown;
    }

    /// A new creator called `name` with `rates` ({type, amountMinor, currency} objects).
    void creatorWithRates(const QString &name, const QJsonArray &rates)
    {
        const QString token = login(signUp(u"influencer"_s));
        QVERIFY(!token.isEmpty());
        const QJsonObject profile{{u"displayName"_s, name}, {u"rates"_s, rates}};
        const auto put = m_http->send(
                "PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), tests::as(token));
        QVERIFY2(put.status == 200 || put.status == 201, put.body.constData());
    }

    static QJsonObject rate(const QString &type, qint64 amountMinor, const QString &currency)
    {
        return {{u"type"_s, type}, {u"amountMinor"_s, amountMinor}, {u"currency"_s, currency}};
    }

    /// Sets the price filter's widgets as a user would: the type, then the amount.
    void setPrice(const QString &type, int major, const QString &currency)
    {
        pick(u"priceTypeBox"_s, type);
        auto *currencies = find<QComboBox>(u"priceCurrencyBox"_s);
        QVERIFY(currencies->isEnabled());
        currencies->setCurrentIndex(currencies->findData(currency));
        QCOMPARE(currencies->currentData().toString(), currency);
        auto *price = find<QSpinBox>(u"maxPriceBox"_s);
        QVERIFY(price->isEnabled());
        price->setValue(major);
    }

private Q_SLOTS:
    void initTestCase()
    {
        tests::TestServer::Options options;
        options.demoData = true;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        const QString email =
                u"agency-%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString password = QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(m_http->postJson(u"/api/v1/auth/register"_s,
                               {{u"email"_s, email}, {u"password"_s, password},
                                       {u"role"_s, u"brand"_s}})
                         .status,
                201);

        QElapsedTimer startUp;
        startUp.start();
        QVERIFY(startApp());
        qCInfo(tests::measurements, "MEASURE start-up to the first usable window: %lld ms",
                startUp.elapsed());
        m_session->signIn(email, password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, 15000);
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the discovery flows"_s);
        stop();
    }

    void firstVisitAfterSignIn()
    {
        tests::StallMeter stalls;
        // Home is the first page; discovery searches the first time it is shown.
        QCOMPARE(m_window->currentPage()->objectName(), u"homePage"_s);
        QCOMPARE(model()->state(), DiscoveryModel::State::Idle);
        showPage(m_window->discoveryPage());
        QTRY_VERIFY_WITH_TIMEOUT(model()->state() != DiscoveryModel::State::Loading
                        && model()->state() != DiscoveryModel::State::Idle,
                15000);
        QVERIFY2(model()->state() == DiscoveryModel::State::Loaded,
                qPrintable(model()->error().detail + u" / "_s + model()->error().title()));
        QCOMPARE(model()->rowCount(), 50);
        QVERIFY2(model()->total() >= 100, qPrintable(QString::number(model()->total())));
        QVERIFY(find<QLabel>(u"resultCount"_s)->text().startsWith(u"Creators found: "_s));
        saveScreenshot(m_window.get(), u"discovery"_s);
        record(stalls);
    }

    void filterAndScrollLoadsTheNextPage()
    {
        tests::StallMeter stalls;
        auto *platform = find<QComboBox>(u"platformBox"_s);
        platform->setCurrentIndex(platform->findData(u"instagram"_s));
        // Debounced: nothing is asked before the pause.
        QCOMPARE(model()->query().platform, QString());
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().platform, u"instagram"_s, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        QCOMPARE(model()->rowCount(), 50);
        for (int row = 0; row < model()->rowCount(); ++row) {
            QVERIFY(model()->index(row, DiscoveryModel::Platforms)
                            .data()
                            .toString()
                            .contains(u"Instagram"_s));
        }
        QVERIFY(model()->canFetchMore({}));
        find<QTableView>(u"discoveryTable"_s)->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 100, 15000);
        record(stalls);
    }

    void leavingThePageCancels()
    {
        // Leave the page the moment the new search is sent, before any answer can arrive.
        QSignalSpy inserted(model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy aborted(m_api.get(), &common::ApiClient::callAborted);
        auto leave = connect(
                model(), &DiscoveryModel::stateChanged, this, [this](DiscoveryModel::State state) {
                    if (state == DiscoveryModel::State::Loading) {
                        m_window->showPage(m_window->findChild<QWidget *>(u"pages"_s)
                                                   ->layout()
                                                   ->indexOf(m_window->settingsPage()));
                    }
                });
        auto *platform = find<QComboBox>(u"platformBox"_s);
        platform->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage()->objectName(), u"settingsPage"_s, 2000);
        disconnect(leave);
        QCOMPARE(model()->state(), DiscoveryModel::State::Idle);
        // The request was aborted, not just ignored.
        QTRY_COMPARE(aborted.count(), 1);
        QCOMPARE(aborted.constFirst().constFirst().toString(), u"/api/v1/influencers"_s);
        // The answer of the dropped request does not fill the model.
        QVERIFY(!inserted.wait(1000));
        QCOMPARE(model()->rowCount(), 0);
        // Coming back searches again.
        m_window->showPage(m_window->discoveryPage());
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        QCOMPARE(model()->rowCount(), 50);
    }

    void thousandRows()
    {
        tests::StallMeter stalls;
        const qint64 residentBefore = residentKb();
        const int rowsBefore = model()->rowCount();
        auto *table = find<QTableView>(u"discoveryTable"_s);
        while (model()->rowCount() < 1000 && model()->canFetchMore({})) {
            const int before = model()->rowCount();
            table->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() > before, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        }
        QVERIFY(model()->rowCount() >= 1000);
        qCInfo(tests::measurements,
                "MEASURE resident memory (VmRSS) with %d discovery rows: %.1f MiB, %.1f MiB more "
                "than with %d rows (the whole test process: server in-process, debug build "
                "with AddressSanitizer)",
                model()->rowCount(), static_cast<double>(residentKb()) / 1024.0,
                static_cast<double>(residentKb() - residentBefore) / 1024.0, rowsBefore);
        saveScreenshot(m_window.get(), u"discovery-1000"_s);
        record(stalls);
    }

    void headerClicksSortOnTheServer()
    {
        tests::StallMeter stalls;
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        waitLoaded();
        QHeaderView *header = find<QTableView>(u"discoveryTable"_s)->horizontalHeader();
        // Without a search text the server orders by followers, and the header says so.
        QCOMPARE(header->sortIndicatorSection(), int(DiscoveryModel::Followers));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        // Its arrow points down, the way the figures fall (QHeaderView alone draws it up).
        auto *sortHeader = dynamic_cast<desktop::SortHeader *>(header);
        QVERIFY(sortHeader);
        QCOMPARE(sortHeader->sectionOption(DiscoveryModel::Followers).sortIndicator,
                QStyleOptionHeader::SortDown);
        QCOMPARE(sortHeader->sectionOption(DiscoveryModel::Engagement).sortIndicator,
                QStyleOptionHeader::None);

        clickHeader(DiscoveryModel::Engagement);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().sort, u"engagement"_s, 2000);
        waitLoaded();
        QCOMPARE(find<QComboBox>(u"sortBox"_s)->currentData().toString(), u"engagement"_s);
        QCOMPARE(header->sortIndicatorSection(), int(DiscoveryModel::Engagement));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        const QList<double> engagement = figures(DiscoveryModel::Engagement);
        QVERIFY(engagement.size() > 10);
        QVERIFY(std::is_sorted(engagement.rbegin(), engagement.rend()));

        // The server has one order per key: a second click keeps it (and asks nothing).
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        clickHeader(DiscoveryModel::Engagement);
        QCOMPARE(header->sortIndicatorSection(), int(DiscoveryModel::Engagement));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        // Columns the server cannot sort by take no click.
        for (const int column : {DiscoveryModel::Name, DiscoveryModel::Country,
                     DiscoveryModel::Platforms, DiscoveryModel::Niches}) {
            clickHeader(column);
            QCOMPARE(header->sortIndicatorSection(), int(DiscoveryModel::Engagement));
            QVERIFY(DiscoveryModel::sortForColumn(column).isEmpty());
        }
        QVERIFY(!reset.wait(DiscoveryView::kDebounceMs * 2));
        QCOMPARE(model()->query().sort, u"engagement"_s);

        clickHeader(DiscoveryModel::Growth);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().sort, u"growth"_s, 2000);
        waitLoaded();
        const QList<double> growth = figures(DiscoveryModel::Growth);
        QVERIFY(std::is_sorted(growth.rbegin(), growth.rend()));
        clickHeader(DiscoveryModel::Followers);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().sort, u"followers"_s, 2000);
        waitLoaded();
        const QList<double> followers = figures(DiscoveryModel::Followers);
        QVERIFY(std::is_sorted(followers.rbegin(), followers.rend()));
        record(stalls);
    }

    void pickersFilterAndResetClearsThem()
    {
        tests::StallMeter stalls;
        pick(u"countryFilterBox"_s, u"DE"_s);
        pick(u"languageFilterBox"_s, u"de"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().country, u"DE"_s, 2000);
        QCOMPARE(model()->query().language, u"de"_s);
        waitLoaded();
        QVERIFY(model()->rowCount() > 0);
        for (int row = 0; row < model()->rowCount(); ++row) {
            QCOMPARE(model()->index(row, DiscoveryModel::Country).data().toString(), u"DE"_s);
        }
        const QString niche = common::nicheNames().constFirst();
        pick(u"nicheFilterBox"_s, niche);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().niche, niche, 2000);
        waitLoaded();
        for (int row = 0; row < model()->rowCount(); ++row) {
            QVERIFY(model()->index(row, DiscoveryModel::Niches)
                            .data()
                            .toString()
                            .contains(desktop::Names::niche(niche)));
        }
        // Every vocabulary is offered, by name, with "any" first.
        auto *countries = find<QComboBox>(u"countryFilterBox"_s);
        QVERIFY(countries->count() > 200);
        QCOMPARE(countries->itemData(0).toString(), QString());
        QVERIFY(countries->itemText(countries->findData(u"AT"_s)).startsWith(u"Austria"_s));
        auto *niches = find<QComboBox>(u"nicheFilterBox"_s);
        QCOMPARE(niches->count(), common::nicheNames().size() + 1);
        for (int i = 1; i < niches->count(); ++i) { // every niche has a name, not its code
            QVERIFY2(niches->itemText(i) != niches->itemData(i).toString(),
                    qPrintable(niches->itemText(i)));
        }
        QCOMPARE(niches->itemText(niches->findData(u"home"_s)), u"Home & living"_s);

        find<QSpinBox>(u"minFollowersBox"_s)->setValue(1000);
        find<QDoubleSpinBox>(u"minEngagementBox"_s)->setValue(1.5);
        find<QLineEdit>(u"searchEdit"_s)->setText(u"a"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().text, u"a"_s, 2000);
        waitLoaded();
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        // One search at once, not one per filter.
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model()->query(), common::DiscoveryQuery());
        for (const QString &name : {u"countryFilterBox"_s, u"languageFilterBox"_s,
                     u"nicheFilterBox"_s, u"platformBox"_s, u"sortBox"_s}) {
            QCOMPARE(find<QComboBox>(name)->currentIndex(), 0);
        }
        QCOMPARE(find<QSpinBox>(u"minFollowersBox"_s)->value(), 0);
        QCOMPARE(find<QDoubleSpinBox>(u"minEngagementBox"_s)->value(), 0.0);
        QVERIFY(find<QLineEdit>(u"searchEdit"_s)->text().isEmpty());
        QVERIFY(!reset.wait(DiscoveryView::kDebounceMs * 2));
        waitLoaded();
        QCOMPARE(model()->rowCount(), 50);
        record(stalls);
    }

    void missingFiguresShowADash()
    {
        const QString token = login(signUp(u"influencer"_s));
        QVERIFY(!lenaTravelsProfile(token).isEmpty()); // no accounts: no engagement, no growth
        find<QLineEdit>(u"searchEdit"_s)->setText(u"Lena Travels"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().text, u"Lena Travels"_s, 2000);
        waitLoaded();
        int lena = -1;
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->index(row, DiscoveryModel::Name).data().toString() == u"Lena Travels"_s) {
                lena = row;
            }
        }
        QVERIFY(lena >= 0);
        QCOMPARE(model()->index(lena, DiscoveryModel::Engagement).data().toString(), u"–"_s);
        QCOMPARE(model()->index(lena, DiscoveryModel::Growth).data().toString(), u"–"_s);
        QCOMPARE(model()->index(lena, DiscoveryModel::Platforms).data().toString(), u"–"_s);
        QCOMPARE(model()->index(lena, DiscoveryModel::Country).data().toString(), u"AT"_s);
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        waitLoaded();
    }

    void engagementFilterFollowsTheLanguage()
    {
        auto *engagement = find<QDoubleSpinBox>(u"minEngagementBox"_s);
        engagement->setValue(2.0);
        QCOMPARE(engagement->text(), u"2.0 %"_s);
        QVERIFY(m_languages->apply(u"de"_s));
        // The table writes "5,7 %" in German; the spin box beside it must too.
        QTRY_COMPARE(engagement->text(), u"2,0 %"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, 15000);
        QVERIFY(model()->rowCount() > 0);
        QVERIFY2(model()->index(0, DiscoveryModel::Engagement).data().toString().contains(u','),
                qPrintable(model()->index(0, DiscoveryModel::Engagement).data().toString()));
        auto *followers = find<QSpinBox>(u"minFollowersBox"_s);
        followers->setValue(12000);
        QCOMPARE(followers->text(), u"12.000"_s);
        // The longer German texts get their room once the page is laid out again.
        for (const QString &name : {u"resetFiltersButton"_s, u"exportCsvButton"_s}) {
            auto *button = find<QPushButton>(name);
            QTRY_VERIFY2(button->width() >= button->sizeHint().width(),
                    qPrintable(u"%1: %2 < %3"_s.arg(name)
                                       .arg(button->width())
                                       .arg(button->sizeHint().width())));
        }
        saveScreenshot(m_window.get(), u"discovery-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
        QTRY_COMPARE(engagement->text(), u"2.0 %"_s);
        QCOMPARE(followers->text(), u"12,000"_s);
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        waitLoaded();
    }

    void exportWritesTheTableAsCsv()
    {
        pick(u"countryFilterBox"_s, u"DE"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().country, u"DE"_s, 2000);
        waitLoaded();
        QVERIFY(model()->rowCount() > 0);

        const QString path = tests::outputDir() + u"/discovery-export.csv"_s;
        QFile::remove(path);
        QTest::mouseClick(find<QPushButton>(u"exportCsvButton"_s), Qt::LeftButton);
        auto *dialog = m_window->findChild<QFileDialog *>(u"csvExportDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->selectFile(path);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept")); // QDialog::accept(), a public slot
        QTRY_VERIFY_WITH_TIMEOUT(
                find<QLabel>(u"resultCount"_s)->text().startsWith(u"Saved "_s), 15000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("\r\n"));
        QCOMPARE(QString::fromUtf8(bytes).toUtf8(), bytes); // valid UTF-8

        const QList<QStringList> rows = desktop::Csv::parse(bytes);
        // The filters, an empty line, the header, then every row on screen.
        QCOMPARE(rows.value(0), (QStringList{u"Country"_s, u"DE"_s}));
        int at = 0;
        while (at < rows.size() && !rows.at(at).isEmpty()) {
            ++at;
        }
        QVERIFY(at < rows.size());
        ++at;
        // The columns shown: without a deliverable type picked, no price.
        auto *table = find<QTableView>(u"discoveryTable"_s);
        QVERIFY(table->isColumnHidden(DiscoveryModel::Price));
        QHash<int, int> fieldOf; // model column → CSV field
        QStringList header;
        for (int column = 0; column < model()->columnCount(); ++column) {
            if (!table->isColumnHidden(column)) {
                fieldOf.insert(column, static_cast<int>(header.size()));
                header.append(
                        model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
            }
        }
        QCOMPARE(rows.value(at), header);
        QCOMPARE(rows.size() - at - 1, model()->rowCount());
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QStringList &fields = rows.at(at + 1 + row);
            const auto field = [&](int column) {
                return fields.value(fieldOf.value(column, -1));
            };
            QCOMPARE(fields.size(), header.size());
            QCOMPARE(field(DiscoveryModel::Name),
                    model()->index(row, DiscoveryModel::Name).data().toString());
            QCOMPARE(field(DiscoveryModel::Country), u"DE"_s);
            // Numbers unformatted, so that a spreadsheet reads them.
            QCOMPARE(QLocale().toString(field(DiscoveryModel::Followers).toLongLong()),
                    model()->index(row, DiscoveryModel::Followers).data().toString());
            for (const int column : {DiscoveryModel::Engagement, DiscoveryModel::Growth}) {
                const QString shown = model()->index(row, column).data().toString();
                QCOMPARE(field(column).isEmpty() ? DiscoveryModel::missingFigure()
                                                 : field(column) + u" %"_s,
                        shown);
            }
            // Codes in the file, names on screen.
            for (const int column : {DiscoveryModel::Platforms, DiscoveryModel::Niches}) {
                QStringList names;
                for (const QString &code : field(column).split(u", "_s, Qt::SkipEmptyParts)) {
                    const auto platform = common::platformFromString(code);
                    QVERIFY(column == DiscoveryModel::Niches || platform);
                    names << (column == DiscoveryModel::Niches
                                    ? desktop::Names::niche(code)
                                    : desktop::Names::platform(*platform));
                }
                QCOMPARE(names.isEmpty() ? DiscoveryModel::missingFigure() : names.join(u", "_s),
                        model()->index(row, column).data().toString());
            }
        }
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        waitLoaded();
    }
    void priceFilterKeepsCreatorsWithinIt()
    {
        tests::StallMeter stalls;
        creatorWithRates(u"Pricewise Alma"_s,
                {rate(u"post"_s, 12000, u"EUR"_s), rate(u"story"_s, 90000, u"EUR"_s)});
        creatorWithRates(u"Pricewise Bert"_s, {rate(u"post"_s, 30000, u"EUR"_s)});
        creatorWithRates(u"Pricewise Cara"_s, {rate(u"story"_s, 5000, u"EUR"_s)});
        creatorWithRates(u"Pricewise Dora"_s, {rate(u"post"_s, 8000, u"USD"_s)});
        if (QTest::currentTestFailed()) {
            return;
        }
        find<QLineEdit>(u"searchEdit"_s)->setText(u"Pricewise"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().text, u"Pricewise"_s, 2000);
        waitLoaded();
        QCOMPARE(model()->rowCount(), 4);

        // Nothing to price before a deliverable is picked; "any" is the start.
        auto *type = find<QComboBox>(u"priceTypeBox"_s);
        auto *price = find<QSpinBox>(u"maxPriceBox"_s);
        auto *currency = find<QComboBox>(u"priceCurrencyBox"_s);
        QVERIFY(type && price && currency);
        auto *table = find<QTableView>(u"discoveryTable"_s);
        QCOMPARE(type->currentIndex(), 0);
        QVERIFY(table->isColumnHidden(DiscoveryModel::Price));
        QCOMPARE(type->count(), common::deliverableTypeNames().size() + 1);
        QCOMPARE(type->itemText(type->findData(u"blog"_s)), u"Blog article"_s);
        QVERIFY(!price->isEnabled());
        QCOMPARE(currency->currentData().toString(), u"EUR"_s);

        // A type alone filters nothing; the results show its price ("–" for none).
        pick(u"priceTypeBox"_s, u"post"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().deliverableType, u"post"_s, 2000);
        QVERIFY(!model()->query().maxPrice);
        waitLoaded();
        QCOMPARE(model()->rowCount(), 4);
        QVERIFY(!table->isColumnHidden(DiscoveryModel::Price));
        QCOMPARE(model()->headerData(DiscoveryModel::Price, Qt::Horizontal, Qt::DisplayRole),
                u"Price: Post"_s);
        pick(u"priceTypeBox"_s, u"livestream"_s); // the longest type's title is not cut off
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().deliverableType, u"livestream"_s, 2000);
        waitLoaded();
        QHeaderView *columns = table->horizontalHeader();
        QVERIFY(columns->sectionSize(DiscoveryModel::Price)
                > columns->fontMetrics().horizontalAdvance(
                        model()->headerData(DiscoveryModel::Price, Qt::Horizontal, Qt::DisplayRole)
                                .toString()));
        pick(u"priceTypeBox"_s, u"post"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().deliverableType, u"post"_s, 2000);
        waitLoaded();
        const auto priceOf = [this](const QString &name) {
            for (int row = 0; row < model()->rowCount(); ++row) {
                if (model()->index(row, DiscoveryModel::Name).data().toString() == name) {
                    return model()->index(row, DiscoveryModel::Price).data().toString();
                }
            }
            return QString();
        };
        QCOMPARE(priceOf(u"Pricewise Alma"_s), desktop::Formats::money({12000, u"EUR"_s}));
        QCOMPARE(priceOf(u"Pricewise Alma"_s), u"€120.00"_s);
        QCOMPARE(priceOf(u"Pricewise Dora"_s), desktop::Formats::money({8000, u"USD"_s}));
        QCOMPARE(priceOf(u"Pricewise Cara"_s), DiscoveryModel::missingFigure());

        // At most 150 EUR for a post: Alma (120 EUR) only; Bert asks more, Cara has no post
        // rate, Dora's is in dollars.
        setPrice(u"post"_s, 150, u"EUR"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().maxPrice, std::optional<qint64>(15000), 2000);
        QCOMPARE(model()->query().deliverableType, u"post"_s);
        QCOMPARE(model()->query().currency, u"EUR"_s);
        waitLoaded();
        QCOMPARE(names(), QStringList{u"Pricewise Alma"_s});
        price->setValue(300); // the limit is inclusive
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().maxPrice, std::optional<qint64>(30000), 2000);
        waitLoaded();
        QStringList found = names();
        found.sort();
        QCOMPARE(found, (QStringList{u"Pricewise Alma"_s, u"Pricewise Bert"_s}));
        currency->setCurrentIndex(currency->findData(u"USD"_s));
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().currency, u"USD"_s, 2000);
        waitLoaded();
        QCOMPARE(names(), QStringList{u"Pricewise Dora"_s});
        setPrice(u"story"_s, 60, u"EUR"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().deliverableType, u"story"_s, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().maxPrice, std::optional<qint64>(6000), 2000);
        waitLoaded();
        QCOMPARE(names(), QStringList{u"Pricewise Cara"_s});
        QCOMPARE(priceOf(u"Pricewise Cara"_s), u"€50.00"_s);

        // Over the seeded creators (rates in their countries' currencies): the rows are the
        // server's own answer to the same price filter.
        find<QLineEdit>(u"searchEdit"_s)->clear();
        setPrice(u"post"_s, 200, u"EUR"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().text, QString(), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().maxPrice, std::optional<qint64>(20000), 2000);
        waitLoaded();
        saveScreenshot(m_window.get(), u"discovery-price"_s);
        const QString token = login(signUp(u"brand"_s));
        const QJsonObject answer = get(
                u"/api/v1/influencers?deliverableType=post&maxPrice=20000&currency=EUR&limit=50"_s,
                token);
        QStringList expected;
        for (const QJsonValue &item : answer.value(u"items"_s).toArray()) {
            expected.append(item.toObject().value(u"id"_s).toString());
        }
        QVERIFY(expected.size() > 5);
        QStringList shown;
        for (int row = 0; row < model()->rowCount(); ++row) {
            shown.append(model()->index(row, 0).data(DiscoveryModel::IdRole).toString());
        }
        QCOMPARE(shown, expected);
        QCOMPARE(model()->total(), answer.value(u"total"_s).toInteger());
        const QJsonObject unfiltered = get(u"/api/v1/influencers?limit=1"_s, token);
        QVERIFY(model()->total() < unfiltered.value(u"total"_s).toInteger());

        // The export says what the rows were found with, money as amount and currency.
        auto *view = find<DiscoveryView>(u"discoveryPage"_s);
        const QList<QStringList> csv = desktop::Csv::parse(view->csv());
        QVERIFY(csv.contains(QStringList{u"Deliverable"_s, u"post"_s}));
        QVERIFY(csv.contains(QStringList{u"Max price"_s, u"200.00"_s}));
        QVERIFY(csv.contains(QStringList{u"Currency"_s, u"EUR"_s}));
        // The price column as amount and currency, every one within the limit.
        const qsizetype headerRow = csv.indexOf(QStringList{}) + 1;
        const QStringList header = csv.value(headerRow);
        const qsizetype amountField = header.indexOf(u"Price: Post"_s);
        QVERIFY(amountField > 0);
        QCOMPARE(header.value(amountField + 1), u"Currency"_s);
        QCOMPARE(csv.size() - headerRow - 1, model()->rowCount());
        for (qsizetype row = headerRow + 1; row < csv.size(); ++row) {
            QCOMPARE(csv.at(row).value(amountField + 1), u"EUR"_s);
            bool ok = false;
            QVERIFY(csv.at(row).value(amountField).toDouble(&ok) <= 200.0 && ok);
        }

        // Back and Forward keep the price filter, also after it was changed meanwhile.
        const common::DiscoveryQuery priced = model()->query();
        table->setFocus();
        table->setCurrentIndex(model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_window->currentPage(), m_window->creatorPage());
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), view);
        QCOMPARE(type->currentData().toString(), u"post"_s);
        QCOMPARE(price->value(), 200);
        QCOMPARE(currency->currentData().toString(), u"EUR"_s);
        QVERIFY(price->isEnabled());
        waitLoaded();
        QCOMPARE(model()->query(), priced);
        QVERIFY(m_window->goForward());
        view->resetFilters();
        waitLoaded();
        QVERIFY(!model()->query().maxPrice);
        QVERIFY(m_window->goBack());
        QCOMPARE(type->currentData().toString(), u"post"_s);
        QCOMPARE(price->value(), 200);
        QCOMPARE(currency->currentData().toString(), u"EUR"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query(), priced, 2000);
        waitLoaded();

        // Reset clears it with the other filters, in one search.
        currency->setCurrentIndex(currency->findData(u"GBP"_s));
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().currency, u"GBP"_s, 2000);
        waitLoaded();
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model()->query(), common::DiscoveryQuery());
        QCOMPARE(type->currentIndex(), 0);
        QCOMPARE(price->value(), 0);
        QCOMPARE(currency->currentData().toString(), u"EUR"_s);
        QVERIFY(!price->isEnabled());
        QVERIFY(!currency->isEnabled());
        QVERIFY(table->isColumnHidden(DiscoveryModel::Price));
        QVERIFY(!reset.wait(DiscoveryView::kDebounceMs * 2));
        waitLoaded();
        QCOMPARE(model()->rowCount(), 50);
        record(stalls);
    }
};

QTEST_MAIN(TestDesktopDiscovery)
#include "tst_desktop_discovery.moc"
