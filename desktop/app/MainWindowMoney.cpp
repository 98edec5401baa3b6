// SPDX-License-Identifier: Apache-2.0
// The money pages' links in the shell: the campaign page's Ledger tab follows the campaign shown,
// and the Ledger button by the budget opens it.
#include "MainWindow.h"
#include "campaigns/CampaignPage.h"
#include "money/LedgerTab.h"

#include <QTabWidget>

namespace influence::desktop {

void MainWindow::connectMoney()
{
    // The tab follows the campaign on the page (loaded, moved, its budget changed).
    const auto follow = [this] {
        if (m_campaignPage->state() == CampaignPage::State::Loaded && m_campaignPage->campaign()) {
            m_ledger->setCampaign(*m_campaignPage->campaign());
        }
    };
    connect(m_campaignPage, &CampaignPage::stateChanged, m_ledger, follow);
    connect(m_campaignPage, &CampaignPage::campaignChanged, m_ledger, [this, follow] {
        follow();
        m_ledger->markStale(); // the budget changed: a new movement
    });
    connect(m_campaignPage, &CampaignPage::ledgerRequested, m_ledger, [this] {
        m_campaignPage->tabs()->setCurrentWidget(m_ledger);
    });
}

} // namespace influence::desktop
