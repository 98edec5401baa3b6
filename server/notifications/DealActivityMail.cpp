// SPDX-License-Identifier: Apache-2.0
#include "DealActivityMail.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace influence::server::notifications {

namespace {
const db::SqlStatement kMail(u"SELECT deal_activity_mail(CAST(:payload AS jsonb), :appUrl)"_s);
} // namespace

jobs::Handler dealActivityMailHandler(QString appUrl)
{
    return [appUrl = std::move(appUrl)](const jobs::Job &job) -> common::Result<void> {
        const auto written = job.connection.scalar(kMail,
                {{u":payload"_s,
                         QString::fromUtf8(
                                 QJsonDocument(job.payload).toJson(QJsonDocument::Compact))},
                        {u":appUrl"_s, appUrl}});
        if (!written) {
            return written.error();
        }
        return {};
    };
}

} // namespace influence::server::notifications
