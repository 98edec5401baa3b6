// SPDX-License-Identifier: Apache-2.0
#include "DealView.h"

#include "common/ApiClient.h"
#include "deals/DealConfirmation.h"
#include "deals/DealText.h"
#include "deals/OfferDialog.h"
#include "deals/ReviewDialog.h"
#include "session/Session.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/RetryPage.h"

#include <QColor>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using influence::common::Deal;
using influence::common::DealAction;
using influence::common::DealEvent;
using influence::common::DealSide;
using influence::common::Deliverable;
using influence::common::DeliverableStatus;
using influence::common::DeliverableVersion;
using influence::common::Message;
using influence::common::Offer;
using influence::common::Page;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum StackPage { LoadingPage, ErrorPage, ContentPage };
enum OfferColumn { OfferNumber, OfferFrom, OfferFee, OfferDeliverables, OfferState, OfferWhen };
enum DeliverableColumn {
    ItemNumber,
    ItemType,
    ItemPlatform,
    ItemDue,
    ItemStatus,
    ItemRevisions,
    ItemLive
};

constexpr int kMessagePage = 25;
constexpr int kEventPage = 100;
constexpr qsizetype kMaxEvents = 2000; ///< 20 pages

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QString day(QDate date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QStringList splitUrls(const QString &text)
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

DealView::DealView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"dealPage"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedIn && isVisible() && !m_dealId.isEmpty()) {
            reload();
        } else if (state == Session::State::SignedOut) {
            // Nothing of one user's deal stays on screen for the next.
            ++m_generation;
            m_pending = 0;
            m_deal = {};
            m_deliverable = {};
            m_messages.clear();
            m_events.clear();
            setState(State::Idle);
        }
    });
}

void DealView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(u"dealTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_parties = new QLabel;
    m_parties->setObjectName(u"dealParties"_s);
    m_parties->setWordWrap(true);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(u"dealState"_s);
    titles->addWidget(m_title);
    titles->addWidget(m_parties);
    titles->addWidget(m_stateLabel);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadDealButton"_s);
    header->addLayout(titles, 1);
    header->addWidget(m_reload, 0, Qt::AlignTop);
    layout->addLayout(header);

    m_stack = new QStackedWidget;
    m_loading = new QLabel;
    m_loading->setObjectName(u"dealLoading"_s);
    m_loading->setAlignment(Qt::AlignCenter);
    const RetryPage failure = makeRetryPage(u"dealError"_s, u"retryDealButton"_s);
    QWidget *errorPage = failure.page;
    m_errorLabel = failure.label;
    m_retry = failure.retry;
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"dealTabs"_s);
    m_tabs->addTab(buildNegotiationTab(), QString());
    m_tabs->addTab(buildDeliverablesTab(), QString());
    m_tabs->addTab(buildMessagesTab(), QString());
    m_tabs->addTab(buildActivityTab(), QString());
    m_stack->insertWidget(LoadingPage, m_loading);
    m_stack->insertWidget(ErrorPage, errorPage);
    m_stack->insertWidget(ContentPage, m_tabs);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel;
    m_message->setObjectName(u"dealMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_reload, &QPushButton::clicked, this, &DealView::reload);
    connect(m_retry, &QPushButton::clicked, this, &DealView::reload);
}

QWidget *DealView::buildNegotiationTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
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

    connect(m_accept, &QPushButton::clicked, this, [this] {
        answerOffer(true);
    });
    connect(m_decline, &QPushButton::clicked, this, [this] {
        confirmThen(FinalStep::Decline, [this] {
            answerOffer(false);
        });
    });
    connect(m_counter, &QPushButton::clicked, this, &DealView::openCounter);
    connect(m_start, &QPushButton::clicked, this, [this] {
        takeAction(DealAction::Start);
    });
    connect(m_complete, &QPushButton::clicked, this, [this] {
        takeAction(DealAction::Complete);
    });
    connect(m_withdraw, &QPushButton::clicked, this, [this] {
        confirmThen(FinalStep::Withdraw, [this] {
            takeAction(DealAction::Withdraw);
        });
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        confirmThen(FinalStep::Cancel, [this] {
            takeAction(DealAction::Cancel);
        });
    });
    return tab;
}

