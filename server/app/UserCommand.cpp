// SPDX-License-Identifier: Apache-2.0
#include "UserCommand.h"

#include "Config.h"
#include "auth/Accounts.h"
#include "auth/PasswordHasher.h"
#include "common/AuthTypes.h"
#include "core/db/Connection.h"
#include "core/db/DatabaseSettings.h"
#include "core/db/ManagedPostgres.h"
#include "core/db/Migrator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace influence::server {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/// One line from standard input; on a terminal, prompted and without echo.
std::optional<QString> readPassword(const char *prompt)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!read) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

} // namespace

int createUser(const Config &config, UserCreateOptions options)
{
    if (!options.password) {
        options.password = readPassword("Password: ");
        if (options.password && isatty(STDIN_FILENO) == 1
                && readPassword("Repeat the password: ") != options.password) {
            err() << "influence-server: the passwords differ\n";
            return kExitUsage;
        }
        if (!options.password) {
            err() << "influence-server: no password on standard input\n";
            return kExitUsage;
        }
    }
    // The API's rules for the address and the password (the role is checked separately: the
    // API never lets anyone register as an administrator).
    const auto command = common::auth::validateRegistration({{u"email"_s, options.email},
            {u"password"_s, *options.password}, {u"displayName"_s, options.displayName}});
    if (!command) {
        err() << "influence-server: " << command.error().detail << '\n';
        for (const auto &field : command.error().fieldErrors) {
            err() << "  " << field.field << ": " << field.message << '\n';
        }
        return kExitUsage;
    }

    std::unique_ptr<db::ManagedPostgres> managed;
    auto settings = db::connectionSettingsFor(config.database, config.dataDir, managed);
    if (!settings) {
        err() << "influence-server: " << settings.error().detail << '\n';
        return kExitFailure;
    }
    db::Connection connection(*settings, u"influence-cli-user"_s);
    if (auto migrated = db::Migrator().migrate(connection); !migrated) {
        err() << "influence-server: migration failed: " << migrated.error().detail << '\n';
        return kExitFailure;
    }
    auth::NewAccount account;
    account.email = command->email;
    account.passwordHash = auth::PasswordHasher().hash(command->password);
    account.role = options.role;
    account.displayName = command->displayName;
    // Whoever runs this command on the server vouches for the address.
    account.address = auth::EmailAddress::Confirmed;
    const auto user = auth::accounts::create(connection, account);
    if (!user) {
        err() << "influence-server: " << user.error().detail << '\n';
        return kExitFailure;
    }
    QTextStream(stdout) << "created " << common::wireName(options.role) << ' ' << user->email
                        << " (id " << user->id.toString(QUuid::WithoutBraces) << ")\n";
    return 0;
}

} // namespace influence::server
