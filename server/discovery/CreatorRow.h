// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace influence::server::discovery {

/// A creator as the database describes them to discovery: the profile's columns, the accounts
/// that are not disconnected and the rates. The index's input (DiscoveryIndexLoader reads it).
struct CreatorRow
{
    struct Account
    {
        QString platform;
        qint64 followers = 0;
    };
    struct Rate
    {
        QString deliverableType;
        QString currency;
        qint64 amountMinor = 0;
    };

    QUuid id;
    /// Whether the creator may be found: a profile exists and the user is active. Applying a row
    /// that is not visible removes the creator; its other members are not read.
    bool visible = true;
    qint64 totalFollowers = 0;
    std::optional<float> engagementRate;
    std::optional<float> growth30d;
    std::optional<int> authenticityScore; ///< 0–100
    QString country; ///< empty: none
    /// At most 10 each (0001's CHECKs); the index keeps the first 10.
    QStringList niches;
    QStringList languages;
    /// influencer_details.platforms: those of the accounts (refresh_influencer_aggregates).
    QStringList platforms;
    QList<Account> accounts;
    QList<Rate> rates;
    /// The creator's item in a search's answer, compact JSON as QJsonDocument writes it.
    QByteArray item;

    /// What recommendations read beyond discovery (CreatorSink): the whole bio, the captions of
    /// the creator's most recent posts (one a line), the audience of their accounts that are not
    /// disconnected (follower-weighted shares per country and language; empty: no data), and
    /// whether one of their accounts is verified (connected through the platform).
    struct AudienceShare
    {
        QString dimension; ///< country or language
        QString code;
        float share = 0;
    };
    QString bio;
    QString captions;
    QList<AudienceShare> audience;
    bool verified = false;
};

} // namespace influence::server::discovery
