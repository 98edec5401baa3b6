// SPDX-License-Identifier: Apache-2.0
// The keys for what the server talks to: mail, sign-in providers and social platforms, the
// payment provider, webhook receivers; and logging.
#include "ConfigKeys.h"
#include "core/crypto/TokenCipher.h"

#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace influence::server::config {

namespace {

enum class SocialField { ClientId, ClientSecret, AuthUrl, TokenUrl, ApiUrl };

/// SOCIAL_<PLATFORM>_<FIELD>: a platform's OAuth client (offered once it has a client id) and
/// its endpoints (the public ones by default; a local peer in tests).
KeySpec socialKey(QLatin1StringView key, QLatin1StringView platform, SocialField field)
{
    QLatin1StringView help;
    switch (field) {
    case SocialField::ClientId:
        help = "OAuth client id (TikTok: client key) of the platform's app; empty: the platform "
               "cannot be connected. Register PUBLIC_URL/api/v1/connected-accounts/<platform>/"
               "callback as its redirect URI."_L1;
        break;
    case SocialField::ClientSecret: help = "OAuth client secret of the platform's app."_L1; break;
    case SocialField::AuthUrl:
        help = "The platform's consent page. Default: its public one."_L1;
        break;
    case SocialField::TokenUrl:
        help = "The platform's token endpoint. Default: its public one."_L1;
        break;
    case SocialField::ApiUrl:
        help = "Base URL of the platform's account API. Default: its public one."_L1;
        break;
    }
    Apply apply = [platform, field](Config &c, const QString &v) {
        social::PlatformClient &settings = c.social.platforms[QString(platform)];
        const QString text = v.trimmed();
        if (field == SocialField::ClientId) {
            settings.clientId = text;
            return QString();
        }
        if (field == SocialField::ClientSecret) {
            settings.clientSecret = text;
            return QString();
        }
        const QUrl url(text, QUrl::StrictMode);
        const bool loopback = url.host() == u"localhost"_s || QHostAddress(url.host()).isLoopback();
        if (!url.isValid() || url.host().isEmpty() || url.hasFragment()
                || !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && loopback))) {
            return u"expected an https URL (http only on 127.0.0.1, localhost and ::1)"_s;
        }
        QString &target = field == SocialField::AuthUrl ? settings.authUrl
                : field == SocialField::TokenUrl        ? settings.tokenUrl
                                                        : settings.apiUrl;
        target = text;
        return QString();
    };
    return {key, help, apply, field == SocialField::ClientSecret};
}

} // namespace

/// Links and e-mail.
QList<KeySpec> mailKeys()
{
    return {
            {"APP_URL"_L1, "The front end's URL, for links in e-mails. Default PUBLIC_URL."_L1,
                    [](Config &c, const QString &v) {
                        const QUrl url(v.trimmed(), QUrl::StrictMode);
                        if (!url.isValid()
                                || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
                                || url.host().isEmpty()) {
                            return u"expected an absolute http or https URL"_s;
                        }
                        c.auth.mail.appUrl = url.adjusted(QUrl::StripTrailingSlash).toString();
                        return QString();
                    }},
            {"SMTP_URL"_L1,
                    "Mail server: smtp://user:password@host:587 (STARTTLS required), "
                    "smtps://...:465 (TLS), or smtp://host:25?tls=none (local relay only). Empty: "
                    "e-mails are written to the log (development)."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        if (!text.isEmpty()) {
                            const QUrl url(text, QUrl::StrictMode);
                            const QString tls = QUrlQuery(url).queryItemValue(u"tls"_s);
                            if (!url.isValid() || url.host().isEmpty()
                                    || (url.scheme() != u"smtp"_s && url.scheme() != u"smtps"_s)
                                    || !(tls.isEmpty() || tls == u"none"_s
                                            || tls == u"starttls"_s)) {
                                return u"expected smtp://[user:password@]host[:port][?tls=none] or "
                                       "smtps://…"_s;
                            }
                        }
                        c.mail.smtpUrl = text;
                        return QString();
                    },
                    true},
            {"SMTP_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the mail server (an internal "
                    "CA). Default: the system's."_L1,
                    pemFile(at(&Config::mail, &mail::DeliverySettings::caFile))},
            {"MAIL_FROM"_L1, "Sender of e-mails. Default Influence <no-reply@localhost>."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        const qsizetype open = text.lastIndexOf(u'<');
                        const QString address = open >= 0 && text.endsWith(u'>')
                                ? text.sliced(open + 1).chopped(1)
                                : text;
                        if (!address.contains(u'@') || address.contains(u' ')
                                || text.contains(u'\n') || text.contains(u'\r')) {
                            return u"expected an address such as \"Influence <noreply@example.com>\""_s;
                        }
                        c.mail.from = text;
                        return QString();
                    }},
    };
}

