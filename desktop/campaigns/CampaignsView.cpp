// SPDX-License-Identifier: Apache-2.0
#include "CampaignsView.h"

#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignText.h"
#include "campaigns/CampaignsModel.h"
#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"
#include "widgets/RetryPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::CampaignAction;
using influence::common::CampaignStatus;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum StackPage { LoadingPage, EmptyPage, ErrorPage, TablePage };

} // namespace

CampaignsView::CampaignsView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"campaignsPage"_s);
    m_model = new CampaignsModel(this);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && m_state != State::Loading) {
            reload();
        }
    });
}

void CampaignsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel;
    m_title->setObjectName(u"campaignsTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    layout->addWidget(m_title);

    auto *toolbar = new QHBoxLayout;
    const auto button = [toolbar](const QString &name) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        toolbar->addWidget(b);
        return b;
    };
    m_new = button(u"newCampaignButton"_s);
    m_edit = button(u"editCampaignButton"_s);
    for (const CampaignAction action : {CampaignAction::Launch, CampaignAction::Pause,
                 CampaignAction::Resume, CampaignAction::Complete, CampaignAction::Cancel}) {
        QPushButton *b = button(common::wireName(action) + u"CampaignButton"_s);
        m_actions.append({action, b});
        connect(b, &QPushButton::clicked, this, [this, action] {
            runAction(action);
        });
    }
    toolbar->addStretch();
    m_reload = button(u"reloadCampaignsButton"_s);
    layout->addLayout(toolbar);

    m_stack = new QStackedWidget;
    m_stack->setObjectName(u"campaignsStack"_s);
    m_loading = new QLabel;
    m_loading->setObjectName(u"campaignsLoading"_s);
    m_loading->setAlignment(Qt::AlignCenter);
    m_empty = new QLabel;
    m_empty->setObjectName(u"campaignsEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    const RetryPage failure = makeRetryPage(u"campaignsError"_s, u"retryCampaignsButton"_s);
    QWidget *errorPage = failure.page;
    m_errorLabel = failure.label;
    m_retry = failure.retry;
    m_table = new QTableView;
    m_table->setObjectName(u"campaignsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stack->insertWidget(LoadingPage, m_loading);
    m_stack->insertWidget(EmptyPage, m_empty);
    m_stack->insertWidget(ErrorPage, errorPage);
    m_stack->insertWidget(TablePage, m_table);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel;
    m_message->setObjectName(u"campaignsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_new, &QPushButton::clicked, this, &CampaignsView::newCampaign);
    connect(m_edit, &QPushButton::clicked, this, &CampaignsView::editSelected);
    connect(m_reload, &QPushButton::clicked, this, &CampaignsView::reload);
    connect(m_retry, &QPushButton::clicked, this, &CampaignsView::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CampaignsView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CampaignsView::updateButtons);
    connect(m_table, &QTableView::activated, this, &CampaignsView::editSelected);
    updateButtons();
}

void CampaignsView::retranslate()
{
    setWindowTitle(tr("Campaigns"));
    m_title->setText(tr("Your campaigns"));
    m_new->setText(tr("&New campaign…"));
    m_edit->setText(tr("&Edit…"));
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setText(CampaignText::campaignAction(action));
    }
    m_reload->setText(tr("Re&fresh"));
    m_loading->setText(tr("Loading your campaigns…"));
    m_empty->setText(tr("No campaigns yet. Create the first one with “New campaign”."));
    m_retry->setText(tr("&Retry"));
    if (m_state == State::Failed) {
        m_errorLabel->setText(ErrorText::sentence(m_error));
    }
    m_model->retranslate();
}

void CampaignsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool CampaignsView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

void CampaignsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state != State::Loading) {
        reload();
    }
}

void CampaignsView::hideEvent(QHideEvent *event)
{
    if (m_state == State::Loading) {
        m_api->abort(this);
        setState(m_model->rowCount() > 0 ? State::Loaded : State::Idle);
    }
    QWidget::hideEvent(event);
}

void CampaignsView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_stack->setCurrentIndex(LoadingPage); break;
    case State::Empty: m_stack->setCurrentIndex(EmptyPage); break;
    case State::Failed:
        m_errorLabel->setText(ErrorText::sentence(m_error));
        m_stack->setCurrentIndex(ErrorPage);
        break;
    case State::Loaded: m_stack->setCurrentIndex(TablePage); break;
    }
    updateButtons();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void CampaignsView::reload()
{
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    if (const Campaign *current = selected(); current && m_selectAfterLoad.isEmpty()) {
        m_selectAfterLoad = current->id;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.campaigns({}).then(QtFuture::Launch::Sync,
            common::guarded<Result<common::Page<Campaign>>>(
                    this, [this, generation](const Result<common::Page<Campaign>> &result) {
                        listed(generation, result);
                    }));
}

void CampaignsView::listed(quint64 generation, const Result<common::Page<Campaign>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_model->setCampaigns(result->items);
    setState(result->items.isEmpty() ? State::Empty : State::Loaded);
    if (!m_selectAfterLoad.isEmpty()) {
        select(m_selectAfterLoad);
        m_selectAfterLoad.clear();
    }
}

void CampaignsView::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectRow(row);
    }
    updateButtons();
}

