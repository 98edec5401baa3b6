// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>

namespace influence::server::rules {

/// The rule templates GET /rules/templates lists: [{code, name, description, rule}], where rule
/// is {name, trigger, delayMinutes, conditions, actions} ready to POST (shortlist_viral_post
/// needs its shortlistId filled in first).
const QJsonArray &ruleTemplates();

} // namespace influence::server::rules
