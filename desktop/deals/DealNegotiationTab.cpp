// SPDX-License-Identifier: Apache-2.0
#include "DealNegotiationTab.h"

#include "deals/DealText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/Tables.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using influence::common::DealAction;
using influence::common::DealSide;
using influence::common::Offer;

namespace influence::desktop {

namespace {

enum OfferColumn { OfferNumber, OfferFrom, OfferFee, OfferDeliverables, OfferState, OfferWhen };

} // namespace

DealNegotiationTab::DealNegotiationTab(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"dealNegotiationTab"_s);
    auto *layout = new QVBoxLayout(this);
    m_termsTitle = new QLabel;
    m_termsTitle->setStyleSheet(u"font-weight: bold;"_s);
    m_terms = new QLabel;
    m_terms->setObjectName(u"dealTerms"_s);
    m_terms->setWordWrap(true);
    m_terms->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_offersTitle = new QLabel;
    m_offersTitle->setStyleSheet(u"font-weight: bold;"_s);
    m_offers = new QTreeWidget;
    m_offers->setObjectName(u"offerTimeline"_s);
    m_offers->setRootIsDecorated(false);
    m_offers->setColumnCount(OfferWhen + 1);
    m_offers->setWordWrap(true);
    m_offers->header()->setSectionResizeMode(OfferDeliverables, QHeaderView::Stretch);
    layout->addWidget(m_termsTitle);
    layout->addWidget(m_terms);
    layout->addWidget(m_offersTitle);
    layout->addWidget(m_offers, 1);

    auto *buttons = new QHBoxLayout;
    const auto button = [&buttons](const QString &name) {
        auto *b = new QPushButton;
        b->setObjectName(name);
        buttons->addWidget(b);
        return b;
    };
    m_accept = button(u"acceptOfferButton"_s);
    m_decline = button(u"declineOfferButton"_s);
    m_counter = button(u"counterOfferButton"_s);
    buttons->addStretch();
    m_start = button(u"startDealButton"_s);
    m_complete = button(u"completeDealButton"_s);
    m_withdraw = button(u"withdrawDealButton"_s);
    m_cancel = button(u"cancelDealButton"_s);
    layout->addLayout(buttons);

    connect(m_accept, &QPushButton::clicked, this, &DealNegotiationTab::acceptRequested);
    connect(m_decline, &QPushButton::clicked, this, &DealNegotiationTab::declineRequested);
    connect(m_counter, &QPushButton::clicked, this, &DealNegotiationTab::counterRequested);
    const std::array<std::pair<DealAction, QPushButton *>, 4> actions{
            {{DealAction::Start, m_start}, {DealAction::Complete, m_complete},
                    {DealAction::Withdraw, m_withdraw}, {DealAction::Cancel, m_cancel}}};
    for (const auto &[action, b] : actions) {
        connect(b, &QPushButton::clicked, this, [this, action = action] {
            Q_EMIT actionRequested(action);
        });
    }
    retranslate();
}

void DealNegotiationTab::retranslate()
{
    m_termsTitle->setText(tr("Agreed terms"));
    m_offersTitle->setText(tr("Offers"));
    m_offers->setHeaderLabels(
            {tr("#"), tr("From"), tr("Fee"), tr("Deliverables"), tr("Status"), tr("When")});
    m_accept->setText(tr("&Accept offer"));
    m_decline->setText(tr("D&ecline offer"));
    m_counter->setText(tr("C&ounter…"));
    m_start->setText(tr("&Start work"));
    m_complete->setText(tr("Com&plete deal"));
    m_withdraw->setText(tr("&Withdraw"));
    m_cancel->setText(tr("Cancel dea&l"));
    if (!m_deal.id.isEmpty()) {
        fillTerms();
        fillOffers();
    }
}

void DealNegotiationTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealNegotiationTab::setDeal(const common::Deal &deal, DealSide side)
{
    m_deal = deal;
    m_side = side;
    fillTerms();
    fillOffers();
}

void DealNegotiationTab::clear()
{
    m_deal = {};
    m_terms->clear();
    m_offers->clear();
}

