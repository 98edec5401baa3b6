// SPDX-License-Identifier: Apache-2.0
#include "CampaignDialog.h"

#include "common/Domain.h"
#include "common/Money.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"
#include "widgets/Formats.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty()) {
            items.append(item);
        }
    }
    return items;
}

/// The field group a validator's field path belongs to ("targeting.countries[1]" → countries).
QString groupOf(const QString &field)
{
    static const QList<std::pair<QString, QString>> prefixes{{u"targeting.niches"_s, u"niches"_s},
            {u"targets.maxC"_s, u"ceilings"_s}, {u"targets"_s, u"targets"_s},
            {u"targeting.countries"_s, u"countries"_s}, {u"targeting.languages"_s, u"languages"_s},
            {u"targeting.minFollowers"_s, u"followers"_s},
            {u"targeting.maxFollowers"_s, u"followers"_s},
            {u"targeting.minEngagementRate"_s, u"engagement"_s}, {u"budgetMinor"_s, u"budget"_s},
            {u"currency"_s, u"budget"_s}, {u"startDate"_s, u"dates"_s}, {u"endDate"_s, u"dates"_s},
            {u"applicationDeadline"_s, u"deadline"_s}, {u"platforms"_s, u"platforms"_s},
            {u"deliverableTypes"_s, u"deliverableTypes"_s}, {u"name"_s, u"name"_s},
            {u"brief"_s, u"brief"_s}, {u"objective"_s, u"objective"_s},
            {u"visibility"_s, u"visibility"_s}, {u"usageRights"_s, u"usageRights"_s}};
    for (const auto &[prefix, group] : prefixes) {
        if (field.startsWith(prefix)) {
            return group;
        }
    }
    return {};
}

} // namespace

CampaignDialog::CampaignDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"campaignDialog"_s);
    buildUi();
    retranslate();
}

QLabel *CampaignDialog::addRow(QFormLayout *form, const QString &group, QWidget *field)
{
    auto *cell = new QWidget;
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    auto *error = new QLabel;
    error->setObjectName(u"error-"_s + group);
    error->setWordWrap(true);
    error->setStyleSheet(u"color: #b00020;"_s);
    error->hide();
    layout->addWidget(error);
    m_errorLabels.insert(group, error);
    auto *label = new QLabel;
    m_rowLabels.insert(group, label);
    form->addRow(label, cell);
    return label;
}

void CampaignDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    auto *content = new QWidget;
    auto *form = new QFormLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    const auto edit = [](const QString &name) {
        auto *line = new QLineEdit;
        line->setObjectName(name);
        return line;
    };
    m_name = edit(u"campaignName"_s);
    m_name->setMaxLength(120);
    addRow(form, u"name"_s, m_name);
    m_brief = new QPlainTextEdit;
    m_brief->setObjectName(u"campaignBrief"_s);
    m_brief->setTabChangesFocus(true);
    addRow(form, u"brief"_s, m_brief);
    m_objective = new QComboBox;
    m_objective->setObjectName(u"campaignObjective"_s);
    addRow(form, u"objective"_s, m_objective);
    m_platforms = edit(u"campaignPlatforms"_s);
    addRow(form, u"platforms"_s, m_platforms);
    m_types = edit(u"campaignDeliverableTypes"_s);
    addRow(form, u"deliverableTypes"_s, m_types);
    m_niches = edit(u"campaignNiches"_s);
    addRow(form, u"niches"_s, m_niches);
    m_countries = edit(u"campaignCountries"_s);
    addRow(form, u"countries"_s, m_countries);
    m_languages = edit(u"campaignLanguages"_s);
    addRow(form, u"languages"_s, m_languages);

    auto *followers = new QWidget;
    auto *followersLayout = new QHBoxLayout(followers);
    followersLayout->setContentsMargins(0, 0, 0, 0);
    m_minFollowers = edit(u"campaignMinFollowers"_s);
    m_maxFollowers = edit(u"campaignMaxFollowers"_s);
    followersLayout->addWidget(m_minFollowers);
    followersLayout->addWidget(m_maxFollowers);
    addRow(form, u"followers"_s, followers);
    m_minEngagement = edit(u"campaignMinEngagement"_s);
    addRow(form, u"engagement"_s, m_minEngagement);

    auto *budget = new QWidget;
    auto *budgetLayout = new QHBoxLayout(budget);
    budgetLayout->setContentsMargins(0, 0, 0, 0);
    m_budget = edit(u"campaignBudget"_s);
    m_currency = edit(u"campaignCurrency"_s);
    m_currency->setMaxLength(3);
    m_currency->setText(u"EUR"_s);
    budgetLayout->addWidget(m_budget, 3);
    budgetLayout->addWidget(m_currency, 1);
    addRow(form, u"budget"_s, budget);

    // KPI targets (optional): totals to reach, and cost ceilings in the campaign's currency.
    auto *targets = new QWidget;
    auto *targetsLayout = new QHBoxLayout(targets);
    targetsLayout->setContentsMargins(0, 0, 0, 0);
    m_targetViews = edit(u"campaignTargetViews"_s);
    m_targetEngagements = edit(u"campaignTargetEngagements"_s);
    m_targetReach = edit(u"campaignTargetReach"_s);
    targetsLayout->addWidget(m_targetViews);
    targetsLayout->addWidget(m_targetEngagements);
    targetsLayout->addWidget(m_targetReach);
    addRow(form, u"targets"_s, targets);
    auto *ceilings = new QWidget;
    auto *ceilingsLayout = new QHBoxLayout(ceilings);
    ceilingsLayout->setContentsMargins(0, 0, 0, 0);
    m_maxCpe = edit(u"campaignMaxCpe"_s);
    m_maxCpm = edit(u"campaignMaxCpm"_s);
    ceilingsLayout->addWidget(m_maxCpe);
    ceilingsLayout->addWidget(m_maxCpm);
    addRow(form, u"ceilings"_s, ceilings);

    auto *dates = new QWidget;
    auto *datesLayout = new QHBoxLayout(dates);
    datesLayout->setContentsMargins(0, 0, 0, 0);
    m_startDate = edit(u"campaignStartDate"_s);
    m_endDate = edit(u"campaignEndDate"_s);
    datesLayout->addWidget(m_startDate);
    datesLayout->addWidget(m_endDate);
    addRow(form, u"dates"_s, dates);
    m_deadline = edit(u"campaignDeadline"_s);
    addRow(form, u"deadline"_s, m_deadline);
    m_visibility = new QComboBox;
    m_visibility->setObjectName(u"campaignVisibility"_s);
    addRow(form, u"visibility"_s, m_visibility);
    m_usageRights = new QPlainTextEdit;
    m_usageRights->setObjectName(u"campaignUsageRights"_s);
    m_usageRights->setTabChangesFocus(true);
    m_usageRights->setMaximumHeight(80);
    addRow(form, u"usageRights"_s, m_usageRights);

    m_status = new QLabel;
    m_status->setObjectName(u"campaignDialogStatus"_s);
    m_status->setWordWrap(true);
    outer->addWidget(m_status);
    auto *buttons = new QDialogButtonBox;
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveCampaignButton"_s);
    m_save->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(u"closeCampaignDialogButton"_s);
    outer->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &CampaignDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    resize(600, 760);
}

