// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "deals/DealContext.h"
#include "widgets/Loading.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace influence::desktop {

/// The deal page's Deliverables tab: the deliverables with due dates and overdue marks, the
/// selected one's versions with the brand's decisions, the review button for the brand, and
/// the draft and live-post forms for the creator. The tab loads the selected deliverable's
/// versions itself; the page sends the steps. The tab checks nothing but what the user typed.
class DealDeliverablesTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealDeliverablesTab(common::ApiClient *api, QWidget *parent = nullptr);

    /// Lists the deal's deliverables, keeping the selection (else the first is selected), and
    /// loads the selected one's versions.
    void setDeal(const common::Deal &deal);
    /// Drops what is on its way (the page was left).
    void cancel();
    /// The selected deliverable's versions are on their way.
    bool isLoading() const { return m_load.isActive(); }
    /// The selected deliverable with its versions (an empty id: none loaded).
    const common::Deliverable &detail() const { return m_detail; }
    /// Offers the steps the deliverable's state allows `context`'s side; none while its
    /// versions are on their way.
    void updateActions(const DealContext &context);
    /// Forgets the deal, the selection and whatever was typed.
    void clear();

    /// The id of the selected deliverable (empty: none).
    QString selectedId() const { return m_selected; }
    void selectRow(int row);
    bool maySubmitDraft() const;
    bool maySubmitLive() const;
    common::DraftInput draft() const;
    void clearDraft();
    QString liveUrl() const;
    void clearLiveUrl();

Q_SIGNALS:
    void reviewRequested();
    void draftRequested();
    void liveRequested();
    /// The versions asked for (by setDeal() or a selection) arrived, or failed.
    void loadFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillList();
    void fillDetail();
    void loadDetail();
    void refreshActions();

    Loading m_load;
    common::CollabApi m_collab;
    DealContext m_context;
    common::Deal m_deal;
    common::Deliverable m_detail;
    QString m_selected;

    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QTextBrowser *m_versions = nullptr;
    QPushButton *m_review = nullptr;
    QWidget *m_draftBox = nullptr;
    QLabel *m_draftTitle = nullptr;
    QLabel *m_captionLabel = nullptr;
    QPlainTextEdit *m_caption = nullptr;
    QLabel *m_mediaLabel = nullptr;
    QLineEdit *m_media = nullptr;
    QLabel *m_notesLabel = nullptr;
    QLineEdit *m_notes = nullptr;
    QPushButton *m_submitDraft = nullptr;
    QLabel *m_liveLabel = nullptr;
    QLineEdit *m_liveUrl = nullptr;
    QPushButton *m_submitLive = nullptr;
};

} // namespace influence::desktop
