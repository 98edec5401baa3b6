// SPDX-License-Identifier: Apache-2.0
// The forecasting engine (server/forecast) against R's forecast package and against itself:
// - reference fits: the series and fits of tests/data/forecast (made by make-reference.R with R
//   4.2.2 and forecast 8.20). The model ets() chooses must be ours too unless the two AICc differ
//   by less than kAiccTie (a tie the likelihood cannot settle); every model forced on both sides
//   must reach R's AICc within kAiccTolerance and its forecast function within 0.5 %, and the
//   class-1 intervals R's within 0.5 %.
// - interval coverage: series simulated from known ETS models (fixed seed), fitted and forecast;
//   the share of the next values inside the 80 % and 95 % intervals must be within a few points
//   of nominal.
// - odd series: short, constant, zero-heavy, trending to zero, non-finite values.
#include "forecast/Ets.h"
#include "forecast/Forecaster.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace influence::forecast;

namespace {

constexpr double kAiccTie = 1.0;
constexpr double kAiccTolerance = 0.5;

/// A CSV of R's write.csv: quoted strings, "NA" for missing.
QList<QMap<QString, QString>> readCsv(const QString &name)
{
    QFile file(QStringLiteral(INFLUENCE_FORECAST_DATA_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    QList<QMap<QString, QString>> rows;
    QStringList header;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        QStringList cells = line.split(u',');
        for (QString &c : cells) {
            c.remove(u'"');
        }
        if (header.isEmpty()) {
            header = cells;
            continue;
        }
        QMap<QString, QString> row;
        for (qsizetype i = 0; i < header.size() && i < cells.size(); ++i) {
            row.insert(header[i], cells[i]);
        }
        rows << row;
    }
    return rows;
}

struct Series
{
    int period = 1;
    std::vector<double> values;
};

QMap<QString, Series> readSeries()
{
    QMap<QString, Series> all;
    for (const auto &row : readCsv(u"series.csv"_s)) {
        Series &s = all[row[u"series"_s]];
        s.period = row[u"period"_s].toInt();
        s.values.push_back(row[u"value"_s].toDouble());
    }
    return all;
}

double relative(double ours, double theirs)
{
    return std::fabs(ours - theirs) / std::max(1.0, std::fabs(theirs));
}

/// One series simulated from a known model: n values for fitting and h after them.
std::vector<double> simulate(std::mt19937_64 &engine, EtsSpec spec, int m, int n, double sigma)
{
    EtsFit truth;
    truth.spec = spec;
    truth.period = spec.season == SeasonType::None ? 1 : m;
    truth.par = {0.3, spec.trend == TrendType::None ? 0.0 : 0.05,
            spec.season == SeasonType::None ? 0.0 : 0.1,
            spec.trend == TrendType::Damped ? 0.9 : 1.0};
    const bool mult = spec.error == ErrorType::Multiplicative;
    truth.finalState = {mult ? 100.0 : 100.0};
    if (spec.trend != TrendType::None) {
        truth.finalState.push_back(mult ? 0.5 : 0.5);
    }
    for (int j = 0; j < truth.period && spec.season != SeasonType::None; ++j) {
        const double wave = std::sin(2 * 3.141592653589793 * j / truth.period);
        truth.finalState.push_back(
                spec.season == SeasonType::Additive ? 15 * wave : 1 + 0.15 * wave);
    }
    truth.sigma2 = sigma * sigma;
    return etsSimulate(truth, n, 1, engine())[0];
}

} // namespace

class TestForecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chosenModelsMatchR();
    void forcedModelsMatchR();
    void admissibleAsR();
    void intervalCoverage_data();
    void intervalCoverage();
    void shortSeriesAreNaive();
    void constantSeriesAreFlat();
    void countsStayNonNegative();
    void nonFiniteValuesAreSkipped();
    void thetaAndCombinationAreCandidates();
};

