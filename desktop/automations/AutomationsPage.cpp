// SPDX-License-Identifier: Apache-2.0
#include "AutomationsPage.h"

#include "RuleDetailPanel.h"
#include "RuleEditorDialog.h"
#include "RuleText.h"
#include "TemplateGallery.h"
#include "common/CollabApi.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::Rule;
using influence::common::RulePage;

namespace influence::desktop {

namespace {
constexpr int kPageSize = 100;
constexpr int kIdRole = Qt::UserRole;
} // namespace

AutomationsPage::AutomationsPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_rulesApi(api)
    , m_session(session)
{
    setObjectName(u"automationsPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
}

void AutomationsPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_brands = new BrandPicker(m_api);
    bar->addWidget(m_brands);
    connect(m_brands, &BrandPicker::ready, this, &AutomationsPage::loadRules);
    connect(m_brands, &BrandPicker::brandChanged, this, [this] {
        m_detail->clear();
        reload();
    });
    m_new = new QPushButton;
    m_new->setObjectName(u"newRuleButton"_s);
    m_refresh = new QPushButton;
    m_refresh->setObjectName(u"refreshRulesButton"_s);
    m_message = new StatusLine;
    m_message->setObjectName(u"automationsMessage"_s);
    m_message->setWordWrap(true);
    bar->addWidget(m_new);
    bar->addWidget(m_refresh);
    bar->addWidget(m_message, 1);
    layout->addLayout(bar);
    connect(m_new, &QPushButton::clicked, this, &AutomationsPage::newFromTemplate);
    connect(m_refresh, &QPushButton::clicked, this, &AutomationsPage::reload);

    auto *splitter = new QSplitter;
    m_table = new QTableWidget(0, FiringsColumn + 1);
    m_table->setObjectName(u"rulesTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    // The name and the trigger share what the short columns leave.
    for (const int column : {NameColumn, TriggerColumn}) {
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    }
    for (const int column : {EnabledColumn, LastFiredColumn, FiringsColumn}) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    connect(m_table, &QTableWidget::currentCellChanged, this, &AutomationsPage::ruleChosen);
    connect(m_table, &QTableWidget::cellChanged, this, &AutomationsPage::enabledEdited);
    connect(m_table, &QTableWidget::cellActivated, this, &AutomationsPage::editCurrent);
    m_states = new StateStack(u"rules"_s, m_table);
    connect(m_states, &StateStack::retryRequested, this, &AutomationsPage::reload);
    connect(m_states, &StateStack::emptyActionTriggered, this, &AutomationsPage::newFromTemplate);
    splitter->addWidget(m_states);

    m_detail = new RuleDetailPanel(m_api);
    connect(m_detail, &RuleDetailPanel::editRequested, this, &AutomationsPage::editCurrent);
    connect(m_detail, &RuleDetailPanel::enabledRequested, this, &AutomationsPage::setRuleEnabled);
    connect(m_detail, &RuleDetailPanel::deleteRequested, this, [this](const Rule &rule) {
        deleteRule(rule.id);
    });
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({470, 610});
    layout->addWidget(splitter, 1);
}

void AutomationsPage::retranslate()
{
    setWindowTitle(tr("Automations"));
    m_new->setText(tr("&New from template…"));
    m_refresh->setText(tr("&Refresh"));
    m_table->setHorizontalHeaderLabels(
            {tr("Name"), tr("When"), tr("On"), tr("Last fired"), tr("Firings")});
    m_table->horizontalHeaderItem(EnabledColumn)
            ->setToolTip(tr("Whether the automation runs; untick to pause it."));
    fillTable();
    setState(m_state);
}

void AutomationsPage::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading the brand's automations…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_rules.isEmpty()) {
            m_states->showEmpty(
                    tr("No automations yet — start from a template."), tr("&New from template…"));
        } else {
            m_states->showContent();
        }
        break;
    }
    Q_EMIT stateChanged(state);
}

void AutomationsPage::reload()
{
    if (m_session->state() != Session::State::SignedIn
            && m_session->state() != Session::State::Refreshing) {
        return;
    }
    if (m_wanted.isEmpty()) {
        m_wanted = currentRuleId();
    }
    m_arriving.clear();
    setState(State::Loading);
    ++m_generation;
    if (m_brands->state() == BrandPicker::State::Loaded) {
        loadRules();
    } else {
        m_brands->reload(); // then loadRules()
    }
}

