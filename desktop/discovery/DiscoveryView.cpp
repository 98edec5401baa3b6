// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryView.h"

#include "InviteDialog.h"
#include "discovery/DiscoveryModel.h"
#include "session/Session.h"
#include "widgets/ErrorText.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

enum StatePage { ResultsPage, LoadingPage, EmptyPage, ErrorPage };

const QStringList kPlatforms{u"instagram"_s, u"youtube"_s, u"tiktok"_s, u"twitch"_s, u"x"_s,
        u"facebook"_s, u"pinterest"_s, u"linkedin"_s, u"snapchat"_s};

} // namespace

DiscoveryView::DiscoveryView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_session(session)
    , m_model(new DiscoveryModel(api, this))
{
    setObjectName(u"discoveryPage"_s);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DiscoveryView::search);
    buildUi();
    retranslate();
    connect(m_model, &DiscoveryModel::stateChanged, this, &DiscoveryView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DiscoveryView::updateState);
    connect(m_session, &Session::stateChanged, this, &DiscoveryView::updateInvite);
    connect(m_session, &Session::signedIn, this, [this] {
        if (isVisible() && m_model->state() != DiscoveryModel::State::Loaded) {
            search();
        }
    });
}

void DiscoveryView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QGridLayout;
    const auto label = [this](QWidget *buddy) {
        auto *text = new QLabel;
        text->setBuddy(buddy);
        m_filterLabels.append(text);
        return text;
    };
    const auto debounce = [this] {
        m_debounce.start();
    };

    m_textEdit = new QLineEdit;
    m_textEdit->setObjectName(u"searchEdit"_s);
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, debounce);
    m_nicheEdit = new QLineEdit;
    m_nicheEdit->setObjectName(u"nicheEdit"_s);
    connect(m_nicheEdit, &QLineEdit::textChanged, this, debounce);
    m_platformBox = new QComboBox;
    m_platformBox->setObjectName(u"platformBox"_s);
    m_platformBox->addItem(QString());
    for (const QString &platform : kPlatforms) {
        m_platformBox->addItem(platform, platform);
    }
    connect(m_platformBox, &QComboBox::currentIndexChanged, this, debounce);
    m_countryEdit = new QLineEdit;
    m_countryEdit->setObjectName(u"countryEdit"_s);
    connect(m_countryEdit, &QLineEdit::textChanged, this, debounce);
    m_languageEdit = new QLineEdit;
    m_languageEdit->setObjectName(u"languageEdit"_s);
    connect(m_languageEdit, &QLineEdit::textChanged, this, debounce);
    m_minFollowers = new QSpinBox;
    m_minFollowers->setObjectName(u"minFollowersBox"_s);
    m_maxFollowers = new QSpinBox;
    m_maxFollowers->setObjectName(u"maxFollowersBox"_s);
    for (QSpinBox *box : {m_minFollowers, m_maxFollowers}) {
        box->setRange(0, 1'000'000'000);
        box->setSingleStep(1000);
        box->setGroupSeparatorShown(true);
        connect(box, &QSpinBox::valueChanged, this, debounce);
    }
    m_minEngagement = new QDoubleSpinBox;
    m_minEngagement->setObjectName(u"minEngagementBox"_s);
    m_minEngagement->setRange(0, 100);
    m_minEngagement->setDecimals(1);
    m_minEngagement->setSingleStep(0.5);
    m_minEngagement->setSuffix(u" %"_s);
    connect(m_minEngagement, &QDoubleSpinBox::valueChanged, this, debounce);
    m_sortBox = new QComboBox;
    m_sortBox->setObjectName(u"sortBox"_s);
    for (const QString &sort : {u"relevance"_s, u"followers"_s, u"engagement"_s, u"growth"_s}) {
        m_sortBox->addItem(QString(), sort);
    }
    connect(m_sortBox, &QComboBox::currentIndexChanged, this, &DiscoveryView::search);

    filters->addWidget(label(m_textEdit), 0, 0);
    filters->addWidget(m_textEdit, 0, 1, 1, 3);
    filters->addWidget(label(m_sortBox), 0, 4);
    filters->addWidget(m_sortBox, 0, 5);
    filters->addWidget(label(m_nicheEdit), 1, 0);
    filters->addWidget(m_nicheEdit, 1, 1);
    filters->addWidget(label(m_platformBox), 1, 2);
    filters->addWidget(m_platformBox, 1, 3);
    filters->addWidget(label(m_countryEdit), 1, 4);
    filters->addWidget(m_countryEdit, 1, 5);
    filters->addWidget(label(m_languageEdit), 2, 0);
    filters->addWidget(m_languageEdit, 2, 1);
    filters->addWidget(label(m_minFollowers), 2, 2);
    filters->addWidget(m_minFollowers, 2, 3);
    filters->addWidget(label(m_maxFollowers), 2, 4);
    filters->addWidget(m_maxFollowers, 2, 5);
    filters->addWidget(label(m_minEngagement), 3, 0);
    filters->addWidget(m_minEngagement, 3, 1);
    layout->addLayout(filters);

    auto *countRow = new QHBoxLayout;
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(u"resultCount"_s);
    countRow->addWidget(m_countLabel, 1);
    m_inviteButton = new QPushButton;
    m_inviteButton->setObjectName(u"inviteButton"_s);
    countRow->addWidget(m_inviteButton);
    layout->addLayout(countRow);
    m_inviteAction = new QAction(this);
    m_inviteAction->setObjectName(u"inviteAction"_s);
    m_inviteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_inviteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_inviteAction);
    connect(m_inviteAction, &QAction::triggered, this, &DiscoveryView::inviteSelected);
    connect(m_inviteButton, &QPushButton::clicked, this, &DiscoveryView::inviteSelected);

    m_states = new QStackedWidget;
    m_states->setObjectName(u"discoveryStates"_s);
    m_table = new QTableView;
    m_table->setObjectName(u"discoveryTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows at once (Shift/Ctrl): the brand's side invites them together.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_inviteAction);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through thousands of rows cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(DiscoveryModel::Name, 220);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(DiscoveryModel::IdRole).toString();
        if (!id.isEmpty()) {
            Q_EMIT creatorActivated(id);
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiscoveryView::updateInvite);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiscoveryView::updateInvite);
    m_states->addWidget(m_table);

    auto *loading = new QWidget;
    auto *loadingLayout = new QVBoxLayout(loading);
    m_loadingLabel = new QLabel;
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    auto *progress = new QProgressBar;
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    loadingLayout->addStretch();
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(progress);
    loadingLayout->addStretch();
    m_states->addWidget(loading);

    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(u"discoveryEmpty"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_states->addWidget(m_emptyLabel);

    auto *error = new QWidget;
    auto *errorLayout = new QVBoxLayout(error);
    m_errorHeadline = new QLabel;
    m_errorHeadline->setObjectName(u"discoveryErrorHeadline"_s);
    m_errorHeadline->setWordWrap(true);
    m_errorDetail = new QLabel;
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(u"discoveryRetry"_s);
    connect(m_retryButton, &QPushButton::clicked, m_model, &DiscoveryModel::reload);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorHeadline);
    errorLayout->addWidget(m_errorDetail);
    errorLayout->addWidget(m_retryButton, 0, Qt::AlignLeft);
    errorLayout->addStretch();
    m_states->addWidget(error);
    layout->addWidget(m_states, 1);
}

