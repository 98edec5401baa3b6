// SPDX-License-Identifier: Apache-2.0
#include "ApiDocs.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace influence::server::docs {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

/// Minimal Markdown for descriptions: `code` spans and paragraphs, everything else escaped.
QString prose(const QString &text)
{
    QString html;
    for (const QString &paragraph : text.split(u"\n\n"_s, Qt::SkipEmptyParts)) {
        QString escaped = esc(paragraph);
        QString out;
        bool inCode = false;
        for (const QChar c : escaped) {
            if (c == u'`') {
                out += inCode ? u"</code>"_s : u"<code>"_s;
                inCode = !inCode;
            } else {
                out += c;
            }
        }
        if (inCode) {
            out += u"</code>"_s;
        }
        html += u"<p>"_s + out + u"</p>"_s;
    }
    return html;
}

QString refName(const QString &ref)
{
    return ref.section(u'/', -1);
}

QString anchorFor(const QString &method, const QString &path)
{
    QString id = method + u'-' + path;
    for (QChar &c : id) {
        if (!c.isLetterOrNumber()) {
            c = u'-';
        }
    }
    return u"op-"_s + id;
}

QString schemaSummary(const QJsonObject &schema)
{
    if (schema.contains(u"$ref"_s)) {
        const QString name = refName(schema.value(u"$ref"_s).toString());
        return u"<a href=\"#schema-%1\">%1</a>"_s.arg(esc(name));
    }
    const QString type = schema.value(u"type"_s).toString();
    if (type == u"array"_s) {
        return u"array of "_s + schemaSummary(schema.value(u"items"_s).toObject());
    }
    QString text = esc(type.isEmpty() ? u"any"_s : type);
    if (schema.contains(u"format"_s)) {
        text += u" (" + esc(schema.value(u"format"_s).toString()) + u')';
    }
    if (schema.contains(u"enum"_s)) {
        QStringList values;
        for (const auto &v : schema.value(u"enum"_s).toArray()) {
            values.append(u"<code>"_s + esc(v.toVariant().toString()) + u"</code>"_s);
        }
        text += u": "_s + values.join(u" | "_s);
    }
    if (schema.contains(u"const"_s)) {
        text += u" = <code>"_s + esc(schema.value(u"const"_s).toVariant().toString())
                + u"</code>"_s;
    }
    return text;
}

QString renderProperties(const QJsonObject &schema)
{
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    if (properties.isEmpty()) {
        return {};
    }
    QStringList required;
    for (const auto &v : schema.value(u"required"_s).toArray()) {
        required.append(v.toString());
    }
    QString html = u"<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>"_s;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        html += u"<tr><td><code>%1</code>%2</td><td>%3</td><td>%4</td></tr>"_s.arg(esc(it.key()),
                required.contains(it.key()) ? u" <span class=\"req\">required</span>"_s : QString(),
                schemaSummary(property), prose(property.value(u"description"_s).toString()));
    }
    return html + u"</table>"_s;
}

QString renderContent(const QJsonObject &content)
{
    QString html;
    for (auto it = content.begin(); it != content.end(); ++it) {
        html += u"<div><code>%1</code> %2</div>"_s.arg(
                esc(it.key()), schemaSummary(it.value().toObject().value(u"schema"_s).toObject()));
    }
    return html;
}

