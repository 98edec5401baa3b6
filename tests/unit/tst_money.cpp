// SPDX-License-Identifier: Apache-2.0
// The shared money rules and readers (common/MoneyTypes, common/MoneyApi): wire names, the
// validation of payment terms (1–4 installments summing to 100 %, distinct conditions, net 0–120
// days; absent means live 100 %, net 30) alone and inside an offer, the installment split (floor
// for all but the last, which takes the rest), reading budgets, payouts, earnings, the payout
// account and ledger entries, the payouts query string, and the problems that carry money
// (budget_exceeded's remaining amount, payout_not_ready's missing requirements).
#include "common/CollabApi.h"
#include "common/MoneyApi.h"
#include "common/MoneyTypes.h"
#include "common/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace influence::common;

namespace {

QJsonObject part(const QString &on, int percent)
{
    return {{u"on"_s, on}, {u"percent"_s, percent}};
}

QJsonObject terms(const QJsonArray &schedule, const QJsonValue &netDays = 30)
{
    return {{u"schedule"_s, schedule}, {u"netDays"_s, netDays}};
}

QStringList fields(const Error &error)
{
    QStringList names;
    for (const FieldError &e : error.fieldErrors) {
        names << e.field;
    }
    return names;
}

QJsonObject payoutJson()
{
    return QJsonDocument::fromJson(
            R"({"id":"p1","dealId":"d1","campaignId":"c1",)"
            R"("campaignName":"Summit","brandId":"b1","brandName":"Alpine Boots","influencerId":"i1",)"
            R"("influencerName":"Lena Travels","installment":2,"condition":"live","percent":50,)"
            R"("amountMinor":192500,"currency":"EUR","state":"due","late":true,"dueDate":"2027-01-04",)"
            R"("conditionMetAt":"2026-12-05T10:00:00Z","approvedAt":null,"approvedBy":null,)"
            R"("paidAt":null,"method":null,"providerTransferId":null,"reference":null,)"
            R"("failureCode":null,"failureMessage":null,"attempts":0,)"
            R"("createdAt":"2026-12-05T10:00:00Z","updatedAt":"2026-12-05T10:00:00Z"})")
            .object();
}

} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireNamesRoundTrip()
    {
        QCOMPARE(moneyNames<PayoutState>(),
                QStringList({u"scheduled"_s, u"due"_s, u"approved"_s, u"processing"_s, u"paid"_s,
                        u"failed"_s, u"cancelled"_s}));
        for (const QString &name : moneyNames<PayoutState>()) {
            QCOMPARE(wireName(*moneyFromString<PayoutState>(name)), name);
        }
        QCOMPARE(wireName(PaymentCondition::Acceptance), u"acceptance"_s);
        QCOMPARE(wireName(TaxForm::W8BenE), u"W-8BEN-E"_s);
        QCOMPARE(wireName(TaxForm::EuVat), u"EU-VAT"_s);
        QCOMPARE(wireName(PayoutRequirement::PayoutAccount), u"payout_account"_s);
        QCOMPARE(wireName(LedgerAccountKind::ProviderClearing), u"provider_clearing"_s);
        QVERIFY(!moneyFromString<PayoutState>(u"Due"_s));
        QVERIFY(!paymentConditionFromString(QString()));
    }

    void paymentTermsValidation_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QStringList>("errorFields");
        QTest::addColumn<QStringList>("errorCodes");

        const QStringList none;
        QTest::newRow("absent: the default") << QJsonValue() << none << none;
        QTest::newRow("null: the default") << QJsonValue(QJsonValue::Null) << none << none;
        QTest::newRow("live 100, net 30")
                << QJsonValue(terms({part(u"live"_s, 100)})) << none << none;
        QTest::newRow("50/50, net 0")
                << QJsonValue(terms({part(u"acceptance"_s, 50), part(u"live"_s, 50)}, 0)) << none
                << none;
        QTest::newRow("four installments, net 120") << QJsonValue(
                terms({part(u"acceptance"_s, 10), part(u"approval"_s, 20), part(u"live"_s, 30),
                              part(u"completion"_s, 40)},
                        120)) << none << none;
        QTest::newRow("netDays absent: 30")
                << QJsonValue(QJsonObject{{u"schedule"_s, QJsonArray{part(u"approval"_s, 100)}}})
                << none << none;

        QTest::newRow("not an object") << QJsonValue(u"live"_s) << QStringList{u"paymentTerms"_s}
                                       << QStringList{u"invalid_value"_s};
        QTest::newRow("no schedule")
                << QJsonValue(QJsonObject{{u"netDays"_s, 30}})
                << QStringList{u"paymentTerms.schedule"_s} << QStringList{u"required"_s};
        QTest::newRow("empty schedule")
                << QJsonValue(terms({})) << QStringList{u"paymentTerms.schedule"_s}
                << QStringList{u"invalid_value"_s};
        QTest::newRow("five installments")
                << QJsonValue(terms({part(u"acceptance"_s, 20), part(u"approval"_s, 20),
                           part(u"live"_s, 20), part(u"completion"_s, 20), part(u"live"_s, 20)}))
                << QStringList{u"paymentTerms.schedule"_s} << QStringList{u"invalid_value"_s};
        QTest::newRow("sum 90") << QJsonValue(
                terms({part(u"acceptance"_s, 40), part(u"live"_s, 50)}))
                                << QStringList{u"paymentTerms.schedule"_s}
                                << QStringList{u"invalid_value"_s};
        QTest::newRow("sum 110") << QJsonValue(
                terms({part(u"acceptance"_s, 60), part(u"live"_s, 50)}))
                                 << QStringList{u"paymentTerms.schedule"_s}
                                 << QStringList{u"invalid_value"_s};
        QTest::newRow("a condition twice")
                << QJsonValue(terms({part(u"live"_s, 50), part(u"live"_s, 50)}))
                << QStringList{u"paymentTerms.schedule[1].on"_s} << QStringList{u"duplicate"_s};
        QTest::newRow("unknown condition")
                << QJsonValue(terms({part(u"signature"_s, 100)}))
                << QStringList{u"paymentTerms.schedule[0].on"_s} << QStringList{u"invalid_value"_s};
        QTest::newRow("percent 0")
                << QJsonValue(terms({part(u"acceptance"_s, 0), part(u"live"_s, 100)}))
                << QStringList{u"paymentTerms.schedule[0].percent"_s}
                << QStringList{u"out_of_range"_s};
        QTest::newRow("percent 101") << QJsonValue(terms({part(u"live"_s, 101)}))
                                     << QStringList{u"paymentTerms.schedule[0].percent"_s}
                                     << QStringList{u"out_of_range"_s};
        QTest::newRow("percent 50.5")
                << QJsonValue(terms({QJsonObject{{u"on"_s, u"live"_s}, {u"percent"_s, 50.5}},
                           QJsonObject{{u"on"_s, u"acceptance"_s}, {u"percent"_s, 49.5}}}))
                << QStringList{u"paymentTerms.schedule[0].percent"_s,
                           u"paymentTerms.schedule[1].percent"_s}
                << QStringList{u"out_of_range"_s, u"out_of_range"_s};
        QTest::newRow("percent as text")
                << QJsonValue(terms({QJsonObject{{u"on"_s, u"live"_s}, {u"percent"_s, u"100"_s}}}))
                << QStringList{u"paymentTerms.schedule[0].percent"_s}
                << QStringList{u"out_of_range"_s};
        QTest::newRow("netDays -1")
                << QJsonValue(terms({part(u"live"_s, 100)}, -1))
                << QStringList{u"paymentTerms.netDays"_s} << QStringList{u"out_of_range"_s};
        QTest::newRow("netDays 121")
                << QJsonValue(terms({part(u"live"_s, 100)}, 121))
                << QStringList{u"paymentTerms.netDays"_s} << QStringList{u"out_of_range"_s};
        QTest::newRow("netDays 1.5")
                << QJsonValue(terms({part(u"live"_s, 100)}, 1.5))
                << QStringList{u"paymentTerms.netDays"_s} << QStringList{u"out_of_range"_s};
    }

    void paymentTermsValidation()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, errorFields);
        QFETCH(QStringList, errorCodes);
        const auto result = validatePaymentTerms(value, u"paymentTerms"_s);
        if (errorFields.isEmpty()) {
            QVERIFY2(result, result ? "" : qPrintable(fields(result.error()).join(u", "_s)));
            // What the server stores is what a client sends back: the round trip is exact.
            const auto again = validatePaymentTerms(result->toJson(), u"paymentTerms"_s);
            QVERIFY(again);
            QCOMPARE(*again, *result);
            return;
        }
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::ValidationFailed);
        QCOMPARE(fields(result.error()), errorFields);
        QStringList codes;
        for (const FieldError &e : result.error().fieldErrors) {
            codes << e.code;
        }
        QCOMPARE(codes, errorCodes);
    }

    void defaultTerms()
    {
        const PaymentTerms defaults;
        QCOMPARE(defaults.schedule.size(), 1);
        QCOMPARE(defaults.schedule.first().condition, PaymentCondition::Live);
        QCOMPARE(defaults.schedule.first().percent, 100);
        QCOMPARE(defaults.netDays, 30);
        QCOMPARE(*validatePaymentTerms(QJsonValue(), u"paymentTerms"_s), defaults);
        QCOMPARE(defaults.toJson(),
                QJsonDocument::fromJson(
                        R"({"schedule":[{"on":"live","percent":100}],"netDays":30})")
                        .object());
    }

    void offersCarryTerms()
    {
        QJsonObject offer{{u"deliverables"_s,
                                  QJsonArray{QJsonObject{{u"type"_s, u"reel"_s},
                                          {u"platform"_s, u"instagram"_s}, {u"quantity"_s, 1},
                                          {u"dueDate"_s, u"2027-03-01"_s}}}},
                {u"feeMinor"_s, 385000}, {u"currency"_s, u"EUR"_s}};
        // Without terms: the default.
        auto plain = collab::validateOffer(offer);
        QVERIFY(plain);
        QCOMPARE(plain->paymentTerms, PaymentTerms{});
        // With terms: read, and sent again by offerJson.
        offer.insert(
                u"paymentTerms"_s, terms({part(u"acceptance"_s, 50), part(u"live"_s, 50)}, 14));
        auto split = collab::validateOffer(offer);
        QVERIFY(split);
        QCOMPARE(split->paymentTerms.schedule.size(), 2);
        QCOMPARE(split->paymentTerms.netDays, 14);
        QCOMPARE(offerJson(*split).value(u"paymentTerms"_s).toObject(),
                offer.value(u"paymentTerms"_s).toObject());
        // Invalid terms are the offer's field errors, under its prefix.
        offer.insert(u"paymentTerms"_s, terms({part(u"live"_s, 60)}, 200));
        auto wrong = collab::validateOffer(offer, u"offer."_s);
        QVERIFY(!wrong);
        QCOMPARE(fields(wrong.error()),
                QStringList({u"offer.paymentTerms.schedule"_s, u"offer.paymentTerms.netDays"_s}));
    }

    void dealTermsComeFromTheFrozenTerms()
    {
        const QJsonObject offer{{u"id"_s, u"o1"_s},
                {u"deliverables"_s,
                        QJsonArray{
                                QJsonObject{{u"type"_s, u"reel"_s}, {u"platform"_s, u"instagram"_s},
                                        {u"quantity"_s, 1}, {u"dueDate"_s, u"2027-03-01"_s}}}},
                {u"feeMinor"_s, 1000}, {u"currency"_s, u"EUR"_s},
                {u"paymentTerms"_s, terms({part(u"approval"_s, 100)}, 10)}};
        QJsonObject deal{
                {u"id"_s, u"d1"_s}, {u"state"_s, u"negotiating"_s}, {u"latestOffer"_s, offer}};
        auto open = Deal::fromJson(deal);
        QVERIFY(open);
        QCOMPARE(open->paymentTerms.schedule.first().condition, PaymentCondition::Approval);
        QCOMPARE(open->paymentTerms.netDays, 10);
        deal.insert(u"state"_s, u"accepted"_s);
        deal.insert(u"terms"_s,
                QJsonObject{{u"paymentTerms"_s,
                        terms({part(u"acceptance"_s, 30), part(u"completion"_s, 70)}, 0)}});
        auto accepted = Deal::fromJson(deal);
        QVERIFY(accepted);
        QCOMPARE(accepted->paymentTerms.schedule.size(), 2);
        QCOMPARE(accepted->paymentTerms.schedule.at(1).condition, PaymentCondition::Completion);
        QCOMPARE(accepted->paymentTerms.netDays, 0);
    }

    void installmentSplit_data()
    {
        QTest::addColumn<qint64>("fee");
        QTest::addColumn<QList<int>>("percents");
        QTest::addColumn<QList<qint64>>("amounts");

        QTest::newRow("one") << qint64(385000) << QList<int>{100} << QList<qint64>{385000};
        QTest::newRow("halves") << qint64(385000) << QList<int>{50, 50}
                                << QList<qint64>{192500, 192500};
        QTest::newRow("odd cents: the last takes the rest")
                << qint64(1001) << QList<int>{50, 50} << QList<qint64>{500, 501};
        QTest::newRow("thirds") << qint64(100) << QList<int>{33, 33, 34}
                                << QList<qint64>{33, 33, 34};
        QTest::newRow("floors, not rounds")
                << qint64(999) << QList<int>{33, 33, 34} << QList<qint64>{329, 329, 341};
        QTest::newRow("a zero installment")
                << qint64(1) << QList<int>{50, 50} << QList<qint64>{0, 1};
        QTest::newRow("zero fee") << qint64(0) << QList<int>{10, 90} << QList<qint64>{0, 0};
        QTest::newRow("four parts") << qint64(12345) << QList<int>{10, 20, 30, 40}
                                    << QList<qint64>{1234, 2469, 3703, 4939};
        QTest::newRow("the largest fee") << qint64(9'000'000'000'000) << QList<int>{1, 99}
                                         << QList<qint64>{90'000'000'000, 8'910'000'000'000};
    }

    void installmentSplit()
    {
        QFETCH(qint64, fee);
        QFETCH(QList<int>, percents);
        QFETCH(QList<qint64>, amounts);
        QList<Installment> schedule;
        const PaymentCondition conditions[] = {PaymentCondition::Acceptance,
                PaymentCondition::Approval, PaymentCondition::Live, PaymentCondition::Completion};
        for (qsizetype i = 0; i < percents.size(); ++i) {
            schedule.append({conditions[i], percents.at(i)});
        }
        const QList<qint64> split = PaymentTerms{schedule, 30}.split(fee);
        QCOMPARE(split, amounts);
        qint64 sum = 0;
        for (const qint64 amount : split) {
            sum += amount;
        }
        QCOMPARE(sum, fee);
    }

    void budgetIsRead()
    {
        const auto budget = CampaignBudget::fromJson(QJsonDocument::fromJson(
                R"({"campaignId":"c1","currency":"EUR","budgetMinor":1500000,)"
                R"("committedMinor":385000,"paidMinor":0,"remainingMinor":1115000,)"
                R"("deals":[{"dealId":"d1","influencerName":"Lena Travels","reservedMinor":192500,)"
                R"("payableMinor":192500,"paidMinor":0}]})")
                                                             .object());
        QVERIFY(budget);
        QCOMPARE(budget->budgetMinor, 1500000);
        QCOMPARE(budget->committedMinor + budget->paidMinor + budget->remainingMinor,
                budget->budgetMinor);
        QCOMPARE(budget->deals.size(), 1);
        QCOMPARE(budget->deals.first().influencerName, u"Lena Travels"_s);
        QCOMPARE(budget->deals.first().payableMinor, 192500);
        QVERIFY(!CampaignBudget::fromJson({{u"campaignId"_s, u"c1"_s}, {u"currency"_s, u"EU"_s}}));
    }

    void payoutIsRead()
    {
        const auto payout = Payout::fromJson(payoutJson());
        QVERIFY(payout);
        QCOMPARE(payout->state, PayoutState::Due);
        QCOMPARE(payout->installment, 2);
        QCOMPARE(payout->condition, PaymentCondition::Live);
        QCOMPARE(payout->amount, (Money{192500, u"EUR"_s}));
        QVERIFY(payout->late);
        QCOMPARE(payout->dueDate, QDate(2027, 1, 4));
        QVERIFY(payout->conditionMetAt.isValid());
        QVERIFY(!payout->approvedAt.isValid());
        QVERIFY(!payout->method);
        QJsonObject paid = payoutJson();
        paid.insert(u"state"_s, u"paid"_s);
        paid.insert(u"method"_s, u"offline"_s);
        paid.insert(u"reference"_s, u"SEPA-42"_s);
        QCOMPARE(Payout::fromJson(paid)->method, PayoutMethod::Offline);
        QCOMPARE(Payout::fromJson(paid)->reference, u"SEPA-42"_s);
        QJsonObject unknown = payoutJson();
        unknown.insert(u"state"_s, u"refunded"_s);
        QVERIFY(!Payout::fromJson(unknown));

        QList<Payout> list{*payout, *payout};
        list[1].amount = {5000, u"USD"_s};
        const auto totals = payoutTotals(list + QList<Payout>{*payout});
        QCOMPARE(totals.value(u"EUR"_s), 385000);
        QCOMPARE(totals.value(u"USD"_s), 5000);
    }

    void earningsAreRead()
    {
        const auto earnings = Earnings::fromJson(QJsonDocument::fromJson(
                R"({"totals":[{"currency":"EUR","expectedMinor":192500,"scheduledMinor":0,)"
                R"("dueMinor":192500,"lateMinor":0,"processingMinor":0,"paidMinor":1000}],)"
                R"("deals":[{"dealId":"d1","campaignName":"Summit","brandName":"Alpine Boots",)"
                R"("feeMinor":385000,"currency":"EUR","expectedMinor":192500,)"
                R"("scheduledMinor":0,"dueMinor":192500,"lateMinor":0,"paidMinor":0,)"
                R"("nextDueDate":"2027-01-04"}],)"
                R"("readiness":{"ready":false,"missing":["payout_account","tax_form","kyc"]}})")
                                                         .object());
        QVERIFY(earnings);
        QCOMPARE(earnings->totals.size(), 1);
        QCOMPARE(earnings->totals.first().dueMinor, 192500);
        QCOMPARE(earnings->totals.first().paidMinor, 1000);
        QCOMPARE(earnings->deals.first().fee, (Money{385000, u"EUR"_s}));
        QCOMPARE(earnings->deals.first().nextDueDate, QDate(2027, 1, 4));
        QVERIFY(!earnings->readiness.ready);
        QCOMPARE(earnings->readiness.missing,
                QList<PayoutRequirement>(
                        {PayoutRequirement::PayoutAccount, PayoutRequirement::TaxForm}));
        QCOMPARE(earnings->readiness.unknownMissing, QStringList{u"kyc"_s});
        QVERIFY(!Earnings::fromJson({}));
    }

    void payoutAccountRoundTrip()
    {
        PayoutAccountInput input{u"acct_123"_s, TaxForm::W8Ben, QDate(2026, 11, 30)};
        QCOMPARE(input.toJson(),
                QJsonDocument::fromJson(
                        R"({"accountId":"acct_123","taxForm":"W-8BEN","taxFormReceivedOn":"2026-11-30"})")
                        .object());
        input.taxFormReceivedOn = {};
        QVERIFY(input.toJson().value(u"taxFormReceivedOn"_s).isNull());

        const auto account = PayoutAccount::fromJson(QJsonDocument::fromJson(
                R"({"provider":"stripe","accountId":"acct_123","payoutsEnabled":false,)"
                R"("taxForm":"W-9","taxFormReceivedOn":null,"ready":false,)"
                R"("missing":["payout_account"],"updatedAt":"2026-12-05T10:00:00Z"})")
                                                             .object());
        QVERIFY(account);
        QCOMPARE(account->taxForm, TaxForm::W9);
        QVERIFY(!account->taxFormReceivedOn.isValid());
        QVERIFY(!account->payoutsEnabled);
        QCOMPARE(account->readiness.missing, {PayoutRequirement::PayoutAccount});
        QVERIFY(!PayoutAccount::fromJson({{u"taxForm"_s, u"1040"_s}}));
    }

    void ledgerEntryIsRead()
    {
        const auto entry = LedgerEntry::fromJson(QJsonDocument::fromJson(
                R"({"id":7,"transferId":"t1","account":{"id":3,"kind":"deal_reserved",)"
                R"("campaignId":"c1","dealId":"d1"},"amountMinor":-1000,"currency":"EUR",)"
                R"("balanceAfterMinor":0,"cause":"reservation","dealId":"d1","payoutId":null,)"
                R"("actorId":"u1","at":"2026-12-05T10:00:00Z"})")
                                                         .object());
        QVERIFY(entry);
        QCOMPARE(entry->id, 7);
        QCOMPARE(entry->accountKind, LedgerAccountKind::DealReserved);
        QCOMPARE(entry->amount, (Money{-1000, u"EUR"_s}));
        QCOMPARE(entry->accountDealId, u"d1"_s);
        QVERIFY(entry->payoutId.isEmpty());
        QVERIFY(!LedgerEntry::fromJson({{u"id"_s, 1}}));
    }

    void payoutQueryString()
    {
        PayoutQuery query;
        QCOMPARE(query.toUrlQuery().toString(), u"limit=100"_s);
        query.state = PayoutState::Failed;
        query.campaignId = u"c1"_s;
        query.creatorId = u"i1"_s;
        query.dueBefore = QDate(2027, 1, 31);
        query.lateOnly = true;
        query.limit = 50;
        query.cursor = u"abc"_s;
        QCOMPARE(query.toUrlQuery().toString(),
                u"state=failed&campaign=c1&creator=i1&dueBefore=2027-01-31&late=true&limit=50&"
                "cursor=abc"_s);
    }

    void problemsCarryMoney()
    {
        const Error exceeded = errorFromProblem(409,
                R"({"type":"/docs#problem-budget_exceeded","title":"Budget exceeded","status":409,)"
                R"("detail":"The budget does not cover this fee.",)"
                R"("code":"budget_exceeded","remainingMinor":115000,"currency":"EUR"})");
        QCOMPARE(exceeded.codeName(), u"budget_exceeded"_s);
        QCOMPARE(remainingBudget(exceeded), (Money{115000, u"EUR"_s}));
        QVERIFY(!missingForPayout(exceeded).ready);
        QVERIFY(missingForPayout(exceeded).missing.isEmpty());

        const Error notReady = errorFromProblem(409,
                R"({"status":409,"code":"payout_not_ready","missing":["tax_form"],"id":"p1"})");
        QCOMPARE(missingForPayout(notReady).missing, {PayoutRequirement::TaxForm});
        QCOMPARE(notReady.extensions.value(u"id"_s).toString(), u"p1"_s);
        QVERIFY(!remainingBudget(notReady));

        // The members beyond the standard ones go out again as they came.
        const QJsonObject again = problemToJson(exceeded, u"r1"_s, u"/x"_s);
        QCOMPARE(again.value(u"remainingMinor"_s).toInteger(), 115000);
        QCOMPARE(again.value(u"code"_s).toString(), u"budget_exceeded"_s);
        QCOMPARE(again.value(u"requestId"_s).toString(), u"r1"_s);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
