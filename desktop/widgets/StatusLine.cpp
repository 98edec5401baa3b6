// SPDX-License-Identifier: Apache-2.0
#include "StatusLine.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSet>

namespace influence::desktop {

namespace {

/// Watches the application for language changes and clears every status line then.
class LanguageWatch : public QObject
{
public:
    static LanguageWatch &instance()
    {
        static LanguageWatch watch;
        return watch;
    }

    void add(StatusLine *line)
    {
        if (QCoreApplication *app = QCoreApplication::instance(); app && app != m_app) {
            app->installEventFilter(this);
            m_app = app;
        }
        m_lines.insert(line);
    }
    void remove(StatusLine *line) { m_lines.remove(line); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_app && event->type() == QEvent::LanguageChange) {
            for (StatusLine *line : std::as_const(m_lines)) {
                line->clear();
            }
        }
        return false;
    }

private:
    QCoreApplication *m_app = nullptr;
    QSet<StatusLine *> m_lines;
};

} // namespace

StatusLine::StatusLine(QWidget *parent)
    : QLabel(parent)
{
    LanguageWatch::instance().add(this);
}

StatusLine::~StatusLine()
{
    LanguageWatch::instance().remove(this);
}

} // namespace influence::desktop
