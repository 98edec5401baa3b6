// SPDX-License-Identifier: Apache-2.0
#include "BrandOwned.h"

#include "common/Validation.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::brands {

namespace {

QString accessSelect(const QString &table)
{
    // The table's name is the domain's constant, never input.
    return u"SELECT o.brand_id, acts_for_brand(:user, o.brand_id) FROM %1 o WHERE o.id = :id "_s
            .arg(table);
}

} // namespace

Result<std::optional<QUuid>> brandIdOf(const QJsonObject &body)
{
    if (!body.contains(u"brandId"_s) || body.value(u"brandId"_s).isNull()) {
        return std::optional<QUuid>();
    }
    const auto parsed = common::validation::parseUuid(body.value(u"brandId"_s).toString());
    if (!parsed) {
        return Error::validation(
                {{u"brandId"_s, u"invalid_format"_s, u"Must be a brand's id (UUID)."_s}});
    }
    return std::optional<QUuid>(*parsed);
}

BrandOwned::BrandOwned(const QString &table, Words words)
    : m_read(accessSelect(table))
    , m_locked(accessSelect(table) + u"FOR NO KEY UPDATE"_s)
    , m_words(std::move(words))
{ }

Error BrandOwned::creatorsRefused() const
{
    return Error::make(ErrorCode::Forbidden, m_words.creators);
}

Result<QUuid> BrandOwned::access(
        db::Connection &c, const http::Principal &p, const QUuid &id, Intent intent) const
{
    if (p.role() == common::UserRole::Influencer) {
        return creatorsRefused();
    }
    auto row = c.run(intent == Intent::Write ? m_locked : m_read,
            {{u":user"_s, p.userId()}, {u":id"_s, id}});
    if (!row) {
        return row.error();
    }
    if (!(*row)->next()) {
        return Error::notFound(m_words.notFound);
    }
    const QUuid brand = (*row)->value(0).toUuid();
    const bool actsFor = (*row)->value(1).toBool();
    (*row)->finish();
    if (!actsFor && !p.isAdmin()) {
        return Error::notFound(m_words.notFound);
    }
    if (!actsFor && intent == Intent::Write) {
        return Error::make(ErrorCode::Forbidden, m_words.onlyStaff);
    }
    return brand;
}

} // namespace influence::server::brands
