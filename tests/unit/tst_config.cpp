// SPDX-License-Identifier: Apache-2.0
// Configuration: sources and their precedence, validation messages, env-file parsing.
#include "app/Config.h"
#include "core/db/DatabaseUrl.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using influence::server::Config;
using influence::server::ConfigLoader;
using influence::server::ConfigSource;
using influence::server::db::DatabaseUrl;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        const auto config = ConfigLoader::load({});
        QVERIFY(config);
        QCOMPARE(config->http.port, quint16(8080));
        QCOMPARE(config->http.listenAddress, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config->http.limits.maxBodyBytes, qint64(1024 * 1024));
        QCOMPARE(config->database.statementTimeout.count(), 5000);
        QVERIFY(config->database.url.isEmpty());
        QVERIFY(!config->dataDir.isEmpty());
        QCOMPARE(config->http.effectivePublicUrl(), u"http://localhost:8080"_s);
        QVERIFY(config->sources.isEmpty());
    }

    void precedence()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"server.conf"_s),
                "# comment\nPORT=1000\nLOG_LEVEL=debug\nMAX_BODY_BYTES=2M\nHTTP_THREADS=3\n");
        writeFile(
                dir.filePath(u".env"_s), "PORT=2000\nexport LOG_LEVEL=\"warning\"\nOTHER_TOOL=1\n");
        ConfigLoader::Inputs inputs;
        inputs.configFile = dir.filePath(u"server.conf"_s);
        inputs.workingDirectory = dir.path();
        inputs.environment.insert(u"PORT"_s, u"3000"_s);
        auto config = ConfigLoader::load(inputs);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().detail));
        QCOMPARE(config->http.port, quint16(3000));
        QVERIFY(config->sources.value(u"PORT"_s) == ConfigSource::Environment);
        QCOMPARE(config->log.level, u"warning"_s);
        QVERIFY(config->sources.value(u"LOG_LEVEL"_s) == ConfigSource::DotEnv);
        QCOMPARE(config->http.limits.maxBodyBytes, qint64(2 * 1024 * 1024));
        QCOMPARE(config->http.threads, 3);
        QVERIFY(config->sources.value(u"HTTP_THREADS"_s) == ConfigSource::ConfigFile);
        // Unknown keys in .env (shared with other tools) only warn.
        QCOMPARE(config->warnings.size(), 1);
        QVERIFY(config->warnings.first().contains(u"OTHER_TOOL"_s));

        inputs.overrides.insert(u"PORT"_s, u"4000"_s);
        config = ConfigLoader::load(inputs);
        QCOMPARE(config->http.port, quint16(4000));
        QVERIFY(config->sources.value(u"PORT"_s) == ConfigSource::CommandLine);
    }

    void configFileFromEnvironment()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"a.conf"_s), "PORT=1234\n");
        ConfigLoader::Inputs inputs;
        inputs.environment.insert(u"CONFIG_FILE"_s, dir.filePath(u"a.conf"_s));
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(config);
        QCOMPARE(config->http.port, quint16(1234));
    }

    void unknownKeyInConfigFileIsAnError()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"a.conf"_s), "PROT=1234\n");
        ConfigLoader::Inputs inputs;
        inputs.configFile = dir.filePath(u"a.conf"_s);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(!config);
        QVERIFY(config.error().detail.contains(u"PROT"_s));
    }

    void missingConfigFileIsAnError()
    {
        ConfigLoader::Inputs inputs;
        inputs.configFile = u"/nonexistent/influence.conf"_s;
        QVERIFY(!ConfigLoader::load(inputs));
    }

    void badValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port text") << u"PORT"_s << u"eighty"_s << u"whole number"_s;
        QTest::newRow("port range") << u"PORT"_s << u"70000"_s << u"0 to 65535"_s;
        QTest::newRow("address") << u"LISTEN_ADDRESS"_s << u"example.com"_s << u"IP address"_s;
        QTest::newRow("threads") << u"HTTP_THREADS"_s << u"0"_s << u"1 to 64"_s;
        QTest::newRow("body") << u"MAX_BODY_BYTES"_s << u"1G"_s << u"size in bytes"_s;
        QTest::newRow("level") << u"LOG_LEVEL"_s << u"loud"_s << u"debug, info"_s;
        QTest::newRow("format") << u"LOG_FORMAT"_s << u"xml"_s << u"text or json"_s;
        QTest::newRow("cors path")
                << u"CORS_ALLOWED_ORIGINS"_s << u"https://a.example/app"_s << u"no path"_s;
        QTest::newRow("proxies") << u"TRUSTED_PROXIES"_s << u"10.0.0.0/8,nonsense"_s
                                 << u"nonsense"_s;
        QTest::newRow("db scheme") << u"DATABASE_URL"_s << u"mysql://x/y"_s << u"scheme"_s;
        QTest::newRow("db param") << u"DATABASE_URL"_s << u"postgres://h/db?sslmod=require"_s
                                  << u"sslmod"_s;
        QTest::newRow("db session attrs")
                << u"DATABASE_URL"_s << u"postgres://h1,h2/db?target_session_attrs=writable"_s
                << u"target_session_attrs must be one of"_s;
        QTest::newRow("db ports") << u"DATABASE_URL"_s << u"postgres://h1,h2,h3/db?port=1,2"_s
                                  << u"2 ports for 3 hosts"_s;
        QTest::newRow("public url") << u"PUBLIC_URL"_s << u"ftp://x"_s << u"http or https"_s;
        QTest::newRow("timeout") << u"DB_STATEMENT_TIMEOUT_MS"_s << u"5"_s << u"100 to"_s;
        QTest::newRow("replica scheme")
                << u"DATABASE_REPLICA_URLS"_s << u"postgres://a/db,mysql://b/db"_s << u"scheme"_s;
        QTest::newRow("replica param")
                << u"DATABASE_REPLICA_URLS"_s << u"postgres://a/db?options=x"_s << u"options"_s;
        QTest::newRow("replica wait") << u"DATABASE_REPLICA_WAIT_MS"_s << u"-1"_s << u"0 to"_s;
        QTest::newRow("replica lag")
                << u"DATABASE_REPLICA_MAX_LAG_MS"_s << u"soon"_s << u"whole number"_s;
        QTest::newRow("replica check") << u"DATABASE_REPLICA_CHECK_MS"_s << u"10"_s << u"50 to"_s;
        QTest::newRow("queue limit zero")
                << u"JOB_QUEUE_LIMITS"_s << u"webhooks=0"_s << u"queue=limit"_s;
        QTest::newRow("queue limit text")
                << u"JOB_QUEUE_LIMITS"_s << u"webhooks=one"_s << u"\"webhooks=one\""_s;
        QTest::newRow("queue limit twice")
                << u"JOB_QUEUE_LIMITS"_s << u"mail=1,mail=2"_s << u"each queue once"_s;
        QTest::newRow("queue name")
                << u"JOB_QUEUE_LIMITS"_s << u"Web-Hooks=1"_s << u"\"Web-Hooks=1\""_s;
        // Every *_CA_FILE: a readable file, not a missing one or a directory.
        QTest::newRow("webhook CA missing")
                << u"WEBHOOKS_CA_FILE"_s << u"/nonexistent/ca.pem"_s << u"readable PEM file"_s;
        QTest::newRow("stripe CA directory")
                << u"STRIPE_CA_FILE"_s << u"/etc"_s << u"readable PEM file"_s;
    }

    void jobQueueLimits()
    {
        const auto defaults = ConfigLoader::load({});
        QVERIFY(defaults);
        QVERIFY(defaults->jobs.queueLimits.isEmpty());
        QCOMPARE(defaults->jobs.limitFor(u"webhooks"_s), defaults->jobs.workers - 1);

        ConfigLoader::Inputs inputs;
        inputs.environment.insert(u"JOB_WORKERS"_s, u"6"_s);
        inputs.environment.insert(u"JOB_QUEUE_LIMITS"_s, u" webhooks=1, payouts=2 "_s);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(config);
        QCOMPARE(config->jobs.limitFor(u"webhooks"_s), 1);
        QCOMPARE(config->jobs.limitFor(u"payouts"_s), 2);
        QCOMPARE(config->jobs.limitFor(u"mail"_s), 5);
        QVERIFY(config->describe().join(u'\n').contains(
                u"JOB_QUEUE_LIMITS=payouts=2,webhooks=1"_s));

        inputs.environment.insert(u"JOB_WORKERS"_s, u"1"_s);
        const auto single = ConfigLoader::load(inputs);
        QVERIFY(single);
        QCOMPARE(single->jobs.limitFor(u"mail"_s), 1); // one worker still runs every queue
    }
    void badValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        ConfigLoader::Inputs inputs;
        inputs.environment.insert(key, value);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(!config);
        const QString message = config.error().detail;
        QVERIFY2(message.contains(key), qPrintable(message));
        QVERIFY2(message.contains(u"environment"_s), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void secretsAreRedacted()
    {
        ConfigLoader::Inputs inputs;
        inputs.environment.insert(
                u"DATABASE_URL"_s, u"postgres://u:s3cret@db.example/x?sslmod=1"_s);
        const auto bad = ConfigLoader::load(inputs);
        QVERIFY(!bad);
        QVERIFY(!bad.error().detail.contains(u"s3cret"_s));

        inputs.environment.insert(
                u"DATABASE_URL"_s, u"postgres://u:s3cret@db.example:6543/x?sslmode=require"_s);
        const auto good = ConfigLoader::load(inputs);
        QVERIFY(good);
        const QString description = good->describe().join(u'\n');
        QVERIFY(!description.contains(u"s3cret"_s));
        QVERIFY(description.contains(u"db.example"_s));
    }

    void replicaSettings()
    {
        const auto defaults = ConfigLoader::load({});
        QVERIFY(defaults);
        QVERIFY(defaults->database.replicas.urls.isEmpty());
        QCOMPARE(defaults->database.replicas.wait.count(), 200);
        QCOMPARE(defaults->database.replicas.maxLag.count(), 5000);

        ConfigLoader::Inputs inputs;
        inputs.environment.insert(u"DATABASE_REPLICA_URLS"_s,
                u"postgres://u:s3cret@r1.example/x?sslmode=require, postgres://r2.example:6432/x"_s);
        inputs.environment.insert(u"DATABASE_REPLICA_WAIT_MS"_s, u"50"_s);
        inputs.environment.insert(u"DATABASE_REPLICA_MAX_LAG_MS"_s, u"900"_s);
        inputs.environment.insert(u"DATABASE_REPLICA_CHECK_MS"_s, u"250"_s);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(config);
        const auto &replicas = config->database.replicas;
        QCOMPARE(replicas.urls.size(), 2);
        QCOMPARE(replicas.urls.at(0).hosts, QStringList{u"r1.example"_s});
        QCOMPARE(replicas.urls.at(1).ports, QList<int>{6432});
        QCOMPARE(replicas.wait.count(), 50);
        QCOMPARE(replicas.maxLag.count(), 900);
        QCOMPARE(replicas.checkInterval.count(), 250);
        const QString description = config->describe().join(u'\n');
        QVERIFY(!description.contains(u"s3cret"_s));
        QVERIFY(description.contains(u"r2.example"_s));
    }

    void operationsSettings()
    {
        const auto defaults = ConfigLoader::load({});
        QVERIFY(defaults);
        QVERIFY(defaults->http.metricsToken.isEmpty());
        QCOMPARE(defaults->http.writesPerMinute, 120);
        QCOMPARE(defaults->http.expensivePerMinute, 60);

        ConfigLoader::Inputs inputs;
        inputs.environment.insert(u"METRICS_TOKEN"_s, u"s3cret-metrics-token"_s);
        inputs.environment.insert(u"RATE_LIMIT_WRITES_PER_MINUTE"_s, u"0"_s);
        inputs.environment.insert(u"RATE_LIMIT_EXPENSIVE_PER_MINUTE"_s, u"7"_s);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(config);
        QCOMPARE(config->http.metricsToken, QByteArray("s3cret-metrics-token"));
        QCOMPARE(config->http.writesPerMinute, 0);
        QCOMPARE(config->http.expensivePerMinute, 7);
        const QString description = config->describe().join(u'\n');
        QVERIFY(description.contains(u"METRICS_TOKEN=<redacted>"_s));
        QVERIFY(!description.contains(u"s3cret"_s));

        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                     {u"METRICS_TOKEN"_s, u"short"_s}, {u"RATE_LIMIT_WRITES_PER_MINUTE"_s, u"-1"_s},
                     {u"RATE_LIMIT_EXPENSIVE_PER_MINUTE"_s, u"many"_s}}) {
            ConfigLoader::Inputs bad;
            bad.environment.insert(key, value);
            QVERIFY2(!ConfigLoader::load(bad), qPrintable(key));
        }
    }

    void paymentSettings()
    {
        const auto defaults = ConfigLoader::load({});
        QVERIFY(defaults);
        QCOMPARE(defaults->payments.apiUrl, u"https://api.stripe.com"_s);
        QVERIFY(!defaults->payments.transfersEnabled());
        QVERIFY(!defaults->payments.webhooksEnabled());
        QCOMPARE(defaults->payments.webhookTolerance.count(), 300);
        QCOMPARE(defaults->payments.fetch.timeout.count(), 30'000);

        ConfigLoader::Inputs inputs;
        inputs.environment.insert(u"STRIPE_API_URL"_s, u"http://127.0.0.1:4242/"_s);
        inputs.environment.insert(u"STRIPE_SECRET_KEY"_s, u"sk_test_s3cretKeyValue"_s);
        inputs.environment.insert(u"STRIPE_WEBHOOK_SECRET"_s, u"whsec_s3cretHookValue"_s);
        inputs.environment.insert(u"STRIPE_WEBHOOK_TOLERANCE_SECONDS"_s, u"60"_s);
        inputs.environment.insert(u"STRIPE_TIMEOUT_SECONDS"_s, u"5"_s);
        const auto config = ConfigLoader::load(inputs);
        QVERIFY(config);
        QCOMPARE(config->payments.apiUrl, u"http://127.0.0.1:4242"_s);
        QCOMPARE(config->payments.secretKey, u"sk_test_s3cretKeyValue"_s);
        QCOMPARE(config->payments.webhookSecret, u"whsec_s3cretHookValue"_s);
        QCOMPARE(config->payments.webhookTolerance.count(), 60);
        QCOMPARE(config->payments.fetch.timeout.count(), 5'000);
        const QString description = config->describe().join(u'\n');
        QVERIFY(!description.contains(u"s3cret"_s));
        QVERIFY(description.contains(u"STRIPE_SECRET_KEY=<redacted>"_s));
        QVERIFY(description.contains(u"STRIPE_TIMEOUT_SECONDS=5"_s));

        // Plain http only to this machine; a key with a space in it is a paste error.
        for (const auto &[key, value] : QList<std::pair<QString, QString>>{
                     {u"STRIPE_API_URL"_s, u"http://api.stripe.com"_s},
                     {u"STRIPE_API_URL"_s, u"https://api.stripe.com?x=1"_s},
                     {u"STRIPE_SECRET_KEY"_s, u"sk_test s3cret"_s},
                     {u"STRIPE_WEBHOOK_TOLERANCE_SECONDS"_s, u"0"_s},
                     {u"STRIPE_TIMEOUT_SECONDS"_s, u"301"_s}}) {
            ConfigLoader::Inputs bad;
            bad.environment.insert(key, value);
            const auto refused = ConfigLoader::load(bad);
            QVERIFY2(!refused, qPrintable(key + u'=' + value));
            QVERIFY(refused.error().detail.contains(key));
            QVERIFY(!refused.error().detail.contains(u"s3cret"_s));
        }
    }

    void envFileSyntax_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QByteArray("A=b") << u"A"_s << u"b"_s;
        QTest::newRow("spaces") << QByteArray("  A = b  ") << u"A"_s << u"b"_s;
        QTest::newRow("double quotes") << QByteArray("A=\"b # c\"") << u"A"_s << u"b # c"_s;
        QTest::newRow("single quotes") << QByteArray("A='b=c'") << u"A"_s << u"b=c"_s;
        QTest::newRow("comment") << QByteArray("A=b # note") << u"A"_s << u"b"_s;
        QTest::newRow("export") << QByteArray("export A=b") << u"A"_s << u"b"_s;
        QTest::newRow("empty") << QByteArray("A=") << u"A"_s << QString();
        QTest::newRow("crlf") << QByteArray("A=b\r\n") << u"A"_s << u"b"_s;
    }
    void envFileSyntax()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const auto parsed = ConfigLoader::parseEnvFile(content, u"f"_s);
        QVERIFY(parsed);
        QCOMPARE(parsed->value(key), value);
    }

    void envFileErrors()
    {
        QVERIFY(!ConfigLoader::parseEnvFile("=value", u"f"_s));
        QVERIFY(!ConfigLoader::parseEnvFile("1A=b", u"f"_s));
        QVERIFY(!ConfigLoader::parseEnvFile("A=\"unterminated", u"f"_s));
        const auto error = ConfigLoader::parseEnvFile("A=1\nnot a line\n", u"my.env"_s);
        QVERIFY(!error);
        QVERIFY(error.error().detail.contains(u"my.env:2"_s));
    }

    void databaseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::newRow("full") << u"postgres://app:pw@db.example:5433/main"_s << true
                              << u"db.example"_s << 5433 << u"app"_s << u"pw"_s << u"main"_s;
        QTest::newRow("postgresql scheme") << u"postgresql://h/d"_s << true << u"h"_s << 5432
                                           << QString() << QString() << u"d"_s;
        QTest::newRow("encoded password") << u"postgres://u:p%40ss%3Aw%2Fd@h/d"_s << true << u"h"_s
                                          << 5432 << u"u"_s << u"p@ss:w/d"_s << u"d"_s;
        QTest::newRow("supabase pooler")
                << u"postgres://postgres.abcd:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres?sslmode=require"_s
                << true << u"aws-0-eu-central-1.pooler.supabase.com"_s << 5432 << u"postgres.abcd"_s
                << u"pw"_s << u"postgres"_s;
        QTest::newRow("socket") << u"postgres://u@localhost/d?host=/var/run/postgresql"_s << true
                                << u"/var/run/postgresql"_s << 5432 << u"u"_s << QString()
                                << u"d"_s;
        QTest::newRow("ipv6") << u"postgres://u@[::1]:6000/d"_s << true << u"::1"_s << 6000
                              << u"u"_s << QString() << u"d"_s;
        QTest::newRow("no database") << u"postgres://h"_s << false << QString() << 0 << QString()
                                     << QString() << QString();
        QTest::newRow("bad sslmode") << u"postgres://h/d?sslmode=sometimes"_s << false << QString()
                                     << 0 << QString() << QString() << QString();
        QTest::newRow("relative socket") << u"postgres://h/d?host=tmp/pg"_s << false << QString()
                                         << 0 << QString() << QString() << QString();
        QTest::newRow("semicolon") << u"postgres://h/d?application_name=a;b"_s << false << QString()
                                   << 0 << QString() << QString() << QString();
        QTest::newRow("empty host in a list") << u"postgres://h1,,h2/d"_s << false << QString() << 0
                                              << QString() << QString() << QString();
    }
    void databaseUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        const auto parsed = DatabaseUrl::parse(url);
        QCOMPARE(bool(parsed), valid);
        if (!valid) {
            return;
        }
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, database);
        QCOMPARE(parsed->hosts, QStringList{host});
        QCOMPARE(parsed->ports, QList<int>{port});
        QCOMPARE(parsed->user, user);
        QCOMPARE(parsed->password, password);
        QCOMPARE(parsed->database, database);
        // The full URL parses back to the same thing; the redacted one hides the password.
        const auto again = DatabaseUrl::parse(parsed->toUrlString());
        QVERIFY(again);
        QCOMPARE(again->password, password);
        QCOMPARE(again->hosts, QStringList{host});
        if (!password.isEmpty()) {
            QVERIFY(!parsed->redacted().contains(password));
        }
    }

    // libpq's multi-host URLs (PostgreSQL docs 34.1.1.3): the hosts are tried in order, each
    // with its own port or one port for all.
    void multiHostDatabaseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<QList<int>>("ports");
        QTest::addColumn<QString>("sessionAttrs");
        QTest::newRow("ports each")
                << u"postgres://app:pw@db1.example:5432,db2.example:5433/main?target_session_attrs=read-write"_s
                << QStringList{u"db1.example"_s, u"db2.example"_s} << QList<int>{5432, 5433}
                << u"read-write"_s;
        QTest::newRow("default ports")
                << u"postgresql://u@h1,h2,h3/d"_s << QStringList{u"h1"_s, u"h2"_s, u"h3"_s}
                << QList<int>{5432, 5432, 5432} << QString();
        QTest::newRow("one port parameter")
                << u"postgres://u@h1,h2/d?port=6000&target_session_attrs=primary"_s
                << QStringList{u"h1"_s, u"h2"_s} << QList<int>{6000, 6000} << u"primary"_s;
        QTest::newRow("port list parameter")
                << u"postgres://u@h1,h2/d?port=6000,6001"_s << QStringList{u"h1"_s, u"h2"_s}
                << QList<int>{6000, 6001} << QString();
        QTest::newRow("ipv6 and ipv4")
                << u"postgres://u@[::1]:5432,127.0.0.1:5433/d"_s
                << QStringList{u"::1"_s, u"127.0.0.1"_s} << QList<int>{5432, 5433} << QString();
        QTest::newRow("socket directories")
                << u"postgres://u@localhost/d?host=/run/a,/run/b"_s
                << QStringList{u"/run/a"_s, u"/run/b"_s} << QList<int>{5432, 5432} << QString();
    }
    void multiHostDatabaseUrls()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, hosts);
        QFETCH(QList<int>, ports);
        QFETCH(QString, sessionAttrs);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
        QCOMPARE(parsed->hosts, hosts);
        QCOMPARE(parsed->ports, ports);
        QCOMPARE(parsed->options.value(u"target_session_attrs"_s), sessionAttrs);
        // Both lists reach libpq: QPSQL quotes the host name it is given, the ports travel in
        // the connect options (setPort takes one number).
        QStringList portTexts;
        for (const int port : ports) {
            portTexts.append(QString::number(port));
        }
        const QString portList = u"port='"_s + portTexts.join(u',') + u'\'';
        QVERIFY(parsed->connectOptions(5).contains(portList));
        QVERIFY(parsed->libpqConnectionString().contains(
                u"host='"_s + hosts.join(u',') + u"' "_s + portList));
        // The URL it writes parses back to the same servers, in the same order.
        const auto again = DatabaseUrl::parse(parsed->toUrlString());
        QVERIFY2(again, qPrintable(parsed->toUrlString()));
        QCOMPARE(again->hosts, hosts);
        QCOMPARE(again->ports, ports);
        QCOMPARE(again->options, parsed->options);
        QCOMPARE(again->password, parsed->password);
    }

    void badMultiHostDatabaseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port count") << u"postgres://h1,h2,h3/d?port=1,2"_s << u"2 ports for 3"_s;
        QTest::newRow("host count against ports")
                << u"postgres://h1:1,h2:2/d?host=/run/a"_s << u"2 ports for 1"_s;
        QTest::newRow("empty entry") << u"postgres://h1,/d"_s << u"empty entry"_s;
        QTest::newRow("bad port in list") << u"postgres://h1:5432,h2:99999/d"_s << u"not a URL"_s;
        QTest::newRow("zero port parameter") << u"postgres://h1,h2/d?port=0"_s << u"1 to 65535"_s;
        QTest::newRow("zero port") << u"postgres://h1:0,h2/d"_s << u"1 to 65535"_s;
        QTest::newRow("session attrs")
                << u"postgres://h1,h2/d?target_session_attrs=rw"_s << u"target_session_attrs"_s;
        QTest::newRow("relative in host list")
                << u"postgres://h/d?host=/run/a,run/b"_s << u"absolute socket directories"_s;
        QStringList many;
        for (int i = 0; i <= DatabaseUrl::kMaxHosts; ++i) {
            many.append(u"h%1"_s.arg(i));
        }
        QTest::newRow("too many hosts")
                << u"postgres://"_s + many.join(u',') + u"/d"_s << u"at most 16 hosts"_s;
    }
    void badMultiHostDatabaseUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        const auto parsed = DatabaseUrl::parse(url);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().detail.contains(expected), qPrintable(parsed.error().detail));
    }

    void exampleConfigDocumentsEveryKey()
    {
        QFile file(QStringLiteral(INFLUENCE_EXAMPLE_CONFIG));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        for (const auto &[key, description] : ConfigLoader::knownKeys()) {
            if (key == u"CONFIG_FILE"_s || key.contains(u'<')) {
                continue; // environment only, or a pattern shown by example
            }
            QVERIFY2(content.contains(QByteArray("#" + key.toLatin1() + "=")), qPrintable(key));
        }
        // Uncommented, every example value is valid.
        QByteArray uncommented;
        for (const QByteArray &line : content.split('\n')) {
            if (line.startsWith('#') && line.contains('=') && !line.startsWith("# ")) {
                uncommented += line.mid(1) + '\n';
            }
        }
        const auto values = ConfigLoader::parseEnvFile(uncommented, u"example"_s);
        QVERIFY(values);
        ConfigLoader::Inputs inputs;
        for (auto it = values->cbegin(); it != values->cend(); ++it) {
            // Paths that depend on the machine.
            if (it.key() != u"POSTGRES_BIN_DIR"_s && it.key() != u"SMTP_CA_FILE"_s
                    && it.key() != u"OIDC_CA_FILE"_s && it.key() != u"WEBHOOKS_CA_FILE"_s) {
                inputs.environment.insert(it.key(), it.value());
            }
        }
        const auto config = ConfigLoader::load(inputs);
        QVERIFY2(config, qPrintable(config ? QString() : config.error().detail));
    }

    void connectOptionsQuoteValues()
    {
        auto parsed = DatabaseUrl::parse(u"postgres://h/d?sslmode=require&application_name=it's"_s);
        QVERIFY(parsed);
        const QString options = parsed->connectOptions(5);
        QVERIFY(options.contains(u"connect_timeout=5"_s));
        QVERIFY(options.contains(u"sslmode='require'"_s));
        QVERIFY(options.contains(u"application_name='it\\'s'"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
