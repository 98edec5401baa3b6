// SPDX-License-Identifier: Apache-2.0
// The campaign list as CSV: what the table lists, and saving it.
#include "CampaignsView.h"
#include "campaigns/CampaignsModel.h"
#include "common/Money.h"
#include "widgets/CsvExport.h"

#include <QTableView>

using namespace Qt::StringLiterals;
using influence::common::Campaign;

namespace influence::desktop {

QByteArray CampaignsView::csv() const
{
    // What the table lists, in its order, with dates as ISO 8601 and money as an amount and a
    // currency column (a spreadsheet sums those). A creator's export has no budget, as the table.
    const bool brand = isBrandSide();
    const bool brandNames = !m_table->isColumnHidden(CampaignsModel::Brand);
    Csv csv;
    QStringList header{tr("Campaign")};
    if (brandNames) {
        header << tr("Brand");
    }
    header << tr("Status") << tr("Start date") << tr("End date");
    if (brand) {
        header << tr("Budget") << tr("Currency");
    }
    header << tr("Deals") << tr("Deliverables live") << tr("Deliverables");
    csv.setHeader(header);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Campaign *campaign = m_model->campaignAt(row);
        QStringList fields{campaign->details.name};
        if (brandNames) {
            fields << campaign->brandName;
        }
        fields << m_model->index(row, CampaignsModel::Status).data().toString()
               << campaign->details.startDate.toString(Qt::ISODate)
               << campaign->details.endDate.toString(Qt::ISODate);
        if (brand) {
            const common::Money &budget = campaign->details.budget;
            fields << common::formatMoneyPlain(budget).section(u' ', 0, 0) << budget.currency;
        }
        fields << QString::number(campaign->dealCount())
               << QString::number(campaign->deliverablesLive)
               << QString::number(campaign->deliverablesTotal);
        csv.addRow(fields);
    }
    return csv.bytes();
}

void CampaignsView::exportAsCsv()
{
    if (m_state != State::Loaded) {
        return;
    }
    // The rows are taken when the file is chosen (exportCsv() asks only while this page lives).
    exportCsv(
            this, tr("campaigns.csv"),
            [this] {
                return csv();
            },
            [this](const QString &path, const QString &error) {
                showMessage(error.isEmpty()
                                ? tr("The campaigns were exported to %1.").arg(path)
                                : tr("The campaigns could not be exported: %1").arg(error));
            });
}

} // namespace influence::desktop
