// SPDX-License-Identifier: Apache-2.0
#include "SeedData.h"

#include <array>

using namespace Qt::StringLiterals;

namespace influence::server::seed {

namespace {

constexpr std::array kFirstNames{
        "Aaliyah"_L1,
        "Adrian"_L1,
        "Aiko"_L1,
        "Alejandro"_L1,
        "Amara"_L1,
        "Amelia"_L1,
        "Ana"_L1,
        "Andre"_L1,
        "Anika"_L1,
        "Arjun"_L1,
        "Ava"_L1,
        "Ayumi"_L1,
        "Beatriz"_L1,
        "Ben"_L1,
        "Bianca"_L1,
        "Camila"_L1,
        "Carlos"_L1,
        "Chen"_L1,
        "Chloe"_L1,
        "Chidi"_L1,
        "Clara"_L1,
        "Daniel"_L1,
        "Darius"_L1,
        "Deniz"_L1,
        "Diego"_L1,
        "Elena"_L1,
        "Elif"_L1,
        "Emeka"_L1,
        "Emil"_L1,
        "Emma"_L1,
        "Fatima"_L1,
        "Felix"_L1,
        "Freya"_L1,
        "Gabriel"_L1,
        "Grace"_L1,
        "Hana"_L1,
        "Hannah"_L1,
        "Hiro"_L1,
        "Ibrahim"_L1,
        "Ines"_L1,
        "Isabella"_L1,
        "Ivan"_L1,
        "Jae"_L1,
        "Jamal"_L1,
        "Jana"_L1,
        "Javier"_L1,
        "Jonas"_L1,
        "Julia"_L1,
        "Kai"_L1,
        "Kenji"_L1,
        "Kiara"_L1,
        "Laila"_L1,
        "Lars"_L1,
        "Layla"_L1,
        "Leon"_L1,
        "Lina"_L1,
        "Lucas"_L1,
        "Lucia"_L1,
        "Luka"_L1,
        "Maya"_L1,
        "Mateo"_L1,
        "Mia"_L1,
        "Min"_L1,
        "Nadia"_L1,
        "Naomi"_L1,
        "Nia"_L1,
        "Nico"_L1,
        "Noah"_L1,
        "Nora"_L1,
        "Oliver"_L1,
        "Olivia"_L1,
        "Omar"_L1,
        "Paulo"_L1,
        "Priya"_L1,
        "Rafael"_L1,
        "Ravi"_L1,
        "Rosa"_L1,
        "Sakura"_L1,
        "Samir"_L1,
        "Sara"_L1,
        "Sebastian"_L1,
        "Sofia"_L1,
        "Sven"_L1,
        "Tariq"_L1,
        "Thandiwe"_L1,
        "Theo"_L1,
        "Valentina"_L1,
        "Victor"_L1,
        "Yara"_L1,
        "Yuki"_L1,
        "Zara"_L1,
        "Zoe"_L1,
};

constexpr std::array kLastNames{
        "Abe"_L1,
        "Adeyemi"_L1,
        "Alvarez"_L1,
        "Andersson"_L1,
        "Bakker"_L1,
        "Becker"_L1,
        "Bianchi"_L1,
        "Brown"_L1,
        "Campbell"_L1,
        "Castro"_L1,
        "Chen"_L1,
        "Costa"_L1,
        "Dubois"_L1,
        "Evans"_L1,
        "Fernandes"_L1,
        "Fischer"_L1,
        "Garcia"_L1,
        "Gonzalez"_L1,
        "Gupta"_L1,
        "Hansen"_L1,
        "Hernandez"_L1,
        "Hoffmann"_L1,
        "Ito"_L1,
        "Jansen"_L1,
        "Johnson"_L1,
        "Kaya"_L1,
        "Kim"_L1,
        "Kowalski"_L1,
        "Kumar"_L1,
        "Lee"_L1,
        "Lopez"_L1,
        "Martin"_L1,
        "Martinez"_L1,
        "Meyer"_L1,
        "Moreau"_L1,
        "Morales"_L1,
        "Mueller"_L1,
        "Nakamura"_L1,
        "Nguyen"_L1,
        "Nowak"_L1,
        "Okafor"_L1,
        "Oliveira"_L1,
        "Park"_L1,
        "Patel"_L1,
        "Perez"_L1,
        "Petrov"_L1,
        "Ramirez"_L1,
        "Reyes"_L1,
        "Ricci"_L1,
        "Rodriguez"_L1,
        "Romano"_L1,
        "Rossi"_L1,
        "Santos"_L1,
        "Sato"_L1,
        "Schmidt"_L1,
        "Schneider"_L1,
        "Sharma"_L1,
        "Silva"_L1,
        "Singh"_L1,
        "Smith"_L1,
        "Suzuki"_L1,
        "Tanaka"_L1,
        "Taylor"_L1,
        "Thomas"_L1,
        "Torres"_L1,
        "Van Dijk"_L1,
        "Wagner"_L1,
        "Walker"_L1,
        "Wang"_L1,
        "Weber"_L1,
        "Williams"_L1,
        "Wilson"_L1,
        "Yamamoto"_L1,
        "Yilmaz"_L1,
        "Zhang"_L1,
};

constexpr std::array kTaglines{
        "Honest reviews, no filter."_L1,
        "Sharing what I love, one post at a time."_L1,
        "Weekly videos and daily stories."_L1,
        "Making the everyday a little more fun."_L1,
        "Tips, tutorials and behind the scenes."_L1,
        "Building a community of curious people."_L1,
        "Collabs welcome, DMs open."_L1,
        "Small budget, big ideas."_L1,
        "Here for the long game."_L1,
        "Real results, real people."_L1,
        "Coffee first, content second."_L1,
        "Slow living, good stories."_L1,
};

constexpr std::array kCompanyWords{
        "Aurora"_L1,
        "Blue"_L1,
        "Bright"_L1,
        "Cedar"_L1,
        "Coral"_L1,
        "Crest"_L1,
        "Ember"_L1,
        "Evergreen"_L1,
        "Fable"_L1,
        "Golden"_L1,
        "Harbor"_L1,
        "Lumen"_L1,
        "Maple"_L1,
        "Meridian"_L1,
        "Nimbus"_L1,
        "North"_L1,
        "Oak"_L1,
        "Orbit"_L1,
        "Pebble"_L1,
        "Pine"_L1,
        "Prism"_L1,
        "Quartz"_L1,
        "River"_L1,
        "Sage"_L1,
        "Solstice"_L1,
        "Summit"_L1,
        "Tidal"_L1,
        "Velvet"_L1,
        "Willow"_L1,
        "Zephyr"_L1,
};

constexpr std::array kCompanySuffixes{
        "Labs"_L1,
        "Apparel"_L1,
        "Cosmetics"_L1,
        "Foods"_L1,
        "Fitness"_L1,
        "Games"_L1,
        "Goods"_L1,
        "Studio"_L1,
        "Travel"_L1,
        "Audio"_L1,
        "Outdoors"_L1,
        "Home"_L1,
        "Skincare"_L1,
        "Coffee"_L1,
        "Tech"_L1,
        "Pets"_L1,
};

constexpr std::array kIndustries{
        "Apparel & fashion"_L1,
        "Beauty & personal care"_L1,
        "Consumer electronics"_L1,
        "Food & beverage"_L1,
        "Gaming"_L1,
        "Health & fitness"_L1,
        "Home & living"_L1,
        "Travel & hospitality"_L1,
        "Financial services"_L1,
        "Pet supplies"_L1,
        "Software"_L1,
        "Sports & outdoors"_L1,
};

constexpr std::array kCountries{
        CountryProfile{"US"_L1, 25, "en"_L1, "es"_L1, "USD"_L1, "Austin"_L1},
        CountryProfile{"GB"_L1, 8, "en"_L1, ""_L1, "GBP"_L1, "Manchester"_L1},
        CountryProfile{"DE"_L1, 6, "de"_L1, "en"_L1, "EUR"_L1, "Berlin"_L1},
        CountryProfile{"FR"_L1, 5, "fr"_L1, "en"_L1, "EUR"_L1, "Lyon"_L1},
        CountryProfile{"ES"_L1, 4, "es"_L1, "en"_L1, "EUR"_L1, "Valencia"_L1},
        CountryProfile{"IT"_L1, 4, "it"_L1, ""_L1, "EUR"_L1, "Milan"_L1},
        CountryProfile{"NL"_L1, 2, "nl"_L1, "en"_L1, "EUR"_L1, "Utrecht"_L1},
        CountryProfile{"SE"_L1, 1, "sv"_L1, "en"_L1, "SEK"_L1, "Gothenburg"_L1},
        CountryProfile{"PL"_L1, 2, "pl"_L1, "en"_L1, "PLN"_L1, "Krakow"_L1},
        CountryProfile{"BR"_L1, 8, "pt"_L1, ""_L1, "BRL"_L1, "Sao Paulo"_L1},
        CountryProfile{"MX"_L1, 5, "es"_L1, "en"_L1, "MXN"_L1, "Guadalajara"_L1},
        CountryProfile{"AR"_L1, 2, "es"_L1, ""_L1, "ARS"_L1, "Cordoba"_L1},
        CountryProfile{"CA"_L1, 4, "en"_L1, "fr"_L1, "CAD"_L1, "Toronto"_L1},
        CountryProfile{"AU"_L1, 3, "en"_L1, ""_L1, "AUD"_L1, "Melbourne"_L1},
        CountryProfile{"IN"_L1, 8, "hi"_L1, "en"_L1, "INR"_L1, "Bengaluru"_L1},
        CountryProfile{"ID"_L1, 4, "id"_L1, "en"_L1, "IDR"_L1, "Bandung"_L1},
        CountryProfile{"PH"_L1, 3, "tl"_L1, "en"_L1, "PHP"_L1, "Cebu"_L1},
        CountryProfile{"JP"_L1, 3, "ja"_L1, ""_L1, "JPY"_L1, "Osaka"_L1},
        CountryProfile{"KR"_L1, 2, "ko"_L1, "en"_L1, "KRW"_L1, "Busan"_L1},
        CountryProfile{"TR"_L1, 2, "tr"_L1, "en"_L1, "TRY"_L1, "Izmir"_L1},
        CountryProfile{"NG"_L1, 2, "en"_L1, "yo"_L1, "NGN"_L1, "Lagos"_L1},
        CountryProfile{"ZA"_L1, 1, "en"_L1, "zu"_L1, "ZAR"_L1, "Cape Town"_L1},
};

} // namespace

std::span<const QLatin1StringView> firstNames()
{
    return kFirstNames;
}
std::span<const QLatin1StringView> lastNames()
{
    return kLastNames;
}
std::span<const QLatin1StringView> bioTaglines()
{
    return kTaglines;
}
std::span<const QLatin1StringView> companyWords()
{
    return kCompanyWords;
}
std::span<const QLatin1StringView> companySuffixes()
{
    return kCompanySuffixes;
}
std::span<const QLatin1StringView> industries()
{
    return kIndustries;
}
std::span<const CountryProfile> countries()
{
    return kCountries;
}

} // namespace influence::server::seed
