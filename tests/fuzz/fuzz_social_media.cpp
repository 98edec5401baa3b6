// SPDX-License-Identifier: Apache-2.0
// Fuzz target for what the social platforms answer about an account's recent posts: the media
// list and follow-up parsers of Instagram (/me/media, insights), YouTube (playlistItems,
// videos.list) and TikTok (/v2/video/list/) read the same bytes. Whatever the input, every item
// kept has an id, a valid publication time, figures >= 0 and an https URL or none, and the JSON
// the sync stores them with (sync::mediaJson) holds one entry per item.
#include "social/SocialProvider.h"
#include "social/Sync.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace influence::server;

namespace {

bool figureOk(const std::optional<qint64> &value)
{
    return !value || *value >= 0;
}

void check(const QList<social::MediaItem> &items)
{
    for (const social::MediaItem &item : items) {
        if (item.externalId.isEmpty() || item.externalId.size() > 200 || !item.publishedAt.isValid()
                || item.caption.size() > 5000
                || (!item.url.isEmpty() && !item.url.startsWith(QStringLiteral("https://")))
                || !figureOk(item.views) || !figureOk(item.impressions) || !figureOk(item.reach)
                || !figureOk(item.likes) || !figureOk(item.comments) || !figureOk(item.shares)
                || !figureOk(item.saves)) {
            std::abort();
        }
    }
    if (items.size() > social::kMediaPage
            || QJsonDocument::fromJson(social::sync::mediaJson(items)).array().size()
                    != items.size()) {
        std::abort();
    }
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    net::Fetched fetched;
    fetched.status = 200;
    fetched.body = QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const char *platform : {"instagram", "youtube", "tiktok"}) {
        const auto provider = social::makeProvider(
                {QString::fromLatin1(platform), QStringLiteral("client"), QStringLiteral("secret"),
                        QUrl(), QUrl(), QUrl(QStringLiteral("https://api.example.com"))});
        const auto items = provider->parseMedia(fetched);
        social::MediaRound round;
        if (items) {
            check(*items);
            round.items = *items;
        }
        if (round.items.isEmpty()) {
            social::MediaItem item;
            item.externalId = QStringLiteral("1");
            item.publishedAt = QDateTime::currentDateTimeUtc();
            round.items = {item, item};
        }
        const qsizetype details =
                provider->mediaDetails(QStringLiteral("token"), round.items).size();
        // Every follow-up index, and some that do not exist.
        for (qsizetype index = -1; index <= details + 1; ++index) {
            provider->parseMediaDetail(index, fetched, round);
        }
        check(round.items);
        if (round.accountReach && *round.accountReach < 0) {
            std::abort();
        }
    }
    return 0;
}
