// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"

#include <QObject>
#include <QtGlobal>

namespace influence::desktop {

/// What a widget has asked the API for and still waits for. Each load gets a ticket; an answer
/// whose ticket is no longer the current one (a newer load started, or the widget cancelled it
/// when the user left) is dropped. The requests are made under `owner`
/// (common::ApiClient::OwnerScope), so that cancel() also aborts them.
class Loading
{
public:
    Loading(common::ApiClient *api, const QObject *owner)
        : m_api(api)
        , m_owner(owner)
    { }

    /// Starts a load, dropping the answers of any earlier one; returns its ticket.
    quint64 start()
    {
        cancel();
        m_active = true;
        return m_ticket;
    }
    /// Whether `ticket`'s answer is still wanted (a load of several pages asks page by page).
    bool wants(quint64 ticket) const { return m_active && ticket == m_ticket; }
    /// Takes `ticket`'s last answer: true (and the load is over) when it is still wanted.
    bool finish(quint64 ticket)
    {
        if (!wants(ticket)) {
            return false;
        }
        m_active = false;
        return true;
    }
    /// Drops what is on its way and aborts its requests.
    void cancel()
    {
        ++m_ticket;
        m_active = false;
        m_api->abort(m_owner);
    }
    bool isActive() const { return m_active; }
    common::ApiClient *api() const { return m_api; }

private:
    common::ApiClient *m_api;
    const QObject *m_owner;
    quint64 m_ticket = 0;
    bool m_active = false;
};

} // namespace influence::desktop
