// SPDX-License-Identifier: Apache-2.0
#include "SqlStatement.h"

#include <atomic>

namespace influence::server::db {

namespace {
std::atomic<int> g_nextId{0};
} // namespace

SqlStatement::SqlStatement(QString sql)
    : m_sql(std::move(sql))
    , m_id(g_nextId.fetch_add(1))
{ }

} // namespace influence::server::db
