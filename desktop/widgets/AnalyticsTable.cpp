// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsTable.h"

#include "common/Money.h"
#include "widgets/AnalyticsText.h"
#include "widgets/CsvExport.h"

#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <cmath>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

QVariant optional(std::optional<qint64> value)
{
    return value ? QVariant(*value) : QVariant();
}

QVariant optional(std::optional<double> value)
{
    return value ? QVariant(*value) : QVariant();
}

/// Major units with a dot ("1234.50"), from minor units that may be a ratio.
QString plainMajor(double minor, const QString &currency)
{
    const int digits = std::max(0, common::currencyMinorDigits(currency));
    return QString::number(minor / std::pow(10.0, digits), 'f', digits + 2)
            .remove(QRegularExpression(u"0{1,2}$"_s));
}

/// A table view that says "Nothing in this period." across its empty rows once its model has
/// been filled with none (a new campaign's top posts), rather than showing a blank box.
class EmptyAwareView : public QTableView
{
public:
    explicit EmptyAwareView(const AnalyticsTable *model)
        : m_model(model)
    { }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QTableView::paintEvent(event);
        if (!m_model->isFilled() || m_model->rowCount() > 0) {
            return;
        }
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(6, 0, -6, 0),
                Qt::AlignCenter | Qt::TextWordWrap, AnalyticsTable::tr("Nothing in this period."));
    }

private:
    const AnalyticsTable *m_model;
};

} // namespace

AnalyticsTable::AnalyticsTable(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void AnalyticsTable::reset(QList<Column> columns, QList<Row> rows)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_rows = std::move(rows);
    m_filled = true;
    endResetModel();
}

void AnalyticsTable::setCreators(
        const QList<common::AnalyticsCreator> &creators, const QString &currency)
{
    QList<Row> rows;
    for (const auto &c : creators) {
        rows.append({c.influencerId, currency, {c.displayName},
                {c.displayName, c.posts, c.views, c.reach, c.engagements,
                        optional(c.engagementRate), c.spendMinor, optional(c.cpeMinor),
                        optional(c.emvMinor)}});
    }
    reset({{QT_TR_NOOP("Creator"), Kind::Text}, {QT_TR_NOOP("Posts"), Kind::Count},
                  {QT_TR_NOOP("Views"), Kind::Count}, {QT_TR_NOOP("Reach"), Kind::Count},
                  {QT_TR_NOOP("Engagements"), Kind::Count},
                  {QT_TR_NOOP("Engagement rate"), Kind::Percent},
                  {QT_TR_NOOP("Spend"), Kind::Money}, {QT_TR_NOOP("CPE"), Kind::Ratio},
                  {QT_TR_NOOP("EMV"), Kind::Money}},
            rows);
}

void AnalyticsTable::setPosts(const QList<common::AnalyticsPost> &posts, const QString &currency)
{
    QList<Row> rows;
    for (const auto &p : posts) {
        const QString what = AnalyticsText::postKind(p.kind);
        QString tip = p.caption.isEmpty() ? p.url : p.caption + u"\n"_s + p.url;
        if (!p.evidenceUrl.isEmpty()) {
            tip += u"\n"_s + tr("Evidence: %1").arg(p.evidenceUrl);
        }
        rows.append({p.id, currency, {p.displayName, tip, tip},
                {p.displayName, AnalyticsText::platform(p.platform), what, p.publishedAt, p.views,
                        p.reach, p.engagements, optional(p.engagementRate), optional(p.emvMinor),
                        AnalyticsText::source(p.source)}});
    }
    QList<Column> columns{{QT_TR_NOOP("Creator"), Kind::Text}, {QT_TR_NOOP("Platform"), Kind::Text},
            {QT_TR_NOOP("Kind"), Kind::Text}, {QT_TR_NOOP("Published"), Kind::Time},
            {QT_TR_NOOP("Views"), Kind::Count}, {QT_TR_NOOP("Reach"), Kind::Count},
            {QT_TR_NOOP("Engagements"), Kind::Count},
            {QT_TR_NOOP("Engagement rate"), Kind::Percent}, {QT_TR_NOOP("EMV"), Kind::Money},
            {QT_TR_NOOP("Source"), Kind::Text}};
    if (currency.isEmpty()) {
        // Without a campaign there is no currency to state EMV in (a creator's own posts).
        constexpr int kEmv = 8;
        columns.removeAt(kEmv);
        for (Row &row : rows) {
            row.values.removeAt(kEmv);
        }
    }
    reset(columns, rows);
}

