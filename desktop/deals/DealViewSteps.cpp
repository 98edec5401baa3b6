// SPDX-License-Identifier: Apache-2.0
// The steps a user takes on the deal page: answering and countering offers, the deal's actions,
// reviews, drafts, the live post and messages. Each is sent once, with the page busy until the
// server answers; then the page shows what is true on the server.
#include "DealView.h"
#include "deals/DealConfirmation.h"
#include "deals/DealDeliverablesTab.h"
#include "deals/DealMessagesTab.h"
#include "deals/OfferDialog.h"
#include "deals/ReviewDialog.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"

#include <QLabel>
#include <QMessageBox>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealAction;
using influence::common::DealSide;
using influence::common::Deliverable;
using influence::common::Message;
using influence::common::Result;

namespace influence::desktop {

void DealView::confirmThen(FinalStep step, const std::function<void()> &confirmed)
{
    if (m_confirmation || m_busy) {
        return;
    }
    const QString counterpart =
            side() == DealSide::Brand ? m_deal.influencerName : m_deal.brandName;
    m_confirmation = confirmFinalStep(this, step, counterpart, m_deal.campaignName, confirmed);
}

void DealView::answerOffer(Answer answer)
{
    if (!m_deal.latestOffer) {
        return;
    }
    const bool accept = answer == Answer::Accept;
    m_busy = true;
    updateActions();
    m_message->setText(accept ? tr("Accepting the offer…") : tr("Declining the offer…"));
    const QString done = accept ? tr("You accepted the offer. The terms are now frozen.")
                                : tr("You declined the offer.");
    const QString offerId = m_deal.latestOffer->id;
    auto future = accept ? m_collab.acceptOffer(m_dealId, offerId)
                         : m_collab.declineOffer(m_dealId, offerId);
    continueIn(this, std::move(future), [this, done](const Result<Deal> &result) {
        dealAnswered(done, result);
    });
}

void DealView::openCounter()
{
    if (!m_deal.latestOffer) {
        return;
    }
    if (!m_offerDialog) {
        m_offerDialog = new OfferDialog(this);
        m_offerDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_offerDialog, &OfferDialog::submitted, this,
                [this](const common::OfferInput &offer) {
                    m_offerDialog->setBusy(true);
                    m_busy = true;
                    updateActions();
                    continueIn(this, m_collab.counterOffer(m_dealId, offer),
                            [this](const Result<Deal> &result) {
                                if (m_offerDialog) {
                                    if (result) {
                                        m_offerDialog->close();
                                    } else {
                                        m_offerDialog->setBusy(false);
                                        m_offerDialog->showError(result.error());
                                    }
                                }
                                dealAnswered(tr("Your counter-offer was sent."), result);
                            });
                });
        connect(m_offerDialog, &OfferDialog::acceptInsteadRequested, this, [this] {
            m_offerDialog->close();
            answerOffer(Answer::Accept);
        });
    }
    m_offerDialog->setOffer(m_deal.latestOffer->terms);
    m_offerDialog->open(); // never exec(): the event loop keeps running
}

void DealView::takeAction(DealAction action)
{
    m_busy = true;
    updateActions();
    m_message->setText(tr("Sending…"));
    QString done;
    switch (action) {
    case DealAction::Start: done = tr("Work on the deal has started."); break;
    case DealAction::Complete: done = tr("The deal is completed."); break;
    case DealAction::Withdraw: done = tr("The deal is withdrawn."); break;
    case DealAction::Cancel: done = tr("The deal is cancelled."); break;
    }
    continueIn(
            this, m_collab.dealAction(m_dealId, action), [this, done](const Result<Deal> &result) {
                dealAnswered(done, result);
            });
}

void DealView::dealAnswered(const QString &done, const Result<Deal> &result)
{
    m_busy = false;
    if (const auto remaining = result ? std::nullopt : common::remainingBudget(result.error())) {
        // budget_exceeded: accepting would commit more than the campaign's budget has left.
        m_message->setText(
                tr("The offer was not accepted: its fee of %1 is more than the %2 left of the "
                   "campaign's budget. Raise the budget or agree on a lower fee.")
                        .arg(m_deal.latestOffer ? Formats::money(m_deal.latestOffer->terms.fee)
                                                : QString(),
                                Formats::money(*remaining)));
    } else if (!result) {
        m_message->setText(
                tr("The server refused this. %1").arg(ErrorText::sentence(result.error())));
    } else {
        m_message->setText(done);
        Q_EMIT dealChanged(m_dealId);
    }
    // Either way, show what is true on the server now.
    reload();
}

