// SPDX-License-Identifier: Apache-2.0
#include "OwnProfileView.h"

#include "common/ApiClient.h"
#include "common/ProfileTypes.h"
#include "profiles/CreatorPerformance.h"
#include "profiles/RatesEditor.h"
#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/CountryNames.h"
#include "widgets/ErrorText.h"
#include "widgets/LanguagePicker.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

const QStringList kGroups{
        u"displayName"_s, u"bio"_s, u"niches"_s, u"country"_s, u"languages"_s, u"rates"_s};

/// "rates[1].currency" → "rates"
QString groupOf(const QString &field)
{
    const qsizetype end = field.indexOf(QRegularExpression(u"[\\[./]"_s));
    return end < 0 ? field : field.left(end);
}

} // namespace

OwnProfileView::OwnProfileView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_profiles(api)
    , m_session(session)
{
    setObjectName(u"ownProfilePage"_s);
    buildUi();
    retranslate();
    setState(State::Idle);
    connect(CountryNames::instance(), &CountryNames::changed, this, &OwnProfileView::fillCountries);
    connect(m_session, &Session::signedIn, this, [this] {
        m_state = State::Idle; // another user may have signed in
        m_performance->clear();
        if (isVisible()) {
            reload();
        }
    });
}

void OwnProfileView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildForm());
    m_states = new StateStack(u"ownProfile"_s, scroll);
    connect(m_states, &StateStack::retryRequested, this, &OwnProfileView::reload);
    layout->addWidget(m_states);
}

QWidget *OwnProfileView::buildForm()
{
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);
    m_intro = new QLabel;
    m_intro->setObjectName(u"ownProfileIntro"_s);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    auto *fields = new QFormLayout;

    m_displayName = new QLineEdit;
    m_displayName->setObjectName(u"ownDisplayName"_s);
    m_displayName->setMaxLength(200);
    m_bio = new QPlainTextEdit;
    m_bio->setObjectName(u"ownBio"_s);
    m_bio->setMaximumHeight(90);
    m_niches = new QListWidget;
    m_niches->setObjectName(u"ownNiches"_s);
    m_niches->setFlow(QListView::LeftToRight);
    m_niches->setWrapping(true);
    m_niches->setSpacing(4); // checkboxes apart from the previous niche's name
    m_niches->setMaximumHeight(110);
    for (const QString &niche : common::nicheNames()) {
        auto *item = new QListWidgetItem(Names::niche(niche), m_niches); // named in retranslate()
        item->setData(Qt::UserRole, niche);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    // Picked by name in the app's language; "not given" first.
    m_country = new QComboBox;
    m_country->setObjectName(u"ownCountry"_s);
    m_country->setMaxVisibleItems(20);
    m_country->addItem(QString(), QString());
    fillCountries();
    m_languages = new LanguagePicker(u"ownLanguages"_s);
    m_rates = new RatesEditor;
    m_rates->setObjectName(u"ownRates"_s);

    const QList<QWidget *> editors{m_displayName, m_bio, m_niches, m_country, m_languages, m_rates};
    for (int i = 0; i < editors.size(); ++i) {
        auto *label = new QLabel;
        label->setBuddy(editors.at(i));
        m_fieldLabels.append(label);
        auto *error = new QLabel;
        error->setObjectName(u"error-"_s + kGroups.at(i));
        error->setWordWrap(true);
        error->setStyleSheet(u"color: #b00020;"_s);
        error->hide();
        m_errorLabels.insert(kGroups.at(i), error);
        auto *column = new QVBoxLayout;
        column->addWidget(editors.at(i));
        column->addWidget(error);
        fields->addRow(label, column);
    }
    layout->addLayout(fields);

    auto *buttons = new QHBoxLayout;
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(u"ownProfileStatus"_s);
    m_statusLabel->setWordWrap(true);
    m_reloadButton = new QPushButton;
    m_reloadButton->setObjectName(u"reloadProfileButton"_s);
    connect(m_reloadButton, &QPushButton::clicked, this, &OwnProfileView::reload);
    m_saveButton = new QPushButton;
    m_saveButton->setObjectName(u"saveProfileButton"_s);
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &OwnProfileView::save);
    buttons->addWidget(m_statusLabel, 1);
    buttons->addWidget(m_reloadButton);
    buttons->addWidget(m_saveButton);
    layout->addLayout(buttons);
    m_performance = new CreatorPerformance(m_api, u"ownPerformance"_s); // their own analytics
    layout->addWidget(m_performance);
    return form;
}

