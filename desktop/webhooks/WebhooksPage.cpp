// SPDX-License-Identifier: Apache-2.0
#include "WebhooksPage.h"

#include "WebhookDialog.h"
#include "WebhookSecretDialog.h"
#include "WebhookTables.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::WebhookDelivery;
using influence::common::WebhookEndpoint;
using influence::common::WebhookPage;

namespace influence::desktop {

namespace {

constexpr int kEndpointPageSize = 100; // the most the server gives per page
constexpr int kPendingRefreshMs = 2000;

QPushButton *addButton(const QString &name, QHBoxLayout *row)
{
    auto *button = new QPushButton;
    button->setObjectName(name);
    row->addWidget(button);
    return button;
}

} // namespace

WebhooksPage::WebhooksPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_webhooks(api)
    , m_session(session)
{
    setObjectName(u"webhooksPage"_s);
    m_pendingTimer = new QTimer(this);
    m_pendingTimer->setSingleShot(true);
    m_pendingTimer->setInterval(kPendingRefreshMs);
    connect(m_pendingTimer, &QTimer::timeout, this, &WebhooksPage::reloadDeliveries);
    buildUi();
    retranslate();
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut || state == Session::State::Expired) {
            forget(); // another user may sign in next
        } else if (state == Session::State::SignedIn && isVisible()
                && m_endpointsState == State::Idle) {
            reload(); // signed in again while the page is on screen
        }
    });
}

void WebhooksPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setObjectName(u"webhooksIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_brands = new BrandPicker(m_api);
    layout->addWidget(m_brands, 0, Qt::AlignLeft);
    connect(m_brands, &BrandPicker::ready, this, &WebhooksPage::loadBrandEndpoints);
    connect(m_brands, &BrandPicker::brandChanged, this, &WebhooksPage::reload);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(buildEndpointsSide());
    splitter->addWidget(buildDeliveriesSide());
    splitter->setSizes({300, 500});
    layout->addWidget(splitter, 1);
    m_messageLabel = new StatusLine;
    m_messageLabel->setObjectName(u"webhooksMessage"_s);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_messageLabel);
    updateButtons();
}

QWidget *WebhooksPage::buildEndpointsSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    m_endpointTable = WebhookTables::make(u"webhookEndpoints"_s, HealthColumn + 1);
    m_endpointTable->horizontalHeader()->resizeSection(UrlColumn, 300);
    m_endpointTable->horizontalHeader()->resizeSection(DescriptionColumn, 180);
    m_endpointTable->horizontalHeader()->resizeSection(EventsColumn, 220);
    connect(m_endpointTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WebhooksPage::endpointChosen);
    connect(m_endpointTable, &QTableWidget::cellActivated, this, &WebhooksPage::editEndpoint);
    m_endpointStates = new StateStack(u"webhooks"_s, m_endpointTable);
    connect(m_endpointStates, &StateStack::retryRequested, this, &WebhooksPage::reload);
    connect(m_endpointStates, &StateStack::emptyActionTriggered, this, &WebhooksPage::addEndpoint);
    layout->addWidget(m_endpointStates, 1);
    auto *buttons = new QHBoxLayout;
    m_add = addButton(u"addWebhookButton"_s, buttons);
    m_edit = addButton(u"editWebhookButton"_s, buttons);
    m_rotate = addButton(u"rotateSecretButton"_s, buttons);
    m_test = addButton(u"sendTestButton"_s, buttons);
    m_delete = addButton(u"deleteWebhookButton"_s, buttons);
    buttons->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &WebhooksPage::addEndpoint);
    connect(m_edit, &QPushButton::clicked, this, &WebhooksPage::editEndpoint);
    connect(m_rotate, &QPushButton::clicked, this, &WebhooksPage::rotateSecret);
    connect(m_test, &QPushButton::clicked, this, &WebhooksPage::sendTest);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksPage::deleteEndpoint);
    layout->addLayout(buttons);
    return side;
}

