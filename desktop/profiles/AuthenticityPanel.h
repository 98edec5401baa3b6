// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ProfileApi.h"

#include <QWidget>

class QLabel;

namespace influence::desktop {

/// A creator's authenticity on their profile: the aggregate score, each account's score with
/// the reasons it is below 100 in plain words (the user's language), and the caveat that a
/// follower spike may come from a giveaway or an advert rather than a purchase.
class AuthenticityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AuthenticityPanel(QWidget *parent = nullptr);

    void showProfile(const common::InfluencerProfile &profile);
    /// The aggregate line and the per-account reasons as shown.
    QString scoreText() const;
    QString reasonsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString accountText(const common::ConnectedAccount &account) const;

    std::optional<int> m_score;
    QList<common::ConnectedAccount> m_accounts;
    QLabel *m_title = nullptr;
    QLabel *m_scoreLabel = nullptr;
    QLabel *m_reasons = nullptr;
    QLabel *m_caveat = nullptr;
};

} // namespace influence::desktop
