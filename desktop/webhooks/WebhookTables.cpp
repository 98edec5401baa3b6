// SPDX-License-Identifier: Apache-2.0
#include "WebhookTables.h"

#include "WebhookText.h"
#include "widgets/Formats.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using influence::common::WebhookDelivery;
using influence::common::WebhookEndpoint;

namespace influence::desktop {

namespace {

QTableWidgetItem *cell(const QString &text, const QString &tip = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(tip.isEmpty() ? text : tip);
    return item;
}

QString shortTime(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : u"–"_s;
}

} // namespace

QTableWidget *WebhookTables::make(const QString &name, int columns)
{
    auto *table = new QTableWidget(0, columns);
    table->setObjectName(name);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void WebhookTables::setEndpointRow(QTableWidget *table, int row, const WebhookEndpoint &e)
{
    int column = 0;
    table->setItem(row, column++, cell(e.url));
    table->setItem(row, column++, cell(e.description));
    table->setItem(row, column++, cell(WebhookText::events(e.events)));
    table->setItem(row, column++, cell(e.enabled ? tr("Yes") : tr("No")));
    QString tip = e.lastSuccessAt.isValid()
            ? tr("Last delivered %1.").arg(Formats::when(e.lastSuccessAt))
            : tr("Nothing delivered yet.");
    if (e.previousSecretExpiresAt > QDateTime::currentDateTimeUtc()) {
        tip += u' '
                + tr("The previous secret signs too until %1.")
                          .arg(shortTime(e.previousSecretExpiresAt));
    }
    if (e.health() == WebhookEndpoint::Health::DisabledByFailures) {
        tip += u' '
                + tr("Disabled after %1 failed attempts in a row, failing since %2.")
                          .arg(QLocale().toString(e.consecutiveFailures), shortTime(e.failingSince))
                + u' ' + tr("Enable it again (Edit) to start afresh.");
    }
    table->setItem(row, column, cell(WebhookText::health(e), tip));
}

void WebhookTables::setDeliveryRow(QTableWidget *table, int row, const WebhookDelivery &d)
{
    int column = 0;
    table->setItem(row, column++, cell(shortTime(d.createdAt), d.id));
    table->setItem(row, column++, cell(WebhookText::event(d.eventType), d.eventType));
    table->setItem(row, column++, cell(WebhookText::status(d.status)));
    auto *attempts = cell(QLocale().toString(d.attempts));
    attempts->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, column++, attempts);
    table->setItem(row, column++, cell(WebhookText::lastAnswer(d)));
    const bool waiting = d.status == WebhookDelivery::Status::Pending;
    table->setItem(row, column, cell(waiting ? shortTime(d.nextAttemptAt) : u"–"_s));
}

} // namespace influence::desktop
