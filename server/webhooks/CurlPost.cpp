// SPDX-License-Identifier: Apache-2.0
#include "CurlPost.h"

#include "Targets.h"
#include "core/net/Curl.h"
#include "core/net/HttpFetcher.h"

#include <QFile>

#include <algorithm>
#include <memory>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace influence::server::webhooks {

namespace {

constexpr qint64 kMaxAnswer = qint64{64} * 1024;

/// What the callbacks of one transfer see.
struct Transfer
{
    const QList<QHostAddress> *allowed = nullptr;
    qint64 received = 0;
    bool tooLarge = false;
    QString refusedAddress;
};

/// Reads (and drops) the answer's body, aborting past the cap.
size_t discard([[maybe_unused]] char *data, size_t size, size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    transfer->received += static_cast<qint64>(size * count);
    if (transfer->received > kMaxAnswer) {
        transfer->tooLarge = true;
        return 0; // CURLE_WRITE_ERROR
    }
    return size * count;
}

/// The last guard: a socket is opened only towards an address that was checked.
curl_socket_t openChecked(void *userData, curlsocktype purpose, curl_sockaddr *address)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const QHostAddress target(&address->addr);
    const bool allowed = purpose == CURLSOCKTYPE_IPCXN
            && std::ranges::any_of(*transfer->allowed, [&target](const QHostAddress &a) {
                   return a.isEqual(target, QHostAddress::StrictConversion);
               });
    if (!allowed) {
        transfer->refusedAddress = target.toString();
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

/// This thread's easy handle: its connection cache outlives one delivery.
CURL *threadHandle()
{
    thread_local const std::unique_ptr<CURL, net::EasyCleanup> handle(curl_easy_init());
    if (handle) {
        curl_easy_reset(handle.get()); // options only: connections and pinned names stay
    }
    return handle.get();
}

} // namespace

Outcome postPinned(const QUrl &url, const QList<QHostAddress> &addresses,
        const QList<std::pair<QByteArray, QByteArray>> &headers, const QByteArray &body,
        std::chrono::milliseconds timeout, const QString &caFile)
{
    const QString where = net::withoutQuery(url);
    CURL *curl = net::initialiseCurl() == CURLE_OK ? threadHandle() : nullptr;
    if (!curl) {
        return {0, u"libcurl cannot be initialised"_s};
    }
    curl_slist *rawHeaders = nullptr;
    const auto addHeader = [&rawHeaders](const QByteArray &line) {
        if (curl_slist *grown = curl_slist_append(rawHeaders, line.constData())) {
            rawHeaders = grown;
        }
    };
    // As QNetworkAccessManager sent them through net::HttpFetcher; no "Expect: 100-continue".
    addHeader("Accept: application/json");
    addHeader("User-Agent: influence-server");
    addHeader("Content-Type: application/json");
    addHeader("Expect:");
    for (const auto &[name, value] : headers) {
        addHeader(name + ": " + value);
    }
    const std::unique_ptr<curl_slist, net::ListCleanup> headerList(rawHeaders);
    const QByteArray pin = curlResolveEntry(url, addresses);
    const std::unique_ptr<curl_slist, net::ListCleanup> resolve(
            pin.isEmpty() ? nullptr : curl_slist_append(nullptr, pin.constData()));
    const QByteArray urlText = url.toEncoded();
    const QByteArray caPath = QFile::encodeName(caFile);
    Transfer transfer;
    transfer.allowed = &addresses;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    CURLcode result = CURLE_OK;
    const auto set = [&result, curl](CURLoption option, auto value) {
        if (result == CURLE_OK) {
            result = curl_easy_setopt(curl, option, value);
        }
    };
    set(CURLOPT_URL, urlText.constData());
    set(CURLOPT_PROTOCOLS_STR, "http,https");
    set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set(CURLOPT_FOLLOWLOCATION, 0L);
    set(CURLOPT_PROXY, ""); // no proxy from the environment: it would resolve the name itself
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_ERRORBUFFER, errorBuffer);
    set(CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!caPath.isEmpty()) {
        // In place of the CA bundle; the CA directory (the system's) stays.
        set(CURLOPT_CAINFO, caPath.constData());
    }
    if (resolve) {
        set(CURLOPT_RESOLVE, resolve.get());
    }
    set(CURLOPT_OPENSOCKETFUNCTION, &openChecked);
    set(CURLOPT_OPENSOCKETDATA, &transfer);
    set(CURLOPT_HTTPHEADER, headerList.get());
    set(CURLOPT_POSTFIELDS, body.constData());
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    set(CURLOPT_WRITEFUNCTION, &discard);
    set(CURLOPT_WRITEDATA, &transfer);
    if (result == CURLE_OK) {
        result = curl_easy_perform(curl);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (transfer.tooLarge) {
        return {0, u"%1 answered with more than %2 bytes"_s.arg(where).arg(kMaxAnswer)};
    }
    if (!transfer.refusedAddress.isEmpty()) {
        return {0,
                u"%1: the connection to %2 was refused (not a checked address)"_s.arg(
                        where, transfer.refusedAddress)};
    }
    if (result == CURLE_OPERATION_TIMEDOUT) {
        return {0, u"%1 did not answer within %2 ms"_s.arg(where).arg(timeout.count())};
    }
    if (result != CURLE_OK) {
        const QString why = QString::fromUtf8(
                errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(result));
        return {static_cast<int>(status), u"cannot reach %1: %2"_s.arg(where, why.left(200))};
    }
    if (status >= 200 && status < 300) {
        return {static_cast<int>(status), {}};
    }
    return {static_cast<int>(status), u"HTTP %1"_s.arg(status)};
}

} // namespace influence::server::webhooks
