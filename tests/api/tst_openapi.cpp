// SPDX-License-Identifier: Apache-2.0
// The OpenAPI document and the router agree: every registered route is documented and every
// documented operation exists; the document is internally consistent.
#include "HttpTestClient.h"
#include "TestServer.h"
#include "core/http/HttpContext.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence;

namespace {

QString methodKey(server::http::HttpMethod method)
{
    return QString::fromLatin1(server::http::methodName(method)).toLower();
}

const QStringList kMethods{u"get"_s, u"post"_s, u"put"_s, u"patch"_s, u"delete"_s};

void collectRefs(const QJsonValue &value, QSet<QString> &refs)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == u"$ref"_s) {
                refs.insert(it.value().toString());
            } else {
                collectRefs(it.value(), refs);
            }
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            collectRefs(item, refs);
        }
    }
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<tests::TestServer> m_server;
    QJsonObject m_document;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<tests::TestServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        tests::HttpTestClient client(m_server->url());
        const auto reply = client.get(u"/openapi.json"_s);
        QCOMPARE(reply.status, 200);
        m_document = reply.json();
        QVERIFY(!m_document.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void everyRouteIsDocumented()
    {
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            const QString method = methodKey(route.method);
            QVERIFY2(paths.value(route.pathTemplate).toObject().contains(method),
                    qPrintable(u"undocumented route: %1 %2"_s.arg(
                            method.toUpper(), route.pathTemplate)));
        }
    }

    void everyDocumentedOperationExists()
    {
        QSet<QString> registered;
        for (const auto &route : m_server->app().httpContext().router.routes()) {
            registered.insert(methodKey(route.method) + u' ' + route.pathTemplate);
        }
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (op.key() == u"parameters"_s || op.key() == u"summary"_s
                        || op.key() == u"description"_s) {
                    continue;
                }
                QVERIFY2(kMethods.contains(op.key()), qPrintable(op.key()));
                QVERIFY2(registered.contains(op.key() + u' ' + it.key()),
                        qPrintable(u"documented but not served: %1 %2"_s.arg(
                                op.key().toUpper(), it.key())));
            }
        }
    }

    void operationsAreComplete()
    {
        QSet<QString> operationIds;
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                if (!kMethods.contains(op.key())) {
                    continue; // path-level parameters, summary, description
                }
                const QJsonObject operation = op.value().toObject();
                const QString where = op.key() + u' ' + it.key();
                const QJsonObject responses = operation.value(u"responses"_s).toObject();
                // Protected operations say what happens without a valid token; operations that
                // take a body say how invalid input is refused.
                if (operation.contains(u"security"_s)) {
                    QVERIFY2(responses.contains(u"401"_s), qPrintable(where + u": no 401"_s));
                }
                if (operation.contains(u"requestBody"_s)) {
                    QVERIFY2(responses.contains(u"422"_s) || responses.contains(u"400"_s),
                            qPrintable(where + u": no 400/422"_s));
                }
                QVERIFY2(!operation.value(u"summary"_s).toString().isEmpty(), qPrintable(where));
                QVERIFY2(!operation.value(u"responses"_s).toObject().isEmpty(), qPrintable(where));
                QVERIFY2(!operation.value(u"tags"_s).toArray().isEmpty(), qPrintable(where));
                const QString id = operation.value(u"operationId"_s).toString();
                QVERIFY2(!id.isEmpty() && !operationIds.contains(id), qPrintable(where));
                operationIds.insert(id);
                // Path parameters in the template are declared.
                QSet<QString> declared;
                for (const QJsonValue &p : operation.value(u"parameters"_s).toArray()) {
                    if (p.toObject().value(u"in"_s).toString() == u"path"_s) {
                        declared.insert(p.toObject().value(u"name"_s).toString());
                    }
                }
                for (const QJsonValue &p : item.value(u"parameters"_s).toArray()) {
                    if (p.toObject().value(u"in"_s).toString() == u"path"_s) {
                        declared.insert(p.toObject().value(u"name"_s).toString());
                    }
                }
                static const QRegularExpression placeholder(u"\\{([^}]+)\\}"_s);
                auto matches = placeholder.globalMatch(it.key());
                while (matches.hasNext()) {
                    const QString name = matches.next().captured(1);
                    QVERIFY2(declared.contains(name), qPrintable(where + u": {"_s + name + u'}'));
                }
            }
        }
    }

    void everyReferenceResolves()
    {
        QSet<QString> refs;
        collectRefs(m_document, refs);
        QVERIFY(!refs.isEmpty());
        for (const QString &ref : refs) {
            QVERIFY2(ref.startsWith(u"#/"_s), qPrintable(ref));
            QJsonValue node = m_document;
            for (const QString &part : ref.mid(2).split(u'/')) {
                node = node.toObject().value(part);
            }
            QVERIFY2(node.isObject(), qPrintable(u"unresolved $ref "_s + ref));
        }
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
