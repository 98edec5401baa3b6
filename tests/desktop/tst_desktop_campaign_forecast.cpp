// SPDX-License-Identifier: Apache-2.0
// The campaign forecast on the desktop against a real server (offscreen), signed in as the
// brand: targets are typed into the campaign dialog (a bad one is shown at its field and not
// sent; good ones reach the server), and the campaign page's Forecast tab shows what the
// server's forecast says — every total and range of its table, each target's sentence and bar,
// the deliverable left out for want of history — with the GUI never blocked while it loads; a
// campaign with nothing to forecast shows the empty state, a forecast the server refuses the
// error state. Screenshots at 1600×1000 in English and German.
#include "MoneyTestSupport.h"
#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignForecastTab.h"
#include "campaigns/CampaignPage.h"
#include "campaigns/CampaignsView.h"
#include "widgets/StateStack.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::CampaignForecastTab;
using influence::tests::kTimeout;
using influence::tests::saveScreenshot;
using influence::tests::terms;

class TestDesktopCampaignForecast : public QObject, public tests::MoneyFixture
{
    Q_OBJECT

private:
    QString m_campaignId;
    Creator m_lena; ///< three past posts; an accepted reel not yet out
    Creator m_mika; ///< no past posts; his accepted reel is out and measured
    Creator m_jonas; ///< no past posts; an accepted reel not yet out (left out)
    Creator m_ina; ///< three past posts; only invited (proposed)

    CampaignForecastTab *tab() { return find<CampaignForecastTab>(u"campaignForecastTab"_s); }

    QVariant scalar(const QString &sql)
    {
        const server::db::SqlStatement statement(sql);
        const auto value = m_db->scalar(statement);
        return value ? *value : QVariant();
    }

    /// A post of the creator published `published` days from today (fulfilling `deliverable`
    /// if given) with lifetime totals yesterday: `views`, a tenth as engagements, 80 % reach.
    bool postWith(
            const Creator &creator, int published, qint64 views, const QString &deliverable = {})
    {
        const QString id = scalar(
                u"INSERT INTO posts (influencer_id, platform, kind, published_at, "
                "deliverable_id) VALUES ('%1', 'instagram', 'reel', now() + interval "
                "'%2 days', %3) RETURNING id"_s.arg(creator.profileId, QString::number(published),
                        deliverable.isEmpty() ? u"NULL"_s : u"'%1'"_s.arg(deliverable)))
                                   .toString();
        return !id.isEmpty()
                && m_db->execDirect(
                        u"INSERT INTO post_metrics (post_id, day, views, reach, likes, source) "
                        "VALUES ('%1', current_date - 1, %2, %3, %4, 'platform')"_s.arg(id,
                                QString::number(views), QString::number(views * 8 / 10),
                                QString::number(views / 10)));
    }

    QJsonObject forecastOnServer(const QString &campaign)
    {
        return get(u"/api/v1/campaigns/%1/forecast"_s.arg(campaign), brandToken());
    }

    static QString count(double value) { return QLocale().toString(qint64(std::llround(value))); }