void DiscoveryView::retranslate()
{
    setWindowTitle(tr("Discovery"));
    const QStringList labels{tr("&Search:"), tr("S&ort by:"), tr("&Niche:"), tr("&Platform:"),
            tr("&Country:"), tr("&Language:"), tr("Followers f&rom:"), tr("Followers &to:"),
            tr("&Engagement at least:")};
    for (int i = 0; i < labels.size() && i < m_filterLabels.size(); ++i) {
        m_filterLabels.at(i)->setText(labels.at(i));
    }
    m_textEdit->setPlaceholderText(tr("Name, handle or bio"));
    m_nicheEdit->setPlaceholderText(tr("e.g. fitness, travel"));
    m_countryEdit->setPlaceholderText(tr("e.g. DE, AT"));
    m_languageEdit->setPlaceholderText(tr("e.g. de, en"));
    m_platformBox->setItemText(0, tr("Any platform"));
    m_minFollowers->setSpecialValueText(tr("Any"));
    m_maxFollowers->setSpecialValueText(tr("Any"));
    m_minEngagement->setSpecialValueText(tr("Any"));
    m_sortBox->setItemText(0, tr("Relevance"));
    m_sortBox->setItemText(1, tr("Followers"));
    m_sortBox->setItemText(2, tr("Engagement"));
    m_sortBox->setItemText(3, tr("Growth"));
    m_loadingLabel->setText(tr("Searching…"));
    m_emptyLabel->setText(tr("No creators match these filters."));
    m_retryButton->setText(tr("&Retry"));
    updateState();
    updateInvite();
}

void DiscoveryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool DiscoveryView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

bool DiscoveryView::canInvite() const
{
    // The server lets the brand's side invite (brand staff; admins act for brands).
    return canLoad() && m_session->user().role != common::UserRole::Influencer;
}

