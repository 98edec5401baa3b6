// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/WebhooksApi.h"
#include "widgets/Page.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace influence::desktop {

class BrandPicker;
class Session;
class StateStack;
class WebhookDialog;
class WebhookSecretDialog;

/// The brand's webhook endpoints (address, description, events, enabled, state) with add, edit,
/// rotate secret, send a test event and delete; below, the chosen endpoint's delivery log
/// (time, event, status, attempts, last answer, next attempt) a page at a time, with Replay.
/// A secret the server tells once is shown once (WebhookSecretDialog) and kept nowhere else.
/// While a delivery on screen has an attempt due within a minute the log refreshes itself
/// every two seconds. Both lists have their loading, empty and error states.
class WebhooksPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum EndpointColumn { UrlColumn, DescriptionColumn, EventsColumn, EnabledColumn, HealthColumn };
    enum DeliveryColumn {
        TimeColumn,
        EventColumn,
        StatusColumn,
        AttemptsColumn,
        AnswerColumn,
        NextAttemptColumn
    };
    /// Endpoints listed at the most (pages are followed up to it).
    static constexpr int kMaxEndpoints = 500;

    WebhooksPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State endpointsState() const { return m_endpointsState; }
    State deliveriesState() const { return m_deliveriesState; }
    const QList<common::WebhookEndpoint> &endpoints() const { return m_endpoints; }
    const QList<common::WebhookDelivery> &deliveries() const { return m_deliveries; }
    QTableWidget *endpointsTable() const { return m_endpointTable; }
    QTableWidget *deliveriesTable() const { return m_deliveryTable; }
    QString currentEndpointId() const;
    /// Chooses an endpoint by id; false when not listed.
    bool selectEndpoint(const QString &id);
    /// Deliveries per page of the log (25 unless a test wants fewer).
    void setDeliveryPageSize(int size) { m_deliveryPageSize = size; }
    /// The log's page: 0 the newest.
    int deliveryPageIndex() const { return static_cast<int>(m_cursors.size()) - 1; }
    /// Reads the endpoints again (keeps the chosen one when it is still there).
    void reload();
    /// Which brand's endpoints, and whose a new one is, for staff of several brands.
    BrandPicker *brandPicker() const { return m_brands; }
    /// Reads the chosen endpoint's log page again.
    void reloadDeliveries();
    void addEndpoint();
    void editEndpoint();
    void rotateSecret();
    void sendTest();
    void deleteEndpoint();
    /// Sends the delivery in `row` of the log again.
    void replay(int row);
    /// The add/edit dialog while it is open.
    WebhookDialog *endpointDialog() const;
    /// The once-shown secret while its dialog is open.
    WebhookSecretDialog *secretDialog() const;
    QString messageText() const;
    QString crumb() const override { return windowTitle(); }
    QVariant saveState() const override { return currentEndpointId(); }
    void restoreState(const QVariant &state) override;

Q_SIGNALS:
    void endpointsStateChanged(influence::desktop::WebhooksPage::State state);
    void deliveriesStateChanged(influence::desktop::WebhooksPage::State state);
    /// A secret dialog opened (after create or rotation).
    void secretShown();
    /// An action's outcome was put on the message line.
    void messageShown(const QString &text);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    QWidget *buildEndpointsSide();
    QWidget *buildDeliveriesSide();
    void retranslate();
    void setEndpointsState(State state);
    void setDeliveriesState(State state);
    /// Reads the endpoints of the picked brand (the brand list first when not known).
    void loadBrandEndpoints();
    void loadEndpoints(quint64 generation, const QString &cursor);
    void fillEndpoints();
    void endpointChosen();
    void loadDeliveries();
    void fillDeliveries();
    void olderDeliveries();
    void newerDeliveries();
    void openDialog(const std::optional<common::WebhookEndpoint> &endpoint);
    void submitDialog(const common::WebhookEndpointInput &input);
    void showSecret(const common::WebhookEndpointSecret &answer, bool rotated);
    void showMessage(const QString &text);
    void updateButtons();
    void forget();
    const common::WebhookEndpoint *currentEndpoint() const;

    common::ApiClient *m_api;
    common::WebhooksApi m_webhooks;
    Session *m_session;
    QList<common::WebhookEndpoint> m_endpoints;
    QList<common::WebhookEndpoint> m_arriving;
    QList<common::WebhookDelivery> m_deliveries;
    QString m_nextCursor; ///< of the log page shown; empty on the last page
    QStringList m_cursors; ///< the cursor of each log page up to the one shown ("" the first)
    QString m_logEndpointId; ///< whose log is shown
    common::Error m_endpointsError;
    common::Error m_deliveriesError;
    State m_endpointsState = State::Idle;
    State m_deliveriesState = State::Idle;
    quint64 m_endpointsGeneration = 0;
    quint64 m_deliveriesGeneration = 0;
    int m_deliveryPageSize = 25;
    QString m_wanted; ///< the endpoint to choose once the endpoints arrive
    QPointer<WebhookDialog> m_dialog;
    QPointer<WebhookSecretDialog> m_secretDialog;

    BrandPicker *m_brands = nullptr;
    StateStack *m_endpointStates = nullptr;
    QTableWidget *m_endpointTable = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_rotate = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_logTitle = nullptr;
    StateStack *m_deliveryStates = nullptr;
    QTableWidget *m_deliveryTable = nullptr;
    QPushButton *m_replay = nullptr;
    QPushButton *m_newer = nullptr;
    QPushButton *m_older = nullptr;
    QPushButton *m_refreshLog = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTimer *m_pendingTimer = nullptr;
};

} // namespace influence::desktop