QWidget *DealView::buildDeliverablesTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    m_deliverablesEmpty = new QLabel;
    m_deliverablesEmpty->setObjectName(u"deliverablesEmpty"_s);
    m_deliverablesEmpty->setWordWrap(true);
    layout->addWidget(m_deliverablesEmpty);
    auto *splitter = new QSplitter(Qt::Vertical);
    m_deliverables = new QTreeWidget;
    m_deliverables->setObjectName(u"deliverablesList"_s);
    m_deliverables->setRootIsDecorated(false);
    m_deliverables->setColumnCount(ItemLive + 1);
    m_deliverables->header()->setSectionResizeMode(ItemLive, QHeaderView::Stretch);
    m_versions = new QTextBrowser;
    m_versions->setObjectName(u"deliverableVersions"_s);
    m_versions->setOpenExternalLinks(true);
    splitter->addWidget(m_deliverables);
    splitter->addWidget(m_versions);
    layout->addWidget(splitter, 1);

    auto *reviewRow = new QHBoxLayout;
    m_review = new QPushButton;
    m_review->setObjectName(u"reviewDraftButton"_s);
    reviewRow->addWidget(m_review);
    reviewRow->addStretch();
    layout->addLayout(reviewRow);

    m_draftBox = new QWidget;
    m_draftBox->setObjectName(u"draftBox"_s);
    auto *form = new QFormLayout(m_draftBox);
    form->setContentsMargins(0, 0, 0, 0);
    m_draftTitle = new QLabel;
    m_draftTitle->setStyleSheet(u"font-weight: bold;"_s);
    form->addRow(m_draftTitle);
    m_caption = new QPlainTextEdit;
    m_caption->setObjectName(u"draftCaption"_s);
    m_caption->setTabChangesFocus(true);
    m_caption->setMaximumHeight(70);
    m_captionLabel = new QLabel;
    m_captionLabel->setBuddy(m_caption);
    form->addRow(m_captionLabel, m_caption);
    m_media = new QLineEdit;
    m_media->setObjectName(u"draftMedia"_s);
    m_mediaLabel = new QLabel;
    m_mediaLabel->setBuddy(m_media);
    form->addRow(m_mediaLabel, m_media);
    m_notes = new QLineEdit;
    m_notes->setObjectName(u"draftNotes"_s);
    m_notesLabel = new QLabel;
    m_notesLabel->setBuddy(m_notes);
    form->addRow(m_notesLabel, m_notes);
    m_submitDraft = new QPushButton;
    m_submitDraft->setObjectName(u"submitDraftButton"_s);
    form->addRow(QString(), m_submitDraft);
    auto *live = new QHBoxLayout;
    m_liveUrl = new QLineEdit;
    m_liveUrl->setObjectName(u"liveUrl"_s);
    m_submitLive = new QPushButton;
    m_submitLive->setObjectName(u"submitLiveButton"_s);
    live->addWidget(m_liveUrl, 1);
    live->addWidget(m_submitLive);
    m_liveLabel = new QLabel;
    m_liveLabel->setBuddy(m_liveUrl);
    form->addRow(m_liveLabel, live);
    layout->addWidget(m_draftBox);

    connect(m_deliverables, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) {
                if (!current) {
                    return;
                }
                const QString id = current->data(ItemNumber, Qt::UserRole).toString();
                if (id != m_selectedDeliverable) {
                    m_selectedDeliverable = id;
                    loadDeliverable(id);
                }
            });
    connect(m_review, &QPushButton::clicked, this, &DealView::openReview);
    connect(m_submitDraft, &QPushButton::clicked, this, &DealView::submitDraft);
    connect(m_submitLive, &QPushButton::clicked, this, &DealView::submitLive);
    connect(m_liveUrl, &QLineEdit::returnPressed, this, &DealView::submitLive);
    return tab;
}

