// SPDX-License-Identifier: Apache-2.0
#include "Problem.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace influence::common {

QString problemTypeUri(const QString &codeName)
{
    // A relative reference (RFC 9457 §3.1.1 allows it): it resolves against the API's own origin,
    // where /docs documents every code under this anchor.
    return u"/docs#problem-"_s + codeName;
}

QJsonObject problemToJson(const Error &error, const QString &requestId, const QString &instance)
{
    const QString code = error.codeName();
    QJsonObject problem{
            {u"type"_s, problemTypeUri(code)},
            {u"title"_s, error.title()},
            {u"status"_s, error.httpStatus()},
            {u"detail"_s, error.detail.isEmpty() ? error.title() : error.detail},
            {u"code"_s, code},
    };
    if (!instance.isEmpty()) {
        problem.insert(u"instance"_s, instance);
    }
    if (!requestId.isEmpty()) {
        problem.insert(u"requestId"_s, requestId);
    }
    for (auto it = error.extensions.begin(); it != error.extensions.end(); ++it) {
        if (!problem.contains(it.key())) {
            problem.insert(it.key(), it.value());
        }
    }
    if (!error.fieldErrors.isEmpty()) {
        QJsonArray errors;
        for (const FieldError &field : error.fieldErrors) {
            errors.append(QJsonObject{
                    {u"field"_s, field.field},
                    {u"code"_s, field.code},
                    {u"message"_s, field.message},
            });
        }
        problem.insert(u"errors"_s, errors);
    }
    return problem;
}

Error errorFromProblem(int status, const QByteArray &body)
{
    Error error = Error::make(errorCodeForStatus(status));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        return error;
    }
    const QJsonObject problem = doc.object();
    const QString codeName = problem.value(u"code"_s).toString();
    if (!codeName.isEmpty()) {
        error.code = errorCodeFromName(codeName);
        if (error.code == ErrorCode::Unknown) {
            error.rawCode = codeName;
        }
    }
    error.detail = problem.value(u"detail"_s).toString();
    static const QStringList kStandard{u"type"_s, u"title"_s, u"status"_s, u"detail"_s, u"code"_s,
            u"instance"_s, u"requestId"_s, u"errors"_s};
    for (auto it = problem.begin(); it != problem.end(); ++it) {
        if (!kStandard.contains(it.key())) {
            error.extensions.insert(it.key(), it.value());
        }
    }
    const QJsonArray fields = problem.value(u"errors"_s).toArray();
    for (const auto &value : fields) {
        const QJsonObject field = value.toObject();
        error.fieldErrors.append({field.value(u"field"_s).toString(),
                field.value(u"code"_s).toString(), field.value(u"message"_s).toString()});
    }
    return error;
}

} // namespace influence::common
