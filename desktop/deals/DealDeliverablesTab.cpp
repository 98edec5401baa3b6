// SPDX-License-Identifier: Apache-2.0
#include "DealDeliverablesTab.h"

#include "common/ApiClient.h"
#include "deals/DealText.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"
#include "widgets/Tables.h"

#include <QColor>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::DealSide;
using influence::common::Deliverable;
using influence::common::DeliverableStatus;
using influence::common::DeliverableVersion;
using influence::common::Result;

namespace influence::desktop {

namespace {

enum DeliverableColumn {
    ItemNumber,
    ItemType,
    ItemPlatform,
    ItemDue,
    ItemStatus,
    ItemRevisions,
    ItemLive
};

} // namespace

DealDeliverablesTab::DealDeliverablesTab(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_load(api, this)
    , m_collab(api)
{
    setObjectName(u"dealDeliverablesTab"_s);
    auto *layout = new QVBoxLayout(this);
    m_empty = new QLabel;
    m_empty->setObjectName(u"deliverablesEmpty"_s);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    auto *splitter = new QSplitter(Qt::Vertical);
    m_list = new QTreeWidget;
    m_list->setObjectName(u"deliverablesList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(ItemLive + 1);
    m_list->header()->setSectionResizeMode(ItemLive, QHeaderView::Stretch);
    m_versions = new QTextBrowser;
    m_versions->setObjectName(u"deliverableVersions"_s);
    m_versions->setOpenExternalLinks(true);
    splitter->addWidget(m_list);
    splitter->addWidget(m_versions);
    layout->addWidget(splitter, 1);

    auto *reviewRow = new QHBoxLayout;
    m_review = new QPushButton;
    m_review->setObjectName(u"reviewDraftButton"_s);
    reviewRow->addWidget(m_review);
    reviewRow->addStretch();
    layout->addLayout(reviewRow);

    m_draftBox = new QWidget;
    m_draftBox->setObjectName(u"draftBox"_s);
    auto *form = new QFormLayout(m_draftBox);
    form->setContentsMargins(0, 0, 0, 0);
    m_draftTitle = new QLabel;
    m_draftTitle->setStyleSheet(u"font-weight: bold;"_s);
    form->addRow(m_draftTitle);
    m_caption = new QPlainTextEdit;
    m_caption->setObjectName(u"draftCaption"_s);
    m_caption->setTabChangesFocus(true);
    m_caption->setMaximumHeight(70);
    m_captionLabel = new QLabel;
    m_captionLabel->setBuddy(m_caption);
    form->addRow(m_captionLabel, m_caption);
    m_media = new QLineEdit;
    m_media->setObjectName(u"draftMedia"_s);
    m_mediaLabel = new QLabel;
    m_mediaLabel->setBuddy(m_media);
    form->addRow(m_mediaLabel, m_media);
    m_notes = new QLineEdit;
    m_notes->setObjectName(u"draftNotes"_s);
    m_notesLabel = new QLabel;
    m_notesLabel->setBuddy(m_notes);
    form->addRow(m_notesLabel, m_notes);
    m_submitDraft = new QPushButton;
    m_submitDraft->setObjectName(u"submitDraftButton"_s);
    form->addRow(QString(), m_submitDraft);
    auto *live = new QHBoxLayout;
    m_liveUrl = new QLineEdit;
    m_liveUrl->setObjectName(u"liveUrl"_s);
    m_submitLive = new QPushButton;
    m_submitLive->setObjectName(u"submitLiveButton"_s);
    live->addWidget(m_liveUrl, 1);
    live->addWidget(m_submitLive);
    m_liveLabel = new QLabel;
    m_liveLabel->setBuddy(m_liveUrl);
    form->addRow(m_liveLabel, live);
    layout->addWidget(m_draftBox);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!current) {
            return;
        }
        const QString id = current->data(ItemNumber, Qt::UserRole).toString();
        if (id != m_selected) {
            m_selected = id;
            loadDetail();
        }
    });
    connect(m_review, &QPushButton::clicked, this, &DealDeliverablesTab::reviewRequested);
    connect(m_submitDraft, &QPushButton::clicked, this, &DealDeliverablesTab::draftRequested);
    connect(m_submitLive, &QPushButton::clicked, this, &DealDeliverablesTab::liveRequested);
    connect(m_liveUrl, &QLineEdit::returnPressed, this, &DealDeliverablesTab::liveRequested);
    retranslate();
}