QWidget *DealView::buildMessagesTab()
{
    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    m_olderButton = new QPushButton;
    m_olderButton->setObjectName(u"olderMessagesButton"_s);
    layout->addWidget(m_olderButton, 0, Qt::AlignLeft);
    m_thread = new QTextBrowser;
    m_thread->setObjectName(u"messageThread"_s);
    m_thread->setOpenExternalLinks(true);
    layout->addWidget(m_thread, 1);
    auto *compose = new QHBoxLayout;
    m_messageInput = new QPlainTextEdit;
    m_messageInput->setObjectName(u"messageInput"_s);
    m_messageInput->setTabChangesFocus(true);
    m_messageInput->setMaximumHeight(70);
    m_send = new QPushButton;
    m_send->setObjectName(u"sendMessageButton"_s);
    compose->addWidget(m_messageInput, 1);
    compose->addWidget(m_send, 0, Qt::AlignBottom);
    layout->addLayout(compose);
    connect(m_olderButton, &QPushButton::clicked, this, [this] {
        loadMessages(m_olderMessages);
    });
    connect(m_send, &QPushButton::clicked, this, &DealView::sendMessage);
    return tab;
}

QWidget *DealView::buildActivityTab()
{
    m_activity = new QListWidget;
    m_activity->setObjectName(u"activityList"_s);
    m_activity->setWordWrap(true);
    return m_activity;
}

void DealView::retranslate()
{
    setWindowTitle(tr("Deal"));
    m_reload->setText(tr("Re&fresh"));
    m_loading->setText(m_dealId.isEmpty() ? tr("Open a deal from the pipeline board.")
                                          : tr("Loading the deal…"));
    m_retry->setText(tr("&Retry"));
    if (m_state == State::Failed) {
        m_errorLabel->setText(ErrorText::sentence(m_error));
    }
    m_tabs->setTabText(static_cast<int>(Tab::Negotiation), tr("&Negotiation"));
    m_tabs->setTabText(static_cast<int>(Tab::Deliverables), tr("&Deliverables"));
    m_tabs->setTabText(static_cast<int>(Tab::Messages), tr("&Messages"));
    m_tabs->setTabText(static_cast<int>(Tab::Activity), tr("Ac&tivity"));
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
    m_deliverables->setHeaderLabels({tr("#"), tr("Type"), tr("Platform"), tr("Due"), tr("Status"),
            tr("Revisions"), tr("Live post")});
    m_review->setText(tr("Re&view draft…"));
    m_draftTitle->setText(tr("Submit a draft"));
    m_captionLabel->setText(tr("&Caption"));
    m_mediaLabel->setText(tr("Media &addresses"));
    m_media->setPlaceholderText(tr("https addresses, separated by spaces"));
    m_notesLabel->setText(tr("N&otes for the reviewer"));
    m_submitDraft->setText(tr("Su&bmit draft"));
    m_liveLabel->setText(tr("&Live post"));
    m_liveUrl->setPlaceholderText(tr("https address of the published post"));
    m_submitLive->setText(tr("&Report live"));
    m_olderButton->setText(tr("Show &older messages"));
    m_messageInput->setPlaceholderText(tr("Write a message…"));
    m_send->setText(tr("Sen&d"));
    if (m_state == State::Loaded) {
        fillHeader();
        fillTerms();
        fillOffers();
        fillDeliverables();
        fillDeliverableDetail();
        fillMessages();
        fillEvents();
    }
}

void DealView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Back on a page whose loading was dropped when it was left.
    if (m_state == State::Idle && !m_dealId.isEmpty()) {
        reload();
    }
}

void DealView::hideEvent(QHideEvent *event)
{
    if (m_confirmation) {
        m_confirmation->close(); // a question about a page no longer shown
    }
    // Leaving the page drops what it still waits for; coming back loads again.
    if (m_pending > 0) {
        ++m_generation;
        m_pending = 0;
        m_api->abort(this);
        if (m_state == State::Loading) {
            setState(State::Idle);
        }
    }
    QWidget::hideEvent(event);
}

DealSide DealView::side() const
{
    return m_session->user().id.toString(QUuid::WithoutBraces) == m_deal.influencerId
            ? DealSide::Creator
            : DealSide::Brand;
}

