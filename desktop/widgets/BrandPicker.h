// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/ApiClient.h"
#include "common/Error.h"
#include "common/ProfileApi.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QEvent;
class QLabel;

namespace influence::desktop {

/// Which brand a page works on, for agency staff acting for several (GET /api/v1/me/brands):
/// "Brand:" and a combo box of the brands by name, shown only when there is more than one.
/// Until the list has arrived, and for someone with a single brand, brandId() is empty, which
/// the server reads as "my only brand". A failed list leaves the picker hidden (the page's own
/// request then says what is wrong). The choice is kept across reloads while the brand is still
/// listed; forget() drops everything (sign-out).
class BrandPicker : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Loaded, Failed };
    Q_ENUM(State)

    explicit BrandPicker(common::ApiClient *api, QWidget *parent = nullptr);

    State state() const { return m_state; }
    const QList<common::ActingBrand> &brands() const { return m_brands; }
    /// The chosen brand's id; empty when the user acts for one brand (or none is known yet),
    /// or chose "All brands".
    QString brandId() const;
    /// Offers "All brands" first (the default) for a page that can show every brand's items
    /// together, such as the campaign list.
    void setAllowAll(bool allow);
    /// Chooses a listed brand; false when it is not listed.
    bool choose(const QString &brandId);
    QComboBox *combo() const { return m_combo; }
    /// Reads the list again; ready() follows, with or without it.
    void reload();
    void forget();

Q_SIGNALS:
    /// The list arrived (or could not): brandId() is what to ask for now.
    void ready();
    /// The user chose another brand.
    void brandChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill(const QString &keep);

    common::ProfileApi m_profiles;
    common::ApiClient *m_api;
    QList<common::ActingBrand> m_brands;
    bool m_allowAll = false;
    State m_state = State::Idle;
    quint64 m_generation = 0;
    QLabel *m_label = nullptr;
    QComboBox *m_combo = nullptr;
};

} // namespace influence::desktop
