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
    QList<common::DeliverableType> types;
    for (const QString &name : campaign.details.deliverableTypes) {
        if (const auto type = common::deliverableTypeFromString(name)) {
            types.append(*type);
        }
    }
    QList<common::Platform> platforms;
    for (const QString &name : campaign.details.platforms) {
        if (const auto platform = common::platformFromString(name)) {
            platforms.append(*platform);
        }
    }
    const QDate endDate = campaign.details.endDate;
    const QDate due = endDate.isValid() && endDate > QDate::currentDate()
            ? endDate
            : QDate::currentDate().addDays(14);
    // Every wanted type and every wanted platform appears once: pair them up in order and
    // repeat the last of the shorter list.
    const auto lines = std::min<qsizetype>(std::max<qsizetype>({types.size(), platforms.size(), 1}),
            common::collab::kMaxOfferLines);
    common::OfferInput offer;
    for (qsizetype i = 0; i < lines; ++i) {
        common::OfferLine line;
        if (!types.isEmpty()) {
            line.type = types.at(std::min(i, types.size() - 1));
        }
        if (!platforms.isEmpty()) {
            line.platform = platforms.at(std::min(i, platforms.size() - 1));
        }
        line.dueDate = due;
        offer.deliverables.append(line);
    }
    offer.fee = {0, campaign.details.budget.currency};
    offer.usageRights = campaign.details.usageRights;
    return offer;
}

bool InviteDialog::ownFees() const
{
    return m_creators.size() > 1
            && std::any_of(m_creators.cbegin(), m_creators.cend(), [](const InviteCreator &c) {
                   return c.fee.has_value();
               });
}

} // namespace influence::desktop
