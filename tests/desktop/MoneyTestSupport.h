// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the money desktop tests share: payment terms and offers as the API takes them, and
// MoneyFixture, which makes creators, launched campaigns and accepted deals over HTTP for a
// signed-in brand (the app's user) and makes a creator ready to be paid.
#include "DesktopTestSupport.h"
#include "core/db/Connection.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace influence::tests {

using namespace Qt::StringLiterals;

/// A day relative to today, as the API writes dates.
inline QString day(int fromToday)
{
    return QDate::currentDate().addDays(fromToday).toString(Qt::ISODate);
}

/// Payment terms: installments ({on, percent}) and net days.
inline QJsonObject terms(const QList<std::pair<QString, int>> &schedule, int netDays)
{
    QJsonArray items;
    for (const auto &[on, percent] : schedule) {
        items.append(QJsonObject{{u"on"_s, on}, {u"percent"_s, percent}});
    }
    return {{u"schedule"_s, items}, {u"netDays"_s, netDays}};
}

/// An offer of one reel due in 14 days for `fee` euro cents.
inline QJsonObject offer(qint64 fee, const QJsonObject &paymentTerms)
{
    return {{u"deliverables"_s,
                    QJsonArray{QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                            {u"quantity"_s, 1}, {u"dueDate"_s, day(14)}}}},
            {u"feeMinor"_s, fee}, {u"currency"_s, u"EUR"_s},
            {u"usageRights"_s, u"Organic use for 12 months."_s}, {u"maxRevisions"_s, 1},
            {u"paymentTerms"_s, paymentTerms}};
}

/// A DesktopFixture whose app is signed in as a brand: creators, campaigns and deals made over
/// HTTP, the database for what only the provider or time would change.
class MoneyFixture : public DesktopFixture
{
protected:
    struct Creator
    {
        QString name;
        QString email;
        QString token;
        QString profileId;
        QString dealId;
        qint64 fee = 0;
        qint64 dueNow = 0; ///< what acceptance makes payable
    };

    std::unique_ptr<server::db::Connection> m_db;
    int m_counter = 0;

    QString brandToken() const { return m_api->accessToken(); }

    /// A creator with a profile named `name` (empty fields, with a warning, when refused).
    Creator newCreator(const QString &name)
    {
        Creator creator;
        creator.name = name;
        creator.email = signUp(u"influencer"_s);
        creator.token = login(creator.email);
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Outdoors."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s},
                {u"languages"_s, QJsonArray{u"de"_s, u"en"_s}}};
        const auto put = m_http->send(
                "PUT", u"/api/v1/me/influencer"_s, compact(profile), as(creator.token));
        creator.profileId = put.json().value(u"id"_s).toString();
        return creator;
    }

    /// A launched campaign of the brand with this budget (EUR minor units).
    QString launchedCampaign(const QString &name, qint64 budget)
    {
        const QJsonObject body{{u"name"_s, name}, {u"brief"_s, u"Boots on summits."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, budget},
                {u"currency"_s, u"EUR"_s}, {u"startDate"_s, day(0)}, {u"endDate"_s, day(60)},
                {u"visibility"_s, u"public"_s}};
        const QString id =
                post(u"/api/v1/campaigns"_s, brandToken(), body).json().value(u"id"_s).toString();
        post(u"/api/v1/campaigns/%1/launch"_s.arg(id), brandToken());
        return id;
    }

    /// The brand invites the creator with `fee` and `paymentTerms`; answers the deal and its
    /// offer.
    std::pair<QString, QString> invite(
            const QString &campaign, const Creator &creator, qint64 fee, const QJsonObject &t)
    {
        const auto reply = post(u"/api/v1/campaigns/%1/invitations"_s.arg(campaign), brandToken(),
                {{u"influencerId"_s, creator.profileId}, {u"offer"_s, offer(fee, t)}});
        if (reply.status != 201) {
            qWarning("the invitation: %d %s", reply.status, reply.body.constData());
        }
        return {reply.json().value(u"id"_s).toString(),
                reply.json().value(u"latestOffer"_s).toObject().value(u"id"_s).toString()};
    }

    /// The creator accepts the brand's first offer over HTTP; answers the status.
    int acceptInvitation(const Creator &creator, const std::pair<QString, QString> &deal)
    {
        const auto reply = post(
                u"/api/v1/deals/%1/offers/%2/accept"_s.arg(deal.first, deal.second), creator.token);
        if (reply.status != 200) {
            qWarning("accepting: %d %s", reply.status, reply.body.constData());
        }
        return reply.status;
    }

    /// The creator has a payout account the provider enabled and a tax form received.
    void makeReady(const Creator &creator)
    {
        const auto reply = m_http->send("PUT", u"/api/v1/me/payout-account"_s,
                compact({{u"accountId"_s, u"acct_1%1"_s.arg(++m_counter)},
                        {u"taxForm"_s, u"W-8BEN"_s}, {u"taxFormReceivedOn"_s, day(-3)}}),
                as(creator.token));
        QCOMPARE(reply.status, 200);
        // payoutsEnabled comes from the provider's account.updated event; the test sets it.
        QVERIFY(m_db->execDirect(u"UPDATE payout_accounts SET payouts_enabled = true"_s));
    }
};

} // namespace influence::tests
