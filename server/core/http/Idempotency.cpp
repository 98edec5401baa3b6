// SPDX-License-Identifier: Apache-2.0
#include "Idempotency.h"

#include "common/Problem.h"
#include "core/db/Connection.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::SqlStatement;

Q_LOGGING_CATEGORY(lcIdempotency, "influence.http.idempotency")

namespace influence::server::http::idempotency {

namespace {

constexpr qsizetype kMaxKeyLength = 255;

const SqlStatement kClaim(
        u"INSERT INTO idempotency_keys (user_id, key, fingerprint) VALUES (:user, :key, :print) "
        "ON CONFLICT (user_id, key) DO NOTHING RETURNING 1"_s);
// An earlier claim: its request, its answer if any, and whether it may be taken over (expired,
// or a request that never finished).
const SqlStatement kEarlier(u"SELECT fingerprint, status, body, content_type, "
                            "created_at < now() - make_interval(hours => :hours), "
                            "completed_at IS NULL AND created_at < now() - interval '1 minute' "
                            "FROM idempotency_keys WHERE user_id = :user AND key = :key"_s);
const SqlStatement kTakeOver(
        u"UPDATE idempotency_keys SET fingerprint = :print, status = NULL, body = NULL, "
        "content_type = NULL, completed_at = NULL, created_at = now() "
        "WHERE user_id = :user AND key = :key "
        "AND (created_at < now() - make_interval(hours => :hours) "
        "     OR (completed_at IS NULL AND created_at < now() - interval '1 minute')) "
        "RETURNING 1"_s);
const SqlStatement kStore(
        u"UPDATE idempotency_keys SET status = :status, body = :body, content_type = :type, "
        "completed_at = now() WHERE user_id = :user AND key = :key AND completed_at IS NULL"_s);
const SqlStatement kRelease(u"DELETE FROM idempotency_keys WHERE user_id = :user AND key = :key "
                            "AND completed_at IS NULL"_s);

Response problem(ErrorCode code, const QString &detail)
{
    return Response::fromError(Error::make(code, detail));
}

} // namespace

Result<std::optional<Key>> keyOf(const Request &request)
{
    const QByteArray header = request.header("idempotency-key");
    if (header.isNull()) {
        return std::optional<Key>();
    }
    const bool printable = std::all_of(header.begin(), header.end(), [](char ch) {
        return ch >= 0x21 && ch <= 0x7e;
    });
    if (header.isEmpty() || header.size() > kMaxKeyLength || !printable) {
        return Error::make(ErrorCode::InvalidIdempotencyKey,
                u"Idempotency-Key must be 1 to 255 printable ASCII characters without spaces."_s);
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(methodName(request.method));
    hash.addData(" ");
    hash.addData(request.path.toUtf8());
    hash.addData("\n");
    hash.addData(request.body);
    return std::optional(Key{QString::fromLatin1(header), hash.result().toHex()});
}

namespace {

/// An earlier claim of the key, as stored.
struct Earlier
{
    QByteArray fingerprint;
    bool completed = false;
    Response stored;
    bool mayTakeOver = false; ///< expired, or a request that never finished
};

common::Result<std::optional<Earlier>> readEarlier(
        db::Connection &c, const QUuid &user, const Key &key)
{
    auto rows =
            c.run(kEarlier, {{u":hours"_s, kKeptHours}, {u":user"_s, user}, {u":key"_s, key.key}});
    if (!rows) {
        return rows.error();
    }
    QSqlQuery &row = **rows;
    if (!row.next()) {
        return std::optional<Earlier>();
    }
    Earlier earlier;
    earlier.fingerprint = row.value(0).toString().toLatin1();
    earlier.completed = !row.value(1).isNull();
    earlier.stored.status = row.value(1).toInt();
    earlier.stored.body = row.value(2).toByteArray();
    earlier.stored.contentType = row.value(3).toByteArray();
    earlier.mayTakeOver = row.value(4).toBool() || row.value(5).toBool();
    row.finish();
    return std::optional(std::move(earlier));
}

/// The answer to a request whose key an earlier request holds (which may not be taken over).
Response answerFor(Earlier earlier, const Key &key)
{
    if (!earlier.completed) {
        return problem(ErrorCode::IdempotencyKeyInUse,
                u"A request with this Idempotency-Key is still running; try again later."_s);
    }
    if (earlier.fingerprint != key.fingerprint) {
        return problem(ErrorCode::IdempotencyKeyReused,
                u"This Idempotency-Key was used for a different request; use a new key."_s);
    }
    earlier.stored.withHeader("Idempotent-Replayed", "true");
    return std::move(earlier.stored);
}

} // namespace

std::variant<Proceed, Response> begin(db::Connection &c, const QUuid &user, const Key &key)
{
    const QString print = QString::fromLatin1(key.fingerprint);
    // Two rounds: a claim deleted or taken over between our statements is looked at again.
    for (int round = 0; round < 2; ++round) {
        const auto claimed =
                c.scalar(kClaim, {{u":user"_s, user}, {u":key"_s, key.key}, {u":print"_s, print}});
        if (!claimed) {
            return Response::fromError(claimed.error());
        }
        if (!claimed->isNull()) {
            return Proceed{};
        }
        auto earlier = readEarlier(c, user, key);
        if (!earlier) {
            return Response::fromError(earlier.error());
        }
        if (!earlier->has_value()) {
            continue; // deleted meanwhile: claim again
        }
        if (!(*earlier)->mayTakeOver) {
            return answerFor(std::move(**earlier), key);
        }
        const auto taken = c.scalar(kTakeOver,
                {{u":print"_s, print}, {u":user"_s, user}, {u":key"_s, key.key},
                        {u":hours"_s, kKeptHours}});
        if (!taken) {
            return Response::fromError(taken.error());
        }
        if (!taken->isNull()) {
            qCInfo(lcIdempotency, "an expired or unfinished Idempotency-Key claim taken over");
            return Proceed{};
        }
    }
    return problem(ErrorCode::IdempotencyKeyInUse,
            u"A request with this Idempotency-Key is still running; try again later."_s);
}

void finish(db::Connection &c, const QUuid &user, const Key &key, const Response &response,
        const QString &path)
{
    Response stored = response;
    if (stored.error) {
        stored.status = stored.error->httpStatus();
        stored.contentType = common::kProblemContentType;
        stored.body = QJsonDocument(common::problemToJson(*stored.error, QString(), path))
                              .toJson(QJsonDocument::Compact);
    }
    const bool keep = stored.status < 500 && !stored.isDeferred;
    const auto done = keep ? c.scalar(kStore,
                              {{u":status"_s, stored.status}, {u":body"_s, stored.body},
                                      {u":type"_s, stored.contentType}, {u":user"_s, user},
                                      {u":key"_s, key.key}})
                           : c.scalar(kRelease, {{u":user"_s, user}, {u":key"_s, key.key}});
    if (!done) {
        // The answer still goes out; a retry with this key then waits out the claim.
        qCWarning(lcIdempotency, "could not store an idempotent answer: %s",
                qPrintable(done.error().detail));
    }
}

} // namespace influence::server::http::idempotency
