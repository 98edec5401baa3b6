// SPDX-License-Identifier: Apache-2.0
#include "authenticity/AuthenticityStore.h"

#include "authenticity/Detector.h"
#include "core/db/Connection.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <vector>

using namespace Qt::StringLiterals;

namespace influence::server::authenticity {

namespace {

namespace detector = influence::authenticity;

const db::SqlStatement kHistory(
        u"SELECT account_id, day, followers, views, engagement_rate FROM account_metrics "
        "WHERE account_id IN (SELECT CAST(jsonb_array_elements_text(CAST(:ids AS jsonb)) AS uuid)) "
        "ORDER BY account_id, day"_s);
const db::SqlStatement kStore(u"SELECT store_account_authenticity(CAST(:rows AS jsonb))"_s);

QJsonObject assessed(const QString &id, const std::vector<detector::DayFigures> &days,
        const std::vector<QDate> &dates)
{
    const auto assessment = detector::assess(days);
    QJsonArray events;
    for (const auto &e : assessment.events) {
        const QString day = dates[static_cast<std::size_t>(e.day)].toString(Qt::ISODate);
        events.append(QJsonObject{{u"day"_s, day},
                {u"kind"_s, QString::fromLatin1(detector::kindName(e.kind))}, {u"size"_s, e.size},
                {u"lengthDays"_s, e.lengthDays},
                {u"reason"_s, QString::fromStdString(detector::describe(e, day.toStdString()))}});
    }
    return QJsonObject{{u"id"_s, id},
            {u"score"_s, assessment.judged ? QJsonValue(assessment.score) : QJsonValue()},
            {u"events"_s, events}};
}

} // namespace

common::Result<void> refreshAuthenticity(db::Connection &c, const QString &accountIdsJson)
{
    auto query = c.run(kHistory, {{u":ids"_s, accountIdsJson}});
    if (!query) {
        return query.error();
    }
    QJsonArray rows;
    QSet<QString> seen;
    QString current;
    std::vector<detector::DayFigures> days;
    std::vector<QDate> dates;
    const auto flush = [&] {
        if (!current.isEmpty()) {
            rows.append(assessed(current, days, dates));
            seen.insert(current);
        }
        days.clear();
        dates.clear();
    };
    while ((*query)->next()) {
        const QSqlQuery &q = **query;
        const QString id = q.value(0).toString();
        if (id != current) {
            flush();
            current = id;
        }
        detector::DayFigures d;
        d.followers = q.value(2).toLongLong();
        d.views = q.value(3).isNull() ? -1 : q.value(3).toLongLong();
        d.engagementRate = q.value(4).isNull() ? -1.0 : q.value(4).toDouble();
        days.push_back(d);
        dates.push_back(q.value(1).toDate());
    }
    flush();
    (*query)->finish();
    // Accounts without any history get no score (and lose stale events).
    const auto ids = QJsonDocument::fromJson(accountIdsJson.toUtf8()).array();
    for (const auto &id : ids) {
        if (!seen.contains(id.toString())) {
            rows.append(QJsonObject{
                    {u"id"_s, id}, {u"score"_s, QJsonValue()}, {u"events"_s, QJsonArray()}});
        }
    }
    auto stored = c.run(kStore,
            {{u":rows"_s, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))}});
    if (!stored) {
        return stored.error();
    }
    (*stored)->finish();
    return {};
}

} // namespace influence::server::authenticity
