// SPDX-License-Identifier: Apache-2.0
#include "HttpWorker.h"

#include "AccessLog.h"
#include "BodyStream.h"
#include "Exchange.h"
#include "GuardedTcpServer.h"
#include "HttpLog.h"
#include "NulGuard.h"
#include "Responder.h"
#include "common/Problem.h"
#include "core/log/Log.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <exception>
#include <sys/socket.h>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;

namespace influence::server::http {

namespace {

// Slack on top of head + body limits for the socket's read buffer: room for a pipelined head.
constexpr qint64 kReadBufferSlack = qint64{64} * 1024;

// The socket's read buffer between requests: room for the largest ordinary request.
qint64 readBufferSize(const HeadLimits &limits)
{
    return limits.maxHeadBytes + limits.maxBodyBytes + kReadBufferSlack;
}

QString newRequestId()
{
    quint64 words[2];
    QRandomGenerator::global()->fillRange(words);
    return QString::fromLatin1(QByteArray::number(words[0], 16).rightJustified(16, '0')
            + QByteArray::number(words[1], 16).rightJustified(16, '0'));
}

// A client-supplied X-Request-Id is kept when it is short and harmless (it ends up in logs).
bool acceptableRequestId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 64) {
        return false;
    }
    return std::all_of(id.cbegin(), id.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    });
}

