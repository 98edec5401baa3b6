// SPDX-License-Identifier: Apache-2.0
#include "CreatorProfileView.h"

#include "common/ApiClient.h"
#include "common/Money.h"
#include "profiles/AuthenticityPanel.h"
#include "profiles/CreatorPerformance.h"
#include "profiles/MetricsModel.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CountryNames.h"
#include "widgets/LanguagePicker.h"
#include "widgets/Names.h"
#include "widgets/SimilarCreatorsList.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

enum AccountColumn {
    PlatformColumn,
    HandleColumn,
    FollowersColumn,
    EngagementColumn,
    GrowthColumn
};

QString percent(std::optional<double> fraction, bool signedValue)
{
    if (!fraction) {
        return u"–"_s;
    }
    QString text = QLocale().toString(*fraction * 100.0, 'f', 1) + u" %"_s;
    if (signedValue && *fraction > 0) {
        text.prepend(u'+');
    }
    return text;
}

} // namespace

QLabel *CreatorProfileView::valueLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString CreatorProfileView::seriesName(const common::ConnectedAccount &account)
{
    return platformName(account) + u" @"_s + account.handle;
}

QString CreatorProfileView::platformName(const common::ConnectedAccount &account)
{
    const QString name = Names::platform(account.platform);
    return name.isEmpty() ? account.platformName : name;
}

CreatorProfileView::CreatorProfileView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_profiles(api)
    , m_session(session)
    , m_totalModel(new MetricsModel(this))
{
    setObjectName(u"creatorProfilePage"_s);
    buildUi();
    retranslate();
    connect(CountryNames::instance(), &CountryNames::changed, this, [this] {
        if (m_state == State::Loaded) {
            showDetails();
        }
    });
    connect(m_session, &Session::signedIn, this, [this] {
        if (isVisible() && (m_state == State::Failed || m_reloadOnShow)) {
            load();
        }
    });
    connect(m_session, &Session::stateChanged, m_performance, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            m_performance->clear();
            m_similar->clear();
            m_authenticity->showProfile({});
        }
    });
}

void CreatorProfileView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildContent());
    m_states = new StateStack(u"profile"_s, scroll);
    connect(m_states, &StateStack::retryRequested, this, &CreatorProfileView::load);
    layout->addWidget(m_states);
}

QWidget *CreatorProfileView::buildContent()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_nameLabel = new QLabel;
    m_nameLabel->setObjectName(u"creatorName"_s);
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_summaryLabel = valueLabel(u"creatorSummary"_s);
    m_headerTools = new QHBoxLayout;
    m_headerTools->addWidget(m_nameLabel, 1);
    layout->addLayout(m_headerTools);
    layout->addWidget(m_summaryLabel);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_details = new QFormLayout;
    m_bioValue = valueLabel(u"bioValue"_s);
    m_nichesValue = valueLabel(u"nichesValue"_s);
    m_countryValue = valueLabel(u"countryValue"_s);
    m_languagesValue = valueLabel(u"languagesValue"_s);
    m_ratesValue = valueLabel(u"ratesValue"_s);
    for (QLabel *value :
            {m_bioValue, m_nichesValue, m_countryValue, m_languagesValue, m_ratesValue}) {
        m_details->addRow(new QLabel, value);
    }
    left->addLayout(m_details);
    m_accountsTitle = new QLabel;
    QFont titleFont = m_accountsTitle->font();
    titleFont.setBold(true);
    m_accountsTitle->setFont(titleFont);
    m_accountsTable = new QTableWidget(0, GrowthColumn + 1);
    m_accountsTable->setObjectName(u"accountsTable"_s);
    m_accountsTable->verticalHeader()->hide();
    m_accountsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accountsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    // As tall as its rows, no blank rows below them; as wide as its columns (showAccounts).
    m_accountsTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    // Across, the columns' stretch factors share the width, no less than its columns need.
    m_accountsTable->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    m_accountsTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left->addWidget(m_accountsTitle);
    left->addWidget(m_accountsTable);
    left->addStretch(1);
    m_similarTitle = new QLabel;
    m_similarTitle->setFont(titleFont);
    m_similar = new SimilarCreatorsList(m_api, u"similarCreators"_s, kSimilarCount);
    m_similar->setMinimumHeight(220);
    connect(m_similar, &SimilarCreatorsList::creatorActivated, this,
            &CreatorProfileView::creatorRequested);
    columns->addLayout(left, 2);
    columns->addWidget(buildChartsPanel(), 3);
    layout->addLayout(columns, 1);
    // Full width, under the charts it explains: its sentences wrap less, and the columns above
    // keep their sizes.
    m_authenticity = new AuthenticityPanel;
    layout->addWidget(m_authenticity);
    // Full width: the shared traits are the widest column.
    layout->addWidget(m_similarTitle);
    layout->addWidget(m_similar);
    m_performance = new CreatorPerformance(m_api, u"creatorPerformance"_s);
    layout->addWidget(m_performance);
    return content;
}

