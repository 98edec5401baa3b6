// SPDX-License-Identifier: Apache-2.0
#include "Languages.h"

#include "widgets/CountryNames.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QScopeGuard>
#include <QTranslator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

Languages::Languages(QObject *parent)
    : QObject(parent)
{ }

Languages::~Languages()
{
    if (m_app) {
        QCoreApplication::removeTranslator(m_app.get());
    }
    if (m_qt) {
        QCoreApplication::removeTranslator(m_qt.get());
    }
}

QList<Languages::Language> Languages::available()
{
    // Native names are deliberately not translated.
    return {{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
}

QString Languages::bestMatch(const QLocale &locale)
{
    for (const QString &name : locale.uiLanguages()) {
        QString code = name.left(2).toLower();
        const QList<Language> languages = available();
        if (std::any_of(languages.cbegin(), languages.cend(), [&code](const Language &language) {
                return language.code == code;
            })) {
            return code;
        }
    }
    return u"en"_s;
}

bool Languages::apply(const QString &code)
{
    bool known = false;
    for (const Language &language : available()) {
        known = known || language.code == code;
    }
    if (!known) {
        return false;
    }
    if (m_app) {
        QCoreApplication::removeTranslator(m_app.get());
        m_app.reset();
    }
    if (m_qt) {
        QCoreApplication::removeTranslator(m_qt.get());
        m_qt.reset();
    }
    m_current = code;
    // Numbers, dates and money follow the chosen language.
    QLocale::setDefault(QLocale(code));
    // Country names are read from iso-codes on a worker thread; the views showing countries
    // update when they are in (CountryNames::changed).
    CountryNames::load(code);
    // Qt announces a translator change only once the event loop runs; announce it ourselves so
    // that a switch before (or without) exec() also retranslates every window.
    const auto announce = qScopeGuard([] {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    });
    // English is the source language: no catalogue needed.
    if (code == u"en"_s) {
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    if (app->load(u":/i18n/influence_desktop_"_s + code + u".qm"_s)) {
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(u"qtbase_"_s + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    return m_app != nullptr;
}

} // namespace influence::desktop
