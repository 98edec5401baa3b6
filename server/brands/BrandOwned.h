// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Result.h"
#include "core/db/Connection.h"
#include "core/db/SqlStatement.h"
#include "core/http/Principal.h"

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace influence::server::brands {

/// The optional `brandId` of a create body (on the HTTP thread): none when absent or null, 422
/// `invalid_format` at `brandId` when it is not a UUID. Which brand it may be is the aggregate's
/// check, in the transaction.
common::Result<std::optional<QUuid>> brandIdOf(const QJsonObject &body);

/// What a route means to do with a brand's object.
enum class Intent { Read, Write };

/// The access rule the objects a brand owns share (automation rules, shortlists, webhook
/// endpoints): the brand's owner and staff read and change them; administrators read every one
/// and change none but their own brands'; another brand's people get 404, as if the object did
/// not exist, and creators 403. Declared once per table, as a `static const` in the domain's
/// aggregate file.
class BrandOwned
{
public:
    /// The problems' sentences, in the domain's words.
    struct Words
    {
        QString notFound; ///< "No such rule."
        QString creators; ///< "Rules are the brand's side's."
        QString onlyStaff; ///< "Only the brand's staff change its rules."
    };

    /// `table` has the object's `id` and its `brand_id`.
    BrandOwned(const QString &table, Words words);

    /// The object's brand once the caller may do what `intent` says; a write locks the row
    /// (FOR NO KEY UPDATE) until the transaction ends.
    common::Result<QUuid> access(
            db::Connection &c, const http::Principal &p, const QUuid &id, Intent intent) const;
    /// The creators' refusal, for routes that name no object.
    common::Error creatorsRefused() const;

private:
    db::SqlStatement m_read;
    db::SqlStatement m_locked;
    Words m_words;
};

} // namespace influence::server::brands
