// SPDX-License-Identifier: Apache-2.0
// "My brand" against a real server (offscreen): a new brand user has no brand profile, is told
// (on Home too, which shows the dashboard once the brand exists) to create one before campaigns,
// and does not see the owner's audit log; the form refuses what the server would (nothing sent);
// created, the API reads it back and the audit log appears; staff acting for another's brand own
// none and see no audit log; staff of two brands choose a new campaign's brand; an unreachable
// server shows the error state with Retry; German. The GUI thread never freezes waiting.
#include "DesktopTestSupport.h"
#include "campaigns/CampaignDialog.h"
#include "campaigns/CampaignsModel.h"
#include "campaigns/CampaignsView.h"
#include "home/HomeDashboard.h"
#include "home/HomeView.h"
#include "money/AuditLogPage.h"
#include "money/PayoutsPage.h"
#include "profiles/BrandProfileView.h"
#include "profiles/OwnProfileView.h"
#include "widgets/BrandPicker.h"

#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::BrandPicker;
using influence::desktop::BrandProfileView;
using influence::desktop::CampaignDialog;
using influence::desktop::CampaignsView;
using influence::desktop::HomeDashboard;
using influence::desktop::HomeView;
using influence::tests::kTimeout;

class TestDesktopBrand : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    QString m_owner;
    QString m_ownerToken;

    BrandProfileView *page() { return m_window->brandProfilePage(); }

    /// The sidebar's entry of `page`.
    QListWidgetItem *sidebarItem(QWidget *shown)
    {
        auto *pages = find<QWidget>(u"pages"_s);
        auto *sidebar = find<QListWidget>(u"navigation"_s);
        const int index = pages->layout()->indexOf(shown);
        for (int row = 0; sidebar && row < sidebar->count(); ++row) {
            QListWidgetItem *item = sidebar->item(row);
            if ((item->flags() & Qt::ItemIsSelectable) != 0
                    && item->data(Qt::UserRole).toInt() == index) {
                return item;
            }
        }
        return nullptr;
    }

    void waitForTheForm()
    {
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), BrandProfileView::State::Editing, kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(), qPrintable(m_server->error()));
        m_owner = signUp(u"brand"_s);
        QVERIFY(!m_owner.isEmpty());
        m_ownerToken = login(m_owner);
        QVERIFY(!m_ownerToken.isEmpty());
        QVERIFY(startApp(QSize(1280, 800)));
    }

    void cleanupTestCase()
    {
        reportStalls(u"with the brand profile"_s);
        stop();
    }

    void aNewBrandIsAskedToCreateItsProfile()
    {
        tests::StallMeter stalls;
        signInAs(m_owner);
        // Without a brand profile the user owns no brand: the owner's audit log is not offered.
        QTRY_VERIFY_WITH_TIMEOUT(sidebarItem(m_window->auditLogPage())->isHidden(), kTimeout);
        QVERIFY(!sidebarItem(page())->isHidden());
        QVERIFY(sidebarItem(m_window->ownProfilePage())->isHidden());
        // Home points there instead of a dashboard the server would refuse.
        HomeView *home = m_window->homePage();
        showPage(home);
        QTRY_VERIFY_WITH_TIMEOUT(home->needsBrand(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(home->state(), HomeView::State::Loaded, kTimeout);
        QVERIFY(find<QFrame>(u"homeBrandSetup"_s)->isVisible());
        QVERIFY(!home->dashboard()->summary()->isVisible());
        QVERIFY(!home->dashboard()->filterBar()->isVisible());
        QCOMPARE(home->dashboard()->state(), HomeDashboard::State::Idle); // nothing asked
        tests::saveScreenshot(m_window.get(), u"home-new-brand-en"_s);
        find<QPushButton>(u"homeBrandSetupButton"_s)->click();
        QCOMPARE(m_window->currentPage(), page());
        waitForTheForm();
        QVERIFY(!page()->exists());
        QVERIFY(find<QLabel>(u"brandProfileIntro"_s)->text().contains(u"no profile yet"_s));
        QCOMPARE(
                find<QPushButton>(u"saveBrandProfileButton"_s)->text(), u"&Create brand profile"_s);
        record(stalls);
    }

    void theFormRefusesWhatTheServerWould()
    {
        page()->setCompanyName(u"  "_s);
        page()->setWebsite(u"ftp://files.example"_s);
        QVERIFY(!page()->save());
        QCOMPARE(page()->fieldError(u"companyName"_s), u"Please fill this in."_s);
        QVERIFY2(page()->fieldError(u"website"_s).contains(u"https://"_s),
                qPrintable(page()->fieldError(u"website"_s)));
        QCOMPARE(page()->statusText(), u"Please correct the marked fields."_s);
        QVERIFY(find<QLabel>(u"websiteError"_s)->isVisibleTo(page()));
        // Nothing was sent.
        QCOMPARE(m_http->get(u"/api/v1/me/brand"_s, tests::as(m_ownerToken)).status, 404);
    }

    void createdItIsTheBrandsAndTheAuditLogAppears()
    {
        tests::StallMeter stalls;
        page()->setCompanyName(u"Summit Boots"_s);
        page()->setWebsite(u"https://summit.example"_s);
        page()->setIndustry(u"Outdoor gear"_s);
        page()->setCountry(u"AT"_s);
        clickWhenEnabled(u"saveBrandProfileButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->statusText(),
                u"Brand profile created. You can now create campaigns."_s, kTimeout);
        QVERIFY(page()->exists());
        QVERIFY(page()->fieldError(u"companyName"_s).isEmpty());
        QVERIFY(page()->fieldError(u"website"_s).isEmpty());
        QCOMPARE(find<QPushButton>(u"saveBrandProfileButton"_s)->text(), u"&Save"_s);
        const QJsonObject stored = get(u"/api/v1/me/brand"_s, m_ownerToken);
        QCOMPARE(stored[u"companyName"_s].toString(), u"Summit Boots"_s);
        QCOMPARE(stored[u"website"_s].toString(), u"https://summit.example"_s);
        QCOMPARE(stored[u"industry"_s].toString(), u"Outdoor gear"_s);
        QCOMPARE(stored[u"country"_s].toString(), u"AT"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!sidebarItem(m_window->auditLogPage())->isHidden(), kTimeout);
        // Home now shows the brand's dashboard.
        showPage(m_window->homePage());
        QTRY_COMPARE_WITH_TIMEOUT(
                m_window->homePage()->dashboard()->state(), HomeDashboard::State::Loaded, kTimeout);
        QVERIFY(!m_window->homePage()->needsBrand());
        QVERIFY(!find<QFrame>(u"homeBrandSetup"_s)->isVisible());
        QVERIFY(m_window->homePage()->dashboard()->summary()->isVisible());
        showPage(page());
        // The server now lets the user create campaigns.
        const QJsonObject campaign{{u"name"_s, u"Summit launch"_s},
                {u"objective"_s, u"awareness"_s}, {u"platforms"_s, QJsonArray{u"instagram"_s}},
                {u"budgetMinor"_s, 100000}, {u"currency"_s, u"EUR"_s}};
        const tests::HttpReply created = post(u"/api/v1/campaigns"_s, m_ownerToken, campaign);
        QVERIFY2(created.status == 201, created.body.constData());
        record(stalls);
        tests::saveScreenshot(m_window.get(), u"brand-profile-en"_s);

        // A change made elsewhere shows after a reload; a later save keeps the brand's id.
        QCOMPARE(m_http->send("PATCH", u"/api/v1/me/brand"_s,
                               tests::compact({{u"industry"_s, u"Footwear"_s}}),
                               tests::as(m_ownerToken))
                         .status,
                200);
        page()->reload();
        waitForTheForm();
        QCOMPARE(find<QLineEdit>(u"brandIndustry"_s)->text(), u"Footwear"_s);
        QCOMPARE(find<QComboBox>(u"brandCountry"_s)->currentData().toString(), u"AT"_s);
        page()->setCompanyName(u"Summit Boots GmbH"_s);
        clickWhenEnabled(u"saveBrandProfileButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->statusText(), u"Saved."_s, kTimeout);
        QCOMPARE(get(u"/api/v1/me/brand"_s, m_ownerToken)[u"companyName"_s].toString(),
                u"Summit Boots GmbH"_s);
    }

    void staffOfAnotherBrandSeeNoAuditLog()
    {
        const QString staff = signUp(u"brand"_s);
        const QString staffToken = login(staff);
        const QString staffId = get(u"/api/v1/me"_s, staffToken)[u"id"_s].toString();
        const QString brandId = get(u"/api/v1/me"_s, m_ownerToken)[u"id"_s].toString();
        QVERIFY(!staffId.isEmpty() && !brandId.isEmpty());
        QCOMPARE(post(u"/api/v1/brands/%1/members"_s.arg(brandId), m_ownerToken,
                         {{u"userId"_s, staffId}})
                         .status,
                201);
        signInAs(staff);
        QTRY_VERIFY_WITH_TIMEOUT(sidebarItem(m_window->auditLogPage())->isHidden(), kTimeout);
        QVERIFY(!sidebarItem(m_window->payoutsPage())->isHidden());
        showPage(page());
        waitForTheForm();
        QVERIFY(!page()->exists());
        QVERIFY(find<QLineEdit>(u"brandCompanyName"_s)->text().isEmpty());
        // The owner again: the form is theirs, and the audit log is back.
        signInAs(m_owner);
        waitForTheForm();
        QTRY_COMPARE_WITH_TIMEOUT(
                find<QLineEdit>(u"brandCompanyName"_s)->text(), u"Summit Boots GmbH"_s, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!sidebarItem(m_window->auditLogPage())->isHidden(), kTimeout);
    }

    /// Staff acting for two brands choose whose a new campaign is; an owner of one brand is
    /// not asked.
    void staffOfTwoBrandsChooseTheCampaignsBrand()
    {
        const TwoBrands brands = staffOfTwoBrands(m_ownerToken, u"Zephyr Outdoor"_s);
        QVERIFY(!brands.staffEmail.isEmpty());
        const QString &zephyr = brands.second;
        const QString &zephyrToken = brands.secondToken;
        const QString &staff = brands.staffEmail;
        CampaignsView *campaigns = m_window->campaignsPage();
        const qsizetype summitCampaigns =
                get(u"/api/v1/campaigns"_s, m_ownerToken)[u"items"_s].toArray().size();

        signInAs(m_owner);
        showPage(campaigns);
        CampaignDialog *dialog = campaigns->newCampaign();
        QVERIFY(dialog && dialog->brandPicker());
        QTRY_COMPARE_WITH_TIMEOUT(
                dialog->brandPicker()->state(), BrandPicker::State::Loaded, kTimeout);
        QVERIFY(!dialog->brandPicker()->isVisible()); // one brand: nothing to choose
        QVERIFY(dialog->brandId().isEmpty());
        dialog->reject();

        tests::StallMeter stalls;
        signInAs(staff);
        showPage(campaigns);
        dialog = campaigns->newCampaign();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->brandPicker()->isVisible(), kTimeout);
        QCOMPARE(dialog->brandPicker()->combo()->count(), 2);
        QVERIFY(dialog->brandPicker()->choose(zephyr));
        const auto field = [dialog](const QString &name) {
            return dialog->findChild<QLineEdit *>(name);
        };
        field(u"campaignName"_s)->setText(u"Zephyr spring"_s);
        dialog->findChild<QPlainTextEdit *>(u"campaignBrief"_s)->setPlainText(u"Tents."_s);
        field(u"campaignPlatforms"_s)->setText(u"instagram"_s);
        field(u"campaignDeliverableTypes"_s)->setText(u"reel"_s);
        field(u"campaignBudget"_s)->setText(u"1000"_s);
        field(u"campaignStartDate"_s)->setText(QDate::currentDate().toString(Qt::ISODate));
        field(u"campaignEndDate"_s)
                ->setText(QDate::currentDate().addDays(30).toString(Qt::ISODate));
        tests::saveScreenshot(dialog, u"campaign-dialog-brand-picker"_s);
        QVERIFY(dialog->submit());
        QTRY_VERIFY_WITH_TIMEOUT(!campaigns->dialog(), kTimeout);
        record(stalls);
        const QJsonArray zephyrs = get(u"/api/v1/campaigns"_s, zephyrToken)[u"items"_s].toArray();
        QCOMPARE(zephyrs.size(), 1);
        QCOMPARE(zephyrs.first()[u"name"_s].toString(), u"Zephyr spring"_s);
        QCOMPARE(zephyrs.first()[u"brandId"_s].toString(), zephyr);
        QCOMPARE(get(u"/api/v1/campaigns"_s, m_ownerToken)[u"items"_s].toArray().size(),
                summitCampaigns);

        // The list shows every brand's campaigns with a Brand column, or one brand's.
        BrandPicker *listPicker = campaigns->brandPicker();
        campaigns->reload();
        QTRY_COMPARE_WITH_TIMEOUT(listPicker->state(), BrandPicker::State::Loaded, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(campaigns->state(), CampaignsView::State::Loaded, kTimeout);
        QVERIFY(listPicker->isVisible());
        QCOMPARE(listPicker->combo()->count(), 3);
        QCOMPARE(listPicker->combo()->currentText(), u"All brands"_s);
        QCOMPARE(campaigns->model()->rowCount(), summitCampaigns + 1);
        auto *table = find<QTableView>(u"campaignsTable"_s);
        QVERIFY(!table->isColumnHidden(desktop::CampaignsModel::Brand));
        QVERIFY(campaigns->csv().startsWith("Campaign,Brand,"));
        QVERIFY(listPicker->choose(zephyr));
        QTRY_COMPARE_WITH_TIMEOUT(campaigns->model()->rowCount(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(campaigns->state(), CampaignsView::State::Loaded, kTimeout);
        QCOMPARE(campaigns->model()->campaignAt(0)->details.name, u"Zephyr spring"_s);
        QVERIFY(table->isColumnHidden(desktop::CampaignsModel::Brand));
        tests::saveScreenshot(campaigns, u"campaigns-brand-filter"_s);
        // Payouts too: every brand's, or one brand's.
        desktop::PayoutsPage *payouts = m_window->payoutsPage();
        showPage(payouts);
        QTRY_COMPARE_WITH_TIMEOUT(
                payouts->brandPicker()->state(), BrandPicker::State::Loaded, kTimeout);
        QVERIFY(payouts->brandPicker()->isVisible());
        QCOMPARE(payouts->brandPicker()->combo()->currentText(), u"All brands"_s);
        QVERIFY(payouts->query().brandId.isEmpty());
        QVERIFY(payouts->brandPicker()->choose(zephyr));
        QCOMPARE(payouts->query().brandId, zephyr);
        QTRY_COMPARE_WITH_TIMEOUT(payouts->state(), desktop::PayoutsPage::State::Loaded, kTimeout);
        signInAs(m_owner);
        QVERIFY(!listPicker->isVisible());
        showPage(page());
        waitForTheForm();
    }

    void unreachableServerShowsTheErrorState()
    {
        tests::StallMeter stalls;
        const QUrl real = m_server->url();
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl unreachable(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
        probe.close();
        m_api->setBaseUrl(unreachable);
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->state(), BrandProfileView::State::Failed, kTimeout);
        auto *error = find<QLabel>(u"brandProfileError"_s);
        QVERIFY2(error->text().contains(u"The server could not be reached."_s),
                qPrintable(error->text()));
        m_api->setBaseUrl(real);
        QTest::mouseClick(find<QPushButton>(u"retryBrandProfileButton"_s), Qt::LeftButton);
        waitForTheForm();
        QCOMPARE(find<QLineEdit>(u"brandCompanyName"_s)->text(), u"Summit Boots GmbH"_s);
        record(stalls);
    }

    void inGerman()
    {
        QVERIFY(m_languages->apply(u"de"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page()->windowTitle(), u"Meine Marke"_s, kTimeout);
        QCOMPARE(find<QPushButton>(u"saveBrandProfileButton"_s)->text(), u"&Speichern"_s);
        // The outcome of the last save was English news: gone.
        QVERIFY(page()->statusText().isEmpty());
        QCoreApplication::sendPostedEvents();
        tests::saveScreenshot(m_window.get(), u"brand-profile-de"_s);
        QVERIFY(m_languages->apply(u"en"_s));
    }
};

QTEST_MAIN(TestDesktopBrand)
#include "tst_desktop_brand.moc"
