// SPDX-License-Identifier: Apache-2.0
#include "ReviewDialog.h"

#include "deals/DealText.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::DeliverableVersion;
using influence::common::ReviewDecision;

namespace influence::desktop {

ReviewDialog::ReviewDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"reviewDialog"_s);
    buildUi();
    retranslate();
}

void ReviewDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel;
    m_heading->setObjectName(u"reviewHeading"_s);
    m_heading->setStyleSheet(u"font-weight: bold;"_s);
    layout->addWidget(m_heading);
    m_rounds = new QLabel;
    m_rounds->setObjectName(u"reviewRounds"_s);
    layout->addWidget(m_rounds);

    auto *sides = new QGridLayout;
    m_currentLabel = new QLabel;
    m_previousLabel = new QLabel;
    m_current = new QTextBrowser;
    m_current->setObjectName(u"reviewCurrent"_s);
    m_current->setOpenExternalLinks(true);
    m_previous = new QTextBrowser;
    m_previous->setObjectName(u"reviewPrevious"_s);
    m_previous->setOpenExternalLinks(true);
    sides->addWidget(m_currentLabel, 0, 0);
    sides->addWidget(m_previousLabel, 0, 1);
    sides->addWidget(m_current, 1, 0);
    sides->addWidget(m_previous, 1, 1);
    layout->addLayout(sides, 2);

    m_historyLabel = new QLabel;
    layout->addWidget(m_historyLabel);
    m_history = new QTextBrowser;
    m_history->setObjectName(u"reviewHistory"_s);
    layout->addWidget(m_history, 1);

    m_feedbackLabel = new QLabel;
    m_feedback = new QPlainTextEdit;
    m_feedback->setObjectName(u"reviewFeedback"_s);
    m_feedback->setTabChangesFocus(true);
    m_feedback->setMaximumHeight(90);
    m_feedbackLabel->setBuddy(m_feedback);
    layout->addWidget(m_feedbackLabel);
    layout->addWidget(m_feedback);
    m_status = new QLabel;
    m_status->setObjectName(u"reviewStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QHBoxLayout;
    m_approve = new QPushButton;
    m_approve->setObjectName(u"approveButton"_s);
    m_approveWithChanges = new QPushButton;
    m_approveWithChanges->setObjectName(u"approveWithChangesButton"_s);
    m_requestChanges = new QPushButton;
    m_requestChanges->setObjectName(u"requestChangesButton"_s);
    m_close = new QPushButton;
    buttons->addWidget(m_requestChanges);
    buttons->addWidget(m_approveWithChanges);
    buttons->addWidget(m_approve);
    buttons->addStretch();
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, [this] {
        decide(ReviewDecision::Approved);
    });
    connect(m_approveWithChanges, &QPushButton::clicked, this, [this] {
        decide(ReviewDecision::ApprovedWithChanges);
    });
    connect(m_requestChanges, &QPushButton::clicked, this, [this] {
        decide(ReviewDecision::ChangesRequested);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    resize(900, 620);
}

void ReviewDialog::retranslate()
{
    setWindowTitle(tr("Review draft"));
    m_historyLabel->setText(tr("Feedback so far"));
    m_feedbackLabel->setText(tr("&Feedback for the creator (required unless you approve as is)"));
    m_approve->setText(tr("&Approve"));
    m_approveWithChanges->setText(tr("Approve &with changes"));
    m_requestChanges->setText(tr("Request &changes"));
    m_close->setText(tr("Close"));
    fill();
}

void ReviewDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void ReviewDialog::setDeliverable(const common::Deliverable &deliverable)
{
    m_deliverable = deliverable;
    m_feedback->clear();
    m_status->clear();
    fill();
}

QString ReviewDialog::versionHtml(const DeliverableVersion &version) const
{
    QString html = u"<p><b>%1</b></p>"_s.arg(
            tr("Submitted %1")
                    .arg(QLocale().toString(
                            version.submittedAt.toLocalTime(), QLocale::ShortFormat)));
    html += u"<p>%1</p>"_s.arg(Formats::linkified(version.caption));
    if (!version.mediaUrls.isEmpty()) {
        QStringList links;
        for (const QString &url : version.mediaUrls) {
            links.append(Formats::linkified(url));
        }
        html += u"<p>%1<br>%2</p>"_s.arg(tr("Media:"), links.join(u"<br>"_s));
    }
    if (!version.notes.isEmpty()) {
        html += u"<p><i>%1</i> %2</p>"_s.arg(tr("Notes:"), Formats::linkified(version.notes));
    }
    return html;
}

void ReviewDialog::fill()
{
    const QList<DeliverableVersion> &versions = m_deliverable.versions;
    const bool inReview = m_deliverable.status == common::DeliverableStatus::InReview;
    m_heading->setText(tr("Deliverable %1: %2")
                               .arg(m_deliverable.position)
                               .arg(DealText::deliverableStatus(m_deliverable.status)));
    m_rounds->setText(tr("Revision rounds used: %1 of %2")
                              .arg(m_deliverable.revisionsUsed)
                              .arg(m_deliverable.maxRevisions));
    if (versions.isEmpty()) {
        m_currentLabel->setText(tr("No draft yet"));
        m_current->clear();
    } else {
        const DeliverableVersion &latest = versions.last();
        m_currentLabel->setText(inReview ? tr("Version %1 (in review)").arg(latest.version)
                                         : tr("Version %1").arg(latest.version));
        m_current->setHtml(versionHtml(latest));
    }
    if (versions.size() < 2) {
        m_previousLabel->setText(tr("No previous version"));
        m_previous->clear();
    } else {
        const DeliverableVersion &previous = versions.at(versions.size() - 2);
        m_previousLabel->setText(tr("Version %1 (previous)").arg(previous.version));
        m_previous->setHtml(versionHtml(previous));
    }
    QString history;
    for (const DeliverableVersion &version : versions) {
        if (!version.decision) {
            continue;
        }
        history += u"<p><b>%1</b> — %2<br>%3</p>"_s.arg(tr("Version %1").arg(version.version),
                Names::reviewDecision(*version.decision), Formats::linkified(version.feedback));
    }
    m_history->setHtml(history.isEmpty() ? tr("No feedback yet.").toHtmlEscaped() : history);
    m_approve->setEnabled(inReview);
    m_approveWithChanges->setEnabled(inReview);
    const bool roundsLeft = m_deliverable.revisionsUsed < m_deliverable.maxRevisions;
    m_requestChanges->setEnabled(inReview && roundsLeft);
    m_requestChanges->setToolTip(roundsLeft ? QString()
                                            : tr("Every revision round agreed in the offer is "
                                                 "used."));
}

void ReviewDialog::decide(ReviewDecision decision)
{
    if (m_deliverable.versions.isEmpty()) {
        return;
    }
    common::ReviewInput review;
    review.decision = decision;
    review.feedback = m_feedback->toPlainText().trimmed();
    auto checked = common::collab::validateReview(common::reviewJson(review));
    if (!checked) {
        m_status->setText(review.feedback.isEmpty()
                        ? tr("Please say what should change.")
                        : tr("The feedback is too long (at most 5000 characters)."));
        m_feedback->setFocus();
        return;
    }
    Q_EMIT decided(m_deliverable.versions.last().version, *checked);
}

void ReviewDialog::showError(const common::Error &error)
{
    m_status->setText(ErrorText::sentence(error));
    setBusy(false);
}

QString ReviewDialog::statusText() const
{
    return m_status->text();
}

QString ReviewDialog::currentText() const
{
    return m_current->toPlainText();
}

QString ReviewDialog::previousText() const
{
    return m_previous->toPlainText();
}

QString ReviewDialog::historyText() const
{
    return m_history->toPlainText();
}

void ReviewDialog::setBusy(bool busy)
{
    if (busy) {
        m_status->setText(tr("Sending…"));
        m_approve->setEnabled(false);
        m_approveWithChanges->setEnabled(false);
        m_requestChanges->setEnabled(false);
    } else {
        fill();
    }
}

} // namespace influence::desktop
