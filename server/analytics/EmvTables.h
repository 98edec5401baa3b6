// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsTypes.h"
#include "core/db/Connection.h"
#include "core/http/Principal.h"

#include <QByteArray>
#include <QUuid>

#include <optional>

/// EMV tables (0012_analytics.sql): the built-in defaults and brands' own tables, what EMV
/// multiplies the figures by.
namespace influence::server::analytics {

/// {"items": [table…]}: the defaults, then the tables of the brands the caller acts for. Brand
/// staff and administrators (403 for creators).
common::Result<QByteArray> emvTables(db::Connection &c, const http::Principal &p);

/// Creates or replaces the brand's table for a currency: the caller's own brand, else the brand
/// they are staff of (`brand` picks one); 403 for users acting for no brand, 404 for a `brand`
/// they do not act for.
common::Result<QByteArray> saveEmvTable(db::Connection &c, const http::Principal &p,
        const QString &currency, const std::optional<QUuid> &brand,
        const common::EmvTableInput &input);

} // namespace influence::server::analytics
