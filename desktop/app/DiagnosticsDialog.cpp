// SPDX-License-Identifier: Apache-2.0
#include "DiagnosticsDialog.h"

#include "widgets/Async.h"
#include "widgets/ErrorText.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// The last address tried here (the sign-in dialog remembers the app's own server).
constexpr auto kServerUrlKey = "diagnostics/serverUrl";

QLabel *makeValue(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget *centeredPage(const QString &objectName, QVBoxLayout **layout)
{
    auto *page = new QWidget;
    page->setObjectName(objectName);
    *layout = new QVBoxLayout(page);
    return page;
}

} // namespace

DiagnosticsDialog::DiagnosticsDialog(QWidget *parent)
    : QDialog(parent)
    , m_system(&m_api)
{
    setObjectName(u"diagnosticsDialog"_s);
    buildUi();
    setServerUrl(QSettings().value(QLatin1StringView(kServerUrlKey)).toString());
    setState(State::Empty);
}

void DiagnosticsDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);

    m_serverLabel = new QLabel;
    m_serverUrlEdit = new QLineEdit;
    m_serverUrlEdit->setObjectName(u"serverUrlEdit"_s);
    m_serverUrlEdit->setClearButtonEnabled(true);
    m_serverLabel->setBuddy(m_serverUrlEdit);
    m_connectButton = new QPushButton;
    m_connectButton->setObjectName(u"connectButton"_s);
    m_connectButton->setDefault(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_serverLabel);
    row->addWidget(m_serverUrlEdit, 1);
    row->addWidget(m_connectButton);
    layout->addLayout(row);
    connect(m_connectButton, &QPushButton::clicked, this, &DiagnosticsDialog::connectToServer);

    m_stack = new QStackedWidget;
    m_stack->setObjectName(u"stateStack"_s);

    QVBoxLayout *emptyLayout = nullptr;
    QWidget *emptyPage = centeredPage(u"emptyPage"_s, &emptyLayout);
    m_emptyLabel = new QLabel;
    m_emptyLabel->setObjectName(u"emptyLabel"_s);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLayout->addWidget(m_emptyLabel);

    QVBoxLayout *loadingLayout = nullptr;
    QWidget *loadingPage = centeredPage(u"loadingPage"_s, &loadingLayout);
    m_loadingLabel = new QLabel;
    m_loadingLabel->setObjectName(u"loadingLabel"_s);
    m_loadingLabel->setAlignment(Qt::AlignCenter);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy indicator
    m_progress->setTextVisible(false);
    m_cancelButton = new QPushButton;
    m_cancelButton->setObjectName(u"cancelButton"_s);
    connect(m_cancelButton, &QPushButton::clicked, this, &DiagnosticsDialog::cancel);
    loadingLayout->addStretch();
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(m_progress);
    loadingLayout->addWidget(m_cancelButton, 0, Qt::AlignCenter);
    loadingLayout->addStretch();

    QVBoxLayout *errorLayout = nullptr;
    QWidget *errorPage = centeredPage(u"errorPage"_s, &errorLayout);
    m_errorHeadline = new QLabel;
    m_errorHeadline->setObjectName(u"errorHeadline"_s);
    QFont headlineFont = m_errorHeadline->font();
    headlineFont.setBold(true);
    m_errorHeadline->setFont(headlineFont);
    m_errorHeadline->setWordWrap(true);
    m_errorDetail = new QLabel;
    m_errorDetail->setObjectName(u"errorDetail"_s);
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retryButton = new QPushButton;
    m_retryButton->setObjectName(u"retryButton"_s);
    connect(m_retryButton, &QPushButton::clicked, this, &DiagnosticsDialog::connectToServer);
    errorLayout->addStretch();
    errorLayout->addWidget(m_errorHeadline);
    errorLayout->addWidget(m_errorDetail);
    errorLayout->addWidget(m_retryButton, 0, Qt::AlignLeft);
    errorLayout->addStretch();

    auto *connectedPage = new QWidget;
    connectedPage->setObjectName(u"connectedPage"_s);
    m_details = new QFormLayout(connectedPage);
    m_versionValue = makeValue(u"versionValue"_s);
    m_apiValue = makeValue(u"apiValue"_s);
    m_qtValue = makeValue(u"qtValue"_s);
    m_startedValue = makeValue(u"startedValue"_s);
    m_databaseValue = makeValue(u"databaseValue"_s);
    for (QLabel *value : {m_versionValue, m_apiValue, m_qtValue, m_startedValue, m_databaseValue}) {
        m_details->addRow(new QLabel, value);
    }

    m_stack->addWidget(emptyPage);
    m_stack->addWidget(loadingPage);
    m_stack->addWidget(errorPage);
    m_stack->addWidget(connectedPage);
    layout->addWidget(m_stack, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    m_closeButton->setObjectName(u"diagnosticsCloseButton"_s);
    // Enter in the address field connects; only a click (or Escape) closes.
    m_closeButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 360);
}

