// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "common/Error.h"
#include "common/ForecastApi.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace influence::desktop {

class Session;
class StateStack;

/// The campaign page's Forecast tab (brand staff): what the campaign has achieved so far and
/// what its deliverables not yet live are expected to add (GET /campaigns/{id}/forecast), views,
/// engagements and reach with their 80 % and 95 % ranges, with the accepted deliverables alone
/// and with the proposals weighted by how often offers are accepted; each KPI target of the
/// campaign as a sentence and a bar of the chance of reaching it; and, in words, which
/// deliverables the forecast leaves out (creators without enough past posts). Loaded when on
/// screen, in the background.
class CampaignForecastTab : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column {
        Figure,
        SoFar,
        Expected,
        Range80,
        Range95,
        ExpectedAll,
        Range80All,
        Range95All,
        ColumnCount
    };

    CampaignForecastTab(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// The campaign whose forecast is shown (loaded when the tab is next on screen).
    void setCampaign(const common::Campaign &campaign);
    /// The campaign changed (its targets, say): loads again now if on screen, else when shown.
    void markStale();
    void reload();
    State state() const { return m_state; }
    const std::optional<common::CampaignForecast> &forecast() const { return m_forecast; }
    QTableWidget *totalsTable() const { return m_totals; }
    StateStack *states() const { return m_states; }
    /// The sentence and the bar of a target ("views", "cpeMinor", …); null when not shown.
    QLabel *targetLabel(const QString &metric) const;
    QProgressBar *targetBar(const QString &metric) const;
    /// What the forecast leaves out and how proposals are weighted, in words.
    QString notesText() const;

    /// "Views: at least 7,000, 5,000 so far. …" for a target of a forecast.
    static QString targetSentence(
            const common::CampaignTargetChance &target, const QString &currency);
    /// "67 %": a chance in the user's locale.
    static QString percent(double chance);

Q_SIGNALS:
    void stateChanged(influence::desktop::CampaignForecastTab::State state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void showState();
    void fill();
    void fillTargets();
    void forget();

    common::ForecastApi m_api;
    Session *m_session;
    std::optional<common::Campaign> m_campaign;
    QString m_loadedFor; ///< the campaign whose forecast is shown
    bool m_stale = false;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    std::optional<common::CampaignForecast> m_forecast;

    QLabel *m_intro = nullptr;
    QPushButton *m_reload = nullptr;
    StateStack *m_states = nullptr;
    QTableWidget *m_totals = nullptr;
    QLabel *m_targetsTitle = nullptr;
    QVBoxLayout *m_targetsLayout = nullptr;
    QLabel *m_noTargets = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace influence::desktop
