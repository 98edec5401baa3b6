// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Webhooks.h"
#include "core/jobs/JobWorker.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace influence::server::webhooks {

constexpr const char *kDeliverJob = "webhooks.deliver";
constexpr const char *kWebhooksQueue = "webhooks";

/// The Standard Webhooks signature: "v1," + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")).
QByteArray signature(QByteArrayView key, QByteArrayView id, qint64 timestamp, QByteArrayView body);

/// Sends one delivery (payload {"delivery": "msg_…"}): resolves and re-checks the target, POSTs
/// the payload signed with the endpoint's secret (and its previous one during the overlap) over
/// libcurl pinned to the checked addresses, and records the outcome. A failure schedules the next
/// attempt (settings.retrySeconds) as a new job, or fails the delivery after the last; an
/// endpoint failing past the bound is disabled and its brand's staff are notified (in the app and
/// by mail). Only database failures fail the job itself.
jobs::Handler deliverJobHandler(ContextPtr context);

} // namespace influence::server::webhooks
