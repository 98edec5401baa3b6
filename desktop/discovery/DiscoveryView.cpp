// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryView.h"

#include "InviteDialog.h"
#include "common/Domain.h"
#include "common/Money.h"
#include "discovery/DiscoveryModel.h"
#include "discovery/SortHeader.h"
#include "session/Session.h"
#include "widgets/CountryNames.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"
#include "widgets/Names.h"
#include "widgets/StateStack.h"
#include "widgets/Tables.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace influence::desktop {

DiscoveryView::DiscoveryView(common::ApiClient *api, Session *session, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_session(session)
    , m_model(new DiscoveryModel(api, this))
{
    setObjectName(u"discoveryPage"_s);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DiscoveryView::search);
    buildUi();
    retranslate();
    connect(CountryNames::instance(), &CountryNames::changed, this, &DiscoveryView::refillChoices);
    connect(m_model, &DiscoveryModel::stateChanged, this, &DiscoveryView::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DiscoveryView::updateState);
    connect(m_model, &DiscoveryModel::stateChanged, this, &DiscoveryView::continueRestore);
    connect(m_session, &Session::stateChanged, this, [this](Session::State state) {
        if (state == Session::State::SignedOut) {
            m_restore.reset();
        }
        updateInvite();
    });
    connect(m_session, &Session::signedIn, this, [this] {
        if (isVisible() && m_model->state() != DiscoveryModel::State::Loaded) {
            search();
        }
    });
}

void DiscoveryView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildFilters());

    auto *countRow = new QHBoxLayout;
    m_countLabel = new QLabel;
    m_countLabel->setObjectName(u"resultCount"_s);
    // Wrapped, so that a long count in a narrow window leaves the buttons their room.
    m_countLabel->setWordWrap(true);
    countRow->addWidget(m_countLabel, 1);
    countRow->addWidget(m_resetButton);
    m_exportButton = new QPushButton;
    m_exportButton->setObjectName(u"exportCsvButton"_s);
    connect(m_exportButton, &QPushButton::clicked, this, &DiscoveryView::exportCsv);
    countRow->addWidget(m_exportButton);
    m_inviteButton = new QPushButton;
    m_inviteButton->setObjectName(u"inviteButton"_s);
    countRow->addWidget(m_inviteButton);
    m_lookalikesButton = new QPushButton;
    m_lookalikesButton->setObjectName(u"moreLikeTheseButton"_s);
    connect(m_lookalikesButton, &QPushButton::clicked, this, &DiscoveryView::lookalikesOfSelected);
    countRow->addWidget(m_lookalikesButton);
    m_selectionTools = countRow; // addSelectionTool()
    layout->addLayout(countRow);
    m_inviteAction = new QAction(this);
    m_inviteAction->setObjectName(u"inviteAction"_s);
    m_inviteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_inviteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_inviteAction);
    connect(m_inviteAction, &QAction::triggered, this, &DiscoveryView::inviteSelected);
    connect(m_inviteButton, &QPushButton::clicked, this, &DiscoveryView::inviteSelected);

    m_table = new QTableView;
    m_table->setObjectName(u"discoveryTable"_s);
    m_table->setHorizontalHeader(new SortHeader(m_table));
    m_table->setModel(m_model);
    // Sorting is the server's (one page at a time): a click asks it for another order.
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this,
            &DiscoveryView::sortByColumn);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows at once (Shift/Ctrl): the brand's side invites them together.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_inviteAction);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through thousands of rows cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(DiscoveryModel::Name, 220);
    m_table->setColumnHidden(DiscoveryModel::Price, true); // until a deliverable type is picked
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(DiscoveryModel::IdRole).toString();
        if (!id.isEmpty()) {
            Q_EMIT creatorActivated(id);
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiscoveryView::updateInvite);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiscoveryView::updateInvite);
    m_states = new StateStack(u"discovery"_s, m_table);
    connect(m_states, &StateStack::retryRequested, m_model, &DiscoveryModel::reload);
    connect(m_states, &StateStack::emptyActionTriggered, this, &DiscoveryView::resetFilters);
    layout->addWidget(m_states, 1);
    showSortIndicator();
}

