// SPDX-License-Identifier: Apache-2.0
#include "Profiles.h"

#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::BrandProfileInput;
using influence::common::Error;
using influence::common::InfluencerProfileInput;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::profiles {

namespace {

const SqlStatement kInfluencerJson(
        u"SELECT api_influencer_json(d, CAST(:owner AS boolean))::text FROM influencer_details d "
        "JOIN users u ON u.id = d.user_id AND u.status = 'active' WHERE d.user_id = :id"_s);
const SqlStatement kLockInfluencer(
        u"SELECT api_influencer_json(d, true)::text FROM influencer_details d "
        "WHERE d.user_id = :id FOR UPDATE"_s);
const SqlStatement kSaveInfluencer(
        u"INSERT INTO influencer_details (user_id, display_name, bio, niches, country, languages) "
        "VALUES (:id, :name, coalesce(:bio, ''), ARRAY(SELECT "
        "jsonb_array_elements_text(CAST(:niches AS "
        "jsonb))), "
        "        NULLIF(:country, ''), "
        "        ARRAY(SELECT jsonb_array_elements_text(CAST(:languages AS jsonb)))) "
        "ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
        "  bio = EXCLUDED.bio, niches = EXCLUDED.niches, country = EXCLUDED.country, "
        "  languages = EXCLUDED.languages "
        "RETURNING (xmax = 0)"_s);
const SqlStatement kDeleteRates(u"DELETE FROM influencer_rates WHERE influencer_id = :id"_s);
const SqlStatement kInsertRates(
        u"INSERT INTO influencer_rates (influencer_id, deliverable_type, amount_minor, currency) "
        "SELECT :id, r.type, r.amount, r.currency "
        "FROM jsonb_to_recordset(CAST(:rates AS jsonb)) AS r(type text, amount bigint, currency text)"_s);
const SqlStatement kDeleteInfluencer(u"DELETE FROM influencer_details WHERE user_id = :id"_s);

const SqlStatement kBrandJson(
        u"SELECT api_brand_json(b)::text FROM brand_details b "
        "JOIN users u ON u.id = b.user_id AND u.status = 'active' WHERE b.user_id = :id"_s);
const SqlStatement kLockBrand(
        u"SELECT api_brand_json(b)::text FROM brand_details b WHERE b.user_id = :id FOR UPDATE"_s);
const SqlStatement kSaveBrand(
        u"INSERT INTO brand_details (user_id, company_name, website, industry, country) "
        "VALUES (:id, :name, NULLIF(:website, ''), NULLIF(:industry, ''), NULLIF(:country, '')) "
        "ON CONFLICT (user_id) DO UPDATE SET company_name = EXCLUDED.company_name, "
        "  website = EXCLUDED.website, industry = EXCLUDED.industry, country = EXCLUDED.country "
        "RETURNING (xmax = 0)"_s);
const SqlStatement kDeleteBrand(u"DELETE FROM brand_details WHERE user_id = :id"_s);

const QStringList kInfluencerFields{
        u"displayName"_s, u"bio"_s, u"niches"_s, u"country"_s, u"languages"_s, u"rates"_s};
const QStringList kBrandFields{u"companyName"_s, u"website"_s, u"industry"_s, u"country"_s};

/// Who reads an influencer profile: its owner sees more than the public.
enum class Viewer { Owner, Public };

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// The JSON a statement found, or 404 with `missing`.
Result<QByteArray> foundOr404(const Result<std::optional<QByteArray>> &json, const QString &missing)
{
    if (!json) {
        return json.error();
    }
    if (!json->has_value()) {
        return Error::notFound(missing);
    }
    return **json;
}

/// Nothing when there is no such profile or its user is disabled.
Result<std::optional<QByteArray>> influencerJson(Connection &c, const QUuid &id, Viewer viewer)
{
    return db::optionalJson(
            c, kInfluencerJson, {{u":owner"_s, viewer == Viewer::Owner}, {u":id"_s, id}});
}

Result<std::optional<QByteArray>> brandJson(Connection &c, const QUuid &id)
{
    return db::optionalJson(c, kBrandJson, {{u":id"_s, id}});
}

Result<std::optional<QByteArray>> lockBrand(Connection &c, const QUuid &id)
{
    return db::optionalJson(c, kLockBrand, {{u":id"_s, id}});
}

/// Creates or replaces; whether it was created.
Result<Outcome> saveInfluencer(Connection &c, const QUuid &id, const InfluencerProfileInput &input)
{
    const auto created = c.scalar(kSaveInfluencer,
            {{u":id"_s, id}, {u":name"_s, input.displayName}, {u":bio"_s, input.bio},
                    {u":niches"_s, jsonText(QJsonArray::fromStringList(input.niches))},
                    {u":country"_s, input.country},
                    {u":languages"_s, jsonText(QJsonArray::fromStringList(input.languages))}});
    if (!created) {
        return created.error();
    }
    if (auto ok = c.run(kDeleteRates, {{u":id"_s, id}}); !ok) {
        return ok.error();
    }
    QJsonArray rates;
    for (const common::Rate &rate : input.rates) {
        rates.append(QJsonObject{{u"type"_s, common::wireName(rate.type)},
                {u"amount"_s, rate.price.minorUnits}, {u"currency"_s, rate.price.currency}});
    }
    if (!rates.isEmpty()) {
        if (auto ok = c.run(kInsertRates, {{u":id"_s, id}, {u":rates"_s, jsonText(rates)}}); !ok) {
            return ok.error();
        }
    }
    return created->toBool() ? Outcome::Created : Outcome::Replaced;
}

Result<Outcome> saveBrand(Connection &c, const QUuid &id, const BrandProfileInput &input)
{
    const auto created = c.scalar(kSaveBrand,
            {{u":id"_s, id}, {u":name"_s, input.companyName}, {u":website"_s, input.website},
                    {u":industry"_s, input.industry}, {u":country"_s, input.country}});
    if (!created) {
        return created.error();
    }
    return created->toBool() ? Outcome::Created : Outcome::Replaced;
}

/// What replacing and patching one kind of profile need.
template<class Input>
struct ProfileKind
{
    QStringList fields; ///< the editable ones, which a PATCH may change
    Result<Input> (*validate)(const QJsonObject &) = nullptr;
    Result<std::optional<QByteArray>> (*lock)(Connection &, const QUuid &) = nullptr;
    Result<Outcome> (*save)(Connection &, const QUuid &, const Input &) = nullptr;
    /// As its owner sees it.
    Result<std::optional<QByteArray>> (*read)(Connection &, const QUuid &) = nullptr;
    QString missing;
};

const ProfileKind<InfluencerProfileInput> kInfluencer{kInfluencerFields,
        common::profiles::validateInfluencer, lockInfluencer, saveInfluencer,
        [](Connection &c, const QUuid &id) {
            return influencerJson(c, id, Viewer::Owner);
        },
        u"You have no influencer profile yet; create it with PUT."_s};
const ProfileKind<BrandProfileInput> kBrand{kBrandFields, common::profiles::validateBrand,
        lockBrand, saveBrand, brandJson, u"You have no brand profile yet; create it with PUT."_s};

/// Saves the profile and reads it back, in the caller's transaction.
template<class Input>
Result<Written> save(
        Connection &tx, const QUuid &user, const ProfileKind<Input> &kind, const Input &input)
{
    const auto outcome = kind.save(tx, user, input);
    if (!outcome) {
        return outcome.error();
    }
    const auto json = kind.read(tx, user);
    if (!json) {
        return json.error();
    }
    return Written{json->value_or(QByteArray()), *outcome};
}

template<class Input>
Result<Written> replaceProfile(
        Connection &c, const Principal &p, const ProfileKind<Input> &kind, const Input &input)
{
    return db::inTransaction(c, [&](Connection &tx) {
        return save(tx, p.userId(), kind, input);
    });
}

template<class Input>
Result<Written> patchProfile(
        Connection &c, const Principal &p, const ProfileKind<Input> &kind, const QJsonObject &body)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<Written> {
        const auto current = kind.lock(tx, p.userId());
        if (!current) {
            return current.error();
        }
        if (!current->has_value()) {
            return Error::notFound(kind.missing);
        }
        const auto input =
                kind.validate(common::profiles::merged(parsed(**current), body, kind.fields));
        if (!input) {
            return input.error();
        }
        return save(tx, p.userId(), kind, *input);
    });
}

