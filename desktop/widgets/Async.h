// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <utility>

namespace influence::desktop {

/// Continues `future` with `fn(const T &)` in `context`'s thread (the GUI thread: the API's
/// futures finish there), unless `context` was destroyed first; then `fn` is dropped. Every
/// page continues its calls this way: Qt 6.4's `.then(context, …)` asserts instead when the
/// context dies before the future finishes, and a page may close while its call is in flight.
template<class T, class Fn>
void continueIn(QObject *context, QFuture<T> future, Fn &&fn)
{
    std::move(future).then(QtFuture::Launch::Sync,
            [guard = QPointer<QObject>(context), fn = std::forward<Fn>(fn)](
                    const T &value) mutable {
                if (guard) {
                    fn(value);
                }
            });
}

} // namespace influence::desktop
