// SPDX-License-Identifier: Apache-2.0
#include "DesktopApp.h"

#include "app/Languages.h"
#include "app/MainWindow.h"
#include "common/ApiClient.h"
#include "session/Session.h"
#include "session/SignInDialog.h"
#include "session/TokenStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace influence::desktop {

int runDesktopApp(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Influence"_s);
    QApplication::setApplicationName(u"influence-desktop"_s);
    QApplication::setApplicationVersion(QStringLiteral(INFLUENCE_VERSION));
    QApplication::setDesktopFileName(u"influence-desktop"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("DesktopApp", "Influence desktop app for agency staff."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
            {u"server"_s, QApplication::translate("DesktopApp", "Connect to this server URL."),
                    u"url"_s},
            {u"lang"_s, QApplication::translate("DesktopApp", "User interface language (en, de)."),
                    u"code"_s},
    });
    parser.process(app);

    Languages languages;
    QSettings settings;
    QString language = parser.value(u"lang"_s);
    if (language.isEmpty()) {
        language = settings.value(u"ui/language"_s, Languages::bestMatch(QLocale())).toString();
    }
    languages.apply(language);

    common::ApiClient api;
    KeychainTokenStore tokens;
    Session session(&api, &tokens);
    MainWindow window(&api, &session, &languages);
    const QString serverUrl = parser.isSet(u"server"_s) ? parser.value(u"server"_s)
                                                        : SignInDialog::rememberedServerUrl();
    window.signInDialog()->setServerUrl(serverUrl);
    window.show();

    // Continue the stored session if the keychain has one for this server; otherwise sign in.
    api.setBaseUrl(QUrl::fromUserInput(serverUrl));
    QObject::connect(&tokens, &TokenStore::readFinished, &window,
            [&window, &session](const QString &, const QString &refreshToken) {
                if (refreshToken.isEmpty()) {
                    window.requireSignIn();
                    return;
                }
                QObject::connect(&session, &Session::signInFailed, &window, [&window, &session] {
                    if (session.state() == Session::State::SignedOut
                            && !window.signInDialog()->isVisible()) {
                        window.requireSignIn();
                    }
                });
                session.resume(refreshToken);
            });
    if (serverUrl.isEmpty()) {
        window.requireSignIn();
    } else {
        tokens.read(session.storeKey());
    }
    const int code = QApplication::exec();
    settings.setValue(u"ui/language"_s, languages.current());
    return code;
}

} // namespace influence::desktop
