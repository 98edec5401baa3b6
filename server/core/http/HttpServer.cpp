// SPDX-License-Identifier: Apache-2.0
#include "HttpServer.h"

#include "HttpWorker.h"

#include <QLoggingCategory>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;

namespace influence::server::http {

namespace {

struct ListenResult
{
    int fd = -1;
    quint16 port = 0;
    QString error;
};

ListenResult openReusePortSocket(const QHostAddress &address, quint16 port)
{
    ListenResult result;
    sockaddr_storage storage{};
    socklen_t length = 0;
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol
            || address == QHostAddress::Any || address == QHostAddress::AnyIPv6;
    if (v6) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address == QHostAddress::Any
                ? QHostAddress(QHostAddress::AnyIPv6).toIPv6Address()
                : address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, &bytes, sizeof(bytes));
        length = sizeof(sockaddr_in6);
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        result.error = qt_error_string(errno);
        return result;
    }
    const int on = 1;
    const int off = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on));
    if (v6) {
        // "::" and "Any" accept IPv4 too (dual stack); a specific IPv6 address only IPv6.
        const bool dualStack = address.protocol() == QAbstractSocket::AnyIPProtocol
                || address.isEqual(
                        QHostAddress(QHostAddress::AnyIPv6), QHostAddress::StrictConversion);
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dualStack ? &off : &on, sizeof(int));
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0
            || ::listen(fd, SOMAXCONN) != 0) {
        result.error = qt_error_string(errno);
        ::close(fd);
        return result;
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof(bound);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    result.port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                           : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    result.fd = fd;
    return result;
}

} // namespace

HttpServer::HttpServer(std::shared_ptr<HttpContext> context)
    : m_context(std::move(context))
{ }

HttpServer::~HttpServer()
{
    stop();
}

Result<void> HttpServer::bind()
{
    const HttpSettings &settings = m_context->settings;
    const QHostAddress &address = settings.listenAddress;
    quint16 boundPort = settings.port;
    for (int i = 0; i < settings.threads; ++i) {
        ListenResult opened = openReusePortSocket(address, boundPort);
        if (opened.fd < 0) {
            for (const int fd : m_listeningSockets) {
                ::close(fd);
            }
            m_listeningSockets.clear();
            return Error::make(ErrorCode::ServiceUnavailable,
                    u"cannot listen on %1:%2: %3"_s.arg(address.toString())
                            .arg(boundPort)
                            .arg(opened.error));
        }
        boundPort = opened.port; // port 0: the others join the port the first one got
        m_listeningSockets.push_back(opened.fd);
    }
    m_context->port = boundPort;
    return {};
}

Result<void> HttpServer::start()
{
    const std::vector<int> sockets = std::exchange(m_listeningSockets, {});
    for (size_t i = 0; i < sockets.size(); ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(u"http-%1"_s.arg(i));
        thread->start();
        auto *worker = new HttpWorker(m_context.get(), static_cast<int>(i));
        worker->moveToThread(thread.get());
        bool listening = false;
        // Its sockets and timers are created in its own thread, where they must live.
        QMetaObject::invokeMethod(
                worker,
                [&] {
                    listening = worker->listenOn(sockets[i]);
                },
                Qt::BlockingQueuedConnection);
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
        if (!listening) {
            for (size_t j = i + 1; j < sockets.size(); ++j) {
                ::close(sockets[j]);
            }
            stop();
            return Error::make(
                    ErrorCode::ServiceUnavailable, u"cannot start HTTP thread %1"_s.arg(i));
        }
    }
    return {};
}

void HttpServer::beginDrain()
{
    m_context->draining = true;
    for (HttpWorker *worker : m_workers) {
        QMetaObject::invokeMethod(
                worker,
                [worker] {
                    worker->drain();
                },
                Qt::BlockingQueuedConnection);
    }
}

void HttpServer::abortConnections()
{
    for (HttpWorker *worker : m_workers) {
        QMetaObject::invokeMethod(
                worker,
                [worker] {
                    worker->abortConnections();
                },
                Qt::BlockingQueuedConnection);
    }
}

void HttpServer::stop()
{
    for (const int fd : std::exchange(m_listeningSockets, {})) {
        ::close(fd);
    }
    for (size_t i = 0; i < m_workers.size(); ++i) {
        HttpWorker *worker = m_workers[i];
        QMetaObject::invokeMethod(
                worker,
                [worker] {
                    delete worker;
                },
                Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
    m_workers.clear();
    m_threads.clear();
}

} // namespace influence::server::http