void TestForecast::chosenModelsMatchR()
{
    const auto series = readSeries();
    const auto reference = readCsv(u"reference.csv"_s);
    int compared = 0;
    for (const auto &row : reference) {
        if (row[u"kind"_s] != u"auto"_s || row[u"aicc"_s] == u"NA"_s) {
            continue;
        }
        const Series &s = series[row[u"series"_s]];
        const auto ours = autoEts(s.values, s.period);
        QVERIFY2(ours, qPrintable(row[u"series"_s]));
        const auto theirs = EtsSpec::parse(row[u"model"_s].toStdString());
        QVERIFY(theirs);
        const double theirAicc = row[u"aicc"_s].toDouble();
        if (ours->spec != *theirs) {
            // A disagreement is allowed only where the likelihood cannot tell the two apart.
            QVERIFY2(std::fabs(ours->aicc - theirAicc) < kAiccTie,
                    qPrintable(u"%1: ours %2 (AICc %3), R's %4 (AICc %5)"_s.arg(row[u"series"_s],
                            QString::fromStdString(ours->spec.name()), QString::number(ours->aicc),
                            QString::fromStdString(theirs->name()), QString::number(theirAicc))));
        } else {
            QVERIFY2(std::fabs(ours->aicc - theirAicc) < kAiccTolerance,
                    qPrintable(row[u"series"_s]));
        }
        ++compared;
    }
    QCOMPARE(compared, 6);
}

void TestForecast::forcedModelsMatchR()
{
    const auto series = readSeries();
    QMap<QString, QList<QMap<QString, QString>>> forecasts;
    for (const auto &row : readCsv(u"forecasts.csv"_s)) {
        forecasts[row[u"series"_s] + u'/' + row[u"kind"_s] + u'/' + row[u"model"_s]] << row;
    }
    int compared = 0;
    for (const auto &row : readCsv(u"reference.csv"_s)) {
        if (row[u"aicc"_s] == u"NA"_s) {
            continue;
        }
        const QString key = row[u"series"_s] + u'/' + row[u"kind"_s] + u'/' + row[u"model"_s];
        const Series &s = series[row[u"series"_s]];
        const auto spec = EtsSpec::parse(row[u"model"_s].toStdString());
        QVERIFY(spec);
        const auto fit = fitEts(s.values, s.period, *spec);
        QVERIFY2(fit, qPrintable(key));
        QVERIFY2(std::fabs(fit->aicc - row[u"aicc"_s].toDouble()) < kAiccTolerance,
                qPrintable(u"%1: AICc %2, R %3"_s.arg(
                        key, QString::number(fit->aicc), row[u"aicc"_s])));
        const auto &steps = forecasts[key];
        QCOMPARE(steps.size(), 12);
        const std::vector<double> point = etsPointForecast(*fit, 12);
        std::vector<double> variance =
                spec->linear() ? etsLinearVariance(*fit, 12) : std::vector<double>{};
        // R's forecast() mean is the model's conditional mean for linear models (class 1): the
        // forecast function. For the others it reports the forecast function of its C code
        // (etsforecast, here "point"), whose damped sum φ + φ + φ² … is one term off the
        // book's φ + φ² + … (Hyndman et al. 2008, Table 2.1): damped non-linear models are
        // held to step 1 exactly and to 1 % after.
        const bool dampedNonLinear = !spec->linear() && spec->trend == TrendType::Damped;
        for (int i = 0; i < 12; ++i) {
            const auto &step = steps[i];
            const auto at = static_cast<std::size_t>(i);
            const double theirs = step[spec->linear() ? u"mean"_s : u"point"_s].toDouble();
            const double tolerance = dampedNonLinear && i > 0 ? 1e-2 : 5e-3;
            QVERIFY2(relative(point[at], theirs) < tolerance,
                    qPrintable(u"%1 step %2: %3 vs %4"_s.arg(key).arg(i + 1).arg(point[at]).arg(
                            theirs)));
            if (spec->linear()) {
                const double hi95 = point[at] + 1.959963984540054 * std::sqrt(variance[at]);
                QVERIFY2(relative(hi95, step[u"hi95"_s].toDouble()) < 5e-3,
                        qPrintable(u"%1 step %2 hi95: %3 vs %4"_s.arg(key).arg(i + 1).arg(hi95).arg(
                                step[u"hi95"_s])));
            }
        }
        ++compared;
    }
    QVERIFY(compared >= 25);
}

