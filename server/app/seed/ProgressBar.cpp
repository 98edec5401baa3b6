// SPDX-License-Identifier: Apache-2.0
#include "ProgressBar.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace influence::server::seed {

namespace {

constexpr int kBarWidth = 30;
constexpr qint64 kLogIntervalMs = 1000;

QString seconds(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1) + u" s"_s;
}

} // namespace

ProgressBar::ProgressBar(QTextStream &stream, Output output)
    : m_stream(stream)
    , m_output(output)
{ }

QString ProgressBar::render(const QString &stage, qint64 done, qint64 total, qint64 elapsedMs)
{
    const qint64 clamped = qBound<qint64>(0, done, total);
    const qint64 filled = total > 0 ? clamped * kBarWidth / total : kBarWidth;
    const qint64 percent = total > 0 ? clamped * 100 / total : 100;
    QString line = u'[' + QString(filled, u'#') + QString(kBarWidth - filled, u'.') + u"] "_s
            + QString::number(percent).rightJustified(3) + u"% "_s + stage + u' '
            + QString::number(clamped) + u'/' + QString::number(total) + u"  "_s
            + seconds(elapsedMs);
    if (clamped == total && elapsedMs > 0) {
        line += u", %1 rows/s"_s.arg(total * 1000 / elapsedMs);
    } else if (clamped > 0 && clamped < total) {
        // Rows of one stage cost about the same each: a linear estimate is good enough.
        line += u", about "_s + seconds(elapsedMs * (total - clamped) / clamped) + u" left"_s;
    }
    return line;
}

void ProgressBar::update(const QString &stage, qint64 done, qint64 total)
{
    if (stage != m_stage) {
        if (m_lineOpen) {
            m_stream << '\n';
            m_lineOpen = false;
        }
        m_stage = stage;
        m_stageTimer.start();
        m_lastLineMs = -1;
    }
    const qint64 elapsed = m_stageTimer.elapsed();
    const bool finished = done >= total;
    if (m_output == Output::Terminal) {
        // Carriage return, line, clear to the end of the line (ECMA-48 EL).
        m_stream << '\r' << render(stage, done, total, elapsed) << "\x1b[K";
        m_lineOpen = !finished;
        if (finished) {
            m_stream << '\n';
        }
    } else if (finished || m_lastLineMs < 0 || elapsed - m_lastLineMs >= kLogIntervalMs) {
        m_stream << render(stage, done, total, elapsed) << '\n';
        m_lastLineMs = elapsed;
    }
    m_stream.flush();
}

} // namespace influence::server::seed
