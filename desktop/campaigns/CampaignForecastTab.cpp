// SPDX-License-Identifier: Apache-2.0
#include "CampaignForecastTab.h"

#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/Formats.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::CampaignForecast;
using influence::common::CampaignTargetChance;
using influence::common::Result;

namespace influence::desktop {

namespace {

QString count(double value)
{
    return QLocale().toString(static_cast<qint64>(std::llround(value)));
}

} // namespace

CampaignForecastTab::CampaignForecastTab(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_session(session)
{
    setObjectName(u"campaignForecastTab"_s);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_intro = new QLabel;
    m_intro->setObjectName(u"forecastIntro"_s);
    m_intro->setWordWrap(true);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadForecastButton"_s);
    top->addWidget(m_intro, 1);
    top->addWidget(m_reload, 0, Qt::AlignTop);
    layout->addLayout(top);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_totals = new QTableWidget(3, ColumnCount);
    m_totals->setObjectName(u"forecastTotals"_s);
    m_totals->verticalHeader()->hide();
    m_totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_totals->setSelectionMode(QAbstractItemView::NoSelection);
    m_totals->setWordWrap(false);
    m_totals->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // As wide as its columns: stretched, the last range stood far from its header.
    m_totals->horizontalHeader()->setStretchLastSection(false);
    m_totals->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    contentLayout->addWidget(m_totals, 0, Qt::AlignLeft);
    m_targetsTitle = new QLabel;
    m_targetsTitle->setObjectName(u"forecastTargetsTitle"_s);
    QFont bold = m_targetsTitle->font();
    bold.setBold(true);
    m_targetsTitle->setFont(bold);
    contentLayout->addWidget(m_targetsTitle);
    m_noTargets = new QLabel;
    m_noTargets->setObjectName(u"forecastNoTargets"_s);
    m_noTargets->setWordWrap(true);
    contentLayout->addWidget(m_noTargets);
    auto *targets = new QWidget;
    m_targetsLayout = new QVBoxLayout(targets);
    m_targetsLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(targets);
    m_notes = new QLabel;
    m_notes->setObjectName(u"forecastNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    contentLayout->addWidget(m_notes);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_states = new StateStack(u"campaignForecast"_s, scroll);
    layout->addWidget(m_states, 1);

    connect(m_reload, &QPushButton::clicked, this, &CampaignForecastTab::reload);
    connect(m_states, &StateStack::retryRequested, this, &CampaignForecastTab::reload);
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
    retranslate();
}

void CampaignForecastTab::retranslate()
{
    setWindowTitle(tr("Forecast"));
    m_intro->setText(
            tr("What the campaign has achieved so far, and what its deliverables not yet "
               "measured are expected to add, judged by each creator's own past posts. The "
               "ranges hold the outcome 8 and 19 times in 20."));
    m_reload->setText(tr("Re&fresh"));
    m_targetsTitle->setText(tr("Targets"));
    m_noTargets->setText(tr("No targets are set for this campaign. Set views, engagements, reach "
                            "or cost ceilings with Edit on the Overview tab to see how likely "
                            "the campaign is to reach them."));
    m_totals->setHorizontalHeaderLabels({QString(), tr("So far"), tr("Expected"), tr("80 % range"),
            tr("95 % range"), tr("With proposals"), tr("80 % range with proposals"),
            tr("95 % range with proposals")});
    m_totals->horizontalHeaderItem(Expected)->setToolTip(
            tr("Achieved so far plus the accepted deliverables not yet measured."));
    m_totals->horizontalHeaderItem(ExpectedAll)
            ->setToolTip(
                    tr("As Expected, plus the deliverables of open offers, each offer counted as "
                       "likely as offers are accepted."));
    fill();
    showState();
}

void CampaignForecastTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void CampaignForecastTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_campaign && (m_loadedFor != m_campaign->id || m_stale) && m_state != State::Loading) {
        reload();
    }
}

void CampaignForecastTab::setCampaign(const common::Campaign &campaign)
{
    const bool other = !m_campaign || m_campaign->id != campaign.id;
    m_campaign = campaign;
    if (other) {
        ++m_generation;
        m_loadedFor.clear();
        m_forecast.reset();
        fill();
        setState(State::Idle);
    }
}

void CampaignForecastTab::markStale()
{
    m_stale = true;
    if (isVisible() && m_state != State::Loading) {
        reload();
    }
}

void CampaignForecastTab::reload()
{
    if (!m_campaign) {
        return;
    }
    const quint64 generation = ++m_generation;
    const QString id = m_campaign->id;
    m_stale = false;
    setState(State::Loading);
    continueIn(this, m_api.campaignForecast(id),
            [this, generation, id](const Result<CampaignForecast> &result) {
                if (generation != m_generation) {
                    return; // another campaign, or a newer request
                }
                if (!result) {
                    m_error = result.error();
                    setState(State::Failed);
                    return;
                }
                m_forecast = *result;
                m_loadedFor = id;
                fill();
                setState(State::Loaded);
            });
}

void CampaignForecastTab::setState(State state)
{
    m_state = state;
    showState();
    Q_EMIT stateChanged(state);
}

void CampaignForecastTab::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Drawing the campaign's forecast…")); return;
    case State::Failed: m_states->showError(m_error); return;
    case State::Loaded: break;
    }
    const bool nothing = m_forecast && m_forecast->accepted == 0 && m_forecast->proposed == 0
            && m_forecast->postsMeasured == 0;
    if (nothing) {
        m_states->showEmpty(tr("Nothing to forecast yet: the campaign has no accepted or "
                               "proposed deliverables and no measured posts. Invite creators "
                               "and the forecast follows their offers."));
    } else {
        m_states->showContent();
    }
}

