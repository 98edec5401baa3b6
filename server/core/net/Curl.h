// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <curl/curl.h>

/// What every libcurl user of the server shares (mail, webhook deliveries).
namespace influence::server::net {

/// libcurl's process-wide state, set up by whichever thread uses it first: a function-local
/// static is initialised exactly once (one for the whole program, the function being inline),
/// and later callers wait for it.
inline CURLcode initialiseCurl()
{
    static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
    return result;
}

struct EasyCleanup
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};

struct ListCleanup
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};

} // namespace influence::server::net
