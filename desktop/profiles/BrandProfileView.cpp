// SPDX-License-Identifier: Apache-2.0
#include "BrandProfileView.h"

#include "common/ApiClient.h"
#include "common/ProfileTypes.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CountryNames.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::BrandProfile;
using influence::common::BrandProfileInput;
using influence::common::Result;

namespace influence::desktop {

BrandProfileView::BrandProfileView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_profiles(api)
    , m_session(session)
{
    setObjectName(u"brandProfilePage"_s);
    buildUi();
    retranslate();
    connect(CountryNames::instance(), &CountryNames::changed, this,
            &BrandProfileView::fillCountries);
    connect(m_session, &Session::signedIn, this, [this] {
        // Another user may have signed in. Brand staff learn at once whether they own a brand:
        // the main window shows the owner's pages (the audit log) only to owners.
        ++m_generation;
        m_exists = false;
        fill({});
        clearErrors();
        m_status->clear();
        setState(State::Idle);
        if (m_session->user().role == common::UserRole::Brand) {
            reload();
        }
    });
}

void BrandProfileView::buildUi()
{
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    m_intro = new QLabel;
    m_intro->setObjectName(u"brandProfileIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addField = [this, fields](const QString &key, QLabel *label, QWidget *field) {
        auto *cell = new QWidget;
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(field);
        auto *error = new QLabel;
        error->setObjectName(key + u"Error"_s);
        error->setWordWrap(true);
        error->setStyleSheet(u"color: palette(link-visited);"_s);
        error->hide();
        cellLayout->addWidget(error);
        m_errorLabels.insert(key, error);
        label->setBuddy(field);
        fields->addRow(label, cell);
    };
    m_nameLabel = new QLabel;
    m_name = new QLineEdit;
    m_name->setObjectName(u"brandCompanyName"_s);
    m_name->setMaxLength(120);
    addField(u"companyName"_s, m_nameLabel, m_name);
    m_websiteLabel = new QLabel;
    m_website = new QLineEdit;
    m_website->setObjectName(u"brandWebsite"_s);
    m_website->setPlaceholderText(u"https://"_s);
    addField(u"website"_s, m_websiteLabel, m_website);
    m_industryLabel = new QLabel;
    m_industry = new QLineEdit;
    m_industry->setObjectName(u"brandIndustry"_s);
    m_industry->setMaxLength(80);
    addField(u"industry"_s, m_industryLabel, m_industry);
    m_countryLabel = new QLabel;
    m_country = new QComboBox;
    m_country->setObjectName(u"brandCountry"_s);
    m_country->setMaxVisibleItems(20);
    m_country->addItem(QString(), QString());
    fillCountries();
    addField(u"country"_s, m_countryLabel, m_country);
    layout->addLayout(fields);
    auto *actions = new QHBoxLayout;
    m_save = new QPushButton;
    m_save->setObjectName(u"saveBrandProfileButton"_s);
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, [this] {
        save();
    });
    actions->addWidget(m_save);
    m_status = new StatusLine;
    m_status->setObjectName(u"brandProfileStatus"_s);
    m_status->setWordWrap(true);
    actions->addWidget(m_status, 1);
    layout->addLayout(actions);
    layout->addStretch(1);
    form->setMaximumWidth(720);

    auto *page = new QVBoxLayout(this);
    m_states = new StateStack(u"brandProfile"_s, form);
    connect(m_states, &StateStack::retryRequested, this, &BrandProfileView::reload);
    page->addWidget(m_states);
}

void BrandProfileView::retranslate()
{
    setWindowTitle(tr("My brand"));
    m_nameLabel->setText(tr("Company &name"));
    m_websiteLabel->setText(tr("&Website"));
    m_industryLabel->setText(tr("&Industry"));
    m_countryLabel->setText(tr("&Country"));
    m_save->setText(m_exists ? tr("&Save") : tr("&Create brand profile"));
    m_intro->setText(m_exists
                    ? tr("Creators see your brand's name on your campaigns, offers and "
                         "messages.")
                    : tr("Your brand has no profile yet. Create it to run campaigns: creators "
                         "see its name on your campaigns, offers and messages. (Staff who act "
                         "for another's brand need none: its owner keeps that one.)"));
    if (m_state == State::Loading) {
        m_states->showLoading(tr("Loading your brand…"));
    }
    m_states->retranslate();
}

void BrandProfileView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void BrandProfileView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state == State::Idle || m_state == State::Failed) {
        reload();
    }
}

