// SPDX-License-Identifier: Apache-2.0
#include "DealActivityTab.h"

#include "deals/DealText.h"
#include "widgets/Names.h"

#include <QEvent>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::DealEvent;

namespace influence::desktop {

DealActivityTab::DealActivityTab(QWidget *parent)
    : QWidget(parent)
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

void DealActivityTab::setEvents(const QList<DealEvent> &events)
{
    m_events = events;
    m_haveEvents = true;
    fill();
}

void DealActivityTab::showError(const QString &text)
{
    m_events.clear();
    m_haveEvents = false;
    m_list->clear();
    m_list->addItem(text);
}

void DealActivityTab::clear()
{
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
