// SPDX-License-Identifier: Apache-2.0
// bench/forecast's scorer: the rolling-origin backtest of our engine (server/forecast, built
// with -O2 by bench/forecast/run), the naive and seasonal naive baselines, and R's forecast::ets
// (its forecasts and times read from the files series.R wrote in the same run), on the same
// series, origins and horizon. Metrics as in the M4 competition (Makridakis et al. 2020): MASE
// scaled by the training data's in-sample seasonal naive error (lag m), sMAPE, and the share of
// actual values inside the 80 % and 95 % intervals; plus fit + forecast time per series.
// Usage: backtest DIR  (reads DIR/series.csv, DIR/r_forecasts.csv, DIR/r_times.csv; writes
// DIR/forecast.json and DIR/forecast.md)
#include "forecast/Forecaster.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace influence::forecast;

namespace {

constexpr int kHorizon = 14;
constexpr int kOrigins = 3;

std::vector<std::vector<std::string>> readCsv(const std::string &path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        // R's write.csv: fields in double quotes may hold commas ("ETS(A,N,N)").
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (const char ch : line) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.emplace_back();
            } else {
                cells.back() += ch;
            }
        }
        rows.push_back(cells);
    }
    return rows;
}

struct Series
{
    std::string kind;
    int m = 7;
    std::vector<double> values;
};

struct Score
{
    double mase = 0, smape = 0, in80 = 0, in95 = 0, seconds = 0;
    int forecasts = 0, points = 0;
    std::vector<double> times; // per series (all its origins)
    std::map<std::string, int> models;

    void add(std::span<const double> train, std::span<const double> test, const Forecast &f, int m)
    {
        double scale = 0;
        for (std::size_t t = static_cast<std::size_t>(m); t < train.size(); ++t) {
            scale += std::fabs(train[t] - train[t - static_cast<std::size_t>(m)]);
        }
        scale /= static_cast<double>(train.size() - static_cast<std::size_t>(m));
        double error = 0;
        double smapeSum = 0;
        for (std::size_t i = 0; i < test.size(); ++i) {
            error += std::fabs(test[i] - f.mean[i]);
            const double d = std::fabs(test[i]) + std::fabs(f.mean[i]);
            smapeSum += d > 0 ? 200 * std::fabs(test[i] - f.mean[i]) / d : 0;
            in80 += f.lower[0][i] <= test[i] && test[i] <= f.upper[0][i] ? 1 : 0;
            in95 += f.lower[1][i] <= test[i] && test[i] <= f.upper[1][i] ? 1 : 0;
            ++points;
        }
        mase += scale > 0 ? error / static_cast<double>(test.size()) / scale : 0;
        smape += smapeSum / static_cast<double>(test.size());
        ++forecasts;
        ++models[f.model.starts_with("ETS") ? f.model : f.model.substr(0, f.model.find('('))];
    }
};