QString CampaignForecastTab::percent(double chance)
{
    return tr("%1 %").arg(QLocale().toString(static_cast<int>(std::lround(chance * 100.0))));
}

QString CampaignForecastTab::targetSentence(
        const CampaignTargetChance &target, const QString &currency)
{
    const auto money = [&currency](double minor) {
        return Formats::money({static_cast<qint64>(std::llround(minor)), currency});
    };
    const QString accepted = percent(target.chanceAccepted);
    const QString all = percent(target.chanceWithProposed);
    if (target.metric == u"cpeMinor"_s || target.metric == u"cpmMinor"_s) {
        const QString name = target.metric == u"cpeMinor"_s ? tr("Cost per engagement")
                                                            : tr("Cost per 1000 views");
        const QString soFar = target.achieved ? tr("%1 so far").arg(money(*target.achieved))
                                              : tr("nothing measured yet");
        return tr("%1: at most %2 (%3). Chance of staying within it: %4 with the accepted "
                  "deliverables, %5 counting the proposals.")
                .arg(name, money(static_cast<double>(target.target)), soFar, accepted, all);
    }
    QString name = target.metric;
    if (target.metric == u"views"_s) {
        name = tr("Views");
    } else if (target.metric == u"engagements"_s) {
        name = tr("Engagements");
    } else if (target.metric == u"reach"_s) {
        name = tr("Reach");
    }
    return tr("%1: at least %2 (%3 so far). Chance of reaching it: %4 with the accepted "
              "deliverables, %5 counting the proposals.")
            .arg(name, count(static_cast<double>(target.target)),
                    count(target.achieved.value_or(0)), accepted, all);
}

