// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QVariant>
#include <QWidget>

namespace influence::desktop {

/// The main window's history, as a browser keeps one: every page the user went to, with what it
/// showed (Page::saveState(), for pages that implement Page), so that Back and Forward show it as
/// it was. Going somewhere new after going back drops the entries ahead, as browsers do.
class Navigator : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QPointer<QWidget> page;
        QVariant state;
    };

    explicit Navigator(QObject *parent = nullptr);

    /// Records that `from` (with its state) is left for another page: the entry Back returns to.
    void leave(QWidget *from);
    /// Takes the user one entry back (false when there is none); `current` is the page on
    /// screen, remembered for Forward.
    bool back(QWidget *current);
    bool forward(QWidget *current);

    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    /// Forgets everything (sign-out).
    void clear();

Q_SIGNALS:
    /// Back or Forward chose this entry: the window shows the page with this state.
    void navigate(QWidget *page, const QVariant &state);
    void changed();

private:
    static Entry entryOf(QWidget *page);
    bool step(QList<Entry> &from, QList<Entry> &to, QWidget *current);

    QList<Entry> m_back;
    QList<Entry> m_forward;
};

} // namespace influence::desktop
