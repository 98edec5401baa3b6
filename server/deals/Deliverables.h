// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "DealAccess.h"
#include "core/db/Pages.h"

#include <QByteArray>

#include <optional>

/// Deliverables of accepted deals and the approval of their content: the creator submits a draft
/// as a new version (pending or changes_requested → in_review; an accepted deal moves to
/// in_progress), the brand's side reviews the version in review (→ approved, or
/// changes_requested while revision rounds remain), the creator posts the live URL of an
/// approved deliverable (→ live); when every deliverable of the deal is live the deal completes
/// in the same transaction. Each answers the deliverable with its versions.
namespace influence::server::deals::deliverables {

struct ListQuery
{
    std::optional<QUuid> deal;
    bool overdueOnly = false;
    db::Page page;
};

common::Result<QByteArray> read(db::Connection &c, const http::Principal &p, const QUuid &id);
/// Deliverables of the caller's deals (live ones excluded when overdueOnly), by due date.
common::Result<QByteArray> list(
        db::Connection &c, const http::Principal &p, const ListQuery &query);
common::Result<QByteArray> submit(db::Connection &c, const http::Principal &p, const QUuid &id,
        const common::DraftInput &draft);
common::Result<QByteArray> review(db::Connection &c, const http::Principal &p, const QUuid &id,
        int version, const common::ReviewInput &review);
common::Result<QByteArray> goLive(
        db::Connection &c, const http::Principal &p, const QUuid &id, const QString &url);

} // namespace influence::server::deals::deliverables
