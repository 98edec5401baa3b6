// SPDX-License-Identifier: Apache-2.0
#include "CountryNames.h"

#include "common/MoCatalog.h"
#include "common/Validation.h"

#include <QComboBox>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QSignalBlocker>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

using Names = QHash<QString, QString>; // alpha-2 code → name

const QString kIsoList = u"/usr/share/iso-codes/json/iso_3166-1.json"_s;
const QString kCatalog = u"/usr/share/locale/%1/LC_MESSAGES/iso_3166-1.mo"_s;

QMutex g_mutex;
std::shared_ptr<const Names> g_names; // guarded by g_mutex
quint64 g_generation = 0; // guarded by g_mutex: the newest load wins

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Runs on a worker thread.
std::shared_ptr<const Names> read(const QString &language)
{
    const QJsonArray countries =
            QJsonDocument::fromJson(contents(kIsoList)).object().value(u"3166-1"_s).toArray();
    QHash<QString, QString> translations;
    if (language != u"en"_s) {
        // The language's catalog; a missing or broken one leaves the English names.
        if (auto catalog = common::readMoCatalog(contents(kCatalog.arg(language)))) {
            translations = std::move(*catalog);
        }
    }
    auto names = std::make_shared<Names>();
    for (const auto &value : countries) {
        const QJsonObject country = value.toObject();
        const QString code = country.value(u"alpha_2"_s).toString();
        // "South Korea" rather than "Korea, Republic of"; the catalogs translate both.
        QString name = country.value(u"common_name"_s).toString();
        if (name.isEmpty() || (!translations.isEmpty() && !translations.contains(name))) {
            name = country.value(u"name"_s).toString();
        }
        if (!code.isEmpty() && !name.isEmpty()) {
            names->insert(code, translations.value(name, name));
        }
    }
    return names;
}

} // namespace

CountryNames *CountryNames::instance()
{
    static auto *const names = new CountryNames; // lives as long as the app
    return names;
}

QFuture<void> CountryNames::load(const QString &language)
{
    quint64 generation = 0;
    {
        const QMutexLocker lock(&g_mutex);
        generation = ++g_generation;
    }
    return QtConcurrent::run([language, generation] {
        auto names = read(language);
        const QMutexLocker lock(&g_mutex);
        const bool newest = generation == g_generation && !names->isEmpty();
        if (newest) {
            g_names = std::move(names);
        }
        return newest;
    }).then(instance(), [](bool changed) {
        if (changed) {
            Q_EMIT instance()->changed();
        }
    });
}

QString CountryNames::name(const QString &code)
{
    {
        const QMutexLocker lock(&g_mutex);
        if (g_names) {
            if (const auto found = g_names->constFind(code.toUpper()); found != g_names->cend()) {
                return *found;
            }
        }
    }
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    return territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
}

QString CountryNames::withCode(const QString &code)
{
    return u"%1 (%2)"_s.arg(name(code), code.toUpper());
}

QList<std::pair<QString, QString>> CountryNames::choices()
{
    QList<std::pair<QString, QString>> choices;
    QStringList seen;
    for (int value = 1; value <= static_cast<int>(QLocale::LastTerritory); ++value) {
        const QString code = QLocale::territoryToCode(static_cast<QLocale::Territory>(value));
        if (!common::validation::isCountryCode(code) || seen.contains(code)) {
            continue;
        }
        seen.append(code);
        choices.append({withCode(code), code});
    }
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    return choices;
}

void CountryNames::refillPicker(QComboBox *picker)
{
    const QSignalBlocker quiet(picker);
    const QString chosen = picker->currentData().toString();
    while (picker->count() > 1) {
        picker->removeItem(picker->count() - 1);
    }
    for (const auto &[countryName, code] : choices()) {
        picker->addItem(countryName, code);
    }
    choose(picker, chosen);
}

void CountryNames::choose(QComboBox *picker, const QString &code)
{
    int index = picker->findData(code);
    if (index < 0 && !code.isEmpty()) {
        picker->addItem(code, code);
        index = picker->count() - 1;
    }
    picker->setCurrentIndex(std::max(0, index));
}

} // namespace influence::desktop
