// SPDX-License-Identifier: Apache-2.0
#include "DesktopApp.h"

#include "Languages.h"
#include "MainWindow.h"
#include "common/ApiClient.h"

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
    MainWindow window(&api, &languages);
    if (parser.isSet(u"server"_s)) {
        window.setServerUrl(parser.value(u"server"_s));
    }
    window.show();
    if (parser.isSet(u"server"_s)) {
        window.connectToServer();
    }
    const int code = QApplication::exec();
    settings.setValue(u"ui/language"_s, languages.current());
    return code;
}

} // namespace influence::desktop
