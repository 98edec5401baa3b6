// SPDX-License-Identifier: Apache-2.0
#include "ConnectedAccounts.h"

#include "Profiles.h"
#include "core/db/JsonRows.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::profiles {

namespace {

const SqlStatement kAccounts(
        u"SELECT coalesce(jsonb_agg(api_account_json(a, true) ORDER BY a.platform, "
        u"lower(a.handle)), "
        "'[]')::text FROM connected_accounts a WHERE a.influencer_id = :owner"_s);
const SqlStatement kInsertAccount(
        u"INSERT INTO connected_accounts AS a (influencer_id, platform, handle, profile_url) "
        "VALUES (:owner, :platform, :handle, NULLIF(:url, '')) "
        "RETURNING api_account_json(a, true)::text"_s);
const SqlStatement kLockAccount(
        u"SELECT status FROM connected_accounts WHERE id = :id AND influencer_id = :owner FOR UPDATE"_s);
const SqlStatement kUpdateAccount(
        u"UPDATE connected_accounts AS a SET handle = coalesce(:handle, a.handle), "
        "  profile_url = CASE WHEN CAST(:setUrl AS boolean) THEN NULLIF(:url, '') ELSE "
        "a.profile_url END "
        "WHERE a.id = :id RETURNING api_account_json(a, true)::text"_s);
const SqlStatement kDeleteAccount(
        u"DELETE FROM connected_accounts WHERE id = :id AND influencer_id = :owner"_s);

const QString kNoSuchAccount = u"No such account."_s;

} // namespace

Result<QByteArray> accounts(Connection &c, const Principal &p)
{
    const auto items = db::json(c, kAccounts, {{u":owner"_s, p.userId()}});
    if (!items) {
        return items.error();
    }
    return QByteArray("{\"items\":" + *items + '}');
}

Result<QByteArray> addManualAccount(
        Connection &c, const Principal &p, const common::ManualAccountInput &input)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto profile = lockInfluencer(tx, p.userId());
        if (!profile) {
            return profile.error();
        }
        if (!profile->has_value()) {
            return Error::make(ErrorCode::Conflict,
                    u"Create your influencer profile (PUT /api/v1/me/influencer) before adding accounts."_s);
        }
        return db::json(tx, kInsertAccount,
                {{u":owner"_s, p.userId()}, {u":platform"_s, common::wireName(input.platform)},
                        {u":handle"_s, input.handle}, {u":url"_s, input.profileUrl}});
    });
}

Result<QByteArray> changeAccount(
        Connection &c, const Principal &p, const QUuid &id, const AccountChange &change)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<QByteArray> {
        const auto status = tx.scalar(kLockAccount, {{u":id"_s, id}, {u":owner"_s, p.userId()}});
        if (!status) {
            return status.error();
        }
        if (status->isNull()) {
            return Error::notFound(kNoSuchAccount);
        }
        if (change.handle && status->toString() != u"manual"_s) {
            return Error::make(ErrorCode::Conflict,
                    u"The handle of a connected account comes from the platform."_s);
        }
        return db::json(tx, kUpdateAccount,
                {{u":handle"_s,
                         change.handle ? QVariant(*change.handle)
                                       : QVariant(QMetaType::fromType<QString>())},
                        {u":setUrl"_s, change.profileUrl.has_value()},
                        {u":url"_s, change.profileUrl.value_or(QString())}, {u":id"_s, id}});
    });
}

Result<void> deleteAccount(Connection &c, const Principal &p, const QUuid &id)
{
    const auto deleted = db::inTransaction(c, [&](Connection &tx) {
        return db::affected(tx, kDeleteAccount, {{u":id"_s, id}, {u":owner"_s, p.userId()}});
    });
    if (!deleted) {
        return deleted.error();
    }
    if (*deleted == 0) {
        return Error::notFound(kNoSuchAccount);
    }
    return {};
}

} // namespace influence::server::profiles
