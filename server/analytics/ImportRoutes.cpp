// SPDX-License-Identifier: Apache-2.0
#include "ImportRoutes.h"

#include "ImportSettings.h"
#include "Importer.h"
#include "core/http/Parameters.h"
#include "core/http/Request.h"
#include "core/http/RouteTable.h"

#include <atomic>
#include <memory>

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

/// Imports running (or queued for a database worker) in this process. An import holds one of the
/// pool's connections for seconds, so one at a time: the rest of the API keeps its connections.
std::atomic<int> g_importsRunning{0};
constexpr int kMaxConcurrentImports = 1;

/// Holds a place among the running imports until the work is done (or dropped unrun). Released
/// by the work itself before its answer goes out, so that a client sending its next file at
/// once never finds its own finished import still running.
class ImportSlot
{
public:
    ImportSlot() = default;
    ImportSlot(const ImportSlot &) = delete;
    ImportSlot &operator=(const ImportSlot &) = delete;
    ~ImportSlot() { release(); }
    void release()
    {
        if (!m_released.exchange(true)) {
            g_importsRunning.fetch_sub(1);
        }
    }

private:
    std::atomic<bool> m_released{false};
};

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
    if (g_importsRunning.fetch_add(1) >= kMaxConcurrentImports) {
        g_importsRunning.fetch_sub(1);
        return Error::unavailable(u"Another import is running; try again shortly."_s, 10);
    }
    auto slot = std::make_shared<ImportSlot>();
    file.body = request.body;
    return Work([file = std::move(file), slot = std::move(slot)](
                        db::Connection &c, const Principal &p) {
        auto report = importFile(c, p, file);
        slot->release();
        return report;
    });
}

} // namespace

void registerImportRoutes(http::HttpContext &context)
{
    http::addRoutes(context,
            {{HttpMethod::Post, QString::fromLatin1(kImportPath), Access::SignedIn, importRoute}});
}

} // namespace influence::server::analytics
