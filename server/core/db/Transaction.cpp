// SPDX-License-Identifier: Apache-2.0
#include "Transaction.h"

using namespace Qt::StringLiterals;

namespace influence::server::db::detail {

common::Result<void> setIsolation(Connection &connection, Isolation isolation)
{
    // Must be the first statement of the transaction (PostgreSQL SET TRANSACTION).
    switch (isolation) {
    case Isolation::ReadCommitted: return {};
    case Isolation::RepeatableRead:
        return connection.execDirect(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s);
    case Isolation::Serializable:
        return connection.execDirect(u"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"_s);
    }
    return {};
}

} // namespace influence::server::db::detail