void BrandProfileView::fillCountries()
{
    CountryNames::refillPicker(m_country);
}

void BrandProfileView::setState(State state)
{
    m_state = state;
    m_save->setEnabled(state == State::Editing);
    switch (state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your brand…")); break;
    case State::Failed:
        if (m_loadError) {
            m_states->showError(*m_loadError);
        }
        break;
    case State::Editing:
    case State::Saving: m_states->showContent(); break;
    }
    Q_EMIT stateChanged(state);
}

void BrandProfileView::reload()
{
    if (m_state == State::Saving) {
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.myBrand(), [this, generation](const Result<BrandProfile> &result) {
        loaded(generation, result);
    });
}

void BrandProfileView::loaded(quint64 generation, const Result<BrandProfile> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result && result.error().code != common::ErrorCode::NotFound) {
        m_loadError = result.error();
        setState(State::Failed);
        return;
    }
    m_loadError.reset();
    m_exists = bool(result);
    fill(result ? result->details : BrandProfileInput{});
    clearErrors();
    retranslate();
    setState(State::Editing);
    Q_EMIT ownershipKnown(m_exists);
}

void BrandProfileView::fill(const BrandProfileInput &input)
{
    m_name->setText(input.companyName);
    m_website->setText(input.website);
    m_industry->setText(input.industry);
    setCountry(input.country);
}

void BrandProfileView::setCompanyName(const QString &name)
{
    m_name->setText(name);
}

void BrandProfileView::setWebsite(const QString &website)
{
    m_website->setText(website);
}

void BrandProfileView::setIndustry(const QString &industry)
{
    m_industry->setText(industry);
}

void BrandProfileView::setCountry(const QString &code)
{
    CountryNames::choose(m_country, code);
}

BrandProfileInput BrandProfileView::formInput() const
{
    return {m_name->text().trimmed(), m_website->text().trimmed(), m_industry->text().trimmed(),
            m_country->currentData().toString()};
}

bool BrandProfileView::save()
{
    if (m_state != State::Editing) {
        return false;
    }
    clearErrors();
    // The server's own rules first: nothing is sent that it would refuse.
    const auto checked = common::profiles::validateBrand(formInput().toJson());
    if (!checked) {
        showErrors(checked.error());
        return false;
    }
    m_status->setText(tr("Saving…"));
    const quint64 generation = ++m_generation;
    setState(State::Saving);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.saveMyBrand(*checked),
            [this, generation](const Result<BrandProfile> &result) {
                savedAnswer(generation, result);
            });
    return true;
}

void BrandProfileView::savedAnswer(quint64 generation, const Result<BrandProfile> &result)
{
    if (generation != m_generation) {
        return;
    }
    setState(State::Editing);
    if (!result) {
        showErrors(result.error());
        return;
    }
    const bool created = !m_exists;
    m_exists = true;
    fill(result->details);
    retranslate();
    m_status->setText(
            created ? tr("Brand profile created. You can now create campaigns.") : tr("Saved."));
    Q_EMIT ownershipKnown(true);
}

void BrandProfileView::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
}

void BrandProfileView::showErrors(const common::Error &error)
{
    int placed = 0;
    for (const common::FieldError &field : error.fieldErrors) {
        QLabel *label = m_errorLabels.value(field.field);
        if (!label) {
            continue;
        }
        label->setText(fieldMessage(field));
        label->show();
        ++placed;
    }
    if (placed == 0 || placed < error.fieldErrors.size()) {
        m_status->setText(ErrorText::sentence(error));
    } else {
        m_status->setText(placed == 1 ? tr("Please correct the marked field.")
                                      : tr("Please correct the marked fields."));
    }
}

QString BrandProfileView::fieldMessage(const common::FieldError &error) const
{
    if (error.code == u"required"_s) {
        return tr("Please fill this in.");
    }
    if (error.code == u"too_long"_s) {
        return error.field == u"companyName"_s ? tr("At most 120 characters.")
                                               : tr("At most 80 characters.");
    }
    if (error.field == u"website"_s) {
        return tr("Give an address starting with https:// or http://.");
    }
    if (error.field == u"country"_s) {
        return tr("Pick the country from the list.");
    }
    return error.message;
}

QString BrandProfileView::fieldError(const QString &field) const
{
    const QLabel *label = m_errorLabels.value(field);
    return label ? label->text() : QString();
}

QString BrandProfileView::statusText() const
{
    return m_status->text();
}

} // namespace influence::desktop