void AnalyticsTable::setCampaigns(const QList<common::AnalyticsOverview::Campaign> &campaigns)
{
    QList<Row> rows;
    for (const auto &c : campaigns) {
        rows.append({c.id, c.currency, {c.name},
                {c.name, c.budgetMinor, c.committedMinor, c.paidMinor, c.remainingMinor, c.views,
                        c.engagements, optional(c.emvMinor)}});
    }
    reset({{QT_TR_NOOP("Campaign"), Kind::Text}, {QT_TR_NOOP("Budget"), Kind::Money},
                  {QT_TR_NOOP("Committed"), Kind::Money}, {QT_TR_NOOP("Paid"), Kind::Money},
                  {QT_TR_NOOP("Remaining"), Kind::Money}, {QT_TR_NOOP("Views"), Kind::Count},
                  {QT_TR_NOOP("Engagements"), Kind::Count}, {QT_TR_NOOP("EMV"), Kind::Money}},
            rows);
}

void AnalyticsTable::setDays(const QList<common::PostMetricsHistory::Day> &days)
{
    QList<Row> rows;
    for (const auto &d : days) {
        QList<QVariant> values{d.day};
        for (const Metric m : {Metric::Views, Metric::Impressions, Metric::Reach, Metric::Likes,
                     Metric::Comments, Metric::Shares, Metric::Saves, Metric::Clicks}) {
            values.append(optional(figure(d, m)));
        }
        values.append(AnalyticsText::source(d.source));
        values.append(d.evidenceUrl);
        rows.append({d.day.toString(Qt::ISODate), QString(), {}, values});
    }
    reset({{QT_TR_NOOP("Day"), Kind::Date}, {QT_TR_NOOP("Views"), Kind::Count},
                  {QT_TR_NOOP("Impressions"), Kind::Count}, {QT_TR_NOOP("Reach"), Kind::Count},
                  {QT_TR_NOOP("Likes"), Kind::Count}, {QT_TR_NOOP("Comments"), Kind::Count},
                  {QT_TR_NOOP("Shares"), Kind::Count}, {QT_TR_NOOP("Saves"), Kind::Count},
                  {QT_TR_NOOP("Clicks"), Kind::Count}, {QT_TR_NOOP("Source"), Kind::Text},
                  {QT_TR_NOOP("Evidence"), Kind::Text}},
            rows);
}

void AnalyticsTable::clear()
{
    beginResetModel();
    m_rows.clear();
    m_filled = false;
    endResetModel();
}

QString AnalyticsTable::id(int row) const
{
    return m_rows.value(row).id;
}

QString AnalyticsTable::text(int row, int column) const
{
    return data(index(row, column)).toString();
}

int AnalyticsTable::column(const char *header) const
{
    for (int c = 0; c < m_columns.size(); ++c) {
        if (qstrcmp(m_columns.at(c).header, header) == 0) {
            return c;
        }
    }
    return -1;
}