void DealView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_stack->setCurrentIndex(LoadingPage); break;
    case State::Failed:
        m_errorLabel->setText(ErrorText::sentence(m_error));
        m_stack->setCurrentIndex(ErrorPage);
        break;
    case State::Loaded: m_stack->setCurrentIndex(ContentPage); break;
    }
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void DealView::showDeal(const QString &id)
{
    if (id != m_dealId) {
        // A question or form about the deal shown until now must not act on the next one.
        for (QWidget *open : {static_cast<QWidget *>(m_confirmation.data()),
                     static_cast<QWidget *>(m_offerDialog.data()),
                     static_cast<QWidget *>(m_reviewDialog.data())}) {
            if (open) {
                open->close();
            }
        }
        m_dealId = id;
        m_deal = {};
        m_selectedDeliverable.clear();
        m_deliverable = {};
        m_message->clear();
        m_caption->clear();
        m_media->clear();
        m_notes->clear();
        m_liveUrl->clear();
        m_messageInput->clear();
        m_tabs->setCurrentIndex(static_cast<int>(Tab::Negotiation));
        m_title->clear();
        m_parties->clear();
        m_stateLabel->clear();
        setState(State::Idle);
    }
    reload();
}

void DealView::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (m_dealId.isEmpty() || !signedIn) {
        setState(State::Idle);
        retranslate();
        return;
    }
    const quint64 generation = ++m_generation;
    m_pending = 0;
    // The page stays on screen while the same deal is refreshed after a step.
    if (m_deal.id != m_dealId) {
        m_loading->setText(tr("Loading the deal…"));
        setState(State::Loading);
    }
    ++m_pending;
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.deal(m_dealId).then(QtFuture::Launch::Sync,
            common::guarded<Result<Deal>>(this, [this, generation](const Result<Deal> &result) {
                loaded(generation, result);
            }));
    m_messages.clear();
    m_olderMessages.clear();
    loadMessages({});
    m_events.clear();
    loadEvents({});
}

void DealView::finishOne()
{
    if (m_pending > 0 && --m_pending == 0) {
        updateActions(); // the deliverable's steps wait for its detail (see updateActions)
        if (m_state == State::Loaded) {
            Q_EMIT completed();
        }
    }
}

void DealView::loaded(quint64 generation, const Result<Deal> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_error = result.error();
        m_deal = {};
        setState(State::Failed);
        finishOne();
        return;
    }
    m_deal = *result;
    fillHeader();
    fillTerms();
    fillOffers();
    fillDeliverables();
    setState(State::Loaded);
    if (!m_selectedDeliverable.isEmpty()) {
        loadDeliverable(m_selectedDeliverable);
    } else {
        m_deliverable = {};
        fillDeliverableDetail();
    }
    finishOne();
}

void DealView::loadMessages(const QString &cursor)
{
    ++m_pending;
    const quint64 generation = m_generation;
    const bool older = !cursor.isEmpty();
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.messages(m_dealId, cursor, kMessagePage)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Page<Message>>>(
                            this, [this, generation, older](const Result<Page<Message>> &result) {
                                messagesLoaded(generation, older, result);
                            }));
}

void DealView::messagesLoaded(quint64 generation, bool older, const Result<Page<Message>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_thread->setPlainText(tr("The messages could not be loaded. %1")
                                       .arg(ErrorText::sentence(result.error())));
        finishOne();
        return;
    }
    // Pages come newest first; the thread reads oldest first, newest at the bottom.
    QList<Message> page = result->items;
    std::reverse(page.begin(), page.end());
    m_messages = older ? page + m_messages : page;
    m_olderMessages = result->nextCursor;
    fillMessages();
    if (!older) {
        m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
    }
    finishOne();
}

void DealView::loadEvents(const QString &cursor)
{
    ++m_pending;
    const quint64 generation = m_generation;
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.events(m_dealId, cursor, kEventPage)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Page<DealEvent>>>(
                            this, [this, generation](const Result<Page<DealEvent>> &result) {
                                eventsLoaded(generation, result);
                            }));
}

void DealView::eventsLoaded(quint64 generation, const Result<Page<DealEvent>> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_activity->clear();
        m_activity->addItem(tr("The activity could not be loaded. %1")
                                    .arg(ErrorText::sentence(result.error())));
        finishOne();
        return;
    }
    m_events += result->items;
    if (!result->nextCursor.isEmpty() && m_events.size() < kMaxEvents) {
        loadEvents(result->nextCursor);
    } else {
        fillEvents();
    }
    finishOne();
}

void DealView::loadDeliverable(const QString &id)
{
    ++m_pending;
    const quint64 generation = m_generation;
    const common::ApiClient::OwnerScope owner(m_api, this);
    m_collab.deliverable(id).then(QtFuture::Launch::Sync,
            common::guarded<Result<Deliverable>>(
                    this, [this, generation](const Result<Deliverable> &result) {
                        deliverableLoaded(generation, result);
                    }));
}

