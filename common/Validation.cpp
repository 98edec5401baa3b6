// SPDX-License-Identifier: Apache-2.0
#include "Validation.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace influence::common::validation {

namespace {

QSet<QString> splitSet(QLatin1StringView codes)
{
    const QStringList list = QString(codes).split(u' ', Qt::SkipEmptyParts);
    return {list.cbegin(), list.cend()};
}

// ISO 3166-1 alpha-2, officially assigned codes.
const QSet<QString> &countries()
{
    static const QSet<QString> set =
            splitSet("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
                     "BJ BL BM BN BO "
                     "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW "
                     "CX CY CZ DE DJ "
                     "DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH "
                     "GI GL GM GN GP "
                     "GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
                     "JM JO JP KE KG "
                     "KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
                     "MF MG MH MK ML "
                     "MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR "
                     "NU NZ OM PA PE "
                     "PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG "
                     "SH SI SJ SK SL "
                     "SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV "
                     "TW TZ UA UG UM "
                     "US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"_L1);
    return set;
}

// ISO 639-1 two-letter language codes.
const QSet<QString> &languages()
{
    static const QSet<QString> set = splitSet("aa ab ae af ak am an ar as av ay az ba be bg bi "
                                              "bm bn bo br bs ca ce ch co cr cs cu cv "
                                              "cy da de dv dz ee el en eo es et eu fa ff fi fj "
                                              "fo fr fy ga gd gl gn gu gv ha he hi ho "
                                              "hr ht hu hy hz ia id ie ig ii ik io is it iu ja "
                                              "jv ka kg ki kj kk kl km kn ko kr ks ku "
                                              "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk "
                                              "ml mn mr ms mt my na nb nd ne ng nl nn "
                                              "no nr nv ny oc oj om or os pa pi pl ps pt qu rm "
                                              "rn ro ru rw sa sc sd se sg si sk sl sm "
                                              "sn so sq sr ss st su sv sw ta te tg th ti tk tl "
                                              "tn to tr ts tt tw ty ug uk ur uz ve vi "
                                              "vo wa wo xh yi yo za zh zu"_L1);
    return set;
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

} // namespace

Result<QUuid> parseUuid(const QString &text, const QString &parameter)
{
    const auto invalid = [&parameter] {
        return Error::invalidParameter(parameter, u"invalid_uuid"_s,
                u"Must be a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427."_s);
    };
    if (text.size() != 36) {
        return invalid();
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text.at(i) != u'-' : !isHex(text.at(i))) {
            return invalid();
        }
    }
    return QUuid::fromString(text);
}

QString uuidText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool isEmailAddress(const QString &text)
{
    if (text.size() < 3 || text.size() > 254) {
        return false;
    }
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || at > 64 || at != text.lastIndexOf(u'@')) {
        return false;
    }
    const QStringView domain = QStringView(text).sliced(at + 1);
    if (domain.size() < 3 || !domain.contains(u'.') || domain.startsWith(u'.')
            || domain.endsWith(u'.') || domain.contains(u".."_s)) {
        return false;
    }
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.isSpace() || c.category() == QChar::Other_Control || c == u'<' || c == u'>'
                || c == u',' || c == u';' || c == u'"' || c == u'\\';
    });
}

bool isCountryCode(const QString &text)
{
    return countries().contains(text);
}

bool isLanguageCode(const QString &text)
{
    return languages().contains(text);
}

void FieldErrors::add(const QString &field, const QString &code, const QString &message)
{
    m_errors.append({field, code, message});
}

void FieldErrors::checkLength(const QString &field, const QString &text, int min, int max)
{
    if (text.size() < min) {
        if (min <= 1) {
            add(field, u"required"_s, u"Is required."_s);
        } else {
            add(field, u"too_short"_s, u"Must have at least %1 characters."_s.arg(min));
        }
    } else if (text.size() > max) {
        add(field, u"too_long"_s, u"Must have at most %1 characters."_s.arg(max));
    }
}

} // namespace influence::common::validation
