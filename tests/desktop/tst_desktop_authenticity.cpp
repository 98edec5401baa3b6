// SPDX-License-Identifier: Apache-2.0
// Authenticity in the desktop app against a real server seeded with demo creators (offscreen):
// discovery's Authenticity column shows the API's scores, sorts by them on the server, and the
// minimum-authenticity filter narrows the result exactly as the API does for the same filter
// (kept by Back, named by the empty state, cleared by Reset); a creator profile shows each
// account's score and its reasons in the user's language, with the caveat, and each account's
// follower chart marks the API's events in range (a scatter series per kind, coloured by kind,
// the reason on hover). The GUI thread never freezes waiting.
#include "DesktopTestSupport.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/DiscoveryView.h"
#include "profiles/AuthenticityMarkers.h"
#include "profiles/AuthenticityPanel.h"
#include "profiles/CreatorProfileView.h"
#include "widgets/CsvExport.h"

#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::common::AuthenticityEvent;
using influence::desktop::AuthenticityMarkers;
using influence::desktop::AuthenticityText;
using influence::desktop::CreatorProfileView;
using influence::desktop::DiscoveryModel;
using influence::desktop::DiscoveryView;
using influence::desktop::Session;
using influence::tests::saveScreenshot;

class TestDesktopAuthenticity : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    DiscoveryView *discoveryPage() { return m_window->discoveryPage(); }
    DiscoveryModel *model() { return discoveryPage()->model(); }
    CreatorProfileView *profilePage() { return m_window->creatorPage(); }

    void waitLoaded()
    {
        QTRY_COMPARE_WITH_TIMEOUT(model()->state(), DiscoveryModel::State::Loaded, tests::kTimeout);
    }

    QJsonObject apiGet(const QString &path) { return get(path, m_token); }

    /// The ids and scores (-1: none) of an API answer's items.
    static QList<std::pair<QString, int>> scores(const QJsonObject &answer)
    {
        QList<std::pair<QString, int>> list;
        for (const QJsonValue &item : answer.value(u"items"_s).toArray()) {
            const QJsonValue score = item.toObject().value(u"authenticityScore"_s);
            list.append({item.toObject().value(u"id"_s).toString(),
                    score.isDouble() ? score.toInt() : -1});
        }
        return list;
    }

    /// The rows on screen as (id, the Authenticity cell read back, -1 for "–").
    QList<std::pair<QString, int>> shownScores()
    {
        QList<std::pair<QString, int>> list;
        for (int row = 0; row < model()->rowCount(); ++row) {
            const QString cell =
                    model()->index(row, DiscoveryModel::Authenticity).data().toString();
            bool ok = false;
            const int score = QLocale().toInt(cell, &ok);
            list.append({model()->index(row, 0).data(DiscoveryModel::IdRole).toString(),
                    ok ? score : (cell == DiscoveryModel::missingFigure() ? -1 : -2)});
        }
        return list;
    }

    /// A creator with the lowest scores whose accounts have events other than organic spikes in
    /// the last 90 days, found over the API (the seeder plants bought-follower steps).
    QString creatorWithEvents()
    {
        QStringList lowest;
        QString cursor;
        QList<std::pair<QString, int>> all;
        do {
            QUrlQuery query;
            query.addQueryItem(u"sort"_s, u"authenticity"_s);
            query.addQueryItem(u"limit"_s, u"100"_s);
            if (!cursor.isEmpty()) {
                query.addQueryItem(u"cursor"_s, cursor);
            }
            const QJsonObject page = apiGet(u"/api/v1/influencers?"_s + query.toString());
            all.append(scores(page));
            cursor = page.value(u"nextCursor"_s).toString();
        } while (!cursor.isEmpty());
        std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            return a.second < b.second;
        });
        const QDate from =
                CreatorProfileView::span(CreatorProfileView::Range::Days90, QDate::currentDate())
                        .from;
        for (const auto &[id, score] : std::as_const(all)) {
            if (score < 0) {
                continue;
            }
            const QJsonObject profile = apiGet(u"/api/v1/influencers/"_s + id);
            for (const QJsonValue &account : profile.value(u"accounts"_s).toArray()) {
                for (const QJsonValue &event :
                        account.toObject().value(u"authenticityEvents"_s).toArray()) {
                    const QJsonObject e = event.toObject();
                    if (e.value(u"kind"_s).toString() != u"organic_spike"_s
                            && QDate::fromString(e.value(u"day"_s).toString(), Qt::ISODate)
                                    >= from) {
                        return id;
                    }
                }
            }
        }
        return {};
    }

    /// Each account's API events from `from` to `to`.
    int apiEventsInRange(const QJsonObject &account, QDate from, QDate to)
    {
        int count = 0;
        for (const QJsonValue &event : account.value(u"authenticityEvents"_s).toArray()) {
            const QDate day =
                    QDate::fromString(event.toObject().value(u"day"_s).toString(), Qt::ISODate);
            count += day >= from && day <= to ? 1 : 0;
        }
        return count;
    }

    /// The wrapped label `name` is as tall as its text needs (none of it cut off).
    void fitsItsText(const QString &name)
    {
        auto *label = find<QLabel>(name);
        QVERIFY(label);
        QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                qPrintable(u"%1: %2 < %3"_s.arg(name)
                                   .arg(label->height())
                                   .arg(label->heightForWidth(label->width()))));
    }

    void waitForProfile()
    {
        QTRY_VERIFY_WITH_TIMEOUT(profilePage()->state() == CreatorProfileView::State::Loaded
                        && !profilePage()->metricsLoading(),
                tests::kTimeout);
    }

    /// Every account chart has as many markers as the API has events in the span shown, each
    /// kind in its own colour.
    void markersMatchTheApi(const QJsonObject &profile, int *shown)
    {
        const CreatorProfileView::Span span = profilePage()->currentSpan();
        const QJsonArray accounts = profile.value(u"accounts"_s).toArray();
        const QList<QChartView *> charts = profilePage()->accountCharts();
        QCOMPARE(charts.size(), accounts.size());
        *shown = 0;
        for (int i = 0; i < accounts.size(); ++i) {
            AuthenticityMarkers *markers = AuthenticityMarkers::of(charts.at(i));
            const int expected = apiEventsInRange(accounts.at(i).toObject(), span.from, span.to);
            QCOMPARE(markers->count(), expected);
            int inSeries = 0;
            for (const auto kind : {AuthenticityEvent::Kind::FollowerStep,
                         AuthenticityEvent::Kind::OrganicSpike, AuthenticityEvent::Kind::Churn}) {
                if (QScatterSeries *series = markers->series(kind)) {
                    QCOMPARE(series->color(), AuthenticityText::color(kind));
                    QVERIFY(charts.at(i)->chart()->series().contains(series));
                    inSeries += static_cast<int>(series->count());
                }
            }
            QCOMPARE(inSeries, expected);
            *shown += expected;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        tests::TestServer::Options options;
        options.demoData = true;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        const QString email = signUp(u"brand"_s);
        QVERIFY(!email.isEmpty());
        m_token = login(email);
        QVERIFY(!m_token.isEmpty());
        QVERIFY(startApp());
        signInAs(email);
        m_window->showPage(m_window->discoveryPage());
        waitLoaded();
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the authenticity flows"_s);
        stop();
    }

    void columnShowsTheApiScoresAndSortsByThem()
    {
        // The default order: the column's cells are the API's scores for the same page. (The
        // test's own HTTP calls block the event loop: no stall meter runs across them.)
        QCOMPARE(shownScores(), scores(apiGet(u"/api/v1/influencers?limit=50"_s)));
        const auto expected = scores(apiGet(u"/api/v1/influencers?sort=authenticity&limit=50"_s));
        QHeaderView *header = find<QTableView>(u"discoveryTable"_s)->horizontalHeader();
        QVERIFY(!header->isSectionHidden(DiscoveryModel::Authenticity));
        QCOMPARE(model()->headerData(DiscoveryModel::Authenticity, Qt::Horizontal, Qt::DisplayRole)
                         .toString(),
                u"Authenticity"_s);
        // A click on its header asks the server for its order, the highest first.
        tests::StallMeter stalls;
        const QPoint middle(header->sectionViewportPosition(DiscoveryModel::Authenticity)
                        + header->sectionSize(DiscoveryModel::Authenticity) / 2,
                header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().sort, u"authenticity"_s, 2000);
        waitLoaded();
        record(stalls);
        QCOMPARE(find<QComboBox>(u"sortBox"_s)->currentData().toString(), u"authenticity"_s);
        QCOMPARE(header->sortIndicatorSection(), int(DiscoveryModel::Authenticity));
        const QList<std::pair<QString, int>> shown = shownScores();
        QCOMPARE(shown, expected);
        QVERIFY(std::is_sorted(shown.crbegin(), shown.crend(), [](const auto &a, const auto &b) {
            return a.second < b.second;
        }));
        QVERIFY(shown.constFirst().second >= 0);
    }

    void filterNarrowsAsTheApiDoes()
    {
        const qint64 unfiltered = model()->total();
        const QJsonObject answer =
                apiGet(u"/api/v1/influencers?minAuthenticity=90&sort=authenticity&limit=50"_s);
        tests::StallMeter stalls;
        auto *minimum = find<QSpinBox>(u"minAuthenticityBox"_s);
        QVERIFY(minimum);
        QCOMPARE(minimum->text(), u"Any"_s);
        minimum->setValue(90);
        QVERIFY(!model()->query().minAuthenticity); // debounced
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().minAuthenticity, std::optional<int>(90), 2000);
        waitLoaded();
        QCOMPARE(shownScores(), scores(answer));
        QCOMPARE(model()->total(), answer.value(u"total"_s).toInteger());
        QVERIFY2(model()->total() > 0 && model()->total() < unfiltered,
                qPrintable(u"%1 of %2"_s.arg(model()->total()).arg(unfiltered)));
        for (const auto &[id, score] : shownScores()) {
            QVERIFY2(score >= 90, qPrintable(id));
        }
        // A screenshot renders the whole window at once: not the app's doing, not measured.
        record(stalls);
        saveScreenshot(m_window.get(), u"discovery-authenticity"_s);
        stalls.reset();
        // The export names the filter.
        const QList<QStringList> csv = desktop::Csv::parse(discoveryPage()->csv());
        QVERIFY(csv.contains(QStringList{u"Authenticity at least"_s, u"90"_s}));

        // Back and Forward keep it.
        const common::DiscoveryQuery filtered = model()->query();
        m_window->openCreator(model()->index(0, 0).data(DiscoveryModel::IdRole).toString());
        QVERIFY(m_window->goBack());
        QCOMPARE(m_window->currentPage(), discoveryPage());
        QCOMPARE(minimum->value(), 90);
        waitLoaded();
        QCOMPARE(model()->query(), filtered);
        record(stalls);
        stalls.reset();

        // With nothing left, the empty state names the filter.
        find<QLineEdit>(u"searchEdit"_s)->setText(u"nobody-is-called-this"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model()->query().text, u"nobody-is-called-this"_s, 2000);
        waitLoaded();
        QCOMPARE(model()->rowCount(), 0);
        const QString empty = find<QLabel>(u"discoveryEmpty"_s)->text();
        QVERIFY2(empty.contains(u"authenticity score of at least 90"_s), qPrintable(empty));
        record(stalls);
        saveScreenshot(m_window.get(), u"discovery-authenticity-empty"_s);
        stalls.reset();

        // Reset clears it with the others, in one search.
        QTest::mouseClick(find<QPushButton>(u"resetFiltersButton"_s), Qt::LeftButton);
        QCOMPARE(model()->query(), common::DiscoveryQuery());
        QCOMPARE(minimum->value(), 0);
        waitLoaded();
        QCOMPARE(model()->total(), unfiltered);
        record(stalls);
    }

    void profileShowsReasonsAndMarkers()
    {
        const QString id = creatorWithEvents();
        QVERIFY2(!id.isEmpty(), "the seeded creators have bought-follower steps");
        const QJsonObject profile = apiGet(u"/api/v1/influencers/"_s + id);

        tests::StallMeter stalls;
        m_window->openCreator(id);
        waitForProfile();
        QCOMPARE(profilePage()->range(), CreatorProfileView::Range::Days90);
        desktop::AuthenticityPanel *panel = profilePage()->authenticity();
        QVERIFY(panel->isVisible());
        // The aggregate score, and each account's with one line per event that lowers it: as
        // many as the API's reasons.
        const QJsonValue score = profile.value(u"authenticityScore"_s);
        QVERIFY(score.isDouble());
        QVERIFY2(panel->scoreText().contains(u"%1 of 100"_s.arg(score.toInt())),
                qPrintable(panel->scoreText()));
        const QString reasons = panel->reasonsText();
        int reasonLines = 0;
        for (const QString &line : reasons.split(u'\n')) {
            reasonLines += line.startsWith(u"• Followers"_s) ? 1 : 0;
        }
        QCOMPARE(reasonLines, profile.value(u"authenticityReasons"_s).toArray().size());
        for (const common::ConnectedAccount &account : profilePage()->profile().accounts) {
            QVERIFY2(reasons.contains(u"@%1: "_s.arg(account.handle)), qPrintable(reasons));
            for (const AuthenticityEvent &event : account.authenticityEvents) {
                if (event.kind != AuthenticityEvent::Kind::OrganicSpike) {
                    // The server's English words, made here from the event's facts.
                    const QString text = AuthenticityText::reason(event);
                    QVERIFY2(reasons.contains(text), qPrintable(text));
                    QVERIFY(event.reason.startsWith(u"followers "_s));
                }
            }
        }
        const QString caveat = find<QLabel>(u"authenticityCaveat"_s)->text();
        QVERIFY2(
                caveat.contains(u"giveaway"_s) && caveat.contains(u"advert"_s), qPrintable(caveat));

        int markers = 0;
        markersMatchTheApi(profile, &markers);
        if (QTest::currentTestFailed()) {
            return;
        }
        QVERIFY2(markers > 0, "the creator has events in the last 90 days");
        record(stalls);

        // Hovering a marker tells its reason.
        auto *tabs = find<QTabWidget>(u"accountCharts"_s);
        const QList<QChartView *> charts = profilePage()->accountCharts();
        for (int i = 0; i < charts.size(); ++i) {
            AuthenticityMarkers *marks = AuthenticityMarkers::of(charts.at(i));
            QScatterSeries *steps = marks->series(AuthenticityEvent::Kind::FollowerStep);
            if (!steps || steps->count() == 0) {
                steps = marks->series(AuthenticityEvent::Kind::Churn);
            }
            if (!steps || steps->count() == 0) {
                continue;
            }
            tabs->setCurrentIndex(i);
            const QPointF point = steps->at(0);
            Q_EMIT steps->hovered(point, true);
            const QString tip = marks->toolTipAt(point);
            QVERIFY2(tip.contains(u"without more views or engagement"_s)
                            || tip.contains(u"fell back within days"_s),
                    qPrintable(tip));
            QTRY_COMPARE(QToolTip::text(), tip);
            saveScreenshot(charts.at(i), u"creator-authenticity-markers"_s);
            Q_EMIT steps->hovered(point, false);
            break;
        }
        fitsItsText(u"authenticityCaveat"_s);
        fitsItsText(u"authenticityReasons"_s);
        // The panel is under the charts, full width: scrolled to for the screenshot.
        auto *scroll = profilePage()->findChild<QScrollArea *>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(panel);
        saveScreenshot(m_window.get(), u"creator-authenticity"_s);

        // A longer range: the events of the year, on weekly periods.
        tests::StallMeter yearStalls;
        find<QComboBox>(u"rangeBox"_s)
                ->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Year));
        waitForProfile();
        record(yearStalls);
        int yearMarkers = 0;
        markersMatchTheApi(profile, &yearMarkers);
        QVERIFY(yearMarkers >= markers);
        find<QComboBox>(u"rangeBox"_s)
                ->setCurrentIndex(static_cast<int>(CreatorProfileView::Range::Days90));
        waitForProfile();
    }

    void reasonsFollowTheLanguage()
    {
        desktop::AuthenticityPanel *panel = profilePage()->authenticity();
        const QString english = panel->reasonsText();
        QVERIFY(m_languages->apply(u"de"_s));
        QTRY_VERIFY(panel->reasonsText() != english);
        const QString german = panel->reasonsText();
        QVERIFY2(german.contains(u"von 100"_s), qPrintable(german));
        QVERIFY2(german.contains(u"Follower"_s), qPrintable(german));
        QVERIFY2(!german.contains(u"without"_s), qPrintable(german));
        QVERIFY(find<QLabel>(u"authenticityCaveat"_s)->text().contains(u"Gewinnspiel"_s));
        // The longer German sentences get their room once the page is laid out again.
        fitsItsText(u"authenticityCaveat"_s);
        fitsItsText(u"authenticityScore"_s);
        saveScreenshot(m_window.get(), u"creator-authenticity-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
        QTRY_COMPARE(panel->reasonsText(), english);
    }

private:
    QString m_token;
};

QTEST_MAIN(TestDesktopAuthenticity)
#include "tst_desktop_authenticity.moc"
