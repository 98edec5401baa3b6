// SPDX-License-Identifier: Apache-2.0
#include "Log.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>

#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace influence::server::log {

namespace {

std::atomic<bool> g_json{false};
std::atomic<bool> g_info{true};
QMutex g_writeMutex;
thread_local const QString *g_requestId = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // QPSQL warns once per prepared statement when it cannot deallocate it on a connection that
    // is already gone; the loss itself is logged once by the database layer.
    if (message.startsWith(u"Unable to free statement: no connection to the server"_s)) {
        return;
    }
    write(levelName(type), context.category ? context.category : "default", message);
}

bool needsEscape(char16_t u)
{
    return u < 0x20 || u == u'\\' || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029;
}

} // namespace

QByteArray escaped(QStringView text)
{
    if (std::none_of(text.begin(), text.end(), [](QChar c) {
            return needsEscape(c.unicode());
        })) {
        return text.toUtf8();
    }
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!needsEscape(u)) {
            out += c;
        } else if (u == u'\\') {
            out += u"\\\\"_s;
        } else if (u == u'\n') {
            out += u"\\n"_s;
        } else if (u == u'\r') {
            out += u"\\r"_s;
        } else if (u == u'\t') {
            out += u"\\t"_s;
        } else if (u == 0x2028 || u == 0x2029) {
            out += u"\\u"_s + QString::number(u, 16);
        } else {
            out += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        }
    }
    return out.toUtf8();
}

QByteArray jsonLine(const QJsonObject &object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // Outside strings compact JSON has no such characters: every one is inside a string.
    return line.replace("\xe2\x80\xa8", "\\u2028").replace("\xe2\x80\xa9", "\\u2029");
}

RequestScope::RequestScope(const QString &requestId)
    : m_previous(g_requestId)
{
    g_requestId = &requestId;
}

RequestScope::~RequestScope()
{
    g_requestId = m_previous;
}

const QString *currentRequestId()
{
    return g_requestId;
}

QByteArray timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
}

void writeRaw(const QByteArray &line)
{
    const QMutexLocker lock(&g_writeMutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fputc('\n', stderr);
}

void write(
        const char *level, const char *category, const QString &message, const QJsonObject &fields)
{
    if (g_json.load(std::memory_order_relaxed)) {
        QJsonObject object = fields;
        object.insert(u"ts"_s, QString::fromLatin1(timestamp()));
        object.insert(u"level"_s, QString::fromLatin1(level));
        object.insert(u"category"_s, QString::fromLatin1(category));
        object.insert(u"msg"_s, message);
        if (g_requestId) {
            object.insert(u"requestId"_s, *g_requestId);
        }
        writeRaw(jsonLine(object));
        return;
    }
    QByteArray line = timestamp();
    line += ' ';
    line += level;
    line += ' ';
    line += category;
    line += ' ';
    line += escaped(message);
    if (g_requestId) {
        line += " rid=";
        line += escaped(*g_requestId);
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        line += ' ';
        line += escaped(it.key());
        line += '=';
        line += it.value().isString() ? escaped(it.value().toString())
                                      : QJsonDocument(QJsonObject{{u"v"_s, it.value()}})
                                                .toJson(QJsonDocument::Compact)
                                                .mid(5)
                                                .chopped(1);
    }
    writeRaw(line);
}

void install(const Settings &settings)
{
    const QString &level = settings.level;
    g_json = settings.format == u"json"_s;
    QString rules = u"qt.*.debug=false\n"_s;
    if (level == u"debug"_s) {
        rules += u"influence.*.debug=true\n"_s;
    } else if (level == u"info"_s) {
        rules += u"*.debug=false\n"_s;
    } else if (level == u"warning"_s) {
        rules += u"*.debug=false\n*.info=false\n"_s;
    } else {
        rules += u"*.debug=false\n*.info=false\n*.warning=false\n"_s;
    }
    g_info = level == u"debug"_s || level == u"info"_s;
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(messageHandler);
}

bool infoEnabled()
{
    return g_info.load(std::memory_order_relaxed);
}

Format format()
{
    return g_json.load(std::memory_order_relaxed) ? Format::Json : Format::Text;
}

} // namespace influence::server::log