void DealNegotiationTab::fillTerms()
{
    const auto terms = common::collab::validateOffer(m_deal.terms);
    if (m_deal.terms.isEmpty() || !terms) {
        m_terms->setText(common::isNegotiating(m_deal.state)
                        ? tr("Nothing agreed yet: the terms are frozen when an offer is accepted.")
                        : tr("No terms were agreed."));
        return;
    }
    const QDateTime agreedAt =
            QDateTime::fromString(m_deal.terms.value(u"agreedAt"_s).toString(), Qt::ISODateWithMs);
    QStringList lines{tr("Fee: %1").arg(Formats::money(terms->fee)),
            tr("Deliverables: %1").arg(DealText::offerSummary(*terms).replace(u'\n', u"; "_s)),
            tr("Revision rounds: %1").arg(terms->maxRevisions),
            tr("Usage rights: %1")
                    .arg(terms->usageRights.isEmpty() ? tr("none stated") : terms->usageRights),
            tr("Agreed: %1 (brand %2, creator %3)")
                    .arg(DealText::time(agreedAt), DealText::time(m_deal.brandAcceptedAt),
                            DealText::time(m_deal.creatorAcceptedAt))};
    m_terms->setText(lines.join(u'\n'));
}

void DealNegotiationTab::fillOffers()
{
    m_offers->clear();
    for (const Offer &offer : std::as_const(m_deal.offers)) {
        auto *item = new QTreeWidgetItem(m_offers);
        item->setText(OfferNumber, QString::number(offer.sequence));
        item->setText(OfferFrom,
                tr("%1 (%2)").arg(Names::dealSide(offer.madeBy),
                        DealText::partyName(m_deal,
                                offer.madeBy == DealSide::Creator ? m_deal.influencerId
                                                                  : m_deal.brandId)));
        item->setText(OfferFee, Formats::money(offer.terms.fee));
        QString details = DealText::offerSummary(offer.terms);
        // English has no "(s)": the singular is its own text.
        details += u'\n'
                + (offer.terms.maxRevisions == 1
                                ? tr("1 revision round")
                                : tr("%n revision rounds", nullptr, offer.terms.maxRevisions));
        if (!offer.terms.note.isEmpty()) {
            details += u'\n' + tr("Note: %1").arg(offer.terms.note);
        }
        item->setText(OfferDeliverables, details);
        item->setText(OfferState, DealText::offerStatus(offer.status));
        item->setText(OfferWhen,
                offer.respondedAt.isValid() ? tr("%1, answered %2")
                                                      .arg(DealText::time(offer.createdAt),
                                                              DealText::time(offer.respondedAt))
                                            : DealText::time(offer.createdAt));
        item->setData(OfferNumber, Qt::UserRole, offer.id);
    }
    for (int column = 0; column < OfferWhen + 1; ++column) {
        if (column != OfferDeliverables) {
            m_offers->resizeColumnToContents(column);
        }
    }
    fitHeaderTexts(m_offers->header()); // a column narrower than its title cuts it off
}

void DealNegotiationTab::updateActions(const DealContext &context)
{
    const DealSide me = context.side;
    const std::optional<Offer> &latest = m_deal.latestOffer;
    const bool negotiating = context.loaded && common::isNegotiating(m_deal.state);
    const bool canAnswer = negotiating && latest && latest->status == common::OfferStatus::Open
            && latest->madeBy != me && !context.busy;
    for (QPushButton *b : {m_accept, m_decline, m_counter}) {
        b->setVisible(negotiating);
        b->setEnabled(canAnswer);
    }
    const std::array<std::pair<DealAction, QPushButton *>, 4> actions{
            {{DealAction::Start, m_start}, {DealAction::Complete, m_complete},
                    {DealAction::Withdraw, m_withdraw}, {DealAction::Cancel, m_cancel}}};
    for (const auto &[action, b] : actions) {
        const bool allowed = context.loaded
                && common::dealTransition(m_deal.state, action).has_value()
                && common::mayTakeDealAction(me, action);
        b->setVisible(allowed);
        b->setEnabled(allowed && !context.busy);
    }
    // The server completes a deal only when every deliverable is approved or live (error
    // deliverables_outstanding): say so rather than offer a step it refuses.
    const auto outstanding = std::count_if(m_deal.deliverables.cbegin(), m_deal.deliverables.cend(),
            [](const common::Deliverable &d) {
                return d.status != common::DeliverableStatus::Approved
                        && d.status != common::DeliverableStatus::Live;
            });
    if (outstanding > 0) {
        m_complete->setEnabled(false);
        // (English and German have the same plural rule: one, or other.)
        m_complete->setToolTip(outstanding == 1
                        ? tr("1 deliverable is not approved or live yet: the deal can be "
                             "completed once every deliverable is.")
                        : tr("%1 deliverables are not approved or live yet: the deal can be "
                             "completed once every deliverable is.")
                                  .arg(QLocale().toString(qint64(outstanding))));
    } else {
        m_complete->setToolTip(QString());
    }
}

} // namespace influence::desktop
