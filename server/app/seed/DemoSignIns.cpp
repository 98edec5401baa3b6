// SPDX-License-Identifier: Apache-2.0
#include "DemoSignIns.h"

#include "auth/Accounts.h"
#include "auth/PasswordHasher.h"
#include "auth/Sessions.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

namespace {

// The administrator, the first brand (the one seedCollaboration gives deals at every point of the
// workflow) and the creator of its first deal in progress, all at the demo data's domain.
const db::SqlStatement kAccounts(
        u"WITH demo AS ("
        "  SELECT id, email, role FROM users"
        "   WHERE lower(email) LIKE '%@example.com' OR lower(email) LIKE '%.example.com'),"
        " brand AS ("
        "  SELECT b.user_id FROM brand_details b JOIN demo ON demo.id = b.user_id"
        "   ORDER BY b.user_id LIMIT 1),"
        " creator AS ("
        "  SELECT d.influencer_id AS user_id FROM deals d"
        "    JOIN brand ON brand.user_id = d.brand_id JOIN demo ON demo.id = d.influencer_id"
        "   WHERE d.state = 'in_progress' ORDER BY d.created_at, d.id LIMIT 1)"
        " SELECT id, email, role FROM demo"
        "  WHERE email = 'admin@example.com'"
        "     OR id IN (SELECT user_id FROM brand UNION ALL SELECT user_id FROM creator)"
        "  ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'brand' THEN 1 ELSE 2 END"_s);
// As a password reset does: the address counts as confirmed (password sign-in needs that under
// AUTH_REGISTRATION=confirm, and a tenth of the demo creators have none).
const db::SqlStatement kConfirmAddress(u"UPDATE users SET email_verified_at = "
                                       "coalesce(email_verified_at, now()) WHERE id = :id"_s);

} // namespace

Result<QList<DemoSignIn>> issueDemoSignIns(
        db::Connection &connection, const auth::PasswordHasher &hasher)
{
    return db::inTransaction(connection, [&](db::Connection &c) -> Result<QList<DemoSignIn>> {
        auto rows = c.run(kAccounts);
        if (!rows) {
            return rows.error();
        }
        QList<std::pair<QString, DemoSignIn>> accounts;
        while ((*rows)->next()) {
            // 12 random bytes: 16 characters, 96 bits.
            const QString password =
                    QString::fromLatin1(crypto::base64Url(crypto::randomBytes(12)));
            accounts.append({(*rows)->value(0).toString(),
                    DemoSignIn{
                            (*rows)->value(1).toString(), (*rows)->value(2).toString(), password}});
        }
        QList<DemoSignIn> signIns;
        for (const auto &[id, signIn] : accounts) {
            // As a password reset does: the new hash, and the old password's sessions end.
            const QUuid user(id);
            if (auto updated =
                            auth::accounts::setPasswordHash(c, user, hasher.hash(signIn.password));
                    !updated) {
                return updated.error();
            }
            auto confirmed = c.run(kConfirmAddress, {{u":id"_s, id}});
            if (!confirmed) {
                return confirmed.error();
            }
            (*confirmed)->finish();
            if (auto revoked =
                            auth::sessions::revokeAll(c, user, auth::RevokeReason::PasswordReset);
                    !revoked) {
                return revoked.error();
            }
            signIns.append(signIn);
        }
        return signIns;
    });
}

} // namespace influence::server::seed