/// OpenID Connect and social platforms.
QList<KeySpec> integrationKeys()
{
    return {
            {"OIDC_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the OpenID Connect providers "
                    "(an internal CA). Default: the system's."_L1,
                    pemFile(at(&Config::oidc, &oidc::ServiceSettings::caFile))},
            {"TOKEN_ENCRYPTION_KEYS"_L1,
                    "Keys that encrypt social-platform tokens at rest (AES-256-GCM): "
                    "id:base64key,... with 32-byte keys (openssl rand -base64 32); the first "
                    "encrypts, all decrypt (rotation: put a new key first, keep the old ones "
                    "until every token was refreshed). Empty: generated once and kept in "
                    "DATA_DIR/secrets/token-encryption-keys."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        if (!text.isEmpty()) {
                            auto keys = crypto::TokenCipher::parseKeys(text);
                            if (!keys) {
                                return keys.error().detail;
                            }
                            if (auto cipher = crypto::TokenCipher::create(*keys); !cipher) {
                                return cipher.error().detail;
                            }
                        }
                        c.social.tokenEncryptionKeys = text;
                        return QString();
                    },
                    true},
            socialKey("SOCIAL_INSTAGRAM_CLIENT_ID"_L1, "instagram"_L1, SocialField::ClientId),
            socialKey(
                    "SOCIAL_INSTAGRAM_CLIENT_SECRET"_L1, "instagram"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_INSTAGRAM_AUTH_URL"_L1, "instagram"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_INSTAGRAM_TOKEN_URL"_L1, "instagram"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_INSTAGRAM_API_URL"_L1, "instagram"_L1, SocialField::ApiUrl),
            socialKey("SOCIAL_YOUTUBE_CLIENT_ID"_L1, "youtube"_L1, SocialField::ClientId),
            socialKey("SOCIAL_YOUTUBE_CLIENT_SECRET"_L1, "youtube"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_YOUTUBE_AUTH_URL"_L1, "youtube"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_YOUTUBE_TOKEN_URL"_L1, "youtube"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_YOUTUBE_API_URL"_L1, "youtube"_L1, SocialField::ApiUrl),
            socialKey("SOCIAL_TIKTOK_CLIENT_ID"_L1, "tiktok"_L1, SocialField::ClientId),
            socialKey("SOCIAL_TIKTOK_CLIENT_SECRET"_L1, "tiktok"_L1, SocialField::ClientSecret),
            socialKey("SOCIAL_TIKTOK_AUTH_URL"_L1, "tiktok"_L1, SocialField::AuthUrl),
            socialKey("SOCIAL_TIKTOK_TOKEN_URL"_L1, "tiktok"_L1, SocialField::TokenUrl),
            socialKey("SOCIAL_TIKTOK_API_URL"_L1, "tiktok"_L1, SocialField::ApiUrl),
            {"SOCIAL_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for the social platforms. "
                    "Default: the system's."_L1,
                    pemFile(at(&Config::social, &social::SocialSettings::fetch,
                            &net::FetchSettings::caFile))},
    };
}

/// The payment provider: Stripe Connect (or a local peer that speaks its API).
QList<KeySpec> paymentKeys()
{
    return {
            {"STRIPE_API_URL"_L1,
                    "Base URL of Stripe's API. Default https://api.stripe.com (http only on "
                    "127.0.0.1, localhost and ::1, for a local test peer)."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        const QUrl url(text, QUrl::StrictMode);
                        const bool loopback = url.host() == u"localhost"_s
                                || QHostAddress(url.host()).isLoopback();
                        if (!url.isValid() || url.host().isEmpty() || url.hasQuery()
                                || url.hasFragment() || !url.userInfo().isEmpty()
                                || !(url.scheme() == u"https"_s
                                        || (url.scheme() == u"http"_s && loopback))) {
                            return u"expected an https URL (http only on 127.0.0.1, localhost "
                                   "and ::1), without query or fragment"_s;
                        }
                        QString base = url.toString();
                        while (base.endsWith(u'/')) {
                            base.chop(1); // the client appends /v1/…
                        }
                        c.payments.apiUrl = base;
                        return QString();
                    }},
            {"STRIPE_SECRET_KEY"_L1,
                    "Stripe secret key (sk_live_..., sk_test_... or a restricted rk_... key) that "
                    "sends transfers to creators' connected accounts. Empty: payouts can only "
                    "be recorded as paid offline."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        static const QRegularExpression pattern(u"^[!-~]{8,255}$"_s);
                        if (!text.isEmpty() && !pattern.match(text).hasMatch()) {
                            return u"expected a Stripe API key: 8 to 255 printable ASCII "
                                   "characters without spaces"_s;
                        }
                        c.payments.secretKey = text;
                        return QString();
                    },
                    true},
            {"STRIPE_WEBHOOK_SECRET"_L1,
                    "Signing secret (whsec_...) of the webhook endpoint "
                    "PUBLIC_URL/api/v1/payments/stripe/webhook. Empty: webhook events are "
                    "refused."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed();
                        static const QRegularExpression pattern(u"^[!-~]{8,255}$"_s);
                        if (!text.isEmpty() && !pattern.match(text).hasMatch()) {
                            return u"expected a webhook signing secret: 8 to 255 printable "
                                   "ASCII characters without spaces"_s;
                        }
                        c.payments.webhookSecret = text;
                        return QString();
                    },
                    true},
            {"STRIPE_WEBHOOK_TOLERANCE_SECONDS"_L1,
                    "How far a webhook event's signed timestamp may be from now. Default 300."_L1,
                    duration(&Config::payments, &payments::PaymentSettings::webhookTolerance, 1,
                            3600)},
            {"STRIPE_TIMEOUT_SECONDS"_L1,
                    "A call to Stripe that has not answered within this is an unknown outcome, "
                    "settled later with the same idempotency key. Default 30."_L1,
                    [](Config &c, const QString &v) {
                        qint64 n = 0;
                        QString problem = expectInt(v, 1, 300, n);
                        if (problem.isEmpty()) {
                            c.payments.fetch.timeout = std::chrono::seconds(n);
                        }
                        return problem;
                    }},
            {"PAYOUT_RECHECK_SECONDS"_L1,
                    "How long a payout whose transfer got no answer waits before the same "
                    "request (same idempotency key) is sent again. Default 60."_L1,
                    duration(&Config::payments, &payments::PaymentSettings::recheck, 1, 3600)},
            {"PAYOUT_UNCLAIMED_DAYS"_L1,
                    "A payout blocked by missing payout details this many days after it became "
                    "payable goes back to the campaign's budget (the creator is warned 7 days "
                    "before). Default 30."_L1,
                    integer(&Config::payments, &payments::PaymentSettings::unclaimedDays, 1, 3650)},
            {"STRIPE_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for Stripe's API. Default: the "
                    "system's."_L1,
                    pemFile(at(&Config::payments, &payments::PaymentSettings::fetch,
                            &net::FetchSettings::caFile))},
    };
}

