// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace influence::server {

/// Turns SIGTERM/SIGINT/SIGHUP into a Qt signal delivered in the event loop (the classic
/// self-pipe: the handler only writes a byte, which is async-signal-safe).
class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace influence::server
