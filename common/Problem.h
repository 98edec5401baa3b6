// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Error.h"

#include <QByteArray>
#include <QJsonObject>

namespace influence::common {

/// The media type of RFC 9457 problem documents.
inline constexpr char kProblemContentType[] = "application/problem+json";

/// Renders an Error as an RFC 9457 problem document: type, title, status, detail, instance,
/// plus the stable `code`, `requestId` and, for invalid input, `errors: [{field, code, message}]`.
QJsonObject problemToJson(const Error &error, const QString &requestId, const QString &instance);

/// Reads the Error a server sent with `status` and `body`. Bodies that are not problem documents
/// still give an Error whose code follows from the status.
Error errorFromProblem(int status, const QByteArray &body);

/// The problem `type` URI of a code: a link into the server's API documentation.
QString problemTypeUri(const QString &codeName);

} // namespace influence::common
