// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QString>

namespace influence::desktop {

/// Plain-language, translated text for errors. The server's English detail is shown only as
/// supporting information; the headline comes from the stable error code.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString headline(const common::Error &error);
    static QString detail(const common::Error &error);
    /// The headline and, after it, the server's detail: one sentence for a status line.
    static QString sentence(const common::Error &error);
};

} // namespace influence::desktop
