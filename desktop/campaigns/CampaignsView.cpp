// SPDX-License-Identifier: Apache-2.0
#include "CampaignsView.h"

#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignText.h"
#include "campaigns/CampaignsModel.h"
#include "common/ApiClient.h"
#include "common/CampaignTargetsApi.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;
using influence::common::Campaign;
using influence::common::CampaignAction;
using influence::common::CampaignStatus;
using influence::common::Result;

namespace influence::desktop {

namespace {

/// Twenty pages: more than any brand's agency runs at once; beyond it the user is told.
constexpr qsizetype kMaxCampaigns = 2000;

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
        applyRole();
        if (state == Session::State::SignedOut) {
            // The next user of a shared workstation sees none of these campaigns or budgets
            // (an ended session keeps them: signing in again continues here).
            ++m_generation; // answers still on their way are dropped
            m_selectAfterLoad.clear();
            m_model->setCampaigns({});
            m_brands->forget();
            showMessage({});
            setState(State::Idle);
        }
        if (state == Session::State::SignedIn && isVisible() && m_state != State::Loading) {
            reload();
        }
    });
    applyRole();
}

void CampaignsView::showBrandColumn()
{
    // Which brand a row is for matters only while several brands' campaigns are listed.
    m_table->setColumnHidden(
            CampaignsModel::Brand, m_brands->brands().size() < 2 || !m_brands->brandId().isEmpty());
}

bool CampaignsView::isBrandSide() const
{
    // Admins act for brands; a creator only sees the campaigns they work in.
    return m_session->user().role != common::UserRole::Influencer;
}

void CampaignsView::applyRole()
{
    const bool brand = isBrandSide();
    m_new->setVisible(brand);
    m_edit->setVisible(brand);
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setVisible(brand);
    }
    // A brand's total budget is the brand's own business.
    m_table->setColumnHidden(CampaignsModel::Budget, !brand);
    showBrandColumn();
    retranslate();
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
    // Agency staff of several brands: all of them, or one.
    m_brands = new BrandPicker(m_api);
    m_brands->setAllowAll(true);
    toolbar->addWidget(m_brands);
    connect(m_brands, &BrandPicker::brandChanged, this, &CampaignsView::reload);
    connect(m_brands, &BrandPicker::ready, this, [this] {
        showBrandColumn();
    });
    m_export = button(u"exportCampaignsButton"_s);
    m_reload = button(u"reloadCampaignsButton"_s);
    layout->addLayout(toolbar);

    m_table = new QTableView;
    m_table->setObjectName(u"campaignsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Fitted to what the rows show, but never narrower than a column's title (a status or a
    // count is shorter than its title, and a cut-off title is a guess for the reader).
    const auto fitColumns = [this] {
        m_table->resizeColumnsToContents();
        fitHeaderTexts(m_table->horizontalHeader());
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, fitColumns);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fitColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, this, fitColumns);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, fitColumns);
    m_states = new StateStack(u"campaigns"_s, m_table);
    layout->addWidget(m_states, 1);

    m_message = new StatusLine;
    m_message->setObjectName(u"campaignsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_new, &QPushButton::clicked, this, &CampaignsView::newCampaign);
    connect(m_edit, &QPushButton::clicked, this, &CampaignsView::editSelected);
    connect(m_reload, &QPushButton::clicked, this, &CampaignsView::reload);
    connect(m_export, &QPushButton::clicked, this, &CampaignsView::exportAsCsv);
    connect(m_states, &StateStack::retryRequested, this, &CampaignsView::reload);
    connect(m_states, &StateStack::emptyActionTriggered, this, &CampaignsView::newCampaign);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CampaignsView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CampaignsView::updateButtons);
    // Enter or a double-click opens the campaign's page; Edit stays its own action.
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const Campaign *campaign = m_model->campaignAt(index.row())) {
            Q_EMIT campaignOpened(campaign->id);
        }
    });
    updateButtons();
}

void CampaignsView::retranslate()
{
    setWindowTitle(tr("Campaigns"));
    m_title->setText(isBrandSide() ? tr("Your campaigns") : tr("Campaigns you work in"));
    m_new->setText(tr("&New campaign…"));
    m_edit->setText(tr("&Edit…"));
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setText(CampaignText::campaignAction(action));
    }
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("E&xport as CSV…"));
    showState();
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