/// Deletes the user's row of `statement`'s table; 404 with `missing` when there was none.
Result<void> deleteOwn(
        Connection &c, const Principal &p, const SqlStatement &statement, const QString &missing)
{
    const auto deleted = db::inTransaction(c, [&](Connection &tx) {
        return db::affected(tx, statement, {{u":id"_s, p.userId()}});
    });
    if (!deleted) {
        return deleted.error();
    }
    if (*deleted == 0) {
        return Error::notFound(missing);
    }
    return {};
}

} // namespace

Result<std::optional<QByteArray>> lockInfluencer(Connection &c, const QUuid &user)
{
    return db::optionalJson(c, kLockInfluencer, {{u":id"_s, user}});
}

Result<QByteArray> ownInfluencer(Connection &c, const Principal &p)
{
    return foundOr404(influencerJson(c, p.userId(), Viewer::Owner), kInfluencer.missing);
}

Result<Written> replaceInfluencer(
        Connection &c, const Principal &p, const InfluencerProfileInput &input)
{
    return replaceProfile(c, p, kInfluencer, input);
}

Result<Written> patchInfluencer(Connection &c, const Principal &p, const QJsonObject &patch)
{
    return patchProfile(c, p, kInfluencer, patch);
}

Result<void> deleteInfluencer(Connection &c, const Principal &p)
{
    return deleteOwn(c, p, kDeleteInfluencer, u"You have no influencer profile."_s);
}

Result<QByteArray> ownBrand(Connection &c, const Principal &p)
{
    return foundOr404(brandJson(c, p.userId()), kBrand.missing);
}

Result<Written> replaceBrand(Connection &c, const Principal &p, const BrandProfileInput &input)
{
    return replaceProfile(c, p, kBrand, input);
}

Result<Written> patchBrand(Connection &c, const Principal &p, const QJsonObject &patch)
{
    return patchProfile(c, p, kBrand, patch);
}

Result<void> deleteBrand(Connection &c, const Principal &p)
{
    return deleteOwn(c, p, kDeleteBrand, u"You have no brand profile."_s);
}

Result<QByteArray> publicInfluencer(Connection &c, const QUuid &id)
{
    return foundOr404(influencerJson(c, id, Viewer::Public), u"No such creator."_s);
}

Result<QByteArray> publicBrand(Connection &c, const QUuid &id)
{
    return foundOr404(brandJson(c, id), u"No such brand."_s);
}

} // namespace influence::server::profiles