QWidget *WebhooksPage::buildDeliveriesSide()
{
    auto *side = new QWidget;
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    m_logTitle = new QLabel;
    m_logTitle->setObjectName(u"deliveryLogTitle"_s);
    QFont bold = m_logTitle->font();
    bold.setBold(true);
    m_logTitle->setFont(bold);
    layout->addWidget(m_logTitle);
    m_deliveryTable = WebhookTables::make(u"webhookDeliveries"_s, NextAttemptColumn + 1);
    m_deliveryTable->horizontalHeader()->resizeSection(TimeColumn, 150);
    m_deliveryTable->horizontalHeader()->resizeSection(EventColumn, 200);
    m_deliveryTable->horizontalHeader()->resizeSection(AnswerColumn, 220);
    connect(m_deliveryTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WebhooksPage::updateButtons);
    m_deliveryStates = new StateStack(u"webhookDeliveries"_s, m_deliveryTable);
    connect(m_deliveryStates, &StateStack::retryRequested, this, &WebhooksPage::reloadDeliveries);
    layout->addWidget(m_deliveryStates, 1);
    auto *buttons = new QHBoxLayout;
    m_replay = addButton(u"replayDeliveryButton"_s, buttons);
    m_refreshLog = addButton(u"refreshDeliveriesButton"_s, buttons);
    buttons->addStretch(1);
    m_newer = addButton(u"newerDeliveriesButton"_s, buttons);
    m_pageLabel = new QLabel;
    m_pageLabel->setObjectName(u"deliveryPageLabel"_s);
    buttons->addWidget(m_pageLabel);
    m_older = addButton(u"olderDeliveriesButton"_s, buttons);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_deliveryTable->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            replay(rows.first().row());
        }
    });
    connect(m_refreshLog, &QPushButton::clicked, this, &WebhooksPage::reloadDeliveries);
    connect(m_newer, &QPushButton::clicked, this, &WebhooksPage::newerDeliveries);
    connect(m_older, &QPushButton::clicked, this, &WebhooksPage::olderDeliveries);
    layout->addLayout(buttons);
    return side;
}

void WebhooksPage::retranslate()
{
    setWindowTitle(tr("Webhooks"));
    m_intro->setText(tr("Your systems hear about deal events (offers, drafts, posts, payouts) "
                        "as signed HTTPS requests to these addresses. Failed deliveries are "
                        "retried for about three days."));
    m_add->setText(tr("&Add endpoint…"));
    m_edit->setText(tr("&Edit…"));
    m_rotate->setText(tr("&Rotate secret…"));
    m_test->setText(tr("Send &test event"));
    m_delete->setText(tr("&Delete…"));
    m_replay->setText(tr("Re&play"));
    m_refreshLog->setText(tr("Re&fresh log"));
    m_newer->setText(tr("← &Newer"));
    m_older->setText(tr("&Older →"));
    m_endpointTable->setHorizontalHeaderLabels(
            {tr("Address"), tr("Description"), tr("Events"), tr("Enabled"), tr("State")});
    m_deliveryTable->setHorizontalHeaderLabels({tr("Time"), tr("Event"), tr("Status"),
            tr("Attempts"), tr("Last answer"), tr("Next attempt")});
    fillEndpoints();
    fillDeliveries();
    setEndpointsState(m_endpointsState);
    setDeliveriesState(m_deliveriesState);
}

void WebhooksPage::setEndpointsState(State state)
{
    m_endpointsState = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_endpointStates->showLoading(tr("Loading the webhook endpoints…")); break;
    case State::Failed: m_endpointStates->showError(m_endpointsError); break;
    case State::Loaded:
        if (m_endpoints.isEmpty()) {
            m_endpointStates->showEmpty(tr("No webhook endpoints yet. Add one to have deal "
                                           "events sent to your systems."),
                    tr("&Add endpoint…"));
        } else {
            m_endpointStates->showContent();
        }
        break;
    }
    updateButtons();
    Q_EMIT endpointsStateChanged(state);
}

void WebhooksPage::setDeliveriesState(State state)
{
    m_deliveriesState = state;
    const WebhookEndpoint *endpoint = currentEndpoint();
    m_logTitle->setText(
            endpoint ? tr("Delivery log of %1").arg(endpoint->url) : tr("Delivery log"));
    switch (state) {
    case State::Idle:
        m_deliveryStates->showEmpty(tr("Choose an endpoint to see its deliveries."));
        break;
    case State::Loading: m_deliveryStates->showLoading(tr("Loading the deliveries…")); break;
    case State::Failed: m_deliveryStates->showError(m_deliveriesError); break;
    case State::Loaded:
        if (m_deliveries.isEmpty()) {
            m_deliveryStates->showEmpty(tr("Nothing delivered to this endpoint yet. Send a test "
                                           "event to try it."));
        } else {
            m_deliveryStates->showContent();
        }
        break;
    }
    m_pageLabel->setText(state == State::Loaded && !m_deliveries.isEmpty()
                    ? tr("Page %1").arg(QLocale().toString(deliveryPageIndex() + 1))
                    : QString());
    updateButtons();
    Q_EMIT deliveriesStateChanged(state);
}