    /// The table's cells equal the server's figures, as the user's locale writes them.
    void compareTable(const QJsonObject &answer)
    {
        QTableWidget *table = tab()->totalsTable();
        const QStringList figures{u"views"_s, u"engagements"_s, u"reach"_s};
        for (int row = 0; row < 3; ++row) {
            const QString figure = figures.at(row);
            QCOMPARE(table->item(row, CampaignForecastTab::SoFar)->text(),
                    count(answer[u"achieved"_s][figure].toDouble()));
            for (const auto &[total, expected, range80, range95] :
                    {std::tuple{u"accepted"_s, CampaignForecastTab::Expected,
                             CampaignForecastTab::Range80, CampaignForecastTab::Range95},
                            std::tuple{u"acceptedAndProposed"_s, CampaignForecastTab::ExpectedAll,
                                    CampaignForecastTab::Range80All,
                                    CampaignForecastTab::Range95All}}) {
                const QJsonObject i = answer[total][figure].toObject();
                QCOMPARE(table->item(row, expected)->text(), count(i[u"expected"_s].toDouble()));
                QCOMPARE(table->item(row, range80)->text(),
                        u"%1 – %2"_s.arg(
                                count(i[u"lo80"_s].toDouble()), count(i[u"hi80"_s].toDouble())));
                QCOMPARE(table->item(row, range95)->text(),
                        u"%1 – %2"_s.arg(
                                count(i[u"lo95"_s].toDouble()), count(i[u"hi95"_s].toDouble())));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_db = m_server->connect(u"campaign-forecast-desktop-test"_s);
        QVERIFY(m_db);
        const QString brandEmail = signUp(u"brand"_s);
        m_lena = newCreator(u"Lena Travels"_s);
        m_mika = newCreator(u"Mika Peaks"_s);
        m_jonas = newCreator(u"Jonas Trails"_s);
        m_ina = newCreator(u"Ina Runs"_s);
        QVERIFY(!m_ina.profileId.isEmpty());
        QVERIFY(startApp(QSize(1600, 1000)));
        signInAs(brandEmail);
        QVERIFY(brandProfile(brandToken(), u"Alpine Boots"_s));
        m_campaignId = launchedCampaign(u"Summit boots"_s, 1500000);
        QVERIFY(!m_campaignId.isEmpty());
        for (const int published : {-30, -20, -10}) {
            QVERIFY(postWith(m_lena, published, 1000 * (-published / 10)));
            QVERIFY(postWith(m_ina, published, 10000));
        }
        for (Creator *creator : {&m_lena, &m_mika, &m_jonas}) {
            const auto deal =
                    invite(m_campaignId, *creator, 10000, terms({{u"acceptance"_s, 100}}, 0));
            QCOMPARE(acceptInvitation(*creator, deal), 200);
            creator->dealId = deal.first;
        }
        QVERIFY(!invite(m_campaignId, m_ina, 10000, terms({{u"acceptance"_s, 100}}, 0))
                         .first.isEmpty());
        const QString mikasReel = scalar(
                u"SELECT dl.id FROM deliverables dl WHERE dl.deal_id = '%1'"_s.arg(m_mika.dealId))
                                          .toString();
        QVERIFY(postWith(m_mika, -3, 5000, mikasReel));
    }

    void cleanupTestCase()
    {
        reportStalls(u"while the forecast loads"_s);
        m_db.reset();
        stop();
    }

    void cleanup()
    {
        if (m_languages->current() != u"en"_s) {
            QVERIFY(m_languages->apply(u"en"_s));
        }
    }

    /// Targets typed in the campaign dialog: a bad one stays at its field, good ones are saved.
    void targetsFromTheDialog()
    {
        desktop::CampaignsView *campaigns = m_window->campaignsPage();
        showPage(campaigns);
        campaigns->reload();
        QTRY_COMPARE_WITH_TIMEOUT(
                campaigns->state(), desktop::CampaignsView::State::Loaded, kTimeout);
        campaigns->select(m_campaignId);
        desktop::CampaignDialog *dialog = campaigns->editSelected();
        QVERIFY(dialog);
        auto *views = find<QLineEdit>(dialog, u"campaignTargetViews"_s);
        auto *engagements = find<QLineEdit>(dialog, u"campaignTargetEngagements"_s);
        auto *maxCpe = find<QLineEdit>(dialog, u"campaignMaxCpe"_s);
        QVERIFY(views && engagements && maxCpe);
        // The targets arrive after the dialog opens; until then they can't be typed in.
        QTRY_VERIFY_WITH_TIMEOUT(views->isEnabled() && dialog->targetsKnown(), kTimeout);
        QVERIFY(views->text().isEmpty()); // none set yet
        views->setText(u"0"_s);
        maxCpe->setText(u"a lot"_s);
        QVERIFY(!dialog->submit());
        QVERIFY(!dialog->fieldError(u"targets"_s).isEmpty());
        QVERIFY(!dialog->fieldError(u"ceilings"_s).isEmpty());
        saveScreenshot(dialog, u"campaign-forecast-dialog-errors-en"_s);
        QVERIFY(get(u"/api/v1/campaigns/"_s + m_campaignId, brandToken())[u"targets"_s][u"views"_s]
                        .isNull());
        views->setText(u"7000"_s);
        engagements->setText(u"750"_s);
        maxCpe->setText(u"0.45"_s);
        QVERIFY(dialog->submit());
        const auto saved = [this] {
            return get(u"/api/v1/campaigns/"_s + m_campaignId, brandToken())[u"targets"_s]
                    .toObject();
        };
        QTRY_COMPARE_WITH_TIMEOUT(saved()[u"views"_s].toInt(), 7000, kTimeout);
        QCOMPARE(saved()[u"engagements"_s].toInt(), 750);
        QCOMPARE(saved()[u"maxCpeMinor"_s].toInt(), 45);
        QVERIFY(saved()[u"reach"_s].isNull());
        QVERIFY(saved()[u"maxCpmMinor"_s].isNull());
    }

    /// The Forecast tab shows the server's answer, number for number.
    void forecastTabShowsTheServersAnswer()
    {
        m_window->openCampaignPage(m_campaignId);
        desktop::CampaignPage *page = m_window->campaignPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->state(), desktop::CampaignPage::State::Loaded, kTimeout);
        QVERIFY(page->tabs()->isTabVisible(page->tabs()->indexOf(tab())));
        tests::StallMeter meter;
        page->tabs()->setCurrentWidget(tab());
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), CampaignForecastTab::State::Loaded, kTimeout);
        record(meter);
        QCOMPARE(tab()->states()->state(), desktop::StateStack::State::Content);
        const QJsonObject answer = forecastOnServer(m_campaignId);
        QCOMPARE(answer[u"achieved"_s][u"views"_s].toDouble(), 5000.0); // Mika's reel
        QCOMPARE(answer[u"deliverables"_s][u"withoutHistory"_s].toInt(), 1); // Jonas's
        compareTable(answer);
        // Each target: the sentence names the target and both chances; the bar the first.
        const QJsonArray targets = answer[u"targets"_s].toArray();
        QCOMPARE(targets.size(), 3);
        for (const auto &value : targets) {
            const QJsonObject t = value.toObject();
            const QString metric = t[u"metric"_s].toString();
            QLabel *label = tab()->targetLabel(metric);
            QProgressBar *bar = tab()->targetBar(metric);
            QVERIFY2(label && bar, qPrintable(metric));
            const double accepted = t[u"chanceAccepted"_s].toDouble();
            const double all = t[u"chanceWithProposed"_s].toDouble();
            QVERIFY2(label->text().contains(CampaignForecastTab::percent(accepted))
                            && label->text().contains(CampaignForecastTab::percent(all)),
                    qPrintable(label->text()));
            QCOMPARE(bar->value(), int(std::lround(accepted * 100)));
        }
        QVERIFY(tab()->targetLabel(u"views"_s)->text().contains(count(7000)));
        QVERIFY(tab()->targetLabel(u"cpeMinor"_s)->text().contains(eurText(45)));
        QVERIFY(tab()->notesText().contains(u"1 deliverable(s) are left out"_s));
        QVERIFY(tab()->notesText().contains(
                CampaignForecastTab::percent(answer[u"acceptance"_s][u"rate"_s].toDouble())));
        saveScreenshot(m_window.get(), u"campaign-forecast-en"_s);

