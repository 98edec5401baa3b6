// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"
#include "common/CollabApi.h"
#include "widgets/AnalyticsText.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace influence::desktop {

/// Brand staff (or the creator) type in a day's figures of a live deliverable's post where no
/// platform gives them (Stories): the lifetime totals as of that day, each optional, and a link
/// to the evidence (a screenshot of the insights). Sent with PUT /deliverables/{id}/metrics/
/// {day}; the server's refusals (not live, a day before publication, a bad figure) are shown in
/// the dialog, which stays open. Window-modal, never exec().
class MetricsEntryDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Loading, Ready, Saving, NoLiveDeliverable, Error };
    Q_ENUM(State)

    MetricsEntryDialog(common::ApiClient *api, QString campaignId, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QComboBox *deliverableBox() const { return m_deliverable; }
    QDateEdit *dayEdit() const { return m_day; }
    QLineEdit *field(Metric metric) const { return m_fields.value(int(metric)); }
    QLineEdit *evidenceEdit() const { return m_evidence; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *messageLabel() const { return m_message; }
    /// Selects the deliverable `id` (false when it is not listed).
    bool selectDeliverable(const QString &id);
    /// Sends what is typed.
    void save();

Q_SIGNALS:
    /// The server took the figures; `history` is the post's history now.
    void saved(const influence::common::PostMetricsHistory &history);

private:
    void load();
    void dealsLoaded(const QList<common::Deal> &deals);
    void deliverablesLoaded(const QList<common::Deliverable> &deliverables);
    /// One deal's deliverables are in (or could not be read); the last fills the list.
    void oneLoaded();
    void setState(State state);
    QString typedError() const;

    common::CollabApi m_collab;
    common::AnalyticsApi m_analytics;
    QString m_campaignId;
    State m_state = State::Loading;
    int m_pending = 0;
    QHash<QString, QString> m_dealNames;
    QList<std::pair<QString, QString>> m_live; ///< deliverable id, its line

    QComboBox *m_deliverable = nullptr;
    QDateEdit *m_day = nullptr;
    QHash<int, QLineEdit *> m_fields;
    QLineEdit *m_evidence = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace influence::desktop
