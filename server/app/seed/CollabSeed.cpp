// SPDX-License-Identifier: Apache-2.0
#include "CollabSeed.h"

#include "core/db/Connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <array>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

const db::SqlStatement kBrands(u"SELECT user_id FROM brand_details ORDER BY user_id LIMIT 5"_s);
const db::SqlStatement kCreators(
        u"SELECT user_id FROM influencer_details ORDER BY user_id LIMIT 20"_s);
const db::SqlStatement kInsertCampaigns(
        u"INSERT INTO campaigns (id, brand_id, created_by, name, brief, objective, platforms, "
        "deliverable_types, target_niches, budget_minor, currency, starts_on, ends_on, "
        "application_deadline, visibility, usage_rights, status, launched_at, created_at) "
        "SELECT r.id, r.brand_id, r.brand_id, r.name, r.brief, r.objective, r.platforms, "
        "r.deliverable_types, r.target_niches, r.budget_minor, r.currency, r.starts_on, "
        "r.ends_on, r.application_deadline, r.visibility, r.usage_rights, r.status, "
        "r.launched_at, r.created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, brand_id uuid, name text, "
        "brief text, objective text, platforms text[], deliverable_types text[], "
        "target_niches text[], budget_minor bigint, currency text, starts_on date, ends_on date, "
        "application_deadline timestamptz, visibility text, usage_rights text, status text, "
        "launched_at timestamptz, created_at timestamptz)"_s);
// Deals start in their first negotiating state; accepted ones are moved on once their offers
// exist (their accepted offer is a foreign key).
const db::SqlStatement kInsertDeals(
        u"INSERT INTO deals (id, campaign_id, brand_id, influencer_id, origin, state, created_by, "
        "created_at) SELECT r.id, r.campaign_id, r.brand_id, r.influencer_id, 'invitation', "
        "r.state, r.brand_id, r.created_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, campaign_id uuid, "
        "brand_id uuid, influencer_id uuid, state text, created_at timestamptz)"_s);
const db::SqlStatement kInsertOffers(
        u"INSERT INTO offers (id, deal_id, sequence, made_by, author_id, deliverables, fee_minor, "
        "currency, usage_rights, max_revisions, status, responded_at, created_at, payment_terms) "
        "SELECT r.id, r.deal_id, r.sequence, r.made_by, r.author_id, r.deliverables, "
        "r.fee_minor, r.currency, r.usage_rights, 2, r.status, r.responded_at, r.created_at, "
        "CAST(:terms AS jsonb) "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, deal_id uuid, "
        "sequence integer, made_by text, author_id uuid, deliverables jsonb, fee_minor bigint, "
        "currency text, usage_rights text, status text, responded_at timestamptz, "
        "created_at timestamptz)"_s);
const db::SqlStatement kAcceptDeals(
        u"UPDATE deals d SET state = r.state, terms = r.terms, accepted_offer_id = r.offer_id, "
        "brand_accepted_at = r.brand_accepted_at, brand_accepted_by = d.brand_id, "
        "creator_accepted_at = r.creator_accepted_at, started_at = r.started_at, "
        "completed_at = r.completed_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, state text, terms jsonb, "
        "offer_id uuid, brand_accepted_at timestamptz, creator_accepted_at timestamptz, "
        "started_at timestamptz, completed_at timestamptz) WHERE d.id = r.id"_s);
// The demo's payment terms: 30 % on acceptance, 70 % when the posts are live, 7 days net.
const QString kDemoPaymentTerms = u"{\"schedule\":[{\"on\":\"acceptance\",\"percent\":30},"
                                  "{\"on\":\"live\",\"percent\":70}],\"netDays\":7}"_s;
// Deliverables were inserted in their final states (no trigger saw them move): the payment
// conditions they reached are met now, then dated as the deals' histories say.
const db::SqlStatement kMeetConditions(
        u"SELECT count(*) FROM (SELECT meet_reached_conditions(d.id) FROM deals d "
        "WHERE d.state IN ('accepted', 'in_progress', 'completed')) x"_s);
const db::SqlStatement kDatePayouts(
        u"UPDATE payouts p SET condition_met_at = m.met, "
        "due_on = (m.met AT TIME ZONE 'UTC')::date + (m.terms -> 'paymentTerms' ->> "
        "'netDays')::int "
        "FROM (SELECT x.id, d.terms, CASE WHEN x.condition = 'acceptance' THEN d.brand_accepted_at "
        "      ELSE coalesce(d.completed_at, d.started_at) END AS met "
        "      FROM payouts x JOIN deals d ON d.id = x.deal_id) m WHERE m.id = p.id"_s);
