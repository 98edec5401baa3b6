// SPDX-License-Identifier: Apache-2.0
#include "GuardedTcpServer.h"

#include "HttpLog.h"
#include "HttpWorker.h"

#include <QTimer>

namespace influence::server::http {

GuardedTcpServer::GuardedTcpServer(HttpWorker *worker)
    : QTcpServer(worker)
    , m_worker(worker)
{
    // When accept() fails with EMFILE (no file descriptors left), QTcpServer 6.4 stops accepting
    // and never starts again by itself; resume shortly after, when some connections may have
    // closed.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        // Said once per burst: while descriptors are exhausted this fires every 200 ms.
        if (!m_lastAcceptWarning.isValid() || m_lastAcceptWarning.hasExpired(10'000)) {
            m_lastAcceptWarning.start();
            qCWarning(lcHttp, "accept failed (%d): %s; retrying every 200 ms", int(error),
                    qPrintable(errorString()));
        }
        QTimer::singleShot(200, this, [this] {
            resumeAccepting();
        });
    });
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    m_worker->acceptSocket(socketDescriptor);
}

} // namespace influence::server::http
