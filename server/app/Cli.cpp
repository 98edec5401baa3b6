// SPDX-License-Identifier: Apache-2.0
#include "Cli.h"

#include "Config.h"
#include "ForecastCommand.h"
#include "ServerApp.h"
#include "UnixSignals.h"
#include "UserCommand.h"
#include "app/seed/ProgressBar.h"
#include "app/seed/Seeder.h"
#include "core/db/Connection.h"
#include "core/db/DatabaseSettings.h"
#include "core/db/ManagedPostgres.h"
#include "core/db/Migrator.h"
#include "core/log/Log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace influence::server {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString helpEpilogue()
{
    QString text =
            u"\nCommands:\n"
            "  serve          Run the server (the default).\n"
            "  migrate        Apply database migrations and exit.\n"
            "  seed           Load deterministic demo data (see --influencers).\n"
            "  user create    Create an account, e.g. the first administrator:\n"
            "                   influence-server user create --admin --email a@example.com\n"
            "                 The password is read from standard input (prompted on a terminal).\n"
            "  forecast       Forecast a series from a CSV file, print CSV (no database):\n"
            "                   influence-server forecast --input FILE.csv --season 7 --horizon "
            "30\n"
            "  check-config   Validate the configuration, print it (secrets redacted).\n"
            "  version        Print the version.\n"
            "\nConfiguration (highest precedence first): the environment, a .env file in the\n"
            "working directory, the --config file (or CONFIG_FILE), then defaults. Files hold\n"
            "KEY=value lines with # comments. Keys:\n"_s;
    for (const auto &[key, help] : ConfigLoader::knownKeys()) {
        text += u"  %1\n      %2\n"_s.arg(key, help);
    }
    return text;
}

int forecastCommand(const QCommandLineParser &parser)
{
    ForecastCommandOptions options;
    options.input = parser.value(u"input"_s);
    for (const auto &[name, target] :
            {std::pair{u"season"_s, &options.season}, std::pair{u"horizon"_s, &options.horizon},
                    std::pair{u"levels"_s, &options.levels}}) {
        if (parser.isSet(name)) {
            *target = parser.value(name);
        }
    }
    options.nonNegative = parser.isSet(u"non-negative"_s);
    return runForecastCommand(options, out(), err());
}

