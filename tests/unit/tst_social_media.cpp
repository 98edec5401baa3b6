// SPDX-License-Identifier: Apache-2.0
// The media parsers of the social providers (server/social/*Provider.cpp) on answers in the
// platforms' documented shapes and on missing, mistyped and garbage fields: items without an id
// or a time are left out, figures that are no whole number >= 0 stay NULL, URLs that are no https
// are dropped, and nothing crashes.
#include "social/SocialProvider.h"
#include "social/Sync.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server;
using influence::common::ErrorCode;

namespace {

std::unique_ptr<social::SocialProvider> provider(const QString &platform)
{
    return social::makeProvider({platform, u"client"_s, u"secret"_s, QUrl(), QUrl(),
            QUrl(u"https://api.example.com/base"_s)});
}

net::Fetched answer(const QByteArray &body, int status = 200)
{
    net::Fetched fetched;
    fetched.status = status;
    fetched.body = body;
    return fetched;
}

const QDateTime kNoon(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

} // namespace

class TestSocialMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instagramMedia()
    {
        const auto ig = provider(u"instagram"_s);
        const auto call = ig->recentMedia(u"tok"_s, {});
        QVERIFY(call);
        QCOMPARE(call->request.url().path(), u"/base/me/media"_s);
        QVERIFY(call->request.url().query().contains(u"like_count"_s));
        const auto items = ig->parseMedia(answer(
                R"({"data":[{"id":"179","caption":"Hi","media_type":"VIDEO",)"
                R"("media_product_type":"REELS","permalink":"https://www.instagram.com/reel/A/",)"
                R"("timestamp":"2026-11-30T13:00:00+0100","like_count":7,"comments_count":2},)"
                R"({"id":180,"media_product_type":"STORY","timestamp":"2026-11-30T12:00:00+0000",)"
                R"("like_count":"many","comments_count":-1,"permalink":"http://insecure/"},)"
                R"({"id":"181","timestamp":"yesterday"},{"timestamp":"2026-11-30T12:00:00+0000"},)"
                R"({"id":{},"timestamp":"2026-11-30T12:00:00+0000"},null,5,)"
                R"({"id":"182","timestamp":"2026-11-30T12:00:00"},)"
                R"({"id":"183","timestamp":"2026-11-30T12:00:00Z","like_count":1.5}]})"));
        QVERIFY(items);
        QCOMPARE(items->size(), 3);
        const social::MediaItem &reel = items->at(0);
        QCOMPARE(reel.externalId, u"179"_s);
        QCOMPARE(reel.kind, u"reel"_s);
        QCOMPARE(reel.url, u"https://www.instagram.com/reel/A/"_s);
        QCOMPARE(reel.caption, u"Hi"_s);
        QCOMPARE(reel.publishedAt, kNoon); // +0100 read as an offset
        QCOMPARE(reel.likes, std::optional<qint64>(7));
        QCOMPARE(reel.comments, std::optional<qint64>(2));
        QVERIFY(!reel.reach && !reel.views && !reel.saves && !reel.shares);
        const social::MediaItem &story = items->at(1);
        QCOMPARE(story.externalId, u"180"_s);
        QCOMPARE(story.kind, u"story"_s);
        QVERIFY(story.url.isEmpty());
        QVERIFY(!story.likes && !story.comments);
        QCOMPARE(items->at(2).externalId, u"183"_s);
        QVERIFY(!items->at(2).likes); // 1.5 likes: garbage
        // Not a list, not JSON, refused.
        QCOMPARE(ig->parseMedia(answer(R"({"data":"x"})"))->size(), 0);
        QVERIFY(!ig->parseMedia(answer("<html>")));
        QVERIFY(!ig->parseMedia(answer("[]")));
        const auto refused = ig->parseMedia(answer(R"({"error":{"code":190}})", 401));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::BadRequest);
    }

    void instagramInsights()
    {
        const auto ig = provider(u"instagram"_s);
        social::MediaRound round;
        round.items.resize(14);
        for (qsizetype i = 0; i < round.items.size(); ++i) {
            round.items[i].externalId = QString::number(1000 + i);
        }
        const QList<social::Call> calls = ig->mediaDetails(u"tok"_s, round.items);
        QCOMPARE(calls.size(), 1 + social::kInsightPosts); // the account and the 12 newest
        QCOMPARE(calls.at(0).request.url().path(), u"/base/me/insights"_s);
        QCOMPARE(calls.at(1).request.url().path(), u"/base/1000/insights"_s);
        ig->parseMediaDetail(0,
                answer(R"({"data":[{"name":"reach","period":"day","total_value":{"value":5000}}]})"),
                round);
        QCOMPARE(round.accountReach, std::optional<qint64>(5000));
        ig->parseMediaDetail(1,
                answer(R"({"data":[{"name":"reach","values":[{"value":1000}]},)"
                       R"({"name":"views","values":[]},{"name":"saved","values":[{"value":-1}]},)"
                       R"({"name":"shares","values":[{"value":"7"}]},{"name":"likes","values":[{"value":9}]},)"
                       R"("garbage",{"values":[{"value":3}]}]})"),
                round);
        const social::MediaItem &first = round.items.at(0);
        QCOMPARE(first.reach, std::optional<qint64>(1000));
        QVERIFY(!first.views); // no value
        QVERIFY(!first.saves); // negative
        QCOMPARE(first.shares, std::optional<qint64>(7));
        QVERIFY(!first.likes); // not an insight we read
        // A failed request, garbage, an index that does not exist: nothing changes.
        ig->parseMediaDetail(2, answer(R"({"error":{"code":100}})", 400), round);
        ig->parseMediaDetail(3, answer("not json"), round);
        ig->parseMediaDetail(
                99, answer(R"({"data":[{"name":"reach","values":[{"value":1}]}]})"), round);
        ig->parseMediaDetail(
                -1, answer(R"({"data":[{"name":"reach","values":[{"value":1}]}]})"), round);
        QVERIFY(!round.items.at(1).reach && !round.items.at(2).reach);
        // A refusal about one post lets the others be asked; one for want of permission does not.
        QVERIFY(ig->parseMediaDetail(4, answer(R"({"error":{"code":100}})", 400), round));
        QVERIFY(!ig->parseMediaDetail(4, answer(R"({"error":{"code":10}})", 400), round));
        QVERIFY(!ig->parseMediaDetail(0, answer(R"({"error":{"code":200}})", 400), round));
        QVERIFY(!ig->parseMediaDetail(4, answer("{}", 403), round));
        QVERIFY(!round.items.at(13).reach);
    }

    void youtubeVideos()
    {
        const auto yt = provider(u"youtube"_s);
        social::MetricSnapshot account;
        QVERIFY(!yt->recentMedia(u"tok"_s, account)); // no uploads playlist: nothing to ask
        account.mediaList = u"UUabc"_s;
        const auto call = yt->recentMedia(u"tok"_s, account);
        QVERIFY(call);
        QCOMPARE(call->request.url().path(), u"/base/youtube/v3/playlistItems"_s);
        QVERIFY(call->request.url().query().contains(u"playlistId=UUabc"_s));
        QCOMPARE(call->request.rawHeader("Authorization"), QByteArray("Bearer tok"));
        auto items = yt->parseMedia(answer(
                R"({"items":[{"snippet":{"title":"First"},"contentDetails":{"videoId":"v1",)"
                R"("videoPublishedAt":"2026-11-30T12:00:00Z"}},)"
                R"({"snippet":{"title":"Private video"},"contentDetails":{"videoId":"v2"}},)"
                R"({"contentDetails":{"videoId":"v3","videoPublishedAt":"2026-11-30T12:00:00.000Z"}},)"
                R"({"contentDetails":{"videoPublishedAt":"2026-11-30T12:00:00Z"}},null,"x"]})"));
        QVERIFY(items);
        QCOMPARE(items->size(), 2);
        QCOMPARE(items->at(0).url, u"https://www.youtube.com/watch?v=v1"_s);
        QCOMPARE(items->at(0).kind, u"video"_s);
        QCOMPARE(items->at(1).publishedAt, kNoon);
        social::MediaRound round{*items, std::nullopt};
        const QList<social::Call> calls = yt->mediaDetails(u"tok"_s, round.items);
        QCOMPARE(calls.size(), 1);
        QVERIFY(calls.at(0).request.url().query().contains(u"id=v1%2Cv3"_s));
        yt->parseMediaDetail(0,
                answer(R"({"items":[{"id":"v1","snippet":{"title":"First!"},)"
                       R"("statistics":{"viewCount":"10000","likeCount":"500","commentCount":"50"}},)"
                       R"({"id":"v3","statistics":{"viewCount":"12x","commentCount":"-3",)"
                       R"("likeCount":99999999999999999999}},{"id":"unknown","statistics":{"viewCount":"1"}},)"
                       R"({"id":["v1"]}]})"),
                round);
        QCOMPARE(round.items.at(0).views, std::optional<qint64>(10000));
        QCOMPARE(round.items.at(0).likes, std::optional<qint64>(500));
        QCOMPARE(round.items.at(0).comments, std::optional<qint64>(50));
        QCOMPARE(round.items.at(0).caption, u"First!"_s);
        QVERIFY(!round.items.at(0).shares && !round.items.at(0).saves);
        QVERIFY(!round.items.at(1).views && !round.items.at(1).likes
                && !round.items.at(1).comments);
        QVERIFY(yt->mediaDetails(u"tok"_s, {}).isEmpty());
    }

    void tiktokVideos()
    {
        const auto tt = provider(u"tiktok"_s);
        const auto call = tt->recentMedia(u"tok"_s, {});
        QVERIFY(call && call->form);
        QCOMPARE(call->request.url().path(), u"/base/v2/video/list/"_s);
        QCOMPARE(call->request.header(QNetworkRequest::ContentTypeHeader).toString(),
                u"application/json"_s);
        QCOMPARE(QJsonDocument::fromJson(*call->form).object().value(u"max_count"_s).toInt(), 20);
        const auto items = tt->parseMedia(
                answer(R"({"data":{"videos":[{"id":"73","title":"Clip","create_time":1764504000,)"
                       R"("share_url":"https://www.tiktok.com/@x/video/73","view_count":20000,)"
                       R"("like_count":1000,"comment_count":100,"share_count":10},)"
                       R"({"id":"74","create_time":"abc"},{"id":"75","create_time":1e20},)"
                       R"({"id":"76","create_time":1764504000,"view_count":"7","like_count":-1,)"
                       R"("share_url":"javascript:void")"
                       R"(}],"cursor":0,"has_more":false)"
                       R"(})"
                       R"(, "error":)"
                       R"({)"
                       R"("code" : "ok", "message" : "", "log_id" : "x")"
                       R"(})"
                       R"(})"));
        QVERIFY(items);
        QCOMPARE(items->size(), 2);
        const social::MediaItem &clip = items->at(0);
        QCOMPARE(clip.publishedAt, QDateTime::fromSecsSinceEpoch(1764504000, Qt::UTC));
        QCOMPARE(clip.shares, std::optional<qint64>(10));
        QCOMPARE(clip.views, std::optional<qint64>(20000));
        QVERIFY(!clip.saves && !clip.reach);
        QCOMPARE(items->at(1).views, std::optional<qint64>(7)); // a decimal string
        QVERIFY(!items->at(1).likes);
        QVERIFY(items->at(1).url.isEmpty());
        const auto refused = tt->parseMedia(
                answer(R"({"data":{},"error":{"code":"scope_not_authorized","message":"x"}})"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::BadRequest);
        QCOMPARE(tt->parseMedia(answer(R"({"data":{"videos":{}}})"))->size(), 0);
    }

    void storedJsonKeepsNulls()
    {
        social::MediaItem item;
        item.externalId = u"1"_s;
        item.publishedAt = kNoon;
        item.likes = 0;
        const QJsonObject stored =
                QJsonDocument::fromJson(social::sync::mediaJson({item})).array().first().toObject();
        QCOMPARE(stored.value(u"likes"_s), QJsonValue(0));
        QVERIFY(stored.value(u"comments"_s).isNull());
        QVERIFY(stored.value(u"url"_s).isNull());
        QCOMPARE(stored.value(u"publishedAt"_s).toString(), u"2026-11-30T12:00:00.000Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestSocialMedia)
#include "tst_social_media.moc"
