// SPDX-License-Identifier: Apache-2.0
#include "CsvExport.h"

#include "Async.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace influence::desktop {

void Csv::addFilter(const QString &name, const QString &value)
{
    m_filters.append({name, value});
}

void Csv::setHeader(const QStringList &header)
{
    m_header = header;
}

void Csv::addRow(const QStringList &fields)
{
    m_rows.append(fields);
}

QString Csv::field(const QString &text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
            || text.contains(u'\r');
    if (!quote) {
        return text;
    }
    QString escaped = text;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString Csv::text(const QString &text)
{
    if (!text.isEmpty() && QStringView(u"=+-@").contains(text.front())
            && !(text.size() > 1 && text.front() == u'-' && text.at(1).isDigit())) {
        return u'\'' + text;
    }
    return text;
}

QByteArray Csv::bytes() const
{
    QString out;
    const auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString &f : fields) {
            quoted.append(field(f));
        }
        out += quoted.join(u',') + u"\r\n"_s;
    };
    for (const auto &[name, value] : m_filters) {
        line({name, value});
    }
    if (!m_filters.isEmpty()) {
        out += u"\r\n"_s;
    }
    line(m_header);
    for (const QStringList &row : m_rows) {
        line(row);
    }
    return out.toUtf8();
}

QList<QStringList> Csv::parse(const QByteArray &csv)
{
    const QString text = QString::fromUtf8(csv);
    QList<QStringList> rows;
    QStringList row;
    QString current;
    bool quoted = false;
    bool anything = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                current += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
            anything = true;
        } else if (c == u',') {
            row.append(current);
            current.clear();
            anything = true;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue; // the \n ends the record
        } else if (c == u'\n') {
            if (anything || !current.isEmpty()) {
                row.append(current);
            }
            rows.append(row);
            row.clear();
            current.clear();
            anything = false;
        } else {
            current += c;
            anything = true;
        }
    }
    if (anything || !current.isEmpty()) {
        row.append(current);
        rows.append(row);
    }
    return rows;
}

void writeFileInBackground(QWidget *context, const QString &path, QByteArray bytes,
        std::function<void(const QString &, const QString &)> done)
{
    continueIn(context, QtConcurrent::run([path, bytes = std::move(bytes)]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
                || !file.commit()) {
            return file.errorString();
        }
        return {};
    }),
            [path, done = std::move(done)](const QString &error) {
                if (done) {
                    done(path, error);
                }
            });
}

void exportCsv(QWidget *parent, const QString &suggestedName, std::function<QByteArray()> make,
        std::function<void(const QString &, const QString &)> done)
{
    auto *dialog =
            new QFileDialog(parent, QCoreApplication::translate("CsvExport", "Export as CSV"),
                    QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
                            + suggestedName,
                    QCoreApplication::translate("CsvExport", "CSV files (*.csv)"));
    dialog->setObjectName(u"csvExportDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent,
            [parent = QPointer<QWidget>(parent), make = std::move(make), done = std::move(done)](
                    const QString &path) {
                if (parent) {
                    writeFileInBackground(parent, path, make(), done);
                }
            });
    dialog->open(); // never exec(): the event loop keeps running
}

} // namespace influence::desktop
