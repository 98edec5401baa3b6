// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ForecastApi.h"

#include <QObject>

#include <array>
#include <optional>

class QAreaSeries;
class QChartView;
class QLabel;
class QLineSeries;

namespace influence::common {
class ApiClient;
}

namespace influence::desktop {

/// The forecast of an account's followers on its chart: the next kHorizon days as shaded 95 %
/// and 80 % bands (QAreaSeries between the bounds) and a dashed mean line, the model's name and
/// its in-sample MASE in a note on the chart and in the bands' tooltip. Loaded after the history
/// and drawn in a later event-loop turn than its answer (the GUI thread never waits for either);
/// a failed forecast says so in the note and leaves the history as it is.
class ForecastBands : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Shown, Failed };
    Q_ENUM(State)
    static constexpr int kHorizon = 30;

    /// Draws on `view`'s chart (and is owned by it); requests belong to `owner` (the page, whose
    /// leaving aborts them).
    ForecastBands(common::ApiClient *api, const QObject *owner, QChartView *view);

    /// Asks for the account's forecast unless it is on the chart or on its way.
    void load(const QString &accountId);
    State state() const { return m_state; }
    /// The 80 % band (index 0) and the 95 % one (1); null until drawn.
    QAreaSeries *band(int level) const;
    QLineSeries *meanLine() const { return m_mean; }
    /// What the chart's note says: the model and its error, or why there is no forecast.
    QString note() const;
    /// The label on the chart that shows note().
    QLabel *noteLabel() const { return m_note; }
    const std::optional<common::AccountForecast> &forecast() const { return m_forecast; }

Q_SIGNALS:
    /// The bands were drawn: the chart's axes should make room for them.
    void drawn();
    /// Drawn or failed.
    void finished();

protected:
    /// The note's LanguageChange: its text again in the new language.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void arrived(quint64 generation, const common::Result<common::AccountForecast> &result);
    void draw();
    void removeSeries();
    void retranslate();
    /// The note across the chart's width, wrapped, with the chart's title below it.
    void placeNote();

    static constexpr int kNoteMargin = 12;
    static constexpr int kNoteTop = 6;

    common::ApiClient *m_api;
    common::ForecastApi m_forecasts;
    const QObject *m_owner;
    QChartView *m_view;
    QLabel *m_note;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    QString m_accountId;
    std::optional<common::AccountForecast> m_forecast;
    std::optional<common::Error> m_error;
    std::array<QAreaSeries *, 2> m_bands{}; // 80 %, 95 %
    QLineSeries *m_mean = nullptr;
    int m_chartTop = 0; // the chart's own top margin, without the note
};

} // namespace influence::desktop
