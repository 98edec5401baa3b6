// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "widgets/Page.h"

#include <QStringList>
#include <QWidget>

class QLabel;

namespace influence::common {
class ApiClient;
}

namespace influence::desktop {

class Session;
class SimilarCreatorsList;

/// "More like these": the creators like those selected in discovery, taken together (GET
/// /influencers/{id}/similar?also=…), none of them listed. Opens under Discovery; Back returns
/// to the selection, a row opens its creator (creatorActivated()).
class LookalikesPage : public QWidget, public Page
{
    Q_OBJECT

public:
    /// Creators asked for.
    static constexpr int kLimit = 50;

    LookalikesPage(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    /// Shows the creators like `ids` (named `names`, for the title).
    void showLookalikes(const QStringList &ids, const QStringList &names);
    SimilarCreatorsList *list() const { return m_list; }

    QVariant saveState() const override;
    void restoreState(const QVariant &state) override;
    QString crumb() const override;

Q_SIGNALS:
    void creatorActivated(const QString &influencerId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QStringList m_names;
    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    SimilarCreatorsList *m_list = nullptr;
};

} // namespace influence::desktop