void CampaignDialog::retranslate()
{
    setWindowTitle(m_id.isEmpty() ? tr("New campaign") : tr("Edit campaign"));
    const QList<std::pair<QString, QString>> labels{{u"name"_s, tr("&Name")},
            {u"brief"_s, tr("&Brief")}, {u"objective"_s, tr("&Objective")},
            {u"platforms"_s, tr("&Platforms")}, {u"deliverableTypes"_s, tr("&Content types")},
            {u"niches"_s, tr("N&iches")}, {u"countries"_s, tr("C&ountries")},
            {u"languages"_s, tr("&Languages")}, {u"followers"_s, tr("&Followers (min, max)")},
            {u"engagement"_s, tr("Minimum &engagement (%)")}, {u"budget"_s, tr("B&udget")},
            {u"targets"_s, tr("&Targets (views, engagements, reach)")},
            {u"ceilings"_s, tr("Cost ceilin&gs (per engagement, per 1000 views)")},
            {u"dates"_s, tr("&Dates (start, end)")}, {u"deadline"_s, tr("Applications &until")},
            {u"visibility"_s, tr("&Visibility")}, {u"usageRights"_s, tr("Usage &rights")}};
    for (const auto &[group, text] : labels) {
        m_rowLabels.value(group)->setText(text);
    }
    m_rowLabels.value(u"name"_s)->setBuddy(m_name);
    m_rowLabels.value(u"brief"_s)->setBuddy(m_brief);
    m_rowLabels.value(u"objective"_s)->setBuddy(m_objective);
    m_rowLabels.value(u"platforms"_s)->setBuddy(m_platforms);
    m_rowLabels.value(u"deliverableTypes"_s)->setBuddy(m_types);
    m_rowLabels.value(u"niches"_s)->setBuddy(m_niches);
    m_rowLabels.value(u"countries"_s)->setBuddy(m_countries);
    m_rowLabels.value(u"languages"_s)->setBuddy(m_languages);
    m_rowLabels.value(u"followers"_s)->setBuddy(m_minFollowers);
    m_rowLabels.value(u"engagement"_s)->setBuddy(m_minEngagement);
    m_rowLabels.value(u"budget"_s)->setBuddy(m_budget);
    m_rowLabels.value(u"targets"_s)->setBuddy(m_targetViews);
    m_rowLabels.value(u"ceilings"_s)->setBuddy(m_maxCpe);
    m_rowLabels.value(u"dates"_s)->setBuddy(m_startDate);
    m_rowLabels.value(u"deadline"_s)->setBuddy(m_deadline);
    m_rowLabels.value(u"visibility"_s)->setBuddy(m_visibility);
    m_rowLabels.value(u"usageRights"_s)->setBuddy(m_usageRights);

    const int objective = std::max(0, m_objective->currentIndex());
    m_objective->clear();
    m_objective->addItem(tr("Awareness"), u"awareness"_s);
    m_objective->addItem(tr("Engagement"), u"engagement"_s);
    m_objective->addItem(tr("Conversions"), u"conversions"_s);
    m_objective->setCurrentIndex(objective);
    const int visibility = m_visibility->currentIndex() < 0 ? 1 : m_visibility->currentIndex();
    m_visibility->clear();
    m_visibility->addItem(tr("Public: creators may apply"), u"public"_s);
    m_visibility->addItem(tr("Private: by invitation only"), u"private"_s);
    m_visibility->setCurrentIndex(visibility);

    m_platforms->setPlaceholderText(tr("instagram, tiktok, youtube"));
    m_types->setPlaceholderText(tr("post, reel, story, video"));
    m_niches->setPlaceholderText(tr("travel, fashion, food"));
    m_countries->setPlaceholderText(tr("DE, AT, CH"));
    m_languages->setPlaceholderText(tr("de, en"));
    m_minFollowers->setPlaceholderText(tr("minimum"));
    m_maxFollowers->setPlaceholderText(tr("maximum"));
    m_minEngagement->setPlaceholderText(tr("for example 2.5"));
    m_budget->setPlaceholderText(tr("amount, for example 5000"));
    m_currency->setPlaceholderText(tr("EUR"));
    m_targetViews->setPlaceholderText(tr("views"));
    m_targetEngagements->setPlaceholderText(tr("engagements"));
    m_targetReach->setPlaceholderText(tr("reach"));
    m_maxCpe->setPlaceholderText(tr("per engagement, for example 0.25"));
    m_maxCpm->setPlaceholderText(tr("per 1000 views, for example 12"));
    for (QLineEdit *target : {m_targetViews, m_targetEngagements, m_targetReach}) {
        target->setToolTip(tr("Optional. The campaign forecast says how likely the campaign is "
                              "to reach it."));
    }
    for (QLineEdit *ceiling : {m_maxCpe, m_maxCpm}) {
        ceiling->setToolTip(tr("Optional, in the campaign's currency: the most the accepted fees "
                               "should cost per engagement or per 1000 views."));
    }
    m_startDate->setPlaceholderText(tr("start, YYYY-MM-DD"));
    m_endDate->setPlaceholderText(tr("end, YYYY-MM-DD"));
    m_deadline->setPlaceholderText(tr("YYYY-MM-DD (optional)"));
    m_save->setText(m_id.isEmpty() ? tr("Create campaign") : tr("Save changes"));
    m_cancel->setText(tr("Close"));
}

void CampaignDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void CampaignDialog::setCampaign(const QString &id, const common::CampaignInput &input)
{
    m_id = id;
    m_name->setText(input.name);
    m_brief->setPlainText(input.brief);
    m_objective->setCurrentIndex(m_objective->findData(common::wireName(input.objective)));
    m_platforms->setText(input.platforms.join(u", "_s));
    m_types->setText(input.deliverableTypes.join(u", "_s));
    m_niches->setText(input.targeting.niches.join(u", "_s));
    m_countries->setText(input.targeting.countries.join(u", "_s));
    m_languages->setText(input.targeting.languages.join(u", "_s));
    m_minFollowers->setText(input.targeting.minFollowers
                    ? QString::number(*input.targeting.minFollowers)
                    : QString());
    m_maxFollowers->setText(input.targeting.maxFollowers
                    ? QString::number(*input.targeting.maxFollowers)
                    : QString());
    m_minEngagement->setText(input.targeting.minEngagementRate
                    ? QLocale().toString(*input.targeting.minEngagementRate * 100.0, 'g', 4)
                    : QString());
    m_budget->setText(Formats::amountText(input.budget));
    m_currency->setText(input.budget.currency);
    m_targetsKnown = false;
    for (QLineEdit *target :
            {m_targetViews, m_targetEngagements, m_targetReach, m_maxCpe, m_maxCpm}) {
        target->clear();
        target->setEnabled(false);
    }
    m_startDate->setText(input.startDate.toString(Qt::ISODate));
    m_endDate->setText(input.endDate.toString(Qt::ISODate));
    m_deadline->setText(input.applicationDeadline.date().toString(Qt::ISODate));
    m_visibility->setCurrentIndex(m_visibility->findData(common::wireName(input.visibility)));
    m_usageRights->setPlainText(input.usageRights);
    retranslate();
}

void CampaignDialog::setTargets(const common::CampaignTargets &targets)
{
    const QString currency = m_currency->text().trimmed().toUpper();
    const auto count = [](const std::optional<qint64> &value) {
        return value ? QString::number(*value) : QString();
    };
    const auto amount = [&currency](const std::optional<qint64> &value) {
        return value ? Formats::amountText({*value, currency}) : QString();
    };
    m_targetViews->setText(count(targets.views));
    m_targetEngagements->setText(count(targets.engagements));
    m_targetReach->setText(count(targets.reach));
    m_maxCpe->setText(amount(targets.maxCpeMinor));
    m_maxCpm->setText(amount(targets.maxCpmMinor));
    for (QLineEdit *target :
            {m_targetViews, m_targetEngagements, m_targetReach, m_maxCpe, m_maxCpm}) {
        target->setEnabled(true);
    }
    m_targetsKnown = true;
}

