// SPDX-License-Identifier: Apache-2.0
#include "AuditLogPage.h"

#include "AuditTexts.h"
#include "common/ApiClient.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CsvExport.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"
#include "widgets/Tables.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::AuditEntry;
using influence::common::Result;

namespace influence::desktop {

namespace {

/// The API's action prefix for each filter, in the order of AuditLogPage::Objects.
const QStringList kPrefixes{QString(), u"campaign."_s, u"deal."_s, u"payout."_s, u"brand."_s};

/// A read-only cell whose tooltip shows it whole (the Change column may be cut off).
QTableWidgetItem *cell(const QString &text)
{
    QTableWidgetItem *item = readOnlyCell(text);
    item->setToolTip(text);
    return item;
}

} // namespace

AuditLogPage::AuditLogPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_money(api)
    , m_collab(api)
    , m_session(session)
{
    setObjectName(u"auditLogPage"_s);
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_objectsLabel = new QLabel;
    m_objects = new QComboBox;
    m_objects->setObjectName(u"auditObjects"_s);
    m_objects->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < kPrefixes.size(); ++i) {
        m_objects->addItem(QString(), i);
    }
    m_objectsLabel->setBuddy(m_objects);
    m_periodLabel = new QLabel;
    m_period = new QComboBox;
    m_period->setObjectName(u"auditPeriod"_s);
    m_period->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Period period : {Period::AnyTime, Period::Today, Period::Week, Period::Month,
                 Period::Quarter, Period::Year}) {
        m_period->addItem(QString(), int(period));
    }
    m_periodLabel->setBuddy(m_period);
    m_reload = new QPushButton;
    m_reload->setObjectName(u"reloadAuditButton"_s);
    m_export = new QPushButton;
    m_export->setObjectName(u"exportAuditButton"_s);
    filters->addWidget(m_objectsLabel);
    filters->addWidget(m_objects);
    filters->addSpacing(12);
    filters->addWidget(m_periodLabel);
    filters->addWidget(m_period);
    filters->addStretch();
    filters->addWidget(m_export);
    filters->addWidget(m_reload);
    layout->addLayout(filters);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(u"auditTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(Change, QHeaderView::Stretch);
    m_states = new StateStack(u"audit"_s, m_table);
    layout->addWidget(m_states, 1);
    auto *footer = new QHBoxLayout;
    m_message = new StatusLine;
    m_message->setObjectName(u"auditMessage"_s);
    m_message->setWordWrap(true);
    footer->addWidget(m_message, 1);
    m_more = new QPushButton;
    m_more->setObjectName(u"moreAuditButton"_s);
    footer->addWidget(m_more);
    layout->addLayout(footer);

    connect(m_objects, &QComboBox::activated, this, &AuditLogPage::reload);
    connect(m_period, &QComboBox::activated, this, &AuditLogPage::reload);
    connect(m_export, &QPushButton::clicked, this, [this] {
        exportCsv(
                this, tr("audit-log.csv"),
                [csv = csv()] {
                    return csv;
                },
                [this](const QString &path, const QString &error) {
                    exported(path, error);
                });
    });
    connect(m_reload, &QPushButton::clicked, this, &AuditLogPage::reload);
    connect(m_states, &StateStack::retryRequested, this, &AuditLogPage::reload);
    connect(m_more, &QPushButton::clicked, this, &AuditLogPage::loadMore);
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        }
    });
    retranslate();
}

void AuditLogPage::retranslate()
{
    setWindowTitle(tr("Audit log"));
    m_objectsLabel->setText(tr("&Show"));
    const QStringList names{
            tr("Everything"), tr("Campaigns and budgets"), tr("Deals"), tr("Payouts"), tr("Team")};
    for (int i = 0; i < names.size(); ++i) {
        m_objects->setItemText(i, names.at(i));
    }
    m_periodLabel->setText(tr("&Period"));
    const QStringList periods{tr("Any time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"),
            tr("Last 90 days"), tr("This year")};
    for (int i = 0; i < periods.size(); ++i) {
        m_period->setItemText(i, periods.at(i));
    }
    m_reload->setText(tr("Re&fresh"));
    m_export->setText(tr("&Export CSV…"));
    m_more->setText(tr("Load &more"));
    m_table->setHorizontalHeaderLabels(
            {tr("When"), tr("Who"), tr("What"), tr("Object"), tr("Change")});
    fill();
    showState();
}

void AuditLogPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state != State::Loading) {
        reload();
    }
}

void AuditLogPage::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void AuditLogPage::showState()
{
    m_more->setVisible(m_state == State::Loaded && hasMore());
    m_export->setEnabled(m_state == State::Loaded && !m_entries.isEmpty());
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading the audit log…")); break;
    case State::Failed:
        if (m_error.code == common::ErrorCode::Forbidden) {
            m_states->showErrorText(tr("Only the brand's owner and administrators can read the "
                                       "audit log. Ask the owner if you need an entry from it."));
        } else {
            m_states->showError(m_error);
        }
        break;
    case State::Loaded:
        if (m_entries.isEmpty()) {
            m_states->showEmpty(tr("Nothing recorded yet. Budget changes, payouts, accepted "
                                   "deals and team changes appear here as they happen."));
        } else {
            m_states->showContent();
        }
        break;
    }
}

AuditLogPage::Objects AuditLogPage::objects() const
{
    return static_cast<Objects>(m_objects->currentData().toInt());
}

void AuditLogPage::setObjects(Objects objects)
{
    m_objects->setCurrentIndex(m_objects->findData(int(objects)));
    reload();
}

AuditLogPage::Period AuditLogPage::period() const
{
    return static_cast<Period>(m_period->currentData().toInt());
}

void AuditLogPage::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(int(period)));
    reload();
}

