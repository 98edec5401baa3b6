// SPDX-License-Identifier: Apache-2.0
// The campaign forecast's bootstrap (server/forecast/CampaignForecast.cpp) on simulated
// creators, where the truth is known: each creator has a level of their own, their past posts
// and their campaign deliverables are drawn around it (log-normal, as views are), the past
// posts feed the forecast and the deliverables are held out. Over many creators, the share of
// held-out totals inside the 80 % interval is its coverage. Drawing each deliverable straight
// from a handful of past posts (one stage) ignores how roughly those posts pin down the
// creator's level, and the more deliverables a creator has the more that matters; resampling
// the past posts first (two stages, Davison & Hinkley 1997, ch. 3.8) should cover about as
// often as it claims. Also the acceptance weighting of proposals and the cost of a draw.
#include "forecast/CampaignForecast.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace influence::server::forecast;

namespace {

struct Coverage
{
    double oneStage = 0;
    double twoStage = 0;
};

/// The 80 % coverage of both methods over `creators` simulated creators with `history` past
/// posts and `deliverables` held-out deliverables each.
Coverage coverage(int creators, int history, int deliverables, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> level(std::log(5000.0), 1.0);
    constexpr double kSpread = 0.8; // of log views around the creator's level
    int inOne = 0;
    int inTwo = 0;
    for (int c = 0; c < creators; ++c) {
        std::lognormal_distribution<double> post(level(random), kSpread);
        std::vector<PostFigures> past;
        for (int i = 0; i < history; ++i) {
            const double views = post(random);
            past.push_back({views, views / 10, views * 0.8});
        }
        double truth = 0;
        for (int i = 0; i < deliverables; ++i) {
            truth += post(random);
        }
        SimulationInput input;
        for (int i = 0; i < deliverables; ++i) {
            input.deliverables.push_back({std::nullopt, &past});
        }
        const auto covered = [&](Bootstrap method) {
            const TotalForecast f = summarize(
                    simulateDraws(input, false, 600, seed + static_cast<std::uint64_t>(c), method));
            return f.lo80[0] <= truth && truth <= f.hi80[0];
        };
        inOne += covered(Bootstrap::OneStage) ? 1 : 0;
        inTwo += covered(Bootstrap::TwoStage) ? 1 : 0;
    }
    return {static_cast<double>(inOne) / creators, static_cast<double>(inTwo) / creators};
}

} // namespace

class TestCampaignForecastCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Eight past posts, six deliverables (a creator with a series of reels).
    void twoStagesCoverWhatOneStageMisses()
    {
        const Coverage c = coverage(300, 8, 6, 2026);
        qInfo("80 %% interval coverage, 8 past posts, 6 deliverables: one stage %.3f, two "
              "stages %.3f",
                c.oneStage, c.twoStage);
        QVERIFY2(c.oneStage < 0.72, qPrintable(QString::number(c.oneStage)));
        QVERIFY2(c.twoStage > c.oneStage + 0.05, qPrintable(QString::number(c.twoStage)));
        QVERIFY2(c.twoStage >= 0.70 && c.twoStage <= 0.88, qPrintable(QString::number(c.twoStage)));
    }

    /// One deliverable: both stages draw one past post alike; the same coverage within noise.
    void oneDeliverableIsTheSameEitherWay()
    {
        const Coverage c = coverage(300, 20, 1, 7);
        qInfo("80 %% interval coverage, 20 past posts, 1 deliverable: one stage %.3f, two "
              "stages %.3f",
                c.oneStage, c.twoStage);
        QVERIFY(std::abs(c.oneStage - c.twoStage) < 0.06);
        // Percentiles of 20 skewed posts fall a little short of 80 % (the sample rarely holds
        // the distribution's tails): near nominal, not at it.
        QVERIFY2(c.oneStage > 0.65, qPrintable(QString::number(c.oneStage)));
    }

    /// An offer accepted in a share of draws near the acceptance rate, with its fee.
    void proposalsCountByTheirChanceOfAcceptance()
    {
        const std::vector<PostFigures> past{{100, 10, 80}, {100, 10, 80}, {100, 10, 80}};
        SimulationInput input;
        input.achieved = {1000, 100, 800};
        input.acceptedCost = 500;
        input.offerFees = {300};
        input.acceptance = 0.25;
        input.deliverables = {{std::nullopt, &past}, {0, &past}, {0, &past}};
        const Draws accepted = simulateDraws(input, false, 4000, 1, Bootstrap::TwoStage);
        for (std::size_t i = 0; i < accepted.cost.size(); ++i) {
            QCOMPARE(accepted.totals[0][i], 1100.0);
            QCOMPARE(accepted.cost[i], 500.0);
        }
        const Draws all = simulateDraws(input, true, 4000, 1, Bootstrap::TwoStage);
        int withOffer = 0;
        for (std::size_t i = 0; i < all.cost.size(); ++i) {
            const bool taken = all.cost[i] == 800.0;
            QVERIFY(taken || all.cost[i] == 500.0);
            // The offer's two deliverables come with its fee, or neither does.
            QCOMPARE(all.totals[0][i], taken ? 1300.0 : 1100.0);
            withOffer += taken ? 1 : 0;
        }
        QVERIFY2(
                std::abs(withOffer / 4000.0 - 0.25) < 0.03, qPrintable(QString::number(withOffer)));
        const TotalForecast f = summarize(all);
        QVERIFY(std::abs(f.mean[0] - 1150.0) < 5.0);
        QCOMPARE(f.lo95[0], 1100.0);
        QCOMPARE(f.hi95[0], 1300.0);
        // No draws at all: zeros, no crash.
        const TotalForecast none = summarize(simulateDraws(input, true, 0, 1, Bootstrap::OneStage));
        QCOMPARE(none.mean[0], 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCampaignForecastCoverage)
#include "tst_campaign_forecast_coverage.moc"