int serve(const Config &config, bool demoData)
{
    ServerApp app(config);
    ServerApp::StartOptions options;
    options.demoData = demoData;
    if (auto started = app.start(options); !started) {
        err() << "influence-server: cannot start: " << started.error().detail << '\n';
        return kExitFailure;
    }
    // A line for people and scripts: where to go.
    out() << "influence-server " << INFLUENCE_VERSION << " listening on " << app.url()
          << " (API docs: " << app.url() << "/docs)\n"
          << Qt::flush;

    UnixSignals signals({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&signals, &UnixSignals::received, &app, [&app](int signalNumber) {
        if (signalNumber == SIGHUP) {
            return; // reserved for log reopening; ignored rather than fatal
        }
        app.shutdown();
    });
    QObject::connect(&app, &ServerApp::stopped, QCoreApplication::instance(), [] {
        QCoreApplication::exit(0);
    });
    ::signal(SIGPIPE, SIG_IGN);
    return QCoreApplication::exec();
}

int migrate(const Config &config)
{
    std::unique_ptr<db::ManagedPostgres> managed;
    auto settings = db::connectionSettingsFor(config.database, config.dataDir, managed);
    if (!settings) {
        err() << "influence-server: " << settings.error().detail << '\n';
        return kExitFailure;
    }
    db::Connection connection(*settings, u"influence-cli"_s);
    auto report = db::Migrator().migrate(connection);
    if (!report) {
        err() << "influence-server: migration failed: " << report.error().detail << '\n';
        return kExitFailure;
    }
    out() << "schema version " << report->current << " (" << report->applied.size()
          << " migration(s) applied now)\n";
    return 0;
}

int runSeed(const Config &config, const QCommandLineParser &parser)
{
    seed::SeedOptions options;
    bool ok = true;
    if (parser.isSet(u"influencers"_s)) {
        options.influencers = parser.value(u"influencers"_s).toInt(&ok);
    }
    if (ok && parser.isSet(u"brands"_s)) {
        options.brands = parser.value(u"brands"_s).toInt(&ok);
    }
    if (ok && parser.isSet(u"days"_s)) {
        options.days = parser.value(u"days"_s).toInt(&ok);
    }
    if (ok && parser.isSet(u"long-history"_s)) {
        options.longHistoryAccounts = parser.value(u"long-history"_s).toInt(&ok);
    }
    if (ok && parser.isSet(u"posts"_s)) {
        options.posts = parser.value(u"posts"_s).toInt(&ok);
    }
    if (ok && parser.isSet(u"seed"_s)) {
        options.seed = parser.value(u"seed"_s).toULongLong(&ok);
    }
    if (!ok || options.influencers < 0 || options.brands < -1) {
        err() << "influence-server: --influencers, --brands, --days, --posts and --seed take "
                 "whole numbers\n";
        return kExitUsage;
    }
    options.evaluationWorld = parser.value(u"evaluation-world"_s);
    options.ifEmpty = parser.isSet(u"if-empty"_s);
    options.reset = parser.isSet(u"reset"_s);
    // A bar on a terminal, or wherever it is asked for (bench/run keeps it in its log).
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    std::optional<seed::ProgressBar> progressBar;
    if (terminal || parser.isSet(u"progress"_s)) {
        progressBar.emplace(err(),
                terminal ? seed::ProgressBar::Output::Terminal : seed::ProgressBar::Output::Log);
        options.progress = [&progressBar](const QString &stage, qint64 done, qint64 total) {
            progressBar->update(stage, done, total);
        };
    }

    std::unique_ptr<db::ManagedPostgres> managed;
    auto settings = db::connectionSettingsFor(config.database, config.dataDir, managed);
    if (!settings) {
        err() << "influence-server: " << settings.error().detail << '\n';
        return kExitFailure;
    }
    db::Connection connection(*settings, u"influence-cli"_s);
    if (auto migrated = db::Migrator().migrate(connection); !migrated) {
        err() << "influence-server: migration failed: " << migrated.error().detail << '\n';
        return kExitFailure;
    }
    QElapsedTimer timer;
    timer.start();
    auto report = seed::seedDatabase(connection, options);
    if (!report) {
        err() << "influence-server: seeding failed: " << report.error().detail << '\n';
        return kExitFailure;
    }
    if (report->skipped) {
        out() << "nothing to do: " << report->reason << '\n';
        return 0;
    }
    out() << "seeded " << report->users << " users (" << report->influencers << " creators, "
          << report->brands << " brands), " << report->accounts << " connected accounts, "
          << report->rates << " rates, " << report->snapshots << " metric snapshots, "
          << report->posts << " posts (" << report->deliverablePosts << " of deals) with "
          << report->postMetrics << " post metric rows, " << report->audienceRows
          << " audience rows";
    if (report->evaluationTests > 0) {
        out() << ", an evaluation world with " << report->evaluationTests << " test campaigns";
    }
    out() << " in " << timer.elapsed() << " ms\n";
    return 0;
}

} // namespace

