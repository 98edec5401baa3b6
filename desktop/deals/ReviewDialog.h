// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CollabApi.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace influence::desktop {

/// The brand's review of a draft: the version in review beside the previous one, the feedback
/// history, the revision rounds used of those allowed, and the three decisions. Feedback is
/// required where the shared rules (common::collab::validateReview) require it; nothing is sent
/// otherwise. Opened with open(), never exec().
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReviewDialog(QWidget *parent = nullptr);

    /// Shows `deliverable` (with its versions); its latest version is the one under review.
    void setDeliverable(const common::Deliverable &deliverable);
    const common::Deliverable &deliverable() const { return m_deliverable; }
    /// Asks for `decision` with the typed feedback (what the buttons do).
    void decide(common::ReviewDecision decision);
    void showError(const common::Error &error);
    QString statusText() const;
    QString currentText() const;
    QString previousText() const;
    QString historyText() const;
    void setBusy(bool busy);

Q_SIGNALS:
    void decided(int version, const influence::common::ReviewInput &review);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void fill();
    QString versionHtml(const common::DeliverableVersion &version) const;

    common::Deliverable m_deliverable;
    QLabel *m_heading = nullptr;
    QLabel *m_rounds = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLabel *m_previousLabel = nullptr;
    QTextBrowser *m_current = nullptr;
    QTextBrowser *m_previous = nullptr;
    QLabel *m_historyLabel = nullptr;
    QTextBrowser *m_history = nullptr;
    QLabel *m_feedbackLabel = nullptr;
    QPlainTextEdit *m_feedback = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_approveWithChanges = nullptr;
    QPushButton *m_requestChanges = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace influence::desktop
