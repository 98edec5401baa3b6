// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"

#include <QStackedWidget>
#include <QString>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace influence::desktop {

/// What every page shows while its data is not on screen: loading (a busy bar and a sentence),
/// empty (a sentence and, if there is one, the action that fills it), an error (what went
/// wrong in plain words, with Retry) or the content itself. A page puts its content in and
/// switches between the four; the widgets are named after the page (`<stem>Loading`,
/// `<stem>Empty`, `<stem>EmptyAction`, `<stem>Error`, `retry<Stem>Button`) so that tests and
/// accessibility tools find them.
class StateStack : public QStackedWidget
{
    Q_OBJECT

public:
    enum class State { Loading, Empty, Error, Content };
    Q_ENUM(State)

    /// `stem` names the widgets ("deal" → "dealError", "retryDealButton").
    StateStack(const QString &stem, QWidget *content, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QWidget *content() const { return m_content; }

    void showLoading(const QString &text = {});
    /// `actionText` empty: no action button.
    void showEmpty(const QString &text, const QString &actionText = {});
    /// The error's headline and detail (ErrorText), above Retry.
    void showError(const common::Error &error);
    /// An error worded by the page itself.
    void showErrorText(const QString &text);
    void showContent();

    /// Texts of the current state again, after a language change (the page calls it, and
    /// passes the sentences anew for loading and empty).
    void retranslate();

    QLabel *errorLabel() const { return m_errorLabel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *emptyActionButton() const { return m_emptyAction; }

Q_SIGNALS:
    void retryRequested();
    void emptyActionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setState(State state);

    State m_state = State::Content;
    QWidget *m_content;
    QLabel *m_loadingLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_emptyAction = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retry = nullptr;
    std::optional<common::Error> m_error;
};

} // namespace influence::desktop
