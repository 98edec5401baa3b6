// SPDX-License-Identifier: Apache-2.0
#include "ForecastBands.h"

#include "common/ApiClient.h"
#include "widgets/Async.h"
#include "widgets/ErrorText.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::desktop {

namespace {

/// The levels drawn, narrowest first: the order of ForecastBands::band().
const QList<double> kLevels{80.0, 95.0};

qreal msecs(QDate date)
{
    return static_cast<qreal>(date.startOfDay(Qt::UTC).toMSecsSinceEpoch());
}

} // namespace

ForecastBands::ForecastBands(common::ApiClient *api, const QObject *owner, QChartView *view)
    : QObject(view)
    , m_api(api)
    , m_forecasts(api)
    , m_owner(owner)
    , m_view(view)
    , m_note(new QLabel(view))
{
    m_note->setObjectName(u"forecastNote"_s);
    m_note->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_note->setWordWrap(true); // a long model name or German wraps instead of being cut off
    m_note->move(kNoteMargin, kNoteTop);
    m_note->hide();
    m_note->installEventFilter(this);
    m_view->installEventFilter(this); // its width is the note's
    m_chartTop = m_view->chart()->margins().top();
}

void ForecastBands::load(const QString &accountId)
{
    if (m_accountId == accountId && (m_state == State::Loading || m_state == State::Shown)) {
        return;
    }
    m_accountId = accountId;
    m_state = State::Loading;
    m_error.reset();
    const quint64 generation = ++m_generation;
    // The request leaves in a later turn than the history's answer: that turn lays the history
    // out, and no more.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation) {
            return;
        }
        const common::ApiClient::OwnerScope scope(m_api, m_owner);
        continueIn(this,
                m_forecasts.accountForecast(m_accountId, u"followers"_s, kHorizon, kLevels),
                [this, generation](const common::Result<common::AccountForecast> &result) {
                    arrived(generation, result);
                });
    });
}

void ForecastBands::arrived(
        quint64 generation, const common::Result<common::AccountForecast> &result)
{
    if (generation != m_generation) {
        return;
    }
    if (!result) {
        if (result.error().code == common::ErrorCode::Cancelled) {
            m_state = State::Idle; // the page was left: asked again when it is back
            return;
        }
        m_error = result.error();
        m_state = State::Failed;
        retranslate();
        Q_EMIT finished();
        return;
    }
    m_forecast = *result;
    // The series are built in a turn of their own, after the one that read the answer.
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation) {
            draw();
        }
    });
}

void ForecastBands::draw()
{
    removeSeries();
    QChart *chart = m_view->chart();
    const QList<QAbstractAxis *> horizontal = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> vertical = chart->axes(Qt::Vertical);
    const QList<QAbstractSeries *> existing = chart->series();
    const auto *history = existing.isEmpty() ? nullptr : qobject_cast<QLineSeries *>(existing[0]);
    const QColor color = history ? history->color() : QColor(0x20, 0x9f, 0xdf);
    // Widest band first, so the narrower one is drawn over it.
    for (int level = static_cast<int>(kLevels.size()) - 1; level >= 0; --level) {
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        for (const common::ForecastBandPoint &point : std::as_const(m_forecast->points)) {
            upper->append(msecs(point.date), point.hi.at(level));
            lower->append(msecs(point.date), point.lo.at(level));
        }
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        area->setObjectName(u"forecastBand%1"_s.arg(kLevels.at(level)));
        QColor fill = color;
        fill.setAlpha(level == 0 ? 90 : 45);
        area->setBrush(fill);
        area->setPen(Qt::NoPen);
        connect(area, &QAreaSeries::hovered, this, [this](const QPointF &, bool state) {
            if (state) {
                QToolTip::showText(QCursor::pos(), note(), m_view);
            } else {
                QToolTip::hideText();
            }
        });
        chart->addSeries(area);
        m_bands.at(static_cast<std::size_t>(level)) = area;
    }
    m_mean = new QLineSeries;
    m_mean->setObjectName(u"forecastMean"_s);
    for (const common::ForecastBandPoint &point : std::as_const(m_forecast->points)) {
        m_mean->append(msecs(point.date), point.mean);
    }
    QPen dashed(color);
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    m_mean->setPen(dashed);
    chart->addSeries(m_mean);
    const QList<QAbstractSeries *> added{m_bands[1], m_bands[0], m_mean};
    for (QAbstractSeries *series : added) {
        if (!horizontal.isEmpty() && !vertical.isEmpty()) {
            series->attachAxis(horizontal.constFirst());
            series->attachAxis(vertical.constFirst());
        }
    }
    m_state = State::Shown;
    retranslate();
    Q_EMIT drawn();
    Q_EMIT finished();
}

void ForecastBands::removeSeries()
{
    for (QAreaSeries *&area : m_bands) {
        if (area) {
            m_view->chart()->removeSeries(area);
            delete area; // with its bounds
            area = nullptr;
        }
    }
    if (m_mean) {
        m_view->chart()->removeSeries(m_mean);
        delete m_mean;
        m_mean = nullptr;
    }
}

QAreaSeries *ForecastBands::band(int level) const
{
    return level == 0 || level == 1 ? m_bands.at(static_cast<std::size_t>(level)) : nullptr;
}

QString ForecastBands::note() const
{
    if (m_state == State::Failed && m_error) {
        return tr("No forecast: %1").arg(ErrorText::headline(*m_error));
    }
    if (m_state != State::Shown || !m_forecast) {
        return {};
    }
    const QString error = m_forecast->mase
            ? tr("in-sample MASE %1").arg(QLocale().toString(*m_forecast->mase, 'f', 2))
            : tr("no in-sample error");
    return tr("Forecast, next %n day(s): %1, %2; shaded 80 % and 95 % intervals", nullptr,
            static_cast<int>(m_forecast->points.size()))
            .arg(m_forecast->model, error);
}

void ForecastBands::retranslate()
{
    const QString text = note();
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
    placeNote();
    m_view->setToolTip(text);
}

void ForecastBands::placeNote()
{
    const int width = std::max(0, m_view->width() - 2 * kNoteMargin);
    m_note->resize(width, m_note->heightForWidth(width));
    // The chart's title moves down below the note's lines.
    QMargins margins = m_view->chart()->margins();
    margins.setTop(m_note->isVisibleTo(m_view) ? std::max(m_chartTop, kNoteTop + m_note->height())
                                               : m_chartTop);
    if (margins != m_view->chart()->margins()) {
        m_view->chart()->setMargins(margins);
    }
}

bool ForecastBands::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (watched == m_view && event->type() == QEvent::Resize) {
        placeNote();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace influence::desktop