        QVERIFY(m_languages->apply(u"de"_s));
        QTRY_VERIFY_WITH_TIMEOUT(tab()->windowTitle() == u"Prognose"_s, kTimeout);
        compareTable(answer); // the same figures, in German
        QVERIFY(tab()->targetLabel(u"views"_s)->text().contains(u"Chance"_s));
        // The targets' rows are made anew in German and shown a turn later, once laid out.
        QTRY_VERIFY_WITH_TIMEOUT(tab()->targetLabel(u"views"_s)->isVisible(), kTimeout);
        QTest::qWait(50);
        saveScreenshot(m_window.get(), u"campaign-forecast-de"_s);
    }

    /// Nothing to forecast: the empty state; a forecast the server refuses: the error state.
    void emptyAndErrorStates()
    {
        const QString bare = launchedCampaign(u"Nothing yet"_s, 1000);
        m_window->openCampaignPage(bare);
        desktop::CampaignPage *page = m_window->campaignPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->state() == desktop::CampaignPage::State::Loaded
                        && page->campaign() && page->campaign()->id == bare,
                kTimeout);
        page->tabs()->setCurrentWidget(tab());
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), CampaignForecastTab::State::Loaded, kTimeout);
        QCOMPARE(tab()->states()->state(), desktop::StateStack::State::Empty);

        common::Campaign gone = *page->campaign();
        gone.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        tab()->setCampaign(gone);
        tab()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(tab()->state(), CampaignForecastTab::State::Failed, kTimeout);
        QCOMPARE(tab()->states()->state(), desktop::StateStack::State::Error);
        QVERIFY(!tab()->states()->errorLabel()->text().isEmpty());
    }

private:
    static QString eurText(qint64 cents) { return tests::eur(cents); }
};

QTEST_MAIN(TestDesktopCampaignForecast)
#include "tst_desktop_campaign_forecast.moc"
