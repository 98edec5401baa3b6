// SPDX-License-Identifier: Apache-2.0
// Fuzz target for the desktop's readers of server answers (common/*Api.h and *Types.h: every
// fromJson), the payment terms as stored, and the problem documents the desktop turns into
// errors (common/Problem). The first byte picks the reader (and the HTTP status of a problem),
// the rest is the answer's body. Whatever a server (or something pretending to be one) answers,
// reading it neither crashes nor hangs, and a problem document read back gives an error whose
// code and field errors survive being written as a problem again.
#include "common/AnalyticsApi.h"
#include "common/AuthApi.h"
#include "common/CollabApi.h"
#include "common/DiscoveryApi.h"
#include "common/ForecastApi.h"
#include "common/MoneyTypes.h"
#include "common/NotificationTypes.h"
#include "common/PaymentTerms.h"
#include "common/Problem.h"
#include "common/ProfileApi.h"
#include "common/RecommendationsApi.h"
#include "common/RuleTypes.h"
#include "common/ShortlistTypes.h"
#include "common/SystemApi.h"
#include "common/ToDoTypes.h"
#include "common/WebhookTypes.h"

#include <QByteArray>
#include <QJsonDocument>

#include <array>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

using Reader = void (*)(const QJsonObject &);

const std::array<Reader, 59> kReaders{
        [](const QJsonObject &j) {
            (void)AnalyticsFigures::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AnalyticsKpis::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AnalyticsPoint::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AnalyticsPost::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AnalyticsCreator::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)EmvTable::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)CampaignAnalytics::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AnalyticsOverview::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)CreatorAnalytics::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)PostMetricsHistory::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)UserAccount::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AuthTokens::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Campaign::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Offer::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)DeliverableVersion::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Deliverable::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)DealEvent::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Deal::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Message::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Notification::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)DiscoveryItem::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)DiscoveryPage::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AuthenticityEvent::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ConnectedAccount::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)InfluencerProfile::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)MetricSeries::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RecommendationFacts::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RecommendationFactorScore::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Recommendation::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RecommendationPage::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)SimilarCreator::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)SimilarCreators::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ServerVersion::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Readiness::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)CampaignBudget::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Payout::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)PayoutReadiness::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Earnings::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)PayoutAccount::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)LedgerEntry::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)AuditEntry::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)NotificationSettings::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RuleDefinition::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Rule::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RuleTemplate::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RuleFiring::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)RuleDryRun::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)Shortlist::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ShortlistMember::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ShortlistInviteResult::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ShortlistPage<Shortlist>::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ToDoItem::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ToDoGroup::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ToDos::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)WebhookEndpoint::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)WebhookEndpointSecret::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)WebhookDelivery::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)BrandProfile::fromJson(j);
        },
        [](const QJsonObject &j) {
            (void)ActingBrand::fromJson(j);
        },
};

/// The statuses a problem may come with: the 4xx and 5xx the server answers, and odd ones.
constexpr std::array<int, 12> kStatuses{400, 401, 403, 404, 409, 413, 422, 429, 500, 503, 200, 0};

void checkProblem(int status, const QByteArray &body)
{
    const Error error = errorFromProblem(status, body);
    const Error again =
            errorFromProblem(status, QJsonDocument(problemToJson(error, u"r"_s, u"/x"_s)).toJson());
    if (again.code != error.code || again.fieldErrors != error.fieldErrors) {
        std::abort();
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const QByteArray body(
            reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size) - 1);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const std::size_t pick = data[0];
    if (pick < kReaders.size()) {
        kReaders.at(pick)(json);
    } else if (pick < kReaders.size() + 8) {
        (void)AccountForecast::fromJson(json, {0.8, 0.95});
        (void)paymentTermsFromJson(json);
        (void)timeOfDayFromString(json.value(u"time"_s).toString());
    } else {
        checkProblem(kStatuses.at(pick % kStatuses.size()), body);
    }
    return 0;
}
