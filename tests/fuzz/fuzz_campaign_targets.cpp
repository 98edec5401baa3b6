// SPDX-License-Identifier: Apache-2.0
// Fuzz target for a campaign's KPI targets as clients send them (validateCampaignCommand and
// its `targets`) and for the campaign forecast as the desktop reads it
// (CampaignForecast::fromJson). Whatever the input: targets accepted are within their ranges
// and read back the same from the JSON a client sends; a forecast is read or refused, never a
// crash.
#include "common/CampaignTargets.h"
#include "common/ForecastApi.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace influence::common;

namespace {

bool inRange(const std::optional<qint64> &value, qint64 max)
{
    return !value || (*value >= 1 && *value <= max);
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QJsonObject body = QJsonDocument::fromJson(input).object();
    const auto targets = collab::validateCampaignTargets(body);
    if (targets) {
        const CampaignTargets &t = *targets;
        if (!inRange(t.views, collab::kMaxTargetTotal)
                || !inRange(t.engagements, collab::kMaxTargetTotal)
                || !inRange(t.reach, collab::kMaxTargetTotal)
                || !inRange(t.maxCpeMinor, collab::kMaxTargetCeilingMinor)
                || !inRange(t.maxCpmMinor, collab::kMaxTargetCeilingMinor)) {
            std::abort();
        }
        const QJsonObject sent{{QStringLiteral("targets"), collab::targetsJson(t)}};
        const auto again = collab::validateCampaignTargets(sent);
        if (!again || !(*again == t)) {
            std::abort(); // what a client sends reads back the same
        }
    }
    const auto command = collab::validateCampaignCommand(body);
    if (command && (!targets || !(command->targets == *targets))) {
        std::abort(); // the command's targets are the targets' own validation
    }
    if (const auto forecast = CampaignForecast::fromJson(body)) {
        if (forecast->campaignId.isEmpty()) {
            std::abort();
        }
        for (const CampaignTargetChance &target : forecast->targets) {
            if (target.metric.isEmpty()) {
                std::abort();
            }
        }
    }
    return 0;
}