void OwnProfileView::retranslate()
{
    setWindowTitle(tr("My profile"));
    if (m_state == State::Idle || m_state == State::Loading) {
        m_states->showLoading(tr("Loading your profile…"));
    }
    m_intro->setText(m_exists ? tr("This is how brands see you in discovery.")
                              : tr("You have no creator profile yet. Fill in the form and save "
                                   "it to appear in discovery."));
    const QStringList labels{tr("&Display name:"), tr("&Bio:"), tr("&Niches:"), tr("C&ountry:"),
            tr("&Languages:"), tr("R&ates:")};
    for (int i = 0; i < labels.size(); ++i) {
        m_fieldLabels.at(i)->setText(labels.at(i));
    }
    m_country->setItemText(0, tr("Not given"));
    for (int i = 0; i < m_niches->count(); ++i) {
        QListWidgetItem *item = m_niches->item(i);
        item->setText(Names::niche(item->data(Qt::UserRole).toString()));
    }
    m_reloadButton->setText(tr("Re&load"));
    m_saveButton->setText(tr("&Save"));
    setState(m_state);
}

void OwnProfileView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        fillCountries(); // sorted by name in the new language
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool OwnProfileView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

void OwnProfileView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state == State::Idle) {
        reload();
    }
}

void OwnProfileView::hideEvent(QHideEvent *event)
{
    // Leaving the page aborts the load (a save in flight is kept: the user asked for it).
    if (m_state == State::Loading) {
        m_api->abort(this);
    }
    QWidget::hideEvent(event);
}

void OwnProfileView::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    switch (state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your profile…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Editing:
    case State::Saving: m_states->showContent(); break;
    }
    m_saveButton->setEnabled(state == State::Editing);
    m_reloadButton->setEnabled(state == State::Editing);
    m_statusLabel->setText(state == State::Saving ? tr("Saving…") : m_status);
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void OwnProfileView::reload()
{
    if (!canLoad()) {
        setState(State::Idle);
        return;
    }
    const quint64 generation = ++m_generation;
    m_status.clear();
    clearErrors();
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.myInfluencer(),
            [this, generation](const common::Result<common::InfluencerProfile> &result) {
                loaded(generation, result);
            });
}

void OwnProfileView::loaded(
        quint64 generation, const common::Result<common::InfluencerProfile> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result && result.error().code == common::ErrorCode::Cancelled) {
        setState(State::Idle); // left the page: load again on return
        return;
    }
    if (!result && result.error().code != common::ErrorCode::NotFound) {
        m_error = result.error();
        setState(State::Failed);
        return;
    }
    m_exists = result.has_value();
    if (m_exists) {
        m_performance->showCreator(result->id); // the creator's own analytics
    }
    fill(result ? result->details : common::InfluencerProfileInput{});
    retranslate();
    setState(State::Editing);
}

void OwnProfileView::fillCountries()
{
    CountryNames::refillPicker(m_country);
}

void OwnProfileView::fill(const common::InfluencerProfileInput &input)
{
    m_displayName->setText(input.displayName);
    m_bio->setPlainText(input.bio);
    for (int i = 0; i < m_niches->count(); ++i) {
        QListWidgetItem *item = m_niches->item(i);
        item->setCheckState(input.niches.contains(item->data(Qt::UserRole).toString())
                        ? Qt::Checked
                        : Qt::Unchecked);
    }
    CountryNames::choose(m_country, input.country); // an unknown code is kept as it is
    m_languages->setSelected(input.languages);
    m_rates->setRates(input.rates);
}

