// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the automation rule parser (rules/RuleDefinition): a rule body as brands send
// it. Whatever the input, an accepted rule has a known trigger, a delay within 30 days, one to five
// actions of known types, at most ten conditions, texts without unknown placeholders, and parsing
// its own normalized form again gives the same rule; a refused one names at least one field.
#include "rules/RuleDefinition.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace influence::server::rules;

namespace {

QJsonObject bodyOf(const RuleDefinition &rule)
{
    return {{u"name"_s, rule.name},
            {u"trigger"_s,
                    QJsonObject{{u"type"_s, rule.triggerType}, {u"params"_s, rule.triggerParams}}},
            {u"delayMinutes"_s, rule.delayMinutes}, {u"conditions"_s, rule.conditions},
            {u"actions"_s, rule.actions}, {u"enabled"_s, rule.enabled}};
}

void check(const RuleDefinition &rule)
{
    static const QRegularExpression placeholder(u"\\{\\{([^{}]*)\\}\\}"_s);
    if (!triggerTypes().contains(rule.triggerType) || rule.delayMinutes < 0
            || rule.delayMinutes > kMaxDelayMinutes || rule.actions.isEmpty()
            || rule.actions.size() > kMaxActions || rule.conditions.size() > kMaxConditions
            || rule.name.isEmpty() || rule.name.size() > kMaxNameLength) {
        std::abort();
    }
    for (const QJsonValue action : rule.actions) {
        const QString text = action[u"params"_s][u"text"_s].toString();
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            if (!placeholders().contains(it.next().captured(1).trimmed())) {
                std::abort();
            }
        }
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    const auto parsed = parseRuleDefinition(document.object());
    if (!parsed) {
        if (parsed.error().fieldErrors.isEmpty()) {
            std::abort();
        }
        return 0;
    }
    check(*parsed);
    const auto again = parseRuleDefinition(bodyOf(*parsed));
    if (!again || bodyOf(*again) != bodyOf(*parsed)) {
        std::abort();
    }
    return 0;
}
