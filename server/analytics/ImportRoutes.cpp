// SPDX-License-Identifier: Apache-2.0
#include "ImportRoutes.h"

#include "ImportSettings.h"
#include "Importer.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

using namespace Qt::StringLiterals;
using influence::common::Error;
using influence::common::ErrorCode;
using influence::common::Result;
using influence::server::http::Access;
using influence::server::http::HttpMethod;
using influence::server::http::Principal;
using influence::server::http::Request;
using influence::server::http::Work;

namespace influence::server::analytics {

namespace {

/// Reads the kind and the format on the HTTP thread; the file is parsed on the database worker
/// as its rows are copied (no second copy of the body is made).
Result<Work> importRoute(const Request &request)
{
    ImportFile file;
    const QString kind = request.queryValue(u"kind"_s);
    if (kind == u"post_metrics"_s) {
        file.kind = ImportKind::PostMetrics;
    } else if (kind == u"account_metrics"_s) {
        file.kind = ImportKind::AccountMetrics;
    } else {
        return http::invalidParameter(u"kind"_s, u"Must be post_metrics or account_metrics."_s);
    }
    const QByteArray mediaType =
            request.header("content-type").split(';').first().trimmed().toLower();
    if (mediaType == "text/csv") {
        file.format = ImportFormat::Csv;
    } else if (mediaType == "application/x-ndjson") {
        file.format = ImportFormat::Ndjson;
    } else {
        return Error::make(ErrorCode::UnsupportedMediaType,
                u"Send the file as text/csv or application/x-ndjson."_s);
    }
    file.body = request.body;
    return Work([file = std::move(file)](db::Connection &c, const Principal &p) {
        return importFile(c, p, file);
    });
}

} // namespace

void registerImportRoutes(http::HttpContext &context)
{
    http::addRoutes(context,
            {{HttpMethod::Post, QString::fromLatin1(kImportPath), Access::SignedIn, importRoute}});
}

} // namespace influence::server::analytics
