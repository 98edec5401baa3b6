// SPDX-License-Identifier: Apache-2.0
#include "AccessLog.h"

#include "core/log/Log.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace influence::server::http {

void logAccess(const AccessRecord &record)
{
    if (!log::infoEnabled()) {
        return;
    }
    if (log::format() == log::Format::Json) {
        QJsonObject line{
                {u"ts"_s, QString::fromLatin1(log::timestamp())},
                {u"level"_s, u"info"_s},
                {u"category"_s, u"influence.http.access"_s},
                {u"msg"_s, u"request"_s},
                {u"method"_s, QString::fromLatin1(record.method)},
                {u"path"_s, record.path},
                {u"status"_s, record.status},
                {u"durationMs"_s, qRound(record.durationMs * 1000.0) / 1000.0},
                {u"bytes"_s, record.bytes},
                {u"requestId"_s, record.requestId},
                {u"peer"_s, record.peer},
        };
        if (record.note) {
            line.insert(u"note"_s, QString::fromLatin1(record.note));
        }
        log::writeRaw(log::jsonLine(line));
        return;
    }
    QByteArray line = log::timestamp();
    line += " info http ";
    line += record.method;
    line += ' ';
    line += log::escaped(record.path);
    line += ' ';
    line += QByteArray::number(record.status);
    line += ' ';
    line += QByteArray::number(record.durationMs, 'f', 2);
    line += "ms ";
    line += QByteArray::number(record.bytes);
    line += "B rid=";
    line += log::escaped(record.requestId);
    line += " peer=";
    line += log::escaped(record.peer);
    if (record.note) {
        line += " note=\"";
        line += record.note;
        line += '"';
    }
    log::writeRaw(line);
}

} // namespace influence::server::http