void AutomationsPage::loadRules()
{
    if (m_state != State::Loading) {
        return; // a brand list read for a reload that forget() has cancelled
    }
    loadPage(m_generation, {});
    loadCampaignNames();
}

void AutomationsPage::loadPage(quint64 generation, const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_rulesApi.rules(m_brands->brandId(), kPageSize, cursor),
            [this, generation](const Result<RulePage<Rule>> &page) {
                if (generation != m_generation) {
                    return;
                }
                if (!page) {
                    m_error = page.error();
                    setState(State::Failed);
                    return;
                }
                m_arriving.append(page->items);
                if (!page->nextCursor.isEmpty() && m_arriving.size() < kMaxRules) {
                    loadPage(generation, page->nextCursor);
                    return;
                }
                m_rules = std::exchange(m_arriving, {});
                fillTable();
                setState(State::Loaded);
                if (m_rules.isEmpty()) {
                    m_detail->clear();
                } else if (!selectRule(std::exchange(m_wanted, {}))) {
                    m_table->setCurrentCell(0, NameColumn);
                }
            });
}

void AutomationsPage::loadCampaignNames()
{
    // Conditions name campaigns by id: the detail shows their names once they are here.
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, common::CollabApi(m_api).campaigns({}),
            [this](const Result<common::Page<common::Campaign>> &page) {
                if (!page) {
                    return; // the ids stay
                }
                for (const auto &campaign : page->items) {
                    m_campaignNames.insert(campaign.id, campaign.details.name);
                }
                m_detail->setCampaignNames(m_campaignNames);
            });
}

void AutomationsPage::fillTable()
{
    const QScopedValueRollback filling(m_filling, true);
    const QString current = currentRuleId();
    m_table->setRowCount(static_cast<int>(m_rules.size()));
    for (int row = 0; row < m_rules.size(); ++row) {
        const Rule &rule = m_rules.at(row);
        const auto readOnly = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setToolTip(text);
            return item;
        };
        auto *name = readOnly(rule.definition.name);
        name->setData(kIdRole, rule.id);
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, TriggerColumn,
                readOnly(RuleText::trigger(rule.definition.trigger) + u", "_s
                        + RuleText::delay(rule.definition.delayMinutes)));
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        enabled->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setToolTip(
                rule.enabled ? tr("Running: untick to pause") : tr("Paused: tick to run"));
        m_table->setItem(row, EnabledColumn, enabled);
        m_table->setItem(row, LastFiredColumn,
                readOnly(rule.lastFiredAt.isValid() ? Formats::when(rule.lastFiredAt)
                                                    : tr("never")));
        auto *count = readOnly(QLocale().toString(rule.firingCount));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, FiringsColumn, count);
    }
    m_table->resizeRowsToContents();
    if (!current.isEmpty()) {
        const QSignalBlocker blocker(m_table);
        for (int row = 0; row < m_rules.size(); ++row) {
            if (m_rules.at(row).id == current) {
                m_table->setCurrentCell(row, NameColumn);
            }
        }
    }
}

QString AutomationsPage::currentRuleId() const
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), NameColumn);
    return item ? item->data(kIdRole).toString() : QString();
}

bool AutomationsPage::selectRule(const QString &id)
{
    for (int row = 0; !id.isEmpty() && row < m_rules.size(); ++row) {
        if (m_rules.at(row).id == id) {
            if (m_table->currentRow() == row) {
                ruleChosen();
            } else {
                m_table->setCurrentCell(row, NameColumn);
            }
            return true;
        }
    }
    return false;
}

void AutomationsPage::restoreState(const QVariant &state)
{
    if (!selectRule(state.toString())) {
        m_wanted = state.toString();
        reload();
    }
}

void AutomationsPage::ruleChosen()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rules.size()) {
        return;
    }
    m_detail->showRule(m_rules.at(row), m_detail->rule().id != m_rules.at(row).id);
}