QJsonObject CampaignDialog::formJson(QList<common::FieldError> *errors) const
{
    const auto integerOrText = [errors](const QString &typed, const QString &field) -> QJsonValue {
        const QString text = typed.trimmed();
        if (text.isEmpty()) {
            return QJsonValue(QJsonValue::Null);
        }
        bool ok = false;
        const qint64 value = QLocale().toLongLong(text, &ok);
        if (!ok) {
            errors->append({field, u"invalid_value"_s, {}});
            return QJsonValue(QJsonValue::Null);
        }
        return QJsonValue(value);
    };
    QJsonObject targeting{
            {u"niches"_s, QJsonArray::fromStringList(splitList(m_niches->text().toLower()))},
            {u"countries"_s, QJsonArray::fromStringList(splitList(m_countries->text().toUpper()))},
            {u"languages"_s, QJsonArray::fromStringList(splitList(m_languages->text().toLower()))},
            {u"minFollowers"_s, integerOrText(m_minFollowers->text(), u"targeting.minFollowers"_s)},
            {u"maxFollowers"_s,
                    integerOrText(m_maxFollowers->text(), u"targeting.maxFollowers"_s)}};
    if (!m_minEngagement->text().trimmed().isEmpty()) {
        bool ok = false;
        const double percent = QLocale().toDouble(m_minEngagement->text().trimmed(), &ok);
        if (ok) {
            targeting.insert(u"minEngagementRate"_s, percent / 100.0);
        } else {
            errors->append({u"targeting.minEngagementRate"_s, u"invalid_value"_s, {}});
        }
    }
    const QString currency = m_currency->text().trimmed().toUpper();
    QJsonObject body{{u"name"_s, m_name->text()}, {u"brief"_s, m_brief->toPlainText()},
            {u"objective"_s, m_objective->currentData().toString()},
            {u"platforms"_s, QJsonArray::fromStringList(splitList(m_platforms->text().toLower()))},
            {u"deliverableTypes"_s,
                    QJsonArray::fromStringList(splitList(m_types->text().toLower()))},
            {u"targeting"_s, targeting}, {u"currency"_s, currency},
            {u"visibility"_s, m_visibility->currentData().toString()},
            {u"usageRights"_s, m_usageRights->toPlainText()}};
    if (m_budget->text().trimmed().isEmpty()) {
        body.insert(u"budgetMinor"_s, 0);
    } else if (const auto amount = Formats::parseAmount(m_budget->text(), currency)) {
        body.insert(u"budgetMinor"_s, *amount);
    } else {
        errors->append({u"budgetMinor"_s, u"invalid_value"_s, {}});
    }
    QJsonObject targets{{u"views"_s, integerOrText(m_targetViews->text(), u"targets.views"_s)},
            {u"engagements"_s,
                    integerOrText(m_targetEngagements->text(), u"targets.engagements"_s)},
            {u"reach"_s, integerOrText(m_targetReach->text(), u"targets.reach"_s)}};
    for (const auto &[edit, field] :
            {std::pair{m_maxCpe, u"maxCpeMinor"_s}, std::pair{m_maxCpm, u"maxCpmMinor"_s}}) {
        if (edit->text().trimmed().isEmpty()) {
            targets.insert(field, QJsonValue(QJsonValue::Null));
        } else if (const auto minor = Formats::parseAmount(edit->text(), currency)) {
            targets.insert(field, *minor);
        } else {
            errors->append({u"targets."_s + field, u"invalid_value"_s, {}});
        }
    }
    body.insert(u"targets"_s, targets);
    for (const auto &[edit, field] :
            {std::pair{m_startDate, u"startDate"_s}, std::pair{m_endDate, u"endDate"_s}}) {
        if (!edit->text().trimmed().isEmpty()) {
            body.insert(field, edit->text().trimmed());
        }
    }
    const QString deadline = m_deadline->text().trimmed();
    if (!deadline.isEmpty()) {
        const QDate day = QDate::fromString(deadline, Qt::ISODate);
        // The end of that day in UTC: applications are open through the whole day.
        body.insert(u"applicationDeadline"_s,
                day.isValid() ? QDateTime(day, QTime(23, 59, 59), Qt::UTC).toString(Qt::ISODate)
                              : deadline);
    }
    return body;
}

void CampaignDialog::offerBrands(common::ApiClient *api)
{
    if (m_brands) {
        return;
    }
    m_brands = new BrandPicker(api);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_brands, 0, Qt::AlignLeft);
    m_brands->reload();
}

QString CampaignDialog::brandId() const
{
    return m_brands ? m_brands->brandId() : QString();
}

