// SPDX-License-Identifier: Apache-2.0
#include "MetricsEntryDialog.h"

#include "widgets/AnalyticsText.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// The figures a person can type (engagements are their sum, never typed).
const QList<Metric> kTyped{Metric::Views, Metric::Impressions, Metric::Reach, Metric::Likes,
        Metric::Comments, Metric::Shares, Metric::Saves, Metric::Clicks, Metric::WatchSeconds};

} // namespace

MetricsEntryDialog::MetricsEntryDialog(common::ApiClient *api, QString campaignId, QWidget *parent)
    : QDialog(parent)
    , m_collab(api)
    , m_analytics(api)
    , m_campaignId(std::move(campaignId))
{
    setObjectName(u"metricsEntryDialog"_s);
    setWindowTitle(tr("Enter a day's figures"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("For posts whose platform gives no figures (Stories, say): type "
                                "the totals since publication as of the day, as the insights "
                                "show them. Leave a figure empty when it is not known."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_deliverable = new QComboBox;
    m_deliverable->setObjectName(u"metricsDeliverableBox"_s);
    form->addRow(tr("&Deliverable:"), m_deliverable);
    m_day = new QDateEdit(QDate::currentDate());
    m_day->setObjectName(u"metricsDayEdit"_s);
    m_day->setCalendarPopup(true);
    m_day->setMaximumDate(QDate::currentDate());
    form->addRow(tr("D&ay:"), m_day);
    const auto *digits = new QRegularExpressionValidator(QRegularExpression(u"\\d{0,15}"_s), this);
    for (const Metric metric : kTyped) {
        auto *edit = new QLineEdit;
        edit->setObjectName(u"metricsField_%1"_s.arg(int(metric)));
        edit->setValidator(digits);
        edit->setPlaceholderText(tr("not known"));
        edit->setMaximumWidth(180);
        m_fields.insert(int(metric), edit);
        form->addRow(AnalyticsText::metricName(metric) + u':', edit);
    }
    m_evidence = new QLineEdit;
    m_evidence->setObjectName(u"metricsEvidenceEdit"_s);
    m_evidence->setPlaceholderText(u"https://"_s);
    m_evidence->setToolTip(tr("A link to a screenshot of the insights, say (https)."));
    form->addRow(tr("&Evidence URL:"), m_evidence);
    layout->addLayout(form);
    m_message = new QLabel;
    m_message->setObjectName(u"metricsMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_save = buttons->addButton(tr("&Save figures"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"metricsSaveButton"_s);
    connect(m_save, &QPushButton::clicked, this, &MetricsEntryDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    load();
}

void MetricsEntryDialog::setState(State state)
{
    m_state = state;
    m_save->setEnabled(state == State::Ready || state == State::Error);
}

void MetricsEntryDialog::load()
{
    setState(State::Loading);
    m_message->setText(tr("Looking for the campaign's live deliverables…"));
    common::DealQuery query;
    query.campaignId = m_campaignId;
    query.states = {common::DealState::Accepted, common::DealState::InProgress,
            common::DealState::Completed};
    continueIn(this, m_collab.deals(query),
            [this](const common::Result<common::Page<common::Deal>> &answer) {
                if (!answer) {
                    setState(State::Error);
                    m_save->setEnabled(false);
                    m_message->setText(ErrorText::sentence(answer.error()));
                    return;
                }
                dealsLoaded(answer->items);
            });
}

void MetricsEntryDialog::dealsLoaded(const QList<common::Deal> &deals)
{
    m_pending = int(deals.size());
    if (deals.isEmpty()) {
        m_pending = 1;
        oneLoaded();
        return;
    }
    for (const common::Deal &deal : deals) {
        m_dealNames.insert(deal.id, deal.influencerName);
        common::DeliverableQuery query;
        query.dealId = deal.id;
        continueIn(this, m_collab.deliverables(query),
                [this](const common::Result<common::Page<common::Deliverable>> &page) {
                    if (page) {
                        deliverablesLoaded(page->items);
                    }
                    oneLoaded();
                });
    }
}

void MetricsEntryDialog::deliverablesLoaded(const QList<common::Deliverable> &deliverables)
{
    for (const common::Deliverable &d : deliverables) {
        if (d.status != common::DeliverableStatus::Live) {
            continue;
        }
        const auto type = common::deliverableTypeFromString(d.type);
        m_live.append({d.id,
                tr("%1 · %2 on %3")
                        .arg(m_dealNames.value(d.dealId),
                                type ? Names::deliverableType(*type) : d.type,
                                AnalyticsText::platform(d.platform))});
    }
}

void MetricsEntryDialog::oneLoaded()
{
    if (--m_pending > 0) {
        return;
    }
    m_deliverable->clear();
    for (const auto &[id, line] : std::as_const(m_live)) {
        m_deliverable->addItem(line, id);
    }
    if (m_live.isEmpty()) {
        setState(State::NoLiveDeliverable);
        m_message->setText(tr("No deliverable of this campaign is live yet: figures are "
                              "entered for published posts."));
    } else {
        setState(State::Ready);
        m_message->clear();
    }
}

bool MetricsEntryDialog::selectDeliverable(const QString &id)
{
    const int index = m_deliverable->findData(id);
    if (index >= 0) {
        m_deliverable->setCurrentIndex(index);
    }
    return index >= 0;
}

QString MetricsEntryDialog::typedError() const
{
    bool any = false;
    for (QLineEdit *edit : m_fields) {
        any = any || !edit->text().trimmed().isEmpty();
    }
    if (!any) {
        return tr("Type at least one figure.");
    }
    const QString evidence = m_evidence->text().trimmed();
    if (!evidence.isEmpty()) {
        const QUrl url(evidence, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != u"https"_s || url.host().isEmpty()) {
            return tr("The evidence URL must be an https:// address.");
        }
    }
    return {};
}

void MetricsEntryDialog::save()
{
    if (m_deliverable->currentIndex() < 0) {
        return;
    }
    if (const QString problem = typedError(); !problem.isEmpty()) {
        m_message->setText(problem);
        return;
    }
    common::ManualMetricsInput entry;
    const auto typed = [this](Metric metric) -> std::optional<qint64> {
        const QString text = m_fields.value(int(metric))->text().trimmed();
        return text.isEmpty() ? std::nullopt : std::optional<qint64>(text.toLongLong());
    };
    entry.views = typed(Metric::Views);
    entry.impressions = typed(Metric::Impressions);
    entry.reach = typed(Metric::Reach);
    entry.likes = typed(Metric::Likes);
    entry.comments = typed(Metric::Comments);
    entry.shares = typed(Metric::Shares);
    entry.saves = typed(Metric::Saves);
    entry.clicks = typed(Metric::Clicks);
    entry.watchSeconds = typed(Metric::WatchSeconds);
    entry.evidenceUrl = m_evidence->text().trimmed();
    setState(State::Saving);
    m_message->setText(tr("Saving…"));
    continueIn(this,
            m_analytics.enterMetrics(m_deliverable->currentData().toString(), m_day->date(), entry),
            [this](const common::Result<common::PostMetricsHistory> &answer) {
                if (!answer) {
                    setState(State::Error);
                    m_message->setText(ErrorText::sentence(answer.error()));
                    return;
                }
                Q_EMIT saved(*answer);
                accept();
            });
}

} // namespace influence::desktop
