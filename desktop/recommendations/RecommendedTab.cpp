// SPDX-License-Identifier: Apache-2.0
#include "RecommendedTab.h"

#include "recommendations/FactorBarsDelegate.h"
#include "recommendations/RecommendationsModel.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/RecommendationText.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Recommendation;
using influence::common::RecommendationFactor;
using influence::common::Result;

namespace influence::desktop {

RecommendedTab::RecommendedTab(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_calls(api)
    , m_session(session)
    , m_model(new RecommendationsModel(this))
{
    setObjectName(u"recommendedTab"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            m_campaign.reset(); // another user may sign in next
            clear();
        }
    });
}

void RecommendedTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel;
    m_summary->setObjectName(u"recommendedSummary"_s);
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    const auto button = [top](const QString &name) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        top->addWidget(b);
        return b;
    };
    m_refresh = button(u"recommendedRefreshButton"_s);
    m_selectAll = button(u"recommendedSelectAllButton"_s);
    m_invite = button(u"recommendedInviteButton"_s);
    m_tools = top;
    layout->addLayout(top);

    m_table = new QTableView;
    m_table->setObjectName(u"recommendedTable"_s);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(RecommendationsModel::Factors,
            new FactorBarsDelegate(RecommendationsModel::ContributionsRole,
                    RecommendationsModel::WeightsRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() * 2 + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Rank, 36);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Creator, 150);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Score, 56);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Fee, 84);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Followers, 84);
    m_table->horizontalHeader()->resizeSection(
            RecommendationsModel::Factors, 8 * (FactorBarsDelegate::kBarWidth + 4) + 12);
    m_table->horizontalHeader()->resizeSection(RecommendationsModel::Country, 64);

    auto *details = new QWidget;
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    m_detailsTitle = new QLabel;
    m_detailsTitle->setObjectName(u"recommendedDetailsTitle"_s);
    QFont bold = m_detailsTitle->font();
    bold.setBold(true);
    m_detailsTitle->setFont(bold);
    // A text browser, not a word-wrapped rich-text label: layouts ask a label's height for
    // every width they try, and each answer lays the reasons' table out again.
    m_details = new QTextBrowser;
    m_details->setObjectName(u"recommendedDetails"_s);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->setOpenLinks(false);
    m_details->viewport()->setAutoFillBackground(false);
    m_open = new QPushButton;
    m_open->setObjectName(u"recommendedOpenButton"_s);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addWidget(m_open, 0, Qt::AlignLeft);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_table);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({620, 380}); // in proportion: the table's columns fit beside the reasons
    m_states = new StateStack(u"recommended"_s, splitter);
    layout->addWidget(m_states, 1);

    m_legend = new QLabel;
    m_legend->setObjectName(u"recommendedLegend"_s);
    m_legend->setWordWrap(true);
    layout->addWidget(m_legend);
    auto *bottom = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(u"recommendedStatus"_s);
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    m_more = new QPushButton;
    m_more->setObjectName(u"recommendedMoreButton"_s);
    bottom->addWidget(m_more);
    layout->addLayout(bottom);

    connect(m_states, &StateStack::retryRequested, this, &RecommendedTab::reload);
    connect(m_refresh, &QPushButton::clicked, this, &RecommendedTab::reload);
    connect(m_selectAll, &QPushButton::clicked, this, &RecommendedTab::selectAll);
    connect(m_invite, &QPushButton::clicked, this, &RecommendedTab::inviteSelected);
    connect(m_more, &QPushButton::clicked, this, &RecommendedTab::loadMore);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT creatorRequested(index.data(RecommendationsModel::IdRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid()) {
            Q_EMIT creatorRequested(current.data(RecommendationsModel::IdRole).toString());
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RecommendedTab::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RecommendedTab::showDetails);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RecommendedTab::showDetails);
}

