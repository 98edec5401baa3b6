// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Cors.h"
#include "HttpContext.h"
#include "Request.h"
#include "Response.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QQueue>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_map>

class QTcpSocket;

namespace influence::server::http {

class BodyStream;
class Exchange;
class GuardedTcpServer;

/// Gives back one count of HttpContext::inFlight when it goes.
struct GiveBackInFlight
{
    void operator()(std::atomic<int> *counter) const { counter->fetch_sub(1); }
};
/// A request counted in flight from dispatch() until its answer is written whole: a
/// draining server waits for it (up to SHUTDOWN_GRACE_SECONDS).
using InFlightCount = std::unique_ptr<std::atomic<int>, GiveBackInFlight>;

/// A streamed response being sent: its body, its request (still in flight), its bytes so
/// far, and how the body is framed and ends.
struct StreamedResponse
{
    std::shared_ptr<BodyStream> body;
    std::shared_ptr<const Request> request;
    InFlightCount counted;
    qint64 bytes = 0;
    bool closeAfter = false;
    bool chunked = true; ///< false for HTTP/1.0: the body ends with the connection
};

/// One HTTP thread: a QAbstractHttpServer (QtHttpServer's parser and connection handling) behind
/// a guard that makes it safe to expose. Before QHttpServer's parser sees a request, the guard
/// reads the request head itself and enforces what QHttpServer 6.4 does not: header size (431),
/// a single sane Content-Length and the body limit (413 before the body is read), no
/// Transfer-Encoding (411), garbage (400), unknown methods (501), a connection cap, an idle
/// timeout and a deadline for each request to arrive (408). It answers those itself, and answers
/// every request through our router: HEAD without a body, Connection: close honoured, pipelined
/// requests answered in order, one response per request. Lives in its own thread.
class HttpWorker : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpWorker(HttpContext *context, int index);
    ~HttpWorker() override;

    /// Starts accepting on an already listening socket (SO_REUSEPORT, shared with other workers).
    bool listenOn(qintptr listeningDescriptor);
    /// Stops accepting and closes connections that are idle; busy ones close after answering.
    void drain();
    /// Closes every connection now.
    void abortConnections();

    /// Writes the response of a request of connection `connectionId`. This thread only.
    void deliver(
            const std::shared_ptr<const Request> &request, quint64 connectionId, Response response);

    void acceptSocket(qintptr socketDescriptor);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Phase { Idle, Reading, Handling, Closing };

    struct Connection
    {
        quint64 id = 0;
        QTcpSocket *socket = nullptr;
        QTimer *timer = nullptr;
        Phase phase = Phase::Idle;
        bool handedOver = false;
        std::optional<HttpHead> validatedHead;
        bool busy = false;
        QQueue<Request> pending;
        std::weak_ptr<Exchange> current;
        /// The streamed response being sent, if any (HttpWorkerStream.cpp).
        std::optional<StreamedResponse> stream;
    };

    void inspect(Connection &connection);
    /// After a response has been written whole: close, answer the next pipelined request, or
    /// wait for the next one.
    void afterResponse(Connection &connection, bool closing);
    /// Sends a streamed response's head and hands its body to pumpStream(); the request stays
    /// counted in flight until the body's end.
    void startStream(Connection &connection, const std::shared_ptr<const Request> &request,
            const Response &response, bool closing, InFlightCount counted);
    /// Sends what the stream's producer has written as chunks; at its end the last chunk (or,
    /// aborted, closes the connection without it).
    void pumpStream(quint64 connectionId);
    void handOver(QTcpSocket *socket);
    void reject(Connection &connection, common::ErrorCode code, const QByteArray &reason);
    void closeGracefully(Connection &connection);
    void enterPhase(Connection &connection, Phase phase);
    void onTimeout(quint64 connectionId);
    void onDisconnected(quint64 connectionId);
    /// Answers a request that arrived whole: OPTIONS, 405, 404, or the route's handler.
    void dispatch(Connection &connection, Request request);
    /// OPTIONS: the methods of the resource, with the CORS preflight answer (404 without any).
    void answerOptions(Connection &connection, const std::shared_ptr<const Request> &request);
    /// 405 with Allow: the path has routes, none for the request's method.
    void answerMethodNotAllowed(Connection &connection,
            const std::shared_ptr<const Request> &request, QList<HttpMethod> allowed);
    /// 404: no route has the request's path.
    void answerNotFound(Connection &connection, const std::shared_ptr<const Request> &request);
    /// Calls the matched route's handler; an exception escaping it becomes a 500.
    void runHandler(Connection &connection, const std::shared_ptr<Request> &request,
            const Router::Handler &handler);
    void answerDirectly(Connection &connection, const std::shared_ptr<const Request> &request,
            Response response);
    Connection *find(QTcpSocket *socket);
    Connection *find(quint64 connectionId);
    QByteArray httpDate();
    /// Whether the connection stays open after a response (its Connection header says so).
    enum class ConnectionAfter { KeptAlive, Closed };
    QList<std::pair<QByteArray, QByteArray>> commonHeaders(
            const Request &request, const Response &response, ConnectionAfter after);

    HttpContext *m_context;
    int m_index;
    Cors m_cors;
    /// This thread's share of the process's connections.
    size_t m_maxConnections;
    /// Strict-Transport-Security on every response when clients reach the server over https.
    bool m_strictTransportSecurity;
    GuardedTcpServer *m_listener = nullptr;
    std::unordered_map<quint64, std::unique_ptr<Connection>> m_connections;
    QHash<QTcpSocket *, quint64> m_bySocket;
    quint64 m_nextConnectionId = 1;
    qint64 m_dateSecond = -1;
    QByteArray m_date;
};

} // namespace influence::server::http
