// SPDX-License-Identifier: Apache-2.0
#include "SocialSettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::server::social {

bool SocialSettings::offersAnyPlatform() const
{
    return std::any_of(platforms.cbegin(), platforms.cend(), [](const PlatformClient &platform) {
        return !platform.clientId.isEmpty();
    });
}

QMap<QString, PlatformClient> SocialSettings::defaultPlatforms()
{
    return {{u"instagram"_s,
                    {{}, {}, u"https://www.instagram.com/oauth/authorize"_s,
                            u"https://api.instagram.com/oauth/access_token"_s,
                            u"https://graph.instagram.com"_s}},
            {u"youtube"_s,
                    {{}, {}, u"https://accounts.google.com/o/oauth2/v2/auth"_s,
                            u"https://oauth2.googleapis.com/token"_s,
                            u"https://www.googleapis.com"_s}},
            {u"tiktok"_s,
                    {{}, {}, u"https://www.tiktok.com/v2/auth/authorize/"_s,
                            u"https://open.tiktokapis.com/v2/oauth/token/"_s,
                            u"https://open.tiktokapis.com"_s}}};
}

} // namespace influence::server::social
