// SPDX-License-Identifier: Apache-2.0
#include "NotificationPreferences.h"

#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"
#include "widgets/StatusLine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::NotificationChannel;
using influence::common::NotificationSettings;
using influence::common::Result;

namespace influence::desktop {

namespace {

constexpr NotificationChannel kChannels[] = {NotificationChannel::Both, NotificationChannel::InApp,
        NotificationChannel::Email, NotificationChannel::Off};

QString objectStem(const QString &kind)
{
    return QString(kind).replace(u'.', u'_');
}

bool mails(NotificationChannel channel)
{
    return channel == NotificationChannel::Email || channel == NotificationChannel::Both;
}

} // namespace

NotificationPreferences::NotificationPreferences(
        common::ApiClient *api, Session *session, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_notifications(api)
    , m_session(session)
{
    setObjectName(u"notificationPreferences"_s);
    buildUi();
    retranslate();
    connect(m_session, &Session::signedIn, this, [this] {
        if (isVisible()) {
            reload();
        }
    });
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut) {
            ++m_generation;
            setState(State::SignedOut);
        }
    });
}

void NotificationPreferences::buildUi()
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *grid = new QGridLayout;
    m_kindHeader = new QLabel;
    m_channelHeader = new QLabel;
    grid->addWidget(m_kindHeader, 0, 0);
    grid->addWidget(m_channelHeader, 0, 1);
    int row = 1;
    for (const QString &kind : common::reminderKinds()) {
        KindRow widgets;
        widgets.label = new QLabel;
        widgets.channel = new QComboBox;
        widgets.channel->setObjectName(u"channel_"_s + objectStem(kind));
        for (const NotificationChannel channel : kChannels) {
            widgets.channel->addItem(QString(), int(channel));
        }
        widgets.label->setBuddy(widgets.channel);
        widgets.digest = new QCheckBox;
        widgets.digest->setObjectName(u"digest_"_s + objectStem(kind));
        connect(widgets.channel, &QComboBox::currentIndexChanged, this,
                &NotificationPreferences::updateEnabled);
        grid->addWidget(widgets.label, row, 0);
        grid->addWidget(widgets.channel, row, 1);
        grid->addWidget(widgets.digest, row, 2);
        m_rows.insert(kind, widgets);
        ++row;
    }
    grid->setColumnStretch(3, 1);
    layout->addLayout(grid);

    auto *quietRow = new QHBoxLayout;
    m_quiet = new QCheckBox;
    m_quiet->setObjectName(u"quietHoursCheck"_s);
    m_quietStart = new QTimeEdit(QTime(22, 0));
    m_quietStart->setObjectName(u"quietStartEdit"_s);
    m_quietStart->setDisplayFormat(u"HH:mm"_s);
    m_quietTo = new QLabel;
    m_quietEnd = new QTimeEdit(QTime(7, 0));
    m_quietEnd->setObjectName(u"quietEndEdit"_s);
    m_quietEnd->setDisplayFormat(u"HH:mm"_s);
    quietRow->addWidget(m_quiet);
    quietRow->addWidget(m_quietStart);
    quietRow->addWidget(m_quietTo);
    quietRow->addWidget(m_quietEnd);
    quietRow->addStretch();
    layout->addLayout(quietRow);
    connect(m_quiet, &QCheckBox::toggled, this, &NotificationPreferences::updateEnabled);

    auto *zoneRow = new QHBoxLayout;
    m_zoneLabel = new QLabel;
    m_zone = new QComboBox;
    m_zone->setObjectName(u"timeZoneBox"_s);
    m_zone->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_zone->setMinimumContentsLength(24);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        m_zone->addItem(QString::fromLatin1(id));
    }
    if (m_zone->findText(u"UTC"_s) < 0) {
        m_zone->addItem(u"UTC"_s);
    }
    m_zoneLabel->setBuddy(m_zone);
    zoneRow->addWidget(m_zoneLabel);
    zoneRow->addWidget(m_zone);
    zoneRow->addStretch();
    layout->addLayout(zoneRow);

    auto *outer = new QVBoxLayout(this);
    m_states = new StateStack(u"notificationSettings"_s, content);
    outer->addWidget(m_states);
    auto *footer = new QHBoxLayout;
    m_message = new StatusLine;
    m_message->setObjectName(u"notificationSettingsMessage"_s);
    m_message->setWordWrap(true);
    m_save = new QPushButton;
    m_save->setObjectName(u"saveNotificationSettingsButton"_s);
    footer->addWidget(m_message, 1);
    footer->addWidget(m_save);
    outer->addLayout(footer);
    connect(m_states, &StateStack::retryRequested, this, &NotificationPreferences::reload);
    connect(m_save, &QPushButton::clicked, this, &NotificationPreferences::save);
    updateEnabled();
}

QString NotificationPreferences::kindText(const QString &kind)
{
    if (kind == u"deal.activity"_s) {
        return tr("The other side acts on a deal (offers, messages, drafts, payouts)");
    }
    if (kind == u"deliverable.due_soon"_s) {
        return tr("A deliverable is due soon");
    }
    if (kind == u"deliverable.overdue"_s) {
        return tr("A deliverable is overdue");
    }
    if (kind == u"offer.awaiting_reply"_s) {
        return tr("An offer waits for my answer");
    }
    if (kind == u"version.awaiting_review"_s) {
        return tr("A draft waits for review");
    }
    if (kind == u"payout.details_missing"_s) {
        return tr("A payout needs my payout details");
    }
    if (kind == u"payout.late"_s) {
        return tr("A payout is late");
    }
    if (kind == u"payout.unclaimed"_s) {
        return tr("An unclaimed payout goes back to the brand");
    }
    return kind;
}

