// SPDX-License-Identifier: Apache-2.0
#include "Digest.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDigest, "influence.digest")

namespace influence::server::notifications {

namespace {
const db::SqlStatement kDigests(u"SELECT notification_digests()"_s);
} // namespace

common::Result<void> sendDigests(const jobs::Job &job)
{
    const auto sent = job.connection.scalar(kDigests);
    if (!sent) {
        return sent.error();
    }
    if (sent->toInt() > 0) {
        qCInfo(lcDigest, "%d digest(s) written", sent->toInt());
    }
    return {};
}

} // namespace influence::server::notifications
