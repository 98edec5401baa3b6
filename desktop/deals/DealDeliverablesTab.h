// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"
#include "deals/DealContext.h"

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
/// the draft and live-post forms for the creator. The page loads and sends; the tab shows,
/// keeps which deliverable is selected and checks nothing but what the user typed.
class DealDeliverablesTab : public QWidget
{
    Q_OBJECT

public:
    explicit DealDeliverablesTab(QWidget *parent = nullptr);

    /// Lists the deal's deliverables, keeping the selection (else the first is selected).
    void setDeal(const common::Deal &deal);
    /// The selected deliverable with its versions (an empty id: none loaded).
    void setDetail(const common::Deliverable &deliverable);
    void showDetailError(const QString &text);
    void updateActions(const DealContext &context, const common::Deliverable &detail);
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
    void selected(const QString &deliverableId);
    void reviewRequested();
    void draftRequested();
    void liveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillList();
    void fillDetail();

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