void WebhooksPage::reload()
{
    if (m_session->state() != Session::State::SignedIn
            && m_session->state() != Session::State::Refreshing) {
        return;
    }
    if (m_wanted.isEmpty()) {
        m_wanted = currentEndpointId();
    }
    m_arriving.clear();
    setEndpointsState(State::Loading);
    ++m_endpointsGeneration;
    if (m_brands->state() == BrandPicker::State::Loaded) {
        loadBrandEndpoints();
    } else {
        m_brands->reload(); // then loadBrandEndpoints()
    }
}

void WebhooksPage::loadBrandEndpoints()
{
    if (m_endpointsState == State::Loading) {
        loadEndpoints(m_endpointsGeneration, {});
    }
}

void WebhooksPage::loadEndpoints(quint64 generation, const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_webhooks.endpoints(kEndpointPageSize, cursor, m_brands->brandId()),
            [this, generation](const Result<WebhookPage<WebhookEndpoint>> &result) {
                if (generation != m_endpointsGeneration) {
                    return;
                }
                if (!result) {
                    m_endpointsError = result.error();
                    setEndpointsState(State::Failed);
                    return;
                }
                m_arriving.append(result->items);
                if (!result->nextCursor.isEmpty() && m_arriving.size() < kMaxEndpoints) {
                    loadEndpoints(generation, result->nextCursor);
                    return;
                }
                m_endpoints = std::exchange(m_arriving, {});
                const QString wanted = std::exchange(m_wanted, {});
                fillEndpoints();
                setEndpointsState(State::Loaded);
                if (!selectEndpoint(wanted)) {
                    // The newest, or none: the log follows.
                    selectEndpoint(m_endpoints.isEmpty() ? QString() : m_endpoints.first().id);
                    if (m_endpoints.isEmpty()) {
                        endpointChosen();
                    }
                }
            });
}

void WebhooksPage::fillEndpoints()
{
    const QSignalBlocker blocker(m_endpointTable->selectionModel());
    m_endpointTable->setRowCount(static_cast<int>(m_endpoints.size()));
    for (int row = 0; row < m_endpoints.size(); ++row) {
        WebhookTables::setEndpointRow(m_endpointTable, row, m_endpoints.at(row));
    }
}

QString WebhooksPage::currentEndpointId() const
{
    const WebhookEndpoint *endpoint = currentEndpoint();
    return endpoint ? endpoint->id : QString();
}

const WebhookEndpoint *WebhooksPage::currentEndpoint() const
{
    const QModelIndexList rows = m_endpointTable->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_endpoints.size()) {
        return nullptr;
    }
    return &m_endpoints.at(rows.first().row());
}

bool WebhooksPage::selectEndpoint(const QString &id)
{
    const auto found = std::find_if(
            m_endpoints.begin(), m_endpoints.end(), [&id](const WebhookEndpoint &endpoint) {
                return endpoint.id == id;
            });
    if (id.isEmpty() || found == m_endpoints.end()) {
        return false;
    }
    {
        const QSignalBlocker blocker(m_endpointTable->selectionModel());
        m_endpointTable->clearSelection();
        m_endpointTable->selectRow(static_cast<int>(found - m_endpoints.begin()));
    }
    endpointChosen();
    return true;
}

void WebhooksPage::restoreState(const QVariant &state)
{
    if (!selectEndpoint(state.toString())) {
        m_wanted = state.toString();
        reload();
    }
}

void WebhooksPage::endpointChosen()
{
    const QString chosen = currentEndpointId();
    if (!chosen.isEmpty() && chosen == std::exchange(m_logEndpointId, chosen)
            && m_deliveriesState == State::Loaded) {
        loadDeliveries(); // the same endpoint again (the list was read anew): keep its page
        return;
    }
    m_cursors = {QString()};
    m_deliveries.clear();
    fillDeliveries();
    if (currentEndpointId().isEmpty()) {
        ++m_deliveriesGeneration;
        m_pendingTimer->stop();
        setDeliveriesState(State::Idle);
        return;
    }
    loadDeliveries();
}

