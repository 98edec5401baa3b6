// SPDX-License-Identifier: Apache-2.0
// The shared collaboration rules (common/Collab): wire names, the campaign transition table and
// the validation of campaigns, offers, drafts, reviews, live URLs and messages; reading the
// API's notifications and unread count, and the invitation a client sends and the deal it
// answers with (common/CollabApi).
#include "common/CollabApi.h"
#include "common/CollabTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

QJsonObject validCampaign()
{
    return {{u"name"_s, u"Summit"_s}, {u"objective"_s, u"engagement"_s}, {u"currency"_s, u"EUR"_s},
            {u"budgetMinor"_s, 100000}, {u"platforms"_s, QJsonArray{u"instagram"_s, u"tiktok"_s}},
            {u"targeting"_s, QJsonObject{{u"niches"_s, QJsonArray{u"travel"_s}}}}};
}

QJsonObject validOffer()
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 2}, {u"dueDate"_s, u"2027-03-01"_s}}}},
            {u"feeMinor"_s, 50000}, {u"currency"_s, u"EUR"_s}};
}

QStringList fields(const Error &error)
{
    QStringList names;
    for (const FieldError &e : error.fieldErrors) {
        names << e.field;
    }
    return names;
}

} // namespace

class TestCollab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireNamesRoundTrip()
    {
        QCOMPARE(collabNames<DealState>().size(), 9);
        for (const QString &name : collabNames<DealState>()) {
            QCOMPARE(wireName(*collabFromString<DealState>(name)), name);
        }
        QCOMPARE(wireName(DealState::InProgress), u"in_progress"_s);
        QCOMPARE(wireName(ReviewDecision::ApprovedWithChanges), u"approved_with_changes"_s);
        QCOMPARE(wireName(DeliverableStatus::ChangesRequested), u"changes_requested"_s);
        QVERIFY(!collabFromString<CampaignStatus>(u"Active"_s));
        QVERIFY(!collabFromString<OfferStatus>(QString()));
    }

    void campaignTransitions_data()
    {
        QTest::addColumn<CampaignStatus>("from");
        QTest::addColumn<CampaignAction>("action");
        QTest::addColumn<QString>("to"); // empty: not allowed
        using S = CampaignStatus;
        using A = CampaignAction;
        const QList<S> all{S::Draft, S::Active, S::Paused, S::Completed, S::Cancelled};
        const QHash<std::pair<int, int>, QString> allowed{
                {{int(S::Draft), int(A::Launch)}, u"active"_s},
                {{int(S::Active), int(A::Pause)}, u"paused"_s},
                {{int(S::Paused), int(A::Resume)}, u"active"_s},
                {{int(S::Active), int(A::Complete)}, u"completed"_s},
                {{int(S::Paused), int(A::Complete)}, u"completed"_s},
                {{int(S::Draft), int(A::Cancel)}, u"cancelled"_s},
                {{int(S::Active), int(A::Cancel)}, u"cancelled"_s},
                {{int(S::Paused), int(A::Cancel)}, u"cancelled"_s}};
        for (const S from : all) {
            for (const A action : {A::Launch, A::Pause, A::Resume, A::Complete, A::Cancel}) {
                QTest::addRow("%s %s", qPrintable(wireName(from)), qPrintable(wireName(action)))
                        << from << action << allowed.value({int(from), int(action)});
            }
        }
    }
    void campaignTransitions()
    {
        QFETCH(CampaignStatus, from);
        QFETCH(CampaignAction, action);
        QFETCH(QString, to);
        const auto next = campaignTransition(from, action);
        QCOMPARE(next ? wireName(*next) : QString(), to);
    }

    void dealTransitions_data()
    {
        QTest::addColumn<DealState>("from");
        QTest::addColumn<DealAction>("action");
        QTest::addColumn<QString>("to"); // empty: not allowed
        using S = DealState;
        using A = DealAction;
        const QHash<std::pair<int, int>, QString> allowed{
                {{int(S::Invited), int(A::Withdraw)}, u"withdrawn"_s},
                {{int(S::Applied), int(A::Withdraw)}, u"withdrawn"_s},
                {{int(S::Negotiating), int(A::Withdraw)}, u"withdrawn"_s},
                {{int(S::Accepted), int(A::Start)}, u"in_progress"_s},
                {{int(S::Accepted), int(A::Complete)}, u"completed"_s},
                {{int(S::InProgress), int(A::Complete)}, u"completed"_s},
                {{int(S::Accepted), int(A::Cancel)}, u"cancelled"_s},
                {{int(S::InProgress), int(A::Cancel)}, u"cancelled"_s}};
        for (const QString &name : collabNames<DealState>()) {
            const S from = *collabFromString<DealState>(name);
            for (const A action : {A::Withdraw, A::Start, A::Complete, A::Cancel}) {
                QTest::addRow("%s %s", qPrintable(name), qPrintable(wireName(action)))
                        << from << action << allowed.value({int(from), int(action)});
            }
        }
    }
    void dealTransitions()
    {
        QFETCH(DealState, from);
        QFETCH(DealAction, action);
        QFETCH(QString, to);
        const auto next = dealTransition(from, action);
        QCOMPARE(next ? wireName(*next) : QString(), to);
        // The board's reverse look-up agrees with the table.
        if (next) {
            QCOMPARE(dealActionBetween(from, *next), std::optional(action));
        }
        // Completing and cancelling are the brand's; withdrawing and starting either side's.
        QCOMPARE(mayTakeDealAction(DealSide::Creator, action),
                action == DealAction::Withdraw || action == DealAction::Start);
        QVERIFY(mayTakeDealAction(DealSide::Brand, action));
    }

    void campaignValidation_data()
    {
        QTest::addColumn<QJsonObject>("patch");
        QTest::addColumn<QString>("field"); // empty: valid
        const auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject body = validCampaign();
            body.insert(key, value);
            return body;
        };
        QTest::newRow("valid") << validCampaign() << QString();
        QTest::newRow("no name") << with(u"name"_s, QJsonValue()) << u"name"_s;
        QTest::newRow("long name") << with(u"name"_s, QString(121, u'x')) << u"name"_s;
        QTest::newRow("objective") << with(u"objective"_s, u"fame"_s) << u"objective"_s;
        QTest::newRow("currency") << with(u"currency"_s, u"XXY"_s) << u"currency"_s;
        QTest::newRow("negative budget") << with(u"budgetMinor"_s, -1) << u"budgetMinor"_s;
        QTest::newRow("fractional budget") << with(u"budgetMinor"_s, 1.5) << u"budgetMinor"_s;
        QTest::newRow("platform") << with(u"platforms"_s, QJsonArray{u"myspace"_s})
                                  << u"platforms[0]"_s;
        QTest::newRow("visibility") << with(u"visibility"_s, u"secret"_s) << u"visibility"_s;
        QTest::newRow("date") << with(u"startDate"_s, u"2027-02-30"_s) << u"startDate"_s;
        QTest::newRow("deadline without zone") << with(u"applicationDeadline"_s,
                u"2027-01-01T10:00:00"_s) << u"applicationDeadline"_s;
        QTest::newRow("country") << with(
                u"targeting"_s, QJsonObject{{u"countries"_s, QJsonArray{u"de"_s}}})
                                 << u"targeting.countries[0]"_s;
        QTest::newRow("engagement")
                << with(u"targeting"_s, QJsonObject{{u"minEngagementRate"_s, 3}})
                << u"targeting.minEngagementRate"_s;
    }
    void campaignValidation()
    {
        QFETCH(QJsonObject, patch);
        QFETCH(QString, field);
        const auto input = collab::validateCampaign(patch);
        if (field.isEmpty()) {
            QVERIFY(input);
            QCOMPARE(input->visibility, CampaignVisibility::Private);
            QCOMPARE(input->budget.minorUnits, 100000);
            return;
        }
        QVERIFY(!input);
        QCOMPARE(input.error().code, ErrorCode::ValidationFailed);
        QVERIFY2(fields(input.error()).contains(field),
                qPrintable(fields(input.error()).join(u", "_s)));
    }

    void offerValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject body = validOffer();
            body.insert(key, value);
            return body;
        };
        const auto line = [](const QString &key, const QJsonValue &value) {
            QJsonObject body = validOffer();
            QJsonObject item = body.value(u"deliverables"_s).toArray().at(0).toObject();
            item.insert(key, value);
            body.insert(u"deliverables"_s, QJsonArray{item});
            return body;
        };
        QTest::newRow("valid") << validOffer() << QString();
        QTest::newRow("no lines") << with(u"deliverables"_s, QJsonArray{}) << u"deliverables"_s;
        QTest::newRow("type") << line(u"type"_s, u"tweet"_s) << u"deliverables[0].type"_s;
        QTest::newRow("platform") << line(u"platform"_s, u"orkut"_s)
                                  << u"deliverables[0].platform"_s;
        QTest::newRow("quantity") << line(u"quantity"_s, 0) << u"deliverables[0].quantity"_s;
        QTest::newRow("due date") << line(u"dueDate"_s, QJsonValue())
                                  << u"deliverables[0].dueDate"_s;
        QTest::newRow("twenty pieces") << line(u"quantity"_s, 20) << QString();
        QTest::newRow("fee") << with(u"feeMinor"_s, QJsonValue()) << u"feeMinor"_s;
        QTest::newRow("currency") << with(u"currency"_s, u"eur"_s) << u"currency"_s;
        QTest::newRow("revisions") << with(u"maxRevisions"_s, 11) << u"maxRevisions"_s;
    }
    void offerValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto offer = collab::validateOffer(body, u"offer."_s);
        if (field.isEmpty()) {
            QVERIFY(offer);
            QCOMPARE(offer->maxRevisions, 2);
            QCOMPARE(offer->deliverablesJson().size(), 1);
            return;
        }
        QVERIFY(!offer);
        QVERIFY2(fields(offer.error()).contains(u"offer."_s + field),
                qPrintable(fields(offer.error()).join(u", "_s)));
    }

    void invitationJsonAndAnswer()
    {
        InvitationInput input;
        input.influencerId = u"6f1c2d3e-0000-4000-8000-000000000001"_s;
        input.offer = *collab::validateOffer(validOffer());
        input.message = u"  We love your reels!  "_s;
        const QJsonObject json = invitationJson(input);
        QCOMPARE(json.value(u"influencerId"_s).toString(), input.influencerId);
        QCOMPARE(json.value(u"message"_s).toString(), u"We love your reels!"_s);
        // The server reads the offer with the same rules, under the "offer." prefix.
        const auto offer = collab::validateOffer(json.value(u"offer"_s).toObject(), u"offer."_s);
        QVERIFY(offer);
        QCOMPARE(offer->fee.minorUnits, 50000);
        QCOMPARE(offer->fee.currency, u"EUR"_s);
        QCOMPARE(offer->deliverables.value(0).quantity, 2);
        QCOMPARE(offer->deliverables.value(0).type, DeliverableType::Reel);
        QCOMPARE(offer->deliverables.value(0).dueDate, QDate(2027, 3, 1));
        // No message: the field is left out (the server treats absent as none).
        input.message = u"   "_s;
        QVERIFY(!invitationJson(input).contains(u"message"_s));

        // The 201 answer (DealDetail) of an invitation.
        QJsonObject latest = validOffer();
        latest.insert(u"id"_s, u"offer-1"_s);
        latest.insert(u"sequence"_s, 1);
        latest.insert(u"madeBy"_s, u"brand"_s);
        latest.insert(u"status"_s, u"open"_s);
        const QJsonObject answer{{u"id"_s, u"deal-1"_s}, {u"state"_s, u"invited"_s},
                {u"origin"_s, u"invitation"_s}, {u"campaignId"_s, u"campaign-1"_s},
                {u"influencerId"_s, input.influencerId}, {u"latestOffer"_s, latest},
                {u"offers"_s, QJsonArray{latest}}};
        const auto deal = Deal::fromJson(answer);
        QVERIFY(deal);
        QCOMPARE(deal->state, DealState::Invited);
        QCOMPARE(deal->origin, u"invitation"_s);
        QVERIFY(deal->latestOffer);
        QCOMPARE(deal->latestOffer->madeBy, DealSide::Brand);
        QCOMPARE(deal->latestOffer->terms.fee.minorUnits, 50000);
        QCOMPARE(deal->offers.size(), 1);
        // An answer without a known state is not a deal.
        QVERIFY(!Deal::fromJson(QJsonObject{{u"id"_s, u"deal-1"_s}, {u"state"_s, u"sent"_s}}));
    }

    void draftsReviewsAndMessages()
    {
        QVERIFY(!collab::validateDraft({}));
        QVERIFY(collab::validateDraft({{u"caption"_s, u"Hi"_s}}));
        QVERIFY(!collab::validateDraft(
                {{u"mediaUrls"_s, QJsonArray{u"http://insecure.example.com/a.jpg"_s}}}));
        QVERIFY(collab::validateDraft(
                {{u"mediaUrls"_s, QJsonArray{u"https://cdn.example.com/a.jpg"_s}}}));
        QVERIFY(collab::validateReview({{u"decision"_s, u"approved"_s}}));
        QVERIFY(!collab::validateReview({{u"decision"_s, u"changes_requested"_s}}));
        QVERIFY(!collab::validateReview({{u"decision"_s, u"approved_with_changes"_s}}));
        QVERIFY(collab::validateReview(
                {{u"decision"_s, u"changes_requested"_s}, {u"feedback"_s, u"Brighter"_s}}));
        QVERIFY(!collab::validateLiveUrl({{u"url"_s, u"ftp://x.example.com"_s}}));
        QCOMPARE(*collab::validateLiveUrl({{u"url"_s, u" https://x.example.com/p/1 "_s}}),
                u"https://x.example.com/p/1"_s);
        QVERIFY(!collab::validateMessage({{u"body"_s, u"   "_s}}));
        QVERIFY(!collab::validateMessage({{u"body"_s, QString(5001, u'x')}}));
        QVERIFY(!isNegotiating(DealState::Accepted));
        QVERIFY(isNegotiating(DealState::Applied));
    }

    void notificationsAreRead()
    {
        const QJsonObject deal{{u"id"_s, u"5b0c1f7e-0000-4000-8000-000000000001"_s},
                {u"kind"_s, u"offer.made"_s}, {u"objectType"_s, u"deal"_s},
                {u"objectId"_s, u"d1"_s},
                {u"data"_s,
                        QJsonObject{{u"by"_s, u"creator"_s}, {u"feeMinor"_s, 60000},
                                {u"dealId"_s, u"d1"_s}, {u"campaignId"_s, u"c1"_s},
                                {u"campaignName"_s, u"Summit boots"_s}}},
                {u"read"_s, false}, {u"readAt"_s, QJsonValue()},
                {u"createdAt"_s, u"2026-11-24T10:15:00.250Z"_s}};
        const auto n = Notification::fromJson(deal);
        QVERIFY2(n, qPrintable(n ? QString() : n.error().detail));
        QCOMPARE(n->kind, u"offer.made"_s);
        QCOMPARE(n->objectType, Notification::ObjectType::Deal);
        QCOMPARE(n->dealId, u"d1"_s);
        QCOMPARE(n->campaignId, u"c1"_s);
        QCOMPARE(n->campaignName, u"Summit boots"_s);
        QCOMPARE(n->data.value(u"feeMinor"_s).toInt(), 60000);
        QVERIFY(!n->read);
        QVERIFY(!n->readAt.isValid());
        QCOMPARE(n->createdAt, QDateTime(QDate(2026, 11, 24), QTime(10, 15, 0, 250), Qt::UTC));

        // The server names the campaign and the other party beside the data (looked up when
        // read); those win over what the event's data recorded.
        QVERIFY(!n->counterpartySide);
        QVERIFY(n->counterpartyName.isEmpty());
        QJsonObject named = deal;
        named.insert(u"campaignName"_s, u"Summit boots (renamed)"_s);
        named.insert(u"campaignId"_s, u"c1"_s);
        named.insert(u"dealId"_s, u"d1"_s);
        named.insert(u"counterparty"_s,
                QJsonObject{{u"side"_s, u"creator"_s}, {u"name"_s, u"Lena Travels"_s}});
        const auto withParty = Notification::fromJson(named);
        QVERIFY(withParty);
        QCOMPARE(withParty->campaignName, u"Summit boots (renamed)"_s);
        QCOMPARE(withParty->counterpartySide, std::optional(DealSide::Creator));
        QCOMPARE(withParty->counterpartyName, u"Lena Travels"_s);

        // A deliverable's notification leads to its deal; a read one has its time.
        QJsonObject deliverable = deal;
        deliverable.insert(u"objectType"_s, u"deliverable"_s);
        deliverable.insert(u"objectId"_s, u"v1"_s);
        deliverable.insert(u"read"_s, true);
        deliverable.insert(u"readAt"_s, u"2026-11-24T11:00:00.000Z"_s);
        const auto item = Notification::fromJson(deliverable);
        QVERIFY(item);
        QCOMPARE(item->objectType, Notification::ObjectType::Deliverable);
        QCOMPARE(item->objectId, u"v1"_s);
        QCOMPARE(item->dealId, u"d1"_s);
        QVERIFY(item->read && item->readAt.isValid());
        // A deal's notification without data.dealId still leads to the deal (its object).
        QJsonObject bare = deal;
        bare.insert(u"data"_s, QJsonObject());
        QCOMPARE(Notification::fromJson(bare)->dealId, u"d1"_s);
        // A campaign's has no deal.
        QJsonObject campaign = bare;
        campaign.insert(u"objectType"_s, u"campaign"_s);
        campaign.insert(u"objectId"_s, u"c9"_s);
        const auto aboutCampaign = Notification::fromJson(campaign);
        QVERIFY(aboutCampaign);
        QCOMPARE(aboutCampaign->campaignId, u"c9"_s);
        QVERIFY(aboutCampaign->dealId.isEmpty());

        // What cannot be shown or followed is refused.
        const auto broken = [&](const QString &field, const QJsonValue &value) {
            QJsonObject json = deal;
            if (value.isUndefined()) {
                json.remove(field);
            } else {
                json.insert(field, value);
            }
            const auto parsed = Notification::fromJson(json);
            return !parsed && parsed.error().code == ErrorCode::InvalidResponse;
        };
        QVERIFY(broken(u"id"_s, QJsonValue::Undefined));
        QVERIFY(broken(u"kind"_s, u""_s));
        QVERIFY(broken(u"objectType"_s, u"brand"_s));
        QVERIFY(broken(u"objectId"_s, QJsonValue::Undefined));
        QVERIFY(broken(u"createdAt"_s, u"yesterday"_s));
        QJsonObject orphan = deliverable;
        orphan.insert(u"data"_s, QJsonObject());
        QVERIFY(!Notification::fromJson(orphan));
    }

    void unreadCountIsACount()
    {
        QCOMPARE(*unreadCountFromJson({{u"count"_s, 0}}), 0);
        QCOMPARE(*unreadCountFromJson({{u"count"_s, 123}}), 123);
        QVERIFY(!unreadCountFromJson({}));
        QVERIFY(!unreadCountFromJson({{u"count"_s, -1}}));
        QVERIFY(!unreadCountFromJson({{u"count"_s, 1.5}}));
        QVERIFY(!unreadCountFromJson({{u"count"_s, u"3"_s}}));
        QVERIFY(!unreadCountFromJson({{u"count"_s, 1e12}}));
    }

    void dealsQueryRoundTrips()
    {
        DealQuery query;
        QCOMPARE(dealsQuery(query).toString(), u"limit=100"_s);
        query.campaignId = u"c1"_s;
        query.states = {DealState::Invited, DealState::InProgress};
        query.overdueOnly = true;
        query.creator = u"  Anna & Bo+b 50% =x#  "_s;
        query.limit = 25;
        query.cursor = u"abc"_s;
        // What the server reads back from the URL the client sends.
        QUrl url(u"http://localhost/api/v1/deals"_s);
        url.setQuery(dealsQuery(query));
        const QUrlQuery read(QUrl(url.toString(QUrl::FullyEncoded)));
        QCOMPARE(read.queryItemValue(u"campaign"_s), u"c1"_s);
        QCOMPARE(read.queryItemValue(u"state"_s), u"invited,in_progress"_s);
        QCOMPARE(read.queryItemValue(u"overdue"_s), u"true"_s);
        QCOMPARE(read.queryItemValue(u"creator"_s, QUrl::FullyDecoded), u"Anna & Bo+b 50% =x#"_s);
        QCOMPARE(read.queryItemValue(u"limit"_s), u"25"_s);
        QCOMPARE(read.queryItemValue(u"cursor"_s), u"abc"_s);
        query.creator = u"   "_s;
        QVERIFY(!dealsQuery(query).hasQueryItem(u"creator"_s));
    }

    void toDosAreRead()
    {
        const auto json = [](const char *text) {
            return QJsonDocument::fromJson(text).object();
        };
        const auto toDos = ToDos::fromJson(json(R"({"groups": [
            {"kind": "offer_waiting", "total": 3, "items": [{"dealId": "d1",
              "campaignName": "Walks", "creatorName": "Ada", "brandName": "Moss",
              "dueDate": "2026-12-24", "feeMinor": 50000, "currency": "EUR"}]},
            {"kind": "a_kind_from_a_newer_server", "total": 1, "items": []},
            {"kind": "overdue", "total": 1, "items": [{"dealId": "d2", "campaignName": "Walks",
              "creatorName": "Ada", "dueDate": "2026-12-01", "deliverableId": "x",
              "type": "reel", "platform": "instagram", "status": "pending"}]}]})"));
        QVERIFY2(toDos, qPrintable(toDos ? QString() : toDos.error().detail));
        QCOMPARE(toDos->groups.size(), 2);
        const ToDoGroup &offers = toDos->groups.at(0);
        QCOMPARE(offers.kind, ToDoGroup::Kind::OfferWaiting);
        QCOMPARE(offers.total, 3);
        QCOMPARE(offers.items.size(), 1);
        QCOMPARE(offers.items.first().fee, (Money{50000, u"EUR"_s}));
        QCOMPARE(offers.items.first().due, QDate(2026, 12, 24));
        const ToDoItem &late = toDos->groups.at(1).items.first();
        QVERIFY(!late.fee);
        QCOMPARE(late.type, u"reel"_s);
        QCOMPARE(late.deliverableId, u"x"_s);
        // Broken answers are refused, not half read.
        QVERIFY(!ToDos::fromJson(json(R"({"items": []})")));
        QVERIFY(!ToDos::fromJson(json(R"({"groups": [{"kind": "overdue", "items": []}]})")));
        QVERIFY(!ToDos::fromJson(json(
                R"({"groups": [{"kind": "overdue", "total": 0, "items": [{"dealId": "d"}]}]})")));
        QVERIFY(!ToDos::fromJson(
                json(R"({"groups": [{"kind": "overdue", "total": 1, "items": [{}]}]})")));
    }
};

QTEST_GUILESS_MAIN(TestCollab)
#include "tst_collab.moc"
