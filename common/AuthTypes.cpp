// SPDX-License-Identifier: Apache-2.0
#include "AuthTypes.h"

#include "Validation.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using influence::common::validation::FieldErrors;

namespace influence::common {

namespace {

const QSet<QString> &commonPasswords()
{
    // Loaded once (thread-safe static initialisation), about 12 000 entries.
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        QFile file(u":/security/common-passwords.txt"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("the common-password list is missing from the resources");
        }
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).chopped(1);
            if (!line.isEmpty() && !line.startsWith(u'#')) {
                set.insert(line);
            }
        }
        return set;
    }();
    return passwords;
}

} // namespace

bool isCommonPassword(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

QList<FieldError> passwordProblems(const QString &password, const QString &field)
{
    const auto length = password.toUcs4().size();
    if (length < kPasswordMinLength) {
        return {{field, u"too_short"_s,
                u"Must have at least %1 characters."_s.arg(kPasswordMinLength)}};
    }
    if (length > kPasswordMaxLength) {
        return {{field, u"too_long"_s,
                u"Must have at most %1 characters."_s.arg(kPasswordMaxLength)}};
    }
    if (isCommonPassword(password)) {
        return {{field, u"too_common"_s,
                u"Is one of the most common passwords; choose one that is harder to guess."_s}};
    }
    return {};
}

namespace auth {

namespace {

/// A string field: "required" when missing or not a string.
QString text(const QJsonObject &body, const QString &field, FieldErrors &errors)
{
    const QJsonValue value = body.value(field);
    if (!value.isString()) {
        errors.add(field, value.isUndefined() || value.isNull() ? u"required"_s : u"not_a_string"_s,
                u"Must be a string."_s);
        return {};
    }
    return value.toString();
}

QString emailField(const QJsonObject &body, FieldErrors &errors)
{
    const qsizetype before = errors.errors().size();
    QString email = text(body, u"email"_s, errors).trimmed();
    if (errors.errors().size() == before && !validation::isEmailAddress(email)) {
        errors.add(u"email"_s, u"invalid_format"_s, u"Must be an e-mail address."_s);
    }
    return email;
}

/// Passwords presented for checking (not chosen): only bounded, so that hashing work stays small.
QString presentedPassword(const QJsonObject &body, const QString &field, FieldErrors &errors)
{
    const qsizetype before = errors.errors().size();
    QString password = text(body, field, errors);
    if (errors.errors().size() == before && (password.isEmpty() || password.size() > 1024)) {
        errors.add(field, password.isEmpty() ? u"required"_s : u"too_long"_s,
                u"Must be given (at most 1024 characters)."_s);
    }
    return password;
}

QString newPassword(const QJsonObject &body, const QString &field, FieldErrors &errors)
{
    const qsizetype before = errors.errors().size();
    QString password = text(body, field, errors);
    if (errors.errors().size() == before) {
        for (const auto &problem : passwordProblems(password, field)) {
            errors.add(problem.field, problem.code, problem.message);
        }
    }
    return password;
}

QString opaqueToken(const QJsonObject &body, const QString &field, FieldErrors &errors)
{
    const qsizetype before = errors.errors().size();
    QString token = text(body, field, errors);
    if (errors.errors().size() == before && (token.isEmpty() || token.size() > 200)) {
        errors.add(field, u"invalid_format"_s, u"Is not a token."_s);
    }
    return token;
}

template<class T>
Result<T> finish(const FieldErrors &errors, T value)
{
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return value;
}

} // namespace

Result<RegisterCommand> validateRegistration(const QJsonObject &body)
{
    FieldErrors errors;
    RegisterCommand command;
    command.email = emailField(body, errors);
    command.password = newPassword(body, u"password"_s, errors);
    if (body.contains(u"role"_s)) {
        const auto parsed = userRoleFromString(body.value(u"role"_s).toString());
        if (!parsed || *parsed == UserRole::Admin) {
            // Administrators are made by other administrators or on the command line.
            errors.add(u"role"_s, u"invalid_value"_s, u"Must be brand or influencer."_s);
        } else {
            command.role = *parsed;
        }
    }
    if (body.contains(u"displayName"_s)) {
        command.displayName = text(body, u"displayName"_s, errors).trimmed();
        errors.checkLength(u"displayName"_s, command.displayName, 0, 100);
    }
    return finish(errors, command);
}

Result<LoginCommand> validateLogin(const QJsonObject &body)
{
    FieldErrors errors;
    LoginCommand command;
    command.email = text(body, u"email"_s, errors).trimmed();
    if (command.email.size() > 254) {
        errors.add(u"email"_s, u"too_long"_s, u"Is too long."_s);
    }
    command.password = presentedPassword(body, u"password"_s, errors);
    return finish(errors, command);
}

Result<QString> validateRefreshToken(const QJsonObject &body)
{
    FieldErrors errors;
    const QString token = opaqueToken(body, u"refreshToken"_s, errors);
    return finish(errors, token);
}

Result<ChangePasswordCommand> validatePasswordChange(const QJsonObject &body)
{
    FieldErrors errors;
    ChangePasswordCommand command;
    command.currentPassword = presentedPassword(body, u"currentPassword"_s, errors);
    command.newPassword = newPassword(body, u"newPassword"_s, errors);
    if (errors.isEmpty() && command.newPassword == command.currentPassword) {
        errors.add(u"newPassword"_s, u"unchanged"_s, u"Must differ from the current password."_s);
    }
    return finish(errors, command);
}

Result<QString> validateEmail(const QJsonObject &body)
{
    FieldErrors errors;
    const QString address = emailField(body, errors);
    return finish(errors, address);
}

Result<ResetPasswordCommand> validatePasswordReset(const QJsonObject &body)
{
    FieldErrors errors;
    ResetPasswordCommand command;
    command.token = opaqueToken(body, u"token"_s, errors);
    command.newPassword = newPassword(body, u"newPassword"_s, errors);
    return finish(errors, command);
}

Result<QString> validateEmailToken(const QJsonObject &body)
{
    FieldErrors errors;
    const QString token = opaqueToken(body, u"token"_s, errors);
    return finish(errors, token);
}

Result<AdminUserUpdate> validateUserUpdate(const QJsonObject &body)
{
    FieldErrors errors;
    AdminUserUpdate update;
    if (body.contains(u"role"_s)) {
        update.role = userRoleFromString(body.value(u"role"_s).toString());
        if (!update.role) {
            errors.add(u"role"_s, u"invalid_value"_s, u"Must be brand, influencer or admin."_s);
        }
    }
    if (body.contains(u"status"_s)) {
        update.status = userStatusFromString(body.value(u"status"_s).toString());
        if (!update.status) {
            errors.add(u"status"_s, u"invalid_value"_s, u"Must be active or disabled."_s);
        }
    }
    if (!body.contains(u"role"_s) && !body.contains(u"status"_s)) {
        errors.add(u"status"_s, u"required"_s, u"Give role and/or status."_s);
    }
    return finish(errors, update);
}

namespace {

constexpr int kMaxUserPage = 100;

Error badParameter(const QString &name, const QString &message)
{
    return Error::invalidParameter(name, u"invalid_value"_s, message);
}

/// The cursor of the page before: base64url JSON {"t": creation time, "id": uuid}.
std::optional<std::pair<QString, QUuid>> userCursor(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonObject cursor = QJsonDocument::fromJson(decoded.decoded).object();
    const QString time = cursor.value(u"t"_s).toString();
    const QUuid id = QUuid::fromString(cursor.value(u"id"_s).toString());
    static const QRegularExpression timePattern(
            uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$)"_s);
    if (!decoded || id.isNull() || !timePattern.match(time).hasMatch()) {
        return std::nullopt;
    }
    return std::pair(time, id);
}

} // namespace

Result<UserListQuery> validateUserListQuery(const QUrlQuery &query)
{
    const auto value = [&query](const QString &name) {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    };
    UserListQuery list;
    list.text = value(u"q"_s).trimmed();
    if (list.text.size() > 254) {
        return badParameter(u"q"_s, u"At most 254 characters."_s);
    }
    if (query.hasQueryItem(u"role"_s)) {
        list.role = userRoleFromString(value(u"role"_s));
        if (!list.role) {
            return badParameter(u"role"_s, u"Must be brand, influencer or admin."_s);
        }
    }
    if (query.hasQueryItem(u"status"_s)) {
        list.status = userStatusFromString(value(u"status"_s));
        if (!list.status) {
            return badParameter(u"status"_s, u"Must be active or disabled."_s);
        }
    }
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        list.limit = value(u"limit"_s).toInt(&ok);
        if (!ok || list.limit < 1 || list.limit > kMaxUserPage) {
            return badParameter(u"limit"_s, u"Must be between 1 and %1."_s.arg(kMaxUserPage));
        }
    }
    if (query.hasQueryItem(u"cursor"_s)) {
        list.after = userCursor(value(u"cursor"_s));
        if (!list.after) {
            return badParameter(u"cursor"_s, u"Is not a cursor from this list."_s);
        }
    }
    return list;
}

namespace {

constexpr qsizetype kMaxNativeCode = 256;

} // namespace

Result<NativeExchange> validateNativeExchange(const QJsonObject &body)
{
    FieldErrors errors;
    NativeExchange exchange;
    const auto field = [&body, &errors](const QString &name) {
        const QJsonValue value = body.value(name);
        if (!value.isString()) {
            errors.add(name,
                    value.isUndefined() || value.isNull() ? u"required"_s : u"not_a_string"_s,
                    u"Must be a string."_s);
            return QString();
        }
        return value.toString();
    };
    exchange.code = field(u"code"_s);
    exchange.codeVerifier = field(u"codeVerifier"_s);
    if (body.value(u"code"_s).isString()
            && (exchange.code.isEmpty() || exchange.code.size() > kMaxNativeCode)) {
        errors.add(u"code"_s, u"invalid_format"_s, u"Is not an authorization code."_s);
    }
    // RFC 7636 §4.1: code-verifier = 43*128 unreserved.
    static const QRegularExpression verifier(u"^[A-Za-z0-9._~-]{43,128}$"_s);
    if (body.value(u"codeVerifier"_s).isString()
            && !verifier.match(exchange.codeVerifier).hasMatch()) {
        errors.add(u"codeVerifier"_s, u"invalid_format"_s,
                u"Must be 43 to 128 characters: letters, digits, '-', '.', '_', '~'."_s);
    }
    if (!errors.isEmpty()) {
        return Error::validation(errors.errors());
    }
    return exchange;
}

} // namespace auth

} // namespace influence::common
