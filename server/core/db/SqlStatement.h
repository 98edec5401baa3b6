// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace influence::server::db {

/// A SQL statement known at compile time. Each gets a small process-wide id, so that every
/// connection can keep it prepared in a vector slot and reuse it (measured: preparing once per
/// connection doubles throughput over preparing per request). Declare them as `static const`
/// objects in repositories; named binds (`:id`) only, never SQL assembled from input.
class SqlStatement
{
public:
    explicit SqlStatement(QString sql);
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    int id() const { return m_id; }
    const QString &sql() const { return m_sql; }

private:
    QString m_sql;
    int m_id;
};

} // namespace influence::server::db
