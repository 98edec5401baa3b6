// SPDX-License-Identifier: Apache-2.0
#include "RuleFiring.h"

#include "core/db/Transaction.h"
#include "deals/Timeline.h"
#include "money/Payouts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::rules {

namespace {

const SqlStatement kStart(u"SELECT rule_firing_start(:firing)::text"_s);
const SqlStatement kFinish(u"SELECT rule_firing_finish(:firing, :status, :reason, "
                           "CAST(:results AS jsonb))"_s);
const SqlStatement kRunAction(
        u"SELECT rule_run_action(:firing, CAST(:action AS jsonb), :appUrl)"_s);
const SqlStatement kAuthor(u"SELECT role FROM users WHERE id = :id AND status = 'active'"_s);
const SqlStatement kDuePayouts(
        u"SELECT p.id, p.amount_minor, p.currency FROM payouts p "
        "WHERE p.deal_id = :deal AND payout_state(p) = 'due' ORDER BY p.id"_s);
const SqlStatement kMessageText(
        u"SELECT rule_render(:text, :deal, NULL, f.object_id, :appUrl) FROM rule_firings f "
        "WHERE f.id = :firing"_s);

/// What the start of a run said to do.
struct Run
{
    QJsonArray actions;
    QUuid deal;
    QUuid author;
};

/// An action that cannot run: the firing fails with this text.
struct ActionFailure
{
    QString message;
};

QString detailOf(const Connection &c, const Error &error)
{
    if (!error.detail.isEmpty() && error.code != common::ErrorCode::Internal) {
        return error.detail;
    }
    if (c.lastFailure() && !c.lastFailure()->message.isEmpty()) {
        // The first line of the database's message, without its severity ("ERROR:  the
        // shortlist no longer exists").
        static const QRegularExpression severity(u"^\\s*(ERROR|FATAL):\\s*"_s);
        return c.lastFailure()->message.section(u'\n', 0, 0).remove(severity).left(300);
    }
    return error.detail.isEmpty() ? u"the action failed"_s : error.detail;
}

Result<Principal> authorOf(Connection &tx, const Run &run)
{
    if (run.author.isNull()) {
        return Error::make(common::ErrorCode::Forbidden, u"the rule's author no longer exists"_s);
    }
    const auto role = tx.scalar(kAuthor, {{u":id"_s, run.author}});
    if (!role) {
        return role.error();
    }
    if (role->isNull()) {
        return Error::make(common::ErrorCode::Forbidden, u"the rule's author is not active"_s);
    }
    Principal author;
    author.account.id = run.author;
    author.account.role =
            role->toString() == u"admin"_s ? common::UserRole::Admin : common::UserRole::Brand;
    return author;
}

QString money(qint64 minor, const QString &currency)
{
    return u"%1 %2.%3"_s.arg(currency).arg(minor / 100).arg(minor % 100, 2, 10, QChar(u'0'));
}

Result<QString> approvePayouts(Connection &tx, const Run &run)
{
    if (run.deal.isNull()) {
        return Error::validation({}, u"no deal to approve payouts of"_s);
    }
    auto rows = tx.run(kDuePayouts, {{u":deal"_s, run.deal}});
    if (!rows) {
        return rows.error();
    }
    QList<QUuid> ids;
    qint64 total = 0;
    QString currency;
    while ((*rows)->next()) {
        ids.append((*rows)->value(0).toUuid());
        total += (*rows)->value(1).toLongLong();
        currency = (*rows)->value(2).toString();
    }
    if (ids.isEmpty()) {
        return u"nothing to approve"_s;
    }
    const auto author = authorOf(tx, run);
    if (!author) {
        return author.error();
    }
    if (auto approved = money::approveInTransaction(tx, *author, ids); !approved) {
        return approved.error();
    }
    return u"approved %1 payout%2 (%3)"_s.arg(ids.size())
            .arg(ids.size() == 1 ? QString() : u"s"_s, money(total, currency));
}

Result<QString> sendMessage(Connection &tx, const Context &context, const QUuid &firing,
        const Run &run, const QJsonObject &action)
{
    if (run.deal.isNull()) {
        return Error::validation({}, u"no deal to post the message to"_s);
    }
    const auto body = tx.scalar(kMessageText,
            {{u":text"_s, action[u"params"_s][u"text"_s].toString()}, {u":deal"_s, run.deal},
                    {u":appUrl"_s, context.appUrl}, {u":firing"_s, firing}});
    if (!body) {
        return body.error();
    }
    const auto author = authorOf(tx, run);
    if (!author) {
        return author.error();
    }
    const QString text = body->toString().left(5000);
    if (auto posted = deals::timeline::postMessageInTransaction(tx, *author, run.deal, text);
            !posted) {
        return posted.error();
    }
    return u"posted: %1"_s.arg(text.left(200));
}

Result<QString> runAction(Connection &tx, const Context &context, const QUuid &firing,
        const Run &run, const QJsonObject &action)
{
    const QString type = action[u"type"_s].toString();
    if (type == u"payout.approve"_s) {
        return approvePayouts(tx, run);
    }
    if (type == u"message.send"_s) {
        return sendMessage(tx, context, firing, run, action);
    }
    const auto done = tx.scalar(kRunAction,
            {{u":firing"_s, firing},
                    {u":action"_s,
                            QString::fromUtf8(
                                    QJsonDocument(action).toJson(QJsonDocument::Compact))},
                    {u":appUrl"_s, context.appUrl}});
    if (!done) {
        return done.error();
    }
    return done->toString();
}

Result<void> finish(Connection &tx, const QUuid &firing, const QString &status,
        const QString &reason, const QJsonArray &results)
{
    const auto done = tx.scalar(kFinish,
            {{u":firing"_s, firing}, {u":status"_s, status},
                    {u":reason"_s,
                            reason.isNull() ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(reason)},
                    {u":results"_s,
                            QString::fromUtf8(
                                    QJsonDocument(results).toJson(QJsonDocument::Compact))}});
    if (!done) {
        return done.error();
    }
    return {};
}

} // namespace

