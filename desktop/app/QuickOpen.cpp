// SPDX-License-Identifier: Apache-2.0
#include "QuickOpen.h"

#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// Creators asked of the server per text; campaigns and deals shown at most.
constexpr int kCreatorLimit = 6;
constexpr int kLocalLimit = 8;
/// Typing pauses this long before the server is asked.
constexpr int kDebounceMs = 150;

QIcon iconOf(QuickOpen::Kind kind)
{
    switch (kind) {
    case QuickOpen::Kind::Creator: return QIcon(u":/icons/user-identity.svg"_s);
    case QuickOpen::Kind::Campaign: return QIcon(u":/icons/view-calendar-list.svg"_s);
    case QuickOpen::Kind::Deal: return QIcon(u":/icons/view-task.svg"_s);
    }
    return {};
}

} // namespace

QuickOpen::QuickOpen(common::ApiClient *api, Session *session, QWidget *parent)
    : QDialog(parent)
    , m_discovery(api)
    , m_collab(api)
{
    setObjectName(u"quickOpen"_s);
    auto *layout = new QVBoxLayout(this);
    m_field = new QLineEdit;
    m_field->setObjectName(u"quickOpenField"_s);
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_list = new QListWidget;
    m_list->setObjectName(u"quickOpenList"_s);
    m_list->setIconSize(QSize(22, 22));
    m_status = new QLabel;
    m_status->setObjectName(u"quickOpenStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_field);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &QuickOpen::search);
    connect(m_field, &QLineEdit::textChanged, this, [this] {
        ++m_generation; // answers for the previous text no longer count
        m_pendingCalls = 0;
        m_creatorHits.clear();
        showHits({});
        m_debounce->start();
    });
    connect(m_list, &QListWidget::itemActivated, this, &QuickOpen::chooseSelected);
    // The next user of a shared workstation must not find the previous one's campaigns.
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut) {
            forget();
        }
    });
    resize(520, 380);
    retranslate();
}

void QuickOpen::start()
{
    m_field->clear();
    m_campaigns.clear();
    m_deals.clear();
    m_error.clear();
    showHits({});
    // The user's campaigns and deals, fetched once per opening and searched here as they type;
    // answers to an earlier opening are dropped.
    const quint64 opening = ++m_opening;
    m_listsPending = 2;
    continueIn(this, m_collab.campaigns({}),
            [this, opening](const common::Result<common::Page<common::Campaign>> &page) {
                if (opening != m_opening) {
                    return;
                }
                --m_listsPending;
                if (page) {
                    m_campaigns = page->items;
                } // a creator has no campaigns of their own: nothing to search
                showHits(m_creatorHits);
            });
    continueIn(this, m_collab.deals({}),
            [this, opening](const common::Result<common::Page<common::Deal>> &page) {
                if (opening != m_opening) {
                    return;
                }
                --m_listsPending;
                if (page) {
                    m_deals = page->items;
                } else {
                    m_error = ErrorText::sentence(page.error());
                }
                showHits(m_creatorHits);
            });
    open(); // never exec(): the event loop keeps running
    activateWindow();
    m_field->setFocus();
}

void QuickOpen::forget()
{
    reject();
    ++m_opening; // the lists' answers still on their way are dropped
    ++m_generation; // and so are the creators'
    m_debounce->stop();
    m_listsPending = 0;
    m_pendingCalls = 0;
    m_campaigns.clear();
    m_deals.clear();
    m_creatorHits.clear();
    m_error.clear();
    {
        const QSignalBlocker blocker(m_field);
        m_field->clear();
    }
    showHits({});
}

bool QuickOpen::isSearching() const
{
    return m_pendingCalls > 0 || m_listsPending > 0 || m_debounce->isActive();
}

void QuickOpen::setText(const QString &text)
{
    m_field->setText(text);
}

QList<QuickOpen::Hit> QuickOpen::localHits(const QString &term) const
{
    QList<Hit> hits;
    if (term.isEmpty()) {
        return hits;
    }
    for (const common::Campaign &campaign : m_campaigns) {
        if (hits.size() < kLocalLimit
                && campaign.details.name.contains(term, Qt::CaseInsensitive)) {
            hits.append({Kind::Campaign, campaign.id, campaign.details.name, tr("Campaign")});
        }
    }
    int deals = 0;
    for (const common::Deal &deal : m_deals) {
        if (deals < kLocalLimit
                && (deal.influencerName.contains(term, Qt::CaseInsensitive)
                        || deal.campaignName.contains(term, Qt::CaseInsensitive))) {
            hits.append({Kind::Deal, deal.id,
                    tr("%1 × %2").arg(deal.influencerName, deal.campaignName), tr("Deal")});
            ++deals;
        }
    }
    return hits;
}

void QuickOpen::search()
{
    const QString term = m_field->text().trimmed();
    if (term.isEmpty()) {
        showHits({});
        return;
    }
    common::DiscoveryQuery query;
    query.text = term;
    query.limit = kCreatorLimit;
    const quint64 generation = m_generation;
    ++m_pendingCalls;
    showHits({});
    continueIn(this, m_discovery.discover(query, {}),
            [this, generation](const common::Result<common::DiscoveryPage> &page) {
                if (generation != m_generation) {
                    return; // the text changed since
                }
                --m_pendingCalls;
                QList<Hit> creators;
                if (page) {
                    for (const common::DiscoveryItem &item : page->items) {
                        creators.append({Kind::Creator, item.id, item.displayName, tr("Creator")});
                    }
                } else {
                    m_error = ErrorText::sentence(page.error());
                }
                m_creatorHits = creators;
                showHits(creators);
            });
}

void QuickOpen::showHits(const QList<Hit> &creators)
{
    const QString term = m_field->text().trimmed();
    m_hits = creators + localHits(term);
    m_list->clear();
    for (const Hit &hit : std::as_const(m_hits)) {
        auto *item = new QListWidgetItem(
                iconOf(hit.kind), u"%1 — %2"_s.arg(hit.title, hit.detail), m_list);
        item->setToolTip(hit.title);
    }
    if (m_list->count() > 0) {
        m_list->setCurrentRow(0);
    }
    if (term.isEmpty()) {
        m_status->setText(tr("Type part of a creator's, campaign's or deal's name."));
    } else if (isSearching() || m_debounce->isActive()) {
        m_status->setText(tr("Searching…"));
    } else if (!m_error.isEmpty()) {
        m_status->setText(m_error);
    } else if (m_hits.isEmpty()) {
        m_status->setText(tr("Nothing found for “%1”.").arg(term));
    } else {
        m_status->setText(tr("Enter opens the selected one."));
    }
}

void QuickOpen::chooseSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_hits.size()) {
        return;
    }
    const Hit hit = m_hits.at(row);
    accept();
    switch (hit.kind) {
    case Kind::Creator: Q_EMIT creatorChosen(hit.id); break;
    case Kind::Campaign: Q_EMIT campaignChosen(hit.id); break;
    case Kind::Deal: Q_EMIT dealChosen(hit.id); break;
    }
}

bool QuickOpen::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the field move through the results; Enter opens one.
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down: m_list->setCurrentRow(qMin(row + 1, m_list->count() - 1)); return true;
        case Qt::Key_Up: m_list->setCurrentRow(qMax(row - 1, 0)); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter: chooseSelected(); return true;
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickOpen::retranslate()
{
    setWindowTitle(tr("Quick open"));
    m_field->setPlaceholderText(tr("Find a creator, campaign or deal"));
    showHits(m_creatorHits);
}

void QuickOpen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace influence::desktop
