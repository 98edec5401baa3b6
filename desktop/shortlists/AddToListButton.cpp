// SPDX-License-Identifier: Apache-2.0
#include "AddToListButton.h"

#include "session/Session.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"

#include <QEvent>
#include <QInputDialog>
#include <QMenu>

using namespace Qt::StringLiterals;
using influence::common::Result;
using influence::common::Shortlist;
using influence::common::ShortlistMember;
using influence::common::ShortlistPage;

namespace influence::desktop {

namespace {
/// Lists offered in the menu at the most (one page).
constexpr int kMaxLists = 100;
} // namespace

AddToListButton::AddToListButton(
        common::ApiClient *api, Session *session, Creators creators, QWidget *parent)
    : QToolButton(parent)
    , m_api(api)
    , m_shortlists(api)
    , m_session(session)
    , m_creators(std::move(creators))
{
    setObjectName(u"addToListButton"_s);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_menu = new QMenu(this);
    m_menu->setObjectName(u"addToListMenu"_s);
    setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &AddToListButton::reloadLists);
    connect(m_session, &Session::stateChanged, this, &AddToListButton::updateVisibility);
    retranslate();
    updateVisibility();
}

void AddToListButton::updateVisibility()
{
    const bool signedIn = m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
    setVisible(signedIn && m_session->user().role != common::UserRole::Influencer);
}

void AddToListButton::setState(State state)
{
    m_state = state;
    rebuildMenu();
    Q_EMIT stateChanged(state);
}

void AddToListButton::reloadLists()
{
    const quint64 generation = ++m_generation;
    m_parts = 2;
    m_partFailed = false;
    setState(State::Loading);
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.lists(kMaxLists, {}),
            [this, generation](const Result<ShortlistPage<Shortlist>> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    m_partFailed = true;
                } else {
                    m_lists = result->items;
                    std::sort(m_lists.begin(), m_lists.end(), [](const auto &a, const auto &b) {
                        return a.name.localeAwareCompare(b.name) < 0;
                    });
                }
                partArrived();
            });
    continueIn(this, common::ProfileApi(m_api).myBrands(),
            [this, generation](const Result<QList<common::ActingBrand>> &result) {
                if (generation != m_generation) {
                    return;
                }
                if (!result) {
                    m_error = result.error();
                    m_partFailed = true;
                } else {
                    m_brands = *result;
                }
                partArrived();
            });
}

void AddToListButton::partArrived()
{
    if (--m_parts > 0) {
        return;
    }
    setState(m_partFailed ? State::Failed : State::Ready);
}

void AddToListButton::rebuildMenu()
{
    m_menu->clear();
    if (m_creators().isEmpty()) {
        m_menu->addAction(tr("Select creators first"))->setEnabled(false);
        return;
    }
    switch (m_state) {
    case State::Idle:
    case State::Loading: m_menu->addAction(tr("Loading lists…"))->setEnabled(false); return;
    case State::Adding: m_menu->addAction(tr("Adding…"))->setEnabled(false); return;
    case State::Failed:
        m_menu->addAction(ErrorText::headline(m_error))->setEnabled(false);
        connect(m_menu->addAction(tr("Try again")), &QAction::triggered, this,
                &AddToListButton::reloadLists);
        return;
    case State::Ready: break;
    }
    const auto addLists = [this](const QString &brandId) {
        for (const Shortlist &list : std::as_const(m_lists)) {
            if (!brandId.isEmpty() && list.brandId != brandId) {
                continue;
            }
            QAction *action = m_menu->addAction(u"%1 (%2)"_s.arg(list.name).arg(list.memberCount));
            action->setData(list.id);
            connect(action, &QAction::triggered, this, [this, id = list.id] {
                addTo(id);
            });
        }
    };
    if (m_brands.size() > 1) {
        // Agency staff: each brand's lists under its name, and a new list for each brand.
        for (const common::ActingBrand &brand : std::as_const(m_brands)) {
            m_menu->addSection(brand.name);
            addLists(brand.id);
            QAction *create = m_menu->addAction(tr("New list for %1…").arg(brand.name));
            create->setObjectName(u"newListAction"_s);
            create->setData(brand.id);
            connect(create, &QAction::triggered, this, [this, brand] {
                askForName(brand.id, brand.name);
            });
        }
        return;
    }
    addLists({});
    if (!m_lists.isEmpty()) {
        m_menu->addSeparator();
    }
    QAction *create = m_menu->addAction(tr("&New list…"));
    create->setObjectName(u"newListAction"_s);
    connect(create, &QAction::triggered, this, [this] {
        askForName({}, {});
    });
}

void AddToListButton::askForName(const QString &brandId, const QString &brandName)
{
    auto *dialog = new QInputDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"newListDialog"_s);
    dialog->setWindowTitle(
            brandName.isEmpty() ? tr("New list") : tr("New list for %1").arg(brandName));
    dialog->setLabelText(tr("Name of the new list:"));
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, brandId](const QString &name) {
        if (!name.trimmed().isEmpty()) {
            addToNewList(name.trimmed(), brandId);
        }
    });
    dialog->open();
}

void AddToListButton::addTo(const QString &listId)
{
    const auto it = std::find_if(m_lists.cbegin(), m_lists.cend(), [&](const Shortlist &list) {
        return list.id == listId;
    });
    Shortlist list;
    list.id = listId;
    list.name = it != m_lists.cend() ? it->name : QString();
    addAll(list, m_creators());
}

void AddToListButton::addToNewList(const QString &name, const QString &brandId)
{
    const QStringList creators = m_creators();
    setState(State::Adding);
    common::ShortlistInput input;
    input.name = name;
    input.brandId = brandId;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.create(input), [this, creators](const Result<Shortlist> &list) {
        if (!list) {
            m_error = list.error();
            finish(tr("The list was not created: %1").arg(ErrorText::sentence(list.error())));
            return;
        }
        m_lists.append(*list);
        addAll(*list, creators);
    });
}

void AddToListButton::addAll(const Shortlist &list, const QStringList &creators)
{
    if (creators.isEmpty()) {
        return;
    }
    setState(State::Adding);
    m_pending = static_cast<int>(creators.size());
    m_failures = 0;
    const common::ApiClient::OwnerScope owner(m_api, this);
    for (const QString &creator : creators) {
        continueIn(this, m_shortlists.putMember(list.id, creator),
                [this, list, count = m_pending](const Result<ShortlistMember> &result) {
                    if (!result) {
                        ++m_failures;
                        m_error = result.error();
                    }
                    if (--m_pending > 0) {
                        return;
                    }
                    if (m_failures > 0) {
                        finish((m_failures == 1
                                        ? tr("One creator was not added: %1")
                                        : tr("%n creators were not added: %1", nullptr, m_failures))
                                        .arg(ErrorText::sentence(m_error)));
                        return;
                    }
                    finish((count == 1 ? tr("Added one creator to “%1”.")
                                       : tr("Added %n creators to “%1”.", nullptr, count))
                                    .arg(list.name));
                    Q_EMIT added(list.id, list.name, count);
                });
    }
}

void AddToListButton::finish(const QString &status)
{
    m_status = status;
    setToolTip(status);
    setState(State::Ready);
}

void AddToListButton::retranslate()
{
    setText(tr("Add to &list…"));
    if (m_status.isEmpty()) {
        setToolTip(tr("Add the creators to one of the brand's shortlists."));
    }
}

void AddToListButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QToolButton::changeEvent(event);
}

} // namespace influence::desktop