void CreatorProfileView::addHeaderTool(QWidget *tool)
{
    m_headerTools->addWidget(tool);
}

void CreatorProfileView::retranslate()
{
    setWindowTitle(tr("Creator profile"));
    m_metricsRetry->setText(tr("Retry"));
    const QStringList rows{
            tr("Bio:"), tr("Niches:"), tr("Country:"), tr("Languages:"), tr("Rates:")};
    for (int row = 0; row < rows.size(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(
                    m_details->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setText(rows.at(row));
        }
    }
    m_accountsTitle->setText(tr("Connected accounts"));
    m_similarTitle->setText(tr("Similar creators"));
    m_accountsTable->setHorizontalHeaderLabels(
            {tr("Platform"), tr("Handle"), tr("Followers"), tr("Engagement"), tr("Growth 30 d")});
    m_rangeLabel->setText(tr("R&ange:"));
    m_rangeBox->setItemText(0, tr("30 days"));
    m_rangeBox->setItemText(1, tr("90 days"));
    m_rangeBox->setItemText(2, tr("1 year"));
    m_rangeBox->setItemText(3, tr("All"));
    m_exportButton->setText(tr("E&xport as PNG…"));
    m_combinedView->chart()->setTitle(tr("Followers, all accounts"));
    localizeAxes(m_combinedView);
    for (const AccountChart &chart : std::as_const(m_charts)) {
        chart.view->chart()->setTitle(tr("Followers on %1").arg(seriesName(chart.account)));
        localizeAxes(chart.view);
    }
    updateTotalNotes();
    if (m_state == State::Loaded) {
        showDetails();
        showAccounts();
        updateMetricsStatus();
    } else {
        showState(); // the sentence of the state, in the new language
    }
}

void CreatorProfileView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool CreatorProfileView::canLoad() const
{
    return !m_creatorId.isEmpty()
            && (m_session->state() == Session::State::SignedIn
                    || m_session->state() == Session::State::Refreshing);
}

void CreatorProfileView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_reloadOnShow) {
        load();
    } else if (m_metricsReloadOnShow) {
        loadMetrics();
    }
}

void CreatorProfileView::hideEvent(QHideEvent *event)
{
    // Leaving the page: abort what is still on its way, and ask again on return.
    m_reloadOnShow = m_reloadOnShow || m_state == State::Loading;
    m_metricsReloadOnShow = m_metricsReloadOnShow || m_pendingMetrics > 0;
    m_api->abort(this);
    QWidget::hideEvent(event);
}

void CreatorProfileView::showCreator(const QString &id)
{
    m_creatorId = id;
    load();
}

void CreatorProfileView::restoreState(const QVariant &state)
{
    const QString id = state.toString();
    if (!id.isEmpty() && id != m_creatorId) {
        showCreator(id);
    }
}

QString CreatorProfileView::crumb() const
{
    return m_state == State::Loaded && !m_profile.details.displayName.isEmpty()
            ? m_profile.details.displayName
            : windowTitle();
}

void CreatorProfileView::setState(State state)
{
    m_state = state;
    showState();
    Q_EMIT stateChanged(state);
}

