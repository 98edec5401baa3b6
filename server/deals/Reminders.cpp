// SPDX-License-Identifier: Apache-2.0
#include "Reminders.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReminders, "influence.reminders")

namespace influence::server::deals {

namespace {
const db::SqlStatement kScan(u"SELECT reminders_scan(:appUrl)"_s);
} // namespace

jobs::Handler remindersJobHandler(QString appUrl)
{
    return [appUrl = std::move(appUrl)](const jobs::Job &job) -> common::Result<void> {
        const auto reminded = job.connection.scalar(kScan, {{u":appUrl"_s, appUrl}});
        if (!reminded) {
            return reminded.error();
        }
        if (reminded->toInt() > 0) {
            qCInfo(lcReminders, "%d reminder(s) sent", reminded->toInt());
        }
        return {};
    };
}

} // namespace influence::server::deals