// Every other demo creator has set up payouts; the first installments of completed deals were
// paid by bank transfer two days after they fell due.
const db::SqlStatement kPayoutAccounts(
        u"INSERT INTO payout_accounts (influencer_id, account_id, payouts_enabled, tax_form, "
        "tax_form_received_on) SELECT x.id, 'acct_demo' || substr(md5(x.id::text), 1, 12), true, "
        "'W-8BEN', (now() AT TIME ZONE 'UTC')::date - 30 FROM (SELECT DISTINCT d.influencer_id AS "
        "id, "
        "dense_rank() OVER (ORDER BY d.influencer_id) AS n FROM deals d) x WHERE x.n % 2 = 1 "
        "ON CONFLICT DO NOTHING"_s);
const db::SqlStatement kPaidDemoPayouts(
        u"WITH paid AS (UPDATE payouts p SET state = 'paid', method = 'offline', "
        "reference = 'Demo bank transfer ' || p.installment, approved_at = p.due_on + time "
        "'09:00', "
        "approved_by = p.brand_id, paid_at = p.due_on + 2 + time '10:00' "
        "FROM deals d WHERE d.id = p.deal_id AND d.state = 'completed' "
        "AND p.condition = 'acceptance' AND p.state = 'scheduled' RETURNING p.*) "
        "SELECT count(ledger_transfer(deal_account('creator_payable', paid.deal_id), "
        "deal_account('paid_out', paid.deal_id), paid.amount_minor, 'payout_paid', "
        "paid.campaign_id, paid.deal_id, paid.id, NULL)) FROM paid"_s);
const db::SqlStatement kInsertDeliverables(
        u"INSERT INTO deliverables (id, deal_id, position, type, platform, due_on, status, "
        "max_revisions, approved_at, live_url, live_at) "
        "SELECT r.id, r.deal_id, r.position, r.type, r.platform, r.due_on, r.status, 2, "
        "r.approved_at, r.live_url, r.live_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, deal_id uuid, "
        "position integer, type text, platform text, due_on date, status text, "
        "approved_at timestamptz, live_url text, live_at timestamptz)"_s);
const db::SqlStatement kInsertVersions(
        u"INSERT INTO deliverable_versions (deliverable_id, version, caption, media_urls, "
        "submitted_by, submitted_at, decision, reviewed_by, reviewed_at) "
        "SELECT r.deliverable_id, 1, r.caption, r.media_urls, r.submitted_by, r.submitted_at, "
        "r.decision, r.reviewed_by, r.reviewed_at "
        "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(deliverable_id uuid, caption text, "
        "media_urls text[], submitted_by uuid, submitted_at timestamptz, decision text, "
        "reviewed_by uuid, reviewed_at timestamptz)"_s);
const db::SqlStatement kInsertEvents(
        u"INSERT INTO deal_events (deal_id, actor_id, kind, data, created_at) "
        "SELECT r.deal_id, r.actor_id, r.kind, r.data, r.created_at "
        "FROM ROWS FROM (jsonb_to_recordset(CAST(:rows AS jsonb)) AS (deal_id uuid, "
        "actor_id uuid, kind text, data jsonb, created_at timestamptz)) WITH ORDINALITY "
        "AS r(deal_id, actor_id, kind, data, created_at, n) ORDER BY r.n"_s);
const db::SqlStatement kInsertMessages(
        u"INSERT INTO deal_messages (id, deal_id, author_id, body, created_at) "
        "SELECT r.id, r.deal_id, r.author_id, r.body, r.created_at "
        "FROM ROWS FROM (jsonb_to_recordset(CAST(:rows AS jsonb)) AS (id uuid, deal_id uuid, "
        "author_id uuid, body text, created_at timestamptz)) WITH ORDINALITY "
        "AS r(id, deal_id, author_id, body, created_at, n) ORDER BY r.n"_s);
const db::SqlStatement kInsertNotifications(
        u"INSERT INTO notifications (id, user_id, kind, object_type, object_id, data, created_at) "
        "SELECT r.id, r.user_id, r.kind, 'deal', r.deal_id, r.data, r.created_at "
        "FROM ROWS FROM (jsonb_to_recordset(CAST(:rows AS jsonb)) AS (id uuid, user_id uuid, "
        "kind text, deal_id uuid, data jsonb, created_at timestamptz)) WITH ORDINALITY "
        "AS r(id, user_id, kind, deal_id, data, created_at, n) ORDER BY r.n"_s);

/// How far a demo deal has come.
enum class Stage { Invited, Negotiating, InProgress, Completed };