void RecommendedTab::retranslate()
{
    setWindowTitle(tr("Recommended"));
    m_refresh->setText(tr("Re&fresh"));
    m_selectAll->setText(tr("Select &all"));
    m_open->setText(tr("Open &profile"));
    m_more->setText(tr("&More"));
    m_legend->setText(legend());
    showStatus();
    m_model->retranslate();
    fitHeaderTexts(m_table->horizontalHeader()); // the titles' widths differ by language
    showState();
    showDetails();
    updateButtons();
}

void RecommendedTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void RecommendedTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Asked for when looked at, once per campaign shown.
    if (m_campaign && m_loadedFor != m_campaign->id) {
        reload();
    }
}

QString RecommendedTab::legend() const
{
    QStringList parts;
    const auto factors = common::recommendationFactors();
    for (qsizetype i = 0; i < factors.size(); ++i) {
        const int position = static_cast<int>(i);
        const QColor colour = FactorBarsDelegate::color(
                factors.at(i) == RecommendationFactor::Declines ? 7 : position);
        parts.append(u"<span style=\"color:%1\">\u25A0</span>&nbsp;%2"_s.arg(
                colour.name(), RecommendationText::factorName(factors.at(i)).toHtmlEscaped()));
    }
    return tr("Bars, left to right: %1. A bar's grey track is the most its factor can add; "
              "declines take away.")
            .arg(parts.join(u" &nbsp; "_s));
}

void RecommendedTab::setCampaign(const common::Campaign &campaign)
{
    const bool other = !m_campaign || m_campaign->id != campaign.id;
    m_campaign = campaign;
    if (other) {
        clear();
        if (isVisible()) {
            reload();
        }
    }
    updateButtons();
}

void RecommendedTab::clear()
{
    ++m_generation;
    m_loadedFor.clear();
    m_nextCursor.clear();
    m_generatedAt = {};
    m_loadingMore = false;
    m_moreError.reset();
    m_model->clear();
    setState(State::Idle);
}

void RecommendedTab::reload()
{
    if (!m_campaign) {
        return;
    }
    ++m_generation;
    m_loadedFor = m_campaign->id;
    m_nextCursor.clear();
    m_loadingMore = false;
    m_moreError.reset();
    m_model->clear();
    setState(State::Loading);
    request(QString());
}

bool RecommendedTab::canLoadMore() const
{
    return m_state == State::Loaded && !m_loadingMore && !m_nextCursor.isEmpty();
}

void RecommendedTab::loadMore()
{
    if (!canLoadMore()) {
        return;
    }
    m_loadingMore = true;
    m_moreError.reset();
    showStatus();
    updateButtons();
    request(m_nextCursor);
}

void RecommendedTab::request(const QString &cursor)
{
    const quint64 generation = m_generation;
    const bool first = cursor.isEmpty();
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_calls.recommendations(m_loadedFor, kPageSize, cursor),
            [this, generation, first](const Result<common::RecommendationPage> &result) {
                arrived(generation, first, result);
            });
}

void RecommendedTab::arrived(
        quint64 generation, bool first, const Result<common::RecommendationPage> &result)
{
    if (generation != m_generation) {
        return;
    }
    m_loadingMore = false;
    if (!result) {
        if (first) {
            m_error = result.error();
            setState(State::Failed);
        } else {
            // The creators listed stay; More asks for the same page again.
            m_moreError = result.error();
            showStatus();
            updateButtons();
        }
        return;
    }
    m_nextCursor = result->nextCursor;
    m_generatedAt = result->generatedAt;
    m_model->append(result->items);
    if (first && m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(0, RecommendationsModel::Creator));
        m_table->clearSelection();
    }
    setState(State::Loaded);
}

void RecommendedTab::showStatus()
{
    const int count = m_model->rowCount();
    if (m_state != State::Loaded) {
        m_status->clear();
    } else if (m_loadingMore) {
        m_status->setText(tr("Loading more creators…"));
    } else if (m_moreError) {
        m_status->setText(
                tr("More creators could not be loaded. %1").arg(ErrorText::sentence(*m_moreError)));
    } else {
        // English has no "(s)": the singular is its own text.
        QString text =
                count == 1 ? tr("One creator listed.") : tr("%n creators listed.", nullptr, count);
        if (m_nextCursor.isEmpty()) {
            text += u' ' + tr("That is everyone who fits.");
        }
        m_status->setText(text);
    }
}