void DealView::deliverableLoaded(quint64 generation, const Result<Deliverable> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        m_deliverable = {};
        m_versions->setPlainText(tr("The versions could not be loaded. %1")
                                         .arg(ErrorText::sentence(result.error())));
    } else if (result->id == m_selectedDeliverable) {
        m_deliverable = *result;
        fillDeliverableDetail();
    }
    updateActions();
    finishOne();
}

QString DealView::partyName(const QString &userId) const
{
    if (userId.isEmpty()) {
        return tr("Influence");
    }
    if (userId == m_deal.influencerId) {
        return m_deal.influencerName.isEmpty() ? tr("Creator") : m_deal.influencerName;
    }
    return m_deal.brandName.isEmpty() ? tr("Brand") : m_deal.brandName;
}

QString DealView::offerSummary(const common::OfferInput &offer) const
{
    QStringList lines;
    for (const common::OfferLine &line : offer.deliverables) {
        lines.append(tr("%1 × %2 on %3, due %4")
                             .arg(line.quantity)
                             .arg(Names::deliverableType(line.type), Names::platform(line.platform),
                                     day(line.dueDate)));
    }
    return lines.join(u'\n');
}

void DealView::fillHeader()
{
    const QString creator =
            m_deal.influencerName.isEmpty() ? tr("Unnamed creator") : m_deal.influencerName;
    const QString brand = m_deal.brandName.isEmpty() ? tr("Unnamed brand") : m_deal.brandName;
    m_title->setText(tr("%1 — %2").arg(creator, m_deal.campaignName));
    m_parties->setText(tr("Brand: %1 · Creator: %2 · Campaign: %3 · You act as: %4")
                               .arg(brand, creator, m_deal.campaignName, Names::dealSide(side())));
    QString state = tr("State: %1").arg(Names::dealState(m_deal.state));
    if (m_deal.overdue) {
        state += u" · "_s + tr("Overdue");
    }
    m_stateLabel->setText(state);
}

void DealView::fillTerms()
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
            tr("Deliverables: %1").arg(offerSummary(*terms).replace(u'\n', u"; "_s)),
            tr("Revision rounds: %1").arg(terms->maxRevisions),
            tr("Usage rights: %1")
                    .arg(terms->usageRights.isEmpty() ? tr("none stated") : terms->usageRights),
            tr("Agreed: %1 (brand %2, creator %3)")
                    .arg(when(agreedAt), when(m_deal.brandAcceptedAt),
                            when(m_deal.creatorAcceptedAt))};
    m_terms->setText(lines.join(u'\n'));
}

void DealView::fillOffers()
{
    m_offers->clear();
    for (const Offer &offer : std::as_const(m_deal.offers)) {
        auto *item = new QTreeWidgetItem(m_offers);
        item->setText(OfferNumber, QString::number(offer.sequence));
        item->setText(OfferFrom,
                tr("%1 (%2)").arg(Names::dealSide(offer.madeBy),
                        offer.madeBy == DealSide::Creator ? partyName(m_deal.influencerId)
                                                          : partyName(m_deal.brandId)));
        item->setText(OfferFee, Formats::money(offer.terms.fee));
        QString details = offerSummary(offer.terms);
        details += u'\n' + tr("%n revision round(s)", nullptr, offer.terms.maxRevisions);
        if (!offer.terms.note.isEmpty()) {
            details += u'\n' + tr("Note: %1").arg(offer.terms.note);
        }
        item->setText(OfferDeliverables, details);
        item->setText(OfferState, DealText::offerStatus(offer.status));
        item->setText(OfferWhen,
                offer.respondedAt.isValid()
                        ? tr("%1, answered %2").arg(when(offer.createdAt), when(offer.respondedAt))
                        : when(offer.createdAt));
        item->setData(OfferNumber, Qt::UserRole, offer.id);
    }
    for (int column = 0; column < OfferWhen + 1; ++column) {
        if (column != OfferDeliverables) {
            m_offers->resizeColumnToContents(column);
        }
    }
    updateActions();
}