void CampaignForecastTab::fill()
{
    const QStringList figures{tr("Views"), tr("Engagements"), tr("Reach")};
    for (int row = 0; row < 3; ++row) {
        m_totals->setItem(row, Figure, readOnlyCell(figures.at(row)));
        const auto f = static_cast<std::size_t>(row);
        if (!m_forecast) {
            for (int column = SoFar; column < ColumnCount; ++column) {
                m_totals->setItem(row, column, readOnlyCell(QString()));
            }
            continue;
        }
        const auto range = [](double lo, double hi) {
            return tr("%1 – %2").arg(count(lo), count(hi));
        };
        const common::CampaignForecastInterval &a = m_forecast->acceptedTotals.at(f);
        const common::CampaignForecastInterval &p = m_forecast->withProposed.at(f);
        m_totals->setItem(
                row, SoFar, readOnlyCell(count(m_forecast->achieved.at(f)), Qt::AlignRight));
        m_totals->setItem(row, Expected, readOnlyCell(count(a.expected), Qt::AlignRight));
        m_totals->setItem(row, Range80, readOnlyCell(range(a.lo80, a.hi80), Qt::AlignRight));
        m_totals->setItem(row, Range95, readOnlyCell(range(a.lo95, a.hi95), Qt::AlignRight));
        m_totals->setItem(row, ExpectedAll, readOnlyCell(count(p.expected), Qt::AlignRight));
        m_totals->setItem(row, Range80All, readOnlyCell(range(p.lo80, p.hi80), Qt::AlignRight));
        m_totals->setItem(row, Range95All, readOnlyCell(range(p.lo95, p.hi95), Qt::AlignRight));
    }
    m_totals->resizeColumnsToContents();
    fitHeaderTexts(m_totals->horizontalHeader());
    m_totals->setFixedWidth(m_totals->horizontalHeader()->length() + 2 * m_totals->frameWidth());
    m_totals->setFixedHeight(m_totals->horizontalHeader()->height()
            + 3 * m_totals->verticalHeader()->defaultSectionSize() + 2 * m_totals->frameWidth());
    fillTargets();

    QStringList notes;
    if (m_forecast) {
        const CampaignForecast &f = *m_forecast;
        notes << tr("%n deliverable(s) accepted, %1 of them measured; %2 proposed in open offers.",
                nullptr, f.accepted)
                         .arg(f.measured)
                         .arg(f.proposed);
        if (f.withoutHistory > 0) {
            notes << tr("%n deliverable(s) are left out of the forecast: their creators have "
                        "fewer than 3 past posts to judge them by. The figures above will grow "
                        "by whatever those deliverables bring.",
                    nullptr, f.withoutHistory);
        }
        const QString basis = f.acceptanceBasis == u"brand"_s
                ? tr("of the brand's %n decided deal(s)", nullptr, int(f.acceptanceDecided))
                : tr("of %n decided deal(s) on the platform", nullptr, int(f.acceptanceDecided));
        notes << tr("Proposals count as %1 likely to be accepted: the share accepted %2.")
                         .arg(percent(f.acceptanceRate), basis);
        notes << tr("Method: %n simulation(s); each creator's past posts are resampled, then "
                    "each deliverable is drawn from them, every draw smoothed so that it can "
                    "also fall between and beyond them (a smoothed two-stage bootstrap).",
                nullptr, f.simulations);
    }
    m_notes->setText(notes.join(u"\n"_s));
}

void CampaignForecastTab::fillTargets()
{
    while (QLayoutItem *item = m_targetsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool any = m_forecast && !m_forecast->targets.isEmpty();
    m_noTargets->setVisible(m_forecast.has_value() && !any);
    if (!any) {
        return;
    }
    for (const CampaignTargetChance &target : std::as_const(m_forecast->targets)) {
        auto *label = new QLabel(targetSentence(target, m_forecast->currency));
        label->setObjectName(u"forecastTarget-"_s + target.metric);
        label->setWordWrap(true);
        auto *bar = new QProgressBar;
        bar->setObjectName(u"forecastTargetBar-"_s + target.metric);
        bar->setRange(0, 100);
        bar->setValue(static_cast<int>(std::lround(target.chanceAccepted * 100.0)));
        bar->setFormat(tr("%1 with the accepted deliverables").arg(percent(target.chanceAccepted)));
        bar->setToolTip(tr("Counting the proposals: %1").arg(percent(target.chanceWithProposed)));
        bar->setMaximumWidth(480);
        m_targetsLayout->addWidget(label);
        m_targetsLayout->addWidget(bar);
    }
}

QLabel *CampaignForecastTab::targetLabel(const QString &metric) const
{
    return findChild<QLabel *>(u"forecastTarget-"_s + metric);
}

QProgressBar *CampaignForecastTab::targetBar(const QString &metric) const
{
    return findChild<QProgressBar *>(u"forecastTargetBar-"_s + metric);
}

QString CampaignForecastTab::notesText() const
{
    return m_notes->text();
}

void CampaignForecastTab::forget()
{
    ++m_generation;
    m_campaign.reset();
    m_loadedFor.clear();
    m_forecast.reset();
    fill();
    setState(State::Idle);
}

} // namespace influence::desktop
