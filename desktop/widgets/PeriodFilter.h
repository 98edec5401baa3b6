// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/AnalyticsApi.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace influence::desktop {

/// The analytics pages' period: the last 7, 30 or 90 days (ending today) or custom dates; the
/// series' interval follows the length (days up to 90, then weeks, then months).
class PeriodFilter : public QWidget
{
    Q_OBJECT

public:
    enum class Preset { Days7, Days30, Days90, Custom };
    Q_ENUM(Preset)

    /// `stem` names the widgets (`<stem>PeriodBox`, `<stem>FromEdit`, `<stem>ToEdit`).
    explicit PeriodFilter(const QString &stem, QWidget *parent = nullptr);

    common::AnalyticsPeriod period(QDate today = QDate::currentDate()) const;
    Preset preset() const;
    void setPreset(Preset preset);
    /// Custom dates (the preset becomes Custom).
    void setRange(QDate from, QDate to);
    /// The period in words ("1 Nov 2026 – 30 Nov 2026").
    static QString describe(const common::AnalyticsPeriod &period);

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_label = nullptr;
    QComboBox *m_box = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
};

} // namespace influence::desktop