void CreatorProfileView::showState()
{
    switch (m_state) {
    case State::Empty:
        m_states->showEmpty(
                tr("Choose a creator in Discovery (double-click a row or press Enter)."));
        break;
    case State::Loading: m_states->showLoading(tr("Loading the profile…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded: m_states->showContent(); break;
    }
}

void CreatorProfileView::load()
{
    m_reloadOnShow = false;
    if (!canLoad()) {
        m_reloadOnShow = !m_creatorId.isEmpty();
        return;
    }
    const quint64 generation = ++m_generation;
    ++m_metricsGeneration;
    m_pendingMetrics = 0;
    m_api->abort(this);
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.influencer(m_creatorId),
            [this, generation](const common::Result<common::InfluencerProfile> &r) {
                profileArrived(generation, r);
            });
}

void CreatorProfileView::profileArrived(
        quint64 generation, const common::Result<common::InfluencerProfile> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        if (result.error().code == common::ErrorCode::Cancelled) {
            m_reloadOnShow = true; // left the page; hideEvent asks again on return
            return;
        }
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_profile = *result;
    m_performance->showCreator(m_creatorId);
    m_similar->showSimilar({m_creatorId});
    showDetails();
    showAccounts();
    m_authenticity->showProfile(m_profile);
    clearCharts(); // not the previous creator's, even for a turn
    setState(State::Loaded);
    // The charts (a QChartView per account) are built in the next turn: together with the
    // page's first layout in this one they held the GUI thread for over 100 ms (ASan build).
    m_pendingMetrics = 1; // metricsLoading() until they are built and their figures asked for
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation) {
            rebuildCharts();
            loadMetrics();
        }
    });
}

QString CreatorProfileView::rateText(const common::Rate &rate) const
{
    static const QHash<common::DeliverableType, const char *> names{
            {common::DeliverableType::Post, QT_TR_NOOP("Post")},
            {common::DeliverableType::Story, QT_TR_NOOP("Story")},
            {common::DeliverableType::Reel, QT_TR_NOOP("Reel")},
            {common::DeliverableType::Video, QT_TR_NOOP("Video")},
            {common::DeliverableType::Short, QT_TR_NOOP("Short")},
            {common::DeliverableType::Livestream, QT_TR_NOOP("Livestream")},
            {common::DeliverableType::Blog, QT_TR_NOOP("Blog post")}};
    return tr("%1: %2").arg(tr(names.value(rate.type)), common::formatMoney(rate.price));
}

void CreatorProfileView::showDetails()
{
    const common::InfluencerProfileInput &details = m_profile.details;
    const QLocale locale;
    m_nameLabel->setText(details.displayName);
    m_summaryLabel->setText(tr("%1 followers · engagement %2 · growth over 30 days %3")
                                    .arg(locale.toString(m_profile.totalFollowers),
                                            percent(m_profile.engagementRate, false),
                                            percent(m_profile.growth30d, true)));
    m_bioValue->setText(details.bio.isEmpty() ? tr("No bio yet.") : details.bio);
    QStringList niches;
    for (const QString &niche : details.niches) {
        niches << Names::niche(niche);
    }
    m_nichesValue->setText(niches.isEmpty() ? tr("None given") : niches.join(u", "_s));
    m_countryValue->setText(
            details.country.isEmpty() ? tr("Not given") : Names::country(details.country));
    QStringList languages;
    for (const QString &code : details.languages) {
        languages.append(LanguagePicker::name(code));
    }
    m_languagesValue->setText(languages.isEmpty() ? tr("None given") : languages.join(u", "_s));
    QStringList rates;
    for (const common::Rate &rate : details.rates) {
        rates.append(rateText(rate));
    }
    m_ratesValue->setText(rates.isEmpty() ? tr("No rates given") : rates.join(u'\n'));
}

void CreatorProfileView::showAccounts()
{
    const QLocale locale;
    m_accountsTable->setRowCount(static_cast<int>(m_profile.accounts.size()));
    for (int row = 0; row < m_profile.accounts.size(); ++row) {
        const common::ConnectedAccount &account = m_profile.accounts.at(row);
        const QStringList cells{platformName(account), u"@"_s + account.handle,
                locale.toString(account.followers), percent(account.engagementRate, false),
                percent(account.growth30d, true)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= FollowersColumn) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_accountsTable->setItem(row, column, item);
        }
    }
    m_accountsTable->resizeColumnsToContents();
    fitHeaderTexts(m_accountsTable->horizontalHeader()); // short figures under long titles
    // Every column in view, the Growth column too: the left side widens rather than cut it.
    m_accountsTable->setMinimumWidth(
            m_accountsTable->horizontalHeader()->length() + 2 * m_accountsTable->frameWidth());
}

} // namespace influence::desktop
