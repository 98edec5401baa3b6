// SPDX-License-Identifier: Apache-2.0
// HttpWorker's streamed responses: the head at once, then the body in chunks as its producer (a
// database worker running an export) writes it into a BodyStream, at the pace the client reads.
// The request stays counted in flight until its last chunk, so that a draining server lets an
// export finish within its grace period instead of cutting it.
#include "AccessLog.h"
#include "BodyStream.h"
#include "HttpWorker.h"

#include <QTcpSocket>

namespace influence::server::http {

void HttpWorker::startStream(Connection &connection, const std::shared_ptr<const Request> &request,
        const Response &response, bool closing, InFlightCount counted)
{
    // Busy until the last chunk: a pipelined request waits for it.
    connection.busy = true;
    StreamedResponse &stream = connection.stream.emplace();
    stream.body = response.stream;
    stream.request = request;
    stream.counted = std::move(counted);
    // HTTP/1.0 knows no chunks: the body ends when the connection closes.
    stream.chunked = !request->http10;
    stream.closeAfter = closing || request->http10;
    const QByteArray head = serializeResponse(response.status,
            commonHeaders(*request, response,
                    stream.closeAfter ? ConnectionAfter::Closed : ConnectionAfter::KeptAlive),
            {}, stream.chunked ? Serialize::ChunkedHead : Serialize::HeadUntilClose);
    connection.socket->write(head);
    stream.bytes = head.size();
    const quint64 id = connection.id;
    response.stream->attach([this, id] {
        QMetaObject::invokeMethod(
                this,
                [this, id] {
                    pumpStream(id);
                },
                Qt::QueuedConnection);
    });
    pumpStream(id);
}

void HttpWorker::pumpStream(quint64 connectionId)
{
    Connection *connection = find(connectionId);
    if (!connection || !connection->stream) {
        return;
    }
    if (connection->phase == Phase::Closing) {
        // Rejected meanwhile: the body goes no further.
        connection->stream->body->cancel();
        connection->stream.reset();
        return;
    }
    StreamedResponse &stream = *connection->stream;
    const auto [bytes, state] = stream.body->take();
    QTcpSocket *socket = connection->socket;
    if (!bytes.isEmpty() && stream.chunked) {
        const QByteArray size = QByteArray::number(bytes.size(), 16) + "\r\n";
        socket->write(size);
        socket->write(bytes);
        socket->write("\r\n");
        stream.bytes += size.size() + bytes.size() + 2;
    } else if (!bytes.isEmpty()) {
        socket->write(bytes);
        stream.bytes += bytes.size();
    }
    stream.body->setUnsent(socket->bytesToWrite());
    if (state == BodyStream::State::Open) {
        return;
    }
    const Request &request = *stream.request;
    const qint64 elapsed = request.received.nsecsElapsed();
    AccessRecord record{methodName(request.method), request.path, 200,
            static_cast<double>(elapsed) / 1e6, stream.bytes, request.requestId,
            request.peer.toString()};
    m_context->metrics.record(static_cast<const Router::Route *>(request.route), 200, elapsed);
    if (state == BodyStream::State::Aborted) {
        // No last chunk: the client sees the body end too early, not a complete-looking file.
        record.note = "stream aborted";
        logAccess(record);
        connection->stream.reset();
        connection->busy = false;
        closeGracefully(*connection);
        return;
    }
    if (stream.chunked) {
        socket->write("0\r\n\r\n");
        record.bytes += 5;
    }
    logAccess(record);
    // A server that began draining during the export closes the connection after it.
    const bool closing = stream.closeAfter || m_context->draining.load();
    // Written whole: no longer in flight.
    connection->stream.reset();
    connection->busy = false;
    afterResponse(*connection, closing);
}

} // namespace influence::server::http