void DealDeliverablesTab::retranslate()
{
    m_list->setHeaderLabels({tr("#"), tr("Type"), tr("Platform"), tr("Due"), tr("Status"),
            tr("Revisions"), tr("Live post")});
    m_review->setText(tr("Re&view draft…"));
    m_draftTitle->setText(tr("Submit a draft"));
    m_captionLabel->setText(tr("&Caption"));
    m_mediaLabel->setText(tr("Media &addresses"));
    m_media->setPlaceholderText(tr("https addresses, separated by spaces"));
    m_notesLabel->setText(tr("N&otes for the reviewer"));
    m_submitDraft->setText(tr("Su&bmit draft"));
    m_liveLabel->setText(tr("&Live post"));
    m_liveUrl->setPlaceholderText(tr("https address of the published post"));
    m_submitLive->setText(tr("&Report live"));
    if (!m_deal.id.isEmpty()) {
        fillList();
        fillDetail();
    }
}

void DealDeliverablesTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void DealDeliverablesTab::setDeal(const common::Deal &deal)
{
    m_deal = deal;
    fillList();
    loadDetail();
}

void DealDeliverablesTab::cancel()
{
    m_load.cancel();
}

void DealDeliverablesTab::loadDetail()
{
    cancel();
    if (m_selected.isEmpty()) {
        m_detail = {};
        fillDetail();
        refreshActions();
        return;
    }
    const quint64 generation = m_load.start();
    refreshActions(); // the detail shown is the one from before until the answer is here
    const common::ApiClient::OwnerScope owner(m_load.api(), this);
    continueIn(this, m_collab.deliverable(m_selected),
            [this, generation](const Result<Deliverable> &result) {
                if (!m_load.finish(generation)) {
                    return;
                }
                if (!result) {
                    m_detail = {};
                    m_versions->setPlainText(tr("The versions could not be loaded. %1")
                                                     .arg(ErrorText::sentence(result.error())));
                } else if (result->id == m_selected) {
                    m_detail = *result;
                    fillDetail();
                }
                refreshActions();
                Q_EMIT loadFinished();
            });
}

void DealDeliverablesTab::clear()
{
    cancel();
    m_context = {};
    m_deal = {};
    m_detail = {};
    m_selected.clear();
    m_list->clear();
    m_versions->clear();
    clearDraft();
    clearLiveUrl();
}

void DealDeliverablesTab::fillList()
{
    m_list->clear();
    QTreeWidgetItem *current = nullptr;
    for (const Deliverable &d : std::as_const(m_deal.deliverables)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(ItemNumber, QString::number(d.position));
        const auto type = common::deliverableTypeFromString(d.type);
        const auto platform = common::platformFromString(d.platform);
        item->setText(ItemType, type ? Names::deliverableType(*type) : d.type);
        item->setText(ItemPlatform, platform ? Names::platform(*platform) : d.platform);
        const QString due = DealText::day(d.dueDate);
        item->setText(ItemDue, d.overdue ? tr("%1 (overdue)").arg(due) : due);
        if (d.overdue) {
            item->setForeground(ItemDue, QColor(0xb0, 0x00, 0x20));
        }
        item->setText(ItemStatus, DealText::deliverableStatus(d.status));
        item->setText(ItemRevisions, tr("%1 of %2").arg(d.revisionsUsed).arg(d.maxRevisions));
        item->setText(ItemLive, d.liveUrl);
        item->setData(ItemNumber, Qt::UserRole, d.id);
        if (d.id == m_selected) {
            current = item;
        }
    }
    const bool none = m_deal.deliverables.isEmpty();
    m_empty->setText(none ? tr("Deliverables appear here once an offer is accepted.") : QString());
    m_empty->setVisible(none);
    if (!current && !none) {
        current = m_list->topLevelItem(0);
        m_selected = m_deal.deliverables.first().id;
    }
    if (current) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(current);
    }
    m_list->resizeColumnToContents(ItemDue);
    m_list->resizeColumnToContents(ItemStatus);
    fitHeaderTexts(m_list->header()); // a column narrower than its title cuts it off
}

