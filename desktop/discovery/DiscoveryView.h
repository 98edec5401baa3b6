// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/DiscoveryApi.h"
#include "widgets/Page.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAction;
class QBoxLayout;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace influence::common {
class ApiClient;
}

namespace influence::desktop {

class DiscoveryModel;
class InviteDialog;
class Session;
class StateStack;
struct InviteCreator;

/// The discovery page: the filters of GET /api/v1/influencers as widgets (niche, country and
/// language picked from the platform's vocabularies), the results in a table that loads more rows
/// as it scrolls and sorts by the columns the server can sort by (a click on their header), and
/// loading, empty and error states. Typing is debounced; leaving the page drops requests in
/// flight. Rows can be selected together; the brand's side
/// invites the selected creators to a campaign (button, context menu or Ctrl+I). Back and
/// Forward return to the filters, sort, rows loaded, selection and scroll position left.
class DiscoveryView : public QWidget, public Page
{
    Q_OBJECT

public:
    DiscoveryView(common::ApiClient *api, Session *session, QWidget *parent = nullptr);

    DiscoveryModel *model() const { return m_model; }
    /// Time between the last filter change and the search.
    static constexpr int kDebounceMs = 300;

    /// The selected creators, in table order.
    QList<InviteCreator> selectedCreators() const;
    /// Puts a tool that acts on the selected creators beside Invite (the shell adds them).
    void addSelectionTool(QWidget *tool);
    /// Opens the invitation dialog for the selected creators (nothing when none is selected or
    /// the user is not on a brand's side).
    InviteDialog *inviteSelected();
    InviteDialog *inviteDialog() const;
    /// Asks for the creators like the selected ones (lookalikesRequested()).
    void lookalikesOfSelected();
    /// Puts every filter and the sort back to where they start, and searches once.
    void resetFilters();
    /// Sets the filters to `query` (values the pickers do not offer are left empty) and
    /// searches once: "Find creators for this campaign".
    void applyFilters(const common::DiscoveryQuery &query);
    /// The rows on screen as CSV (widgets/CsvExport.h), after the filters they were found with.
    QByteArray csv() const;
    /// Asks where to save csv() and writes it there in the background.
    void exportCsv();

    /// The filters, the sort, how many rows were loaded, the selected creators and the scroll
    /// position. restoreState() searches again only when the results on screen are not those.
    QVariant saveState() const override;
    void restoreState(const QVariant &state) override;
    QString crumb() const override { return windowTitle(); }

Q_SIGNALS:
    /// The user opened a creator (double-click or Enter on a row).
    void creatorActivated(const QString &id);
    /// After inviting, the user asked to see the campaign's deals.
    void campaignBoardRequested(const QString &campaignId);
    /// "More like these": creators like the selected ones (ids and names, in table order).
    void lookalikesRequested(const QStringList &ids, const QStringList &names);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    /// Where the user was on the page (saveState()).
    struct Place
    {
        common::DiscoveryQuery query;
        int rows = 0;
        QStringList selected; ///< creator ids
        QString current;
        int scroll = 0;
    };

    void buildUi();
    /// The filter widgets in their grid (DiscoveryFilters.cpp, with the query they describe).
    QGridLayout *buildFilters();
    /// The pickers' names in the current language, keeping what is chosen.
    void refillChoices();
    void retranslate();
    void search();
    /// The query the filter widgets describe.
    common::DiscoveryQuery filterQuery() const;
    /// Sets the filter widgets to `query` without searching.
    void setFilters(const common::DiscoveryQuery &query);
    /// The filter widgets, for blocking their signals while several change at once.
    QList<QObject *> filterWidgets() const;
    /// The empty state's sentence: names the authenticity filter when it is set, since it also
    /// leaves out the creators not yet assessed.
    QString emptyText() const;
    /// The price and its currency apply to a deliverable type: enabled once one is picked.
    void updatePriceEnabled();
    /// Continues restoreState() as rows arrive: loads pages until as many rows are there as
    /// were, then selects and scrolls.
    void continueRestore();
    void updateState();
    bool canLoad() const;
    /// A signed-in user of a brand's side (brand or agency staff), who may invite.
    bool canInvite() const;
    void updateInvite();
    void sortByColumn(int column);
    void showSortIndicator();

    common::ApiClient *m_api;
    Session *m_session;
    DiscoveryModel *m_model;
    QTimer m_debounce;

    QLineEdit *m_textEdit = nullptr;
    QComboBox *m_nicheBox = nullptr;
    QComboBox *m_platformBox = nullptr;
    QComboBox *m_countryBox = nullptr;
    QComboBox *m_languageBox = nullptr;
    QSpinBox *m_minFollowers = nullptr;
    QSpinBox *m_maxFollowers = nullptr;
    QDoubleSpinBox *m_minEngagement = nullptr;
    QSpinBox *m_minAuthenticity = nullptr; ///< 0: any (creators not yet assessed too)
    /// The price filter: a deliverable type ("any" first), the most it may cost in whole major
    /// units (0: any) and the currency the creator's rate is in (the server does not convert).
    QComboBox *m_priceTypeBox = nullptr;
    QSpinBox *m_maxPriceBox = nullptr;
    QComboBox *m_priceCurrencyBox = nullptr;
    QComboBox *m_sortBox = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    StateStack *m_states = nullptr;
    QTableView *m_table = nullptr;
    QBoxLayout *m_selectionTools = nullptr;
    QList<QLabel *> m_filterLabels;
    QPushButton *m_inviteButton = nullptr;
    QAction *m_inviteAction = nullptr;
    QPushButton *m_lookalikesButton = nullptr;
    QPointer<InviteDialog> m_inviteDialog;
    std::optional<Place> m_restore;
};

} // namespace influence::desktop
