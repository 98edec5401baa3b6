// SPDX-License-Identifier: Apache-2.0
#include "ToDos.h"

#include "core/db/JsonRows.h"

using namespace Qt::StringLiterals;

namespace influence::server::deals {

namespace {

const db::SqlStatement kToDos(
        u"SELECT api_todos_json(:user, CAST(:creator AS boolean), CAST(:limit AS integer))::text"_s);

} // namespace

common::Result<QByteArray> toDos(db::Connection &c, const http::Principal &p, int limit)
{
    return db::json(c, kToDos,
            {{u":user"_s, p.userId()}, {u":creator"_s, p.role() == common::UserRole::Influencer},
                    {u":limit"_s, limit}});
}

} // namespace influence::server::deals