void DealView::fillDeliverables()
{
    m_deliverables->clear();
    QTreeWidgetItem *selected = nullptr;
    for (const Deliverable &d : std::as_const(m_deal.deliverables)) {
        auto *item = new QTreeWidgetItem(m_deliverables);
        item->setText(ItemNumber, QString::number(d.position));
        const auto type = common::deliverableTypeFromString(d.type);
        const auto platform = common::platformFromString(d.platform);
        item->setText(ItemType, type ? Names::deliverableType(*type) : d.type);
        item->setText(ItemPlatform, platform ? Names::platform(*platform) : d.platform);
        item->setText(ItemDue, d.overdue ? tr("%1 (overdue)").arg(day(d.dueDate)) : day(d.dueDate));
        if (d.overdue) {
            item->setForeground(ItemDue, QColor(0xb0, 0x00, 0x20));
        }
        item->setText(ItemStatus, DealText::deliverableStatus(d.status));
        item->setText(ItemRevisions, tr("%1 of %2").arg(d.revisionsUsed).arg(d.maxRevisions));
        item->setText(ItemLive, d.liveUrl);
        item->setData(ItemNumber, Qt::UserRole, d.id);
        if (d.id == m_selectedDeliverable) {
            selected = item;
        }
    }
    const bool none = m_deal.deliverables.isEmpty();
    m_deliverablesEmpty->setText(
            none ? tr("Deliverables appear here once an offer is accepted.") : QString());
    m_deliverablesEmpty->setVisible(none);
    if (!selected && !none) {
        selected = m_deliverables->topLevelItem(0);
        m_selectedDeliverable = m_deal.deliverables.first().id;
    }
    if (selected) {
        const QSignalBlocker blocker(m_deliverables);
        m_deliverables->setCurrentItem(selected);
    }
    m_deliverables->resizeColumnToContents(ItemDue);
    m_deliverables->resizeColumnToContents(ItemStatus);
}

void DealView::fillDeliverableDetail()
{
    if (m_deliverable.id.isEmpty()) {
        m_versions->clear();
        updateActions();
        return;
    }
    QString html = u"<p><b>%1</b></p>"_s.arg(tr("Deliverable %1 · revision rounds used: %2 of %3")
                                                     .arg(m_deliverable.position)
                                                     .arg(m_deliverable.revisionsUsed)
                                                     .arg(m_deliverable.maxRevisions)
                                                     .toHtmlEscaped());
    if (m_deliverable.versions.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(tr("No draft submitted yet.").toHtmlEscaped());
    }
    // Newest first.
    for (qsizetype i = m_deliverable.versions.size() - 1; i >= 0; --i) {
        const DeliverableVersion &version = m_deliverable.versions.at(i);
        html += u"<hr><p><b>%1</b> · %2</p><p>%3</p>"_s.arg(
                tr("Version %1").arg(version.version).toHtmlEscaped(),
                when(version.submittedAt).toHtmlEscaped(), Formats::linkified(version.caption));
        for (const QString &url : version.mediaUrls) {
            html += u"<p>%1</p>"_s.arg(Formats::linkified(url));
        }
        if (!version.notes.isEmpty()) {
            html += u"<p><i>%1</i></p>"_s.arg(Formats::linkified(version.notes));
        }
        const QString decision = version.decision ? Names::reviewDecision(*version.decision)
                                                  : tr("Waiting for review");
        html += u"<p><b>%1</b>%2</p>"_s.arg(decision.toHtmlEscaped(),
                version.feedback.isEmpty() ? QString()
                                           : u": "_s + Formats::linkified(version.feedback));
    }
    m_versions->setHtml(html);
    updateActions();
}

void DealView::fillMessages()
{
    QString html;
    const QString me = m_session->user().id.toString(QUuid::WithoutBraces);
    for (const Message &message : std::as_const(m_messages)) {
        const QString author = message.authorId == me
                ? tr("You")
                : (message.authorName.isEmpty() ? partyName(message.authorId) : message.authorName);
        html += u"<p><b>%1</b> <span style=\"color: gray\">%2</span><br>%3</p>"_s.arg(
                author.toHtmlEscaped(), when(message.createdAt).toHtmlEscaped(),
                Formats::linkified(message.body));
    }
    if (m_messages.isEmpty()) {
        html = u"<p>%1</p>"_s.arg(
                tr("No messages yet. Write the first one below.").toHtmlEscaped());
    }
    m_thread->setHtml(html);
    m_olderButton->setVisible(!m_olderMessages.isEmpty());
}

