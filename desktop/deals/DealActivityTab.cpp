// SPDX-License-Identifier: Apache-2.0
#include "DealActivityTab.h"

#include "common/ApiClient.h"
#include "deals/DealText.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"

#include <QEvent>
#include <QListWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;
using influence::common::DealEvent;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr int kEventPage = 100;
constexpr qsizetype kMaxEvents = 2000; ///< 20 pages

} // namespace

DealActivityTab::DealActivityTab(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_load(api, this)
    , m_collab(api)
{
    setObjectName(u"dealActivityTab"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget;
    m_list->setObjectName(u"activityList"_s);
    m_list->setWordWrap(true);
    layout->addWidget(m_list);
}

void DealActivityTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        fill();
    }
    QWidget::changeEvent(event);
}

void DealActivityTab::setDeal(const common::Deal &deal, const QString &me)
{
    m_deal = deal;
    m_me = me;
    fill();
}

void DealActivityTab::load(const QString &dealId)
{
    const quint64 ticket = m_load.start();
    m_dealId = dealId;
    m_arriving.clear();
    loadPage(ticket, {});
}

void DealActivityTab::cancel()
{
    m_load.cancel();
}

void DealActivityTab::loadPage(quint64 generation, const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_load.api(), this);
    continueIn(this, m_collab.events(m_dealId, cursor, kEventPage),
            [this, generation](const Result<common::Page<DealEvent>> &result) {
                pageLoaded(generation, result);
            });
}

void DealActivityTab::pageLoaded(quint64 generation, const Result<common::Page<DealEvent>> &result)
{
    if (!m_load.wants(generation)) {
        return;
    }
    if (!result) {
        m_load.finish(generation);
        m_events.clear();
        m_arriving.clear();
        m_haveEvents = false;
        m_list->clear();
        m_list->addItem(tr("The activity could not be loaded. %1")
                                .arg(ErrorText::sentence(result.error())));
        Q_EMIT loadFinished();
        return;
    }
    m_arriving += result->items;
    if (!result->nextCursor.isEmpty() && m_arriving.size() < kMaxEvents) {
        loadPage(generation, result->nextCursor);
        return;
    }
    m_load.finish(generation);
    m_events = std::exchange(m_arriving, {});
    m_haveEvents = true;
    fill();
    Q_EMIT loadFinished();
}

void DealActivityTab::clear()
{
    cancel();
    m_dealId.clear();
    m_arriving.clear();
    m_deal = {};
    m_events.clear();
    m_haveEvents = false;
    m_list->clear();
}

void DealActivityTab::fill()
{
    // Names (and the currency of fees) come from the deal: without it every actor would look
    // like the brand.
    if (m_deal.id.isEmpty() || !m_haveEvents) {
        return;
    }
    m_list->clear();
    const QString currency =
            m_deal.latestOffer ? m_deal.latestOffer->terms.fee.currency : QString();
    for (const DealEvent &event : std::as_const(m_events)) {
        const QString detail = DealText::eventDetail(event.kind, event.data, currency);
        const QString what = detail.isEmpty()
                ? Names::eventKind(event.kind)
                : tr("%1: %2").arg(Names::eventKind(event.kind), detail);
        m_list->addItem(tr("%1 — %2 — %3")
                                .arg(DealText::time(event.at), what,
                                        DealText::actorName(m_deal, event.actorId, m_me)));
    }
    if (m_events.isEmpty()) {
        m_list->addItem(tr("Nothing has happened yet."));
    }
}

} // namespace influence::desktop
