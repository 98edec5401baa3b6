// SPDX-License-Identifier: Apache-2.0
#include "PeriodFilter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace influence::desktop {

PeriodFilter::PeriodFilter(const QString &stem, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel;
    m_box = new QComboBox;
    m_box->setObjectName(stem + u"PeriodBox"_s);
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToContents); // German names are longer
    m_label->setBuddy(m_box);
    for (int i = 0; i < 4; ++i) {
        m_box->addItem(QString());
    }
    m_box->setCurrentIndex(int(Preset::Days30));
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-29));
    m_from->setObjectName(stem + u"FromEdit"_s);
    m_to = new QDateEdit(today);
    m_to->setObjectName(stem + u"ToEdit"_s);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setMaximumDate(today);
        edit->setVisible(false);
    }
    layout->addWidget(m_label);
    layout->addWidget(m_box);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    connect(m_box, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = preset() == Preset::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        Q_EMIT changed();
    });
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            if (m_from->date() > m_to->date()) {
                const QSignalBlocker blocker(m_to);
                m_to->setDate(m_from->date());
            }
            Q_EMIT changed();
        });
    }
    retranslate();
}

PeriodFilter::Preset PeriodFilter::preset() const
{
    return Preset(m_box->currentIndex());
}

void PeriodFilter::setPreset(Preset preset)
{
    m_box->setCurrentIndex(int(preset));
}

void PeriodFilter::setRange(QDate from, QDate to)
{
    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    if (preset() == Preset::Custom) {
        Q_EMIT changed();
    } else {
        setPreset(Preset::Custom);
    }
}

common::AnalyticsPeriod PeriodFilter::period(QDate today) const
{
    common::AnalyticsPeriod period;
    switch (preset()) {
    case Preset::Days7: period.from = today.addDays(-6); break;
    case Preset::Days30: period.from = today.addDays(-29); break;
    case Preset::Days90: period.from = today.addDays(-89); break;
    case Preset::Custom: period.from = m_from->date(); break;
    }
    period.to = preset() == Preset::Custom ? m_to->date() : today;
    const qint64 days = period.from.daysTo(period.to) + 1;
    period.interval = days <= 92 ? common::AnalyticsInterval::Day
            : days <= 366        ? common::AnalyticsInterval::Week
                                 : common::AnalyticsInterval::Month;
    return period;
}

QString PeriodFilter::describe(const common::AnalyticsPeriod &period)
{
    const QLocale locale;
    return tr("%1 – %2").arg(locale.toString(period.from, QLocale::ShortFormat),
            locale.toString(period.to, QLocale::ShortFormat));
}

void PeriodFilter::retranslate()
{
    m_label->setText(tr("&Period:"));
    m_box->setItemText(int(Preset::Days7), tr("Last 7 days"));
    m_box->setItemText(int(Preset::Days30), tr("Last 30 days"));
    m_box->setItemText(int(Preset::Days90), tr("Last 90 days"));
    m_box->setItemText(int(Preset::Custom), tr("Custom…"));
    m_from->setToolTip(tr("From (inclusive)"));
    m_to->setToolTip(tr("To (inclusive)"));
}

void PeriodFilter::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
