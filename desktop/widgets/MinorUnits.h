// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Money.h"

#include <QString>
#include <QtGlobal>

namespace influence::desktop {

/// Minor units in one major unit of `currency` (100 for EUR, 1 for JPY, 1000 for KWD; 1 for an
/// unknown code): the factor between an amount typed in a spin box and the API's minor units.
inline qint64 minorPerMajor(const QString &currency)
{
    qint64 scale = 1;
    for (int i = 0; i < common::currencyMinorDigits(currency); ++i) {
        scale *= 10;
    }
    return scale;
}

} // namespace influence::desktop
