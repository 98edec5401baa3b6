// SPDX-License-Identifier: Apache-2.0
#include "ChartLegend.h"

using namespace Qt::StringLiterals;

namespace influence::desktop {

ChartLegend::ChartLegend(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setContentsMargins(8, 0, 8, 0);
}

void ChartLegend::setEntries(const QList<Entry> &entries)
{
    m_entries = entries;
    QStringList parts;
    for (const Entry &entry : entries) {
        // The marker stays with the name; a long status may wrap.
        QString part = u"<span style=\"color: %1\">&#9632;</span>&nbsp;%2"_s.arg(
                entry.color.name(), entry.name.toHtmlEscaped().replace(u' ', u"&nbsp;"_s));
        if (!entry.status.isEmpty()) {
            part += u" <span style=\"color: gray\">(%1)</span>"_s.arg(entry.status.toHtmlEscaped());
        }
        parts.append(part);
    }
    setText(parts.join(u" &nbsp;&nbsp; "_s));
    setVisible(!entries.isEmpty());
}

} // namespace influence::desktop