void DealView::fillEvents()
{
    m_activity->clear();
    const QString currency =
            m_deal.latestOffer ? m_deal.latestOffer->terms.fee.currency : QString();
    for (const DealEvent &event : std::as_const(m_events)) {
        const QString detail = DealText::eventDetail(event.kind, event.data, currency);
        const QString what = detail.isEmpty()
                ? Names::eventKind(event.kind)
                : tr("%1: %2").arg(Names::eventKind(event.kind), detail);
        m_activity->addItem(tr("%1 — %2 — %3").arg(when(event.at), what, partyName(event.actorId)));
    }
    if (m_events.isEmpty()) {
        m_activity->addItem(tr("Nothing has happened yet."));
    }
}

void DealView::updateActions()
{
    const DealSide me = side();
    const std::optional<Offer> &latest = m_deal.latestOffer;
    const bool negotiating = m_state == State::Loaded && common::isNegotiating(m_deal.state);
    const bool canAnswer = negotiating && latest && latest->status == common::OfferStatus::Open
            && latest->madeBy != me && !m_busy;
    for (QPushButton *button : {m_accept, m_decline, m_counter}) {
        button->setVisible(negotiating);
        button->setEnabled(canAnswer);
    }
    const std::array<std::pair<DealAction, QPushButton *>, 4> actions{
            {{DealAction::Start, m_start}, {DealAction::Complete, m_complete},
                    {DealAction::Withdraw, m_withdraw}, {DealAction::Cancel, m_cancel}}};
    for (const auto &[action, button] : actions) {
        const bool allowed = m_state == State::Loaded
                && common::dealTransition(m_deal.state, action).has_value()
                && common::mayTakeDealAction(me, action);
        button->setVisible(allowed);
        button->setEnabled(allowed && !m_busy);
    }
    const bool working = m_deal.state == common::DealState::Accepted
            || m_deal.state == common::DealState::InProgress;
    // While the page reloads after a step, the deliverable's detail is the one from before it:
    // its steps wait until everything has arrived, so that a second click sends nothing stale.
    const bool detail = !m_deliverable.id.isEmpty() && m_pending == 0 && !m_busy;
    const DeliverableStatus status = m_deliverable.status;
    m_review->setVisible(me == DealSide::Brand);
    m_review->setEnabled(working && detail && status == DeliverableStatus::InReview);
    m_draftBox->setVisible(me == DealSide::Creator);
    const bool mayDraft = working && detail
            && (status == DeliverableStatus::Pending
                    || status == DeliverableStatus::ChangesRequested);
    m_submitDraft->setEnabled(mayDraft);
    m_submitLive->setEnabled(working && detail && status == DeliverableStatus::Approved);
}

void DealView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

void DealView::selectDeliverable(int row)
{
    if (QTreeWidgetItem *item = m_deliverables->topLevelItem(row)) {
        m_deliverables->setCurrentItem(item);
    }
}

OfferDialog *DealView::offerDialog() const
{
    return m_offerDialog.data();
}

ReviewDialog *DealView::reviewDialog() const
{
    return m_reviewDialog.data();
}

QString DealView::messageText() const
{
    return m_message->text();
}

QWidget *DealView::confirmation() const
{
    return m_confirmation;
}

void DealView::confirmThen(FinalStep step, const std::function<void()> &confirmed)
{
    if (m_confirmation || m_busy) {
        return;
    }
    const QString counterpart =
            side() == DealSide::Brand ? m_deal.influencerName : m_deal.brandName;
    m_confirmation = confirmFinalStep(this, step, counterpart, m_deal.campaignName, confirmed);
}