int runCommandLine(int argc, char **argv)
{
    // The server keeps and prints every time in UTC. With TZ unset, glibc stats /etc/localtime
    // on every local-time conversion, and QPSQL converts each timestamptz it reads: two system
    // calls per typical request for nothing (bench/results/profile-me-latest.txt).
    if (!qEnvironmentVariableIsSet("TZ")) {
        qputenv("TZ", "UTC");
    }
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(u"influence-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(INFLUENCE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Influencer management and analytics platform: the REST API server."_s
            + helpEpilogue());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s,
            u"serve (default), migrate, seed, user create, forecast, check-config, version"_s,
            u"[command]"_s);
    parser.addOptions({
            {u"config"_s, u"Read settings from this file (KEY=value lines)."_s, u"file"_s},
            {u"port"_s, u"Listen on this port (overrides PORT)."_s, u"port"_s},
            {u"demo"_s,
                    u"serve: load demo data first if the database is empty, and give three demo accounts new passwords (logged)."_s},
            {u"influencers"_s, u"seed: number of creators (default 1000)."_s, u"n"_s},
            {u"brands"_s, u"seed: number of brands (default: one per 20 creators)."_s, u"n"_s},
            {u"seed"_s, u"seed: random seed (default 42)."_s, u"n"_s},
            {u"posts"_s,
                    u"seed: posts with --days of daily figures each, every fifth a deal's "
                    "deliverable (default 0; --posts 50000 --days 200: 10 million rows)."_s,
                    u"n"_s},
            {u"days"_s, u"seed: days of daily metric history per verified account (default 90)."_s,
                    u"n"_s},
            {u"long-history"_s,
                    u"seed: this many verified accounts get two years (730 days) of history."_s,
                    u"n"_s},
            {u"evaluation-world"_s,
                    u"seed: also the recommendation evaluation's world; its hidden outcomes go "
                    "to this file (bench/recommendations/README.md)."_s,
                    u"file"_s},
            {u"if-empty"_s, u"seed: do nothing if the database already has users."_s},
            {u"reset"_s, u"seed: delete all users and their data first."_s},
            {u"progress"_s, u"seed: show progress on stderr also when it is not a terminal."_s},
            {u"email"_s, u"user create: the account's e-mail address."_s, u"address"_s},
            {u"admin"_s, u"user create: an administrator (the default)."_s},
            {u"role"_s, u"user create: admin, brand or influencer."_s, u"role"_s},
            {u"display-name"_s, u"user create: the name shown for the account."_s, u"name"_s},
            {u"input"_s, u"forecast: the series, the last column of a CSV file."_s, u"file"_s},
            {u"season"_s,
                    u"forecast: the seasonal period (1 for none, 7 for weekly in daily data)."_s,
                    u"m"_s},
            {u"horizon"_s, u"forecast: steps to forecast (default 30)."_s, u"h"_s},
            {u"levels"_s, u"forecast: interval levels in percent (default 80,95)."_s, u"list"_s},
            {u"non-negative"_s, u"forecast: clamp means and bounds at 0 (counts)."_s},
    });
    parser.process(application);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, u"serve"_s);
    const bool userCreate = command == u"user"_s && positional.value(1) == u"create"_s;
    if (positional.size() > (userCreate ? 2 : 1)) {
        err() << "influence-server: one command at a time (got " << positional.join(u' ') << ")\n";
        return kExitUsage;
    }
    if (command == u"forecast"_s) {
        return forecastCommand(parser);
    }
    if (command == u"version"_s) {
        out() << "influence-server " << INFLUENCE_VERSION << " (Qt " << qVersion() << ")\n";
        return 0;
    }

    ConfigLoader::Inputs inputs = ConfigLoader::processInputs();
    inputs.configFile = parser.value(u"config"_s);
    if (parser.isSet(u"port"_s)) {
        inputs.overrides.insert(u"PORT"_s, parser.value(u"port"_s));
    }
    auto config = ConfigLoader::load(inputs);
    if (!config) {
        err() << "influence-server: configuration error: " << config.error().detail << '\n';
        return kExitUsage;
    }
    log::install(config->log);
    for (const QString &warning : config->warnings) {
        qWarning("%s", qPrintable(warning));
    }

    if (command == u"check-config"_s) {
        out() << "configuration OK\n";
        for (const QString &line : config->describe()) {
            out() << "  " << line << '\n';
        }
        return 0;
    }
    if (command == u"serve"_s) {
        return serve(*config, parser.isSet(u"demo"_s));
    }
    if (command == u"migrate"_s) {
        return migrate(*config);
    }
    if (command == u"seed"_s) {
        return runSeed(*config, parser);
    }
    if (userCreate) {
        UserCreateOptions options;
        options.email = parser.value(u"email"_s);
        options.displayName = parser.value(u"display-name"_s);
        if (parser.isSet(u"role"_s)) {
            const auto role = common::userRoleFromString(parser.value(u"role"_s));
            if (!role || (parser.isSet(u"admin"_s) && *role != common::UserRole::Admin)) {
                err() << "influence-server: --role takes admin, brand or influencer\n";
                return kExitUsage;
            }
            options.role = *role;
        }
        return createUser(*config, options);
    }
    err() << "influence-server: unknown command \"" << command << "\" (see --help)\n";
    return kExitUsage;
}

} // namespace influence::server
