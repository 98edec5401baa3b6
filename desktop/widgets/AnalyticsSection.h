// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace influence::desktop {

/// A titled part of an analytics page (a chart, a table) with, for tables, an "Export CSV…"
/// button that saves what `csv()` makes (widgets/CsvExport: asked where, written off the GUI
/// thread).
class AnalyticsSection : public QFrame
{
    Q_OBJECT

public:
    /// `stem` names the widgets (`<stem>Section`, `<stem>ExportButton`).
    AnalyticsSection(const QString &stem, QWidget *content, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    /// Shows the export button; `fileName` is the suggested name ("top-posts.csv").
    void setCsv(const QString &fileName, std::function<QByteArray()> csv);
    QPushButton *exportButton() const { return m_export; }
    QWidget *content() const { return m_content; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *m_title = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_content = nullptr;
    QString m_fileName;
    std::function<QByteArray()> m_csv;
};

} // namespace influence::desktop