void CampaignsView::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your campaigns…")); break;
    case State::Empty:
        if (isBrandSide()) {
            m_states->showEmpty(
                    tr("No campaigns yet. Create the first one."), tr("&New campaign…"));
        } else {
            m_states->showEmpty(tr("No campaigns yet. Campaigns appear here once a brand "
                                   "invites you or you apply."));
        }
        break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded: m_states->showContent(); break;
    }
}

void CampaignsView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
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
    if (isBrandSide() && m_brands->state() == BrandPicker::State::Idle) {
        m_brands->reload(); // every brand's campaigns meanwhile
    }
    ++m_generation;
    m_arriving.clear();
    setState(State::Loading);
    loadPage({});
}

void CampaignsView::loadPage(const QString &cursor)
{
    const quint64 generation = m_generation;
    const common::ApiClient::OwnerScope owner(m_api, this);
    common::CampaignQuery query;
    query.brandId = m_brands->brandId();
    query.cursor = cursor;
    continueIn(this, m_collab.campaigns(query),
            [this, generation](const Result<common::Page<Campaign>> &result) {
                listed(generation, result);
            });
}

void CampaignsView::listed(quint64 generation, const Result<common::Page<Campaign>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_arriving.clear();
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    // Every page: the list is what the user sorts, searches and exports.
    m_arriving += result->items;
    const bool more = !result->nextCursor.isEmpty();
    if (more && m_arriving.size() < kMaxCampaigns) {
        loadPage(result->nextCursor);
        return;
    }
    const QList<Campaign> campaigns = std::exchange(m_arriving, {});
    if (more) {
        showMessage(
                tr("Showing the first %n campaign(s).", "", static_cast<int>(campaigns.size())));
    }
    m_model->setCampaigns(campaigns);
    // (A reset model shows every column again.)
    m_table->setColumnHidden(CampaignsModel::Budget, !isBrandSide());
    showBrandColumn();
    setState(campaigns.isEmpty() ? State::Empty : State::Loaded);
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
    m_new->setEnabled(canLoad() && isBrandSide());
    m_export->setEnabled(m_state == State::Loaded);
    m_edit->setEnabled(open && isBrandSide());
    for (const auto &[action, b] : std::as_const(m_actions)) {
        b->setEnabled(
                campaign && isBrandSide() && common::campaignTransition(campaign->status, action));
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
    if (!isBrandSide()) {
        return nullptr;
    }
    CampaignDialog *dialog = openDialog();
    dialog->offerBrands(m_api);
    dialog->open();
    return dialog;
}

CampaignDialog *CampaignsView::editSelected()
{
    const Campaign *campaign = selected();
    if (!campaign || !isBrandSide()) {
        return nullptr;
    }
    CampaignDialog *dialog = openDialog();
    dialog->setCampaign(campaign->id, campaign->details);
    dialog->open();
    // The targets are not part of a listed campaign: they follow when they arrive.
    continueIn(dialog, common::CampaignTargetsApi(m_api).targets(campaign->id),
            [dialog](const Result<common::CampaignTargets> &targets) {
                if (targets) {
                    dialog->setTargets(*targets);
                }
            });
    return dialog;
}

void CampaignsView::save(const common::CampaignInput &input)
{
    if (!m_dialog) {
        return;
    }
    m_dialog->setBusy(true);
    const QString id = m_dialog->campaignId();
    const common::CampaignTargetsApi targets(m_api);
    // Without its targets known, an edit leaves them as they are (a PATCH without the field).
    auto future = !m_dialog->targetsKnown() ? m_collab.updateCampaign(id, input)
            : id.isEmpty()                  ? targets.create(input, m_dialog->targets())
                                            : targets.update(id, input, m_dialog->targets());
    continueIn(this, std::move(future), [this](const Result<Campaign> &result) {
        saved(result);
    });
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
    if (!campaign || !isBrandSide()) {
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
    continueIn(this, m_collab.campaignAction(id, action),
            [this, action, id](const Result<Campaign> &result) {
                moved(action, id, result);
            });
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
    continueIn(this, m_collab.campaign(id), [this](const Result<Campaign> &result) {
        refreshed(result);
    });
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