void NotificationPreferences::retranslate()
{
    setTitle(tr("Notifications"));
    m_kindHeader->setText(tr("Tell me when"));
    m_channelHeader->setText(tr("How"));
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        it->label->setText(kindText(it.key()));
        for (int i = 0; i < it->channel->count(); ++i) {
            switch (NotificationChannel(it->channel->itemData(i).toInt())) {
            case NotificationChannel::Both:
                it->channel->setItemText(i, tr("In the app and by e-mail"));
                break;
            case NotificationChannel::InApp: it->channel->setItemText(i, tr("In the app")); break;
            case NotificationChannel::Email: it->channel->setItemText(i, tr("By e-mail")); break;
            case NotificationChannel::Off: it->channel->setItemText(i, tr("Off")); break;
            }
        }
        it->digest->setText(tr("In the daily digest"));
        it->digest->setToolTip(tr("Collect these e-mails into one mail a day."));
    }
    m_quiet->setText(tr("&Quiet hours from"));
    m_quiet->setToolTip(tr("E-mails that fall into the quiet hours are sent when they end; "
                           "notifications in the app arrive at once."));
    m_quietTo->setText(tr("to"));
    m_zoneLabel->setText(tr("&Time zone:"));
    m_save->setText(tr("Save &notification settings"));
    showState();
}

void NotificationPreferences::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QGroupBox::changeEvent(event);
}

void NotificationPreferences::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (m_state != State::Loading && !m_saving) {
        reload();
    }
}

void NotificationPreferences::setState(State state)
{
    const bool changed = m_state != state;
    m_state = state;
    showState();
    updateEnabled();
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

void NotificationPreferences::showState()
{
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_states->showLoading(tr("Loading your notification settings…")); break;
    case State::SignedOut:
        m_states->showEmpty(tr("Sign in to choose how you are reminded."));
        break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded: m_states->showContent(); break;
    }
}

void NotificationPreferences::updateEnabled()
{
    for (const KindRow &row : std::as_const(m_rows)) {
        row.digest->setEnabled(mails(NotificationChannel(row.channel->currentData().toInt())));
    }
    m_quietStart->setEnabled(m_quiet->isChecked());
    m_quietEnd->setEnabled(m_quiet->isChecked());
    m_save->setEnabled(m_state == State::Loaded && !m_saving);
}

void NotificationPreferences::reload()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    if (!signedIn) {
        setState(State::SignedOut);
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_notifications.settings(),
            [this, generation](const Result<NotificationSettings> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    setState(State::Failed);
                    return;
                }
                setForm(*result);
                m_message->clear();
                setState(State::Loaded);
            });
}

void NotificationPreferences::setForm(const NotificationSettings &settings)
{
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        const auto preference = settings.preference(it.key());
        it->channel->setCurrentIndex(it->channel->findData(int(preference.channel)));
        it->digest->setChecked(preference.digest);
    }
    m_quiet->setChecked(settings.quietHours.has_value());
    if (settings.quietHours) {
        m_quietStart->setTime(settings.quietHours->start);
        m_quietEnd->setTime(settings.quietHours->end);
    }
    int zone = m_zone->findText(settings.timeZone);
    if (zone < 0) {
        m_zone->addItem(settings.timeZone);
        zone = m_zone->count() - 1;
    }
    m_zone->setCurrentIndex(zone);
    updateEnabled();
}

NotificationSettings NotificationPreferences::formSettings() const
{
    NotificationSettings settings;
    for (const QString &kind : common::reminderKinds()) {
        const KindRow &row = m_rows[kind];
        const auto channel = NotificationChannel(row.channel->currentData().toInt());
        settings.kinds.append({kind, channel, mails(channel) && row.digest->isChecked()});
    }
    if (m_quiet->isChecked()) {
        settings.quietHours = common::QuietHours{m_quietStart->time(), m_quietEnd->time()};
    }
    settings.timeZone = m_zone->currentText();
    return settings;
}

void NotificationPreferences::save()
{
    if (m_saving || m_state != State::Loaded) {
        return;
    }
    const NotificationSettings settings = formSettings();
    if (settings.quietHours && settings.quietHours->start == settings.quietHours->end) {
        m_message->setText(tr("The quiet hours must end at another time than they start."));
        m_quietEnd->setFocus();
        return;
    }
    m_saving = true;
    updateEnabled();
    m_message->setText(tr("Saving the notification settings…"));
    continueIn(this, m_notifications.setSettings(settings),
            [this](const Result<NotificationSettings> &result) {
                m_saving = false;
                updateEnabled();
                if (!result) {
                    m_message->setText(tr("The notification settings were not saved. %1")
                                               .arg(ErrorText::sentence(result.error())));
                    return;
                }
                setForm(*result);
                m_message->setText(tr("The notification settings were saved."));
                Q_EMIT saved();
            });
}

QString NotificationPreferences::messageText() const
{
    return m_message->text();
}

} // namespace influence::desktop
