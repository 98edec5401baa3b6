// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

namespace influence::tests {

/// The figures the desktop tests report (start-up time, memory, event-loop stalls), written with
/// qCInfo(tests::measurements, "MEASURE …"). The test server's logging lets only warnings
/// through; this category stays on for info (set again on every use, as later filter rules
/// would switch it off).
inline const QLoggingCategory &measurements()
{
    static QLoggingCategory category("influence.measure");
    category.setEnabled(QtInfoMsg, true);
    return category;
}

} // namespace influence::tests