void DiscoveryView::retranslate()
{
    // Widgets keep the locale they were made with; the language's locale (QLocale::setDefault,
    // set before this event) goes to every child, so that spin boxes write "2,0 %" in German.
    setLocale(QLocale());
    setWindowTitle(tr("Discovery"));
    const QStringList labels{tr("&Search:"), tr("S&ort by:"), tr("&Niche:"), tr("&Platform:"),
            tr("&Country:"), tr("&Language:"), tr("Followers f&rom:"), tr("Followers &to:"),
            tr("&Engagement at least:"), tr("&Deliverable:"), tr("&Max price:"),
            tr("&Authenticity at least:")};
    for (int i = 0; i < labels.size() && i < m_filterLabels.size(); ++i) {
        m_filterLabels.at(i)->setText(labels.at(i));
    }
    m_textEdit->setPlaceholderText(tr("Name, handle or bio"));
    refillChoices(); // niches, platforms and countries by name in the new language
    m_nicheBox->setItemText(0, tr("Any niche"));
    m_countryBox->setItemText(0, tr("Any country"));
    m_languageBox->setItemText(0, tr("Any language"));
    m_platformBox->setItemText(0, tr("Any platform"));
    m_resetButton->setText(tr("Reset &filters"));
    m_exportButton->setText(tr("E&xport as CSV…"));
    m_exportButton->setToolTip(tr("Saves the rows shown, with the filters they were found with."));
    m_minFollowers->setSpecialValueText(tr("Any"));
    m_maxFollowers->setSpecialValueText(tr("Any"));
    m_minEngagement->setSpecialValueText(tr("Any"));
    m_minAuthenticity->setSpecialValueText(tr("Any"));
    m_minAuthenticity->setToolTip(
            tr("Only creators whose follower growth scores at least this (0 to 100); those not "
               "assessed yet are left out."));
    m_priceTypeBox->setItemText(0, tr("Any deliverable"));
    for (int i = 1; i < m_priceTypeBox->count(); ++i) {
        const auto type = common::deliverableTypeFromString(m_priceTypeBox->itemData(i).toString());
        m_priceTypeBox->setItemText(i, type ? Names::deliverableType(*type) : QString());
    }
    const QString priceTip = tr("Creators who charge at most the maximum price for this "
                                "deliverable, in the currency chosen (rates in other currencies "
                                "are not converted).");
    m_priceTypeBox->setToolTip(priceTip);
    m_maxPriceBox->setToolTip(priceTip);
    m_maxPriceBox->setSpecialValueText(tr("Any"));
    m_priceCurrencyBox->setToolTip(tr("The currency of the creators' rates"));
    m_sortBox->setItemText(0, tr("Relevance"));
    m_sortBox->setItemText(1, tr("Followers"));
    m_sortBox->setItemText(2, tr("Engagement"));
    m_sortBox->setItemText(3, tr("Growth"));
    m_sortBox->setItemText(4, tr("Authenticity"));
    updateState();
    updateInvite();
    fitHeaderTexts(m_table->horizontalHeader());
}

void DiscoveryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool DiscoveryView::canLoad() const
{
    return m_session->state() == Session::State::SignedIn
            || m_session->state() == Session::State::Refreshing;
}

bool DiscoveryView::canInvite() const
{
    // The server lets the brand's side invite (brand staff; admins act for brands).
    return canLoad() && m_session->user().role != common::UserRole::Influencer;
}

void DiscoveryView::addSelectionTool(QWidget *tool)
{
    m_selectionTools->addWidget(tool);
}

void DiscoveryView::updateInvite()
{
    const bool allowed = canInvite();
    const auto count = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    m_inviteButton->setVisible(allowed);
    m_lookalikesButton->setEnabled(count > 0);
    m_lookalikesButton->setText(tr("More &like these"));
    m_inviteAction->setVisible(allowed);
    m_inviteButton->setEnabled(allowed && count > 0);
    m_inviteAction->setEnabled(allowed && count > 0);
    // English has no "(s)": the singular is its own text; %n takes the language's plural forms.
    QString text = tr("&Invite to campaign…");
    if (count == 1) {
        text = tr("&Invite one creator…");
    } else if (count > 1) {
        text = tr("&Invite %n creators…", nullptr, count);
    }
    m_inviteButton->setText(text);
    m_inviteAction->setText(text);
    const QString shortcut = m_inviteAction->shortcut().toString(QKeySequence::NativeText);
    m_inviteButton->setToolTip(count > 0
                    ? tr("Invite the selected creators to one of your active campaigns (%1).")
                              .arg(shortcut)
                    : tr("Select one or more creators first (Shift or Ctrl and click for "
                         "several)."));
}

QList<InviteCreator> DiscoveryView::selectedCreators() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows(DiscoveryModel::Name);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() < b.row();
    });
    QList<InviteCreator> creators;
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = index.data(DiscoveryModel::IdRole).toString();
        if (!id.isEmpty()) {
            creators.append({id, index.data(Qt::DisplayRole).toString(), {}});
        }
    }
    return creators;
}

