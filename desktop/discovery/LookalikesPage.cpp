// SPDX-License-Identifier: Apache-2.0
#include "LookalikesPage.h"

#include "common/RecommendationsApi.h"
#include "session/Session.h"
#include "widgets/RecommendationText.h"
#include "widgets/SimilarCreatorsList.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

LookalikesPage::LookalikesPage(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"lookalikesPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel;
    m_title->setObjectName(u"lookalikesTitle"_s);
    m_title->setWordWrap(true);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    m_list = new SimilarCreatorsList(api, u"lookalikes"_s, kLimit);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    connect(m_list, &SimilarCreatorsList::creatorActivated, this,
            &LookalikesPage::creatorActivated);
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut) {
            m_names.clear();
            m_list->clear(); // another user may sign in next
            retranslate();
        }
    });
    retranslate();
}

void LookalikesPage::retranslate()
{
    setWindowTitle(tr("More like these"));
    m_title->setText(m_names.isEmpty()
                    ? windowTitle()
                    : tr("Creators like %1").arg(RecommendationText::list(m_names)));
    m_intro->setText(tr("Ranked by how much their niches, words, audience, platforms and size "
                        "resemble those of the creators chosen, taken together. Double-click a "
                        "creator to open their profile."));
}

void LookalikesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void LookalikesPage::showLookalikes(const QStringList &ids, const QStringList &names)
{
    const QStringList chosen = ids.mid(0, common::RecommendationsApi::kMaxAlso + 1);
    m_names = names.mid(0, chosen.size());
    retranslate();
    m_list->showSimilar(chosen);
}

QVariant LookalikesPage::saveState() const
{
    return QVariantList{m_list->creatorIds(), m_names};
}

void LookalikesPage::restoreState(const QVariant &state)
{
    const QVariantList parts = state.toList();
    const QStringList ids = parts.value(0).toStringList();
    if (!ids.isEmpty() && ids != m_list->creatorIds()) {
        showLookalikes(ids, parts.value(1).toStringList());
    }
}

QString LookalikesPage::crumb() const
{
    return m_names.size() == 1 ? tr("Like %1").arg(m_names.constFirst()) : windowTitle();
}

} // namespace influence::desktop