/// CPU seconds of this process (user + system), as series.R measures R's.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> v)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: backtest DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    std::map<int, Series> series;
    for (const auto &row : readCsv(dir + "/series.csv")) {
        Series &s = series[std::stoi(row[0])];
        s.kind = row[1];
        s.m = std::stoi(row[2]);
        s.values.push_back(std::stod(row[3]));
    }
    // R's forecasts: (series, origin) -> Forecast; its times per series.
    std::map<std::pair<int, int>, Forecast> theirs;
    for (const auto &row : readCsv(dir + "/r_forecasts.csv")) {
        Forecast &f = theirs[{std::stoi(row[0]), std::stoi(row[1])}];
        f.lower.resize(2);
        f.upper.resize(2);
        f.mean.push_back(std::stod(row[3]));
        f.lower[0].push_back(std::stod(row[4]));
        f.upper[0].push_back(std::stod(row[5]));
        f.lower[1].push_back(std::stod(row[6]));
        f.upper[1].push_back(std::stod(row[7]));
    }
    std::map<std::pair<int, int>, std::string> theirModel;
    std::map<int, double> theirTime;
    for (const auto &row : readCsv(dir + "/r_times.csv")) {
        theirTime[std::stoi(row[0])] += std::stod(row[2]);
        theirModel[{std::stoi(row[0]), std::stoi(row[1])}] = row[3];
    }
    const std::vector<std::string> names{"ours", "ours-ets", "r-ets", "naive", "snaive"};
    std::map<std::string, Score> scores;
    int compared = 0;
    int sameModel = 0; // ours restricted to ETS chose R's model
    for (const auto &[id, s] : series) {
        const auto n = static_cast<int>(s.values.size());
        double ourTime = 0;
        double etsTime = 0;
        for (int k = kOrigins; k >= 1; --k) {
            const int origin = n - k * kHorizon;
            const std::span<const double> train(s.values.data(), static_cast<std::size_t>(origin));
            const std::span<const double> test(
                    s.values.data() + origin, static_cast<std::size_t>(kHorizon));
            ForecastOptions options;
            options.period = s.m;
            options.horizon = kHorizon;
            auto timed = [&](const ForecastOptions &o, double &seconds) {
                const double start = cpuSeconds();
                Forecast f = forecastSeries(train, o);
                seconds += cpuSeconds() - start;
                return f;
            };
            scores["ours"].add(train, test, timed(options, ourTime), s.m);
            ForecastOptions etsOnly = options;
            etsOnly.backtest = false;
            const Forecast ets = timed(etsOnly, etsTime);
            scores["ours-ets"].add(train, test, ets, s.m);
            Forecast r = theirs.at({id, origin});
            r.model = theirModel[{id, origin}];
            ++compared;
            sameModel += ets.model == r.model ? 1 : 0;
            scores["r-ets"].add(train, test, r, s.m);
            ForecastOptions naive = options;
            naive.method = Method::Naive;
            scores["naive"].add(train, test, forecastSeries(train, naive), s.m);
            naive.method = Method::SeasonalNaive;
            scores["snaive"].add(train, test, forecastSeries(train, naive), s.m);
        }
        scores["ours"].times.push_back(ourTime);
        scores["ours-ets"].times.push_back(etsTime);
        scores["r-ets"].times.push_back(theirTime[id]);
    }
    std::ofstream json(dir + "/forecast.json");
    std::ofstream md(dir + "/forecast.md");
    json << "{\n  \"series\": " << series.size() << ", \"origins\": " << kOrigins
         << ", \"horizon\": " << kHorizon << ",\n  \"methods\": {\n";
    md << "| method | MASE | sMAPE % | 80 % coverage | 95 % coverage | fit+forecast per series, "
          "mean (median) ms |\n|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < names.size(); ++i) {
        Score &sc = scores[names[i]];
        const double f = sc.forecasts;
        double total = 0;
        for (const double t : sc.times) {
            total += t;
        }
        const double meanMs =
                sc.times.empty() ? 0 : 1000 * total / static_cast<double>(sc.times.size());
        const double medianMs = 1000 * median(sc.times);
        char line[512];
        std::snprintf(line, sizeof line, "| %s | %.3f | %.2f | %.1f | %.1f | %s |\n",
                names[i].c_str(), sc.mase / f, sc.smape / f, 100 * sc.in80 / sc.points,
                100 * sc.in95 / sc.points,
                sc.times.empty()
                        ? "–"
                        : (std::to_string(static_cast<int>(std::lround(meanMs))) + " ("
                                + std::to_string(static_cast<int>(std::lround(medianMs))) + ")")
                                  .c_str());
        md << line;
        json << "    \"" << names[i] << "\": {\"mase\": " << sc.mase / f
             << ", \"smape\": " << sc.smape / f << ", \"coverage80\": " << 100 * sc.in80 / sc.points
             << ", \"coverage95\": " << 100 * sc.in95 / sc.points
             << ", \"meanMsPerSeries\": " << meanMs << ", \"medianMsPerSeries\": " << medianMs
             << ", \"models\": {";
        bool first = true;
        for (const auto &[model, count] : sc.models) {
            json << (first ? "" : ", ") << "\"" << model << "\": " << count;
            first = false;
        }
        json << "}}" << (i + 1 < names.size() ? "," : "") << "\n";
    }
    json << "  },\n  \"sameModelAsR\": " << sameModel << ", \"fits\": " << compared << "\n}\n";
    md << "\nModels chosen by ours (per forecast): ";
    for (const auto &[model, count] : scores["ours"].models) {
        md << model << " " << count << "; ";
    }
    md << "\nModels chosen by R's ets: ";
    for (const auto &[model, count] : scores["r-ets"].models) {
        md << model << " " << count << "; ";
    }
    md << "\nOurs restricted to ETS chose the model R's ets chose in " << sameModel << " of "
       << compared << " fits.\n";
    std::printf("%s", std::ifstream(dir + "/forecast.md").rdbuf() ? "" : "");
    return 0;
}
