// SPDX-License-Identifier: Apache-2.0
#include "LanguagePicker.h"

#include "common/Validation.h"

#include <QEvent>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// Also matched by the filter: the language's English name ("German" finds Deutsch).
constexpr int kEnglishNameRole = Qt::UserRole + 1;

QListWidgetItem *itemOf(const QListWidget *list, const QString &code)
{
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == code) {
            return list->item(i);
        }
    }
    return nullptr;
}

/// A language's own name: the same in every language of the app, and what its speakers look for.
/// QLocale names its default locale's variant ("American English", "español de España"): the
/// worldwide locale's name is taken where there is one ("English"), else the shortest name of
/// the language's locales that starts the default one ("español").
QString ownName(QLocale::Language language)
{
    QString name = QLocale(language).nativeLanguageName();
    if (!name.isEmpty() && !name.contains(u' ')) {
        return name; // one word: no variant's name ("Deutsch", "français")
    }
    const QLocale world(language, QLocale::World);
    if (world.language() == language && world.territory() == QLocale::World
            && !world.nativeLanguageName().isEmpty()) {
        return world.nativeLanguageName();
    }
    for (const QLocale &locale :
            QLocale::matchingLocales(language, QLocale::AnyScript, QLocale::AnyTerritory)) {
        const QString other = locale.nativeLanguageName();
        if (!other.isEmpty() && other.size() < name.size() && name.startsWith(other)) {
            name = other;
        }
    }
    return name.isEmpty() ? QLocale::languageToString(language) : name;
}

} // namespace

QList<std::pair<QString, QString>> LanguagePicker::choices()
{
    // The same in every language of the app (own names), so made once: asking QLocale for every
    // language's locales takes long enough to be felt.
    static const QList<std::pair<QString, QString>> kChoices = [] {
        QList<std::pair<QString, QString>> choices;
        QStringList seen;
        for (int value = 2; value <= static_cast<int>(QLocale::LastLanguage); ++value) {
            const auto language = static_cast<QLocale::Language>(value);
            const QString code = QLocale::languageToCode(language, QLocale::ISO639Part1);
            if (!common::validation::isLanguageCode(code) || seen.contains(code)) {
                continue;
            }
            seen.append(code);
            choices.append({name(code) + u" ("_s + code + u')', code});
        }
        std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
            return QString::localeAwareCompare(a.first, b.first) < 0;
        });
        return choices;
    }();
    return kChoices;
}

QString LanguagePicker::name(const QString &code)
{
    // Called on the GUI thread only.
    static QHash<QString, QString> names;
    if (const auto known = names.constFind(code); known != names.cend()) {
        return *known;
    }
    const QLocale::Language language = QLocale::codeToLanguage(code, QLocale::ISO639Part1);
    QString name = language == QLocale::AnyLanguage ? code : ownName(language);
    names.insert(code, name);
    return name;
}

LanguagePicker::LanguagePicker(const QString &objectName, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit;
    m_filter->setObjectName(objectName + u"Filter"_s);
    m_filter->setClearButtonEnabled(true);
    m_list = new QListWidget;
    m_list->setObjectName(objectName);
    m_list->setMaximumHeight(120);
    m_list->setUniformItemSizes(true);
    for (const auto &[name, code] : choices()) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setData(Qt::UserRole, code);
        item->setData(kEnglishNameRole,
                QLocale::languageToString(QLocale::codeToLanguage(code, QLocale::ISO639Part1)));
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_chosen = new QLabel;
    m_chosen->setObjectName(objectName + u"Chosen"_s);
    m_chosen->setWordWrap(true);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(m_chosen);
    setFocusProxy(m_filter);

    connect(m_filter, &QLineEdit::textChanged, this, &LanguagePicker::applyFilter);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString code = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked && !m_order.contains(code)) {
            m_order.append(code);
        } else if (item->checkState() != Qt::Checked) {
            m_order.removeAll(code);
        }
        showChosen();
        Q_EMIT selectionChanged();
    });
    retranslate();
}

void LanguagePicker::setSelected(const QStringList &codes)
{
    {
        const QSignalBlocker blocker(m_list);
        for (int i = m_list->count() - 1; i >= 0; --i) {
            QListWidgetItem *item = m_list->item(i);
            const QString code = item->data(Qt::UserRole).toString();
            if (item->data(kEnglishNameRole).isNull() && !codes.contains(code)) {
                delete item; // a code kept from an earlier profile, no longer given
                continue;
            }
            item->setCheckState(codes.contains(code) ? Qt::Checked : Qt::Unchecked);
        }
        for (const QString &code : codes) {
            if (!itemOf(m_list, code)) {
                auto *item = new QListWidgetItem(code, m_list); // no name known: as it is
                item->setData(Qt::UserRole, code);
                item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
                item->setCheckState(Qt::Checked);
            }
        }
    }
    m_order = codes;
    m_order.removeDuplicates();
    showChosen();
    Q_EMIT selectionChanged();
}

QStringList LanguagePicker::selected() const
{
    return m_order;
}

void LanguagePicker::applyFilter(const QString &text)
{
    const QString wanted = text.trimmed();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool shown = wanted.isEmpty() || item->text().contains(wanted, Qt::CaseInsensitive)
                || item->data(kEnglishNameRole).toString().contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!shown);
    }
}

void LanguagePicker::showChosen()
{
    QStringList names;
    for (const QString &code : std::as_const(m_order)) {
        const QListWidgetItem *item = itemOf(m_list, code);
        names.append(item ? item->text() : code);
    }
    m_chosen->setText(
            names.isEmpty() ? tr("None chosen.") : tr("Chosen: %1").arg(names.join(u", "_s)));
}

void LanguagePicker::retranslate()
{
    m_filter->setPlaceholderText(tr("Find a language (its name or code)"));
    m_list->setAccessibleName(tr("Languages"));
    showChosen();
}

void LanguagePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