bool hasHeader(const QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(), [name](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

// The methods `path` has routes for, as OPTIONS lists them: GET and its HEAD first, then the
// others in a fixed order.
/// A handler's Error as the RFC 9457 problem document it is sent as, with Retry-After and (401)
/// WWW-Authenticate; a 500 is logged with its detail, which the client never sees.
void renderProblem(Response &response, const Request &req)
{
    const common::Error &error = *response.error;
    response.status = error.httpStatus();
    response.contentType = common::kProblemContentType;
    response.body = QJsonDocument(common::problemToJson(error, req.requestId, req.path))
                            .toJson(QJsonDocument::Compact);
    if (error.retryAfterSeconds > 0) {
        response.headers.emplaceBack("Retry-After", QByteArray::number(error.retryAfterSeconds));
    }
    if (response.status == 401 && !hasHeader(response.headers, "www-authenticate")) {
        response.headers.emplaceBack("WWW-Authenticate", "Bearer realm=\"influence\"");
    }
    if (response.status == 500) {
        qCWarning(lcHttp, "%s %s answered %d (%s): %s", methodName(req.method).constData(),
                qPrintable(req.path), response.status, qPrintable(error.codeName()),
                qPrintable(error.detail));
    }
}

QList<HttpMethod> methodsOn(const Router &router, QStringView path)
{
    const Router::Match match = router.match(HttpMethod::Get, path);
    if (!match.route) {
        return match.allowed;
    }
    QList<HttpMethod> allowed = {HttpMethod::Get, HttpMethod::Head};
    for (const HttpMethod method :
            {HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch, HttpMethod::Delete}) {
        if (router.match(method, path).route) {
            allowed.append(method);
        }
    }
    return allowed;
}

} // namespace

HttpWorker::HttpWorker(HttpContext *context, int index)
    : m_context(context)
    , m_index(index)
    , m_cors(context->settings.corsAllowedOrigins)
    , m_maxConnections(static_cast<size_t>(
              qMax(1, context->settings.maxConnections / context->settings.threads)))
    , m_strictTransportSecurity(context->publicUrl().startsWith(u"https://"_s))
{
    setObjectName(u"http-worker-%1"_s.arg(index));
}

HttpWorker::~HttpWorker()
{
    // Sockets are children of this worker; cut their ties to it before they go.
    for (auto &[id, connection] : m_connections) {
        if (connection->stream) {
            connection->stream->body->cancel();
        }
        QObject::disconnect(connection->socket, nullptr, this, nullptr);
        connection->socket->abort();
        delete connection->socket;
    }
    m_connections.clear();
    m_bySocket.clear();
}

bool HttpWorker::listenOn(qintptr listeningDescriptor)
{
    m_listener = new GuardedTcpServer(this);
    if (!m_listener->setSocketDescriptor(listeningDescriptor)) {
        qCCritical(lcHttp, "cannot use the listening socket: %s",
                qPrintable(m_listener->errorString()));
        return false;
    }
    bind(m_listener);
    return true;
}

void HttpWorker::drain()
{
    if (m_listener) {
        m_listener->close();
    }
    std::vector<quint64> idle;
    for (const auto &[id, connection] : m_connections) {
        if (!connection->busy && connection->phase != Phase::Reading) {
            idle.push_back(id);
        }
    }
    for (const quint64 id : idle) {
        if (Connection *connection = find(id)) {
            closeGracefully(*connection);
        }
    }
}

void HttpWorker::abortConnections()
{
    std::vector<QTcpSocket *> sockets;
    for (const auto &[id, connection] : m_connections) {
        sockets.push_back(connection->socket);
    }
    for (QTcpSocket *socket : sockets) {
        // What the socket still holds goes to the kernel first, which sends it after the close:
        // a response written just before the grace period ended is not thrown away.
        socket->flush();
        socket->abort();
    }
}

HttpWorker::Connection *HttpWorker::find(QTcpSocket *socket)
{
    const auto it = m_bySocket.constFind(socket);
    return it == m_bySocket.cend() ? nullptr : find(it.value());
}

HttpWorker::Connection *HttpWorker::find(quint64 connectionId)
{
    const auto it = m_connections.find(connectionId);
    return it == m_connections.end() ? nullptr : it->second.get();
}

void HttpWorker::acceptSocket(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    const quint64 id = m_nextConnectionId++;
    auto connection = std::make_unique<Connection>();
    connection->id = id;
    connection->socket = socket;
    connection->timer = new QTimer(socket);
    connection->timer->setSingleShot(true);
    m_bySocket.insert(socket, id);
    Connection &c = *connection;
    m_connections.emplace(id, std::move(connection));
    m_context->connections.fetch_add(1);

    socket->setReadBufferSize(readBufferSize(m_context->settings.limits));
    connect(c.timer, &QTimer::timeout, this, [this, id] {
        onTimeout(id);
    });
    // Connected before QHttpServer's own readyRead handler, so the guard always looks first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        if (Connection *conn = find(socket)) {
            inspect(*conn);
        }
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, id] {
        onDisconnected(id);
    });
    // A streamed body's producer waits for room in the socket: tell it what has been sent.
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        if (Connection *conn = find(socket); conn && conn->stream) {
            conn->stream->body->setUnsent(socket->bytesToWrite());
        }
    });
    connect(socket, &QObject::destroyed, this, [this, id, socket] {
        if (Connection *conn = find(id); conn && conn->stream) {
            conn->stream->body->cancel();
        }
        if (m_connections.erase(id) > 0) {
            m_context->connections.fetch_sub(1);
        }
        m_bySocket.remove(socket);
    });

    if (m_connections.size() > m_maxConnections || m_context->draining.load()) {
        reject(c, ErrorCode::ServiceUnavailable, "The server has too many open connections");
        return;
    }
    if (!m_context->clientConnections.open(socket->peerAddress())) {
        // Closed at once, unanswered: a 503 would hold a connection slot for the lingering close.
        socket->abort();
        return;
    }
    connect(socket, &QObject::destroyed, this, [this, peer = socket->peerAddress()] {
        m_context->clientConnections.close(peer);
    });
    enterPhase(c, Phase::Idle);
    if (socket->bytesAvailable() > 0) {
        inspect(c);
    }
}

void HttpWorker::enterPhase(Connection &connection, Phase phase)
{
    connection.phase = phase;
    switch (phase) {
    case Phase::Idle: connection.timer->start(m_context->settings.idleTimeout); break;
    case Phase::Reading: connection.timer->start(m_context->settings.requestTimeout); break;
    case Phase::Handling: connection.timer->stop(); break;
    case Phase::Closing: connection.timer->start(m_context->settings.closeTimeout); break;
    }
}

