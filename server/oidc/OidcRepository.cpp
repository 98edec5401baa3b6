// SPDX-License-Identifier: Apache-2.0
#include "OidcRepository.h"

#include "core/db/Connection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::oidc::repository {

namespace {

// Expired states are swept by the inserts (the index on expires_at keeps that cheap); an hour
// of grace keeps "expired" distinguishable from "unknown" in the callback's answer.
const db::SqlStatement kInsertState(
        u"WITH swept AS (DELETE FROM auth_oidc_states WHERE expires_at < now() - interval '1 "
        u"hour') "
        "INSERT INTO auth_oidc_states (state_hash, provider, code_verifier, nonce, role, "
        "                              return_to, app_code_challenge, app_state, expires_at) "
        "VALUES (:hash, :provider, :verifier, :nonce, :role, NULLIF(:return_to, ''), "
        "        NULLIF(:challenge, ''), NULLIF(:app_state, ''), "
        "        now() + make_interval(secs => :seconds))"_s);
const db::SqlStatement kConsumeState(
        u"DELETE FROM auth_oidc_states WHERE state_hash = :hash "
        "RETURNING provider, code_verifier, nonce, role, coalesce(return_to, ''), "
        "          expires_at <= now(), coalesce(app_code_challenge, ''), "
        "          coalesce(app_state, '')"_s);
// Codes live 60 s; like the states, they are swept by the inserts after an hour of grace.
const db::SqlStatement kInsertCode(
        u"WITH swept AS (DELETE FROM auth_oidc_codes WHERE expires_at < now() - interval '1 "
        u"hour') "
        "INSERT INTO auth_oidc_codes (code_hash, code_challenge, user_id, expires_at) "
        "VALUES (:hash, :challenge, :user, now() + make_interval(secs => :seconds))"_s);
const db::SqlStatement kConsumeCode(u"DELETE FROM auth_oidc_codes WHERE code_hash = :hash "
                                    "RETURNING code_challenge, user_id, expires_at <= now()"_s);
const db::SqlStatement kTouchIdentity(
        u"UPDATE auth_oidc_identities SET last_login_at = now(), email = NULLIF(:email, ''), "
        "       email_verified = :verified "
        "WHERE issuer = :issuer AND subject = :subject RETURNING user_id"_s);
const db::SqlStatement kInsertIdentity(
        u"INSERT INTO auth_oidc_identities (user_id, issuer, subject, email, email_verified) "
        "VALUES (:user, :issuer, :subject, NULLIF(:email, ''), :verified)"_s);

} // namespace

Result<void> insertState(db::Connection &c, const QByteArray &stateHash,
        const PendingSignIn &pending, std::chrono::seconds lifetime)
{
    auto query = c.run(kInsertState,
            {{u":hash"_s, stateHash}, {u":provider"_s, pending.provider},
                    {u":verifier"_s, pending.codeVerifier}, {u":nonce"_s, pending.nonce},
                    {u":role"_s, common::wireName(pending.role)},
                    {u":return_to"_s, pending.returnTo}, {u":challenge"_s, pending.appChallenge},
                    {u":app_state"_s, pending.appState},
                    {u":seconds"_s, static_cast<int>(lifetime.count())}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

Result<std::optional<PendingSignIn>> consumeState(db::Connection &c, const QByteArray &stateHash)
{
    auto query = c.run(kConsumeState, {{u":hash"_s, stateHash}});
    if (!query) {
        return query.error();
    }
    std::optional<PendingSignIn> pending;
    if ((*query)->next()) {
        const QSqlQuery &q = **query;
        PendingSignIn p;
        p.provider = q.value(0).toString();
        p.codeVerifier = q.value(1).toString();
        p.nonce = q.value(2).toString();
        p.role = common::userRoleFromString(q.value(3).toString())
                         .value_or(common::UserRole::Influencer);
        p.returnTo = q.value(4).toString();
        p.expired = q.value(5).toBool();
        p.appChallenge = q.value(6).toString();
        p.appState = q.value(7).toString();
        pending = p;
    }
    (*query)->finish();
    return pending;
}

Result<void> insertCode(db::Connection &c, const QByteArray &codeHash, const QString &challenge,
        const QUuid &userId, std::chrono::seconds lifetime)
{
    auto query = c.run(kInsertCode,
            {{u":hash"_s, codeHash}, {u":challenge"_s, challenge},
                    {u":user"_s, userId.toString(QUuid::WithoutBraces)},
                    {u":seconds"_s, static_cast<int>(lifetime.count())}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

Result<std::optional<NativeCode>> consumeCode(db::Connection &c, const QByteArray &codeHash)
{
    auto query = c.run(kConsumeCode, {{u":hash"_s, codeHash}});
    if (!query) {
        return query.error();
    }
    std::optional<NativeCode> code;
    if ((*query)->next()) {
        const QSqlQuery &q = **query;
        code = NativeCode{q.value(0).toString(), QUuid::fromString(q.value(1).toString()),
                q.value(2).toBool()};
    }
    (*query)->finish();
    return code;
}

Result<std::optional<QUuid>> touchIdentity(db::Connection &c, const QString &issuer,
        const QString &subject, const QString &email, bool emailVerified)
{
    const auto id = c.scalar(kTouchIdentity,
            {{u":email"_s, email}, {u":verified"_s, emailVerified}, {u":issuer"_s, issuer},
                    {u":subject"_s, subject}});
    if (!id) {
        return id.error();
    }
    if (id->isNull()) {
        return std::optional<QUuid>();
    }
    return std::optional<QUuid>(QUuid::fromString(id->toString()));
}

Result<void> insertIdentity(db::Connection &c, const QUuid &userId, const QString &issuer,
        const QString &subject, const QString &email, bool emailVerified)
{
    auto query = c.run(kInsertIdentity,
            {{u":user"_s, userId.toString(QUuid::WithoutBraces)}, {u":issuer"_s, issuer},
                    {u":subject"_s, subject}, {u":email"_s, email},
                    {u":verified"_s, emailVerified}});
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

} // namespace influence::server::oidc::repository