void DealView::openReview()
{
    const Deliverable &deliverable = m_deliverables->detail();
    if (deliverable.id.isEmpty()) {
        return;
    }
    if (!m_reviewDialog) {
        m_reviewDialog = new ReviewDialog(this);
        m_reviewDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_reviewDialog, &ReviewDialog::decided, this,
                [this](int version, const common::ReviewInput &review) {
                    m_reviewDialog->setBusy(true);
                    m_busy = true;
                    const QString done = review.decision == common::ReviewDecision::ChangesRequested
                            ? tr("Changes were requested; the creator is notified.")
                            : tr("The draft is approved; the creator is notified.");
                    continueIn(this,
                            m_collab.review(m_reviewDialog->deliverable().id, version, review),
                            [this, done](const Result<Deliverable> &result) {
                                if (m_reviewDialog) {
                                    if (result) {
                                        m_reviewDialog->close();
                                    } else {
                                        m_reviewDialog->showError(result.error());
                                    }
                                }
                                deliverableAnswered(done, result);
                            });
                });
    }
    m_reviewDialog->setDeliverable(deliverable);
    m_reviewDialog->open(); // never exec()
}

void DealView::submitDraft()
{
    if (!m_deliverables->maySubmitDraft()) {
        return; // not (or no longer) a step this deliverable allows
    }
    const auto checked = common::collab::validateDraft(common::draftJson(m_deliverables->draft()));
    if (!checked) {
        const auto &fields = checked.error().fieldErrors;
        const bool media =
                std::any_of(fields.cbegin(), fields.cend(), [](const common::FieldError &f) {
                    return f.field.startsWith(u"mediaUrls"_s);
                });
        m_message->setText(media ? tr("Media must be https addresses (at most 20).")
                                 : tr("A draft needs a caption or media (captions up to 5000 "
                                      "characters, notes up to 2000)."));
        return;
    }
    m_busy = true;
    updateActions();
    m_message->setText(tr("Sending…"));
    continueIn(this, m_collab.submitDraft(m_deliverables->detail().id, *checked),
            [this](const Result<Deliverable> &result) {
                if (result) {
                    m_deliverables->clearDraft();
                }
                deliverableAnswered(tr("Your draft was submitted for review."), result);
            });
}

void DealView::submitLive()
{
    const QString url = m_deliverables->liveUrl();
    if (!common::collab::validateLiveUrl({{u"url"_s, url}})) {
        m_message->setText(tr("Type the https address of the published post."));
        return;
    }
    if (!m_deliverables->maySubmitLive()) {
        return;
    }
    m_busy = true;
    updateActions();
    m_message->setText(tr("Sending…"));
    continueIn(this, m_collab.reportLive(m_deliverables->detail().id, url),
            [this](const Result<Deliverable> &result) {
                if (result) {
                    m_deliverables->clearLiveUrl();
                }
                deliverableAnswered(tr("The live post is recorded."), result);
            });
}

void DealView::deliverableAnswered(const QString &done, const Result<Deliverable> &result)
{
    m_busy = false;
    if (!result) {
        m_message->setText(
                tr("The server refused this. %1").arg(ErrorText::sentence(result.error())));
    } else {
        m_message->setText(done);
        Q_EMIT dealChanged(m_dealId);
    }
    reload();
}

void DealView::sendMessage()
{
    const QString body = m_messagesTab->input();
    if (!common::collab::validateMessage({{u"body"_s, body}})) {
        m_message->setText(body.isEmpty() ? tr("Write something first.")
                                          : tr("A message can be up to 5000 characters long."));
        return;
    }
    m_messagesTab->setSending(true);
    m_message->setText(tr("Sending…"));
    const QString dealId = m_dealId;
    continueIn(this, m_collab.postMessage(dealId, body),
            [this, dealId](const Result<Message> &result) {
                m_messagesTab->setSending(false);
                if (!result) {
                    m_message->setText(tr("The message was not sent. %1")
                                               .arg(ErrorText::sentence(result.error())));
                    return;
                }
                m_message->setText(tr("Message sent."));
                if (dealId != m_dealId) {
                    return;
                }
                m_messagesTab->clearInput();
                m_messagesTab->append(*result);
            });
}

} // namespace influence::desktop
