// SPDX-License-Identifier: Apache-2.0
#include "DiscoveryModel.h"

#include "common/ApiClient.h"
#include "common/Domain.h"
#include "widgets/Async.h"
#include "widgets/Formats.h"
#include "widgets/Names.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// "Instagram, YouTube" for the codes "instagram", "youtube".
QString platformNames(const QStringList &codes)
{
    QStringList names;
    for (const QString &code : codes) {
        const auto known = common::platformFromString(code);
        names << (known ? Names::platform(*known) : code);
    }
    return names.join(u", "_s);
}

/// The niches' names in the app's language.
QString nicheNames(const QStringList &codes)
{
    QStringList names;
    for (const QString &code : codes) {
        names << Names::niche(code);
    }
    return names.join(u", "_s);
}

} // namespace

DiscoveryModel::DiscoveryModel(common::ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_discovery(api)
{ }

void DiscoveryModel::setQuery(const common::DiscoveryQuery &query)
{
    m_query = query;
    reload();
}

void DiscoveryModel::reload()
{
    beginResetModel();
    m_items.clear();
    m_nextCursor.clear();
    m_total = -1;
    endResetModel();
    request(QString());
}

void DiscoveryModel::cancel()
{
    ++m_generation;
    m_api->abort(this); // the server stops working on it too
    if (m_state == State::Loading) {
        setState(m_items.isEmpty() ? State::Idle : State::Loaded);
    }
}

void DiscoveryModel::request(const QString &cursor)
{
    const quint64 generation = ++m_generation;
    m_api->abort(this); // an older search still on its way is not wanted any more
    // Loading is announced once the request is on its way, so that whoever reacts by
    // cancelling (leaving the page) aborts this request.
    m_state = State::Loading;
    sendRequest(generation, cursor);
    if (generation == m_generation && m_state == State::Loading) {
        Q_EMIT stateChanged(m_state);
    }
}

void DiscoveryModel::sendRequest(quint64 generation, const QString &cursor)
{
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_discovery.discover(m_query, cursor),
            [this, generation](const common::Result<common::DiscoveryPage> &page) {
                if (generation != m_generation) {
                    return; // replaced by a newer query, or cancelled
                }
                if (!page) {
                    m_error = page.error();
                    setState(State::Failed);
                    return;
                }
                if (page->total) {
                    m_total = *page->total;
                }
                if (!page->items.isEmpty()) {
                    const auto first = static_cast<int>(m_items.size());
                    beginInsertRows({}, first, first + static_cast<int>(page->items.size()) - 1);
                    m_items.append(page->items);
                    endInsertRows();
                }
                m_nextCursor = page->nextCursor;
                setState(State::Loaded);
            });
}

void DiscoveryModel::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

int DiscoveryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int DiscoveryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiscoveryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const common::DiscoveryItem &item = m_items.at(index.row());
    if (role == IdRole) {
        return item.id;
    }
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Followers || index.column() == Engagement
                || index.column() == Growth || index.column() == Authenticity
                || index.column() == Price;
        return QVariant::fromValue(
                numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == ExportRole) {
        return exportText(item, index.column());
    }
    if (role == CurrencyRole) {
        const auto rate = item.rate(m_query.deliverableType);
        return index.column() == Price && rate ? rate->currency : QString();
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    const auto percent = [&locale](const std::optional<double> &value) -> QVariant {
        if (!value) {
            return missingFigure();
        }
        return QString(locale.toString(*value * 100.0, 'f', 1) + u" %"_s);
    };
    switch (index.column()) {
    case Name: return item.displayName;
    case Country: return item.country.isEmpty() ? missingFigure() : item.country;
    case Followers: return locale.toString(item.totalFollowers);
    case Engagement: return percent(item.engagementRate);
    case Growth: return percent(item.growth30d);
    case Authenticity:
        return item.authenticityScore ? locale.toString(*item.authenticityScore) : missingFigure();
    case Price: {
        const auto rate = item.rate(m_query.deliverableType);
        return rate ? Formats::money(*rate) : missingFigure();
    }
    case Platforms:
        return item.platforms.isEmpty() ? missingFigure() : platformNames(item.platforms);
    case Niches: return item.niches.isEmpty() ? missingFigure() : nicheNames(item.niches);
    default: return {};
    }
}

QString DiscoveryModel::exportText(const common::DiscoveryItem &item, int column) const
{
    const auto percent = [](const std::optional<double> &value) {
        return value ? QString::number(*value * 100.0, 'f', 1) : QString();
    };
    switch (column) {
    case Name: return item.displayName;
    case Country: return item.country;
    case Followers: return QString::number(item.totalFollowers);
    case Engagement: return percent(item.engagementRate);
    case Growth: return percent(item.growth30d);
    case Authenticity:
        return item.authenticityScore ? QString::number(*item.authenticityScore) : QString();
    case Price: {
        const auto rate = item.rate(m_query.deliverableType);
        // The amount alone, in major units with a dot ("120.00"), as formatMoneyPlain writes it.
        return rate ? common::formatMoneyPlain(*rate).section(u' ', 0, 0) : QString();
    }
    case Platforms: return item.platforms.join(u", "_s);
    case Niches: return item.niches.join(u", "_s);
    default: return {};
    }
}

QString DiscoveryModel::missingFigure()
{
    return u"–"_s;
}

QString DiscoveryModel::sortForColumn(int column)
{
    switch (column) {
    case Followers: return u"followers"_s;
    case Engagement: return u"engagement"_s;
    case Growth: return u"growth"_s;
    case Authenticity: return u"authenticity"_s;
    default: return {};
    }
}

int DiscoveryModel::columnForSort(const QString &sort)
{
    for (const int column : {Followers, Engagement, Growth, Authenticity}) {
        if (sortForColumn(column) == sort) {
            return column;
        }
    }
    return -1;
}

QVariant DiscoveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        if (section == Authenticity) {
            return tr("How natural the follower growth looks, 0 to 100 (100: nothing suspicious). "
                      "Click to sort from the highest down; creators not yet assessed come last.");
        }
        // The server sorts by these keys only, each from the highest down.
        return sortForColumn(section).isEmpty() ? tr("The results cannot be sorted by this column.")
                                                : tr("Click to sort from the highest down.");
    }
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole) {
        return QVariant::fromValue(Qt::DescendingOrder);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Name: return tr("Name");
    case Country: return tr("Country");
    case Followers: return tr("Followers");
    case Engagement: return tr("Engagement");
    case Growth: return tr("Growth (30 days)");
    case Authenticity: return tr("Authenticity");
    case Price: {
        const auto type = common::deliverableTypeFromString(m_query.deliverableType);
        return type ? tr("Price: %1").arg(Names::deliverableType(*type)) : tr("Price");
    }
    case Platforms: return tr("Platforms");
    case Niches: return tr("Niches");
    default: return {};
    }
}

bool DiscoveryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_nextCursor.isEmpty() && m_state == State::Loaded;
}

void DiscoveryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent)) {
        request(m_nextCursor);
    }
}

} // namespace influence::desktop