void DiscoveryView::lookalikesOfSelected()
{
    QStringList ids;
    QStringList names;
    for (const InviteCreator &creator : selectedCreators()) {
        ids.append(creator.id);
        names.append(creator.name);
    }
    if (!ids.isEmpty()) {
        Q_EMIT lookalikesRequested(ids, names);
    }
}

InviteDialog *DiscoveryView::inviteDialog() const
{
    return m_inviteDialog.data();
}

InviteDialog *DiscoveryView::inviteSelected()
{
    const QList<InviteCreator> creators = selectedCreators();
    if (!canInvite() || creators.isEmpty()) {
        return nullptr;
    }
    if (m_inviteDialog) {
        m_inviteDialog->close();
    }
    m_inviteDialog = new InviteDialog(m_api, creators, this);
    m_inviteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_inviteDialog, &InviteDialog::boardRequested, this,
            &DiscoveryView::campaignBoardRequested);
    m_inviteDialog->open(); // never exec(): the event loop keeps running
    return m_inviteDialog;
}

void DiscoveryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (canLoad() && m_model->state() == DiscoveryModel::State::Idle) {
        search();
    }
}

void DiscoveryView::hideEvent(QHideEvent *event)
{
    // Leaving the page: answers still on their way are not wanted any more.
    m_debounce.stop();
    m_restore.reset();
    if (m_model->state() == DiscoveryModel::State::Loading) {
        m_model->cancel();
    }
    QWidget::hideEvent(event);
}

void DiscoveryView::search()
{
    m_debounce.stop();
    if (!canLoad()) {
        return;
    }
    m_model->setQuery(filterQuery());
    // The price column shows the rate for the deliverable type picked; without one it is empty.
    m_table->setColumnHidden(DiscoveryModel::Price, m_model->query().deliverableType.isEmpty());
    fitHeaderTexts(m_table->horizontalHeader()); // its title names the type
    showSortIndicator();
}

QVariant DiscoveryView::saveState() const
{
    Place place;
    place.query = filterQuery();
    place.rows = m_model->rowCount();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        place.selected.append(index.data(DiscoveryModel::IdRole).toString());
    }
    place.current = m_table->currentIndex().data(DiscoveryModel::IdRole).toString();
    place.scroll = m_table->verticalScrollBar()->value();
    return QVariant::fromValue(place);
}

void DiscoveryView::restoreState(const QVariant &state)
{
    if (!state.canConvert<Place>()) {
        return;
    }
    m_restore = state.value<Place>();
    setFilters(m_restore->query);
    m_debounce.stop();
    const DiscoveryModel::State shown = m_model->state();
    // The page keeps its rows while another is shown: usually they are still the ones left, and
    // only the selection and the scroll position need putting back.
    if (m_model->query() != filterQuery() || shown == DiscoveryModel::State::Idle
            || shown == DiscoveryModel::State::Failed) {
        search();
    }
    showSortIndicator();
    continueRestore();
}

void DiscoveryView::continueRestore()
{
    if (!m_restore || m_model->state() == DiscoveryModel::State::Loading) {
        return;
    }
    if (m_model->state() != DiscoveryModel::State::Loaded) {
        m_restore.reset(); // nothing to select or scroll; the page's state says why
        return;
    }
    if (m_model->rowCount() < m_restore->rows && m_model->canFetchMore({})) {
        m_model->fetchMore({}); // the pages the user had scrolled through
        return;
    }
    const Place place = *std::exchange(m_restore, std::nullopt);
    QItemSelection selection;
    QModelIndex current;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const QString id = index.data(DiscoveryModel::IdRole).toString();
        if (place.selected.contains(id)) {
            selection.select(index, m_model->index(row, m_model->columnCount() - 1));
        }
        if (id == place.current) {
            current = index;
        }
    }
    QItemSelectionModel *selected = m_table->selectionModel();
    selected->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    selected->select(selection, QItemSelectionModel::ClearAndSelect);
    // The scroll bar's range follows the rows only once the view has laid them out.
    m_table->doItemsLayout();
    m_table->verticalScrollBar()->setValue(place.scroll);
}

