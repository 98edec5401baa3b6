// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/CampaignTargets.h"
#include "common/CollabTypes.h"
#include "common/Error.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace influence::common {
class ApiClient;
}

namespace influence::desktop {

class BrandPicker;

/// Creates or edits a campaign: the brief, the targeting, budget, KPI targets and dates. The form
/// is checked with the server's own rules (common/Collab) before anything is sent; field errors
/// from either side are shown at their fields. Opened without blocking (open(), never exec()).
class CampaignDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CampaignDialog(QWidget *parent = nullptr);

    /// Fills the form from a campaign (editing) and remembers its id. Its targets are not part
    /// of a common::Campaign: they stay disabled until setTargets() brings them.
    void setCampaign(const QString &id, const common::CampaignInput &input);
    /// Fills the targets and enables them.
    void setTargets(const common::CampaignTargets &targets);
    /// Whether the targets are known (a new campaign, or setTargets() came): only then are
    /// they sent, so that an edit made before they arrived never clears them.
    bool targetsKnown() const { return m_targetsKnown; }
    /// The targets of the last form submitted().
    const common::CampaignTargets &targets() const { return m_targets; }
    QString campaignId() const { return m_id; }
    /// A new campaign: lets staff acting for several brands choose its brand (BrandPicker at
    /// the top, shown only then).
    void offerBrands(common::ApiClient *api);
    /// The chosen brand; empty: the user's only brand.
    QString brandId() const;
    BrandPicker *brandPicker() const { return m_brands; }

    /// Checks the form; emits submitted() when it is valid, else shows the errors.
    bool submit();
    /// Shows an error from the server: field errors at their fields, the rest below the form.
    void showError(const common::Error &error);
    /// While a request is under way the form cannot be sent again.
    void setBusy(bool busy);
    /// The error shown at a field group ("name", "countries", "budget", …).
    QString fieldError(const QString &group) const;
    QString statusText() const;

Q_SIGNALS:
    void submitted(const influence::common::CampaignInput &input);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslate();
    QLabel *addRow(QFormLayout *form, const QString &group, QWidget *field);
    QJsonObject formJson(QList<common::FieldError> *errors) const;
    void clearErrors();
    void showFieldErrors(const QList<common::FieldError> &errors);
    QString fieldMessage(const QString &group, const common::FieldError &error) const;

    QString m_id;
    BrandPicker *m_brands = nullptr;
    bool m_targetsKnown = true;
    common::CampaignTargets m_targets;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QLabel *> m_rowLabels;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_brief = nullptr;
    QComboBox *m_objective = nullptr;
    QLineEdit *m_platforms = nullptr;
    QLineEdit *m_types = nullptr;
    QLineEdit *m_niches = nullptr;
    QLineEdit *m_countries = nullptr;
    QLineEdit *m_languages = nullptr;
    QLineEdit *m_minFollowers = nullptr;
    QLineEdit *m_maxFollowers = nullptr;
    QLineEdit *m_minEngagement = nullptr;
    QLineEdit *m_budget = nullptr;
    QLineEdit *m_currency = nullptr;
    QLineEdit *m_targetViews = nullptr;
    QLineEdit *m_targetEngagements = nullptr;
    QLineEdit *m_targetReach = nullptr;
    QLineEdit *m_maxCpe = nullptr;
    QLineEdit *m_maxCpm = nullptr;
    QLineEdit *m_startDate = nullptr;
    QLineEdit *m_endDate = nullptr;
    QLineEdit *m_deadline = nullptr;
    QComboBox *m_visibility = nullptr;
    QPlainTextEdit *m_usageRights = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace influence::desktop
