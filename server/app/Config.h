// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "analytics/ImportSettings.h"
#include "auth/AuthSettings.h"
#include "common/Result.h"
#include "core/crypto/TokenService.h"
#include "core/db/DatabaseSettings.h"
#include "core/http/HttpSettings.h"
#include "core/jobs/JobSettings.h"
#include "core/log/Log.h"
#include "core/mail/SmtpClient.h"
#include "oidc/OidcSettings.h"
#include "payments/PaymentSettings.h"
#include "profiles/ProfileRoutes.h"
#include "social/SocialSettings.h"
#include "webhooks/WebhookSettings.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace influence::server {

/// Where a configuration value came from, lowest precedence first.
enum class ConfigSource { Default, ConfigFile, DotEnv, Environment, CommandLine };

QString toString(ConfigSource source);

/// The server's whole configuration, validated: one part per module, each of that module's own
/// settings type, which ServerApp hands to the module as it is, and what is general. Built by
/// ConfigLoader from defaults, an optional config file, an optional `.env` file in the working
/// directory and the environment, in that order of increasing precedence.
struct Config
{
    /// Where and how the server listens, its limits, CORS and trusted proxies (core/http).
    http::HttpSettings http;
    /// The database, its timeouts and the worker pool (core/db).
    db::DatabaseSettings database;
    /// How access tokens are signed (core/crypto).
    crypto::TokenService::Settings tokens;
    /// Accounts, sessions, sign-in limits and the front end's URL (auth).
    auth::Settings auth;
    /// How e-mail leaves: SMTP or the log (core/mail).
    mail::DeliverySettings mail;
    /// Sign-in with OpenID Connect providers (oidc).
    oidc::ServiceSettings oidc;
    /// Connecting creators' accounts on the social platforms (social).
    social::SocialSettings social;
    /// Transfers to creators through Stripe Connect and its webhook events (payments).
    payments::PaymentSettings payments;
    /// The cache of metric series (profiles).
    profiles::Settings profiles;
    /// The bulk import of metric files (analytics).
    analytics::ImportSettings imports;
    /// Where and how webhooks are delivered (webhooks).
    webhooks::WebhookSettings webhooks;
    /// How this process runs the background job queue (core/jobs).
    jobs::JobSettings jobs;
    /// Level and format of the log (core/log).
    log::Settings log;

    /// Server data: the private PostgreSQL instance and the generated secrets.
    QString dataDir;
    /// The source of each key that was set from somewhere other than the defaults.
    QHash<QString, ConfigSource> sources;
    /// Human-readable notes gathered while loading (unknown keys in .env, …).
    QStringList warnings;

    /// `KEY=value` lines of the effective configuration, secrets redacted, with their sources.
    QStringList describe() const;
};

/// Reads and validates configuration. A bad value is an error that names the key, the value, what
/// was expected and where it came from; the server refuses to start with it.
class ConfigLoader
{
public:
    struct Inputs
    {
        QHash<QString, QString> environment; ///< usually the process environment
        QString configFile; ///< explicit --config; empty: CONFIG_FILE or none
        QString workingDirectory; ///< where to look for .env; empty: no .env
        QHash<QString, QString> overrides; ///< command-line settings, highest precedence
    };

    static common::Result<Config> load(const Inputs &inputs);
    /// Inputs from this process: its environment and its working directory.
    static Inputs processInputs();
    /// Parses KEY=value lines (`#` comments, optional `export `, single or double quotes).
    static common::Result<QHash<QString, QString>> parseEnvFile(
            const QByteArray &content, const QString &fileName);
    /// Every key the server understands, with a one-line description (for --help and docs).
    static QList<std::pair<QString, QString>> knownKeys();
    /// The data directory used when DATA_DIR is not set.
    static QString defaultDataDir();
};

} // namespace influence::server
