// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace influence::desktop {

/// What the pipeline shows, as CSV (widgets/CsvExport.h: RFC 4180, a header row): the filters
/// it was made with, then one row per deal: creator, brand, campaign, state, the latest
/// offer's fee as amount and currency, overdue, and the last change (ISO 8601, UTC).
/// `campaignName` names the campaign filter (empty: every campaign).
QByteArray pipelineCsv(const QList<common::Deal> &deals, const common::DealQuery &query,
        const QString &campaignName);

/// The sum of the latest offers' fees per currency (a deal without an offer adds nothing).
QMap<QString, qint64> feeTotals(const QList<common::Deal> &deals);

/// When the deal last moved: the latest of its recorded moments (see PipelineCsv.cpp).
QDateTime lastChange(const common::Deal &deal);

/// The earliest due date of the latest offer's deliverables that is today or later, else the
/// latest one (all have passed); invalid when there is none.
QDate nextDueDate(const common::Deal &deal);

} // namespace influence::desktop
