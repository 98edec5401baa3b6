// SPDX-License-Identifier: Apache-2.0
// Losing the database under load: PostgreSQL is stopped and started again while clients keep
// sending requests. Requests get 503 with Retry-After (never a hang, a crash or another status)
// and the server recovers by itself (QPSQL's isOpen() does not notice a restart).
#include "TestDatabase.h"
#include "TestRoutes.h"
#include "TestServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace influence;

namespace {

/// Keeps `parallel` GET requests in flight and counts the answers by status.
class Load : public QObject
{
public:
    Load(QUrl url, int parallel)
        : m_url(std::move(url))
    {
        for (int i = 0; i < parallel; ++i) {
            fire();
        }
    }
    ~Load() override
    {
        m_stopped = true;
        for (QNetworkReply *reply : m_network.findChildren<QNetworkReply *>()) {
            reply->abort();
        }
    }

    void resetCounts()
    {
        counts.clear();
        missingRetryAfter = 0;
        total = 0;
    }

    std::map<int, int> counts; ///< status → answers (0: no HTTP answer)
    int missingRetryAfter = 0;
    int total = 0;

private:
    void fire()
    {
        QNetworkRequest request(m_url);
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_stopped) {
                return;
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++counts[status];
            ++total;
            if (status == 503 && reply->rawHeader("Retry-After").isEmpty()) {
                ++missingRetryAfter;
            }
            fire();
        });
    }

    QNetworkAccessManager m_network;
    QUrl m_url;
    bool m_stopped = false;
};

} // namespace

class TestDbRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartUnderLoad()
    {
        QTemporaryDir directory(u"/tmp/influence-recovery-XXXXXX"_s);
        QVERIFY(directory.isValid());
        auto postgres = tests::TestDatabase::startPrivate(directory);
        QVERIFY(postgres);
        QVERIFY(postgres->createDatabase(u"recovery"_s));

        tests::TestServer::Options options;
        options.databaseUrl = postgres->url(u"recovery"_s).toUrlString();
        options.routes = tests::addTestRoutes;
        tests::TestServer server(options);
        QVERIFY2(server.isRunning(), qPrintable(server.error()));

        QUrl url = server.url();
        url.setPath(u"/test/db"_s);
        Load load(url, 8);
        QTRY_VERIFY_WITH_TIMEOUT(load.total >= 200, 20000);
        QCOMPARE(load.counts.size(), size_t(1));
        QCOMPARE(load.counts[200], load.total);

        QVERIFY(postgres->stop());
        load.resetCounts();
        QTRY_VERIFY_WITH_TIMEOUT(load.counts[503] >= 100, 20000);
        QCOMPARE(load.missingRetryAfter, 0);
        for (const auto &[status, count] : load.counts) {
            QVERIFY2(status == 503 || status == 200,
                    qPrintable(u"status %1 x%2"_s.arg(status).arg(count)));
        }

        QUrl ready = server.url();
        ready.setPath(u"/readyz"_s);
        {
            QNetworkAccessManager network;
            QNetworkReply *reply = network.get(QNetworkRequest(ready));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
            delete reply;
        }

        QVERIFY(postgres->restart());
        // Recovered by itself: successes come back, then a long run of nothing but successes.
        load.resetCounts();
        QTRY_VERIFY_WITH_TIMEOUT(load.counts[200] >= 50, 20000);
        for (const auto &[status, count] : load.counts) {
            QVERIFY2(status == 503 || status == 200,
                    qPrintable(u"status %1 x%2"_s.arg(status).arg(count)));
        }
        load.resetCounts();
        QTRY_VERIFY_WITH_TIMEOUT(load.total >= 200, 20000);
        QCOMPARE(load.counts[200], load.total);
    }
};

QTEST_GUILESS_MAIN(TestDbRecovery)
#include "tst_db_recovery.moc"
