// SPDX-License-Identifier: Apache-2.0
#include "ToDoTypes.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace influence::common {

namespace {

Error invalid(const QString &what)
{
    return Error::make(ErrorCode::InvalidResponse, what);
}

std::optional<ToDoGroup::Kind> kindFrom(const QString &text)
{
    if (text == u"offer_waiting"_s) {
        return ToDoGroup::Kind::OfferWaiting;
    }
    if (text == u"draft_to_review"_s) {
        return ToDoGroup::Kind::DraftToReview;
    }
    if (text == u"draft_to_rework"_s) {
        return ToDoGroup::Kind::DraftToRework;
    }
    if (text == u"overdue"_s) {
        return ToDoGroup::Kind::Overdue;
    }
    return std::nullopt;
}

} // namespace

Result<ToDoItem> ToDoItem::fromJson(const QJsonObject &json)
{
    ToDoItem item;
    item.dealId = json.value(u"dealId"_s).toString();
    if (item.dealId.isEmpty()) {
        return invalid(u"A to-do names no deal."_s);
    }
    item.campaignName = json.value(u"campaignName"_s).toString();
    item.creatorName = json.value(u"creatorName"_s).toString();
    item.brandName = json.value(u"brandName"_s).toString();
    item.due = QDate::fromString(json.value(u"dueDate"_s).toString(), Qt::ISODate);
    if (json.value(u"feeMinor"_s).isDouble()) {
        item.fee =
                Money{json.value(u"feeMinor"_s).toInteger(), json.value(u"currency"_s).toString()};
    }
    item.deliverableId = json.value(u"deliverableId"_s).toString();
    item.type = json.value(u"type"_s).toString();
    item.platform = json.value(u"platform"_s).toString();
    return item;
}

Result<ToDoGroup> ToDoGroup::fromJson(const QJsonObject &json)
{
    const auto kind = kindFrom(json.value(u"kind"_s).toString());
    if (!kind) {
        return invalid(u"A to-do group has an unknown kind."_s);
    }
    ToDoGroup group;
    group.kind = *kind;
    group.total = json.value(u"total"_s).toInt(-1);
    if (group.total < 0) {
        return invalid(u"A to-do group has no total."_s);
    }
    for (const auto &value : json.value(u"items"_s).toArray()) {
        auto item = ToDoItem::fromJson(value.toObject());
        if (!item) {
            return item.error();
        }
        group.items.append(std::move(*item));
    }
    if (group.items.size() > group.total) {
        return invalid(u"A to-do group has more items than its total."_s);
    }
    return group;
}

Result<ToDos> ToDos::fromJson(const QJsonObject &json)
{
    if (!json.value(u"groups"_s).isArray()) {
        return invalid(u"The to-dos have no groups."_s);
    }
    ToDos toDos;
    for (const auto &value : json.value(u"groups"_s).toArray()) {
        if (!kindFrom(value.toObject().value(u"kind"_s).toString())) {
            continue; // a kind a newer server knows
        }
        auto group = ToDoGroup::fromJson(value.toObject());
        if (!group) {
            return group.error();
        }
        toDos.groups.append(std::move(*group));
    }
    return toDos;
}

} // namespace influence::common
