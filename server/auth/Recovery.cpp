// SPDX-License-Identifier: Apache-2.0
#include "Recovery.h"

#include "Accounts.h"
#include "Sessions.h"
#include "core/crypto/Crypto.h"
#include "core/db/Connection.h"
#include "core/db/Transaction.h"
#include "core/http/Principal.h"
#include "core/mail/Mail.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::common::UserAccount;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;

namespace influence::server::auth::recovery {

namespace {

// A new token makes the older unused ones of its purpose unusable.
const SqlStatement kRetireTokens(
        u"UPDATE auth_email_tokens SET used_at = now() "
        "WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL"_s);
const SqlStatement kInsertToken(
        u"INSERT INTO auth_email_tokens (user_id, purpose, token_hash, email, expires_at) "
        "VALUES (:user, :purpose, :hash, :email, now() + make_interval(secs => :seconds))"_s);
const SqlStatement kConsumeToken(
        u"UPDATE auth_email_tokens SET used_at = now() "
        "WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL "
        "  AND expires_at > now() RETURNING user_id, email"_s);
const SqlStatement kRecentToken(
        u"SELECT EXISTS (SELECT 1 FROM auth_email_tokens WHERE user_id = :user "
        "  AND purpose = :purpose AND created_at > now() - make_interval(secs => :seconds))"_s);
const SqlStatement kMarkVerified(
        u"UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) "
        "WHERE id = :id AND lower(email) = lower(:email)"_s);

// A registration attempt on a taken address tells its owner at most once an hour: someone trying
// an address over and over must not fill the owner's inbox (the attempts still answer alike).
const SqlStatement kRecentAttemptMail(
        u"SELECT EXISTS (SELECT 1 FROM mail_outbox WHERE lower(recipient) = lower(:to) "
        "  AND subject = :subject AND created_at > now() - interval '1 hour')"_s);

enum class Purpose { VerifyEmail, ResetPassword };

QString purposeName(Purpose purpose)
{
    return purpose == Purpose::VerifyEmail ? u"verify_email"_s : u"reset_password"_s;
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

Result<void> done(Result<QSqlQuery *> query)
{
    if (!query) {
        return query.error();
    }
    (*query)->finish();
    return {};
}

/// Stores a new token for `account` and queues the e-mail that carries it.
Result<void> sendToken(
        Connection &tx, const MailSettings &settings, const UserAccount &account, Purpose purpose)
{
    const QByteArray token = crypto::base64Url(crypto::randomBytes(32));
    const bool reset = purpose == Purpose::ResetPassword;
    const QString user = uuidText(account.id);
    if (auto ok = done(
                tx.run(kRetireTokens, {{u":user"_s, user}, {u":purpose"_s, purposeName(purpose)}}));
            !ok) {
        return ok;
    }
    const auto lifetime = reset ? settings.resetTokenLifetime : settings.verifyTokenLifetime;
    if (auto ok = done(tx.run(kInsertToken,
                {{u":user"_s, user}, {u":purpose"_s, purposeName(purpose)},
                        {u":hash"_s, crypto::sha256(token)}, {u":email"_s, account.email},
                        {u":seconds"_s, static_cast<int>(lifetime.count())}}));
            !ok) {
        return ok;
    }
    // The token travels in the fragment: browsers do not send it to any server or in Referer.
    mail::MailMessage message;
    message.to = account.email;
    if (reset) {
        message.subject = u"Reset your Influence password"_s;
        message.body = u"Someone (hopefully you) asked to reset the password of your Influence "
                       "account.\n\nChoose a new password here (the link works once, for %1 "
                       "minutes):\n%2/reset-password#token=%3\n\nIf you did not ask for this, "
                       "ignore this e-mail; your password stays as it is.\n"_s
                               .arg(settings.resetTokenLifetime.count() / 60)
                               .arg(settings.appUrl, QString::fromLatin1(token));
    } else {
        message.subject = u"Confirm your e-mail address for Influence"_s;
        message.body = u"Welcome to Influence.\n\nConfirm that this is your e-mail address (the "
                       "link works once, for %1 hours):\n%2/verify-email#token=%3\n\nIf you did "
                       "not create an account, ignore this e-mail.\n"_s
                               .arg(settings.verifyTokenLifetime.count() / 3600)
                               .arg(settings.appUrl, QString::fromLatin1(token));
    }
    return mail::enqueue(tx, message);
}

/// Uses up a token: the user and address it was issued for, if it was valid.
Result<std::optional<std::pair<QUuid, QString>>> consumeToken(
        Connection &tx, Purpose purpose, const QString &token)
{
    auto query = tx.run(kConsumeToken,
            {{u":hash"_s, crypto::sha256(token.toLatin1())},
                    {u":purpose"_s, purposeName(purpose)}});
    if (!query) {
        return query.error();
    }
    std::optional<std::pair<QUuid, QString>> result;
    if ((*query)->next()) {
        result = std::pair{
                QUuid::fromString((*query)->value(0).toString()), (*query)->value(1).toString()};
    }
    (*query)->finish();
    return result;
}

/// Whether a token of this purpose was issued to the user within the last `window`.
Result<bool> issuedRecently(
        Connection &tx, const QUuid &userId, Purpose purpose, std::chrono::seconds window)
{
    const auto recent = tx.scalar(kRecentToken,
            {{u":user"_s, uuidText(userId)}, {u":purpose"_s, purposeName(purpose)},
                    {u":seconds"_s, static_cast<int>(window.count())}});
    if (!recent) {
        return recent.error();
    }
    return recent->toBool();
}

Result<void> markVerified(Connection &tx, const QUuid &userId, const QString &email)
{
    return done(tx.run(kMarkVerified, {{u":id"_s, uuidText(userId)}, {u":email"_s, email}}));
}

} // namespace

Result<void> sendVerification(
        Connection &tx, const MailSettings &settings, const UserAccount &account)
{
    return sendToken(tx, settings, account, Purpose::VerifyEmail);
}

Result<void> sendRegistrationAttempt(
        Connection &tx, const MailSettings &settings, const UserAccount &account)
{
    mail::MailMessage message;
    message.to = account.email;
    message.subject = u"Someone tried to register with your e-mail address"_s;
    const auto recent = tx.scalar(
            kRecentAttemptMail, {{u":to"_s, message.to}, {u":subject"_s, message.subject}});
    if (!recent) {
        return recent.error();
    }
    if (recent->toBool()) {
        return {};
    }
    message.body = u"Someone (perhaps you) just tried to create an Influence account with this "
                   "e-mail address, which already has one. Nothing was changed.\n\nIf it was "
                   "you, sign in at %1 (choose \"Forgot password\" there if you do not remember "
                   "it). If it was not, you can ignore this e-mail.\n"_s.arg(settings.appUrl);
    return mail::enqueue(tx, message);
}

Result<void> forgotPassword(Connection &c, const MailSettings &settings, const QString &email)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto user = accounts::findByEmail(tx, email);
        if (!user) {
            return user.error();
        }
        if (!user->has_value() || (*user)->account.status != common::UserStatus::Active) {
            return {};
        }
        const auto recent = issuedRecently(
                tx, (*user)->account.id, Purpose::ResetPassword, settings.mailInterval);
        if (!recent) {
            return recent.error();
        }
        if (*recent) {
            return {}; // one mail a minute is enough; the answer stays the same
        }
        return sendToken(tx, settings, (*user)->account, Purpose::ResetPassword);
    });
}