void WebhooksPage::reloadDeliveries()
{
    if (!currentEndpointId().isEmpty() && !m_cursors.isEmpty()) {
        loadDeliveries();
    }
}

void WebhooksPage::loadDeliveries()
{
    m_pendingTimer->stop();
    const quint64 generation = ++m_deliveriesGeneration;
    if (m_deliveriesState != State::Loaded || m_deliveries.isEmpty()) {
        setDeliveriesState(State::Loading); // a refresh keeps the rows on screen meanwhile
    }
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this,
            m_webhooks.deliveries(currentEndpointId(), m_deliveryPageSize, m_cursors.constLast()),
            [this, generation](const Result<WebhookPage<WebhookDelivery>> &result) {
                if (generation != m_deliveriesGeneration) {
                    return;
                }
                if (!result) {
                    m_deliveriesError = result.error();
                    setDeliveriesState(State::Failed);
                    return;
                }
                const QString selected = [this] {
                    const QModelIndexList rows = m_deliveryTable->selectionModel()->selectedRows();
                    return rows.isEmpty() || rows.first().row() >= m_deliveries.size()
                            ? QString()
                            : m_deliveries.at(rows.first().row()).id;
                }();
                m_deliveries = result->items;
                m_nextCursor = result->nextCursor;
                fillDeliveries();
                for (int row = 0; row < m_deliveries.size(); ++row) {
                    if (m_deliveries.at(row).id == selected) {
                        m_deliveryTable->selectRow(row);
                    }
                }
                setDeliveriesState(State::Loaded);
                // Follow the attempts due within a minute while the user watches (a retry
                // hours away is not worth asking about every few seconds).
                const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(60);
                const bool pending = std::any_of(m_deliveries.begin(), m_deliveries.end(),
                        [&soon](const WebhookDelivery &d) {
                            return d.status == WebhookDelivery::Status::Pending
                                    && (!d.nextAttemptAt.isValid() || d.nextAttemptAt <= soon);
                        });
                if (pending && isVisible()) {
                    m_pendingTimer->start();
                }
            });
}

void WebhooksPage::fillDeliveries()
{
    m_deliveryTable->setRowCount(static_cast<int>(m_deliveries.size()));
    for (int row = 0; row < m_deliveries.size(); ++row) {
        WebhookTables::setDeliveryRow(m_deliveryTable, row, m_deliveries.at(row));
    }
}

void WebhooksPage::olderDeliveries()
{
    if (!m_nextCursor.isEmpty()) {
        m_cursors.append(m_nextCursor);
        m_deliveries.clear();
        loadDeliveries();
    }
}

void WebhooksPage::newerDeliveries()
{
    if (m_cursors.size() > 1) {
        m_cursors.removeLast();
        m_deliveries.clear();
        loadDeliveries();
    }
}

void WebhooksPage::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    Q_EMIT messageShown(text);
}

QString WebhooksPage::messageText() const
{
    return m_messageLabel->text();
}

void WebhooksPage::updateButtons()
{
    const bool chosen = m_endpointsState == State::Loaded && currentEndpoint() != nullptr;
    m_add->setEnabled(m_endpointsState == State::Loaded);
    m_edit->setEnabled(chosen);
    m_rotate->setEnabled(chosen);
    m_test->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    const bool log = chosen && m_deliveriesState == State::Loaded;
    m_replay->setEnabled(log && !m_deliveryTable->selectionModel()->selectedRows().isEmpty());
    m_refreshLog->setEnabled(chosen && m_deliveriesState != State::Loading);
    m_newer->setEnabled(log && m_cursors.size() > 1);
    m_older->setEnabled(log && !m_nextCursor.isEmpty());
}

void WebhooksPage::forget()
{
    ++m_endpointsGeneration;
    m_brands->forget();
    ++m_deliveriesGeneration;
    m_pendingTimer->stop();
    if (m_dialog) {
        m_dialog->close();
    }
    if (m_secretDialog) {
        m_secretDialog->close();
    }
    m_endpoints.clear();
    m_arriving.clear();
    m_deliveries.clear();
    m_cursors.clear();
    m_nextCursor.clear();
    m_logEndpointId.clear();
    fillEndpoints();
    fillDeliveries();
    showMessage({});
    setEndpointsState(State::Idle);
    setDeliveriesState(State::Idle);
}

void WebhooksPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload(); // other staff change endpoints, and deliveries go on meanwhile
}

void WebhooksPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
