// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/Error.h"
#include "common/ProfileApi.h"
#include "widgets/Page.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace influence::desktop {

class Session;
class StateStack;

/// The brand the signed-in user owns, as a form: company name, website, industry, country. A
/// new agency creates it here before its first campaign (the server refuses campaigns to a user
/// who acts for no brand); creators see the name on campaigns and offers. The form is checked
/// with the server's rules (common::profiles::validateBrand) before anything is sent; errors
/// show under their fields, the server's field errors (422) too. Saving replaces the profile
/// (PUT), which also creates it. Staff acting for another's brand are told that the owner keeps
/// that brand's profile, and may start a brand of their own here.
class BrandProfileView : public QWidget, public Page
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Editing, Saving, Failed };
    Q_ENUM(State)

    BrandProfileView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    /// Whether the user owns a brand profile (false before the first save).
    bool exists() const { return m_exists; }
    void reload();
    /// Checks the form and, when valid, saves it; false (and nothing sent) when not valid.
    bool save();
    void setCompanyName(const QString &name);
    void setWebsite(const QString &website);
    void setIndustry(const QString &industry);
    /// An ISO 3166-1 alpha-2 code, or empty for none.
    void setCountry(const QString &code);
    /// The error shown under a field ("companyName", "website", "industry", "country").
    QString fieldError(const QString &field) const;
    QString statusText() const;
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    void stateChanged(influence::desktop::BrandProfileView::State state);
    /// The user now owns a brand profile, or no longer knows whether (signed out).
    void ownershipKnown(bool owns);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void fillCountries();
    void setState(State state);
    void fill(const common::BrandProfileInput &input);
    common::BrandProfileInput formInput() const;
    void clearErrors();
    void showErrors(const common::Error &error);
    QString fieldMessage(const common::FieldError &error) const;
    void loaded(quint64 generation, const common::Result<common::BrandProfile> &result);
    void savedAnswer(quint64 generation, const common::Result<common::BrandProfile> &result);

    common::ApiClient *m_api;
    common::ProfileApi m_profiles;
    Session *m_session;
    State m_state = State::Idle;
    bool m_exists = false;
    quint64 m_generation = 0;
    std::optional<common::Error> m_loadError;

    StateStack *m_states = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_websiteLabel = nullptr;
    QLineEdit *m_website = nullptr;
    QLabel *m_industryLabel = nullptr;
    QLineEdit *m_industry = nullptr;
    QLabel *m_countryLabel = nullptr;
    QComboBox *m_country = nullptr;
    QHash<QString, QLabel *> m_errorLabels;
    QPushButton *m_save = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace influence::desktop
