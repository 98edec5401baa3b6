// SPDX-License-Identifier: Apache-2.0
#include "Timeline.h"

#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::deals::timeline {

namespace {

const SqlStatement kRecordEvent(
        u"SELECT record_deal_event(:deal, :actor, :kind, CAST(:data AS jsonb), "
        "CAST(:notify AS text), :objectType, :objectId)"_s);
const SqlStatement kPostMessage(
        u"INSERT INTO deal_messages AS m (deal_id, author_id, body) VALUES (:deal, :author, :body) "
        "RETURNING api_message_json(m)::text, m.id"_s);

} // namespace

Result<void> record(Connection &c, const QUuid &actor, const Event &event)
{
    const QVariant notify = event.notify ? QVariant(common::wireName(*event.notify))
                                         : QVariant(QMetaType::fromType<QString>());
    auto done = c.run(kRecordEvent,
            {{u":deal"_s, event.deal}, {u":actor"_s, actor}, {u":kind"_s, event.kind},
                    {u":data"_s,
                            QString::fromUtf8(
                                    QJsonDocument(event.data).toJson(QJsonDocument::Compact))},
                    {u":notify"_s, notify}, {u":objectType"_s, event.objectType},
                    {u":objectId"_s, event.objectId.isNull() ? event.deal : event.objectId}});
    if (!done) {
        return done.error();
    }
    (*done)->finish();
    return {};
}

Result<QByteArray> messages(
        Connection &c, const Principal &p, const QUuid &deal, const db::Page &page)
{
    if (const auto access = dealAccess(c, p, deal, Lock::None); !access) {
        return access.error();
    }
    return db::runPage(c,
            u"SELECT api_message_json(m)::text, m.seq FROM deal_messages m "
            "WHERE m.deal_id = :deal AND m.seq < :after ORDER BY m.seq DESC LIMIT :limit"_s,
            {{u":deal"_s, deal}}, page);
}

Result<QByteArray> postMessageInTransaction(
        Connection &tx, const Principal &p, const QUuid &deal, const QString &body)
{
    const auto access = dealAccess(tx, p, deal, Lock::None);
    if (!access) {
        return access.error();
    }
    auto query = tx.run(
            kPostMessage, {{u":deal"_s, deal}, {u":author"_s, p.userId()}, {u":body"_s, body}});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        return Error::internal();
    }
    QByteArray json = (*query)->value(0).toString().toUtf8();
    const QString id = (*query)->value(1).toString();
    (*query)->finish();
    const auto recorded = record(tx, p.userId(),
            {deal, u"message.posted"_s, {{u"messageId"_s, id}, {u"excerpt"_s, body.left(120)}},
                    otherSide(access->side)});
    if (!recorded) {
        return recorded.error();
    }
    return json;
}

Result<QByteArray> postMessage(
        Connection &c, const Principal &p, const QUuid &deal, const QString &body)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        return postMessageInTransaction(tx, p, deal, body);
    });
}

Result<QByteArray> events(
        Connection &c, const Principal &p, const QUuid &deal, const db::Page &page)
{
    if (const auto access = dealAccess(c, p, deal, Lock::None); !access) {
        return access.error();
    }
    return db::runPage(c,
            u"SELECT api_event_json(e)::text, e.id FROM deal_events e "
            "WHERE e.deal_id = :deal AND e.id > :after ORDER BY e.id LIMIT :limit"_s,
            {{u":deal"_s, deal}}, page);
}

} // namespace influence::server::deals::timeline