void HttpWorker::inspect(Connection &connection)
{
    QTcpSocket *socket = connection.socket;
    if (connection.phase == Phase::Closing) {
        // Nothing more is read from a connection that is being closed.
        if (socket->isTransactionStarted()) {
            socket->rollbackTransaction();
        }
        socket->skip(socket->bytesAvailable());
        return;
    }
    if (connection.validatedHead) {
        return; // the body of a request whose head was already checked
    }

    // Look at the bytes of the next request from its first byte. QHttpServer may already have
    // read part of an incomplete head inside its read transaction: rewind to see it all, then
    // restore its position.
    QByteArray data;
    const qint64 peekLimit = m_context->settings.limits.maxHeadBytes + 1;
    if (socket->isTransactionStarted()) {
        const qint64 unread = socket->bytesAvailable();
        socket->rollbackTransaction();
        const qint64 total = socket->bytesAvailable();
        data = socket->peek(qMin(total, peekLimit));
        socket->startTransaction();
        socket->skip(total - unread);
    } else {
        data = socket->peek(qMin(socket->bytesAvailable(), peekLimit));
    }
    if (data.isEmpty()) {
        return;
    }
    if (connection.phase == Phase::Idle) {
        enterPhase(connection, Phase::Reading);
    }

    const HeadInspection inspection = inspectHead(data, m_context->settings.limits);
    switch (inspection.outcome) {
    case HeadInspection::Outcome::Incomplete: return;
    case HeadInspection::Outcome::Rejected:
        reject(connection, inspection.error, inspection.reason);
        return;
    case HeadInspection::Outcome::Complete: break;
    }
    connection.validatedHead = inspection.head;
    const HeadLimits &limits = m_context->settings.limits;
    if (inspection.head.contentLength > limits.maxBodyBytes) {
        // A route with a body limit of its own (the bulk import): QHttpServer 6.4 takes a request
        // only once all of it is in the socket's buffer, so the buffer must hold this body; and
        // a large body gets a second more to arrive for each MiB.
        socket->setReadBufferSize(
                inspection.head.headSize + inspection.head.contentLength + kReadBufferSlack);
        connection.timer->start(m_context->settings.requestTimeout
                + std::chrono::seconds(inspection.head.contentLength / (qint64{1024} * 1024)));
    }
    if (inspection.head.expectContinue) {
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (!connection.handedOver) {
        connection.handedOver = true;
        handOver(socket);
    }
}

void HttpWorker::handOver(QTcpSocket *socket)
{
    // QHttpServer connects its own readyRead handler now, after ours; the data is already
    // buffered, so let it see a readyRead.
    m_listener->handOver(socket);
    QMetaObject::invokeMethod(
            socket,
            [socket] {
                Q_EMIT socket->readyRead();
            },
            Qt::QueuedConnection);
}

bool HttpWorker::handleRequest(const QHttpServerRequest &qrequest, QTcpSocket *socket)
{
    Connection *connection = find(socket);
    if (!connection || connection->phase == Phase::Closing) {
        return true;
    }
    if (!connection->validatedHead) {
        // Cannot happen while the guard sees every head first; refuse rather than trust.
        qCWarning(lcHttp, "request without an inspected head; closing the connection");
        reject(*connection, ErrorCode::MalformedRequest, "The request could not be read");
        return true;
    }
    HttpHead head = std::move(*connection->validatedHead);
    connection->validatedHead.reset();
    if (const qint64 normal = readBufferSize(m_context->settings.limits);
            socket->readBufferSize() > normal) {
        socket->setReadBufferSize(normal);
    }
    if (qrequest.body().size() != head.contentLength) {
        qCWarning(lcHttp, "body size %lld differs from Content-Length %lld; closing",
                static_cast<long long>(qrequest.body().size()),
                static_cast<long long>(head.contentLength));
        reject(*connection, ErrorCode::MalformedRequest, "The request body could not be read");
        return true;
    }

    Request request;
    request.received.start();
    request.method = head.method;
    auto [path, query] = splitTarget(head.target);
    request.path = std::move(path);
    request.query = std::move(query);
    request.headers = std::move(head.headers);
    request.body = qrequest.body();
    request.peer = socket->peerAddress();
    const QByteArray clientId = request.header("x-request-id");
    request.requestId =
            acceptableRequestId(clientId) ? QString::fromLatin1(clientId) : newRequestId();
    request.keepAlive = head.keepAlive;
    request.http10 = head.minorVersion == 0;

    if (connection->busy) {
        // Pipelined: answer in order, after the one in flight.
        if (connection->pending.size() >= m_context->settings.maxPipelinedRequests) {
            reject(*connection, ErrorCode::TooManyRequests, "Too many pipelined requests");
            return true;
        }
        connection->pending.append(std::move(request));
        return true;
    }
    dispatch(*connection, std::move(request));
    return true;
}

void HttpWorker::missingHandler(const QHttpServerRequest & /*request*/, QTcpSocket *socket)
{
    // handleRequest() answers everything; kept because QAbstractHttpServer requires it.
    if (Connection *connection = find(socket)) {
        reject(*connection, ErrorCode::NotFound, "No handler");
    }
}

void HttpWorker::dispatch(Connection &connection, Request request)
{
    connection.busy = true;
    enterPhase(connection, Phase::Handling);
    m_context->inFlight.fetch_add(1);

    auto shared = std::make_shared<Request>(std::move(request));
    if (shared->method == HttpMethod::Options) {
        answerOptions(connection, shared);
        return;
    }
    const Router::Match match = m_context->router.match(shared->method, shared->path);
    if (!match.route) {
        if (!match.allowed.isEmpty()) {
            answerMethodNotAllowed(connection, shared, match.allowed);
        } else {
            answerNotFound(connection, shared);
        }
        return;
    }
    shared->pathParams = match.params;
    shared->routeTemplate = match.route->pathTemplate;
    shared->route = match.route;
    if (auto refused = refuseNul(*shared)) {
        return answerDirectly(connection, shared, Response::fromError(*refused));
    }
    runHandler(connection, shared, match.route->handler);
}

void HttpWorker::answerOptions(
        Connection &connection, const std::shared_ptr<const Request> &request)
{
    QList<HttpMethod> allowed = methodsOn(m_context->router, request->path);
    if (allowed.isEmpty()) {
        answerNotFound(connection, request);
        return;
    }
    allowed.append(HttpMethod::Options);
    answerDirectly(connection, request, m_cors.preflight(*request, allowHeader(allowed)));
}

void HttpWorker::answerMethodNotAllowed(Connection &connection,
        const std::shared_ptr<const Request> &request, QList<HttpMethod> allowed)
{
    allowed.append(HttpMethod::Options);
    Response response = Response::fromError(Error::make(ErrorCode::MethodNotAllowed,
            u"%1 is not allowed here; allowed: %2."_s.arg(
                    QString::fromLatin1(methodName(request->method)),
                    QString::fromLatin1(allowHeader(allowed)))));
    // A 405 must say which methods the resource supports (RFC 9110 §15.5.6).
    response.withHeader("Allow", allowHeader(allowed));
    answerDirectly(connection, request, std::move(response));
}

void HttpWorker::answerNotFound(
        Connection &connection, const std::shared_ptr<const Request> &request)
{
    answerDirectly(
            connection, request, Response::fromError(Error::notFound(u"No such resource."_s)));
}

void HttpWorker::runHandler(Connection &connection, const std::shared_ptr<Request> &request,
        const Router::Handler &handler)
{
    auto exchange = std::make_shared<Exchange>(this, connection.id, request, m_context);
    connection.current = exchange;
    const Responder responder(exchange);
    const log::RequestScope scope(request->requestId);
    // An exception escaping into Qt's event loop would abort the process; the request is
    // answered with a 500 instead.
    try {
        handler(*request, responder);
    } catch (const std::exception &e) {
        qCCritical(lcHttp, "handler for %s %s threw: %s", methodName(request->method).constData(),
                qPrintable(request->routeTemplate), e.what());
        exchange->send(Response::fromError(Error::internal()));
    } catch (...) {
        qCCritical(lcHttp, "handler for %s %s threw", methodName(request->method).constData(),
                qPrintable(request->routeTemplate));
        exchange->send(Response::fromError(Error::internal()));
    }
}

void HttpWorker::answerDirectly(
        Connection &connection, const std::shared_ptr<const Request> &request, Response response)
{
    deliver(request, connection.id, std::move(response));
}

QByteArray HttpWorker::httpDate()
{
    // IMF-fixdate (RFC 9110 §5.6.7), cached per second.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != m_dateSecond) {
        static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        static const char *const months[] = {
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const QDate date = now.date();
        const QTime time = now.time();
        m_date = QByteArray(days[date.dayOfWeek() - 1]) + ", "
                + QByteArray::number(date.day()).rightJustified(2, '0') + ' '
                + months[date.month() - 1] + ' ' + QByteArray::number(date.year()) + ' '
                + QByteArray::number(time.hour()).rightJustified(2, '0') + ':'
                + QByteArray::number(time.minute()).rightJustified(2, '0') + ':'
                + QByteArray::number(time.second()).rightJustified(2, '0') + " GMT";
        m_dateSecond = second;
    }
    return m_date;
}

QList<std::pair<QByteArray, QByteArray>> HttpWorker::commonHeaders(
        const Request &request, const Response &response, ConnectionAfter after)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    headers.reserve(response.headers.size() + 12);
    headers.emplaceBack("Date", httpDate());
    if (!response.contentType.isEmpty()) {
        headers.emplaceBack("Content-Type", response.contentType);
    }
    headers.emplaceBack("X-Request-Id", request.requestId.toLatin1());
    for (const auto &header : response.headers) {
        headers.append(header);
    }
    if (!hasHeader(response.headers, "cache-control")) {
        headers.emplaceBack("Cache-Control", "no-store");
    }
    if (!hasHeader(response.headers, "content-security-policy")) {
        headers.emplaceBack(
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
    headers.emplaceBack("X-Content-Type-Options", "nosniff");
    headers.emplaceBack("X-Frame-Options", "DENY");
    headers.emplaceBack("Referrer-Policy", "no-referrer");
    if (m_strictTransportSecurity) {
        headers.emplaceBack("Strict-Transport-Security", "max-age=31536000");
    }
    m_cors.addResponseHeaders(request, headers);
    if (after == ConnectionAfter::Closed) {
        headers.emplaceBack("Connection", "close");
    } else if (request.http10) {
        headers.emplaceBack("Connection", "keep-alive");
    }
    return headers;
}

void HttpWorker::deliver(
        const std::shared_ptr<const Request> &request, quint64 connectionId, Response response)
{
    // Counted in flight since dispatch(); given back when this answer has been written whole.
    InFlightCount counted(&m_context->inFlight);
    const Request &req = *request;
    AccessRecord record{methodName(req.method), req.path, response.status,
            static_cast<double>(req.received.nsecsElapsed()) / 1e6, 0, req.requestId,
            req.peer.toString()};

    Connection *connection = find(connectionId);
    if (!connection || connection->phase == Phase::Closing
            || connection->socket->state() != QAbstractSocket::ConnectedState) {
        if (response.stream) {
            response.stream->cancel();
        }
        record.note = "client gone";
        logAccess(record);
        return;
    }
    connection->busy = false;
    connection->current.reset();

    if (response.error) {
        const log::RequestScope scope(req.requestId);
        renderProblem(response, req);
    }

    const bool closing = !req.keepAlive || m_context->draining.load();
    if (response.stream && !response.error && req.method != HttpMethod::Head) {
        startStream(*connection, request, response, closing, std::move(counted));
        return;
    }
    Serialize what = req.method == HttpMethod::Head ? Serialize::HeadersOnly : Serialize::WithBody;
    if (response.stream) {
        response.stream->cancel(); // HEAD: the head only
        what = req.http10 ? Serialize::HeadUntilClose : Serialize::ChunkedHead;
    }
    const QByteArray bytes = serializeResponse(response.status,
            commonHeaders(
                    req, response, closing ? ConnectionAfter::Closed : ConnectionAfter::KeptAlive),
            response.body, what);
    connection->socket->write(bytes);
    const qint64 elapsed = req.received.nsecsElapsed();
    m_context->metrics.record(
            static_cast<const Router::Route *>(req.route), response.status, elapsed);
    record.bytes = bytes.size();
    record.durationMs = static_cast<double>(elapsed) / 1e6;
    logAccess(record);
    afterResponse(*connection, closing);
}

void HttpWorker::afterResponse(Connection &connection, bool closing)
{
    if (closing) {
        closeGracefully(connection);
        return;
    }
    const quint64 connectionId = connection.id;
    if (!connection.pending.isEmpty()) {
        // Next pipelined request, from the event loop so that a chain of synchronous answers
        // does not recurse.
        QMetaObject::invokeMethod(
                this,
                [this, connectionId] {
                    Connection *c = find(connectionId);
                    if (c && !c->busy && !c->pending.isEmpty() && c->phase != Phase::Closing) {
                        dispatch(*c, c->pending.dequeue());
                    }
                },
                Qt::QueuedConnection);
        return;
    }
    QTcpSocket *socket = connection.socket;
    enterPhase(connection,
            socket->isTransactionStarted() || socket->bytesAvailable() > 0 ? Phase::Reading
                                                                           : Phase::Idle);
    if (socket->bytesAvailable() > 0 && !connection.validatedHead) {
        inspect(connection);
    }
}

void HttpWorker::reject(Connection &connection, ErrorCode code, const QByteArray &reason)
{
    QTcpSocket *socket = connection.socket;
    Request request;
    request.requestId = newRequestId();
    request.peer = socket->peerAddress();
    const Error error = Error::make(code, QString::fromLatin1(reason) + u'.');
    Response response = Response::fromError(error);
    response.contentType = common::kProblemContentType;
    response.body = QJsonDocument(common::problemToJson(error, request.requestId, QString()))
                            .toJson(QJsonDocument::Compact);
    const QByteArray bytes = serializeResponse(response.status,
            commonHeaders(request, response, ConnectionAfter::Closed), response.body,
            Serialize::WithBody);
    socket->write(bytes);
    m_context->metrics.record(nullptr, response.status, 0);
    logAccess({"-", u"-"_s, response.status, 0, bytes.size(), request.requestId,
            request.peer.toString(), reason.constData()});
    if (auto exchange = connection.current.lock()) {
        exchange->markClientGone();
    }
    if (connection.stream) {
        connection.stream->body->cancel();
        connection.stream.reset();
    }
    closeGracefully(connection);
}

void HttpWorker::closeGracefully(Connection &connection)
{
    QTcpSocket *socket = connection.socket;
    connection.pending.clear();
    connection.validatedHead.reset();
    enterPhase(connection, Phase::Closing);
    if (socket->isTransactionStarted()) {
        socket->rollbackTransaction();
    }
    socket->skip(socket->bytesAvailable());
    // Lingering close (RFC 9112 §9.6): send the response, then only our half of the connection
    // is shut down (FIN) while whatever the client still sends is read and dropped. Closing both
    // halves at once would make the kernel answer late client data with a reset, which can destroy
    // the response before the client reads it. The client closes its half on the FIN; the Closing
    // timer aborts one that does not.
    const auto shutdownWrite = [socket] {
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() == 0) {
            ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
            return true;
        }
        return false;
    };
    if (!shutdownWrite()) {
        auto *flushed = new QObject(socket);
        connect(socket, &QTcpSocket::bytesWritten, flushed, [flushed, shutdownWrite] {
            if (shutdownWrite()) {
                flushed->deleteLater();
            }
        });
    }
}

void HttpWorker::onTimeout(quint64 connectionId)
{
    Connection *connection = find(connectionId);
    if (!connection) {
        return;
    }
    switch (connection->phase) {
    case Phase::Idle: closeGracefully(*connection); break;
    case Phase::Reading:
        reject(*connection, ErrorCode::RequestTimeout, "The request did not arrive in time");
        break;
    case Phase::Handling: break;
    case Phase::Closing: connection->socket->abort(); break;
    }
}

void HttpWorker::onDisconnected(quint64 connectionId)
{
    Connection *connection = find(connectionId);
    if (!connection) {
        return;
    }
    if (auto exchange = connection->current.lock()) {
        exchange->markClientGone();
    }
    if (connection->stream) {
        connection->stream->body->cancel();
        connection->stream.reset();
    }
    connection->timer->stop();
    connection->socket->deleteLater();
}

} // namespace influence::server::http
