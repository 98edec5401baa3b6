// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "deals/DealContext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace influence::desktop {

/// The deal page's Negotiation tab: the frozen terms, the offer history as a timeline, and the
/// steps the shared transition table (common/Collab) allows the user's side: accept, decline or
/// counter the open offer; start, complete, withdraw or cancel the deal. It only shows and
/// asks: the page sends the steps.
class DealNegotiationTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealNegotiationTab(QWidget *parent = nullptr);

    void setDeal(const common::Deal &deal, common::DealSide side);
    void updateActions(const DealContext &context);
    void clear();

Q_SIGNALS:
    void acceptRequested();
    void declineRequested();
    void counterRequested();
    void actionRequested(influence::common::DealAction action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillTerms();
    void fillOffers();

    common::Deal m_deal;
    common::DealSide m_side = common::DealSide::Brand;

    QLabel *m_termsTitle = nullptr;
    QLabel *m_terms = nullptr;
    QLabel *m_offersTitle = nullptr;
    QTreeWidget *m_offers = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_decline = nullptr;
    QPushButton *m_counter = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_complete = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace influence::desktop