void DealDeliverablesTab::fillDetail()
{
    if (m_detail.id.isEmpty()) {
        m_versions->clear();
        return;
    }
    QString html = u"<p><b>%1</b></p>"_s.arg(tr("Deliverable %1 · revision rounds used: %2 of %3")
                                                     .arg(m_detail.position)
                                                     .arg(m_detail.revisionsUsed)
                                                     .arg(m_detail.maxRevisions)
                                                     .toHtmlEscaped());
    if (m_detail.versions.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(tr("No draft submitted yet.").toHtmlEscaped());
    }
    // Newest first.
    for (qsizetype i = m_detail.versions.size() - 1; i >= 0; --i) {
        const DeliverableVersion &version = m_detail.versions.at(i);
        html += u"<hr><p><b>%1</b> · %2</p><p>%3</p>"_s.arg(
                tr("Version %1").arg(version.version).toHtmlEscaped(),
                DealText::time(version.submittedAt).toHtmlEscaped(),
                Formats::linkified(version.caption));
        for (const QString &url : version.mediaUrls) {
            html += u"<p>%1</p>"_s.arg(Formats::linkified(url));
        }
        if (!version.notes.isEmpty()) {
            html += u"<p><i>%1</i></p>"_s.arg(Formats::linkified(version.notes));
        }
        const QString decision = version.decision ? Names::reviewDecision(*version.decision)
                                                  : tr("Waiting for review");
        html += u"<p><b>%1</b>%2</p>"_s.arg(decision.toHtmlEscaped(),
                version.feedback.isEmpty() ? QString()
                                           : u": "_s + Formats::linkified(version.feedback));
    }
    m_versions->setHtml(html);
}

void DealDeliverablesTab::updateActions(const DealContext &context)
{
    m_context = context;
    refreshActions();
}

void DealDeliverablesTab::refreshActions()
{
    const DealContext &context = m_context;
    const bool working = m_deal.state == common::DealState::Accepted
            || m_deal.state == common::DealState::InProgress;
    // While the page reloads after a step, the deliverable's detail is the one from before it:
    // its steps wait until everything has arrived, so that a second click sends nothing stale.
    const bool ready =
            !m_detail.id.isEmpty() && !m_load.isActive() && context.settled && !context.busy;
    const DeliverableStatus status = m_detail.status;
    m_review->setVisible(context.side == DealSide::Brand);
    m_review->setEnabled(working && ready && status == DeliverableStatus::InReview);
    m_draftBox->setVisible(context.side == DealSide::Creator);
    m_submitDraft->setEnabled(working && ready
            && (status == DeliverableStatus::Pending
                    || status == DeliverableStatus::ChangesRequested));
    m_submitLive->setEnabled(working && ready && status == DeliverableStatus::Approved);
}

void DealDeliverablesTab::selectRow(int row)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(row)) {
        m_list->setCurrentItem(item);
    }
}

bool DealDeliverablesTab::maySubmitDraft() const
{
    return m_submitDraft->isEnabled();
}

bool DealDeliverablesTab::maySubmitLive() const
{
    return m_submitLive->isEnabled();
}

common::DraftInput DealDeliverablesTab::draft() const
{
    static const QRegularExpression separators(u"[\\s,]+"_s);
    common::DraftInput draft;
    draft.caption = m_caption->toPlainText().trimmed();
    draft.mediaUrls = m_media->text().split(separators, Qt::SkipEmptyParts);
    draft.notes = m_notes->text().trimmed();
    return draft;
}

void DealDeliverablesTab::clearDraft()
{
    m_caption->clear();
    m_media->clear();
    m_notes->clear();
}

QString DealDeliverablesTab::liveUrl() const
{
    return m_liveUrl->text().trimmed();
}

void DealDeliverablesTab::clearLiveUrl()
{
    m_liveUrl->clear();
}

} // namespace influence::desktop
