// SPDX-License-Identifier: Apache-2.0
#include "AuditLog.h"

#include "core/db/JsonRows.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::db::Binds;
using influence::server::db::Connection;
using influence::server::db::SqlStatement;
using influence::server::http::Principal;

namespace influence::server::money {

namespace {

const SqlStatement kOwnsBrand(u"SELECT 1 FROM brand_details WHERE user_id = :user"_s);

Result<QString> auditSql(Connection &c, const Principal &p, const AuditQuery &query, Binds &binds)
{
    QStringList where;
    if (!p.isAdmin()) {
        const auto owner = c.scalar(kOwnsBrand, {{u":user"_s, p.userId()}});
        if (!owner) {
            return owner.error();
        }
        if (owner->isNull()) {
            return Error::make(ErrorCode::Forbidden,
                    u"Only administrators and brand owners read the audit log."_s);
        }
        where << u"l.brand_id = :owner"_s;
        binds << std::pair(u":owner"_s, p.userId());
    }
    if (query.brand) {
        where << u"l.brand_id = :brand"_s;
        binds << std::pair(u":brand"_s, *query.brand);
    }
    if (query.action.endsWith(u'.')) {
        where << u"starts_with(l.action, :action)"_s;
        binds << std::pair(u":action"_s, query.action);
    } else if (!query.action.isEmpty()) {
        where << u"l.action = :action"_s;
        binds << std::pair(u":action"_s, query.action);
    }
    if (query.since) {
        where << u"l.at >= CAST(:since AS timestamptz)"_s;
        binds << std::pair(u":since"_s, query.since->toString(Qt::ISODateWithMs));
    }
    if (query.until) {
        where << u"l.at < CAST(:until AS timestamptz)"_s;
        binds << std::pair(u":until"_s, query.until->toString(Qt::ISODateWithMs));
    }
    where << u"l.id < :after"_s;
    return QString(u"SELECT api_audit_json(l)::text, l.id FROM audit_log l WHERE "_s
            + where.join(u" AND "_s) + u" ORDER BY l.id DESC LIMIT :limit"_s);
}

} // namespace

Result<QByteArray> auditLog(Connection &c, const Principal &p, const AuditQuery &query)
{
    Binds binds;
    const auto sql = auditSql(c, p, query, binds);
    if (!sql) {
        return sql.error();
    }
    return db::runPage(c, *sql, binds, query.page);
}

Result<void> eachAuditEntry(Connection &c, const Principal &p, const AuditQuery &query,
        const std::function<bool(const QByteArray &)> &row)
{
    Binds binds;
    const auto sql = auditSql(c, p, query, binds);
    if (!sql) {
        return sql.error();
    }
    return db::forEachRow(c, *sql, binds, db::Page::Order::NewestFirst, row);
}

} // namespace influence::server::money
