// SPDX-License-Identifier: Apache-2.0
// Unit tests of common/: Result, the error table, problem documents, money, validation, domain.
#include "common/Domain.h"
#include "common/Error.h"
#include "common/MoCatalog.h"
#include "common/Money.h"
#include "common/Problem.h"
#include "common/Result.h"
#include "common/Validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

/// A GNU .mo catalog of `messages` (original, translation) in the given byte order, strings
/// after the tables, as msgfmt writes it.
QByteArray moFile(const QList<std::pair<QByteArray, QByteArray>> &messages, bool bigEndian)
{
    const auto word = [bigEndian](QByteArray &out, quint32 value) {
        char bytes[4];
        if (bigEndian) {
            qToBigEndian(value, bytes);
        } else {
            qToLittleEndian(value, bytes);
        }
        out.append(bytes, 4);
    };
    const auto n = static_cast<quint32>(messages.size());
    const quint32 originals = 28;
    const quint32 translations = originals + n * 8;
    quint32 offset = translations + n * 8;
    QByteArray head;
    word(head, 0x950412deU);
    word(head, 0);
    word(head, n);
    word(head, originals);
    word(head, translations);
    word(head, 0); // no hash table
    word(head, 0);
    QByteArray tables[2];
    QByteArray strings;
    for (int side = 0; side < 2; ++side) {
        for (const auto &message : messages) {
            const QByteArray &text = side == 0 ? message.first : message.second;
            word(tables[side], static_cast<quint32>(text.size()));
            word(tables[side], offset);
            strings += text + '\0';
            offset += static_cast<quint32>(text.size()) + 1;
        }
    }
    return head + tables[0] + tables[1] + strings;
}

} // namespace

