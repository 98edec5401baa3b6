// SPDX-License-Identifier: Apache-2.0
#include "RetryPage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace influence::desktop {

RetryPage makeRetryPage(const QString &labelName, const QString &retryName)
{
    RetryPage error;
    error.page = new QWidget;
    auto *layout = new QVBoxLayout(error.page);
    error.label = new QLabel;
    error.label->setObjectName(labelName);
    error.label->setWordWrap(true);
    error.label->setAlignment(Qt::AlignCenter);
    error.retry = new QPushButton;
    error.retry->setObjectName(retryName);
    layout->addStretch();
    layout->addWidget(error.label);
    layout->addWidget(error.retry, 0, Qt::AlignCenter);
    layout->addStretch();
    return error;
}

} // namespace influence::desktop