/// etsAdmissible() against forecast's admissible() on 400 random parameter sets, half of them
/// outside the region (made by make-admissible.R).
void TestForecast::admissibleAsR()
{
    int checked = 0;
    for (const auto &row : readCsv(u"admissible.csv"_s)) {
        const int m = row[u"m"_s].toInt();
        EtsSpec spec;
        spec.trend = row[u"trend"_s] == u"TRUE"_s
                ? (row[u"damped"_s] == u"TRUE"_s ? TrendType::Damped : TrendType::Additive)
                : TrendType::None;
        spec.season = m > 1 ? SeasonType::Additive : SeasonType::None;
        const EtsParameters par{row[u"alpha"_s].toDouble(), row[u"beta"_s].toDouble(),
                row[u"gamma"_s].toDouble(), row[u"phi"_s].toDouble()};
        const bool theirs = row[u"admissible"_s] == u"1"_s;
        QVERIFY2(etsAdmissible(par, spec, m) == theirs,
                qPrintable(u"m %1 %2: alpha %3 beta %4 gamma %5 phi %6, R says %7"_s.arg(m).arg(
                        QString::fromStdString(spec.name()), row[u"alpha"_s], row[u"beta"_s],
                        row[u"gamma"_s], row[u"phi"_s], row[u"admissible"_s])));
        ++checked;
    }
    QCOMPARE(checked, 400);
}

void TestForecast::intervalCoverage_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("period");
    QTest::newRow("ANN") << u"ANN"_s << 1;
    QTest::newRow("AAdN") << u"AAdN"_s << 1;
    QTest::newRow("ANA") << u"ANA"_s << 7;
    QTest::newRow("MNN") << u"MNN"_s << 1;
    QTest::newRow("MNM") << u"MNM"_s << 7;
}

void TestForecast::intervalCoverage()
{
    QFETCH(QString, model);
    QFETCH(int, period);
    const EtsSpec spec = *EtsSpec::parse(model.toStdString());
    // Each series gives h = 7 values to check: 120 series × 7 steps per model (seasonal models
    // 80 in a debug build, where their fits cost most, to keep the test near 15 s under ASan).
#ifdef NDEBUG
    const int series = 120;
#else
    const int series = period > 1 ? 80 : 120;
#endif
    const int n = 120;
    const int h = 7;
    std::mt19937_64 engine(7);
    int inside80 = 0;
    int inside95 = 0;
    int total = 0;
    ForecastOptions options;
    options.period = period;
    options.horizon = h;
    options.method = Method::Ets;
    options.model = spec;
    options.simulations = 1000;
    for (int k = 0; k < series; ++k) {
        const double sigma = spec.error == ErrorType::Multiplicative ? 0.05 : 5.0;
        const std::vector<double> y = simulate(engine, spec, period, n + h, sigma);
        options.seed = engine();
        const Forecast f = forecastSeries(std::span(y).first(n), options);
        QCOMPARE(f.model, spec.name());
        for (int i = 0; i < h; ++i) {
            const double actual = y[static_cast<std::size_t>(n + i)];
            const auto step = static_cast<std::size_t>(i);
            inside80 += f.lower[0][step] <= actual && actual <= f.upper[0][step] ? 1 : 0;
            inside95 += f.lower[1][step] <= actual && actual <= f.upper[1][step] ? 1 : 0;
            ++total;
        }
    }
    const double c80 = 100.0 * inside80 / total;
    const double c95 = 100.0 * inside95 / total;
    qInfo("%s coverage over %d forecasts: 80 %% -> %.1f %%, 95 %% -> %.1f %%", qPrintable(model),
            total, c80, c95);
    // Parameters are estimated, so intervals run a little narrow (Hyndman et al. 2008, ch. 6).
    QVERIFY2(c80 > 74 && c80 < 86, qPrintable(QString::number(c80)));
    QVERIFY2(c95 > 90 && c95 < 98.5, qPrintable(QString::number(c95)));
}

void TestForecast::shortSeriesAreNaive()
{
    ForecastOptions options;
    options.horizon = 5;
    const std::vector<double> three{10, 12, 11};
    const Forecast f = forecastSeries(three, options);
    QCOMPARE(f.model, "Naive");
    QCOMPARE(f.mean, std::vector<double>(5, 11.0));
    QVERIFY(!f.aicc);
    for (std::size_t i = 1; i < 5; ++i) {
        QVERIFY(f.upper[0][i] - f.lower[0][i] > f.upper[0][i - 1] - f.lower[0][i - 1]); // widening
        QVERIFY(f.upper[1][i] - f.lower[1][i] > f.upper[0][i] - f.lower[0][i]);
    }
    const Forecast one = forecastSeries(std::vector<double>{40}, options);
    QCOMPARE(one.mean.front(), 40.0);
    QVERIFY(one.upper[1][4] > one.upper[1][0]);
    const Forecast none = forecastSeries(std::vector<double>{}, options);
    QCOMPARE(none.mean, std::vector<double>(5, 0.0));
    // R's short-series path: 4–6 values get a small ETS fit, no season.
    const std::vector<double> five{12, 15, 14, 18, 17};
    const Forecast small = forecastSeries(five, options);
    QVERIFY(small.model.starts_with("ETS("));
    QVERIFY(std::isfinite(small.mean.back()));
}

