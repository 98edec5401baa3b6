// SPDX-License-Identifier: Apache-2.0
// The Lists page's actions: new, rename and delete a list, remove a creator, export the list as
// CSV and invite it to a campaign.
#include "ShortlistInviteDialog.h"
#include "ShortlistsPage.h"
#include "widgets/Async.h"
#include "widgets/BrandPicker.h"
#include "widgets/CsvExport.h"
#include "widgets/ErrorText.h"

#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using influence::common::JsonReply;
using influence::common::Result;
using influence::common::Shortlist;

namespace influence::desktop {

namespace {

/// A window-modal question for a text, opened (never exec()); `done` gets the text typed.
void askText(QWidget *parent, const QString &title, const QString &label, const QString &text,
        std::function<void(const QString &)> done)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"listNameDialog"_s);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QInputDialog::textValueSelected, parent,
            [done = std::move(done)](const QString &value) {
                if (!value.trimmed().isEmpty()) {
                    done(value.trimmed());
                }
            });
    dialog->open();
}

} // namespace

void ShortlistsPage::newList()
{
    askText(this, tr("New list"), tr("Name of the new list:"), {}, [this](const QString &name) {
        common::ShortlistInput input;
        input.name = name;
        input.brandId = m_brands->brandId();
        const common::ApiClient::OwnerScope owner(m_api, this);
        continueIn(this, m_shortlists.create(input), [this](const Result<Shortlist> &list) {
            if (!list) {
                showMessage(
                        tr("The list was not created: %1").arg(ErrorText::sentence(list.error())));
                return;
            }
            showMessage(tr("List “%1” created.").arg(list->name));
            m_wanted = list->id;
            reload();
        });
    });
}

void ShortlistsPage::renameList()
{
    const int row = m_listView->currentRow();
    if (row < 0 || row >= m_lists.size()) {
        return;
    }
    askText(this, tr("Rename list"), tr("New name of the list:"), m_lists.at(row).name,
            [this, id = m_lists.at(row).id](const QString &name) {
                common::ShortlistInput input;
                input.name = name;
                const common::ApiClient::OwnerScope owner(m_api, this);
                continueIn(this, m_shortlists.update(id, input),
                        [this](const Result<Shortlist> &list) {
                            if (!list) {
                                showMessage(tr("The list was not renamed: %1")
                                                    .arg(ErrorText::sentence(list.error())));
                                return;
                            }
                            m_wanted = list->id;
                            reload();
                        });
            });
}

void ShortlistsPage::deleteList()
{
    const int row = m_listView->currentRow();
    if (row < 0 || row >= m_lists.size()) {
        return;
    }
    const Shortlist list = m_lists.at(row);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete list"),
            tr("Delete the list “%1” and its notes? The creators and their deals stay.")
                    .arg(list.name),
            QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"deleteListQuestion"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, list](int answer) {
        if (answer != QMessageBox::Yes) {
            return;
        }
        const common::ApiClient::OwnerScope owner(m_api, this);
        continueIn(this, m_shortlists.remove(list.id), [this](const Result<JsonReply> &done) {
            if (!done) {
                showMessage(
                        tr("The list was not deleted: %1").arg(ErrorText::sentence(done.error())));
                return;
            }
            reload();
        });
    });
    box->open();
}

void ShortlistsPage::removeMember()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_members.size()) {
        return;
    }
    const QString id = m_members.at(rows.first().row()).influencer.id;
    const common::ApiClient::OwnerScope owner(m_api, this);
    continueIn(this, m_shortlists.removeMember(currentListId(), id),
            [this](const Result<JsonReply> &done) {
                if (!done) {
                    showMessage(tr("The creator was not removed: %1")
                                        .arg(ErrorText::sentence(done.error())));
                    return;
                }
                reload(); // the count on the left changes too
            });
}

QByteArray ShortlistsPage::csv() const
{
    Csv csv;
    csv.setHeader({tr("Creator"), tr("Country"), tr("Niches"), tr("Followers"),
            tr("Engagement rate"), tr("Note"), tr("Added")});
    for (const auto &member : m_members) {
        const auto &creator = member.influencer;
        csv.addRow({Csv::text(creator.displayName), creator.country, creator.niches.join(u"; "_s),
                QString::number(creator.totalFollowers),
                creator.engagementRate ? QString::number(*creator.engagementRate, 'f', 4)
                                       : QString(),
                Csv::text(member.note), member.addedAt.toString(Qt::ISODate)});
    }
    return csv.bytes();
}

void ShortlistsPage::exportTo(const QString &path)
{
    writeFileInBackground(this, path, csv(), [this](const QString &file, const QString &error) {
        showMessage(error.isEmpty() ? tr("Saved %1.").arg(file) : tr("Not saved: %1").arg(error));
        Q_EMIT exported(file, error);
    });
}

void ShortlistsPage::exportCsv()
{
    QString name = m_title->text().trimmed();
    name.replace(QRegularExpression(u"[^\\w-]+"_s), u"-"_s);
    desktop::exportCsv(
            this, (name.isEmpty() ? u"shortlist"_s : name) + u".csv"_s,
            [this] {
                return csv();
            },
            [this](const QString &file, const QString &error) {
                showMessage(error.isEmpty() ? tr("Saved %1.").arg(file)
                                            : tr("Not saved: %1").arg(error));
                Q_EMIT exported(file, error);
            });
}

ShortlistInviteDialog *ShortlistsPage::inviteDialog() const
{
    return m_invite;
}

void ShortlistsPage::inviteList()
{
    const int row = m_listView->currentRow();
    if (row < 0 || row >= m_lists.size() || m_members.isEmpty()) {
        return;
    }
    QHash<QString, QString> names;
    for (const auto &member : std::as_const(m_members)) {
        names.insert(member.influencer.id, member.influencer.displayName);
    }
    m_invite = new ShortlistInviteDialog(
            m_api, m_lists.at(row).id, m_lists.at(row).name, std::move(names), this);
    m_invite->open();
}

} // namespace influence::desktop
