// SPDX-License-Identifier: Apache-2.0
#include "AnalyticsSection.h"

#include "widgets/CsvExport.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace influence::desktop {

AnalyticsSection::AnalyticsSection(const QString &stem, QWidget *content, QWidget *parent)
    : QFrame(parent)
    , m_content(content)
{
    setObjectName(stem + u"Section"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    auto *header = new QHBoxLayout;
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_export = new QPushButton;
    m_export->setObjectName(stem + u"ExportButton"_s);
    m_export->setVisible(false);
    m_export->setFlat(true);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (m_csv) {
            exportCsv(this, m_fileName, m_csv);
        }
    });
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    layout->addLayout(header);
    layout->addWidget(content, 1);
    m_export->setText(tr("Export CSV…"));
}

void AnalyticsSection::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString AnalyticsSection::title() const
{
    return m_title->text();
}

void AnalyticsSection::setCsv(const QString &fileName, std::function<QByteArray()> csv)
{
    m_fileName = fileName;
    m_csv = std::move(csv);
    m_export->setVisible(true);
}

void AnalyticsSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_export->setText(tr("Export CSV…"));
    }
    QFrame::changeEvent(event);
}

} // namespace influence::desktop
