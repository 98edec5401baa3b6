// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/WebhookTypes.h"

#include <QCoreApplication>

class QTableWidget;

namespace influence::desktop {

/// The Webhooks page's two tables: how they are made and what a row of each shows. Columns in
/// the order of WebhooksPage::EndpointColumn and WebhooksPage::DeliveryColumn.
class WebhookTables
{
    Q_DECLARE_TR_FUNCTIONS(WebhookTables)

public:
    /// A read-only table choosing one whole row at a time.
    static QTableWidget *make(const QString &name, int columns);
    /// URL, description, events, enabled, state (with when it last delivered as the tip).
    static void setEndpointRow(QTableWidget *table, int row, const common::WebhookEndpoint &e);
    /// Time, event, status, attempts, last answer, next attempt.
    static void setDeliveryRow(QTableWidget *table, int row, const common::WebhookDelivery &d);
};

} // namespace influence::desktop