bool CampaignDialog::submit()
{
    clearErrors();
    m_status->clear();
    QList<common::FieldError> parseErrors;
    const QJsonObject body = formJson(&parseErrors);
    const auto command = common::collab::validateCampaignCommand(body);
    if (!command || !parseErrors.isEmpty()) {
        QList<common::FieldError> errors = parseErrors;
        if (!command) {
            errors += command.error().fieldErrors;
        }
        showError(common::Error::validation(errors));
        return false; // nothing is sent
    }
    m_targets = command->targets;
    common::CampaignInput input = command->input;
    input.brandId = m_id.isEmpty() ? brandId() : QString();
    Q_EMIT submitted(input);
    return true;
}

void CampaignDialog::setBusy(bool busy)
{
    m_save->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Saving…"));
    }
}

void CampaignDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
}

void CampaignDialog::showFieldErrors(const QList<common::FieldError> &errors)
{
    for (const common::FieldError &field : errors) {
        QLabel *label = m_errorLabels.value(groupOf(field.field));
        if (!label) {
            continue;
        }
        const QString message = fieldMessage(groupOf(field.field), field);
        if (!label->text().split(u'\n').contains(message)) {
            label->setText(label->text().isEmpty() ? message : label->text() + u'\n' + message);
        }
        label->show();
    }
}

void CampaignDialog::showError(const common::Error &error)
{
    clearErrors();
    showFieldErrors(error.fieldErrors);
    bool allPlaced = !error.fieldErrors.isEmpty();
    for (const common::FieldError &field : error.fieldErrors) {
        allPlaced = allPlaced && m_errorLabels.contains(groupOf(field.field));
    }
    m_status->setText(
            allPlaced ? tr("Please correct the marked fields.") : ErrorText::sentence(error));
    m_save->setEnabled(true);
}

QString CampaignDialog::fieldError(const QString &group) const
{
    const QLabel *label = m_errorLabels.value(group);
    return label ? label->text() : QString();
}

QString CampaignDialog::statusText() const
{
    return m_status->text();
}

QString CampaignDialog::fieldMessage(const QString &group, const common::FieldError &error) const
{
    if (error.code == u"required"_s && group != u"budget"_s) {
        return tr("Please fill this in.");
    }
    static const QHash<QString, const char *> hints{
            {u"name"_s, QT_TR_NOOP("Use at most 120 characters.")},
            {u"brief"_s, QT_TR_NOOP("The brief is too long (at most 10 000 characters).")},
            {u"platforms"_s, QT_TR_NOOP("Use platform names such as instagram, tiktok, youtube.")},
            {u"deliverableTypes"_s,
                    QT_TR_NOOP("Use content types such as post, reel, story, video.")},
            {u"niches"_s, QT_TR_NOOP("Use niches such as travel, fashion, food.")},
            {u"countries"_s, QT_TR_NOOP("Use two-letter country codes, such as DE.")},
            {u"languages"_s, QT_TR_NOOP("Use two-letter language codes, such as de or en.")},
            {u"followers"_s,
                    QT_TR_NOOP("Use whole numbers; the maximum must not be below the minimum.")},
            {u"engagement"_s, QT_TR_NOOP("Use a percentage from 0 to 100, such as 2.5.")},
            {u"targets"_s, QT_TR_NOOP("Use whole numbers of at least 1, or leave a target empty.")},
            {u"ceilings"_s,
                    QT_TR_NOOP("Use amounts above zero such as 0.25, or leave a ceiling "
                               "empty.")},
            {u"budget"_s,
                    QT_TR_NOOP("Use an amount such as 5000 or 5000.50 and a currency code such "
                               "as EUR.")},
            {u"dates"_s,
                    QT_TR_NOOP("Use dates such as 2027-03-31; the end must not be before the "
                               "start.")},
            {u"deadline"_s, QT_TR_NOOP("Use a date such as 2027-03-31.")},
            {u"usageRights"_s, QT_TR_NOOP("The usage rights are too long.")}};
    const char *hint = hints.value(group);
    return hint ? tr(hint) : error.message;
}

} // namespace influence::desktop
