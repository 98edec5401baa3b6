// SPDX-License-Identifier: Apache-2.0
#include "OfferDialog.h"

#include "widgets/OfferEditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using influence::common::OfferInput;
using influence::common::OfferLine;

namespace influence::desktop {

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
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &OfferDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    resize(640, 420);
}

void OfferDialog::retranslate()
{
    setWindowTitle(tr("Counter-offer"));
    m_intro->setText(tr("Change what the creator delivers and the fee. The other side can accept, "
                        "decline or counter again."));
    m_send->setText(tr("&Send counter-offer"));
    m_cancel->setText(tr("Cancel"));
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
    m_editor->setOffer(terms);
    m_status->clear();
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
