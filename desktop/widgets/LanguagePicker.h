// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <utility>

class QEvent;
class QLabel;
class QLineEdit;
class QListWidget;

namespace influence::desktop {

/// Picks the languages someone speaks from a list, instead of typing codes: every language a
/// creator can give (common's ISO 639-1 codes), each by its own name with its code
/// ("Deutsch (de)"), checkable, with a filter line above ("deu", "de" or "Germ" find German) and
/// the chosen ones named in order under it. Codes it has no name for are kept, checked, at the
/// end. The list is named `objectName`, the filter `<objectName>Filter`, the summary
/// `<objectName>Chosen`.
class LanguagePicker : public QWidget
{
    Q_OBJECT

public:
    explicit LanguagePicker(const QString &objectName, QWidget *parent = nullptr);

    /// Every language a creator can give as (its own name with the code, code), sorted by name.
    static QList<std::pair<QString, QString>> choices();
    /// A language's own name by its ISO 639-1 code ("English", "Deutsch"); the code when unknown.
    static QString name(const QString &code);

    void setSelected(const QStringList &codes);
    /// The checked languages' codes, in the order they were checked (those set first).
    QStringList selected() const;
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void selectionChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilter(const QString &text);
    void showChosen();

    QLineEdit *m_filter = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_chosen = nullptr;
    QStringList m_order; ///< checked codes, in the order they were checked
};

} // namespace influence::desktop