/// Webhook deliveries (webhooks).
QList<KeySpec> webhookKeys()
{
    return {
            {"WEBHOOKS_ALLOW_LOCAL_TARGETS"_L1,
                    "Whether webhook endpoints may be http:// and resolve to loopback, private or "
                    "link-local addresses (tests, a receiver on this machine). Default false."_L1,
                    [](Config &c, const QString &v) {
                        const QString text = v.trimmed().toLower();
                        if (text != u"true"_s && text != u"false"_s) {
                            return u"expected true or false"_s;
                        }
                        c.webhooks.allowLocalTargets = text == u"true"_s;
                        return QString();
                    }},
            {"WEBHOOKS_CA_FILE"_L1,
                    "PEM file of extra CA certificates to trust for webhook receivers (an internal "
                    "CA). Default: the system's."_L1,
                    pemFile(at(&Config::webhooks, &webhooks::WebhookSettings::caFile))},
            {"WEBHOOKS_TIMEOUT_SECONDS"_L1, "One webhook delivery attempt. Default 10."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::timeout, 1, 60)},
            {"WEBHOOKS_SECRET_OVERLAP_SECONDS"_L1,
                    "How long a rotated webhook secret keeps signing. Default 86400."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::secretOverlap, 1,
                            604800)},
            {"WEBHOOKS_RETRY_SCHEDULE"_L1,
                    "Seconds before each retry of a failed webhook delivery, comma-separated. "
                    "Default 5,300,1800,7200,18000 then 36000 seven times (about 3 days)."_L1,
                    [](Config &c, const QString &v) {
                        QList<int> seconds;
                        for (const QString &part : v.split(u',', Qt::SkipEmptyParts)) {
                            qint64 n = 0;
                            if (!expectInt(part, 1, 604800, n).isEmpty() || seconds.size() >= 50) {
                                return u"expected up to 50 numbers of seconds (1 to 604800)"_s;
                            }
                            seconds.append(static_cast<int>(n));
                        }
                        c.webhooks.retrySeconds = seconds;
                        return QString();
                    }},
            {"WEBHOOKS_DISABLE_AFTER_FAILURES"_L1,
                    "A webhook endpoint whose attempts failed this many times in a row is "
                    "disabled. Default 100."_L1,
                    integer(&Config::webhooks, &webhooks::WebhookSettings::disableAfterFailures, 1,
                            100000)},
            {"WEBHOOKS_DISABLE_AFTER_HOURS"_L1,
                    "A webhook endpoint failing without a success for this long is disabled. "
                    "Default 120."_L1,
                    duration(&Config::webhooks, &webhooks::WebhookSettings::disableAfter, 1, 8760)},
    };
}

/// Logging.
QList<KeySpec> loggingKeys()
{
    return {
            {"LOG_LEVEL"_L1, "debug, info (default), warning or error."_L1,
                    [](Config &c, const QString &v) {
                        const QString level = v.trimmed().toLower();
                        if (level != u"debug"_s && level != u"info"_s && level != u"warning"_s
                                && level != u"error"_s) {
                            return u"expected debug, info, warning or error"_s;
                        }
                        c.log.level = level;
                        return QString();
                    }},
            {"LOG_FORMAT"_L1, "text (default) or json (one JSON object per line)."_L1,
                    [](Config &c, const QString &v) {
                        const QString format = v.trimmed().toLower();
                        if (format != u"text"_s && format != u"json"_s) {
                            return u"expected text or json"_s;
                        }
                        c.log.format = format;
                        return QString();
                    }},
    };
}

} // namespace influence::server::config
