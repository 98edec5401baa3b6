// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QAbstractItemModel;
class QWidget;

namespace influence::desktop {

/// A table as CSV (RFC 4180): UTF-8, CRLF line ends, a header row, fields quoted when they hold
/// a comma, a quote or a line break (quotes doubled). Money goes out as two columns, the
/// amount in major units with a dot ("1234.50") and the ISO currency ("EUR"), so that a
/// spreadsheet can sum it; the filters the table was made with can come first as comment-free
/// "filter,value" rows, separated from the table by an empty line.
class Csv
{
public:
    void addFilter(const QString &name, const QString &value);
    void setHeader(const QStringList &header);
    void addRow(const QStringList &fields);
    QByteArray bytes() const;

    /// One field as RFC 4180 wants it.
    static QString field(const QString &text);
    /// Free text typed by someone else (a name, a note) made safe for spreadsheets: a leading
    /// =, +, - or @ gets a quote in front, so that it is never run as a formula (OWASP CSV
    /// injection; negative numbers stay as they are).
    static QString text(const QString &text);
    /// Parses CSV back into rows (tests compare exports with their models this way).
    static QList<QStringList> parse(const QByteArray &csv);

private:
    QList<std::pair<QString, QString>> m_filters;
    QStringList m_header;
    QList<QStringList> m_rows;
};

/// Asks where to save (a window-modal file dialog, never exec()) and writes `make()`'s bytes
/// there on a worker thread, so that neither the dialog nor the disk blocks the GUI thread;
/// `done(path, error)` runs in `parent`'s thread afterwards (error empty on success).
void exportCsv(QWidget *parent, const QString &suggestedName, std::function<QByteArray()> make,
        std::function<void(const QString &path, const QString &error)> done = {});

/// Writes `bytes` to `path` on a worker thread; `done` as above. What exportCsv() does after
/// the dialog (tests call it directly).
void writeFileInBackground(QWidget *context, const QString &path, QByteArray bytes,
        std::function<void(const QString &path, const QString &error)> done);

} // namespace influence::desktop
