// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace influence::server::docs {

/// The OpenAPI document compiled into the binary (resources/openapi/openapi.json), with its
/// version and server URL filled in for this server.
QJsonObject openApiDocument(const QString &publicUrl);

/// A readable, self-contained HTML rendering of an OpenAPI document: operations grouped by tag
/// with parameters, bodies and responses, the schemas, and every problem code with its status.
/// No scripts and no external resources, so it works offline and under a strict CSP.
struct DocsPage
{
    QByteArray html;
    /// The Content-Security-Policy that allows exactly the page's one inline style sheet.
    QByteArray contentSecurityPolicy;
};

DocsPage renderDocsPage(const QJsonObject &openApi);

} // namespace influence::server::docs