QJsonObject OwnProfileView::formJson(QList<common::FieldError> *parseErrors) const
{
    QJsonArray niches;
    for (int i = 0; i < m_niches->count(); ++i) {
        if (m_niches->item(i)->checkState() == Qt::Checked) {
            niches.append(m_niches->item(i)->data(Qt::UserRole).toString());
        }
    }
    const QJsonArray languages = QJsonArray::fromStringList(m_languages->selected());
    const QJsonArray rates = m_rates->json(parseErrors);
    const QString country = m_country->currentData().toString();
    return {{u"displayName"_s, m_displayName->text()}, {u"bio"_s, m_bio->toPlainText()},
            {u"niches"_s, niches},
            {u"country"_s, country.isEmpty() ? QJsonValue() : QJsonValue(country)},
            {u"languages"_s, languages}, {u"rates"_s, rates}};
}

bool OwnProfileView::save()
{
    if (m_state != State::Editing) {
        return false;
    }
    clearErrors();
    m_status.clear();
    QList<common::FieldError> parseErrors;
    const QJsonObject body = formJson(&parseErrors);
    const auto input = common::profiles::validateInfluencer(body);
    if (!input || !parseErrors.isEmpty()) {
        QList<common::FieldError> errors = parseErrors;
        if (!input) {
            errors += input.error().fieldErrors;
        }
        showErrors(common::Error::validation(errors));
        return false; // nothing is sent
    }
    const quint64 generation = ++m_generation;
    setState(State::Saving);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.saveMyInfluencer(*input),
            [this, generation](const common::Result<common::InfluencerProfile> &result) {
                savedAnswer(generation, result);
            });
    return true;
}

void OwnProfileView::savedAnswer(
        quint64 generation, const common::Result<common::InfluencerProfile> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        setState(State::Editing);
        showErrors(result.error());
        return;
    }
    m_exists = true;
    fill(result->details);
    m_status = tr("Saved.");
    retranslate();
    setState(State::Editing);
    Q_EMIT saved();
}

void OwnProfileView::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
}

void OwnProfileView::showErrors(const common::Error &error)
{
    clearErrors();
    QStringList unplaced;
    for (const common::FieldError &field : error.fieldErrors) {
        const QString group = groupOf(field.field);
        QLabel *label = m_errorLabels.value(group);
        if (!label) {
            unplaced.append(field.message);
            continue;
        }
        const QString message = fieldMessage(group, field);
        if (!label->text().split(u'\n').contains(message)) {
            label->setText(label->text().isEmpty() ? message : label->text() + u'\n' + message);
        }
        label->show();
    }
    if (error.fieldErrors.isEmpty() || !unplaced.isEmpty()) {
        m_status = ErrorText::headline(error) + u' ' + ErrorText::detail(error);
    } else {
        m_status = tr("Please correct the marked fields.");
    }
    m_statusLabel->setText(m_status);
}

QString OwnProfileView::fieldError(const QString &group) const
{
    const QLabel *label = m_errorLabels.value(group);
    return label ? label->text() : QString();
}

QString OwnProfileView::fieldMessage(const QString &group, const common::FieldError &error) const
{
    if (error.code == u"required"_s) {
        return tr("Please fill this in.");
    }
    if (error.code == u"too_long"_s) {
        return group == u"bio"_s ? tr("At most 2000 characters.") : tr("At most 80 characters.");
    }
    if (error.code == u"duplicate"_s) {
        return tr("An entry is listed twice.");
    }
    if (error.code == u"too_many"_s) {
        return tr("Too many entries.");
    }
    if (group == u"country"_s) {
        return tr("Pick the country from the list.");
    }
    if (group == u"languages"_s) {
        return tr("Use two-letter language codes, such as de or en.");
    }
    if (group == u"rates"_s) {
        return tr("Enter a price such as 120.50 and a currency code such as EUR.");
    }
    if (group == u"niches"_s) {
        return tr("Choose niches from the list.");
    }
    return error.message;
}

} // namespace influence::desktop