Result<void> runFiring(Connection &c, const Context &context, const QUuid &firing)
{
    QJsonArray results;
    std::optional<ActionFailure> failure;
    auto ran = db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        results = {};
        failure.reset();
        const auto start = tx.scalar(kStart, {{u":firing"_s, firing}});
        if (!start) {
            return start.error();
        }
        if (start->isNull()) {
            return {}; // already run (the job ran twice) or the rule was deleted
        }
        const QJsonObject begun = QJsonDocument::fromJson(start->toString().toUtf8()).object();
        if (!begun[u"run"_s].toBool()) {
            return {}; // skipped, with the reason
        }
        const Run run{begun[u"actions"_s].toArray(),
                QUuid::fromString(begun[u"dealId"_s].toString()),
                QUuid::fromString(begun[u"authorId"_s].toString())};
        for (const QJsonValue value : run.actions) {
            const QJsonObject action = value.toObject();
            const QString type = action[u"type"_s].toString();
            const auto done = runAction(tx, context, firing, run, action);
            if (!done) {
                const auto &lost = tx.lastFailure();
                if (lost && lost->isConnectionProblem()) {
                    return done.error();
                }
                failure = ActionFailure{u"%1 failed: %2"_s.arg(type, detailOf(tx, done.error()))};
                results.append(QJsonObject{{u"type"_s, type}, {u"ok"_s, false},
                        {u"result"_s, detailOf(tx, done.error())}});
                return done.error();
            }
            results.append(QJsonObject{{u"type"_s, type}, {u"ok"_s, true}, {u"result"_s, *done}});
        }
        return finish(tx, firing, u"succeeded"_s, {}, results);
    });
    if (ran || !failure) {
        return ran;
    }
    // Nothing the actions did stayed: say so beside the ones that had run.
    QJsonArray recorded;
    for (const QJsonValue value : results) {
        QJsonObject result = value.toObject();
        if (result[u"ok"_s].toBool()) {
            result.insert(u"result"_s, QString(result[u"result"_s].toString() + u" (undone)"_s));
        }
        recorded.append(result);
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        return finish(tx, firing, u"failed"_s, failure->message, recorded);
    });
}

jobs::Handler fireJobHandler(ContextPtr context)
{
    return [context = std::move(context)](const jobs::Job &job) -> Result<void> {
        const QUuid firing = QUuid::fromString(job.payload.value(u"firing"_s).toString());
        if (firing.isNull()) {
            return {}; // not ours to retry
        }
        return runFiring(job.connection, *context, firing);
    };
}

} // namespace influence::server::rules
