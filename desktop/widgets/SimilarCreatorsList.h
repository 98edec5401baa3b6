// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/RecommendationsApi.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace influence::desktop {

class StateStack;

/// Creators like one creator, or like several together ("More like these"): GET
/// /influencers/{id}/similar with `also`, one row each with the similarity, the traits they
/// share (in the user's language), followers and country. Double-click or Enter opens a
/// creator (creatorActivated()). Loading, empty and error (with Retry) states; shown on a
/// creator's profile and on discovery's lookalikes page.
class SimilarCreatorsList : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)
    enum Column { Creator, Similarity, Followers, Country, Traits, ColumnCount };

    /// `stem` names the widgets (`<stem>Table`, `<stem>Loading`, …); `limit` creators asked for.
    SimilarCreatorsList(
            common::ApiClient *api, const QString &stem, int limit, QWidget *parent = nullptr);

    /// Asks for the creators like `ids` together (the first and the rest as `also`).
    void showSimilar(const QStringList &ids);
    void reload();
    void clear();
    QStringList creatorIds() const { return m_ids; }
    State state() const { return m_state; }
    const QList<common::SimilarCreator> &creators() const { return m_creators; }
    QTableWidget *table() const { return m_table; }
    StateStack *states() const { return m_states; }

Q_SIGNALS:
    void stateChanged(influence::desktop::SimilarCreatorsList::State state);
    void creatorActivated(const QString &influencerId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setState(State state);
    void fill();

    common::ApiClient *m_api;
    common::RecommendationsApi m_calls;
    int m_limit;
    QStringList m_ids;
    QList<common::SimilarCreator> m_creators;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QTableWidget *m_table = nullptr;
    StateStack *m_states = nullptr;
};

} // namespace influence::desktop
