// SPDX-License-Identifier: Apache-2.0
#include "EmvTables.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using influence::common::EmvTableInput;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::analytics {

namespace {

const SqlStatement kList(
        u"SELECT jsonb_build_object('items', coalesce(jsonb_agg(api_emv_table_json(t) "
        "ORDER BY t.brand_id IS NOT NULL, t.currency, t.brand_id), '[]'))::text "
        "FROM emv_tables t WHERE t.brand_id IS NULL "
        "OR CAST(:admin AS boolean) OR acts_for_brand(:user, t.brand_id)"_s);
// The caller's own brand first, then those they are staff of.
const SqlStatement kBrand(u"SELECT b.user_id FROM brand_details b "
                          "WHERE acts_for_brand(:user, b.user_id) "
                          "AND (CAST(:brand AS uuid) IS NULL OR b.user_id = CAST(:brand AS uuid)) "
                          "ORDER BY b.user_id = :user DESC, b.user_id LIMIT 1"_s);
const SqlStatement kUpsertTable(
        u"INSERT INTO emv_tables AS t (brand_id, currency, name, updated_by) "
        "VALUES (:brand, :currency, :name, :user) "
        "ON CONFLICT (brand_id, currency) WHERE brand_id IS NOT NULL DO UPDATE "
        "SET name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now() "
        "RETURNING t.id"_s);
// Every platform: the value sent, else the default table's for the currency, else 0.
const SqlStatement kUpsertRates(
        u"INSERT INTO emv_rates AS r (table_id, platform, per_mille_impressions, per_view, "
        "per_like, per_comment, per_share, per_save, per_click) "
        "SELECT CAST(:table AS uuid), k.platform, "
        "coalesce(g.pm, d.per_mille_impressions, 0), coalesce(g.pv, d.per_view, 0), "
        "coalesce(g.pl, d.per_like, 0), coalesce(g.pc, d.per_comment, 0), "
        "coalesce(g.ps, d.per_share, 0), coalesce(g.psv, d.per_save, 0), "
        "coalesce(g.pck, d.per_click, 0) "
        "FROM unnest(ARRAY['instagram', 'youtube', 'tiktok', 'twitch', 'x', 'facebook', "
        "'pinterest', 'linkedin', 'snapchat']) AS k(platform) "
        "LEFT JOIN jsonb_to_recordset(CAST(:rates AS jsonb)) AS g(platform text, pm numeric, "
        "pv numeric, pl numeric, pc numeric, ps numeric, psv numeric, pck numeric) "
        "ON g.platform = k.platform "
        "LEFT JOIN emv_rates d ON d.platform = k.platform AND d.table_id = "
        "(SELECT x.id FROM emv_tables x WHERE x.brand_id IS NULL AND x.currency = :currency) "
        "ON CONFLICT (table_id, platform) DO UPDATE SET "
        "per_mille_impressions = EXCLUDED.per_mille_impressions, per_view = EXCLUDED.per_view, "
        "per_like = EXCLUDED.per_like, per_comment = EXCLUDED.per_comment, "
        "per_share = EXCLUDED.per_share, per_save = EXCLUDED.per_save, "
        "per_click = EXCLUDED.per_click"_s);
const SqlStatement kRead(
        u"SELECT api_emv_table_json(t)::text FROM emv_tables t WHERE t.id = CAST(:table AS uuid)"_s);

/// Ten-thousandths as an exact decimal ("12.5000").
QString decimal(qint64 tenThousandths)
{
    return u"%1.%2"_s.arg(tenThousandths / 10000).arg(tenThousandths % 10000, 4, 10, QChar(u'0'));
}

QString ratesJson(const EmvTableInput &input)
{
    QJsonArray rates;
    for (const auto &rate : input.rates) {
        rates.append(QJsonObject{{u"platform"_s, rate.platform},
                {u"pm"_s, decimal(rate.perMilleImpressions)}, {u"pv"_s, decimal(rate.perView)},
                {u"pl"_s, decimal(rate.perLike)}, {u"pc"_s, decimal(rate.perComment)},
                {u"ps"_s, decimal(rate.perShare)}, {u"psv"_s, decimal(rate.perSave)},
                {u"pck"_s, decimal(rate.perClick)}});
    }
    return QString::fromUtf8(QJsonDocument(rates).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QByteArray> emvTables(Connection &c, const Principal &p)
{
    if (p.role() == common::UserRole::Influencer) {
        return Error::make(ErrorCode::Forbidden, u"EMV tables are for brands."_s);
    }
    return db::withRetry(c, [&](Connection &conn) {
        return db::json(conn, kList, {{u":admin"_s, p.isAdmin()}, {u":user"_s, p.userId()}});
    });
}

Result<QByteArray> saveEmvTable(Connection &c, const Principal &p, const QString &currency,
        const std::optional<QUuid> &brand, const EmvTableInput &input)
{
    if (p.role() == common::UserRole::Influencer) {
        return Error::make(ErrorCode::Forbidden, u"EMV tables are for brands."_s);
    }
    return db::inTransaction(c, [&](Connection &conn) -> Result<QByteArray> {
        const auto owner = conn.scalar(kBrand,
                {{u":user"_s, p.userId()},
                        {u":brand"_s,
                                brand ? QVariant(brand->toString(QUuid::WithoutBraces))
                                      : QVariant(QMetaType::fromType<QString>())}});
        if (!owner) {
            return owner.error();
        }
        if (owner->isNull()) {
            if (brand) {
                return Error::notFound(u"No such brand."_s);
            }
            return Error::make(ErrorCode::Forbidden, u"You act for no brand."_s);
        }
        // Like the brand's staff list, its valuation is the owner's to set (or an
        // administrator's); staff read it.
        if (owner->toUuid() != p.userId() && !p.isAdmin()) {
            return Error::make(
                    ErrorCode::Forbidden, u"Only the brand's owner changes its EMV tables."_s);
        }
        const auto table = conn.scalar(kUpsertTable,
                {{u":brand"_s, *owner}, {u":currency"_s, currency}, {u":name"_s, input.name},
                        {u":user"_s, p.userId()}});
        if (!table) {
            return table.error();
        }
        auto rates = conn.run(kUpsertRates,
                {{u":table"_s, *table}, {u":rates"_s, ratesJson(input)},
                        {u":currency"_s, currency}});
        if (!rates) {
            return rates.error();
        }
        (*rates)->finish();
        return db::json(conn, kRead, {{u":table"_s, *table}});
    });
}

} // namespace influence::server::analytics