class TestCommon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultHoldsValueOrError()
    {
        Result<int> ok = 42;
        QVERIFY(ok);
        QCOMPARE(*ok, 42);
        QCOMPARE(ok.value_or(7), 42);
        Result<int> failed = Error::notFound();
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, ErrorCode::NotFound);
        QCOMPARE(failed.value_or(7), 7);
        Result<void> done;
        QVERIFY(done);
        Result<void> notDone = Error::internal();
        QVERIFY(!notDone);
        QCOMPARE(notDone.error().httpStatus(), 500);
    }

    void errorTableIsConsistent()
    {
        QSet<QString> names;
        for (const ErrorCode code : serverErrorCodes()) {
            const QString name = errorCodeName(code);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            static const QRegularExpression snake(u"^[a-z]+(_[a-z]+)*$"_s);
            QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
            QVERIFY(errorCodeStatus(code) >= 400 && errorCodeStatus(code) <= 599);
            QCOMPARE(errorCodeFromName(name), code);
            QVERIFY(!errorCodeTitle(code).isEmpty());
        }
        QCOMPARE(errorCodeFromName(u"no_such_code"_s), ErrorCode::Unknown);
        QVERIFY(!serverErrorCodes().contains(ErrorCode::NetworkError));
    }

    void problemRoundTrip()
    {
        Error error = Error::validation({{u"email"_s, u"invalid_format"_s, u"Not an e-mail."_s},
                {u"password"_s, u"too_short"_s, u"Too short."_s}});
        const QJsonObject json = problemToJson(error, u"rid-1"_s, u"/api/v1/x"_s);
        QCOMPARE(json.value(u"status"_s).toInt(), 422);
        QCOMPARE(json.value(u"code"_s).toString(), u"validation_failed"_s);
        QCOMPARE(json.value(u"type"_s).toString(), u"/docs#problem-validation_failed"_s);
        QCOMPARE(json.value(u"requestId"_s).toString(), u"rid-1"_s);
        QCOMPARE(json.value(u"instance"_s).toString(), u"/api/v1/x"_s);
        QCOMPARE(json.value(u"errors"_s).toArray().size(), 2);

        const Error back = errorFromProblem(422, QJsonDocument(json).toJson());
        QCOMPARE(back.code, ErrorCode::ValidationFailed);
        QCOMPARE(back.fieldErrors, error.fieldErrors);
    }

    void problemFromUnknownOrEmptyBodies()
    {
        const Error unknown = errorFromProblem(409, R"({"code":"deal_locked","detail":"x"})");
        QCOMPARE(unknown.code, ErrorCode::Unknown);
        QCOMPARE(unknown.codeName(), u"deal_locked"_s);
        QCOMPARE(unknown.detail, u"x"_s);
        QCOMPARE(errorFromProblem(503, "<html>").code, ErrorCode::ServiceUnavailable);
        QCOMPARE(errorFromProblem(418, "").code, ErrorCode::BadRequest);
        QCOMPARE(errorFromProblem(500, "").code, ErrorCode::Internal);
    }

    void money_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("plain");
        QTest::newRow("eur") << qint64(1234) << u"EUR"_s << u"12.34 EUR"_s;
        QTest::newRow("cents") << qint64(5) << u"USD"_s << u"0.05 USD"_s;
        QTest::newRow("yen") << qint64(1234) << u"JPY"_s << u"1234 JPY"_s;
        QTest::newRow("dinar") << qint64(1234) << u"KWD"_s << u"1.234 KWD"_s;
        QTest::newRow("negative") << qint64(-150) << u"GBP"_s << u"-1.50 GBP"_s;
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << u"USD"_s
                             << u"-92233720368547758.08 USD"_s;
    }
    void money()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, plain);
        QCOMPARE(formatMoneyPlain({minor, currency}), plain);
    }

    void moneyForPeople_data()
    {
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("text");
        const QString nbsp(QChar(0x00a0));
        QTest::newRow("EUR in English")
                << qint64(428000) << u"EUR"_s << u"en_US"_s << u"€4,280.00"_s;
        QTest::newRow("EUR in German") << qint64(428000) << u"EUR"_s << u"de_DE"_s
                                       << QString(u"4.280,00"_s + nbsp + u"€"_s);
        QTest::newRow("USD in English") << qint64(150) << u"USD"_s << u"en_US"_s << u"$1.50"_s;
        QTest::newRow("GBP in German")
                << qint64(99) << u"GBP"_s << u"de_DE"_s << QString(u"0,99"_s + nbsp + u"£"_s);
        QTest::newRow("negative") << qint64(-150) << u"EUR"_s << u"de_DE"_s
                                  << QString(u"-1,50"_s + nbsp + u"€"_s);
    }
    void moneyForPeople()
    {
        QFETCH(qint64, minor);
        QFETCH(QString, currency);
        QFETCH(QString, locale);
        QFETCH(QString, text);
        QCOMPARE(formatMoney({minor, currency}, QLocale(locale)), text);
    }

    void moneyForPeopleHasNoCodeAndTheMinorDigits()
    {
        // Yen have no minor unit; the symbol replaces the code whatever the locale.
        const QString yen = formatMoney({1234, u"JPY"_s}, QLocale(u"en_US"_s));
        QVERIFY2(yen.contains(u"1,234"_s) && !yen.contains(u"JPY"_s) && !yen.contains(u'.'),
                qPrintable(yen));
        QCOMPARE(currencySymbol(u"EUR"_s, QLocale(u"en_US"_s)), u"€"_s);
        QCOMPARE(currencySymbol(u"USD"_s, QLocale(u"en_US"_s)), u"$"_s);
        QCOMPARE(currencySymbol(u"XYZ"_s, QLocale(u"en_US"_s)), u"XYZ"_s);
    }

    void moneyValidationAndArithmetic()
    {
        QVERIFY(validateMoney(100, u"EUR"_s, u"budget"_s));
        const auto badCurrency = validateMoney(100, u"EURO"_s, u"budget"_s);
        QVERIFY(!badCurrency);
        QCOMPARE(badCurrency.error().fieldErrors.first().field, u"budget/currency"_s);
        const auto negative = validateMoney(-1, u"EUR"_s, u"budget"_s);
        QVERIFY(!negative);
        QCOMPARE(negative.error().fieldErrors.first().code, u"negative"_s);
        QCOMPARE(addMoney({1, u"EUR"_s}, {2, u"EUR"_s})->minorUnits, 3);
        QVERIFY(!addMoney({1, u"EUR"_s}, {2, u"USD"_s}));
        QVERIFY(!addMoney({std::numeric_limits<qint64>::max(), u"EUR"_s}, {1, u"EUR"_s}));
        QCOMPARE(currencyMinorDigits(u"JPY"_s), 0);
        QCOMPARE(currencyMinorDigits(u"XXX"_s), -1);
    }

    void uuid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lower") << u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s << true;
        QTest::newRow("upper") << u"1B4E28BA-2FA1-11D2-883F-0016D3CCA427"_s << true;
        QTest::newRow("braces") << u"{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"_s << false;
        QTest::newRow("short") << u"1b4e28ba-2fa1-11d2-883f-0016d3cca42"_s << false;
        QTest::newRow("no dashes") << u"1b4e28ba2fa111d2883f0016d3cca4270000"_s << false;
        QTest::newRow("non hex") << u"zb4e28ba-2fa1-11d2-883f-0016d3cca427"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("sql") << u"1' OR '1'='1--------------------------"_s << false;
    }
    void uuid()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = validation::parseUuid(text, u"id"_s);
        QCOMPARE(bool(parsed), valid);
        if (valid) {
            QCOMPARE(validation::uuidText(*parsed), text.toLower());
        } else {
            QCOMPARE(parsed.error().code, ErrorCode::InvalidParameter);
            QCOMPARE(parsed.error().fieldErrors.first().field, u"id"_s);
        }
    }

    void email_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"ana@example.com"_s << true;
        QTest::newRow("plus") << u"ana+tag@mail.example.co.uk"_s << true;
        QTest::newRow("unicode") << u"zoë@exämple.de"_s << true;
        QTest::newRow("no at") << u"ana.example.com"_s << false;
        QTest::newRow("two at") << u"a@b@example.com"_s << false;
        QTest::newRow("no dot") << u"ana@localhost"_s << false;
        QTest::newRow("space") << u"ana @example.com"_s << false;
        QTest::newRow("leading dot domain") << u"ana@.example.com"_s << false;
        QTest::newRow("double dot") << u"ana@example..com"_s << false;
        QTest::newRow("angle") << u"<ana@example.com>"_s << false;
        QTest::newRow("too long local") << QString(65, u'a') + u"@example.com"_s << false;
        QTest::newRow("too long") << u"a@"_s + QString(250, u'b') + u".com"_s << false;
    }
    void email()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(validation::isEmailAddress(text), valid);
    }

    void codes()
    {
        QVERIFY(validation::isCountryCode(u"DE"_s));
        QVERIFY(!validation::isCountryCode(u"de"_s));
        QVERIFY(!validation::isCountryCode(u"XX"_s));
        QVERIFY(validation::isLanguageCode(u"de"_s));
        QVERIFY(!validation::isLanguageCode(u"DE"_s));
        QVERIFY(!validation::isLanguageCode(u"xx"_s));
        QVERIFY(isCurrencyCode(u"EUR"_s));
        QVERIFY(!isCurrencyCode(u"eur"_s));
    }

    void fieldErrorsCollectLengths()
    {
        validation::FieldErrors errors;
        errors.checkLength(u"name"_s, QString(), 1, 10);
        errors.checkLength(u"bio"_s, QString(11, u'x'), 0, 10);
        errors.checkLength(u"password"_s, u"short"_s, 8, 128);
        errors.checkLength(u"ok"_s, u"fine"_s, 1, 10);
        QCOMPARE(errors.errors().size(), 3);
        QCOMPARE(errors.errors().at(0).code, u"required"_s);
        QCOMPARE(errors.errors().at(1).code, u"too_long"_s);
        QCOMPARE(errors.errors().at(2).code, u"too_short"_s);
    }

    void domainNamesRoundTrip()
    {
        for (const QString &name : platformNames()) {
            const auto platform = platformFromString(name);
            QVERIFY(platform);
            QCOMPARE(wireName(*platform), name);
        }
        for (const QString &name : userRoleNames()) {
            QCOMPARE(wireName(*userRoleFromString(name)), name);
        }
        for (const QString &name : accountStatusNames()) {
            QCOMPARE(wireName(*accountStatusFromString(name)), name);
        }
        for (const QString &name : deliverableTypeNames()) {
            QCOMPARE(wireName(*deliverableTypeFromString(name)), name);
        }
        QVERIFY(!platformFromString(u"Instagram"_s));
        QVERIFY(!userRoleFromString(u"root"_s));
        QVERIFY(isNiche(u"fitness"_s));
        QVERIFY(!isNiche(u"Fitness"_s));
        QVERIFY(nicheNames().size() >= 20);
    }

    void moCatalogsAreRead()
    {
        const QList<std::pair<QByteArray, QByteArray>> messages{{"", "Content-Type: text/plain"},
                {"Spain", "Spanien"},
                {"menu\x04Open",
                        "\xc3\x96"
                        "ffnen"},
                {QByteArray("%n file\0%n files", 15), QByteArray("%n Datei\0%n Dateien", 19)},
                {"Untranslated", ""}};
        for (const bool bigEndian : {false, true}) {
            const auto catalog = readMoCatalog(moFile(messages, bigEndian));
            QVERIFY(catalog);
            QCOMPARE(catalog->size(), 3); // no header, nothing untranslated
            QCOMPARE(catalog->value(u"Spain"_s), u"Spanien"_s);
            QCOMPARE(catalog->value(u"Open"_s), u"Öffnen"_s);
            QCOMPARE(catalog->value(u"%n file"_s), u"%n Datei"_s);
        }
        // Not a catalog, cut short, or pointing outside itself: refused.
        QByteArray file = moFile(messages, false);
        QVERIFY(!readMoCatalog(QByteArray("not a catalog at all, no")));
        QVERIFY(!readMoCatalog(file.first(40)));
        QVERIFY(!readMoCatalog(file.first(file.size() - 1))); // the last NUL missing
        file[29] = '\x7f'; // the first original's length reaches far beyond the end
        QVERIFY(!readMoCatalog(file));
        // Debian's iso-codes, which the desktop reads (scripts/lib.sh installs it).
        QFile german(u"/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"_s);
        QVERIFY2(german.open(QIODevice::ReadOnly), "iso-codes is not installed");
        const auto countries = readMoCatalog(german.readAll());
        QVERIFY(countries);
        QVERIFY(countries->size() > 200);
        QCOMPARE(countries->value(u"Austria"_s), u"Österreich"_s);
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
