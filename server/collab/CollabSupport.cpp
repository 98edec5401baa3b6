// SPDX-License-Identifier: Apache-2.0
#include "CollabSupport.h"

#include "auth/Principal.h"
#include "core/crypto/Crypto.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using influence::common::DealSide;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::collab {

namespace {

const SqlStatement kRecordEvent(
        u"SELECT record_deal_event(:deal, :actor, :kind, CAST(:data AS jsonb), "
        "CAST(:notify AS text), :objectType, :objectId)"_s);

const SqlStatement kDealAccess(
        u"SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency, "
        "acts_for_brand(:user, d.brand_id) FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "WHERE d.id = :id"_s);
const SqlStatement kDealAccessLocked(
        u"SELECT d.state, d.campaign_id, d.brand_id, d.influencer_id, c.status, c.currency, "
        "acts_for_brand(:user, d.brand_id) FROM deals d JOIN campaigns c ON c.id = d.campaign_id "
        "WHERE d.id = :id FOR UPDATE OF d"_s);

constexpr QByteArrayView kCursorPrefix = "p1:";

} // namespace

QString encodeCursor(qint64 position)
{
    QByteArray raw(kCursorPrefix.data(), kCursorPrefix.size());
    raw += QByteArray::number(position);
    return QString::fromLatin1(crypto::base64Url(raw));
}

std::optional<qint64> decodeCursor(const QString &cursor)
{
    bool ok = false;
    const QByteArray raw = crypto::fromBase64Url(cursor.toLatin1(), &ok);
    if (!ok || !raw.startsWith(kCursorPrefix)) {
        return std::nullopt;
    }
    const qint64 position = raw.mid(kCursorPrefix.size()).toLongLong(&ok);
    if (!ok) {
        return std::nullopt;
    }
    return position;
}

Result<QByteArray> runPage(Connection &c, const QString &sql, Binds binds, const Page &page)
{
    binds << std::pair(u":after"_s, page.afterValue()) << std::pair(u":limit"_s, page.limit + 1);
    auto rows = c.runDynamic(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QByteArray items = "[";
    int count = 0;
    qint64 last = 0;
    bool more = false;
    while ((*rows)->next()) {
        if (count == page.limit) {
            more = true;
            break;
        }
        if (count > 0) {
            items += ',';
        }
        items += (*rows)->value(0).toString().toUtf8();
        last = db::toInt64((*rows)->value(1));
        ++count;
    }
    (*rows)->finish();
    items += ']';
    const QByteArray next = more ? '"' + encodeCursor(last).toLatin1() + '"' : QByteArray("null");
    return QByteArray("{\"items\":" + items + ",\"nextCursor\":" + next + '}');
}

Result<std::optional<QByteArray>> optionalJson(
        Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    const auto value = c.scalar(statement, binds);
    if (!value) {
        return value.error();
    }
    if (value->isNull()) {
        return std::optional<QByteArray>();
    }
    return std::optional(value->toString().toUtf8());
}

Result<QByteArray> json(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto value = optionalJson(c, statement, binds);
    if (!value) {
        return value.error();
    }
    if (!value->has_value()) {
        return Error::internal();
    }
    return std::move(**value);
}

Result<int> affected(Connection &c, const SqlStatement &statement, Connection::Binds binds)
{
    auto query = c.run(statement, binds);
    if (!query) {
        return query.error();
    }
    const int count = (*query)->numRowsAffected();
    (*query)->finish();
    return count;
}

Result<void> recordEvent(Connection &c, const QUuid &actor, const Event &event)
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

Result<DealAccess> dealAccess(
        Connection &c, const auth::Principal &principal, const QUuid &deal, Lock lock)
{
    auto query = c.run(lock == Lock::ForUpdate ? kDealAccessLocked : kDealAccess,
            {{u":user"_s, principal.userId()}, {u":id"_s, deal}});
    if (!query) {
        return query.error();
    }
    QSqlQuery &row = **query;
    if (!row.next()) {
        return Error::notFound(u"No such deal."_s);
    }
    DealAccess access;
    access.id = deal;
    access.state = common::collabFromString<common::DealState>(row.value(0).toString())
                           .value_or(common::DealState::Invited);
    access.campaignId = row.value(1).toUuid();
    access.brandId = row.value(2).toUuid();
    access.influencerId = row.value(3).toUuid();
    access.campaignStatus =
            common::collabFromString<common::CampaignStatus>(row.value(4).toString())
                    .value_or(common::CampaignStatus::Draft);
    access.currency = row.value(5).toString();
    const bool brandSide = row.value(6).toBool();
    row.finish();
    if (brandSide || principal.isAdmin()) {
        access.side = DealSide::Brand;
    } else if (access.influencerId == principal.userId()) {
        access.side = DealSide::Creator;
    } else {
        return Error::notFound(u"No such deal."_s);
    }
    return access;
}

Result<void> runSteps(std::initializer_list<std::function<Result<void>()>> steps)
{
    for (const auto &step : steps) {
        if (auto done = step(); !done) {
            return done;
        }
    }
    return {};
}

Error illegalTransition(const QString &detail)
{
    return Error::make(ErrorCode::IllegalTransition, detail);
}

Error wrongSide(DealSide needed)
{
    return Error::make(ErrorCode::Forbidden,
            needed == DealSide::Brand ? u"Only the brand's side does this."_s
                                      : u"Only the creator does this."_s);
}

DealSide otherSide(DealSide side)
{
    return side == DealSide::Brand ? DealSide::Creator : DealSide::Brand;
}

} // namespace influence::server::collab
