// SPDX-License-Identifier: Apache-2.0
// The readers and writers of automation rules (common/RuleTypes): a rule, a template, a firing and
// a dry run read from the contract's JSON; a definition written back as the server reads it;
// answers the client cannot use refused as invalid responses; the checks the editor makes before
// sending (with the server's field paths) and finding a message's placeholders.
#include "common/RuleTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::common;

Q_DECLARE_METATYPE(influence::common::RuleDefinition)

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject ruleJson()
{
    return parse(R"({"id":"r1","brandId":"b1","name":"Approve payout when approved",
        "template":"approve_payout_on_approval",
        "trigger":{"type":"deliverable.approved","params":{}},"delayMinutes":60,
        "conditions":[{"field":"platform","op":"in","value":["instagram"]},
                      {"field":"feeMinor","op":"gte","value":50000,"currency":"EUR"}],
        "actions":[{"type":"payout.approve","params":{}},
                   {"type":"message.send","params":{"text":"Thanks {{creator.name}}!"}}],
        "enabled":false,"createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-02T10:00:00.5Z",
        "lastFiredAt":null,"firingCount":3})");
}

RuleDefinition validDefinition()
{
    RuleDefinition definition;
    definition.name = u"Thank on live"_s;
    definition.trigger = {u"deliverable.live"_s, {}};
    definition.actions = {
            {u"message.send"_s, {{u"text"_s, u"Thanks {{creator.name}} for {{deal.url}}"_s}}}};
    return definition;
}

QStringList fields(const QList<FieldError> &errors)
{
    QStringList names;
    for (const FieldError &error : errors) {
        names << error.field;
    }
    return names;
}

} // namespace

class TestRuleTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsARule()
    {
        const auto rule = Rule::fromJson(ruleJson());
        QVERIFY(rule);
        QCOMPARE(rule->id, u"r1"_s);
        QCOMPARE(rule->brandId, u"b1"_s);
        QCOMPARE(rule->templateCode, u"approve_payout_on_approval"_s);
        QCOMPARE(rule->definition.name, u"Approve payout when approved"_s);
        QCOMPARE(rule->definition.trigger.type, u"deliverable.approved"_s);
        QCOMPARE(rule->definition.delayMinutes, 60);
        QCOMPARE(rule->definition.conditions.size(), 2);
        QCOMPARE(
                rule->definition.conditions.at(0).value.toArray().at(0).toString(), u"instagram"_s);
        QCOMPARE(rule->definition.conditions.at(1).op, u"gte"_s);
        QCOMPARE(rule->definition.conditions.at(1).value.toInteger(), 50000);
        QCOMPARE(rule->definition.actions.size(), 2);
        QCOMPARE(rule->definition.actions.at(1).params.value(u"text"_s).toString(),
                u"Thanks {{creator.name}}!"_s);
        QVERIFY(!rule->enabled);
        QCOMPARE(rule->createdAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(rule->updatedAt.time().msec(), 500);
        QVERIFY(!rule->lastFiredAt.isValid());
        QCOMPARE(rule->firingCount, 3);
        QVERIFY(rule->definition.validate().isEmpty());
    }

    void writesWhatItRead()
    {
        const auto rule = Rule::fromJson(ruleJson());
        QVERIFY(rule);
        const QJsonObject written = rule->definition.toJson();
        QCOMPARE(written.keys(),
                QStringList({u"actions"_s, u"conditions"_s, u"delayMinutes"_s, u"name"_s,
                        u"trigger"_s}));
        const auto again = RuleDefinition::fromJson(written);
        QVERIFY(again);
        QCOMPARE(*again, rule->definition);
        QCOMPARE(written[u"trigger"_s][u"params"_s].toObject(), QJsonObject());
    }

    void refusesBrokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no id") << QByteArray(R"({"name":"x","trigger":{"type":"deal.applied"}})");
        QTest::newRow("no trigger") << QByteArray(R"({"id":"r","name":"x"})");
        QTest::newRow("actions not a list")
                << QByteArray(R"({"id":"r","trigger":{"type":"deal.applied"},"actions":{}})");
        QTest::newRow("action without type")
                << QByteArray(R"({"id":"r","trigger":{"type":"deal.applied"},"actions":[{}]})");
        QTest::newRow("condition without op") << QByteArray(
                R"({"id":"r","trigger":{"type":"deal.applied"},"conditions":[{"field":"x"}]})");
    }
    void refusesBrokenAnswers()
    {
        QFETCH(QByteArray, json);
        const auto rule = Rule::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!rule);
        QCOMPARE(rule.error().code, ErrorCode::InvalidResponse);
    }

    void readsTemplates()
    {
        const auto page = RulePage<RuleTemplate>::fromJson(parse(R"({"items":[
            {"code":"nudge_overdue","name":"Nudge overdue","description":"A day later.",
             "rule":{"name":"Nudge","trigger":{"type":"deliverable.overdue","params":{}},
                     "delayMinutes":1440,
                     "conditions":[{"field":"stillInState","op":"eq","value":true}],
                     "actions":[{"type":"message.send","params":{"text":"Hi {{creator.name}}"}}]}},
            {"code":"notify_budget_80","name":"Budget","description":"",
             "rule":{"name":"Budget","trigger":{"type":"budget.used_above","params":{"share":0.8}},
                     "delayMinutes":0,"conditions":[],
                     "actions":[{"type":"staff.notify","params":{"text":"80 %"}}]}}]})"));
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        const RuleTemplate &nudge = page->items.at(0);
        QCOMPARE(nudge.code, u"nudge_overdue"_s);
        QCOMPARE(nudge.description, u"A day later."_s);
        QCOMPARE(nudge.rule.delayMinutes, 1440);
        QCOMPARE(nudge.rule.conditions.at(0).value, QJsonValue(true));
        QVERIFY(nudge.rule.validate().isEmpty());
        QCOMPARE(page->items.at(1).rule.trigger.params.value(u"share"_s).toDouble(), 0.8);
        QVERIFY(page->nextCursor.isEmpty());
        QVERIFY(!RulePage<RuleTemplate>::fromJson(parse(R"({"items":[{"name":"no code"}]})")));
    }

    void readsFiringsAndDryRuns()
    {
        const auto page = RulePage<RuleFiring>::fromJson(parse(R"({"items":[
            {"id":"f1","ruleId":"r1","event":{"type":"deliverable.approved",
             "at":"2026-12-03T09:00:00Z","dealId":"d1","campaignId":"c1","objectId":"o1",
             "summary":"Reel by Ana approved"},"firedAt":"2026-12-03T09:00:01Z",
             "status":"succeeded","reason":null,
             "actions":[{"type":"payout.approve","ok":true,"result":"approved 1 payout"}]},
            {"id":"f2","ruleId":"r1","event":{"type":"budget.used_above","at":"2026-12-02T09:00:00Z",
             "dealId":null,"campaignId":"c1","objectId":null,"summary":"80 %"},
             "firedAt":"2026-12-02T09:00:00Z","status":"teleported","reason":"who knows",
             "actions":[]}],"nextCursor":"abc"})"));
        QVERIFY(page);
        QCOMPARE(page->nextCursor, u"abc"_s);
        const RuleFiring &first = page->items.at(0);
        QCOMPARE(first.status, RuleFiring::Status::Succeeded);
        QCOMPARE(first.event.summary, u"Reel by Ana approved"_s);
        QCOMPARE(first.event.dealId, u"d1"_s);
        QVERIFY(first.reason.isEmpty());
        QCOMPARE(first.actions.size(), 1);
        QVERIFY(first.actions.at(0).ok);
        QCOMPARE(first.actions.at(0).result, u"approved 1 payout"_s);
        // A status this client does not know is kept as received.
        QCOMPARE(page->items.at(1).status, RuleFiring::Status::Unknown);
        QCOMPARE(page->items.at(1).statusCode, u"teleported"_s);
        QVERIFY(page->items.at(1).event.dealId.isEmpty());

        const auto run = RuleDryRun::fromJson(parse(R"({"from":"2026-11-05T00:00:00Z",
            "to":"2026-12-05T00:00:00Z","wouldFire":1,"wouldSkip":1,"items":[
            {"event":{"type":"deal.applied","at":"2026-12-01T00:00:00Z","summary":"Ana applied"},
             "status":"would_fire","reason":null,"actions":[]},
            {"event":{"type":"deal.applied","at":"2026-12-01T00:00:00Z","summary":"Bo applied"},
             "status":"would_skip","reason":"condition campaignId not met","actions":[]}]})"));
        QVERIFY(run);
        QCOMPARE(run->wouldFire, 1);
        QCOMPARE(run->wouldSkip, 1);
        QCOMPARE(run->from.date(), QDate(2026, 11, 5));
        QCOMPARE(run->items.at(0).status, RuleFiring::Status::WouldFire);
        QVERIFY(run->items.at(0).id.isEmpty());
        QVERIFY(!run->items.at(0).firedAt.isValid());
        QCOMPARE(run->items.at(1).status, RuleFiring::Status::WouldSkip);
        QCOMPARE(run->items.at(1).reason, u"condition campaignId not met"_s);
        QVERIFY(!RuleDryRun::fromJson(parse(R"({"items":[{"event":{}}]})")));
    }

    void validatesWithTheServersPaths_data()
    {
        QTest::addColumn<RuleDefinition>("definition");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("valid") << validDefinition() << QStringList();
        auto noName = validDefinition();
        noName.name = u"  "_s;
        QTest::newRow("no name") << noName << QStringList{u"name"_s};
        auto badTrigger = validDefinition();
        badTrigger.trigger = {u"moon.full"_s, {}};
        QTest::newRow("unknown trigger") << badTrigger << QStringList{u"trigger.type"_s};
        auto share = validDefinition();
        share.trigger = {u"budget.used_above"_s, {{u"share"_s, 1.5}}};
        share.actions = {{u"staff.notify"_s, {{u"text"_s, u"Budget!"_s}}}};
        QTest::newRow("share above 1") << share << QStringList{u"trigger.params.share"_s};
        auto views = validDefinition();
        views.trigger = {u"post.views_above"_s, {}};
        QTest::newRow("no views") << views << QStringList{u"trigger.params.views"_s};
        auto delay = validDefinition();
        delay.delayMinutes = rules::kMaxDelayMinutes + 1;
        QTest::newRow("delay over 30 days") << delay << QStringList{u"delayMinutes"_s};
        auto noActions = validDefinition();
        noActions.actions.clear();
        QTest::newRow("no actions") << noActions << QStringList{u"actions"_s};
        auto six = validDefinition();
        six.actions = QList<RuleAction>(6, {u"webhook.call"_s, {}});
        QTest::newRow("six actions") << six << QStringList{u"actions"_s};
        auto placeholder = validDefinition();
        placeholder.actions.append({u"staff.notify"_s, {{u"text"_s, u"{{brand.secret}}"_s}}});
        QTest::newRow("unknown placeholder")
                << placeholder << QStringList{u"actions[1].params.text"_s};
        auto emptyText = validDefinition();
        emptyText.actions[0].params = {};
        QTest::newRow("no text") << emptyText << QStringList{u"actions[0].params.text"_s};
        auto list = validDefinition();
        list.actions.append({u"shortlist.add"_s, {{u"shortlistId"_s, u"nope"_s}}});
        QTest::newRow("no shortlist") << list << QStringList{u"actions[1].params.shortlistId"_s};
        auto condition = validDefinition();
        condition.conditions = {{u"platform"_s, u"in"_s, QJsonArray(), {}},
                {u"feeMinor"_s, u"in"_s, 5, u"EUR"_s}, {u"colour"_s, u"eq"_s, true, {}},
                {u"stillInState"_s, u"eq"_s, true, {}}, {u"feeMinor"_s, u"lte"_s, 90000, u"JPY"_s},
                {u"feeMinor"_s, u"gte"_s, 100, {}}, {u"feeMinor"_s, u"gte"_s, 100, u"EURO"_s}};
        auto budget = validDefinition();
        budget.trigger = {u"budget.used_above"_s, {{u"share"_s, 0.8}}};
        budget.conditions = {{u"platform"_s, u"in"_s, QJsonArray{u"instagram"_s}, {}},
                {u"campaignId"_s, u"in"_s, QJsonArray{u"c1"_s}, {}}};
        budget.actions.append({u"staff.notify"_s, {{u"text"_s, u"80 %"_s}}});
        QTest::newRow("budget trigger without a deal")
                << budget << QStringList{u"conditions[0].field"_s, u"actions[0].type"_s};
        QTest::newRow("conditions")
                << condition
                << QStringList{u"conditions[0].value"_s, u"conditions[1].op"_s,
                           u"conditions[2].field"_s, u"conditions[5].currency"_s,
                           u"conditions[6].currency"_s};
    }
    void validatesWithTheServersPaths()
    {
        QFETCH(RuleDefinition, definition);
        QFETCH(QStringList, expected);
        QCOMPARE(fields(definition.validate()), expected);
    }

    void findsPlaceholders()
    {
        // As the server reads them: spaces inside the braces are part of the name.
        QCOMPARE(rules::placeholdersIn(u"Hi {{creator.name}}, {{ campaign.name }} {{x}}"_s),
                QStringList({u"creator.name"_s, u" campaign.name "_s, u"x"_s}));
        QCOMPARE(rules::placeholdersIn(u"{ {creator.name} } and {{}}"_s), QStringList{QString()});
        QVERIFY(rules::placeholdersIn(u"no braces"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuleTypes)
#include "tst_rule_types.moc"
