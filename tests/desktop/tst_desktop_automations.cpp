// SPDX-License-Identifier: Apache-2.0
// Automations against a real server (offscreen). A brand with two public campaigns, to which two
// creators applied in the last days, opens the Automations page: empty, it offers a template.
// From "Welcome applicants", narrowed to one campaign, the preview (dry run) finds the
// application it would have welcomed and the one it would have skipped, with the reason. Saved,
// the rule is listed; a new application to that campaign fires it (the history shows the message
// sent) and one to the other campaign is skipped with its reason. The editor opens it as saved
// and changes its delay. Disabled with its switch, it fires no more; deleted after the question,
// the page is empty again. The viral-post template asks for a shortlist before it can be saved.
// With the server gone the list shows its error and Retry. The GUI thread never freezes waiting;
// screenshots of the editor and the page.
#include "DesktopTestSupport.h"
#include "automations/AutomationsPage.h"
#include "automations/FiringsTable.h"
#include "automations/RuleDetailPanel.h"
#include "automations/RuleEditorDialog.h"
#include "automations/RuleText.h"
#include "automations/TemplateGallery.h"
#include "widgets/BrandPicker.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::AutomationsPage;
using influence::desktop::BrandPicker;
using influence::desktop::FiringsTable;
using influence::desktop::RuleDetailPanel;
using influence::desktop::RuleEditorDialog;
using influence::desktop::RuleText;
using influence::desktop::TemplateGallery;
using influence::tests::kTimeout;

