// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "campaigns/CampaignDialog.h"
#include "common/CollabApi.h"
#include "common/Error.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace influence::desktop {

class BrandPicker;
class CampaignsModel;
class Session;
class StateStack;

/// The brand's campaigns: a table with status, dates, budget and progress; creating and
/// editing them in a dialog; and the lifecycle buttons, enabled by the shared transition table
/// (common::campaignTransition). When the server refuses a step, its reason is shown. A creator
/// sees the campaigns they work in without the brand's actions and without its budget.
class CampaignsView : public QWidget
{
    Q_OBJECT

public:
    enum class State { Idle, Loading, Empty, Loaded, Failed };
    Q_ENUM(State)

    CampaignsView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    State state() const { return m_state; }
    CampaignsModel *model() const { return m_model; }
    void reload();
    /// Selects the campaign's row (nothing when it is not listed).
    void select(const QString &id);
    /// Selects the campaign now if it is listed, else once the list has arrived (for a page
    /// about to be shown, which loads its list).
    void showCampaign(const QString &id);
    BrandPicker *brandPicker() const { return m_brands; }
    /// The selected campaign, if any.
    const common::Campaign *selected() const;
    /// Opens the dialog for a new campaign, or for the selected one (null for a creator).
    CampaignDialog *newCampaign();
    CampaignDialog *editSelected();
    CampaignDialog *dialog() const { return m_dialog; }
    /// Asks the server to move the selected campaign (launch, pause, …; not for a creator).
    void runAction(common::CampaignAction action);
    /// The table as CSV (widgets/CsvExport.h): one row per campaign listed, in its order.
    QByteArray csv() const;
    /// Asks where to save csv() (never blocking) and says under the table how it went.
    void exportAsCsv();
    /// The last outcome shown under the table (refusals, confirmations).
    QString messageText() const;

Q_SIGNALS:
    void stateChanged(influence::desktop::CampaignsView::State state);
    /// A campaign was created, edited or moved.
    void campaignChanged(const QString &id);
    /// Enter or a double-click on a campaign: its page should open (CampaignPage).
    void campaignOpened(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void setState(State state);
    /// Shows m_state in the state stack (its texts in the current language).
    void showState();
    /// Whether the signed-in user acts for a brand (brand staff, admins) rather than as a creator.
    bool isBrandSide() const;
    /// Shows or hides what only the brand side may see and do.
    void applyRole();
    void showBrandColumn();
    void updateButtons();
    bool canLoad() const;
    CampaignDialog *openDialog();
    void loadPage(const QString &cursor);
    void listed(quint64 generation, const common::Result<common::Page<common::Campaign>> &result);
    void save(const common::CampaignInput &input);
    void saved(const common::Result<common::Campaign> &result);
    void moved(common::CampaignAction action, const QString &id,
            const common::Result<common::Campaign> &result);
    void refreshOne(const QString &id);
    void refreshed(const common::Result<common::Campaign> &result);
    void showMessage(const QString &text);

    common::ApiClient *m_api;
    common::CollabApi m_collab;
    Session *m_session;
    State m_state = State::Idle;
    common::Error m_error;
    quint64 m_generation = 0;
    QString m_selectAfterLoad;
    QList<common::Campaign> m_arriving; ///< the pages so far of the list on its way
    CampaignsModel *m_model = nullptr;
    BrandPicker *m_brands = nullptr; ///< shown to staff of several brands
    QPointer<CampaignDialog> m_dialog;

    QLabel *m_title = nullptr;
    StateStack *m_states = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_export = nullptr;
    QList<std::pair<common::CampaignAction, QPushButton *>> m_actions;
    QLabel *m_message = nullptr;
};

} // namespace influence::desktop