QDateTime AuditLogPage::periodStart(Period period, const QDateTime &now)
{
    const QDate today = now.toLocalTime().date();
    QDate first;
    switch (period) {
    case Period::AnyTime: return {};
    case Period::Today: first = today; break;
    case Period::Week: first = today.addDays(-6); break;
    case Period::Month: first = today.addDays(-29); break;
    case Period::Quarter: first = today.addDays(-89); break;
    case Period::Year: first = QDate(today.year(), 1, 1); break;
    }
    return first.startOfDay();
}

void AuditLogPage::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (!signedIn) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_entries.clear();
    m_nextCursor.clear();
    setState(State::Loading);
    if (!m_namesLoaded) {
        loadNames();
    }
    loadPage(generation, {});
}

void AuditLogPage::loadMore()
{
    if (m_state == State::Loaded && hasMore()) {
        m_more->setEnabled(false);
        loadPage(m_generation, m_nextCursor);
    }
}

void AuditLogPage::loadPage(quint64 generation, const QString &cursor)
{
    common::AuditQuery query;
    query.action = kPrefixes.value(int(objects()));
    query.since = periodStart(period(), QDateTime::currentDateTime());
    query.limit = m_pageSize;
    query.cursor = cursor;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_money.auditLog(query),
            [this, generation](const Result<common::Page<AuditEntry>> &result) {
                if (generation != m_generation) {
                    return;
                }
                m_more->setEnabled(true);
                if (!result) {
                    m_error = result.error();
                    m_entries.clear();
                    fill();
                    setState(State::Failed);
                    return;
                }
                m_entries += result->items;
                m_nextCursor = result->nextCursor;
                fill();
                setState(State::Loaded);
                showState();
            });
}

void AuditLogPage::loadNames()
{
    m_namesLoaded = true;
    const common::ApiClient::OwnerScope owner(m_api, this);
    // Without them the objects are named by their ids.
    continueIn(this, m_collab.campaigns(common::CampaignQuery{}),
            [this](const Result<common::Page<common::Campaign>> &result) {
                if (result) {
                    for (const common::Campaign &campaign : result->items) {
                        m_names.campaigns.insert(campaign.id, campaign.details.name);
                        m_names.campaignBudgets.insert(campaign.id, campaign.details.budget);
                    }
                    fill();
                }
            });
    continueIn(this, m_collab.deals(common::DealQuery{}),
            [this](const Result<common::Page<common::Deal>> &result) {
                if (result) {
                    for (const common::Deal &deal : result->items) {
                        m_names.deals.insert(deal.id, deal.influencerName);
                        m_names.creators.insert(deal.influencerId, deal.influencerName);
                    }
                    fill();
                }
            });
    continueIn(this, m_money.payouts(common::PayoutQuery{}),
            [this](const Result<common::Page<common::Payout>> &result) {
                if (result) {
                    for (const common::Payout &payout : result->items) {
                        m_names.payouts.insert(payout.id, {payout.amount, payout.influencerName});
                    }
                    fill();
                }
            });
}

void AuditLogPage::fill()
{
    const QLocale locale;
    m_table->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const AuditEntry &entry = m_entries.at(row);
        m_table->setItem(
                row, When, cell(locale.toString(entry.at.toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(row, Who, cell(AuditTexts::actor(entry, m_names, m_session->user().id)));
        m_table->setItem(row, What, cell(AuditTexts::action(entry.action)));
        QTableWidgetItem *object = cell(AuditTexts::object(entry, m_names));
        object->setToolTip(entry.objectId);
        m_table->setItem(row, Object, object);
        m_table->setItem(row, Change, cell(AuditTexts::change(entry, m_names)));
    }
    // As wide as their contents, and never narrower than their titles (in either language).
    m_table->resizeColumnsToContents();
    fitHeaderTexts(m_table->horizontalHeader());
}

void AuditLogPage::forget()
{
    ++m_generation;
    m_entries.clear();
    m_nextCursor.clear();
    m_names = {};
    m_namesLoaded = false;
    m_objects->setCurrentIndex(0);
    m_period->setCurrentIndex(0);
    m_message->clear();
    fill();
    setState(State::Idle);
}

QByteArray AuditLogPage::csv() const
{
    Csv csv;
    csv.addFilter(m_objectsLabel->text().remove(u'&'), m_objects->currentText());
    csv.addFilter(m_periodLabel->text().remove(u'&'), m_period->currentText());
    csv.setHeader({tr("Time"), tr("Who"), tr("What"), tr("Object"), tr("Object id"), tr("Change")});
    for (const AuditEntry &entry : m_entries) {
        csv.addRow({entry.at.toUTC().toString(Qt::ISODate),
                Csv::text(AuditTexts::actor(entry, m_names, m_session->user().id)),
                AuditTexts::action(entry.action), Csv::text(AuditTexts::object(entry, m_names)),
                entry.objectId, Csv::text(AuditTexts::change(entry, m_names))});
    }
    return csv.bytes();
}

void AuditLogPage::exportTo(const QString &path)
{
    writeFileInBackground(this, path, csv(), [this](const QString &file, const QString &error) {
        exported(file, error);
    });
}

void AuditLogPage::exported(const QString &path, const QString &error)
{
    if (!error.isEmpty()) {
        m_message->setText(tr("The audit log was not exported. %1").arg(error));
        return;
    }
    // (English and German have the same plural rule: one, or other.)
    m_message->setText(m_entries.size() == 1
                    ? tr("1 entry exported to %1.").arg(path)
                    : tr("%1 entries exported to %2.").arg(m_entries.size()).arg(path));
}

QString AuditLogPage::messageText() const
{
    return m_message->text();
}

} // namespace influence::desktop
