// SPDX-License-Identifier: Apache-2.0
#include "NodePeer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace influence::tests {

NodePeer::~NodePeer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool NodePeer::start(const QString &directory, const QString &script, const QStringList &arguments)
{
    if (directory.isEmpty() || !QFileInfo(directory).isDir()) {
        m_why = u"the peer directory \"%1\" was not found"_s.arg(directory);
        return false;
    }
    if (QFileInfo::exists(directory + u"/package.json"_s)
            && !QFileInfo::exists(directory + u"/node_modules"_s)) {
        m_why = u"run `npm ci` in "_s + directory + u" (scripts/test does)"_s;
        return false;
    }
    m_process.setWorkingDirectory(directory);
    m_process.start(u"node"_s, QStringList{script} + arguments);
    if (!m_process.waitForStarted(10'000)) {
        m_why = u"cannot start node: "_s + m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(u"listening on (\\d+)"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30'000) {
        m_output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            break;
        }
        m_process.waitForReadyRead(100);
    }
    m_why = u"%1 did not start: %2 %3"_s.arg(script, QString::fromUtf8(m_output),
            QString::fromUtf8(m_process.readAllStandardError()));
    return false;
}

QUrl NodePeer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

quint16 freeLocalPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace influence::tests
