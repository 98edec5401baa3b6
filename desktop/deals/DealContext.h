// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabTypes.h"

namespace influence::desktop {

/// What the deal page's tabs need to know, besides the deal, to offer a step: which side the
/// user is on and whether the page may take one now.
struct DealContext
{
    common::DealSide side = common::DealSide::Brand;
    bool loaded = false; ///< the deal is on screen
    bool busy = false; ///< a step is on its way to the server
    bool settled = false; ///< everything the page asked for has arrived (no stale detail)
};

} // namespace influence::desktop