const QStringList kCampaignNames{u"Spring collection launch"_s, u"Summit boots"_s,
        u"Back to school"_s, u"Holiday gift guide"_s, u"New app release"_s};

/// The rows of the demo, built in memory and written table by table.
class Builder
{
public:
    Builder(quint64 seed, QDateTime anchor)
        : m_namespace(QUuid::createUuidV5(QUuid(), u"influence-demo-%1"_s.arg(seed)))
        , m_anchor(std::move(anchor))
    { }

    QJsonArray campaigns;
    QJsonArray deals;
    QJsonArray offers;
    QJsonArray accepted;
    QJsonArray deliverables;
    QJsonArray versions;
    QJsonArray events;
    QJsonArray messages;
    QJsonArray notifications;

    QString id(const QString &name) const
    {
        return QUuid::createUuidV5(m_namespace, name).toString(QUuid::WithoutBraces);
    }
    /// A time `hours` after the anchor's campaign start (two weeks before the anchor).
    QString at(int hours) const
    {
        return m_anchor.addDays(-14).addSecs(qint64(hours) * 3600).toString(Qt::ISODate);
    }
    QString day(int days) const { return m_anchor.date().addDays(days).toString(Qt::ISODate); }

    void campaign(int b, const QString &brand, const QString &status)
    {
        const bool active = status == u"active"_s;
        campaigns.append(QJsonObject{{u"id"_s, id(u"campaign-%1-%2"_s.arg(b).arg(status))},
                {u"brand_id"_s, brand},
                {u"name"_s,
                        QString(kCampaignNames.at(b % kCampaignNames.size())
                                + (active ? QString() : u" (next season)"_s))},
                {u"brief"_s,
                        u"Show the product in your everyday life; natural light, no competitor "
                        "brands in frame, link in bio for a week."_s},
                {u"objective"_s, active ? u"awareness"_s : u"conversions"_s},
                {u"platforms"_s, QJsonArray{u"instagram"_s, u"tiktok"_s}},
                {u"deliverable_types"_s, QJsonArray{u"reel"_s, u"story"_s}},
                {u"target_niches"_s, QJsonArray()}, {u"budget_minor"_s, 1'500'000 + b * 250'000},
                {u"currency"_s, u"EUR"_s}, {u"starts_on"_s, day(-14)}, {u"ends_on"_s, day(45)},
                {u"application_deadline"_s, active ? QJsonValue(at(24 * 40)) : QJsonValue()},
                {u"visibility"_s, active ? u"public"_s : u"private"_s},
                {u"usage_rights"_s, u"Organic use on the brand's channels for 12 months."_s},
                {u"status"_s, status},
                {u"launched_at"_s, active ? QJsonValue(at(0)) : QJsonValue()},
                {u"created_at"_s, at(-48)}});
    }

    void deal(int b, const QString &brand, const QString &creator, Stage stage)
    {
        const QString key = u"deal-%1-%2"_s.arg(b).arg(static_cast<int>(stage));
        const QString dealId = id(key);
        const QString campaignId = id(u"campaign-%1-active"_s.arg(b));
        const qint64 fee = 40'000 + 15'000 * static_cast<int>(stage) + 5'000 * b;
        const QJsonArray lines{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                                       {u"quantity"_s, 1}, {u"dueDate"_s, day(-2)}},
                QJsonObject{{u"type"_s, u"story"_s}, {u"platform"_s, u"instagram"_s},
                        {u"quantity"_s, 1}, {u"dueDate"_s, day(10)}}};
        deals.append(QJsonObject{{u"id"_s, dealId}, {u"campaign_id"_s, campaignId},
                {u"brand_id"_s, brand}, {u"influencer_id"_s, creator},
                {u"state"_s, stage == Stage::Invited ? u"invited"_s : u"negotiating"_s},
                {u"created_at"_s, at(2)}});
        const QString first = id(key + u"-offer-1"_s);
        offer(first, dealId, 1, u"brand"_s, brand, lines, fee,
                stage == Stage::Invited ? u"open"_s : u"countered"_s, 2);
        event(dealId, brand, u"deal.invited"_s, 2);
        if (stage == Stage::Invited) {
            notify(key + u"-n1"_s, creator, u"deal.invited"_s, dealId, 2);
            return;
        }
        const QString second = id(key + u"-offer-2"_s);
        offer(second, dealId, 2, u"creator"_s, creator, lines, fee + 10'000,
                stage == Stage::Negotiating ? u"open"_s : u"accepted"_s, 20);
        event(dealId, creator, u"offer.made"_s, 20);
        message(key + u"-m1"_s, dealId, creator,
                u"Thanks for the invitation! Two pieces take me two shoots, so I countered."_s, 20);
        if (stage == Stage::Negotiating) {
            notify(key + u"-n2"_s, brand, u"offer.made"_s, dealId, 20);
            return;
        }
        accept(key, dealId, second, lines, fee + 10'000, stage);
        work(key, dealId, brand, creator, stage);
    }

private:
    void offer(const QString &offerId, const QString &dealId, int sequence, const QString &side,
            const QString &author, const QJsonArray &lines, qint64 fee, const QString &status,
            int hour)
    {
        offers.append(QJsonObject{{u"id"_s, offerId}, {u"deal_id"_s, dealId},
                {u"sequence"_s, sequence}, {u"made_by"_s, side}, {u"author_id"_s, author},
                {u"deliverables"_s, lines}, {u"fee_minor"_s, fee}, {u"currency"_s, u"EUR"_s},
                {u"usage_rights"_s, u"Organic use on the brand's channels for 12 months."_s},
                {u"status"_s, status},
                {u"responded_at"_s, status == u"open"_s ? QJsonValue() : QJsonValue(at(hour + 18))},
                {u"created_at"_s, at(hour)}});
    }

    void accept(const QString &key, const QString &dealId, const QString &offerId,
            const QJsonArray &lines, qint64 fee, Stage stage)
    {
        const bool done = stage == Stage::Completed;
        accepted.append(QJsonObject{{u"id"_s, dealId},
                {u"state"_s, done ? u"completed"_s : u"in_progress"_s},
                {u"terms"_s,
                        QJsonObject{{u"offerId"_s, offerId}, {u"sequence"_s, 2},
                                {u"madeBy"_s, u"creator"_s}, {u"deliverables"_s, lines},
                                {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
                                {u"maxRevisions"_s, 2}, {u"agreedAt"_s, at(38)},
                                {u"paymentTerms"_s,
                                        QJsonDocument::fromJson(kDemoPaymentTerms.toUtf8())
                                                .object()}}},
                {u"offer_id"_s, offerId}, {u"brand_accepted_at"_s, at(38)},
                {u"creator_accepted_at"_s, at(20)}, {u"started_at"_s, at(60)},
                {u"completed_at"_s, done ? QJsonValue(at(200)) : QJsonValue()}});
        for (int position = 1; position <= 2; ++position) {
            const QJsonObject line = lines.at(position - 1).toObject();
            const bool live = done;
            const QString status =
                    done ? u"live"_s : (position == 1 ? u"in_review"_s : u"pending"_s);
            deliverables.append(QJsonObject{
                    {u"id"_s, id(u"%1-deliverable-%2"_s.arg(key).arg(position))},
                    {u"deal_id"_s, dealId}, {u"position"_s, position},
                    {u"type"_s, line.value(u"type"_s)}, {u"platform"_s, line.value(u"platform"_s)},
                    {u"due_on"_s, line.value(u"dueDate"_s)}, {u"status"_s, status},
                    {u"approved_at"_s, live ? QJsonValue(at(150)) : QJsonValue()},
                    {u"live_url"_s,
                            live ? QJsonValue(
                                    u"https://www.instagram.com/p/demo%1/"_s.arg(id(key).left(8)))
                                 : QJsonValue()},
                    {u"live_at"_s, live ? QJsonValue(at(190 + position)) : QJsonValue()}});
        }
    }

    void work(const QString &key, const QString &dealId, const QString &brand,
            const QString &creator, Stage stage)
    {
        const bool done = stage == Stage::Completed;
        event(dealId, brand, u"offer.accepted"_s, 38);
        event(dealId, creator, u"deal.started"_s, 60);
        for (int position = 1; position <= (done ? 2 : 1); ++position) {
            const QString deliverable = id(u"%1-deliverable-%2"_s.arg(key).arg(position));
            versions.append(QJsonObject{{u"deliverable_id"_s, deliverable},
                    {u"caption"_s, u"Morning routine with the new collection #ad"_s},
                    {u"media_urls"_s,
                            QJsonArray{u"https://cdn.example.com/demo/%1.mp4"_s.arg(position)}},
                    {u"submitted_by"_s, creator}, {u"submitted_at"_s, at(100 + position)},
                    {u"decision"_s, done ? QJsonValue(u"approved"_s) : QJsonValue()},
                    {u"reviewed_by"_s, done ? QJsonValue(brand) : QJsonValue()},
                    {u"reviewed_at"_s, done ? QJsonValue(at(150)) : QJsonValue()}});
            event(dealId, creator, u"deliverable.submitted"_s, 100 + position);
        }
        if (!done) {
            notify(key + u"-n3"_s, brand, u"deliverable.submitted"_s, dealId, 101);
            return;
        }
        for (int position = 1; position <= 2; ++position) {
            event(dealId, brand, u"deliverable.reviewed"_s, 150);
        }
        for (int position = 1; position <= 2; ++position) {
            event(dealId, creator, u"deliverable.live"_s, 190 + position);
        }
        event(dealId, creator, u"deal.completed"_s, 200);
        message(key + u"-m2"_s, dealId, brand, u"Both posts are great, thank you!"_s, 201);
    }

    void event(const QString &dealId, const QString &actor, const QString &kind, int hour)
    {
        events.append(QJsonObject{{u"deal_id"_s, dealId}, {u"actor_id"_s, actor}, {u"kind"_s, kind},
                {u"data"_s, QJsonObject{{u"demo"_s, true}}}, {u"created_at"_s, at(hour)}});
    }

    void message(const QString &key, const QString &dealId, const QString &author,
            const QString &body, int hour)
    {
        messages.append(QJsonObject{{u"id"_s, id(key)}, {u"deal_id"_s, dealId},
                {u"author_id"_s, author}, {u"body"_s, body}, {u"created_at"_s, at(hour)}});
    }

    void notify(const QString &key, const QString &user, const QString &kind, const QString &dealId,
            int hour)
    {
        notifications.append(QJsonObject{{u"id"_s, id(key)}, {u"user_id"_s, user},
                {u"kind"_s, kind}, {u"deal_id"_s, dealId},
                {u"data"_s, QJsonObject{{u"dealId"_s, dealId}}}, {u"created_at"_s, at(hour)}});
    }

    QUuid m_namespace;
    QDateTime m_anchor;
};

Result<QStringList> ids(db::Connection &c, const db::SqlStatement &statement)
{
    auto rows = c.run(statement);
    if (!rows) {
        return rows.error();
    }
    QStringList result;
    while ((*rows)->next()) {
        result << (*rows)->value(0).toString();
    }
    return result;
}

Result<void> write(db::Connection &c, const db::SqlStatement &statement, const QJsonArray &rows)
{
    if (rows.isEmpty()) {
        return {};
    }
    const QString json = QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
    auto done = &statement == &kInsertOffers
            ? c.run(statement, {{u":rows"_s, json}, {u":terms"_s, kDemoPaymentTerms}})
            : c.run(statement, {{u":rows"_s, json}});
    if (!done) {
        return done.error();
    }
    (*done)->finish();
    return {};
}

} // namespace

Result<CollabSeedReport> seedCollaboration(db::Connection &c, quint64 seed, const QDateTime &anchor)
{
    const auto brands = ids(c, kBrands);
    const auto creators = ids(c, kCreators);
    if (!brands || !creators) {
        return brands ? creators.error() : brands.error();
    }
    Builder build(seed, anchor);
    CollabSeedReport report;
    for (int b = 0; b < brands->size(); ++b) {
        build.campaign(b, brands->at(b), u"active"_s);
        build.campaign(b, brands->at(b), u"draft"_s);
        report.campaigns += 2;
        for (const Stage stage :
                {Stage::Invited, Stage::Negotiating, Stage::InProgress, Stage::Completed}) {
            const qsizetype creator = b * 4 + static_cast<int>(stage);
            if (creator < creators->size()) {
                build.deal(b, brands->at(b), creators->at(creator), stage);
                ++report.deals;
            }
        }
    }
    const std::array<std::pair<const db::SqlStatement *, const QJsonArray *>, 9> order{{
            {&kInsertCampaigns, &build.campaigns},
            {&kInsertDeals, &build.deals},
            {&kInsertOffers, &build.offers},
            {&kAcceptDeals, &build.accepted},
            {&kInsertDeliverables, &build.deliverables},
            {&kInsertVersions, &build.versions},
            {&kInsertEvents, &build.events},
            {&kInsertMessages, &build.messages},
            {&kInsertNotifications, &build.notifications},
    }};
    for (const auto &[statement, rows] : order) {
        if (auto ok = write(c, *statement, *rows); !ok) {
            return ok.error();
        }
    }
    for (const auto *statement :
            {&kMeetConditions, &kDatePayouts, &kPayoutAccounts, &kPaidDemoPayouts}) {
        auto done = c.run(*statement, {});
        if (!done) {
            return done.error();
        }
        (*done)->finish();
    }
    return report;
}

} // namespace influence::server::seed
