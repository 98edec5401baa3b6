// SPDX-License-Identifier: Apache-2.0
#pragma once

// The table of configuration keys behind ConfigLoader (app/Config.h): for each key its help text,
// whether it is secret, and how a value is checked and applied to a Config. Used only by
// app/Config.cpp and the key groups in this folder.

#include "app/Config.h"

#include <QHash>
#include <QLatin1StringView>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>
#include <type_traits>

namespace influence::server::config {

/// Checks a value and applies it to the configuration; answers what is wrong, or an empty string.
using Apply = std::function<QString(Config &, const QString &)>;

struct KeySpec
{
    QLatin1StringView key;
    QLatin1StringView help;
    Apply apply;
    bool secret = false;
};

/// Every key with a fixed name, in the order `--help-config` lists them.
const QList<KeySpec> &keySpecs();
const KeySpec *findSpec(const QString &key);
/// OIDC_<NAME>_<FIELD>: one group of keys per OpenID Connect provider.
const QRegularExpression &oidcKeyPattern();
/// A fixed key, or one of the OIDC_<NAME>_<FIELD> family.
bool isKnownKey(const QString &key);
bool isSecretKey(const QString &key);
/// Applies an OIDC_<NAME>_<FIELD> key (`key` is known to be of that family).
QString applyOidcKey(Config &config, const QString &key, const QString &value);

// The groups keySpecs() joins: ServerKeys.cpp and ServiceKeys.cpp.
QList<KeySpec> serverKeys();
QList<KeySpec> databaseKeys();
QList<KeySpec> tokenKeys();
QList<KeySpec> mailKeys();
QList<KeySpec> integrationKeys();
QList<KeySpec> paymentKeys();
QList<KeySpec> webhookKeys();
QList<KeySpec> loggingKeys();

// Value checks the groups share: each answers what is wrong, or an empty string.
QString expectInt(const QString &value, qint64 min, qint64 max, qint64 &out);
/// Whether `path` names a file this process can read.
bool isReadableFile(const QString &path);
/// A size in bytes; the suffixes K/KiB and M/MiB multiply.
QString expectBytes(const QString &value, qint64 min, qint64 max, qint64 &out);
/// Comma-separated http(s) origins (CORS_ALLOWED_ORIGINS).
QString parseOrigins(const QString &value, QStringList &out);
/// "queue=N,queue=N" (JOB_QUEUE_LIMITS).
QString parseQueueLimits(const QString &value, QHash<QString, int> &out);
/// Comma-separated addresses or CIDR ranges (TRUSTED_PROXIES).
QString parseProxies(const QString &value, QStringList &out);

/// Where a setting goes: the members from Config down to the field, as in
/// `at(&Config::database, &db::DatabaseSettings::replicas, &db::ReplicaSettings::wait)`.
template<class... Members>
auto at(Members... members)
{
    return [members...](Config & config) -> auto &
    {
        const auto walk = [](const auto &self, auto &object, auto member, auto... rest) -> auto &
        {
            if constexpr (sizeof...(rest) == 0) {
                return object.*member;
            } else {
                return self(self, object.*member, rest...);
            }
        };
        return walk(walk, config, members...);
    };
}

/// A whole number of the field's unit (a std::chrono duration) into the field `place` names.
template<class Place>
Apply duration(Place place, qint64 min, qint64 max)
{
    return [place, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            auto &field = place(c);
            field = std::remove_reference_t<decltype(field)>(n);
        }
        return problem;
    };
}

/// A whole number of the field's unit into `(config.*part).*field`.
template<class Part, class Duration>
Apply duration(Part Config::*part, Duration Part::*field, qint64 min, qint64 max)
{
    return duration(at(part, field), min, max);
}

/// A readable PEM file's path (or nothing: the default) into the field `place` names.
template<class Place>
Apply pemFile(Place place)
{
    return [place](Config &c, const QString &v) {
        const QString path = v.trimmed();
        if (!path.isEmpty() && !isReadableFile(path)) {
            return QStringLiteral("expected a readable PEM file");
        }
        place(c) = path;
        return QString();
    };
}

/// A whole number into `(config.*part).*field`.
template<class Part>
Apply integer(Part Config::*part, int Part::*field, qint64 min, qint64 max)
{
    return [part, field, min, max](Config &c, const QString &v) {
        qint64 n = 0;
        QString problem = expectInt(v, min, max, n);
        if (problem.isEmpty()) {
            (c.*part).*field = static_cast<int>(n);
        }
        return problem;
    };
}

} // namespace influence::server::config
