// SPDX-License-Identifier: Apache-2.0
// The Stripe-Signature check against headers made by the official stripe npm package
// (tests/peers/payments/sign.mjs, an implementation independent of ours): a valid signature, a
// wrong secret, a tampered body, timestamps outside the tolerance, several v1 signatures, and
// headers that are missing or malformed.
#include "payments/StripeSignature.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::server::payments;

namespace {

const QByteArray kSecret = "whsec_test_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH";
const QByteArray kBody = R"({"id":"evt_1","object":"event","type":"account.updated"})";

struct Signing
{
    QByteArray payload;
    QByteArray secret;
    qint64 timestamp = 0;
};

} // namespace

class TestStripeSignature : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 0;
    QString m_peerDir;

    /// Stripe-Signature headers from the stripe package, in the order asked.
    QList<QByteArray> sign(const QList<Signing> &requests)
    {
        QJsonArray input;
        for (const Signing &r : requests) {
            input.append(QJsonObject{{u"payload"_s, QString::fromUtf8(r.payload)},
                    {u"secret"_s, QString::fromUtf8(r.secret)}, {u"timestamp"_s, r.timestamp}});
        }
        QProcess node;
        node.setWorkingDirectory(m_peerDir);
        node.start(u"node"_s, {u"sign.mjs"_s});
        if (!node.waitForStarted(10'000)) {
            return {};
        }
        node.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
        node.closeWriteChannel();
        if (!node.waitForFinished(30'000) || node.exitCode() != 0) {
            qWarning() << node.readAllStandardError();
            return {};
        }
        QList<QByteArray> headers;
        for (const QJsonValue value :
                QJsonDocument::fromJson(node.readAllStandardOutput()).array()) {
            headers.append(value.toString().toUtf8());
        }
        return headers;
    }

    QByteArray signOne(const QByteArray &payload, const QByteArray &secret, qint64 timestamp)
    {
        const QList<QByteArray> headers = sign({{payload, secret, timestamp}});
        return headers.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_peerDir = QFINDTESTDATA("peers/payments");
        QVERIFY2(!m_peerDir.isEmpty(), "tests/peers/payments not found");
        QVERIFY2(QFile::exists(m_peerDir + u"/node_modules/stripe/package.json"_s),
                "run `npm ci` in tests/peers/payments (scripts/test does)");
        m_now = QDateTime::currentSecsSinceEpoch();
    }

    void validSignatureIsAccepted()
    {
        const QByteArray header = signOne(kBody, kSecret, m_now);
        QVERIFY(header.startsWith("t="));
        QCOMPARE(verifySignature(header, kBody, kSecret, m_now), SignatureCheck::Valid);
        // Within the tolerance on either side.
        QCOMPARE(verifySignature(header, kBody, kSecret, m_now + 299), SignatureCheck::Valid);
        QCOMPARE(verifySignature(header, kBody, kSecret, m_now - 299), SignatureCheck::Valid);
    }

    void wrongSecretIsRefused()
    {
        const QByteArray header = signOne(kBody, "whsec_someone_else", m_now);
        QCOMPARE(verifySignature(header, kBody, kSecret, m_now), SignatureCheck::Mismatch);
        QCOMPARE(verifySignature(header, kBody, {}, m_now), SignatureCheck::Mismatch);
    }

    void tamperedBodyIsRefused()
    {
        const QByteArray header = signOne(kBody, kSecret, m_now);
        QByteArray tampered = kBody;
        tampered.replace("account.updated", "account.upgraded");
        QCOMPARE(verifySignature(header, tampered, kSecret, m_now), SignatureCheck::Mismatch);
        QCOMPARE(verifySignature(header, QByteArray(kBody + ' '), kSecret, m_now),
                SignatureCheck::Mismatch);
        // Another timestamp with the same v1 is another signed payload.
        QByteArray moved = header;
        moved.replace(QByteArray("t=" + QByteArray::number(m_now)),
                QByteArray("t=" + QByteArray::number(m_now + 1)));
        QCOMPARE(verifySignature(moved, kBody, kSecret, m_now), SignatureCheck::Mismatch);
    }

    void timestampOutsideToleranceIsRefused()
    {
        const QList<QByteArray> headers = sign({{kBody, kSecret, m_now - 301},
                {kBody, kSecret, m_now + 301}, {kBody, kSecret, m_now - 3600}});
        QCOMPARE(headers.size(), 3);
        QCOMPARE(verifySignature(headers[0], kBody, kSecret, m_now),
                SignatureCheck::TimestampOutsideTolerance);
        QCOMPARE(verifySignature(headers[1], kBody, kSecret, m_now),
                SignatureCheck::TimestampOutsideTolerance);
        QCOMPARE(verifySignature(headers[2], kBody, kSecret, m_now),
                SignatureCheck::TimestampOutsideTolerance);
        // The tolerance is configurable.
        QCOMPARE(verifySignature(headers[2], kBody, kSecret, m_now, std::chrono::hours(2)),
                SignatureCheck::Valid);
        QCOMPARE(verifySignature(headers[0], kBody, kSecret, m_now, std::chrono::seconds(60)),
                SignatureCheck::TimestampOutsideTolerance);
    }

    void anyOfSeveralV1Signatures()
    {
        // While a secret is rolled, Stripe signs with the old and the new one.
        const QList<QByteArray> headers =
                sign({{kBody, "whsec_old_secret", m_now}, {kBody, kSecret, m_now}});
        QCOMPARE(headers.size(), 2);
        const QByteArray oldV1 = headers[0].mid(headers[0].indexOf(",v1=") + 1);
        const QByteArray newV1 = headers[1].mid(headers[1].indexOf(",v1=") + 1);
        const QByteArray t = "t=" + QByteArray::number(m_now);
        const QList<QByteArray> accepted{QByteArray(t + ',' + oldV1 + ',' + newV1),
                QByteArray(t + ',' + newV1 + ',' + oldV1),
                QByteArray(oldV1 + ',' + t + ',' + newV1),
                QByteArray(t + ',' + oldV1 + ",v0=" + QByteArray(64, '0') + ',' + newV1)};
        for (const QByteArray &header : accepted) {
            QCOMPARE(verifySignature(header, kBody, kSecret, m_now), SignatureCheck::Valid);
        }
        QCOMPARE(verifySignature(QByteArray(t + ',' + oldV1 + ',' + oldV1), kBody, kSecret, m_now),
                SignatureCheck::Mismatch);
        const auto parsed = parseSignatureHeader(QByteArray(t + ',' + oldV1 + ',' + newV1));
        QVERIFY(std::holds_alternative<SignatureHeader>(parsed));
        QCOMPARE(std::get<SignatureHeader>(parsed).v1.size(), 2);
        QCOMPARE(std::get<SignatureHeader>(parsed).timestamp, m_now);
    }

    void malformedHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<SignatureCheck>("expected");
        const QByteArray v1 = "v1=" + QByteArray(64, 'a');
        QTest::newRow("absent") << QByteArray() << SignatureCheck::MissingHeader;
        QTest::newRow("blank") << QByteArray("  ") << SignatureCheck::MissingHeader;
        QTest::newRow("no timestamp") << v1 << SignatureCheck::Malformed;
        QTest::newRow("two timestamps") << "t=1,t=2," + v1 << SignatureCheck::Malformed;
        QTest::newRow("timestamp not a number") << "t=12a," + v1 << SignatureCheck::Malformed;
        QTest::newRow("negative timestamp") << "t=-5," + v1 << SignatureCheck::Malformed;
        QTest::newRow("empty timestamp") << "t=," + v1 << SignatureCheck::Malformed;
        QTest::newRow("huge timestamp")
                << "t=99999999999999999999," + v1 << SignatureCheck::Malformed;
        QTest::newRow("item without =") << "t=1,v1," + v1 << SignatureCheck::Malformed;
        QTest::newRow("empty item") << "t=1,," + v1 << SignatureCheck::Malformed;
        QTest::newRow("short v1") << QByteArray("t=1,v1=abcd") << SignatureCheck::Malformed;
        QTest::newRow("v1 not hex") << "t=1,v1=" + QByteArray(64, 'g') << SignatureCheck::Malformed;
        QTest::newRow("empty key") << "t=1,=x," + v1 << SignatureCheck::Malformed;
        QTest::newRow("too long") << "t=1," + v1 + ",v0=" + QByteArray(9000, 'a')
                                  << SignatureCheck::Malformed;
        QByteArray many = "t=1";
        for (int i = 0; i < 20; ++i) {
            many += ',' + v1;
        }
        QTest::newRow("too many items") << many << SignatureCheck::Malformed;
        QTest::newRow("only v0") << "t=1,v0=" + QByteArray(64, 'a')
                                 << SignatureCheck::NoV1Signature;
        QTest::newRow("only timestamp") << QByteArray("t=1") << SignatureCheck::NoV1Signature;
        QTest::newRow("unknown scheme") << QByteArray("t=1,v2=zz") << SignatureCheck::NoV1Signature;
        QTest::newRow("wrong signature") << "t=1," + v1 << SignatureCheck::Mismatch;
    }

    void malformedHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(SignatureCheck, expected);
        QCOMPARE(verifySignature(header, kBody, kSecret, 1), expected);
    }

    void checkNamesAreDistinct()
    {
        QSet<QString> names;
        for (const auto check : {SignatureCheck::Valid, SignatureCheck::MissingHeader,
                     SignatureCheck::Malformed, SignatureCheck::NoV1Signature,
                     SignatureCheck::TimestampOutsideTolerance, SignatureCheck::Mismatch}) {
            names.insert(signatureCheckName(check));
        }
        QCOMPARE(names.size(), 6);
        QCOMPARE(signatureCheckName(SignatureCheck::TimestampOutsideTolerance),
                u"timestamp_outside_tolerance"_s);
    }
};

QTEST_GUILESS_MAIN(TestStripeSignature)
#include "tst_stripe_signature.moc"
