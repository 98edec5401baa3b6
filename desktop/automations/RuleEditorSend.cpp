// SPDX-License-Identifier: Apache-2.0
// The rule editor's calls: the brand's campaigns and shortlists for its pickers, the dry run
// (Preview) and Save.
#include "FiringsTable.h"
#include "RuleEditorDialog.h"
#include "RuleText.h"
#include "common/CollabApi.h"
#include "common/ShortlistsApi.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"

#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::Rule;
using influence::common::RuleDefinition;
using influence::common::RuleDryRun;

namespace influence::desktop {

namespace {
constexpr int kChoicesPageSize = 100;
/// The pickers offer at most this many campaigns and shortlists, newest first (a rule that
/// names an older one still shows and keeps it).
constexpr int kMaxChoices = 2000;
} // namespace

void RuleEditorDialog::loadChoices()
{
    m_choicesPending = 2;
    m_choices = {};
    loadCampaigns({});
    loadShortlists({});
}

void RuleEditorDialog::loadCampaigns(const QString &cursor)
{
    // The rule's brand's own (an existing rule's, or the one the page picked; empty: the
    // user's only brand), every page of them.
    const common::ApiClient::OwnerScope owner(m_api, this);
    common::CampaignQuery query;
    query.brandId = m_brandId;
    query.limit = kChoicesPageSize;
    query.cursor = cursor;
    continueIn(this, common::CollabApi(m_api).campaigns(query),
            [this](const Result<common::Page<common::Campaign>> &page) {
                if (!page) {
                    choiceArrived();
                    return;
                }
                for (const auto &campaign : page->items) {
                    m_choices.campaigns.append({campaign.id, campaign.details.name});
                    m_campaignCurrencies.append(campaign.details.budget.currency);
                }
                if (!page->nextCursor.isEmpty() && m_choices.campaigns.size() < kMaxChoices) {
                    loadCampaigns(page->nextCursor);
                    return;
                }
                QHash<QString, QString> names;
                for (const auto &[id, name] : std::as_const(m_choices.campaigns)) {
                    names.insert(id, name);
                }
                m_previewTable->setCampaignNames(names);
                // The fee condition's currencies: the most used first.
                QHash<QString, int> uses;
                for (const QString &code : std::as_const(m_campaignCurrencies)) {
                    ++uses[code];
                }
                QStringList codes = uses.keys();
                std::sort(codes.begin(), codes.end(), [&](const QString &a, const QString &b) {
                    return uses.value(a) != uses.value(b) ? uses.value(a) > uses.value(b) : a < b;
                });
                m_choices.currencies = codes;
                m_campaignCurrencies.clear();
                choiceArrived();
            });
}

void RuleEditorDialog::loadShortlists(const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, common::ShortlistsApi(m_api).lists(kChoicesPageSize, cursor, m_brandId),
            [this](const Result<common::ShortlistPage<common::Shortlist>> &page) {
                if (!page) {
                    choiceArrived();
                    return;
                }
                for (const auto &list : page->items) {
                    m_choices.shortlists.append({list.id, list.name});
                }
                if (!page->nextCursor.isEmpty() && m_choices.shortlists.size() < kMaxChoices) {
                    loadShortlists(page->nextCursor);
                    return;
                }
                choiceArrived();
            });
}

void RuleEditorDialog::choiceArrived()
{
    if (--m_choicesPending > 0) {
        return;
    }
    // Without them the pickers offer what the rule names; saving still works.
    for (auto *row : conditionRows()) {
        row->refreshChoices();
    }
    for (auto *row : actionRows()) {
        row->refreshChoices();
    }
    Q_EMIT choicesArrived();
}

void RuleEditorDialog::setDryRunState(DryRunState state)
{
    m_dryRunState = state;
    switch (state) {
    case DryRunState::Idle:
        m_previewStates->showEmpty(tr("Preview shows what this rule would have done over the "
                                      "last 30 days, before you save it."));
        break;
    case DryRunState::Running:
        m_previewStates->showLoading(tr("Looking through the last 30 days…"));
        break;
    case DryRunState::Failed: m_previewStates->showError(m_dryRunError); break;
    case DryRunState::Done:
        m_previewSummary->setText(RuleText::dryRunSummary(m_dryRun));
        if (m_dryRun.items.isEmpty()) {
            m_previewStates->showEmpty(tr("Nothing in the last 30 days would have started this "
                                          "rule."));
        } else {
            m_previewStates->showContent();
        }
        break;
    }
    m_previewButton->setEnabled(state != DryRunState::Running);
}

void RuleEditorDialog::preview()
{
    const RuleDefinition rule = definition();
    if (const auto errors = rule.validate(); !errors.isEmpty()) {
        showErrors(errors);
        return;
    }
    showErrors({});
    const quint64 generation = ++m_dryRunGeneration;
    setDryRunState(DryRunState::Running);
    Q_EMIT dryRunStateChanged(m_dryRunState);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_rules.dryRun(rule, m_brandId),
            [this, generation](const Result<RuleDryRun> &run) {
                if (generation != m_dryRunGeneration) {
                    return;
                }
                if (!run) {
                    m_dryRunError = run.error();
                    showErrors(run.error().fieldErrors);
                    setDryRunState(DryRunState::Failed);
                } else {
                    m_dryRun = *run;
                    m_previewTable->setFirings(run->items);
                    setDryRunState(DryRunState::Done);
                }
                Q_EMIT dryRunStateChanged(m_dryRunState);
            });
}

void RuleEditorDialog::save()
{
    if (m_saving) {
        return;
    }
    const RuleDefinition rule = definition();
    if (const auto errors = rule.validate(); !errors.isEmpty()) {
        showErrors(errors);
        return;
    }
    showErrors({});
    m_saving = true;
    updateButtons();
    const common::ApiClient::OwnerScope owner(m_api, this);
    auto call = m_ruleId.isEmpty() ? m_rules.create(rule, m_templateCode, m_brandId)
                                   : m_rules.update(m_ruleId, rule);
    continueIn(this, std::move(call), [this](const Result<Rule> &saved) {
        m_saving = false;
        updateButtons();
        if (!saved) {
            if (saved.error().fieldErrors.isEmpty()) {
                m_errors->setText(
                        tr("The rule was not saved: %1").arg(ErrorText::sentence(saved.error())));
                m_errors->show();
            } else {
                showErrors(saved.error().fieldErrors);
            }
            return;
        }
        Q_EMIT this->saved(*saved);
        accept();
    });
}

} // namespace influence::desktop
