// SPDX-License-Identifier: Apache-2.0
#include "RuleDetailPanel.h"

#include "FiringsTable.h"
#include "RuleText.h"
#include "widgets/Async.h"
#include "widgets/Formats.h"
#include "widgets/StateStack.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::RuleFiring;
using influence::common::RulePage;

namespace influence::desktop {

RuleDetailPanel::RuleDetailPanel(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_rules(api)
{
    setObjectName(u"ruleDetail"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(u"ruleTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_summary = new QLabel;
    m_summary->setObjectName(u"ruleSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    auto *buttons = new QHBoxLayout;
    const auto button = [&buttons](const QString &name) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        buttons->addWidget(b);
        return b;
    };
    m_edit = button(u"editRuleButton"_s);
    m_enable = button(u"enableRuleButton"_s);
    m_delete = button(u"deleteRuleButton"_s);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        Q_EMIT editRequested(m_rule);
    });
    connect(m_enable, &QPushButton::clicked, this, [this] {
        Q_EMIT enabledRequested(m_rule.id, !m_rule.enabled);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        Q_EMIT deleteRequested(m_rule);
    });

    m_historyLabel = new QLabel;
    QFont headingFont = m_historyLabel->font();
    headingFont.setBold(true);
    m_historyLabel->setFont(headingFont);
    layout->addWidget(m_historyLabel);
    m_history = new FiringsTable;
    m_history->setObjectName(u"ruleFiringsTable"_s);
    m_states = new StateStack(u"ruleFirings"_s, m_history);
    connect(m_states, &StateStack::retryRequested, this, &RuleDetailPanel::reloadHistory);
    layout->addWidget(m_states, 1);
    m_more = new QPushButton;
    m_more->setObjectName(u"olderFiringsButton"_s);
    connect(m_more, &QPushButton::clicked, this, &RuleDetailPanel::loadMore);
    layout->addWidget(m_more, 0, Qt::AlignLeft);
    retranslate();
    clear();
}

void RuleDetailPanel::retranslate()
{
    m_edit->setText(tr("&Edit…"));
    m_delete->setText(tr("&Delete…"));
    m_historyLabel->setText(tr("Firing history"));
    m_more->setText(tr("&Older firings"));
    m_history->retranslate();
    updateSummary();
    setState(m_state);
}

void RuleDetailPanel::setCampaignNames(const QHash<QString, QString> &names)
{
    m_campaignNames = names;
    m_history->setCampaignNames(names);
    updateSummary();
}

void RuleDetailPanel::showRule(const common::Rule &rule, bool reloadHistory)
{
    const bool other = rule.id != m_rule.id;
    m_rule = rule;
    updateSummary();
    if (other || reloadHistory) {
        this->reloadHistory();
    }
}

void RuleDetailPanel::clear()
{
    ++m_generation;
    m_rule = {};
    m_nextCursor.clear();
    m_history->setFirings({});
    updateSummary();
    setState(State::Idle);
}

QString RuleDetailPanel::summaryText() const
{
    return m_summary->text();
}

void RuleDetailPanel::updateSummary()
{
    const bool chosen = !m_rule.id.isEmpty();
    m_edit->setEnabled(chosen);
    m_enable->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    m_enable->setText(m_rule.enabled || !chosen ? tr("Disa&ble") : tr("Ena&ble"));
    if (!chosen) {
        m_title->setText(tr("No automation chosen"));
        m_summary->clear();
        return;
    }
    const auto &definition = m_rule.definition;
    m_title->setText(m_rule.enabled ? definition.name : tr("%1 (disabled)").arg(definition.name));
    QStringList lines;
    lines << RuleText::trigger(definition.trigger) + u", "_s
                    + RuleText::delay(definition.delayMinutes) + u':';
    const auto campaignName = [this](const QString &id) {
        return m_campaignNames.value(id);
    };
    for (const auto &condition : definition.conditions) {
        lines << tr("• only if %1").arg(RuleText::condition(condition, campaignName));
    }
    for (const auto &action : definition.actions) {
        const QString text = action.params.value(u"text"_s).toString();
        lines << (text.isEmpty() ? tr("→ %1").arg(RuleText::actionName(action.type))
                                 : tr("→ %1: “%2”").arg(RuleText::actionName(action.type), text));
    }
    lines << (m_rule.lastFiredAt.isValid() ? (m_rule.firingCount == 1
                              ? tr("Fired once, last %1.")
                              : tr("Fired %n times, last %1.", nullptr, m_rule.firingCount))
                                                     .arg(Formats::when(m_rule.lastFiredAt))
                                           : tr("Has not fired yet."));
    m_summary->setText(lines.join(u'\n'));
}

void RuleDetailPanel::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Idle: m_states->showEmpty(tr("Choose an automation to see its history.")); break;
    case State::Loading: m_states->showLoading(tr("Loading the firing history…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_history->rowCount() == 0) {
            m_states->showEmpty(tr("This automation has not fired yet. Preview shows what it "
                                   "would have done."));
        } else {
            m_states->showContent();
        }
        break;
    }
    m_more->setVisible(state == State::Loaded && hasMore());
    m_more->setEnabled(true);
    Q_EMIT historyStateChanged(state);
}

void RuleDetailPanel::reloadHistory()
{
    if (m_rule.id.isEmpty()) {
        return;
    }
    ++m_generation;
    m_nextCursor.clear();
    m_history->setFirings({});
    setState(State::Loading);
    loadPage({});
}

void RuleDetailPanel::loadMore()
{
    if (m_state != State::Loaded || m_nextCursor.isEmpty()) {
        return;
    }
    m_more->setEnabled(false); // the rows there stay while the next page comes
    loadPage(m_nextCursor);
}

void RuleDetailPanel::loadPage(const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_rules.firings(m_rule.id, m_pageSize, cursor),
            [this, generation = m_generation](const Result<RulePage<RuleFiring>> &page) {
                if (generation != m_generation) {
                    return;
                }
                if (!page) {
                    m_error = page.error();
                    setState(State::Failed);
                    return;
                }
                m_history->appendFirings(page->items);
                m_nextCursor = page->nextCursor;
                setState(State::Loaded);
            });
}

} // namespace influence::desktop
