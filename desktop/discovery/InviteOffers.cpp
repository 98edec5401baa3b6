// SPDX-License-Identifier: Apache-2.0
// InviteDialog's offers: the first offer a campaign suggests, and the fees of creators who come
// with their own (a recommendation's rate).
#include "InviteDialog.h"
#include "widgets/Formats.h"
#include "widgets/OfferEditor.h"

#include <QComboBox>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Campaign;

namespace influence::desktop {

void InviteDialog::campaignChosen(int index)
{
    if (index < 0 || index >= m_campaigns.size()) {
        return;
    }
    const Campaign &campaign = m_campaigns.at(index);
    common::OfferInput offer = defaultOffer(campaign);
    // Creators with fees of their own: the offer starts from the first one's (one creator's
    // fee is then what the editor says, the others' are sent as they are: ownFees()).
    const QString currency = offer.fee.currency;
    if (!m_creators.isEmpty()
            && std::all_of(m_creators.cbegin(), m_creators.cend(), [&currency](const auto &c) {
                   return c.fee && c.fee->currency == currency;
               })) {
        offer.fee = *m_creators.constFirst().fee;
    }
    m_editor->setOffer(offer);
    m_campaignBox->setToolTip(tr("Budget %1").arg(Formats::money(campaign.details.budget)));
    updateButtons();
}

common::OfferInput InviteDialog::defaultOffer(const Campaign &campaign)
{
    return OfferEditor::campaignOffer(campaign);
}

bool InviteDialog::ownFees() const
{
    return m_creators.size() > 1
            && std::any_of(m_creators.cbegin(), m_creators.cend(), [](const InviteCreator &c) {
                   return c.fee.has_value();
               });
}

} // namespace influence::desktop
