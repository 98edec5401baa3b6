// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

class QComboBox;

#include <utility>

namespace influence::desktop {

/// Country names in the app's language ("Spanien" for ES in German), from Debian's iso-codes:
/// the ISO 3166-1 list (/usr/share/iso-codes/json/iso_3166-1.json, its short common names where
/// it has them) and its translations (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo, read by
/// common::readMoCatalog). The files are read on a worker thread when the language is set; until
/// then, or where iso-codes is missing, the names are QLocale's English ones, and the views that
/// show countries update on changed().
class CountryNames : public QObject
{
    Q_OBJECT

public:
    /// The one instance, for changed().
    static CountryNames *instance();
    /// Starts reading the names for `language` ("en", "de"); when they are in use, changed() is
    /// emitted on the GUI thread and the future finishes. Called on the GUI thread
    /// (Languages::apply).
    static QFuture<void> load(const QString &language);
    /// The name of an ISO 3166-1 alpha-2 code; the code itself when it names no country.
    static QString name(const QString &code);
    /// "Spanien (ES)": the name with its code, as filters and profiles show it.
    static QString withCode(const QString &code);
    /// Every country a creator can give (common's ISO 3166-1 codes) as (withCode(), code),
    /// sorted by name in the current locale: the pickers' choices.
    static QList<std::pair<QString, QString>> choices();
    /// Fills a country picker whose first item means "none" with choices(), keeping its choice
    /// (the profiles' pickers call it again on changed()).
    static void refillPicker(QComboBox *picker);
    /// Chooses `code` in such a picker; a code without a name here is added as it is (kept, not
    /// lost on the next save); empty chooses "none".
    static void choose(QComboBox *picker, const QString &code);

Q_SIGNALS:
    /// Other names are in use (a load finished).
    void changed();

private:
    CountryNames() = default;
};

} // namespace influence::desktop
