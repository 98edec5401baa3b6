// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace influence::tests {

/// A Node test peer from tests/peers/<name>/ (installed by scripts/lib.sh ensure_test_peers with
/// `npm ci`), run as `node <script> <arguments…>` in its directory and killed when the object
/// goes. start() waits until the peer prints "listening on <port>".
class NodePeer
{
public:
    NodePeer() = default;
    NodePeer(const NodePeer &) = delete;
    NodePeer &operator=(const NodePeer &) = delete;
    ~NodePeer();

    /// `directory` is the peer's folder (QFINDTESTDATA("peers/payments")); when it has a
    /// package.json, its node_modules must exist. False (with why()) when the peer did not start.
    bool start(const QString &directory, const QString &script, const QStringList &arguments);
    /// The port the peer printed.
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port>
    QUrl url() const;
    QString why() const { return m_why; }

private:
    QProcess m_process;
    QByteArray m_output;
    QString m_why;
    quint16 m_port = 0;
};

/// A TCP port that was free a moment ago on 127.0.0.1.
quint16 freeLocalPort();

} // namespace influence::tests
