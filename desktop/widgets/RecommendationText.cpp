// SPDX-License-Identifier: Apache-2.0
#include "RecommendationText.h"

#include "common/Domain.h"
#include "widgets/AnalyticsText.h"
#include "widgets/LanguagePicker.h"
#include "widgets/Names.h"

#include <QHash>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;
using influence::common::RecommendationFactor;
using influence::common::RecommendationFacts;
using influence::common::SimilarTrait;

namespace influence::desktop {

namespace {

QString followers(std::optional<qint64> count)
{
    return count ? QLocale().toString(*count) : QString();
}

} // namespace

QString RecommendationText::factorName(RecommendationFactor factor)
{
    switch (factor) {
    case RecommendationFactor::Topic: return tr("Topic");
    case RecommendationFactor::Audience: return tr("Audience");
    case RecommendationFactor::Size: return tr("Size");
    case RecommendationFactor::Engagement: return tr("Engagement");
    case RecommendationFactor::Authenticity: return tr("Authenticity");
    case RecommendationFactor::Price: return tr("Price");
    case RecommendationFactor::Performance: return tr("Past performance");
    case RecommendationFactor::Declines: return tr("Declines");
    }
    return {};
}

QString RecommendationText::factorHelp(RecommendationFactor factor)
{
    switch (factor) {
    case RecommendationFactor::Topic:
        return tr("The brief and wanted niches against the creator's niches, bio and posts.");
    case RecommendationFactor::Audience:
        return tr("The audience's countries and languages against the campaign's targeting.");
    case RecommendationFactor::Size: return tr("Followers against the wanted range.");
    case RecommendationFactor::Engagement:
        return tr("Engagement rate against the platform's median.");
    case RecommendationFactor::Authenticity:
        return tr("How natural the follower growth looks (0–100).");
    case RecommendationFactor::Price:
        return tr("The creator's rate against what is left of the budget.");
    case RecommendationFactor::Performance:
        return tr("Cost per engagement on completed deals against the platform's median.");
    case RecommendationFactor::Declines: return tr("A penalty for invitations declined recently.");
    }
    return {};
}

QString RecommendationText::sentence(const common::RecommendationFactorScore &score)
{
    if (!score.factor) {
        return score.code;
    }
    const RecommendationFacts &f = score.facts;
    switch (*score.factor) {
    case RecommendationFactor::Topic: return topicSentence(f);
    case RecommendationFactor::Audience: return audienceSentence(f);
    case RecommendationFactor::Size: return sizeSentence(f);
    case RecommendationFactor::Engagement:
        if (!f.rate) {
            return tr("No engagement rate known yet");
        }
        return f.median ? tr("Engagement rate %1 against a median of %2")
                                  .arg(AnalyticsText::percent(f.rate, 1),
                                          AnalyticsText::percent(f.median, 1))
                        : tr("Engagement rate %1").arg(AnalyticsText::percent(f.rate, 1));
    case RecommendationFactor::Authenticity:
        return f.authenticityScore ? tr("Authenticity score %1 of 100").arg(*f.authenticityScore)
                                   : tr("Authenticity not assessed yet (counted as average)");
    case RecommendationFactor::Price: return priceSentence(f);
    case RecommendationFactor::Performance: {
        const QString text = performanceSentence(f);
        // Without deals of their own a creator is counted as the platform's median.
        return f.completedDeals.value_or(0) == 0 && score.value > 0
                ? tr("%1 (counted as average)").arg(text)
                : text;
    }
    case RecommendationFactor::Declines: {
        const qint64 declines = f.declines.value_or(0);
        const int days = static_cast<int>(f.days.value_or(90));
        if (declines == 0) {
            return tr("No invitation declined in the last %1 days").arg(days);
        }
        return declines == 1 ? tr("Declined one invitation in the last %1 days").arg(days)
                             : tr("Declined %n invitations in the last %1 days", nullptr,
                                     static_cast<int>(declines))
                                       .arg(days);
    }
    }
    return score.code;
}

QString RecommendationText::topicSentence(const RecommendationFacts &f)
{
    if (!f.matchedNiches.isEmpty() && !f.terms.isEmpty()) {
        return tr("Niches %1 match the campaign; bio and posts mention %2")
                .arg(list(f.matchedNiches), list(f.terms));
    }
    if (!f.matchedNiches.isEmpty()) {
        return tr("Niches %1 match the campaign").arg(list(f.matchedNiches));
    }
    if (!f.terms.isEmpty()) {
        return tr("Bio and posts mention %1").arg(list(f.terms));
    }
    return tr("No niche or word of the brief found in the profile or posts");
}

QString RecommendationText::audienceSentence(const RecommendationFacts &f)
{
    const QString wanted = f.targetCountries.isEmpty()
            ? tr("the campaign targets no country")
            : tr("the campaign targets %1").arg(f.targetCountries.join(u", "_s));
    QString text;
    if (f.source == u"audience"_s && f.share && !f.country.isEmpty()) {
        text = tr("%1 of the audience in %2; %3")
                       .arg(AnalyticsText::percent(f.share, 0), country(f.country), wanted);
    } else if (!f.country.isEmpty()) {
        text = tr("Based in %1 (no audience figures); %2").arg(country(f.country), wanted);
    } else {
        text = tr("Country not known; %1").arg(wanted);
    }
    if (!f.languages.isEmpty()) {
        QStringList names;
        for (const QString &code : f.languages) {
            names.append(language(code));
        }
        text += u"; "_s + tr("speaks %1").arg(list(names));
    }
    return text;
}

QString RecommendationText::sizeSentence(const RecommendationFacts &f)
{
    const QString count = followers(f.followers);
    if (f.minFollowers && f.maxFollowers) {
        return tr("%1 followers; the campaign wants %2 to %3")
                .arg(count, followers(f.minFollowers), followers(f.maxFollowers));
    }
    if (f.minFollowers) {
        return tr("%1 followers; the campaign wants at least %2")
                .arg(count, followers(f.minFollowers));
    }
    if (f.maxFollowers) {
        return tr("%1 followers; the campaign wants at most %2")
                .arg(count, followers(f.maxFollowers));
    }
    return tr("%1 followers; the campaign sets no range").arg(count);
}

QString RecommendationText::priceSentence(const RecommendationFacts &f)
{
    const auto known = common::deliverableTypeFromString(f.deliverableType);
    const QString type = known ? Names::deliverableType(*known) : f.deliverableType;
    if (!f.feeMinor) {
        // Without a rate in the campaign's currency the server does not count price at all.
        return type.isEmpty() ? tr("No rate in %1: price not counted").arg(f.currency)
                              : tr("No rate per %1 in %2: price not counted").arg(type, f.currency);
    }
    const QString fee = AnalyticsText::money(f.feeMinor, f.currency);
    return f.remainingMinor
            ? tr("Rate %1 per %2; %3 left in the budget")
                      .arg(fee, type, AnalyticsText::money(f.remainingMinor, f.currency))
            : tr("Rate %1 per %2").arg(fee, type);
}

QString RecommendationText::performanceSentence(const RecommendationFacts &f)
{
    const qint64 deals = f.completedDeals.value_or(0);
    if (deals == 0 || !f.cpeMinor) {
        return tr("No completed deals to judge by yet");
    }
    const QString cpe = AnalyticsText::ratioMoney(f.cpeMinor, f.currency);
    // English has no "(s)": the singular is its own text.
    const auto n = static_cast<int>(deals);
    if (!f.medianCpeMinor) {
        return n == 1 ? tr("One completed deal; cost per engagement %1").arg(cpe)
                      : tr("%n completed deals; cost per engagement %1", nullptr, n).arg(cpe);
    }
    const QString median = AnalyticsText::ratioMoney(f.medianCpeMinor, f.currency);
    return n == 1
            ? tr("One completed deal; cost per engagement %1 against a median of %2")
                      .arg(cpe, median)
            : tr("%n completed deals; cost per engagement %1 against a median of %2", nullptr, n)
                      .arg(cpe, median);
}

QString RecommendationText::reasons(const common::Recommendation &item)
{
    QString html = u"<table cellspacing=3>"_s;
    for (const common::RecommendationFactorScore &factor : item.factors) {
        const QString name = factor.factor ? factorName(*factor.factor) : factor.code;
        html += u"<tr><td><b>%1</b></td><td align=right>%2</td><td>%3</td></tr>"_s.arg(
                name.toHtmlEscaped(), contribution(factor.contribution),
                sentence(factor).toHtmlEscaped());
    }
    return html + u"</table>"_s;
}

QString RecommendationText::contribution(double value)
{
    // Two decimals of the 0..1 score; a true minus sign for penalties.
    const double rounded = std::round(value * 100.0) / 100.0;
    const QString number = QLocale().toString(std::abs(rounded), 'f', 2);
    if (rounded < 0) {
        return u"\u2212"_s + number;
    }
    return u"+"_s + number;
}

QString RecommendationText::score(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString RecommendationText::similarity(double value)
{
    return AnalyticsText::percent(value, 0);
}

QString RecommendationText::traitName(SimilarTrait trait)
{
    switch (trait) {
    case SimilarTrait::Niche: return tr("Niche");
    case SimilarTrait::Term: return tr("Topic word");
    case SimilarTrait::Country: return tr("Country");
    case SimilarTrait::Language: return tr("Language");
    case SimilarTrait::Platform: return tr("Platform");
    case SimilarTrait::Size: return tr("Size");
    }
    return {};
}

QString RecommendationText::traitValue(const common::SharedTrait &trait)
{
    if (!trait.trait) {
        return trait.value;
    }
    switch (*trait.trait) {
    case SimilarTrait::Country: return country(trait.value);
    case SimilarTrait::Language: return language(trait.value);
    case SimilarTrait::Platform: return AnalyticsText::platform(trait.value);
    case SimilarTrait::Size: return tr("%1 followers").arg(trait.value);
    case SimilarTrait::Niche: return Names::niche(trait.value);
    case SimilarTrait::Term: break;
    }
    return trait.value;
}

QString RecommendationText::trait(const common::SharedTrait &trait)
{
    return tr("%1: %2").arg(trait.trait ? traitName(*trait.trait) : trait.code, traitValue(trait));
}

QString RecommendationText::traits(const QList<common::SharedTrait> &traits)
{
    // One entry per kind of trait, its values together: "Niche: fitness, travel · Country: …".
    QStringList kinds;
    QHash<QString, QStringList> values;
    for (const common::SharedTrait &entry : traits) {
        if (!values.contains(entry.code)) {
            kinds.append(entry.code);
        }
        values[entry.code].append(traitValue(entry));
    }
    QStringList words;
    for (const QString &code : std::as_const(kinds)) {
        const auto known = common::similarTraitFromString(code);
        words.append(tr("%1: %2").arg(
                known ? traitName(*known) : code, values.value(code).join(u", "_s)));
    }
    return words.isEmpty() ? tr("nothing in particular") : words.join(u" · "_s);
}

QString RecommendationText::country(const QString &code)
{
    return Names::country(code);
}

QString RecommendationText::language(const QString &code)
{
    return LanguagePicker::name(code);
}

QString RecommendationText::list(const QStringList &items)
{
    if (items.size() <= 1) {
        return items.value(0);
    }
    return tr("%1 and %2").arg(items.mid(0, items.size() - 1).join(u", "_s), items.constLast());
}

} // namespace influence::desktop
