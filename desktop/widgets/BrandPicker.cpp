// SPDX-License-Identifier: Apache-2.0
#include "BrandPicker.h"

#include "Async.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;
using influence::common::ActingBrand;
using influence::common::Result;

namespace influence::desktop {

BrandPicker::BrandPicker(common::ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_profiles(api)
    , m_api(api)
{
    setObjectName(u"brandPicker"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel;
    m_combo = new QComboBox;
    m_combo->setObjectName(u"brandPickerCombo"_s);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_combo);
    m_label->setText(tr("&Brand:"));
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    setVisible(false);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT brandChanged();
    });
}

QString BrandPicker::brandId() const
{
    return m_brands.size() > 1 ? m_combo->currentData().toString() : QString();
}

void BrandPicker::setAllowAll(bool allow)
{
    m_allowAll = allow;
    fill(m_combo->currentData().toString());
}

bool BrandPicker::choose(const QString &brandId)
{
    const int index = m_combo->findData(brandId);
    if (index < 0) {
        return false;
    }
    m_combo->setCurrentIndex(index);
    return true;
}

void BrandPicker::reload()
{
    const quint64 generation = ++m_generation;
    m_state = State::Loading;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_profiles.myBrands(),
            [this, generation](const Result<QList<ActingBrand>> &brands) {
                if (generation != m_generation) {
                    return;
                }
                const QString keep = m_combo->currentData().toString();
                m_brands = brands ? *brands : QList<ActingBrand>();
                m_state = brands ? State::Loaded : State::Failed;
                fill(keep);
                Q_EMIT ready();
            });
}

void BrandPicker::forget()
{
    ++m_generation;
    m_brands.clear();
    m_state = State::Idle;
    fill({});
}

void BrandPicker::fill(const QString &keep)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    if (m_allowAll && m_brands.size() > 1) {
        m_combo->addItem(tr("All brands"), QString());
    }
    for (const ActingBrand &brand : m_brands) {
        m_combo->addItem(brand.name, brand.id);
    }
    // The brand chosen before, else all of them where offered, else the one the user owns,
    // else the first by name.
    int index = m_combo->findData(keep);
    const int first = m_combo->count() - static_cast<int>(m_brands.size());
    if (index < 0 && first > 0) {
        index = 0;
    }
    for (qsizetype i = 0; index < 0 && i < m_brands.size(); ++i) {
        if (m_brands.at(i).owner) {
            index = first + static_cast<int>(i);
        }
    }
    m_combo->setCurrentIndex(index < 0 && !m_brands.isEmpty() ? 0 : index);
    setVisible(m_brands.size() > 1);
}

void BrandPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_label->setText(tr("&Brand:"));
    }
    QWidget::changeEvent(event);
}

} // namespace influence::desktop
