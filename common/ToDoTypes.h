// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Money.h"
#include "Result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// What is waiting for a person (GET /api/v1/me/todos): the values the desktop's Home lists.
namespace influence::common {

/// One thing to do, about one deal.
struct ToDoItem
{
    QString dealId;
    QString campaignName;
    QString creatorName;
    QString brandName;
    QDate due; ///< a deliverable's due date, an offer's earliest; invalid when none
    std::optional<Money> fee; ///< offers: the fee offered
    QString deliverableId; ///< drafts and overdue deliverables
    QString type; ///< deliverable type (wire name)
    QString platform; ///< platform (wire name)

    static Result<ToDoItem> fromJson(const QJsonObject &json);
};

/// A group of to-dos: its kind, how many there are in all, and the first few.
struct ToDoGroup
{
    enum class Kind { OfferWaiting, DraftToReview, DraftToRework, Overdue };
    Kind kind = Kind::OfferWaiting;
    int total = 0; ///< all of them, also beyond `items`
    QList<ToDoItem> items; ///< earliest due first

    static Result<ToDoGroup> fromJson(const QJsonObject &json);
};

/// The answer of GET /api/v1/me/todos. Groups of kinds this client does not know are skipped.
struct ToDos
{
    QList<ToDoGroup> groups;

    static Result<ToDos> fromJson(const QJsonObject &json);
};

} // namespace influence::common
