// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Domain.h"
#include "Money.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace influence::common {

/// What a creator charges for one deliverable of a type.
struct Rate
{
    DeliverableType type = DeliverableType::Post;
    Money price;
};

/// The editable part of an influencer profile, validated. The server stores it; the desktop app
/// checks a form with the same rules before sending it.
struct InfluencerProfileInput
{
    QString displayName;
    QString bio;
    QStringList niches;
    QString country; ///< empty: not given
    QStringList languages;
    QList<Rate> rates;

    /// The body a PUT takes (and a GET answers, for these fields).
    QJsonObject toJson() const;
};

/// The editable part of a brand profile, validated.
struct BrandProfileInput
{
    QString companyName;
    QString website; ///< empty: not given
    QString industry;
    QString country;

    QJsonObject toJson() const;
};

/// A social account added by hand (not verified with the platform).
struct ManualAccountInput
{
    Platform platform = Platform::Instagram;
    QString handle;
    QString profileUrl; ///< empty: not given
};

namespace profiles {

constexpr int kMaxNiches = 10;
constexpr int kMaxLanguages = 10;

/// The whole editable profile (PUT; a PATCH is merged into the current profile first). Fields
/// other than the editable ones are ignored. Errors name each offending field
/// ("rates[1].currency").
Result<InfluencerProfileInput> validateInfluencer(const QJsonObject &body);
Result<BrandProfileInput> validateBrand(const QJsonObject &body);
/// Which fields of an account a validation checks.
enum class AccountFields {
    All, ///< every field, required ones too (adding an account)
    Given, ///< only those the body has (PATCH of an account: handle, profileUrl)
};
Result<ManualAccountInput> validateManualAccount(
        const QJsonObject &body, AccountFields fields = AccountFields::All);

/// A handle as stored: trimmed, without a leading '@'.
QString normalizedHandle(const QString &handle);

/// `current` with the editable fields of `patch` laid over it (JSON merge patch, RFC 7396, one
/// level deep: null removes an optional field).
QJsonObject merged(QJsonObject current, const QJsonObject &patch, const QStringList &editable);

} // namespace profiles

} // namespace influence::common