void DiagnosticsDialog::retranslate()
{
    setWindowTitle(tr("Server diagnostics"));
    m_serverLabel->setText(tr("&Server:"));
    m_serverUrlEdit->setPlaceholderText(tr("e.g. http://localhost:8080"));
    m_connectButton->setText(tr("&Connect"));
    m_emptyLabel->setText(tr("Enter the address of an Influence server and press Connect."));
    m_cancelButton->setText(tr("Cancel"));
    m_retryButton->setText(tr("&Retry"));
    const QStringList rowLabels{tr("Server version:"), tr("API version:"), tr("Qt version:"),
            tr("Running since:"), tr("Database:")};
    for (int row = 0; row < rowLabels.size(); ++row) {
        if (auto *label = qobject_cast<QLabel *>(
                    m_details->itemAt(row, QFormLayout::LabelRole)->widget())) {
            label->setText(rowLabels.at(row));
        }
    }
    switch (m_state) {
    case State::Empty: break;
    case State::Loading:
        m_loadingLabel->setText(tr("Connecting to %1…").arg(m_api.baseUrl().toString()));
        break;
    case State::Error:
        if (m_addressInvalid) {
            m_errorHeadline->setText(tr("Please enter a valid server address."));
            m_errorDetail->setText(tr("“%1” is not a server address such as http://localhost:8080.")
                                           .arg(m_error.detail));
        } else {
            m_errorHeadline->setText(ErrorText::headline(m_error));
            m_errorDetail->setText(ErrorText::detail(m_error));
        }
        break;
    case State::Connected: showConnected(); break;
    }
}

QString DiagnosticsDialog::statusText() const
{
    switch (m_state) {
    case State::Loading: return tr("Connecting…");
    case State::Connected: return tr("Connected to %1").arg(m_api.baseUrl().toString());
    case State::Empty:
    case State::Error: break;
    }
    return {};
}

void DiagnosticsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void DiagnosticsDialog::setServerUrl(const QString &url)
{
    m_serverUrlEdit->setText(url);
}

void DiagnosticsDialog::setState(State state)
{
    m_state = state;
    m_stack->setCurrentIndex(static_cast<int>(state));
    m_connectButton->setEnabled(state != State::Loading);
    retranslate();
    Q_EMIT stateChanged(state);
}

void DiagnosticsDialog::connectToServer()
{
    const QString text = m_serverUrlEdit->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        m_error = common::Error::make(common::ErrorCode::InvalidParameter, text);
        m_addressInvalid = true;
        setState(State::Error);
        return;
    }
    m_addressInvalid = false;
    QSettings().setValue(QLatin1StringView(kServerUrlKey), url.toString());
    m_api.setBaseUrl(url);
    const quint64 generation = ++m_generation;
    setState(State::Loading);

    continueIn(this, m_system.version(),
            [this, generation](const common::Result<common::ServerVersion> &version) {
                if (generation != m_generation) {
                    return; // a newer attempt replaced this one
                }
                if (!version) {
                    showError(version.error());
                    return;
                }
                continueIn(this, m_system.readiness(),
                        [this, generation, v = *version](
                                const common::Result<common::Readiness> &readiness) {
                            if (generation != m_generation) {
                                return;
                            }
                            if (!readiness) {
                                showError(readiness.error());
                                return;
                            }
                            m_version = v;
                            m_readiness = *readiness;
                            setState(State::Connected);
                        });
            });
}

void DiagnosticsDialog::cancel()
{
    ++m_generation;
    m_api.abortAll();
    setState(State::Empty);
}

void DiagnosticsDialog::showError(const common::Error &error)
{
    m_error = error;
    setState(State::Error);
}

void DiagnosticsDialog::showConnected()
{
    m_versionValue->setText(m_version.version);
    m_apiValue->setText(m_version.apiVersion);
    m_qtValue->setText(m_version.qtVersion);
    m_startedValue->setText(
            QLocale().toString(m_version.startedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_readiness.draining) {
        m_databaseValue->setText(tr("The server is shutting down"));
    } else if (m_readiness.database) {
        m_databaseValue->setText(tr("Ready"));
    } else {
        m_databaseValue->setText(tr("Unavailable"));
    }
}

} // namespace influence::desktop