void RecommendedTab::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    showStatus();
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void RecommendedTab::showState()
{
    const QString name = m_campaign ? m_campaign->details.name : QString();
    m_summary->setText(m_generatedAt.isValid()
                    ? tr("Creators who fit “%1”, best first (ranked %2). Hover over a row for "
                         "its reasons; select creators to invite them.")
                              .arg(name, Formats::when(m_generatedAt))
                    : tr("Creators who fit “%1”, best first.").arg(name));
    switch (m_state) {
    case State::Idle: m_states->showLoading(tr("Waiting for the campaign…")); break;
    case State::Loading: m_states->showLoading(tr("Ranking creators for this campaign…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_model->rowCount() == 0) {
            m_states->showEmpty(tr("No creator to recommend yet: everyone who fits is in a deal "
                                   "of this campaign already, or no creator with a verified "
                                   "account matches. Widen the campaign's targeting, or find "
                                   "creators in discovery."),
                    QString());
        } else {
            m_states->showContent();
        }
        break;
    }
}

void RecommendedTab::addSelectionTool(QWidget *tool)
{
    m_tools->addWidget(tool);
}

QList<Recommendation> RecommendedTab::selectedCreators() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QList<Recommendation> creators;
    for (const QModelIndex &index : std::as_const(rows)) {
        creators.append(m_model->at(index.row()));
    }
    return creators;
}

void RecommendedTab::selectAll()
{
    m_table->selectAll();
    m_table->setFocus();
}

void RecommendedTab::inviteSelected()
{
    const QList<Recommendation> creators = selectedCreators();
    if (!m_campaign || creators.isEmpty() || m_campaign->status != common::CampaignStatus::Active) {
        return;
    }
    Q_EMIT inviteRequested(*m_campaign, creators);
}

void RecommendedTab::setInvitation(const QString &influencerId, const QString &text)
{
    m_model->setInvitation(influencerId, text);
}

void RecommendedTab::updateButtons()
{
    const bool loaded = m_state == State::Loaded && m_model->rowCount() > 0;
    const auto count = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    const bool active = m_campaign && m_campaign->status == common::CampaignStatus::Active;
    m_refresh->setEnabled(m_campaign.has_value() && m_state != State::Loading);
    m_selectAll->setEnabled(loaded);
    m_invite->setEnabled(loaded && active && count > 0);
    m_invite->setText(count > 1  ? tr("&Invite %n creators…", nullptr, count)
                    : count == 1 ? tr("&Invite one creator…")
                                 : tr("&Invite selected…"));
    m_invite->setToolTip(active ? tr("Invite the selected creators with a first offer; each "
                                     "one's fee starts at their rate.")
                                : tr("Launch the campaign to invite creators to it."));
    m_more->setVisible(m_state == State::Loaded && !m_nextCursor.isEmpty());
    m_more->setEnabled(canLoadMore());
    m_legend->setVisible(loaded);
}

void RecommendedTab::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    m_open->setVisible(current.isValid());
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detailsTitle->setText(tr("Why"));
        m_details->setPlainText(tr("Pick a creator to see why they fit."));
        return;
    }
    const Recommendation &item = m_model->at(current.row());
    m_detailsTitle->setText(
            tr("Why %1 (score %2)")
                    .arg(item.influencer.displayName, RecommendationText::score(item.score)));
    QString html = RecommendationText::reasons(item);
    const QString invitation = m_model->invitation(item.influencer.id);
    if (!invitation.isEmpty()) {
        html += u"<p>"_s + tr("Invitation: %1").arg(invitation.toHtmlEscaped()) + u"</p>"_s;
    }
    m_details->setHtml(html);
}

QString RecommendedTab::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace influence::desktop
