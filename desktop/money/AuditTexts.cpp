// SPDX-License-Identifier: Apache-2.0
#include "AuditTexts.h"

#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <optional>

using namespace Qt::StringLiterals;
using influence::common::AuditEntry;

namespace influence::desktop {

QString AuditTexts::action(const QString &action)
{
    static const QList<std::pair<QString, const char *>> actions{
            {u"campaign.budget_changed"_s, QT_TR_NOOP("Budget changed")},
            {u"campaign.status_changed"_s, QT_TR_NOOP("Campaign status changed")},
            {u"campaign.settings_changed"_s, QT_TR_NOOP("Campaign settings changed")},
            {u"payout.scheduled"_s, QT_TR_NOOP("Payout scheduled")},
            {u"payout.approved"_s, QT_TR_NOOP("Payout approved")},
            {u"payout.processing"_s, QT_TR_NOOP("Payout sent to the provider")},
            {u"payout.paid"_s, QT_TR_NOOP("Payout paid")},
            {u"payout.failed"_s, QT_TR_NOOP("Payout failed")},
            {u"payout.cancelled"_s, QT_TR_NOOP("Payout cancelled")},
            {u"brand.member_added"_s, QT_TR_NOOP("Team member added")},
            {u"brand.member_removed"_s, QT_TR_NOOP("Team member removed")},
            {u"user.role_changed"_s, QT_TR_NOOP("Role changed")},
            {u"user.status_changed"_s, QT_TR_NOOP("Account status changed")}};
    for (const auto &[wire, text] : actions) {
        if (wire == action) {
            return tr(text);
        }
    }
    // A deal's move: "Deal: Accepted".
    if (action.startsWith(u"deal."_s)) {
        if (const auto state = common::collabFromString<common::DealState>(action.mid(5))) {
            return tr("Deal: %1").arg(Names::dealState(*state));
        }
    }
    return action;
}

QString AuditTexts::object(const AuditEntry &entry, const ObjectNames &names)
{
    const QString shortId = entry.objectId.left(8);
    if (entry.objectType == u"campaign"_s) {
        const QString name = names.campaigns.value(entry.objectId);
        return name.isEmpty() ? tr("Campaign %1").arg(shortId) : tr("Campaign “%1”").arg(name);
    }
    if (entry.objectType == u"deal"_s) {
        const QString creator = names.deals.value(entry.objectId);
        return creator.isEmpty() ? tr("Deal %1").arg(shortId) : tr("Deal with %1").arg(creator);
    }
    if (entry.objectType == u"payout"_s) {
        const auto known = names.payouts.constFind(entry.objectId);
        const QString name = known == names.payouts.cend()
                ? QString()
                : tr("%1 to %2").arg(Formats::money(known->first), known->second);
        return name.isEmpty() ? tr("Payout %1").arg(shortId) : tr("Payout of %1").arg(name);
    }
    if (entry.objectType == u"brand"_s) {
        return tr("Brand");
    }
    return tr("%1 %2").arg(entry.objectType, shortId);
}

namespace {

/// A state or status in words, where the key names one of the object's.
std::optional<QString> stateName(const AuditEntry &entry, const QString &key, const QString &wire)
{
    if (key == u"state"_s && entry.objectType == u"payout"_s) {
        if (const auto state = common::moneyFromString<common::PayoutState>(wire)) {
            return Names::payoutState(*state);
        }
    }
    if (key == u"state"_s && entry.objectType == u"deal"_s) {
        if (const auto state = common::collabFromString<common::DealState>(wire)) {
            return Names::dealState(*state);
        }
    }
    if (key == u"status"_s && entry.objectType == u"campaign"_s) {
        if (const auto status = common::collabFromString<common::CampaignStatus>(wire)) {
            return Names::campaignStatus(*status);
        }
    }
    return std::nullopt;
}

/// Any other value: times and days in the user's locale, numbers, JSON as it is.
QString plainValue(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (text.size() > 10 && time.isValid()) {
            return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
        }
        const QDate day = QDate::fromString(text, Qt::ISODate);
        return day.isValid() ? QLocale().toString(day, QLocale::ShortFormat) : text;
    }
    if (value.isDouble() || value.isBool()) {
        return value.toVariant().toString();
    }
    return QString::fromUtf8(value.isArray()
                    ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                    : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

QString AuditTexts::valueText(const AuditEntry &entry, const ObjectNames &names, const QString &key,
        const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined()) {
        return tr("–");
    }
    if (key == u"budget_minor"_s || key == u"amountMinor"_s || key == u"feeMinor"_s) {
        QString currency = entry.after.value(u"currency"_s).toString();
        if (currency.isEmpty()) {
            currency = names.campaignBudgets.value(entry.objectId).currency;
        }
        if (common::isCurrencyCode(currency)) {
            return Formats::money({value.toInteger(), currency});
        }
    }
    if (const auto state = stateName(entry, key, value.toString())) {
        return *state;
    }
    if (key == u"method"_s) {
        return value.toString() == u"offline"_s ? tr("paid elsewhere") : tr("payment provider");
    }
    return plainValue(value);
}

QString AuditTexts::change(const AuditEntry &entry, const ObjectNames &names)
{
    static const QHash<QString, const char *> labels{{u"budget_minor"_s, QT_TR_NOOP("Budget")},
            {u"status"_s, QT_TR_NOOP("Status")}, {u"state"_s, QT_TR_NOOP("State")},
            {u"amountMinor"_s, QT_TR_NOOP("Amount")}, {u"feeMinor"_s, QT_TR_NOOP("Fee")},
            {u"reference"_s, QT_TR_NOOP("Reference")}, {u"method"_s, QT_TR_NOOP("Method")},
            {u"dueDate"_s, QT_TR_NOOP("Due")}, {u"name"_s, QT_TR_NOOP("Name")},
            {u"memberId"_s, QT_TR_NOOP("Member")}, {u"launched_at"_s, QT_TR_NOOP("Launched")},
            {u"brief"_s, QT_TR_NOOP("Brief")}, {u"starts_on"_s, QT_TR_NOOP("Start")},
            {u"ends_on"_s, QT_TR_NOOP("End")}, {u"closed_at"_s, QT_TR_NOOP("Closed")},
            {u"objective"_s, QT_TR_NOOP("Objective")},
            {u"usage_rights"_s, QT_TR_NOOP("Usage rights")},
            {u"visibility"_s, QT_TR_NOOP("Visibility")},
            {u"providerTransferId"_s, QT_TR_NOOP("Transfer")},
            {u"failureCode"_s, QT_TR_NOOP("Failure")}};
    QStringList keys = entry.after.keys();
    for (const QString &key : entry.before.keys()) {
        if (!keys.contains(key)) {
            keys.append(key);
        }
    }
    keys.removeAll(u"currency"_s); // said with the amounts
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        const char *label = labels.value(key);
        const QString name = label ? tr(label) : key;
        const bool before = entry.before.contains(key);
        const bool after = entry.after.contains(key);
        if (before && after) {
            parts.append(tr("%1: %2 → %3")
                                 .arg(name, valueText(entry, names, key, entry.before.value(key)),
                                         valueText(entry, names, key, entry.after.value(key))));
        } else {
            parts.append(tr("%1: %2").arg(name,
                    valueText(entry, names, key,
                            after ? entry.after.value(key) : entry.before.value(key))));
        }
    }
    return parts.join(u"; "_s);
}

QString AuditTexts::actor(const AuditEntry &entry, const ObjectNames &names, const QUuid &self)
{
    if (entry.actorId.isEmpty()) {
        return tr("The system");
    }
    if (QUuid::fromString(entry.actorId) == self) {
        return tr("You");
    }
    if (!entry.actorName.isEmpty()) {
        return entry.actorName;
    }
    const QString creator = names.creators.value(entry.actorId);
    return creator.isEmpty() ? tr("Someone else") : creator;
}

} // namespace influence::desktop
