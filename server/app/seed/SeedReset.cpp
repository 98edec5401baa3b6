// SPDX-License-Identifier: Apache-2.0
#include "SeedReset.h"

#include "core/db/Connection.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using influence::common::Result;

namespace influence::server::seed {

Result<void> deleteAllUsers(db::Connection &c)
{
    static const QStringList appendOnly{u"ledger_entries"_s, u"ledger_transfers"_s, u"audit_log"_s};
    for (const QString &table : appendOnly) {
        if (auto ok = c.execDirect(u"GRANT TRUNCATE ON %1 TO CURRENT_USER"_s.arg(table)); !ok) {
            return ok;
        }
        if (auto ok = c.execDirect(u"ALTER TABLE %1 DISABLE TRIGGER USER"_s.arg(table)); !ok) {
            return ok;
        }
    }
    if (auto ok = c.execDirect(u"TRUNCATE users CASCADE"_s); !ok) {
        return ok;
    }
    for (const QString &table : appendOnly) {
        if (auto ok = c.execDirect(u"ALTER TABLE %1 ENABLE TRIGGER USER"_s.arg(table)); !ok) {
            return ok;
        }
        if (auto ok = c.execDirect(u"REVOKE TRUNCATE ON %1 FROM CURRENT_USER"_s.arg(table)); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace influence::server::seed