void TestForecast::constantSeriesAreFlat()
{
    ForecastOptions options;
    options.period = 7;
    options.horizon = 10;
    const Forecast f = forecastSeries(std::vector<double>(30, 250.0), options);
    QCOMPARE(f.mean, std::vector<double>(10, 250.0));
    QCOMPARE(f.lower[0], f.mean);
    QCOMPARE(f.upper[1], f.mean);
    QCOMPARE(f.mase, std::optional(0.0));
    const Forecast zeros = forecastSeries(std::vector<double>(20, 0.0), options);
    QCOMPARE(zeros.mean, std::vector<double>(10, 0.0));
}

void TestForecast::countsStayNonNegative()
{
    std::mt19937_64 engine(3);
    std::poisson_distribution<int> sparse(0.4);
    std::vector<double> zeroHeavy;
    for (int t = 0; t < 90; ++t) {
        zeroHeavy.push_back(sparse(engine));
    }
    std::vector<double> fading;
    for (int t = 0; t < 60; ++t) {
        fading.push_back(std::max(0.0, 600.0 - 10.5 * t + (t % 3) * 4.0));
    }
    for (const auto *y : {&zeroHeavy, &fading}) {
        ForecastOptions options;
        options.period = 7;
        options.horizon = 30;
        const Forecast raw = forecastSeries(*y, options);
        options.nonNegative = true;
        const Forecast f = forecastSeries(*y, options);
        QCOMPARE(f.model, raw.model);
        for (std::size_t i = 0; i < 30; ++i) {
            QVERIFY(std::isfinite(f.mean[i]) && f.mean[i] >= 0);
            QVERIFY(f.lower[1][i] >= 0 && f.lower[1][i] <= f.mean[i] && f.mean[i] <= f.upper[1][i]);
            QCOMPARE(f.mean[i], std::max(raw.mean[i], 0.0));
        }
    }
    ForecastOptions options;
    options.horizon = 30;
    const Forecast down = forecastSeries(fading, options);
    QVERIFY(*std::min_element(down.lower[1].begin(), down.lower[1].end()) < 0); // would go negative
}

void TestForecast::nonFiniteValuesAreSkipped()
{
    std::vector<double> y;
    for (int t = 0; t < 40; ++t) {
        y.push_back(t % 10 == 3 ? std::nan("") : 100.0 + t);
    }
    ForecastOptions options;
    options.horizon = 4;
    const Forecast f = forecastSeries(y, options);
    for (const double v : f.mean) {
        QVERIFY(std::isfinite(v) && v > 130);
    }
}

void TestForecast::thetaAndCombinationAreCandidates()
{
    const auto series = readSeries();
    const Series &s = series[u"weekly_daily"_s];
    ForecastOptions options;
    options.period = s.period;
    options.horizon = 14;
    options.method = Method::Theta;
    const Forecast theta = forecastSeries(s.values, options);
    QCOMPARE(theta.model, "Theta");
    options.method = Method::Combination;
    const Forecast comb = forecastSeries(s.values, options);
    QVERIFY(comb.model.starts_with("Combination(ETS("));
    options.method = Method::Auto;
    const Forecast chosen = forecastSeries(s.values, options);
    QVERIFY(chosen.backtestMase && *chosen.backtestMase > 0 && *chosen.backtestMase < 2);
    QVERIFY(chosen.mase && *chosen.mase < 1.5);
    for (std::size_t i = 0; i < 14; ++i) {
        QVERIFY(comb.lower[0][i] < comb.mean[i] && comb.mean[i] < comb.upper[0][i]);
        QVERIFY(std::fabs(theta.mean[i] - s.values.back()) < 600); // in the series' range
    }
}

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
