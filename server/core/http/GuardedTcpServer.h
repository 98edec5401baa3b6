// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QTcpServer>

class QTcpSocket;

namespace influence::server::http {

class HttpWorker;

/// The listening socket of one HTTP thread. It does not hand new connections to QHttpServer
/// directly: the worker inspects the first request head first (see HttpWorker).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(HttpWorker *worker);

    /// Hands a socket whose first request head passed inspection to QHttpServer.
    void handOver(QTcpSocket *socket) { addPendingConnection(socket); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpWorker *m_worker;
    QElapsedTimer m_lastAcceptWarning;
};

} // namespace influence::server::http