QString AnalyticsTable::shown(const QVariant &value, Kind kind, const QString &currency) const
{
    if (!value.isValid() || value.isNull()) {
        return kind == Kind::Text ? QString() : u"–"_s;
    }
    switch (kind) {
    case Kind::Text: return value.toString();
    case Kind::Count: return AnalyticsText::count(value.toLongLong());
    case Kind::Percent: return AnalyticsText::percent(value.toDouble(), 2);
    case Kind::Money: return AnalyticsText::money(value.toLongLong(), currency);
    case Kind::Ratio: return AnalyticsText::ratioMoney(value.toDouble(), currency);
    case Kind::Time:
        return QLocale().toString(value.toDateTime().toLocalTime(), QLocale::ShortFormat);
    case Kind::Date: return QLocale().toString(value.toDate(), QLocale::ShortFormat);
    }
    return {};
}

int AnalyticsTable::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnalyticsTable::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant AnalyticsTable::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size()) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Column &column = m_columns.at(index.column());
    QVariant value = row.values.value(index.column());
    switch (role) {
    case Qt::DisplayRole: return shown(value, column.kind, row.currency);
    case RawRole: return value;
    case IdRole: return row.id;
    case Qt::ToolTipRole: return row.tooltips.value(index.column());
    case Qt::TextAlignmentRole:
        return column.kind == Kind::Text ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant AnalyticsTable::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section >= m_columns.size()) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        return tr(m_columns.at(section).header);
    }
    return {};
}

QByteArray AnalyticsTable::csv(const QList<std::pair<QString, QString>> &filters) const
{
    Csv out;
    for (const auto &[name, value] : filters) {
        out.addFilter(name, value);
    }
    QStringList header;
    bool money = false;
    for (const Column &column : m_columns) {
        header.append(tr(column.header));
        money = money || column.kind == Kind::Money || column.kind == Kind::Ratio;
    }
    if (money) {
        header.append(tr("Currency"));
    }
    out.setHeader(header);
    for (const Row &row : m_rows) {
        QStringList fields;
        for (int c = 0; c < m_columns.size(); ++c) {
            const QVariant value = row.values.value(c);
            const Kind kind = m_columns.at(c).kind;
            if (!value.isValid() || value.isNull()) {
                fields.append(QString());
                continue;
            }
            switch (kind) {
            case Kind::Text: fields.append(value.toString()); break;
            case Kind::Count: fields.append(QString::number(value.toLongLong())); break;
            case Kind::Percent: fields.append(QString::number(value.toDouble(), 'g', 6)); break;
            case Kind::Money:
                fields.append(common::formatMoneyPlain({value.toLongLong(), row.currency})
                                      .section(u' ', 0, 0));
                break;
            case Kind::Ratio: fields.append(plainMajor(value.toDouble(), row.currency)); break;
            case Kind::Time: fields.append(value.toDateTime().toUTC().toString(Qt::ISODate)); break;
            case Kind::Date: fields.append(value.toDate().toString(Qt::ISODate)); break;
            }
        }
        if (money) {
            fields.append(row.currency);
        }
        out.addRow(fields);
    }
    return out.bytes();
}

QTableView *AnalyticsTable::makeView(AnalyticsTable *model, const QString &name, int rows)
{
    auto *proxy = new QSortFilterProxyModel(model);
    proxy->setSourceModel(model);
    proxy->setSortRole(RawRole);
    auto *view = new EmptyAwareView(model);
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder); // the server's order until a header is clicked
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    // Columns are fitted to their contents once per new data (below), not by ResizeToContents:
    // that mode measures every cell again at each layout pass, tens of ms on a page of posts.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    const auto fit = [view, model, rows] {
        view->resizeColumnsToContents();
        if (model->columnCount() > 0) {
            view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        }
        if (rows <= 0) {
            return;
        }
        const int shown = std::clamp(int(model->rowCount()), 1, rows);
        view->setFixedHeight(2 * view->frameWidth() + view->horizontalHeader()->sizeHint().height()
                + shown * view->verticalHeader()->defaultSectionSize() + 2);
    };
    connect(model, &QAbstractItemModel::modelReset, view, fit);
    fit();
    return view;
}

QString AnalyticsTable::idAt(const QTableView *view, const QModelIndex &index)
{
    return view->model()->data(index, IdRole).toString();
}

} // namespace influence::desktop
