// SPDX-License-Identifier: Apache-2.0
// What the recommendations open from the shell: the creators of the campaign's Recommended tab,
// of a profile's Similar creators and of discovery's "More like these", and the campaign's
// invitation dialog for the creators the tab recommends, each with their rate as the fee.
#include "MainWindow.h"
#include "campaigns/CampaignPage.h"
#include "common/Money.h"
#include "common/RecommendationsApi.h"
#include "deals/PipelineView.h"
#include "discovery/DiscoveryView.h"
#include "discovery/InviteDialog.h"
#include "discovery/LookalikesPage.h"
#include "profiles/CreatorProfileView.h"
#include "recommendations/RecommendedTab.h"

namespace influence::desktop {

void MainWindow::connectRecommendations()
{
    // The tab follows the campaign on the page (loaded, or moved: launched, paused, …).
    const auto follow = [this] {
        if (m_campaignPage->state() == CampaignPage::State::Loaded && m_campaignPage->campaign()) {
            m_recommended->setCampaign(*m_campaignPage->campaign());
        }
    };
    connect(m_campaignPage, &CampaignPage::stateChanged, m_recommended, follow);
    connect(m_campaignPage, &CampaignPage::campaignChanged, m_recommended, follow);
    connect(m_recommended, &RecommendedTab::creatorRequested, this, &MainWindow::openCreator);
    connect(m_recommended, &RecommendedTab::inviteRequested, this, &MainWindow::inviteRecommended);
    connect(m_creator, &CreatorProfileView::creatorRequested, this, &MainWindow::openCreator);
    connect(m_discovery, &DiscoveryView::lookalikesRequested, this,
            [this](const QStringList &ids, const QStringList &names) {
                showPage(m_lookalikes);
                m_lookalikes->showLookalikes(ids, names);
            });
    connect(m_lookalikes, &LookalikesPage::creatorActivated, this, &MainWindow::openCreator);
}

InviteDialog *MainWindow::recommendedInviteDialog() const
{
    return m_recommendedInvite.data();
}

void MainWindow::inviteRecommended(
        const common::Campaign &campaign, const QList<common::Recommendation> &creators)
{
    QList<InviteCreator> invitees;
    for (const common::Recommendation &creator : creators) {
        InviteCreator invitee{creator.influencer.id, creator.influencer.displayName, {}};
        const auto *price = creator.find(common::RecommendationFactor::Price);
        if (price && price->facts.feeMinor && *price->facts.feeMinor > 0
                && common::isCurrencyCode(price->facts.currency)) {
            invitee.fee = common::Money{*price->facts.feeMinor, price->facts.currency};
        }
        invitees.append(invitee);
    }
    if (m_recommendedInvite) {
        m_recommendedInvite->close();
    }
    auto *dialog = new InviteDialog(m_api, invitees, this);
    m_recommendedInvite = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->preferCampaign(campaign.id);
    // What became of each invitation is shown beside the creator in the tab too, and the
    // campaign's deals list the new ones.
    connect(dialog, &InviteDialog::stateChanged, m_recommended,
            [this, dialog, invitees](InviteDialog::State state) {
                if (state != InviteDialog::State::Finished) {
                    return;
                }
                for (int row = 0; row < invitees.size(); ++row) {
                    m_recommended->setInvitation(invitees.at(row).id, dialog->resultText(row));
                }
                if (dialog->invitedCount() > 0) {
                    m_campaignPage->reload();
                }
            });
    connect(dialog, &InviteDialog::boardRequested, this, [this](const QString &campaignId) {
        m_pipeline->setCampaignFilter(campaignId);
        showPage(m_pipeline);
    });
    dialog->open(); // never exec(): the event loop keeps running
}

} // namespace influence::desktop
