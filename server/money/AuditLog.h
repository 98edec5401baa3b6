// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/db/Pages.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

/// The audit log (0010_money.sql, written by triggers where the changes happen): every money,
/// budget, role and campaign-setting change with actor, time, before and after. Append-only.
namespace influence::server::money {

struct AuditQuery
{
    std::optional<QUuid> brand;
    QString action; ///< exact ("payout.paid") or a prefix ending in '.' ("payout.")
    std::optional<QDateTime> since;
    std::optional<QDateTime> until;
    db::Page page;
};

/// Administrators read everything; a brand's owner reads their brand's entries; anyone else 403.
common::Result<QByteArray> auditLog(
        db::Connection &c, const http::Principal &p, const AuditQuery &query);
common::Result<void> eachAuditEntry(db::Connection &c, const http::Principal &p,
        const AuditQuery &query, const std::function<bool(const QByteArray &)> &row);

} // namespace influence::server::money