class TestDesktopAutomations : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_brandEmail;
    QString m_brandToken;
    QString m_lake; ///< the campaign the rule is narrowed to
    QString m_city;
    QStringList m_creatorTokens; ///< Alpha, Beta, Gamma
    QString m_ruleId;

    AutomationsPage *page() { return m_window->automationsPage(); }

    QString campaign(const QString &name)
    {
        const QJsonObject campaign{{u"name"_s, name}, {u"brief"_s, u"Lakes and streets."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 500000},
                {u"currency"_s, u"EUR"_s}, {u"visibility"_s, u"public"_s}};
        const QString id =
                post(u"/api/v1/campaigns"_s, m_brandToken, campaign).json()[u"id"_s].toString();
        if (post(u"/api/v1/campaigns/%1/launch"_s.arg(id), m_brandToken).status != 200) {
            qWarning("campaign %s was not launched", qPrintable(name));
        }
        return id;
    }

    QString creator(const QString &name)
    {
        const QString token = login(signUp(u"influencer"_s));
        const QJsonObject profile{{u"displayName"_s, name}, {u"bio"_s, u"Lakes."_s},
                {u"niches"_s, QJsonArray{u"travel"_s}}, {u"country"_s, u"AT"_s}};
        m_http->send("PUT", u"/api/v1/me/influencer"_s, tests::compact(profile), tests::as(token));
        return token;
    }

    int apply(int creator, const QString &campaignId)
    {
        return post(u"/api/v1/campaigns/%1/applications"_s.arg(campaignId),
                m_creatorTokens.at(creator), {{u"message"_s, u"Count me in."_s}})
                .status;
    }

    QJsonArray firingsOnServer()
    {
        return get(u"/api/v1/rules/%1/firings"_s.arg(m_ruleId), m_brandToken)[u"items"_s].toArray();
    }

    static bool allSettled(const QJsonArray &firings)
    {
        return std::ranges::none_of(firings, [](const QJsonValue &firing) {
            return firing[u"status"_s].toString() == u"pending"_s;
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_brandToken = login(m_brandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        m_lake = campaign(u"Lake series"_s);
        m_city = campaign(u"City series"_s);
        QVERIFY(!m_lake.isEmpty() && !m_city.isEmpty());
        m_creatorTokens = {creator(u"Quillon Alpha"_s), creator(u"Quillon Beta"_s),
                creator(u"Quillon Gamma"_s)};
        // Before any rule: what the dry run looks back on.
        QCOMPARE(apply(0, m_lake), 201);
        QCOMPARE(apply(1, m_city), 201);
        QVERIFY(startApp(QSize(1280, 800)));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        reportStalls(u"with automations"_s);
        stop();
    }

    void emptyPageOffersATemplate()
    {
        signInAs(m_brandEmail);
        tests::StallMeter stalls;
        showPage(page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        QVERIFY(page()->rules().isEmpty());
        auto *empty = find<QLabel>(page(), u"rulesEmpty"_s);
        QVERIFY(empty && empty->isVisible());
        QCOMPARE(empty->text(), u"No automations yet — start from a template."_s);
        auto *action = find<QPushButton>(page(), u"rulesEmptyAction"_s);
        QVERIFY(action && action->isVisible());
        QVERIFY(!find<QPushButton>(page(), u"editRuleButton"_s)->isEnabled());
        record(stalls);
    }

    void templateToDryRunToSave()
    {
        tests::StallMeter stalls;
        QTest::mouseClick(find<QPushButton>(page(), u"rulesEmptyAction"_s), Qt::LeftButton);
        TemplateGallery *gallery = page()->gallery();
        QVERIFY(gallery);
        QTRY_COMPARE_WITH_TIMEOUT(gallery->state(), TemplateGallery::State::Loaded, kTimeout);
        QStringList codes;
        for (const auto &ruleTemplate : gallery->templates()) {
            codes << ruleTemplate.code;
        }
        for (const QString &code :
                {u"approve_payout_on_approval"_s, u"thank_on_live"_s, u"nudge_overdue"_s,
                        u"notify_budget_80"_s, u"shortlist_viral_post"_s, u"welcome_applicant"_s}) {
            QVERIFY2(codes.contains(code), qPrintable(code));
        }
        // Named by the desktop, not the server.
        QVERIFY(gallery->list()
                        ->item(static_cast<int>(codes.indexOf(u"welcome_applicant"_s)))
                        ->text()
                        .startsWith(u"Welcome applicants\n"_s));
        QVERIFY(gallery->choose(u"welcome_applicant"_s));

        RuleEditorDialog *editor = page()->editor();
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor->choicesLoaded(), kTimeout);
        QCOMPARE(editor->choices().campaigns.size(), 2);
        QCOMPARE(editor->definition().trigger.type, u"deal.applied"_s);
        QCOMPARE(editor->definition().name, u"Welcome applicants"_s); // the desktop's words
        QCOMPARE(editor->actionRows().size(), 1);
        QVERIFY(editor->actionRows().first()->textEdit()->toPlainText().contains(
                u"{{campaign.name}}"_s));
        // Narrowed to the lake campaign, named in the picker.
        editor->setName(u"Welcome lake applicants"_s);
        editor->addCondition({u"campaignId"_s, u"in"_s, QJsonArray{m_lake}, {}});
        auto *values = find<QToolButton>(editor->conditionRows().first(), u"conditionValues"_s);
        QCOMPARE(values->text(), u"Lake series"_s);
        // A fee bound is typed in its currency: the brand's campaigns' (EUR) is offered first,
        // the bound's own kept; the amount's decimals follow the currency.
        editor->addCondition({u"feeMinor"_s, u"gte"_s, 50000, u"JPY"_s});
        auto *currency = find<QComboBox>(editor->conditionRows().at(1), u"conditionCurrency"_s);
        auto *amount = find<QDoubleSpinBox>(editor->conditionRows().at(1), u"conditionAmount"_s);
        QCOMPARE(currency->itemText(0), u"EUR"_s);
        QCOMPARE(currency->currentText(), u"JPY"_s);
        QCOMPARE(amount->decimals(), 0);
        QCOMPARE(amount->value(), 50000.0);
        QCOMPARE(editor->definition().conditions.at(1).value.toInteger(), 50000);
        currency->setCurrentIndex(0);
        QCOMPARE(amount->decimals(), 2);
        amount->setValue(500.25);
        const auto fee = editor->definition().conditions.at(1);
        QCOMPARE(fee.currency, u"EUR"_s);
        QCOMPARE(fee.value.toInteger(), 50025);
        QCOMPARE(RuleText::condition(fee, {}), u"Fee at least €500.25"_s);
        QTest::mouseClick(find<QToolButton>(editor->conditionRows().at(1), u"removeRowButton"_s),
                Qt::LeftButton);
        // A condition added by mistake goes with its ✕.
        editor->addCondition({u"platform"_s, u"in"_s, QJsonArray{u"tiktok"_s}, {}});
        QCOMPARE(editor->conditionRows().size(), 2);
        QCOMPARE(find<QToolButton>(editor->conditionRows().at(1), u"conditionValues"_s)->text(),
                u"TikTok"_s);
        QTest::mouseClick(find<QToolButton>(editor->conditionRows().at(1), u"removeRowButton"_s),
                Qt::LeftButton);
        QCOMPARE(editor->conditionRows().size(), 1);
        QCOMPARE(editor->definition().conditions.size(), 1);
        // A placeholder the server does not know is refused before anything is sent.
        editor->actionRows().first()->textEdit()->setPlainText(u"Hi {{creator.nickname}}"_s);
        editor->preview();
        QCOMPARE(editor->dryRunState(), RuleEditorDialog::DryRunState::Idle);
        QCOMPARE(editor->errorText(), u"Action 1: uses an unknown placeholder"_s);
        editor->actionRows().first()->textEdit()->setPlainText(
                u"Welcome {{creator.name}} to {{campaign.name}}!"_s);

        editor->preview();
        QTRY_COMPARE_WITH_TIMEOUT(
                editor->dryRunState(), RuleEditorDialog::DryRunState::Done, kTimeout);
        QVERIFY(editor->errorText().isEmpty());
        QCOMPARE(editor->dryRun().wouldFire, 1);
        QCOMPARE(editor->dryRun().wouldSkip, 1);
        FiringsTable *preview = editor->previewTable();
        QCOMPARE(preview->rowCount(), 2);
        QVERIFY(preview->isVisible());
        QStringList outcomes;
        for (int row = 0; row < preview->rowCount(); ++row) {
            outcomes << preview->item(row, FiringsTable::StatusColumn)->text();
            const bool skipped =
                    preview->firings().at(row).status == common::RuleFiring::Status::WouldSkip;
            // Why the other was skipped; what the fired one would have done.
            QCOMPARE(preview->item(row, FiringsTable::ReasonColumn)->text().isEmpty(), !skipped);
            if (!skipped) {
                QCOMPARE(preview->firings().at(row).event.campaignId, m_lake);
            }
        }
        outcomes.sort();
        QCOMPARE(outcomes, QStringList({u"Would fire"_s, u"Would skip"_s}));
        QCOMPARE(find<QLabel>(editor, u"dryRunSummary"_s)->text(),
                u"Over the last 30 days this rule would have fired once and skipped 1 event."_s);
        tests::saveScreenshot(editor, u"automations-dry-run"_s);

        editor->save();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->editor(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page()->rules().size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        const common::Rule &rule = page()->rules().first();
        m_ruleId = rule.id;
        QCOMPARE(rule.templateCode, u"welcome_applicant"_s);
        QCOMPARE(rule.definition.conditions.size(), 1);
        QVERIFY(rule.enabled);
        QTableWidget *table = page()->table();
        QCOMPARE(table->item(0, AutomationsPage::NameColumn)->text(), u"Welcome lake applicants"_s);
        QCOMPARE(table->item(0, AutomationsPage::TriggerColumn)->text(),
                u"When a creator applies to a campaign, at once"_s);
        QCOMPARE(table->item(0, AutomationsPage::EnabledColumn)->checkState(), Qt::Checked);
        QCOMPARE(table->item(0, AutomationsPage::LastFiredColumn)->text(), u"never"_s);
        QCOMPARE(page()->currentRuleId(), m_ruleId);
        QTRY_VERIFY_WITH_TIMEOUT(
                page()->detail()->summaryText().contains(u"only if Campaign is Lake series"_s),
                kTimeout);
        record(stalls);
        // On the server as the editor showed it.
        const QJsonObject saved = get(u"/api/v1/rules/"_s + m_ruleId, m_brandToken);
        QCOMPARE(saved[u"conditions"_s][0][u"value"_s][0].toString(), m_lake);
        QCOMPARE(saved[u"actions"_s][0][u"params"_s][u"text"_s].toString(),
                u"Welcome {{creator.name}} to {{campaign.name}}!"_s);
    }

    void historyShowsFiringsAfterEvents()
    {
        QVERIFY(!m_ruleId.isEmpty());
        // Gamma applies to the lake (fires), Alpha to the city (skipped: another campaign).
        QCOMPARE(apply(2, m_lake), 201);
        QTRY_COMPARE_WITH_TIMEOUT(firingsOnServer().size(), 1, kTimeout);
        QCOMPARE(apply(0, m_city), 201);
        QTRY_COMPARE_WITH_TIMEOUT(firingsOnServer().size(), 2, kTimeout);
        // Both firings settled (they run as queued jobs, in either order).
        QTRY_VERIFY_WITH_TIMEOUT(allSettled(firingsOnServer()), kTimeout);

        tests::StallMeter stalls;
        clickWhenEnabled(u"refreshRulesButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        RuleDetailPanel *detail = page()->detail();
        detail->reloadHistory();
        QTRY_COMPARE_WITH_TIMEOUT(detail->historyState(), RuleDetailPanel::State::Loaded, kTimeout);
        FiringsTable *history = detail->history();
        QCOMPARE(history->rowCount(), 2);
        QCOMPARE(page()->rules().first().firingCount, 2);
        QVERIFY(page()->table()->item(0, AutomationsPage::LastFiredColumn)->text() != u"never"_s);
        // Newest first: the skipped city application, then the welcomed lake one.
        QCOMPARE(history->item(0, FiringsTable::StatusColumn)->text(), u"Skipped"_s);
        QVERIFY(!history->item(0, FiringsTable::ReasonColumn)->text().isEmpty());
        QCOMPARE(history->item(1, FiringsTable::StatusColumn)->text(), u"Done"_s);
        QVERIFY2(history->item(1, FiringsTable::ActionsColumn)
                         ->text()
                         .startsWith(u"✓ Send the creator a message"_s),
                qPrintable(history->item(1, FiringsTable::ActionsColumn)->text()));
        QVERIFY(!detail->hasMore());
        QVERIFY(!find<QPushButton>(detail, u"olderFiringsButton"_s)->isVisible());

        // A page at a time: the older firing comes with "Older firings", below the newer.
        detail->setPageSize(1);
        detail->reloadHistory();
        QTRY_COMPARE_WITH_TIMEOUT(detail->historyState(), RuleDetailPanel::State::Loaded, kTimeout);
        QCOMPARE(history->rowCount(), 1);
        QVERIFY(detail->hasMore());
        clickWhenEnabled(u"olderFiringsButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 2, kTimeout);
        QCOMPARE(history->item(1, FiringsTable::StatusColumn)->text(), u"Done"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->hasMore(), kTimeout);
        detail->setPageSize(RuleDetailPanel::kPageSize);
        record(stalls);
        QTest::qWait(50);
        tests::saveScreenshot(m_window.get(), u"automations"_s);
    }

    void editorOpensTheRuleAsSavedAndChangesIt()
    {
        tests::StallMeter stalls;
        clickWhenEnabled(u"editRuleButton"_s);
        RuleEditorDialog *editor = page()->editor();
        QVERIFY(editor);
        QCOMPARE(editor->windowTitle(), u"Edit automation"_s);
        QTRY_VERIFY_WITH_TIMEOUT(editor->choicesLoaded(), kTimeout);
        // The form holds the rule as saved: sent back unchanged, it is the same rule.
        QCOMPARE(editor->definition(), page()->rules().first().definition);
        common::RuleDefinition later = editor->definition();
        later.delayMinutes = 2 * 60;
        editor->setDefinition(later);
        QCOMPARE(find<QSpinBox>(editor, u"ruleDelay"_s)->value(), 2);
        QSignalSpy changed(page(), &AutomationsPage::ruleChanged);
        editor->save();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeout);
        QCOMPARE(page()->table()->item(0, AutomationsPage::TriggerColumn)->text(),
                u"When a creator applies to a campaign, after 2 hours"_s);
        QVERIFY(page()->detail()->summaryText().startsWith(
                u"When a creator applies to a campaign, after 2 hours:"_s));
        QCOMPARE(page()->detail()->history()->rowCount(), 2); // the history stays
        record(stalls);
        QCOMPARE(get(u"/api/v1/rules/"_s + m_ruleId, m_brandToken)[u"delayMinutes"_s].toInt(), 120);
    }

    void disabledRuleFiresNoMore()
    {
        tests::StallMeter stalls;
        QSignalSpy changed(page(), &AutomationsPage::ruleChanged);
        page()->table()->item(0, AutomationsPage::EnabledColumn)->setCheckState(Qt::Unchecked);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeout);
        QVERIFY(!page()->rules().first().enabled);
        QCOMPARE(page()->messageText(), u"“Welcome lake applicants” is paused."_s);
        QCOMPARE(find<QPushButton>(page(), u"enableRuleButton"_s)->text(), u"Ena&ble"_s);
        record(stalls);
        QCOMPARE(get(u"/api/v1/rules/"_s + m_ruleId, m_brandToken)[u"enabled"_s].toBool(), false);
        QCOMPARE(apply(1, m_lake), 201);
        QTest::qWait(1500); // a job would have run by now
        QCOMPARE(firingsOnServer().size(), 2);
    }

    void deletedAfterTheQuestion()
    {
        tests::StallMeter stalls;
        clickWhenEnabled(u"deleteRuleButton"_s);
        QMessageBox *question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                (question = page()->findChild<QMessageBox *>(u"deleteRuleQuestion"_s)), kTimeout);
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(page()->rules().isEmpty(), kTimeout);
        QVERIFY(find<QLabel>(page(), u"rulesEmpty"_s)->isVisible());
        QVERIFY(page()->detail()->rule().id.isEmpty());
        record(stalls);
        QCOMPARE(m_http->get(u"/api/v1/rules/"_s + m_ruleId, tests::as(m_brandToken)).status, 404);
    }

    void viralPostTemplateAsksForAShortlist()
    {
        tests::StallMeter stalls;
        page()->newFromTemplate();
        TemplateGallery *gallery = page()->gallery();
        QVERIFY(gallery);
        QTRY_COMPARE_WITH_TIMEOUT(gallery->state(), TemplateGallery::State::Loaded, kTimeout);
        QVERIFY(gallery->choose(u"shortlist_viral_post"_s));
        RuleEditorDialog *editor = page()->editor();
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor->choicesLoaded(), kTimeout);
        auto *views = find<QSpinBox>(editor, u"ruleViews"_s);
        QVERIFY(views->isVisible());
        QCOMPARE(views->value(), 100000);
        QVERIFY(!find<QSpinBox>(editor, u"ruleShare"_s)->isVisible());
        // The brand has no list yet: the picker says where to make one, and Save refuses.
        QComboBox *lists = editor->actionRows().first()->shortlistBox();
        QVERIFY(lists->isVisible());
        QCOMPARE(lists->currentText(), u"No shortlists yet: make one on the Lists page"_s);
        editor->save();
        QVERIFY(!editor->isSaving());
        QCOMPARE(editor->errorText(), u"Action 1: is missing"_s);
        record(stalls);
        editor->close();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->editor(), kTimeout);
        QVERIFY(get(u"/api/v1/rules"_s, m_brandToken)[u"items"_s].toArray().isEmpty());
    }

    void errorStateWithRetry()
    {
        tests::StallMeter stalls;
        const QUrl server = m_api->baseUrl();
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s)); // nothing listens there
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Failed, kTimeout);
        auto *error = find<QLabel>(page(), u"rulesError"_s);
        QVERIFY(error && error->isVisible());
        QVERIFY(!error->text().isEmpty());
        m_api->setBaseUrl(server);
        clickWhenEnabled(u"retryRulesButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        record(stalls);
    }

    void editorInGerman()
    {
        QVERIFY(m_languages->apply(u"de"_s));
        tests::StallMeter stalls;
        page()->newFromTemplate();
        TemplateGallery *gallery = page()->gallery();
        QVERIFY(gallery);
        QTRY_COMPARE_WITH_TIMEOUT(gallery->state(), TemplateGallery::State::Loaded, kTimeout);
        QVERIFY(gallery->choose(u"welcome_applicant"_s));
        RuleEditorDialog *editor = page()->editor();
        QVERIFY(editor);
        QCOMPARE(editor->windowTitle(), u"Neue Automatisierung"_s);
        QCOMPARE(editor->definition().name, u"Bewerber begrüßen"_s);
        editor->preview();
        QTRY_COMPARE_WITH_TIMEOUT(
                editor->dryRunState(), RuleEditorDialog::DryRunState::Done, kTimeout);
        // Every application of the test so far, none skipped: there is no condition.
        QCOMPARE(editor->dryRun().wouldFire, 5);
        QCOMPARE(find<QLabel>(editor, u"dryRunSummary"_s)->text(),
                u"In den letzten 30 Tagen hätte diese Regel 5 Mal ausgelöst und 0 Ereignisse "
                "übersprungen."_s);
        QCOMPARE(editor->previewTable()->item(0, FiringsTable::StatusColumn)->text(),
                u"Würde auslösen"_s);
        tests::saveScreenshot(editor, u"automations-dry-run-de"_s);
        record(stalls);
        editor->close();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->editor(), kTimeout);
        QVERIFY(m_languages->apply(u"en"_s));
    }

    /// The server lists the latest 500 events and counts them all: the summary says so when
    /// the list is the shorter, in English and German.
    void dryRunSummarySaysWhenOnlyTheLatestAreListed()
    {
        common::RuleDryRun run;
        run.wouldFire = 650;
        run.wouldSkip = 12;
        run.items = QList<common::RuleFiring>(500);
        QCOMPARE(RuleText::dryRunSummary(run),
                u"Over the last 30 days this rule would have fired 650 times and skipped 12 "
                "events. The latest 500 are listed below."_s);
        QVERIFY(m_languages->apply(u"de"_s));
        const QString german = RuleText::dryRunSummary(run);
        QVERIFY(m_languages->apply(u"en"_s));
        QCOMPARE(german,
                u"In den letzten 30 Tagen hätte diese Regel 650 Mal ausgelöst und 12 Ereignisse "
                "übersprungen. Die neuesten 500 sind unten aufgeführt."_s);
        // All listed: nothing more to say.
        run.items.resize(662);
        QVERIFY(!RuleText::dryRunSummary(run).contains(u"latest"_s));
    }

    /// Staff acting for two brands pick the brand: its rules are listed, and a new rule is
    /// previewed on and saved to it. Someone with one brand never sees the picker.
    void staffOfTwoBrandsPickTheBrand()
    {
        signInAs(m_brandEmail);
        showPage(page());
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        QCOMPARE(page()->brandPicker()->brands().size(), 1);
        QVERIFY(!page()->brandPicker()->isVisible()); // the owner of one brand

        const TwoBrands brands = staffOfTwoBrands(m_brandToken, u"Zephyr Outdoor"_s);
        QVERIFY(!brands.staffEmail.isEmpty());
        const QString &zephyr = brands.second;
        const QString &zephyrToken = brands.secondToken;
        const QString &alpine = brands.first;
        const QString &staffEmail = brands.staffEmail;
        QJsonObject rule =
                get(u"/api/v1/rules/templates"_s, zephyrToken)[u"items"_s][0][u"rule"_s].toObject();
        rule[u"name"_s] = u"Zephyr's own"_s;
        QCOMPARE(post(u"/api/v1/rules"_s, zephyrToken, rule).status, 201);
        const QJsonObject zephyrCampaign{{u"name"_s, u"Zephyr peaks"_s}, {u"brief"_s, u"Peaks."_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"deliverableTypes"_s, QJsonArray{u"reel"_s}}, {u"budgetMinor"_s, 900000},
                {u"currency"_s, u"GBP"_s}, {u"visibility"_s, u"public"_s}};
        QCOMPARE(post(u"/api/v1/campaigns"_s, zephyrToken, zephyrCampaign).status, 201);
        const auto rulesOf = [this](const QString &brand) {
            return get(u"/api/v1/rules?brand="_s + brand, m_brandToken)[u"items"_s]
                    .toArray()
                    .size();
        };

        signInAs(staffEmail);
        tests::StallMeter stalls;
        showPage(page());
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        BrandPicker *picker = page()->brandPicker();
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->combo()->count(), 2);
        QCOMPARE(picker->combo()->itemText(0), u"Alpine Boots"_s);
        QCOMPARE(picker->combo()->itemText(1), u"Zephyr Outdoor"_s);
        QCOMPARE(picker->brandId(), alpine); // owning neither: the first by name
        QCOMPARE(page()->rules().size(), rulesOf(alpine));

        picker->combo()->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), AutomationsPage::State::Loaded, kTimeout);
        QCOMPARE(page()->rules().size(), 1);
        QCOMPARE(page()->rules().first().definition.name, u"Zephyr's own"_s);
        QCOMPARE(page()->rules().first().brandId, zephyr);
        tests::saveScreenshot(page(), u"automations-brand-picker"_s);

        page()->newFromTemplate();
        TemplateGallery *gallery = page()->gallery();
        QTRY_COMPARE_WITH_TIMEOUT(gallery->state(), TemplateGallery::State::Loaded, kTimeout);
        QVERIFY(gallery->choose(u"welcome_applicant"_s));
        RuleEditorDialog *editor = page()->editor();
        QVERIFY(editor);
        QCOMPARE(editor->brandId(), zephyr);
        // Its pickers offer Zephyr's campaigns only, and its fee bound Zephyr's currency.
        QTRY_VERIFY_WITH_TIMEOUT(editor->choicesLoaded(), kTimeout);
        QCOMPARE(editor->choices().campaigns.size(), 1);
        QCOMPARE(editor->choices().campaigns.first().second, u"Zephyr peaks"_s);
        QCOMPARE(editor->choices().currencies, QStringList{u"GBP"_s});
        editor->preview(); // on Zephyr's events: none yet
        QTRY_COMPARE_WITH_TIMEOUT(
                editor->dryRunState(), RuleEditorDialog::DryRunState::Done, kTimeout);
        QCOMPARE(editor->dryRun().wouldFire + editor->dryRun().wouldSkip, 0);
        editor->save();
        QTRY_VERIFY_WITH_TIMEOUT(!page()->editor(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page()->rules().size(), 2, kTimeout);
        QCOMPARE(get(u"/api/v1/rules?brand="_s + zephyr, zephyrToken)[u"items"_s].toArray().size(),
                2);
        record(stalls);
    }

    void creatorsDoNotSeeThePage()
    {
        const QString creatorEmail = signUp(u"influencer"_s);
        signInAs(creatorEmail);
        auto *navigation = find<QListWidget>(u"navigation"_s);
        QVERIFY(navigation);
        for (int row = 0; row < navigation->count(); ++row) {
            if (navigation->item(row)->text() == u"Automations"_s) {
                QVERIFY(navigation->item(row)->isHidden());
            }
        }
        QVERIFY(page()->rules().isEmpty()); // the brand's rules were forgotten on sign-out
        QVERIFY(page()->brandPicker()->brands().isEmpty());
        QVERIFY(!page()->brandPicker()->isVisible());
    }
};

QTEST_MAIN(TestDesktopAutomations)
#include "tst_desktop_automations.moc"
