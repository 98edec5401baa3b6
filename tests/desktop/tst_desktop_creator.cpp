// SPDX-License-Identifier: Apache-2.0
// A creator's own pages against a real server (offscreen): editing the own profile (checked on
// the client with the server's rules, nothing sent when invalid; the server's field errors shown
// at their fields; saving round-trips), managing connected accounts (add by hand, remove after a
// confirmation, "needs reconnection", connecting opens the server's consent address), the
// metric-less profile page, and the settings page switching the language at run time.
#include "DesktopTestSupport.h"
#include "app/SettingsView.h"
#include "common/Problem.h"
#include "core/db/Connection.h"
#include "discovery/DiscoveryView.h"
#include "profiles/AccountsView.h"
#include "profiles/CreatorProfileView.h"
#include "profiles/OwnProfileView.h"
#include "session/SignInDialog.h"
#include "widgets/ChartLegend.h"
#include "widgets/StateStack.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::ApiClient;
using influence::desktop::AccountsView;
using influence::desktop::MainWindow;
using influence::desktop::OwnProfileView;
using influence::desktop::Session;
using influence::desktop::StateStack;
using influence::tests::saveScreenshot;

namespace {

constexpr auto kConsentPage = "https://consent.example.test/authorize";

} // namespace

class TestDesktopCreator : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    std::unique_ptr<server::db::Connection> m_db;

    OwnProfileView *editor() { return m_window->ownProfilePage(); }
    AccountsView *accounts() { return m_window->accountsPage(); }
    int pageIndex(QWidget *page)
    {
        auto *pages = find<QWidget>(u"pages"_s);
        return pages->layout() ? pages->layout()->indexOf(page) : -1;
    }
    /// The sidebar's entry of `page`.
    QListWidgetItem *sidebarItem(QWidget *page)
    {
        auto *navigation = find<QListWidget>(u"navigation"_s);
        for (int row = 0; row < navigation->count(); ++row) {
            QListWidgetItem *item = navigation->item(row);
            if ((item->flags() & Qt::ItemIsSelectable) != 0
                    && item->data(Qt::UserRole).toInt() == pageIndex(page)) {
                return item;
            }
        }
        return nullptr;
    }
    QList<std::pair<QByteArray, QByteArray>> bearer()
    {
        return {{"Authorization", "Bearer " + m_api->accessToken().toLatin1()}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        tests::TestServer::Options options;
        // Instagram can be connected: the server answers the platform's consent address.
        options.configure = [](server::Config &config) {
            config.social.platforms[u"instagram"_s] = {u"ig-client"_s, u"ig-secret"_s,
                    QString::fromLatin1(kConsentPage), u"https://token.example.test/token"_s,
                    u"https://graph.example.test"_s};
        };
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        m_db = m_server->connect(u"desktop-creator-test"_s);
        QVERIFY(m_db);

        const QString email =
                u"creator-%1@example.com"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        const QString password = QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(m_http->postJson(u"/api/v1/auth/register"_s,
                               {{u"email"_s, email}, {u"password"_s, password},
                                       {u"role"_s, u"influencer"_s}})
                         .status,
                201);
        QVERIFY(startApp());
        m_session->signIn(email, password);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, 15000);
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the creator flows"_s);
        stopApp();
        m_db.reset();
        stopServer();
    }

    void invalidProfileIsStoppedBeforeSending()
    {
        tests::StallMeter stalls;
        showPage(editor());
        QTRY_COMPARE_WITH_TIMEOUT(editor()->state(), OwnProfileView::State::Editing, 15000);
        QVERIFY(!editor()->exists());
        QCOMPARE(find<StateStack>(u"ownProfileStates"_s)->state(), StateStack::State::Content);
        QVERIFY(find<QLabel>(u"ownProfileIntro"_s)->text().contains(u"no creator profile yet"_s));

        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        find<QLineEdit>(u"ownDisplayName"_s)->clear();
        auto *rates = find<QTableWidget>(u"ownRates"_s);
        rates->item(0, 1)->setText(u"12.345"_s); // a third decimal for EUR
        rates->item(0, 2)->setText(u"EUR"_s);
        QTest::mouseClick(find<QPushButton>(u"saveProfileButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QCOMPARE(editor()->state(), OwnProfileView::State::Editing);
        QCOMPARE(editor()->fieldError(u"displayName"_s), u"Please fill this in."_s);
        // The country is picked from a list of names: nothing wrong can be typed there.
        QVERIFY(editor()->fieldError(u"country"_s).isEmpty());
        // So are the languages.
        QVERIFY(editor()->fieldError(u"languages"_s).isEmpty());
        QVERIFY(!editor()->fieldError(u"rates"_s).isEmpty());
        QVERIFY(editor()->fieldError(u"bio"_s).isEmpty());
        QVERIFY(find<QLabel>(u"error-displayName"_s)->isVisible());
        QCOMPARE(find<QLabel>(u"ownProfileStatus"_s)->text(),
                u"Please correct the marked fields."_s);
        saveScreenshot(m_window.get(), u"own-profile-invalid"_s);
        record(stalls);
    }

    void serverFieldErrorsLandOnTheirFields()
    {
        // A body the client would never send, straight to the server: its 422 problem's
        // fields appear next to the form's fields.
        const QJsonObject body{{u"displayName"_s, u""_s}, {u"country"_s, u"xx"_s},
                {u"rates"_s,
                        QJsonArray{QJsonObject{{u"type"_s, u"post"_s}, {u"amountMinor"_s, -5},
                                {u"currency"_s, u"EUR"_s}}}}};
        const tests::HttpReply reply =
                m_http->send("PUT", u"/api/v1/me/influencer"_s, QJsonDocument(body).toJson(),
                        bearer()
                                + QList<std::pair<QByteArray, QByteArray>>{
                                        {"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 422);
        const common::Error error = common::errorFromProblem(reply.status, reply.body);
        QCOMPARE(error.code, common::ErrorCode::ValidationFailed);
        editor()->showErrors(error);
        QCOMPARE(editor()->fieldError(u"displayName"_s), u"Please fill this in."_s);
        QCOMPARE(editor()->fieldError(u"country"_s), u"Pick the country from the list."_s);
        QVERIFY(!editor()->fieldError(u"rates"_s).isEmpty());
    }

    void editingTheProfileRoundTrips()
    {
        tests::StallMeter stalls;
        auto *name = find<QLineEdit>(u"ownDisplayName"_s);
        name->clear();
        name->setText(u"Jördis Example"_s); // keyClicks takes Latin-1 only
        find<QPlainTextEdit>(u"ownBio"_s)->setPlainText(u"Trail running and Alpine huts."_s);
        auto *niches = find<QListWidget>(u"ownNiches"_s);
        for (int i = 0; i < niches->count(); ++i) {
            const QString niche = niches->item(i)->data(Qt::UserRole).toString();
            niches->item(i)->setCheckState(
                    niche == u"outdoors"_s || niche == u"travel"_s ? Qt::Checked : Qt::Unchecked);
        }
        auto *country = find<QComboBox>(u"ownCountry"_s);
        QCOMPARE(country->itemData(0).toString(), QString()); // "not given" first
        QVERIFY(country->count() > 200);
        QVERIFY(country->itemText(country->findData(u"AT"_s)).startsWith(u"Austria"_s));
        country->setCurrentIndex(country->findData(u"AT"_s));
        // Languages by their own names: the filter finds German by its English name too. Checked
        // in this order, they are sent in it.
        auto *languages = find<QListWidget>(u"ownLanguages"_s);
        QVERIFY(languages->count() > 150);
        const auto item = [languages](const QString &code) -> QListWidgetItem * {
            for (int i = 0; i < languages->count(); ++i) {
                if (languages->item(i)->data(Qt::UserRole).toString() == code) {
                    return languages->item(i);
                }
            }
            return nullptr;
        };
        QVERIFY(item(u"de"_s) && item(u"en"_s));
        QCOMPARE(item(u"de"_s)->text(), u"Deutsch (de)"_s);
        QTest::keyClicks(find<QLineEdit>(u"ownLanguagesFilter"_s), u"germ"_s);
        QVERIFY(!item(u"de"_s)->isHidden());
        QVERIFY(item(u"en"_s)->isHidden());
        item(u"de"_s)->setCheckState(Qt::Checked);
        find<QLineEdit>(u"ownLanguagesFilter"_s)->clear();
        QVERIFY(!item(u"en"_s)->isHidden());
        item(u"en"_s)->setCheckState(Qt::Checked);
        QCOMPARE(find<QLabel>(u"ownLanguagesChosen"_s)->text(),
                u"Chosen: Deutsch (de), English (en)"_s);
        auto *rates = find<QTableWidget>(u"ownRates"_s);
        rates->item(0, 1)->setText(u"120.5"_s);
        rates->item(0, 2)->setText(u"eur"_s);
        rates->item(2, 1)->setText(u"99"_s);
        rates->item(2, 2)->setText(u"CHF"_s);

        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        QSignalSpy saved(editor(), &OwnProfileView::saved);
        QTest::mouseClick(find<QPushButton>(u"saveProfileButton"_s), Qt::LeftButton);
        QCOMPARE(editor()->state(), OwnProfileView::State::Saving);
        QCOMPARE(requests.count(), 1);
        QCOMPARE(requests.constFirst().at(0).value<ApiClient::Method>(), ApiClient::Method::Put);
        QVERIFY(saved.wait(15000));
        QCOMPARE(find<QLabel>(u"ownProfileStatus"_s)->text(), u"Saved."_s);
        QVERIFY(editor()->exists());
        QVERIFY(editor()->fieldError(u"displayName"_s).isEmpty());

        // What the server stored.
        const QJsonObject stored = m_http->get(u"/api/v1/me/influencer"_s, bearer()).json();
        QCOMPARE(stored.value(u"displayName"_s).toString(), u"Jördis Example"_s);
        QCOMPARE(stored.value(u"country"_s).toString(), u"AT"_s);
        QCOMPARE(stored.value(u"languages"_s).toArray(), QJsonArray({u"de"_s, u"en"_s}));
        const QJsonArray storedRates = stored.value(u"rates"_s).toArray();
        QCOMPARE(storedRates.size(), 2);
        bool post = false;
        for (const auto &rate : storedRates) {
            if (rate[u"type"_s] == u"post"_s) {
                post = true;
                QCOMPARE(rate[u"amountMinor"_s].toInteger(), 12050);
                QCOMPARE(rate[u"currency"_s].toString(), u"EUR"_s);
            }
        }
        QVERIFY(post);

        // Reloading from the server gives the same form.
        const QJsonObject before = editor()->formJson();
        QTest::mouseClick(find<QPushButton>(u"reloadProfileButton"_s), Qt::LeftButton);
        QCOMPARE(editor()->state(), OwnProfileView::State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(editor()->state(), OwnProfileView::State::Editing, 15000);
        QCOMPARE(editor()->formJson(), before);
        QCOMPARE(find<QLineEdit>(u"ownDisplayName"_s)->text(), u"Jördis Example"_s);
        QCOMPARE(rates->item(0, 1)->text(), u"120.50"_s);
        QCOMPARE(find<QComboBox>(u"ownCountry"_s)->currentData().toString(), u"AT"_s);
        saveScreenshot(m_window.get(), u"own-profile"_s);
        record(stalls);
    }

    void addAndRemoveAnAccount()
    {
        tests::StallMeter stalls;
        showPage(accounts());
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->state(), AccountsView::State::Loaded, 15000);
        QCOMPARE(accounts()->accounts().size(), 0);
        // No accounts: the shared empty state says what to do, in place of an empty table.
        auto *listStates = find<StateStack>(u"accountsStates"_s);
        QVERIFY(listStates);
        QCOMPARE(listStates->state(), StateStack::State::Empty);
        QVERIFY(find<QLabel>(u"accountsEmpty"_s)->text().startsWith(u"No accounts yet"_s));

        // An invalid handle is refused here.
        QSignalSpy requests(m_api.get(), &ApiClient::requestStarted);
        auto *handle = find<QLineEdit>(u"addHandleEdit"_s);
        QTest::keyClicks(handle, u"not a handle!"_s);
        QTest::mouseClick(find<QPushButton>(u"addAccountButton"_s), Qt::LeftButton);
        QCOMPARE(requests.count(), 0);
        QVERIFY(find<QLabel>(u"accountsMessage"_s)->text().startsWith(u"Enter a handle"_s));

        handle->clear();
        QTest::keyClicks(handle, u"@trail.runner"_s);
        auto *platform = find<QComboBox>(u"addPlatformBox"_s);
        platform->setCurrentIndex(platform->findData(u"youtube"_s));
        QTest::mouseClick(find<QPushButton>(u"addAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->accounts().size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->state(), AccountsView::State::Loaded, 15000);
        const common::ConnectedAccount account = accounts()->accounts().constFirst();
        QCOMPARE(account.handle, u"trail.runner"_s);
        QCOMPARE(listStates->state(), StateStack::State::Content);
        QCOMPARE(account.platform, common::Platform::YouTube);
        auto *table = find<QTableWidget>(u"ownAccountsTable"_s);
        QCOMPARE(table->item(0, 3)->text(), u"Added by hand"_s);
        const tests::HttpReply listed = m_http->get(u"/api/v1/connected-accounts"_s, bearer());
        QCOMPARE(listed.json().value(u"items"_s).toArray().size(), 1);

        // Remove: asks first; Cancel keeps it, Yes removes it.
        table->selectRow(0);
        QTest::mouseClick(find<QPushButton>(u"removeAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY(accounts()->confirmation() && accounts()->confirmation()->isVisible());
        QVERIFY(accounts()->confirmation()->text().contains(u"@trail.runner"_s));
        accounts()->confirmation()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!accounts()->confirmation());
        QCOMPARE(accounts()->accounts().size(), 1);
        table->selectRow(0);
        QTest::mouseClick(find<QPushButton>(u"removeAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY(accounts()->confirmation() && accounts()->confirmation()->isVisible());
        accounts()->confirmation()->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->accounts().size(), 0, 15000);
        QCOMPARE(m_http->get(u"/api/v1/connected-accounts"_s, bearer())
                         .json()
                         .value(u"items"_s)
                         .toArray()
                         .size(),
                0);
        record(stalls);
    }

    void needsReconnectionStandsOut()
    {
        // Two accounts, one of which the platform refused to refresh (set here directly: the
        // refresh failure itself is the server's tests' business).
        for (const QString &name : {u"first.account"_s, u"second.account"_s}) {
            find<QLineEdit>(u"addHandleEdit"_s)->setText(name);
            auto *platform = find<QComboBox>(u"addPlatformBox"_s);
            platform->setCurrentIndex(platform->findData(u"instagram"_s));
            const auto count = accounts()->accounts().size();
            QVERIFY(accounts()->addAccount());
            QTRY_COMPARE_WITH_TIMEOUT(accounts()->accounts().size(), count + 1, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(accounts()->state(), AccountsView::State::Loaded, 15000);
        }
        QVERIFY(m_db->execDirect(u"UPDATE connected_accounts SET status = 'needs_reconnect', "
                                 "external_id = 'ig-4242' WHERE handle = 'second.account'"_s));
        accounts()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->state(), AccountsView::State::Loaded, 15000);
        auto *banner = find<QLabel>(u"reconnectBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(u"1 account(s) need reconnection: instagram "
                                           "@second.account"_s)
                        || banner->text().startsWith(
                                u"1 account needs reconnection: instagram @second.account"_s),
                qPrintable(banner->text()));
        auto *table = find<QTableWidget>(u"ownAccountsTable"_s);
        QStringList statuses;
        for (int row = 0; row < table->rowCount(); ++row) {
            statuses.append(table->item(row, 3)->text());
        }
        QVERIFY2(statuses.contains(u"⚠ Needs reconnection"_s), qPrintable(statuses.join(u'|')));
        saveScreenshot(m_window.get(), u"accounts"_s);
    }

    void connectOpensTheConsentPage()
    {
        QList<QUrl> opened;
        accounts()->setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        auto *platform = find<QComboBox>(u"connectPlatformBox"_s);
        platform->setCurrentIndex(platform->findData(u"instagram"_s));
        QTest::mouseClick(find<QPushButton>(u"connectAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
        const QUrl url = opened.constFirst();
        QVERIFY2(url.toString().startsWith(QString::fromLatin1(kConsentPage)),
                qPrintable(url.toString()));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(u"client_id"_s), u"ig-client"_s);
        QVERIFY(!query.queryItemValue(u"state"_s).isEmpty());
        QVERIFY2(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)
                         .endsWith(u"/api/v1/connected-accounts/instagram/callback"_s),
                qPrintable(url.toString()));
        QVERIFY(find<QLabel>(u"accountsMessage"_s)->text().startsWith(u"Finish connecting"_s));

        // A platform the server cannot connect says so.
        platform->setCurrentIndex(platform->findData(u"tiktok"_s));
        QTest::mouseClick(find<QPushButton>(u"connectAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                find<QLabel>(u"accountsMessage"_s)->text().startsWith(u"The server cannot"_s),
                15000);
        QCOMPARE(opened.size(), 1);
    }

    void ownProfilePageWithoutHistory()
    {
        tests::StallMeter stalls;
        m_window->openCreator(m_session->user().id.toString(QUuid::WithoutBraces));
        auto *page = m_window->creatorPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->state() == desktop::CreatorProfileView::State::Loaded
                        && !page->metricsLoading(),
                15000);
        QCOMPARE(find<QLabel>(u"creatorName"_s)->text(), u"Jördis Example"_s);
        QCOMPARE(page->profile().accounts.size(), 2);
        QCOMPARE(find<QLabel>(u"metricsStatus"_s)->text(), u"No metric history yet."_s);
        // No chart with made-up axes (1970, 0 to 1): each account and the total say why.
        QCOMPARE(page->accountChartStates().size(), 2);
        for (StateStack *states : page->accountChartStates()) {
            QCOMPARE(states->state(), StateStack::State::Empty);
        }
        QCOMPARE(page->combinedStates()->state(), StateStack::State::Empty);
        QVERIFY(!page->combinedChart()->isVisible());
        QVERIFY(find<QLabel>(page->combinedStates(), u"historyEmpty"_s)->isVisible());
        // Rates in the user's locale: English formats the amount with a decimal point.
        QVERIFY2(find<QLabel>(u"ratesValue"_s)->text().contains(u"120.50"_s),
                qPrintable(find<QLabel>(u"ratesValue"_s)->text()));
        record(stalls);
    }

    void partialAndStaleHistory()
    {
        // One account has 40 days of figures ending 20 days ago, the other none; the header
        // counts both (12,345 + 5,000).
        QVERIFY(m_db->execDirect(
                u"INSERT INTO account_metrics (account_id, day, followers) "
                "SELECT id, current_date - 20 - g, 12345 - 10 * g FROM connected_accounts, "
                "generate_series(0, 39) AS g WHERE handle = 'first.account'"_s));
        QVERIFY(m_db->execDirect(u"UPDATE connected_accounts SET followers = 12345 "
                                 "WHERE handle = 'first.account'"_s));
        QVERIFY(m_db->execDirect(u"UPDATE connected_accounts SET followers = 5000 "
                                 "WHERE handle = 'second.account'"_s));
        m_window->openCreator(m_session->user().id.toString(QUuid::WithoutBraces));
        auto *page = m_window->creatorPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->state() == desktop::CreatorProfileView::State::Loaded
                        && !page->metricsLoading(),
                15000);
        QCOMPARE(page->profile().totalFollowers, 17345);
        QVERIFY(find<QLabel>(u"creatorSummary"_s)->text().startsWith(u"17,345 followers"_s));

        // The account without figures says so; the other one is drawn.
        const QList<common::ConnectedAccount> accounts = page->profile().accounts;
        const QList<StateStack *> states = page->accountChartStates();
        QCOMPARE(states.size(), 2);
        for (int i = 0; i < accounts.size(); ++i) {
            QCOMPARE(states.at(i)->state(),
                    accounts.at(i).handle == u"first.account"_s ? StateStack::State::Content
                                                                : StateStack::State::Empty);
        }
        QCOMPARE(page->combinedStates()->state(), StateStack::State::Content);

        // The total adds up what it can and says what that is, beside the header's figure.
        auto *total =
                qobject_cast<QLineSeries *>(page->combinedChart()->chart()->series().constFirst());
        QVERIFY(total);
        QCOMPARE(total->name(), u"Total of 1 of 2 accounts"_s);
        QCOMPARE(static_cast<qint64>(total->points().constLast().y()), 12345);
        auto *note = find<QLabel>(u"totalNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"12,345 of 17,345 followers"_s)
                        && note->text().contains(u"@second.account"_s),
                qPrintable(note->text()));

        // Twenty days without figures is said in words.
        auto *stale = find<QLabel>(u"staleNote"_s);
        QVERIFY(stale->isVisible());
        const QString lastDay =
                QLocale().toString(QDate::currentDate().addDays(-20), QLocale::ShortFormat);
        QVERIFY2(stale->text().contains(u"out of date"_s) && stale->text().contains(lastDay)
                        && stale->text().contains(u"20 days ago"_s),
                qPrintable(stale->text()));

        // The legend names every line whole, beside what is wrong with its figures; QChart's own
        // (which cut the names off in the narrow chart) is hidden.
        QVERIFY(!page->combinedChart()->chart()->legend()->isVisible());
        const desktop::ChartLegend *legend = page->combinedLegend();
        QVERIFY(legend->isVisible());
        const QList<desktop::ChartLegend::Entry> entries = legend->entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).name, u"Total of 1 of 2 accounts"_s);
        QCOMPARE(entries.at(0).color, total->color());
        for (const auto &entry : entries.mid(1)) {
            if (entry.name == u"Instagram @first.account"_s) {
                QCOMPARE(entry.status, u"last figures %1"_s.arg(lastDay));
            } else {
                QCOMPARE(entry.name, u"Instagram @second.account"_s);
                QCOMPARE(entry.status, u"no figures in this period"_s);
            }
        }
        QVERIFY2(legend->text().contains(u"Instagram&nbsp;@second.account"_s),
                qPrintable(legend->text()));
        // Its export carries the legend under the chart.
        const QString exported = tests::outputDir() + u"/creator-partial-history-chart.png"_s;
        // (Laid out first: the legend's text has just changed.)
        QTRY_VERIFY_WITH_TIMEOUT(
                page->combinedBox()->height() >= page->combinedChart()->height() + legend->height(),
                tests::kTimeout);
        QVERIFY(desktop::CreatorProfileView::exportChart(page->combinedBox(), exported));
        const QImage image(exported);
        QVERIFY2(image.height() >= page->combinedChart()->height() + legend->height(),
                qPrintable(u"%1 %2 %3"_s.arg(image.height())
                                   .arg(page->combinedChart()->height())
                                   .arg(legend->height())));

        // The count axis groups thousands in the user's locale.
        QStringList labels;
        const QList<QGraphicsItem *> items = page->combinedChart()->scene()->items();
        for (QGraphicsItem *item : items) {
            if (auto *text = dynamic_cast<QGraphicsTextItem *>(item)) {
                labels.append(text->toPlainText());
            }
        }
        const QRegularExpression grouped(u"^\\d{1,3}(,\\d{3})+$"_s);
        QVERIFY2(std::any_of(labels.cbegin(), labels.cend(),
                         [&grouped](const QString &label) {
                             return grouped.match(label).hasMatch();
                         }),
                qPrintable(labels.join(u" | "_s)));

        // "All" names the dates of the figures, not the three years it asks for.
        page->setRange(desktop::CreatorProfileView::Range::All);
        QTRY_VERIFY_WITH_TIMEOUT(!page->metricsLoading(), 15000);
        const QString status = find<QLabel>(u"metricsStatus"_s)->text();
        const QDate first = QDateTime::fromMSecsSinceEpoch(
                static_cast<qint64>(total->points().constFirst().x()), Qt::UTC)
                                    .date();
        QVERIFY2(status.contains(QLocale().toString(first, QLocale::ShortFormat))
                        && !status.contains(
                                QLocale().toString(page->currentSpan().from, QLocale::ShortFormat)),
                qPrintable(status));
        QVERIFY(first >= QDate::currentDate().addDays(-66));
        saveScreenshot(m_window.get(), u"creator-partial-history"_s);
        page->setRange(desktop::CreatorProfileView::Range::Days90);
        QTRY_VERIFY_WITH_TIMEOUT(!page->metricsLoading(), 15000);
    }

    void settingsSwitchLanguage()
    {
        auto *settings = m_window->settingsPage();
        showPage(settings);
        auto *signOut = find<QPushButton>(u"settingsSignOutButton"_s);
        QCOMPARE(sidebarItem(m_window->discoveryPage())->text(), u"Discovery"_s);
        QCOMPARE(sidebarItem(settings)->text(), u"Settings"_s);
        QCOMPARE(signOut->text(), u"Sign &out"_s);
        QCOMPARE(find<QPushButton>(u"saveProfileButton"_s)->text(), u"&Save"_s);
        saveScreenshot(m_window.get(), u"settings"_s);

        auto *language = find<QComboBox>(u"languageBox"_s);
        language->setCurrentIndex(language->findData(u"de"_s));
        QCOMPARE(m_languages->current(), u"de"_s);
        QTRY_COMPARE(sidebarItem(m_window->discoveryPage())->text(), u"Entdecken"_s);
        QCOMPARE(sidebarItem(settings)->text(), u"Einstellungen"_s);
        QCOMPARE(signOut->text(), u"&Abmelden"_s);
        QCOMPARE(find<QPushButton>(u"saveProfileButton"_s)->text(), u"&Speichern"_s);
        QCOMPARE(m_window->findChild<QAction *>(u"language-de"_s)->isChecked(), true);
        saveScreenshot(m_window.get(), u"settings-de"_s);
        showPage(accounts());
        QTRY_COMPARE_WITH_TIMEOUT(accounts()->state(), AccountsView::State::Loaded, 15000);
        saveScreenshot(m_window.get(), u"accounts-de"_s);
        showPage(editor());
        // Countries and niches by name in German: the names come from iso-codes, read on a
        // worker thread, and the page shows them once they are in.
        auto *country = find<QComboBox>(u"ownCountry"_s);
        QCOMPARE(country->currentData().toString(), u"AT"_s);
        QTRY_COMPARE(country->currentText(), u"Österreich (AT)"_s);
        QCOMPARE(country->itemText(0), u"Nicht angegeben"_s);
        auto *niches = find<QListWidget>(u"ownNiches"_s);
        for (int i = 0; i < niches->count(); ++i) {
            if (niches->item(i)->data(Qt::UserRole).toString() == u"outdoors"_s) {
                QCOMPARE(niches->item(i)->text(), u"Outdoor"_s);
            }
        }
        // Prices on screen are rewritten in German: 120.50 must not become 12 050 (the dot
        // groups thousands in German).
        auto *rates = find<QTableWidget>(u"ownRates"_s);
        QCOMPARE(rates->item(0, 1)->text(), u"120,50"_s);
        QCOMPARE(editor()->formJson()
                         .value(u"rates"_s)
                         .toArray()
                         .at(0)[u"amountMinor"_s]
                         .toInteger(),
                12050);
        saveScreenshot(m_window.get(), u"own-profile-de"_s);
        // The profile's notes and chart axes follow the language (still the partial history).
        auto *creator = m_window->creatorPage();
        showPage(creator);
        QTRY_VERIFY_WITH_TIMEOUT(!creator->metricsLoading(), 15000);
        QCOMPARE(creator->combinedChart()->chart()->locale(), QLocale(u"de"_s));
        QVERIFY(creator->combinedChart()->chart()->localizeNumbers());
        auto *time = qobject_cast<QDateTimeAxis *>(
                creator->combinedChart()->chart()->axes(Qt::Horizontal).constFirst());
        QVERIFY(time);
        QCOMPARE(time->format(), QLocale(u"de"_s).dateFormat(QLocale::ShortFormat));
        QVERIFY2(find<QLabel>(u"totalNote"_s)->text().contains(u"12.345 von 17.345 Followern"_s),
                qPrintable(find<QLabel>(u"totalNote"_s)->text()));
        QVERIFY(find<QLabel>(u"staleNote"_s)->text().startsWith(u"Diese Zahlen sind veraltet"_s));
        saveScreenshot(m_window.get(), u"creator-partial-history-de"_s);

        // Back to English from the menu; the settings page follows.
        m_window->findChild<QAction *>(u"language-en"_s)->trigger();
        QTRY_COMPARE(sidebarItem(m_window->discoveryPage())->text(), u"Discovery"_s);
        QTRY_COMPARE(country->currentText(), u"Austria (AT)"_s);
        QCOMPARE(signOut->text(), u"Sign &out"_s);
        QCOMPARE(language->currentData().toString(), u"en"_s);
    }

    void settingsSignOut()
    {
        showPage(m_window->settingsPage());
        QTest::mouseClick(find<QPushButton>(u"settingsSignOutButton"_s), Qt::LeftButton);
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        QTRY_VERIFY(m_window->signInDialog()->isVisible());
    }
};

QTEST_MAIN(TestDesktopCreator)
#include "tst_desktop_creator.moc"