void CampaignsView::showCampaign(const QString &id)
{
    m_selectAfterLoad = id;
    if (m_state == State::Loaded && m_model->rowOf(id) >= 0) {
        select(id);
        m_selectAfterLoad.clear();
    }
}

const Campaign *CampaignsView::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->campaignAt(rows.first().row());
}

void CampaignsView::updateButtons()
{
    const Campaign *campaign = m_state == State::Loaded ? selected() : nullptr;
    const bool open = campaign
            && (campaign->status == CampaignStatus::Draft
                    || campaign->status == CampaignStatus::Active
                    || campaign->status == CampaignStatus::Paused);
    m_new->setEnabled(canLoad());
    m_edit->setEnabled(open);
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setEnabled(campaign && common::campaignTransition(campaign->status, action));
    }
}

CampaignDialog *CampaignsView::openDialog()
{
    if (m_dialog) {
        m_dialog->close();
        m_dialog->deleteLater();
    }
    m_dialog = new CampaignDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &CampaignDialog::submitted, this, &CampaignsView::save);
    return m_dialog;
}

CampaignDialog *CampaignsView::newCampaign()
{
    CampaignDialog *dialog = openDialog();
    dialog->open();
    return dialog;
}

CampaignDialog *CampaignsView::editSelected()
{
    const Campaign *campaign = selected();
    if (!campaign) {
        return nullptr;
    }
    CampaignDialog *dialog = openDialog();
    dialog->setCampaign(campaign->id, campaign->details);
    dialog->open();
    return dialog;
}

void CampaignsView::save(const common::CampaignInput &input)
{
    if (!m_dialog) {
        return;
    }
    m_dialog->setBusy(true);
    const QString id = m_dialog->campaignId();
    auto future =
            id.isEmpty() ? m_collab.createCampaign(input) : m_collab.updateCampaign(id, input);
    future.then(QtFuture::Launch::Sync,
            common::guarded<Result<Campaign>>(this, [this](const Result<Campaign> &result) {
                saved(result);
            }));
}

void CampaignsView::saved(const Result<Campaign> &result)
{
    if (!result) {
        if (m_dialog) {
            m_dialog->showError(result.error());
        } else {
            showMessage(ErrorText::sentence(result.error()));
        }
        return;
    }
    if (m_dialog) {
        m_dialog->accept();
    }
    const int row = m_model->upsert(*result);
    setState(State::Loaded);
    m_table->selectRow(row);
    showMessage(tr("“%1” was saved.").arg(result->details.name));
    Q_EMIT campaignChanged(result->id);
}

void CampaignsView::runAction(CampaignAction action)
{
    const Campaign *campaign = selected();
    if (!campaign) {
        return;
    }
    if (!common::campaignTransition(campaign->status, action)) {
        // The buttons follow the same table; this guards calls from elsewhere.
        showMessage(tr("A campaign that is %1 cannot be moved this way.")
                            .arg(Names::campaignStatus(campaign->status)));
        return;
    }
    const QString id = campaign->id;
    showMessage(tr("Sending…"));
    m_collab.campaignAction(id, action)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Campaign>>(
                            this, [this, action, id](const Result<Campaign> &result) {
                                moved(action, id, result);
                            }));
}

void CampaignsView::moved(CampaignAction action, const QString &id, const Result<Campaign> &result)
{
    if (!result) {
        showMessage(tr("“%1” was refused. %2")
                            .arg(CampaignText::campaignAction(action),
                                    ErrorText::sentence(result.error())));
        // The table may be out of date (another person moved it): show what is true now.
        refreshOne(id);
        return;
    }
    const int row = m_model->upsert(*result);
    m_table->selectRow(row);
    showMessage(
            tr("“%1” is now %2.").arg(result->details.name, Names::campaignStatus(result->status)));
    Q_EMIT campaignChanged(id);
}

void CampaignsView::refreshOne(const QString &id)
{
    m_collab.campaign(id).then(QtFuture::Launch::Sync,
            common::guarded<Result<Campaign>>(this, [this](const Result<Campaign> &result) {
                refreshed(result);
            }));
}

void CampaignsView::refreshed(const Result<Campaign> &result)
{
    if (result) {
        m_model->upsert(*result);
        updateButtons();
    }
}

void CampaignsView::showMessage(const QString &text)
{
    m_message->setText(text);
}

QString CampaignsView::messageText() const
{
    return m_message->text();
}

} // namespace influence::desktop