QByteArray DiscoveryView::csv() const
{
    Csv csv;
    const common::DiscoveryQuery &query = m_model->query();
    const auto filter = [&csv](const QString &name, const QString &value) {
        if (!value.isEmpty()) {
            csv.addFilter(name, value);
        }
    };
    const auto number = [](const std::optional<qint64> &value) {
        return value ? QString::number(*value) : QString();
    };
    filter(tr("Search"), query.text);
    filter(tr("Niche"), query.niche);
    filter(tr("Platform"), query.platform);
    filter(tr("Country"), query.country);
    filter(tr("Language"), query.language);
    filter(tr("Followers from"), number(query.minFollowers));
    filter(tr("Followers to"), number(query.maxFollowers));
    filter(tr("Engagement at least (%)"),
            query.minEngagementRate ? QString::number(*query.minEngagementRate * 100.0, 'f', 1)
                                    : QString());
    filter(tr("Authenticity at least"),
            query.minAuthenticity ? QString::number(*query.minAuthenticity) : QString());
    filter(tr("Deliverable"), query.deliverableType);
    if (query.maxPrice) {
        // Money as amount and currency, as the table's money columns are.
        filter(tr("Max price"),
                common::formatMoneyPlain({*query.maxPrice, query.currency}).section(u' ', 0, 0));
        filter(tr("Currency"), query.currency);
    }
    filter(tr("Sorted by"), query.sort);
    // The columns shown; money as two, the amount and its currency.
    QList<int> columns;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (!m_table->isColumnHidden(column)) {
            columns.append(column);
        }
    }
    QStringList header;
    for (const int column : std::as_const(columns)) {
        header.append(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        if (column == DiscoveryModel::Price) {
            header.append(tr("Currency"));
        }
    }
    csv.setHeader(header);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStringList fields;
        for (const int column : std::as_const(columns)) {
            const QModelIndex index = m_model->index(row, column);
            fields.append(index.data(DiscoveryModel::ExportRole).toString());
            if (column == DiscoveryModel::Price) {
                fields.append(index.data(DiscoveryModel::CurrencyRole).toString());
            }
        }
        csv.addRow(fields);
    }
    return csv.bytes();
}

void DiscoveryView::exportCsv()
{
    // The bytes are made now, from what is on screen, not when the dialog closes.
    desktop::exportCsv(
            this, tr("creators") + u".csv"_s,
            [bytes = csv()] {
                return bytes;
            },
            [this](const QString &path, const QString &error) {
                m_countLabel->setText(error.isEmpty()
                                ? tr("Saved %1.").arg(QDir::toNativeSeparators(path))
                                : tr("Could not save %1: %2")
                                          .arg(QDir::toNativeSeparators(path), error));
            });
}

void DiscoveryView::sortByColumn(int column)
{
    const QString sort = DiscoveryModel::sortForColumn(column);
    const int index = sort.isEmpty() ? -1 : m_sortBox->findData(sort);
    if (index >= 0 && index != m_sortBox->currentIndex()) {
        m_sortBox->setCurrentIndex(index); // searches
    }
    showSortIndicator(); // the header flipped its own; the server's order is what it shows
}

void DiscoveryView::showSortIndicator()
{
    QString sort = m_sortBox->currentData().toString();
    if (sort == u"relevance"_s && m_textEdit->text().trimmed().isEmpty()) {
        sort = u"followers"_s; // the server's order without a search text
    }
    const QSignalBlocker blocker(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(
            DiscoveryModel::columnForSort(sort), Qt::DescendingOrder);
}

void DiscoveryView::updateState()
{
    const int rows = m_model->rowCount();
    const DiscoveryModel::State state = m_model->state();
    if (rows == 0 && state == DiscoveryModel::State::Loading) {
        m_states->showLoading(tr("Searching…"));
    } else if (rows == 0 && state == DiscoveryModel::State::Failed) {
        m_states->showError(m_model->error());
    } else if (rows == 0 && state == DiscoveryModel::State::Loaded) {
        m_states->showEmpty(emptyText(), tr("Reset filters"));
    } else {
        m_states->showContent();
    }
    QString count;
    if (m_model->total() >= 0) {
        count = tr("Creators found: %1").arg(QLocale().toString(m_model->total()));
        if (rows > 0 && rows < m_model->total()) {
            count += u" · "_s + tr("%1 shown").arg(QLocale().toString(rows));
        }
    }
    if (rows > 0 && state == DiscoveryModel::State::Loading) {
        count += u" · "_s + tr("loading more…");
    } else if (rows > 0 && state == DiscoveryModel::State::Failed) {
        count += u" · "_s + ErrorText::headline(m_model->error());
    }
    m_countLabel->setText(count);
}

} // namespace influence::desktop
