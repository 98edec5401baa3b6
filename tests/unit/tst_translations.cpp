// SPDX-License-Identifier: Apache-2.0
// The shipped translations are complete and consistent with their English sources: nothing
// unfinished, the same placeholders, and a keyboard accelerator wherever the source has one.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type;
    bool numerus = false;
    QStringList forms;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == u"message"_s) {
                messages.append(current);
            }
            continue;
        }
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"message"_s) {
            current = Message{};
            current.context = context;
            current.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
        } else if (xml.name() == u"source"_s) {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation"_s) {
            current.type = xml.attributes().value(u"type"_s).toString();
            if (!current.numerus) {
                current.translation = xml.readElementText();
            }
        } else if (xml.name() == u"numerusform"_s) {
            current.forms.append(xml.readElementText());
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d|n|L\\d)"_s);
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        found.insert(it.next().captured(0));
    }
    return found;
}

bool hasAccelerator(const QString &text)
{
    QString stripped = text;
    stripped.remove(u"&&"_s);
    return stripped.contains(u'&');
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogues_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(INFLUENCE_TRANSLATIONS_DIR));
        const QStringList files = dir.entryList({u"*.ts"_s}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files) {
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
        }
    }

    void catalogues()
    {
        QFETCH(QString, path);
        const QList<Message> messages = readTs(path);
        QVERIFY(messages.size() > 10);
        for (const Message &m : messages) {
            const QString where = m.context + u": "_s + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(u"%1 translation: %2"_s.arg(m.type, where)));
            const QStringList translations = m.numerus ? m.forms : QStringList{m.translation};
            QVERIFY2(!translations.isEmpty(), qPrintable(where));
            for (const QString &translation : translations) {
                QVERIFY2(!translation.isEmpty(), qPrintable(u"empty: "_s + where));
                QCOMPARE(placeholders(translation), placeholders(m.source));
                QVERIFY2(hasAccelerator(translation) == hasAccelerator(m.source),
                        qPrintable(u"accelerator mismatch: "_s + where));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