void DealView::answerOffer(bool accept)
{
    if (!m_deal.latestOffer) {
        return;
    }
    m_busy = true;
    updateActions();
    m_message->setText(accept ? tr("Accepting the offer…") : tr("Declining the offer…"));
    const QString done = accept ? tr("You accepted the offer. The terms are now frozen.")
                                : tr("You declined the offer.");
    const QString offerId = m_deal.latestOffer->id;
    auto future = accept ? m_collab.acceptOffer(m_dealId, offerId)
                         : m_collab.declineOffer(m_dealId, offerId);
    future.then(QtFuture::Launch::Sync,
            common::guarded<Result<Deal>>(this, [this, done](const Result<Deal> &result) {
                dealAnswered(done, result);
            }));
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
                    m_collab.counterOffer(m_dealId, offer)
                            .then(QtFuture::Launch::Sync,
                                    common::guarded<Result<Deal>>(
                                            this, [this](const Result<Deal> &result) {
                                                if (m_offerDialog) {
                                                    if (result) {
                                                        m_offerDialog->close();
                                                    } else {
                                                        m_offerDialog->setBusy(false);
                                                        m_offerDialog->showError(result.error());
                                                    }
                                                }
                                                dealAnswered(
                                                        tr("Your counter-offer was sent."), result);
                                            }));
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
    m_collab.dealAction(m_dealId, action)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Deal>>(this, [this, done](const Result<Deal> &result) {
                        dealAnswered(done, result);
                    }));
}

void DealView::dealAnswered(const QString &done, const Result<Deal> &result)
{
    m_busy = false;
    if (!result) {
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
    if (m_deliverable.id.isEmpty()) {
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
                    m_collab.review(m_reviewDialog->deliverable().id, version, review)
                            .then(QtFuture::Launch::Sync,
                                    common::guarded<Result<Deliverable>>(
                                            this, [this, done](const Result<Deliverable> &result) {
                                                if (m_reviewDialog) {
                                                    if (result) {
                                                        m_reviewDialog->close();
                                                    } else {
                                                        m_reviewDialog->showError(result.error());
                                                    }
                                                }
                                                deliverableAnswered(done, result);
                                            }));
                });
    }
    m_reviewDialog->setDeliverable(m_deliverable);
    m_reviewDialog->open(); // never exec()
}

void DealView::submitDraft()
{
    if (!m_submitDraft->isEnabled()) {
        return; // not (or no longer) a step this deliverable allows
    }
    common::DraftInput draft;
    draft.caption = m_caption->toPlainText().trimmed();
    draft.mediaUrls = splitUrls(m_media->text());
    draft.notes = m_notes->text().trimmed();
    const auto checked = common::collab::validateDraft(common::draftJson(draft));
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
    m_collab.submitDraft(m_deliverable.id, *checked)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Deliverable>>(
                            this, [this](const Result<Deliverable> &result) {
                                if (result) {
                                    m_caption->clear();
                                    m_media->clear();
                                    m_notes->clear();
                                }
                                deliverableAnswered(
                                        tr("Your draft was submitted for review."), result);
                            }));
}

void DealView::submitLive()
{
    const QString url = m_liveUrl->text().trimmed();
    if (!common::collab::validateLiveUrl({{u"url"_s, url}})) {
        m_message->setText(tr("Type the https address of the published post."));
        return;
    }
    if (!m_submitLive->isEnabled()) {
        return;
    }
    m_busy = true;
    updateActions();
    m_message->setText(tr("Sending…"));
    m_collab.reportLive(m_deliverable.id, url)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Deliverable>>(
                            this, [this](const Result<Deliverable> &result) {
                                if (result) {
                                    m_liveUrl->clear();
                                }
                                deliverableAnswered(tr("The live post is recorded."), result);
                            }));
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
    const QString body = m_messageInput->toPlainText().trimmed();
    if (!common::collab::validateMessage({{u"body"_s, body}})) {
        m_message->setText(body.isEmpty() ? tr("Write something first.")
                                          : tr("A message can be up to 5000 characters long."));
        return;
    }
    m_send->setEnabled(false);
    m_message->setText(tr("Sending…"));
    const QString dealId = m_dealId;
    m_collab.postMessage(dealId, body)
            .then(QtFuture::Launch::Sync,
                    common::guarded<Result<Message>>(
                            this, [this, dealId](const Result<Message> &result) {
                                m_send->setEnabled(true);
                                if (!result) {
                                    m_message->setText(
                                            tr("The message was not sent. %1")
                                                    .arg(ErrorText::sentence(result.error())));
                                    return;
                                }
                                m_message->setText(tr("Message sent."));
                                if (dealId != m_dealId) {
                                    return;
                                }
                                m_messageInput->clear();
                                m_messages.append(*result);
                                fillMessages();
                                m_thread->verticalScrollBar()->setValue(
                                        m_thread->verticalScrollBar()->maximum());
                            }));
}

} // namespace influence::desktop