Result<void> resetPassword(Connection &c, const QString &token, const QString &newHash)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto consumed = consumeToken(tx, Purpose::ResetPassword, token);
        if (!consumed) {
            return consumed.error();
        }
        if (!consumed->has_value()) {
            return Error::make(ErrorCode::InvalidEmailToken,
                    u"This reset link is invalid, was used already, or has expired; ask for a new one."_s);
        }
        const auto &[userId, email] = **consumed;
        if (auto ok = accounts::setPasswordHash(tx, userId, newHash); !ok) {
            return ok;
        }
        // Receiving the link proves control of the address.
        if (auto ok = markVerified(tx, userId, email); !ok) {
            return ok;
        }
        auto revoked = sessions::revokeAll(tx, userId, RevokeReason::PasswordReset);
        if (!revoked) {
            return revoked.error();
        }
        return {};
    });
}

Result<void> verifyEmail(Connection &c, const QString &token)
{
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto consumed = consumeToken(tx, Purpose::VerifyEmail, token);
        if (!consumed) {
            return consumed.error();
        }
        if (!consumed->has_value()) {
            return Error::make(ErrorCode::InvalidEmailToken,
                    u"This confirmation link is invalid, was used already, or has expired."_s);
        }
        return markVerified(tx, (*consumed)->first, (*consumed)->second);
    });
}

Result<void> resendVerification(
        Connection &c, const MailSettings &settings, const http::Principal &principal)
{
    if (principal.account.emailVerified) {
        return {};
    }
    return db::inTransaction(c, [&](Connection &tx) -> Result<void> {
        const auto recent =
                issuedRecently(tx, principal.userId(), Purpose::VerifyEmail, settings.mailInterval);
        if (!recent) {
            return recent.error();
        }
        if (*recent) {
            Error error = Error::make(ErrorCode::TooManyRequests,
                    u"A confirmation e-mail was sent less than a minute ago."_s);
            error.retryAfterSeconds = static_cast<int>(settings.mailInterval.count());
            return error;
        }
        return sendToken(tx, settings, principal.account, Purpose::VerifyEmail);
    });
}

} // namespace influence::server::auth::recovery