void AutomationsPage::enabledEdited(int row, int column)
{
    if (m_filling || column != EnabledColumn || row < 0 || row >= m_rules.size()) {
        return;
    }
    setRuleEnabled(m_rules.at(row).id, m_table->item(row, column)->checkState() == Qt::Checked);
}

void AutomationsPage::setRuleEnabled(const QString &id, bool enabled)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_rulesApi.setEnabled(id, enabled), [this, id](const Result<Rule> &rule) {
        if (!rule) {
            showMessage(tr("The automation was not switched: %1")
                                .arg(ErrorText::sentence(rule.error())));
            fillTable(); // the switch as it was
            return;
        }
        showMessage(rule->enabled ? tr("“%1” is running.").arg(rule->definition.name)
                                  : tr("“%1” is paused.").arg(rule->definition.name));
        ruleSaved(*rule);
    });
}

void AutomationsPage::ruleSaved(const Rule &rule)
{
    const auto it = std::find_if(m_rules.begin(), m_rules.end(), [&](const Rule &r) {
        return r.id == rule.id;
    });
    if (it == m_rules.end()) {
        m_wanted = rule.id; // a new rule: listed where the server lists it
        reload();
    } else {
        *it = rule;
        fillTable();
        if (m_detail->rule().id == rule.id) {
            m_detail->showRule(rule, false);
        }
    }
    Q_EMIT ruleChanged(rule.id);
}

TemplateGallery *AutomationsPage::gallery() const
{
    return m_gallery;
}

RuleEditorDialog *AutomationsPage::editor() const
{
    return m_editor;
}

void AutomationsPage::newFromTemplate()
{
    if (m_gallery) {
        m_gallery->raise();
        return;
    }
    m_gallery = new TemplateGallery(m_api, this);
    connect(m_gallery, &TemplateGallery::chosen, this,
            [this](const common::RuleTemplate &ruleTemplate) {
                auto *editor = new RuleEditorDialog(m_api, ruleTemplate, this);
                editor->setBrandId(m_brands->brandId());
                openEditor(editor);
            });
    m_gallery->open();
}

void AutomationsPage::editCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rules.size()) {
        return;
    }
    openEditor(new RuleEditorDialog(m_api, m_rules.at(row), this));
}

void AutomationsPage::openEditor(RuleEditorDialog *editor)
{
    if (m_editor) {
        m_editor->close();
    }
    m_editor = editor;
    connect(editor, &RuleEditorDialog::saved, this, [this](const Rule &rule) {
        showMessage(tr("“%1” saved.").arg(rule.definition.name));
        ruleSaved(rule);
    });
    editor->open();
}

void AutomationsPage::deleteRule(const QString &id)
{
    const auto it = std::find_if(m_rules.cbegin(), m_rules.cend(), [&](const Rule &r) {
        return r.id == id;
    });
    if (it == m_rules.cend()) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete automation"),
            tr("Delete the automation “%1”? Its history goes with it; what it already did "
               "stays.")
                    .arg(it->definition.name),
            QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"deleteRuleQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, id, name = it->definition.name](int answer) {
        if (answer != QMessageBox::Yes) {
            return;
        }
        const common::ApiClient::OwnerScope owner(m_api, this);
        continueIn(this, m_rulesApi.remove(id),
                [this, id, name](const Result<common::JsonReply> &done) {
                    if (!done) {
                        showMessage(tr("The automation was not deleted: %1")
                                            .arg(ErrorText::sentence(done.error())));
                        return;
                    }
                    showMessage(tr("“%1” deleted.").arg(name));
                    if (m_detail->rule().id == id) {
                        m_detail->clear();
                    }
                    reload();
                    Q_EMIT ruleChanged(id);
                });
    });
    box->open();
}

void AutomationsPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

QString AutomationsPage::messageText() const
{
    return m_message->text();
}

void AutomationsPage::forget()
{
    ++m_generation;
    m_brands->forget();
    m_rules.clear();
    m_arriving.clear();
    m_campaignNames.clear();
    fillTable();
    m_detail->clear();
    m_detail->setCampaignNames({});
    showMessage({});
    if (m_editor) {
        m_editor->close();
    }
    if (m_gallery) {
        m_gallery->close();
    }
    m_state = State::Idle;
}

void AutomationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload(); // other staff change rules, and rules fire
}

void AutomationsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_detail->retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
