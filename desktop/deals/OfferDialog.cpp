// SPDX-License-Identifier: Apache-2.0
#include "OfferDialog.h"

#include "widgets/OfferEditor.h"

#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using influence::common::OfferInput;
using influence::common::OfferLine;

namespace influence::desktop {

namespace {

bool sameLines(const QList<OfferLine> &a, const QList<OfferLine> &b)
{
    return std::equal(
            a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const OfferLine &x, const OfferLine &y) {
                return x.type == y.type && x.platform == y.platform && x.quantity == y.quantity
                        && x.dueDate == y.dueDate;
            });
}

/// The same deliverables, fee, rights and rounds: what an acceptance would freeze (a note
/// is no term).
bool sameTerms(const OfferInput &a, const OfferInput &b)
{
    return sameLines(a.deliverables, b.deliverables) && a.fee == b.fee
            && a.usageRights.trimmed() == b.usageRights.trimmed()
            && a.maxRevisions == b.maxRevisions;
}

} // namespace

OfferDialog::OfferDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"offerDialog"_s);
    buildUi();
    retranslate();
}

void OfferDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel;
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_editor = new OfferEditor;
    layout->addWidget(m_editor, 1);

    m_status = new QLabel;
    m_status->setObjectName(u"offerStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    m_send = new QPushButton;
    m_send->setObjectName(u"sendOfferButton"_s);
    m_send->setDefault(true);
    m_cancel = new QPushButton;
    m_acceptInstead = new QPushButton;
    m_acceptInstead->setObjectName(u"acceptInsteadButton"_s);
    m_acceptInstead->hide();
    buttons->addWidget(m_acceptInstead);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &OfferDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_acceptInstead, &QPushButton::clicked, this, &OfferDialog::acceptInsteadRequested);
    resize(640, 420);
}

void OfferDialog::retranslate()
{
    setWindowTitle(tr("Counter-offer"));
    m_intro->setText(tr("Change what the creator delivers and the fee. The other side can accept, "
                        "decline or counter again."));
    m_send->setText(m_pastConfirmed ? tr("Send &anyway") : tr("&Send counter-offer"));
    m_cancel->setText(tr("Cancel"));
    m_acceptInstead->setText(tr("&Accept their offer"));
}

void OfferDialog::resetSend()
{
    m_pastConfirmed.reset();
    m_acceptInstead->hide();
    retranslate();
}

void OfferDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QDialog::changeEvent(event);
}

void OfferDialog::addLine()
{
    m_editor->addLine();
}

int OfferDialog::lineCount() const
{
    return m_editor->lineCount();
}

void OfferDialog::setLine(int row, const OfferLine &line)
{
    m_editor->setLine(row, line);
}

void OfferDialog::setOffer(const OfferInput &offer)
{
    OfferInput terms = offer;
    terms.note.clear(); // a counter-offer's note is its own
    m_onTable = terms;
    m_editor->setOffer(terms);
    m_status->clear();
    resetSend();
}

void OfferDialog::setFeeText(const QString &text)
{
    m_editor->setFeeText(text);
}

common::Result<OfferInput> OfferDialog::input() const
{
    return m_editor->input();
}

void OfferDialog::submit()
{
    auto offer = input();
    if (!offer) {
        showError(offer.error());
        return;
    }
    if (sameTerms(*offer, m_onTable)) {
        // Sent back unchanged, the same terms would only start another round.
        resetSend();
        m_status->setText(tr("These are the terms of the offer on the table. To agree to them, "
                             "accept that offer instead of sending them back."));
        m_acceptInstead->show();
        return;
    }
    m_acceptInstead->hide();
    QStringList past;
    const QDate today = QDate::currentDate();
    for (const OfferLine &line : std::as_const(offer->deliverables)) {
        if (line.dueDate.isValid() && line.dueDate < today) {
            past.append(QLocale().toString(line.dueDate, QLocale::ShortFormat));
        }
    }
    const bool confirmed = m_pastConfirmed && sameTerms(*m_pastConfirmed, *offer)
            && m_pastConfirmed->note == offer->note;
    if (!past.isEmpty() && !confirmed) {
        m_pastConfirmed = *offer;
        retranslate();
        const QString dates = past.join(u", "_s);
        // (English and German have the same plural rule: one, or other.)
        m_status->setText(past.size() == 1
                        ? tr("1 due date already passed: %1. Change it, or press “Send anyway” "
                             "to send the offer as it is.")
                                  .arg(dates)
                        : tr("%1 due dates already passed: %2. Change them, or press “Send "
                             "anyway” to send the offer as it is.")
                                  .arg(QLocale().toString(qint64(past.size())), dates));
        return;
    }
    m_status->clear();
    Q_EMIT submitted(*offer);
}

void OfferDialog::showError(const common::Error &error)
{
    m_status->setText(OfferEditor::errorText(error));
}

QString OfferDialog::statusText() const
{
    return m_status->text();
}

void OfferDialog::setBusy(bool busy)
{
    m_send->setEnabled(!busy);
    if (busy) {
        m_status->setText(tr("Sending…"));
    }
}

} // namespace influence::desktop
