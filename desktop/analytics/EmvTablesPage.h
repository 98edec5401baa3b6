// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "widgets/Page.h"

#include <QLocale>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace influence::desktop {

class Session;
class StateStack;

/// The values earned media value (EMV) counts per action, per platform and currency: the
/// platform's defaults, or the brand's own table, which replaces them for its campaigns in that
/// currency (GET/PUT /api/v1/analytics/emv-tables). Values are typed in the currency's major
/// units with up to four more decimals than it has ("0.025" € per like), read exactly. Only the
/// brand's owner changes them; the server says so to staff who try.
class EmvTablesPage : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Saving, Failed };
    Q_ENUM(State)
    enum Column {
        PlatformColumn,
        PerMilleColumn,
        ViewColumn,
        LikeColumn,
        CommentColumn,
        ShareColumn,
        SaveColumn,
        ClickColumn,
        Columns
    };

    EmvTablesPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    void reload();
    /// Shows the table for `currency` (the brand's own, else the defaults).
    void showCurrency(const QString &currency);
    QString currency() const;
    /// The table shown: the brand's own for the currency, else the defaults.
    const common::EmvTable *shown() const;
    QTableWidget *table() const { return m_table; }
    /// Checks what was typed and, when every value reads, saves it as the brand's table for the
    /// currency; false (and nothing sent) when not.
    bool save();
    QString statusText() const;
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    void stateChanged(influence::desktop::EmvTablesPage::State state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void fillCurrencies();
    void fillTable();
    void fitColumns();
    /// The decimals a value of the shown currency is typed with (its own plus four).
    int decimals() const;

    common::ApiClient *m_api;
    common::AnalyticsApi m_calls;
    Session *m_session;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    common::Error m_error;
    QList<common::EmvTable> m_tables;
    QString m_currency;
    /// The language the values on screen are written in.
    QLocale m_locale;

    StateStack *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QComboBox *m_currencies = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_source = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reload = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace influence::desktop
