// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QLabel;
class QPushButton;
class QWidget;

namespace influence::desktop {

/// The error page of a view's loading / empty / error stack: the message, centred and
/// wrapped, above a Retry button, both centred on the page. The view sets their texts.
struct RetryPage
{
    QWidget *page = nullptr;
    QLabel *label = nullptr;
    QPushButton *retry = nullptr;
};

/// Builds a RetryPage whose label and button have these object names.
RetryPage makeRetryPage(const QString &labelName, const QString &retryName);

} // namespace influence::desktop
