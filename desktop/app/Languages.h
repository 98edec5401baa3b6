// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace influence::desktop {

/// The languages the app ships, and switching between them at run time. Widgets retranslate on
/// QEvent::LanguageChange.
class Languages : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code; ///< "en", "de"
        QString nativeName; ///< "English", "Deutsch"
    };

    explicit Languages(QObject *parent = nullptr);
    ~Languages() override;

    static QList<Language> available();
    /// The shipped language closest to `locale` (English when none matches).
    static QString bestMatch(const QLocale &locale);

    /// Installs the app's and Qt's translations for `code`; false if the code is not shipped.
    bool apply(const QString &code);
    QString current() const { return m_current; }

private:
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace influence::desktop
