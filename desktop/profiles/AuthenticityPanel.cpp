// SPDX-License-Identifier: Apache-2.0
#include "AuthenticityPanel.h"

#include "profiles/AuthenticityMarkers.h"
#include "widgets/Names.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;
using Kind = influence::common::AuthenticityEvent::Kind;

namespace influence::desktop {

AuthenticityPanel::AuthenticityPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"authenticityPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    const auto text = [](const QString &name) {
        auto *label = new QLabel;
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_scoreLabel = text(u"authenticityScore"_s);
    m_reasons = text(u"authenticityReasons"_s);
    m_caveat = text(u"authenticityCaveat"_s);
    QPalette muted = m_caveat->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_caveat->setPalette(muted);
    for (QLabel *label : {m_title, m_scoreLabel, m_reasons, m_caveat}) {
        layout->addWidget(label);
    }
    retranslate();
}

void AuthenticityPanel::showProfile(const common::InfluencerProfile &profile)
{
    m_score = profile.authenticityScore;
    m_accounts = profile.accounts;
    retranslate();
}

QString AuthenticityPanel::scoreText() const
{
    return m_scoreLabel->text();
}

QString AuthenticityPanel::reasonsText() const
{
    return m_reasons->text();
}

void AuthenticityPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

QString AuthenticityPanel::accountText(const common::ConnectedAccount &account) const
{
    const QString platform = Names::platform(account.platform);
    QStringList lines{
            tr("%1 @%2: %3")
                    .arg(platform.isEmpty() ? account.platformName : platform, account.handle,
                            AuthenticityText::score(account.authenticityScore))};
    // What lowers the score, newest first (as the server lists its reasons).
    int organic = 0;
    const QList<common::AuthenticityEvent> &events = account.authenticityEvents;
    for (qsizetype i = events.size(); i-- > 0;) {
        const common::AuthenticityEvent &event = events.at(i);
        if (event.kind == Kind::OrganicSpike) {
            ++organic;
        } else {
            lines.append(u"• "_s + AuthenticityText::reason(event));
        }
    }
    if (organic > 0) {
        lines.append(tr("• %n organic spike(s) with more views or engagement, not counted against "
                        "the score",
                nullptr, organic));
    } else if (lines.size() == 1 && account.authenticityScore) {
        lines.append(tr("• Nothing suspicious found in the follower history"));
    }
    return lines.join(u'\n');
}

void AuthenticityPanel::retranslate()
{
    m_title->setText(tr("Authenticity"));
    m_scoreLabel->setText(
            tr("Authenticity score: %1, weighted by followers over the accounts. It falls with "
               "follower jumps that bring no more views or engagement (the sign of bought "
               "followers) and with follow/unfollow churn.")
                    .arg(AuthenticityText::score(m_score)));
    QStringList accounts;
    for (const common::ConnectedAccount &account : std::as_const(m_accounts)) {
        accounts.append(accountText(account));
    }
    m_reasons->setText(
            accounts.isEmpty() ? tr("No connected accounts to judge.") : accounts.join(u"\n\n"_s));
    m_caveat->setText(tr("A spike is not proof of a purchase: a giveaway, a collaboration or an "
                         "advert can bring many followers at once too. Check the dates against "
                         "the creator's campaigns before judging."));
}

} // namespace influence::desktop
