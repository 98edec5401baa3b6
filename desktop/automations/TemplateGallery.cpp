// SPDX-License-Identifier: Apache-2.0
#include "TemplateGallery.h"

#include "RuleText.h"
#include "widgets/Async.h"
#include "widgets/StateStack.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::RuleTemplate;

namespace influence::desktop {

namespace {
constexpr int kCodeRole = Qt::UserRole;
} // namespace

TemplateGallery::TemplateGallery(common::ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_rules(api)
{
    setObjectName(u"templateGallery"_s);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    m_list = new QListWidget;
    m_list->setObjectName(u"templateList"_s);
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_list->setAlternatingRowColors(true);
    m_states = new StateStack(u"templates"_s, m_list);
    connect(m_states, &StateStack::retryRequested, this, &TemplateGallery::reload);
    layout->addWidget(m_states, 1);
    auto *buttons = new QHBoxLayout;
    m_use = new QPushButton;
    m_use->setObjectName(u"useTemplateButton"_s);
    m_use->setDefault(true);
    m_cancel = new QPushButton;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_use);
    layout->addLayout(buttons);
    connect(m_use, &QPushButton::clicked, this, &TemplateGallery::chooseCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &TemplateGallery::chooseCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_use->setEnabled(row >= 0);
    });
    resize(640, 480);
    retranslate();
    reload();
}

void TemplateGallery::retranslate()
{
    setWindowTitle(tr("New automation from a template"));
    m_use->setText(tr("&Use template"));
    m_cancel->setText(tr("Cancel"));
    fill();
    setState(m_state);
}

void TemplateGallery::reload()
{
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_rules.templates(), [this](const Result<QList<RuleTemplate>> &templates) {
        if (!templates) {
            m_error = templates.error();
            setState(State::Failed);
            return;
        }
        m_templates = *templates;
        fill();
        setState(State::Loaded);
    });
}

void TemplateGallery::fill()
{
    const int row = m_list->currentRow();
    m_list->clear();
    for (const RuleTemplate &ruleTemplate : std::as_const(m_templates)) {
        const QString name = RuleText::templateName(ruleTemplate.code, ruleTemplate.name);
        const QString description =
                RuleText::templateDescription(ruleTemplate.code, ruleTemplate.description);
        auto *item = new QListWidgetItem(name + u'\n' + description);
        item->setData(kCodeRole, ruleTemplate.code);
        item->setToolTip(description);
        m_list->addItem(item);
    }
    m_list->setCurrentRow(row >= 0 ? row : 0);
}

void TemplateGallery::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Loading: m_states->showLoading(tr("Loading the templates…")); break;
    case State::Failed: m_states->showError(m_error); break;
    case State::Loaded:
        if (m_templates.isEmpty()) {
            m_states->showEmpty(tr("The server offers no templates."));
        } else {
            m_states->showContent();
        }
        break;
    }
    m_use->setEnabled(state == State::Loaded && m_list->currentRow() >= 0);
    Q_EMIT stateChanged(state);
}

bool TemplateGallery::choose(const QString &code)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kCodeRole).toString() == code) {
            m_list->setCurrentRow(row);
            chooseCurrent();
            return true;
        }
    }
    return false;
}

void TemplateGallery::chooseCurrent()
{
    const int row = m_list->currentRow();
    if (m_state != State::Loaded || row < 0 || row >= m_templates.size()) {
        return;
    }
    Q_EMIT chosen(m_templates.at(row));
    accept();
}

void TemplateGallery::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace influence::desktop