void DiscoveryView::updateInvite()
{
    const bool allowed = canInvite();
    const auto count = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    m_inviteButton->setVisible(allowed);
    m_inviteAction->setVisible(allowed);
    m_inviteButton->setEnabled(allowed && count > 0);
    m_inviteAction->setEnabled(allowed && count > 0);
    // English has no "(s)": the singular is its own text; %n takes the language's plural forms.
    QString text = tr("&Invite to campaign…");
    if (count == 1) {
        text = tr("&Invite one creator…");
    } else if (count > 1) {
        text = tr("&Invite %n creators…", nullptr, count);
    }
    m_inviteButton->setText(text);
    m_inviteAction->setText(text);
    const QString shortcut = m_inviteAction->shortcut().toString(QKeySequence::NativeText);
    m_inviteButton->setToolTip(count > 0
                    ? tr("Invite the selected creators to one of your active campaigns (%1).")
                              .arg(shortcut)
                    : tr("Select one or more creators first (Shift or Ctrl and click for "
                         "several)."));
}

QList<InviteCreator> DiscoveryView::selectedCreators() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(DiscoveryModel::Name);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QList<InviteCreator> creators;
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = index.data(DiscoveryModel::IdRole).toString();
        if (!id.isEmpty()) {
            creators.append({id, index.data(Qt::DisplayRole).toString()});
        }
    }
    return creators;
}

InviteDialog *DiscoveryView::inviteDialog() const
{
    return m_inviteDialog.data();
}

InviteDialog *DiscoveryView::inviteSelected()
{
    const QList<InviteCreator> creators = selectedCreators();
    if (!canInvite() || creators.isEmpty()) {
        return nullptr;
    }
    if (m_inviteDialog) {
        m_inviteDialog->close();
    }
    m_inviteDialog = new InviteDialog(m_api, creators, this);
    m_inviteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_inviteDialog, &InviteDialog::boardRequested, this,
            &DiscoveryView::campaignBoardRequested);
    m_inviteDialog->open(); // never exec(): the event loop keeps running
    return m_inviteDialog;
}

void DiscoveryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (canLoad() && m_model->state() == DiscoveryModel::State::Idle) {
        search();
    }
}

void DiscoveryView::hideEvent(QHideEvent *event)
{
    // Leaving the page: answers still on their way are not wanted any more.
    m_debounce.stop();
    if (m_model->state() == DiscoveryModel::State::Loading) {
        m_model->cancel();
    }
    QWidget::hideEvent(event);
}

void DiscoveryView::search()
{
    m_debounce.stop();
    if (!canLoad()) {
        return;
    }
    common::DiscoveryQuery query;
    query.text = m_textEdit->text();
    query.niche = m_nicheEdit->text();
    query.platform = m_platformBox->currentData().toString();
    query.country = m_countryEdit->text().toUpper();
    query.language = m_languageEdit->text().toLower();
    if (m_minFollowers->value() > 0) {
        query.minFollowers = m_minFollowers->value();
    }
    if (m_maxFollowers->value() > 0) {
        query.maxFollowers = m_maxFollowers->value();
    }
    if (m_minEngagement->value() > 0) {
        query.minEngagementRate = m_minEngagement->value() / 100.0;
    }
    query.sort = m_sortBox->currentData().toString();
    if (query.sort == u"relevance"_s && query.text.trimmed().isEmpty()) {
        query.sort.clear(); // relevance ranks by the search text; without one the server's default
    }
    m_model->setQuery(query);
}

void DiscoveryView::updateState()
{
    const int rows = m_model->rowCount();
    const DiscoveryModel::State state = m_model->state();
    if (rows == 0 && state == DiscoveryModel::State::Loading) {
        m_states->setCurrentIndex(LoadingPage);
    } else if (rows == 0 && state == DiscoveryModel::State::Failed) {
        m_errorHeadline->setText(ErrorText::headline(m_model->error()));
        m_errorDetail->setText(ErrorText::detail(m_model->error()));
        m_states->setCurrentIndex(ErrorPage);
    } else if (rows == 0 && state == DiscoveryModel::State::Loaded) {
        m_states->setCurrentIndex(EmptyPage);
    } else {
        m_states->setCurrentIndex(ResultsPage);
    }
    QString count;
    if (m_model->total() >= 0) {
        count = tr("Creators found: %1").arg(QLocale().toString(m_model->total()));
        if (rows > 0 && rows < m_model->total()) {
            count += u" · "_s + tr("%1 shown").arg(QLocale().toString(rows));
        }
    }
    if (rows > 0 && state == DiscoveryModel::State::Loading) {
        count += u" · "_s + tr("loading more…");
    } else if (rows > 0 && state == DiscoveryModel::State::Failed) {
        count += u" · "_s + ErrorText::headline(m_model->error());
    }
    m_countLabel->setText(count);
}

} // namespace influence::desktop