constexpr auto kStyle = R"(
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
header{background:#1d2330;color:#fff;padding:24px 40px}header h1{margin:0 0 4px}header a{color:#9cc3ff}
main{display:grid;grid-template-columns:260px 1fr;gap:32px;padding:24px 40px;max-width:1400px}
nav{position:sticky;top:16px;align-self:start;font-size:14px}nav a{display:block;color:#1d2330;text-decoration:none;padding:2px 0}
nav h3{margin:16px 0 4px;font-size:13px;text-transform:uppercase;color:#6b7385}
section.op{background:#fff;border:1px solid #e2e5ea;border-radius:8px;padding:16px 20px;margin:0 0 16px}
.m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-weight:600;font-size:13px;padding:2px 6px;margin-right:8px}
.get{background:#2f7d32}.post{background:#1565c0}.put{background:#8e5a00}.patch{background:#6a1b9a}.delete{background:#b71c1c}
code{font:13px ui-monospace,monospace;background:#eef0f4;padding:1px 4px;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #e2e5ea;text-align:left;padding:4px 8px;vertical-align:top}
td p,section p{margin:4px 0}.req{color:#b71c1c;font-size:12px}h2{margin-top:32px}
)";

} // namespace

QJsonObject openApiDocument(const QString &publicUrl)
{
    QFile file(u":/openapi/openapi.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject info = document.value(u"info"_s).toObject();
    info.insert(u"version"_s, QStringLiteral(INFLUENCE_VERSION));
    document.insert(u"info"_s, info);
    document.insert(u"servers"_s, QJsonArray{QJsonObject{{u"url"_s, publicUrl}}});
    return document;
}

namespace {

/// An object from components/<section>, following a $ref if the value is one.
QJsonObject resolved(const QJsonObject &openApi, const QString &section, const QJsonObject &value)
{
    if (!value.contains(u"$ref"_s)) {
        return value;
    }
    return openApi.value(u"components"_s)
            .toObject()
            .value(section)
            .toObject()
            .value(refName(value.value(u"$ref"_s).toString()))
            .toObject();
}

QString renderParameters(const QJsonObject &openApi, const QJsonArray &parameters)
{
    if (parameters.isEmpty()) {
        return {};
    }
    QString html = u"<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th>"
                   "<th>Description</th></tr>"_s;
    for (const auto &value : parameters) {
        const QJsonObject parameter = resolved(openApi, u"parameters"_s, value.toObject());
        const QString required = parameter.value(u"required"_s).toBool()
                ? u" <span class=\"req\">required</span>"_s
                : QString();
        html += u"<tr><td><code>%1</code>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>"_s.arg(
                esc(parameter.value(u"name"_s).toString()), required,
                esc(parameter.value(u"in"_s).toString()),
                schemaSummary(parameter.value(u"schema"_s).toObject()),
                prose(parameter.value(u"description"_s).toString()));
    }
    return html + u"</table>"_s;
}

QString renderResponses(const QJsonObject &openApi, const QJsonObject &responses)
{
    QString html = u"<h4>Responses</h4><table><tr><th>Status</th><th>Description</th>"
                   "<th>Body</th></tr>"_s;
    for (auto r = responses.begin(); r != responses.end(); ++r) {
        const QJsonObject response = resolved(openApi, u"responses"_s, r.value().toObject());
        html += u"<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>"_s.arg(esc(r.key()),
                prose(response.value(u"description"_s).toString()),
                renderContent(response.value(u"content"_s).toObject()));
    }
    return html + u"</table>"_s;
}

struct Operation
{
    QString method;
    QString path;
    QJsonObject operation;
};

QString renderOperation(const QJsonObject &openApi, const Operation &op)
{
    const QString anchor = anchorFor(op.method, op.path);
    QString html =
            u"<section class=\"op\" id=\"%1\"><h3><span class=\"m %2\">%3</span>"
            "<code>%4</code></h3>"_s.arg(anchor, op.method, esc(op.method.toUpper()), esc(op.path));
    html += u"<p><strong>%1</strong></p>"_s.arg(esc(op.operation.value(u"summary"_s).toString()));
    html += prose(op.operation.value(u"description"_s).toString());
    html += renderParameters(openApi, op.operation.value(u"parameters"_s).toArray());
    if (op.operation.contains(u"requestBody"_s)) {
        const QJsonObject requestBody = op.operation.value(u"requestBody"_s).toObject();
        html += u"<h4>Request body</h4>"_s + prose(requestBody.value(u"description"_s).toString())
                + renderContent(requestBody.value(u"content"_s).toObject());
    }
    html += renderResponses(openApi, op.operation.value(u"responses"_s).toObject());
    return html + u"</section>"_s;
}

/// Operations grouped by their first tag, tags in the document's order (untagged last).
QList<std::pair<QString, QList<Operation>>> operationsByTag(const QJsonObject &openApi)
{
    static const QStringList methods{u"get"_s, u"post"_s, u"put"_s, u"patch"_s, u"delete"_s};
    QList<std::pair<QString, QList<Operation>>> groups;
    const auto group = [&groups](const QString &tag) -> QList<Operation> & {
        for (auto &[name, operations] : groups) {
            if (name == tag) {
                return operations;
            }
        }
        groups.append({tag, {}});
        return groups.back().second;
    };
    for (const auto &tag : openApi.value(u"tags"_s).toArray()) {
        group(tag.toObject().value(u"name"_s).toString());
    }
    const QJsonObject paths = openApi.value(u"paths"_s).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject item = p.value().toObject();
        for (const QString &method : methods) {
            if (!item.contains(method)) {
                continue;
            }
            const QJsonObject operation = item.value(method).toObject();
            const QString tag = operation.value(u"tags"_s).toArray().first().toString();
            group(tag.isEmpty() ? u"other"_s : tag).append({method, p.key(), operation});
        }
    }
    return groups;
}

QString tagDescription(const QJsonObject &openApi, const QString &name)
{
    for (const auto &tag : openApi.value(u"tags"_s).toArray()) {
        if (tag.toObject().value(u"name"_s).toString() == name) {
            return tag.toObject().value(u"description"_s).toString();
        }
    }
    return {};
}

} // namespace

DocsPage renderDocsPage(const QJsonObject &openApi)
{
    const QJsonObject info = openApi.value(u"info"_s).toObject();
    QString nav;
    QString body;
    for (const auto &[tag, operations] : operationsByTag(openApi)) {
        if (operations.isEmpty()) {
            continue;
        }
        nav += u"<h3>%1</h3>"_s.arg(esc(tag));
        body += u"<h2 id=\"tag-%1\">%1</h2>%2"_s.arg(esc(tag), prose(tagDescription(openApi, tag)));
        for (const Operation &op : operations) {
            nav += u"<a href=\"#%1\"><code>%2</code> %3</a>"_s.arg(
                    anchorFor(op.method, op.path), esc(op.method.toUpper()), esc(op.path));
            body += renderOperation(openApi, op);
        }
    }

    nav += u"<h3>Reference</h3><a href=\"#schemas\">Schemas</a><a href=\"#problems\">Problem codes</a>"_s;
    body += u"<h2 id=\"schemas\">Schemas</h2>"_s;
    const QJsonObject schemas =
            openApi.value(u"components"_s).toObject().value(u"schemas"_s).toObject();
    for (auto s = schemas.begin(); s != schemas.end(); ++s) {
        const QJsonObject schema = s.value().toObject();
        body += u"<section class=\"op\" id=\"schema-%1\"><h3>%1</h3>%2<p>%3</p>%4</section>"_s.arg(
                esc(s.key()), prose(schema.value(u"description"_s).toString()),
                schemaSummary(schema), renderProperties(schema));
    }

    body += u"<h2 id=\"problems\">Problem codes</h2><p>Every error is a problem document whose "
            "<code>code</code> is one of these.</p><table><tr><th>Code</th><th>Status</th>"
            "<th>Meaning</th></tr>"_s;
    for (const common::ErrorCode code : common::serverErrorCodes()) {
        const QString name = common::errorCodeName(code);
        body += u"<tr id=\"problem-%1\"><td><code>%1</code></td><td>%2</td><td>%3</td></tr>"_s.arg(
                esc(name), QString::number(common::errorCodeStatus(code)),
                esc(common::errorCodeTitle(code)));
    }
    body += u"</table>"_s;

    const QString style = QString::fromLatin1(kStyle);
    const QString html =
            u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>%1</title><style>%2</style></head><body><header><h1>%1</h1>"
            "<div>Version %3 · OpenAPI %4 · <a "
            "href=\"/openapi.json\">openapi.json</a></div></header><main><nav>%5</nav>"
            "<div>%6%7</div></main></body></html>"_s.arg(esc(info.value(u"title"_s).toString()),
                    style, esc(info.value(u"version"_s).toString()),
                    esc(openApi.value(u"openapi"_s).toString()), nav,
                    prose(info.value(u"description"_s).toString()), body);

    DocsPage page;
    page.html = html.toUtf8();
    const QByteArray styleHash =
            QCryptographicHash::hash(style.toUtf8(), QCryptographicHash::Sha256).toBase64();
    page.contentSecurityPolicy =
            "default-src 'none'; style-src 'sha256-" + styleHash + "'; frame-ancestors 'none'";
    return page;
}

} // namespace influence::server::docs
