// SPDX-License-Identifier: Apache-2.0
// The Webhooks page against a real server (offscreen), delivering to the real receiver of
// tests/peers/webhooks, which verifies every delivery with the standardwebhooks npm package: the
// empty state and the error state (server unreachable, then Retry); brand staff add an endpoint
// pointing at the receiver (the desktop refuses a non-https address first), read the secret from
// the once-dialog (kept nowhere else), send a test event that arrives verified with that secret
// and shows as delivered in the log; rotate (the new secret shown once, both sign meanwhile);
// the receiver fails and a delivery is replayed under the same webhook-id until it arrives; the
// log is paged; a failing endpoint says since when; an endpoint is deleted; creators do not see the
// page; and a server that refuses local targets gets its refusal shown as the translated sentence,
// in German. The GUI thread never freezes waiting; a screenshot.
#include "DesktopTestSupport.h"
#include "NodePeer.h"
#include "webhooks/WebhookDialog.h"
#include "webhooks/WebhookSecretDialog.h"
#include "webhooks/WebhooksPage.h"
#include "widgets/BrandPicker.h"
#include "widgets/ErrorText.h"
#include "widgets/StateStack.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace influence;
using influence::desktop::BrandPicker;
using influence::desktop::StateStack;
using influence::desktop::WebhookDialog;
using influence::desktop::WebhookSecretDialog;
using influence::desktop::WebhooksPage;
using influence::tests::kTimeout;
using Status = influence::common::WebhookDelivery::Status;

namespace {

const QString kPeerDir = QStringLiteral(INFLUENCE_WEBHOOKS_PEER_DIR);

void configure(server::Config &config)
{
    config.webhooks.allowLocalTargets = true;
    config.webhooks.retrySeconds = {1, 1, 1, 1, 1};
    config.webhooks.timeout = std::chrono::seconds(3);
    config.jobs.poll = std::chrono::milliseconds(100);
}

} // namespace

class TestDesktopWebhooks : public QObject, public tests::DesktopFixture
{
    Q_OBJECT

private:
    tests::NodePeer m_peer;
    std::unique_ptr<tests::HttpTestClient> m_peerClient;
    QString m_brandEmail;
    QString m_brandToken;
    QString m_secret;
    QString m_oldSecret;

    WebhooksPage *page() { return m_window->webhooksPage(); }
    QString hookUrl(const QString &name) const
    {
        return m_peer.url().toString() + u"/hook/"_s + name;
    }
    void configurePeer(const QStringList &secrets, int fail = 0)
    {
        const auto reply = m_peerClient->postJson(u"/control/configure"_s,
                {{u"name"_s, u"desk"_s}, {u"secrets"_s, QJsonArray::fromStringList(secrets)},
                        {u"fail"_s, fail}});
        QCOMPARE(reply.status, 200);
    }
    /// What the receiver got for "desk".
    QList<QJsonObject> received()
    {
        QList<QJsonObject> out;
        const QJsonArray all =
                m_peerClient->get(u"/control/deliveries"_s).json().value(u"deliveries"_s).toArray();
        for (const QJsonValue &d : all) {
            if (d[u"name"_s].toString() == u"desk"_s) {
                out.append(d.toObject());
            }
        }
        return out;
    }
    StateStack *stack(const QString &stem)
    {
        for (auto *s : page()->findChildren<StateStack *>()) {
            if (s->findChild<QWidget *>(stem + u"Loading"_s)) {
                return s;
            }
        }
        qWarning("no state stack %s", qPrintable(stem));
        return nullptr;
    }
    QString cellText(QTableWidget *table, int row, int column)
    {
        const QTableWidgetItem *item = table->item(row, column);
        return item ? item->text() : QString();
    }
    void click(const QString &name) { clickWhenEnabled(name); }
    /// Opens the add dialog and submits `url` (all events); the dialog answers.
    WebhookDialog *submitNew(const QString &url)
    {
        if (!page()->endpointDialog()) {
            page()->addEndpoint();
        }
        WebhookDialog *dialog = page()->endpointDialog();
        if (!dialog) {
            qWarning("no endpoint dialog");
            return nullptr;
        }
        dialog->findChild<QLineEdit *>(u"webhookUrl"_s)->setText(url);
        auto *save = dialog->findChild<QPushButton *>(u"saveWebhookButton"_s);
        if (!save || !save->isEnabled()) {
            qWarning("Save is not enabled for %s", qPrintable(url));
            return nullptr;
        }
        QTest::mouseClick(save, Qt::LeftButton);
        return dialog;
    }
    /// The secret of the dialog opened after create or rotate (then closes it).
    QString takeSecret()
    {
        if (!QTest::qWaitFor(
                    [this] {
                        return page()->secretDialog() != nullptr;
                    },
                    kTimeout)) {
            qWarning("no secret dialog");
            return {};
        }
        WebhookSecretDialog *dialog = page()->secretDialog();
        const QString secret = dialog->secret();
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        if (QGuiApplication::clipboard()->text() != secret) {
            qWarning("Copy did not put the secret on the clipboard");
            return {};
        }
        QGuiApplication::clipboard()->clear();
        dialog->reject();
        if (!dialog->secret().isEmpty()) {
            qWarning("the closed dialog still holds the secret");
            return {};
        }
        return secret;
    }
    /// Waits until the newest delivery of the log is `eventType` and delivered.
    void awaitDelivered(const QString &eventType, qsizetype count)
    {
        QTRY_VERIFY_WITH_TIMEOUT(page()->deliveries().size() == count
                        && page()->deliveries().first().eventType == eventType
                        && page()->deliveries().first().status == Status::Delivered,
                kTimeout);
        QCOMPARE(
                cellText(page()->deliveriesTable(), 0, WebhooksPage::StatusColumn), u"Delivered"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_peer.start(kPeerDir, u"peer.mjs"_s, {u"0"_s}), qPrintable(m_peer.why()));
        m_peerClient = std::make_unique<tests::HttpTestClient>(m_peer.url());
        tests::TestServer::Options options;
        options.configure = configure;
        QVERIFY2(startServer(options), qPrintable(m_server->error()));
        m_brandEmail = signUp(u"brand"_s);
        m_brandToken = login(m_brandEmail);
        QVERIFY(brandProfile(m_brandToken, u"Alpine Boots"_s));
        QVERIFY(startApp(QSize(1280, 800)));
        signInAs(m_brandEmail);
    }

    void emptyState()
    {
        showPage(page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);
        QVERIFY(page()->endpoints().isEmpty());
        QCOMPARE(stack(u"webhooks"_s)->state(), StateStack::State::Empty);
        QVERIFY(stack(u"webhooks"_s)->emptyActionButton()->isVisible());
        QCOMPARE(page()->deliveriesState(), WebhooksPage::State::Idle);
        QVERIFY(!find<QPushButton>(u"sendTestButton"_s)->isEnabled());
    }

    void errorStateAndRetry()
    {
        const QUrl server = m_api->baseUrl();
        m_api->setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(tests::freeLocalPort())));
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Failed, kTimeout);
        StateStack *endpoints = stack(u"webhooks"_s);
        QCOMPARE(endpoints->state(), StateStack::State::Error);
        QVERIFY(endpoints->errorLabel()->text().contains(u"could not be reached"_s));
        m_api->setBaseUrl(server);
        click(u"retryWebhooksButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);
        QCOMPARE(endpoints->state(), StateStack::State::Empty);
    }

    void addEndpointShowsTheSecretOnce()
    {
        tests::StallMeter stalls;
        click(u"addWebhookButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page()->endpointDialog(), kTimeout);
        WebhookDialog *dialog = page()->endpointDialog();
        auto *url = dialog->findChild<QLineEdit *>(u"webhookUrl"_s);
        auto *save = dialog->findChild<QPushButton *>(u"saveWebhookButton"_s);
        url->setText(u"http://hooks.example.com/in"_s); // not https: refused here already
        QVERIFY(!save->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(u"webhookUrlHint"_s)->text().contains(u"https"_s));
        url->setText(hookUrl(u"desk"_s));
        dialog->findChild<QLineEdit *>(u"webhookDescription"_s)->setText(u"ERP bridge"_s);
        dialog->findChild<QCheckBox *>(u"webhookAllEvents"_s)->setChecked(false);
        QVERIFY(!save->isEnabled()); // no event chosen
        dialog->setEventChecked(u"deal.offer_accepted"_s, true);
        dialog->setEventChecked(u"deal.deliverable_submitted"_s, true);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);

        m_secret = takeSecret();
        QVERIFY(m_secret.startsWith(u"whsec_"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!page()->endpointDialog(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpoints().size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(page()->deliveriesState(), WebhooksPage::State::Loaded, kTimeout);
        record(stalls);

        // The secret is nowhere but in the dialog that is gone: not in the settings.
        QSettings settings;
        for (const QString &key : settings.allKeys()) {
            QVERIFY2(!settings.value(key).toString().contains(m_secret), qPrintable(key));
        }
        QTableWidget *table = page()->endpointsTable();
        QCOMPARE(cellText(table, 0, WebhooksPage::UrlColumn), hookUrl(u"desk"_s));
        QCOMPARE(cellText(table, 0, WebhooksPage::DescriptionColumn), u"ERP bridge"_s);
        QCOMPARE(cellText(table, 0, WebhooksPage::EventsColumn),
                u"Offer accepted, Draft submitted"_s);
        QCOMPARE(cellText(table, 0, WebhooksPage::EnabledColumn), u"Yes"_s);
        QCOMPARE(cellText(table, 0, WebhooksPage::HealthColumn), u"Healthy"_s);
        QCOMPARE(page()->endpoints().first().events,
                QStringList({u"deal.offer_accepted"_s, u"deal.deliverable_submitted"_s}));
        QCOMPARE(stack(u"webhookDeliveries"_s)->state(), StateStack::State::Empty);
    }

    void testEventArrivesVerified()
    {
        configurePeer({m_secret});
        tests::StallMeter stalls;
        click(u"sendTestButton"_s);
        awaitDelivered(u"webhook.test"_s, 1);
        record(stalls);
        QCOMPARE(
                cellText(page()->deliveriesTable(), 0, WebhooksPage::EventColumn), u"Test event"_s);
        const QList<QJsonObject> got = received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first()[u"id"_s].toString(), page()->deliveries().first().id);
        QCOMPARE(got.first()[u"verified"_s].toArray(), QJsonArray{true});
        QCOMPARE(got.first()[u"status"_s].toInt(), 204);
        QCOMPARE(cellText(page()->deliveriesTable(), 0, WebhooksPage::AnswerColumn), u"HTTP 204"_s);
    }

    void rotateShowsTheNewSecret()
    {
        tests::StallMeter stalls;
        click(u"rotateSecretButton"_s);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                (box = page()->findChild<QMessageBox *>(u"rotateSecretQuestion"_s)), kTimeout);
        QVERIFY(box->text().contains(u"24 hours"_s));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        const QString rotated = takeSecret();
        record(stalls);
        QVERIFY(rotated.startsWith(u"whsec_"_s));
        QVERIFY(rotated != m_secret);
        QTRY_VERIFY_WITH_TIMEOUT(page()->messageText().contains(u"24 hours"_s), kTimeout);
        m_oldSecret = std::exchange(m_secret, rotated);

        // Meanwhile both secrets sign: the receiver verifies the next delivery with either.
        configurePeer({m_secret, m_oldSecret});
        click(u"sendTestButton"_s);
        awaitDelivered(u"webhook.test"_s, 2);
        QCOMPARE(received().constLast()[u"verified"_s].toArray(), (QJsonArray{true, true}));
    }

    void editSwitchesOffAndOn()
    {
        QTRY_VERIFY_WITH_TIMEOUT(page()->endpoints().size() == 1
                        && page()->endpoints().first().previousSecretExpiresAt.isValid(),
                kTimeout);
        // The state's tip says until when the secret before the rotation signs too.
        QVERIFY(page()->endpointsTable()
                        ->item(0, WebhooksPage::HealthColumn)
                        ->toolTip()
                        .contains(u"previous secret"_s));
        for (const bool enabled : {false, true}) {
            click(u"editWebhookButton"_s);
            QTRY_VERIFY_WITH_TIMEOUT(page()->endpointDialog(), kTimeout);
            WebhookDialog *dialog = page()->endpointDialog();
            QCOMPARE(dialog->findChild<QLineEdit *>(u"webhookUrl"_s)->text(), hookUrl(u"desk"_s));
            QVERIFY(!dialog->findChild<QCheckBox *>(u"webhookAllEvents"_s)->isChecked());
            dialog->findChild<QCheckBox *>(u"webhookEnabled"_s)->setChecked(enabled);
            QTest::mouseClick(
                    dialog->findChild<QPushButton *>(u"saveWebhookButton"_s), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!page()->endpointDialog(), kTimeout);
            QTRY_VERIFY_WITH_TIMEOUT(page()->endpointsState() == WebhooksPage::State::Loaded
                            && page()->endpoints().size() == 1
                            && page()->endpoints().first().enabled == enabled,
                    kTimeout);
            QCOMPARE(cellText(page()->endpointsTable(), 0, WebhooksPage::HealthColumn),
                    enabled ? u"Healthy"_s : u"Switched off"_s);
            QCOMPARE(page()->endpoints().first().events,
                    QStringList({u"deal.offer_accepted"_s, u"deal.deliverable_submitted"_s}));
        }
    }

    void replayAfterTheReceiverFailed()
    {
        configurePeer({m_secret}, 1); // the next answer is a 500
        QTRY_VERIFY_WITH_TIMEOUT(page()->deliveriesState() == WebhooksPage::State::Loaded
                        && !page()->deliveries().isEmpty(),
                kTimeout);
        const QString id = page()->deliveries().first().id;
        const qsizetype before = received().size();
        tests::StallMeter stalls;
        page()->deliveriesTable()->selectRow(0);
        click(u"replayDeliveryButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page()->messageText().contains(u"queued again"_s), kTimeout);
        // The replay fails once, is retried and arrives: both under the same webhook-id.
        QTRY_VERIFY_WITH_TIMEOUT(received().size() >= before + 2, kTimeout);
        const QList<QJsonObject> got = received().mid(before);
        QCOMPARE(got.at(0)[u"id"_s].toString(), id);
        QCOMPARE(got.at(0)[u"status"_s].toInt(), 500);
        QCOMPARE(got.at(1)[u"id"_s].toString(), id);
        QCOMPARE(got.at(1)[u"status"_s].toInt(), 204);
        page()->reloadDeliveries();
        QTRY_VERIFY_WITH_TIMEOUT(page()->deliveries().first().id == id
                        && page()->deliveries().first().status == Status::Delivered,
                kTimeout);
        QVERIFY(page()->deliveries().first().attempts >= 2);
        record(stalls);
    }

    void logIsPaged()
    {
        click(u"sendTestButton"_s);
        awaitDelivered(u"webhook.test"_s, 3);
        page()->setDeliveryPageSize(2);
        page()->reloadDeliveries();
        QTRY_COMPARE_WITH_TIMEOUT(page()->deliveries().size(), 2, kTimeout);
        const QString newest = page()->deliveries().first().id;
        QCOMPARE(page()->deliveryPageIndex(), 0);
        QVERIFY(!find<QPushButton>(u"newerDeliveriesButton"_s)->isEnabled());
        click(u"olderDeliveriesButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->deliveries().size(), 1, kTimeout);
        QCOMPARE(page()->deliveryPageIndex(), 1);
        QVERIFY(!find<QPushButton>(u"olderDeliveriesButton"_s)->isEnabled());
        QCOMPARE(find<QLabel>(u"deliveryPageLabel"_s)->text(), u"Page 2"_s);
        click(u"newerDeliveriesButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page()->deliveries().size(), 2, kTimeout);
        QCOMPARE(page()->deliveries().first().id, newest);
        page()->setDeliveryPageSize(25);
        page()->reloadDeliveries();
        QTRY_COMPARE_WITH_TIMEOUT(page()->deliveries().size(), 3, kTimeout);
        tests::saveScreenshot(m_window.get(), u"webhooks"_s);
    }

    void failingEndpointSaysSinceWhen()
    {
        configurePeer({m_secret}, 5); // five 500s, then the sixth attempt arrives
        const qsizetype before = received().size();
        click(u"sendTestButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(received().size() > before, kTimeout);
        page()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(cellText(page()->endpointsTable(), 0, WebhooksPage::HealthColumn)
                                         .startsWith(u"Failing since"_s),
                kTimeout);
        QVERIFY(page()->endpoints().first().consecutiveFailures > 0);
        // The log follows the pending delivery by itself until it arrives.
        QTRY_VERIFY_WITH_TIMEOUT(page()->deliveries().size() == 4
                        && page()->deliveries().first().status == Status::Delivered,
                30000);
        QCOMPARE(page()->deliveries().first().attempts, 6);
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(cellText(page()->endpointsTable(), 0, WebhooksPage::HealthColumn),
                u"Healthy"_s, kTimeout);
    }

    void deleteEndpoint()
    {
        QVERIFY(submitNew(u"https://hooks.example.com/spare"_s));
        QVERIFY(!takeSecret().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpoints().size(), 2, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
                page()->currentEndpointId(), page()->endpoints().first().id, kTimeout);
        QCOMPARE(page()->endpoints().first().url, u"https://hooks.example.com/spare"_s);
        click(u"deleteWebhookButton"_s);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                (box = page()->findChild<QMessageBox *>(u"deleteWebhookQuestion"_s)), kTimeout);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpoints().size(), 1, kTimeout);
        QCOMPARE(page()->endpoints().first().url, hookUrl(u"desk"_s));
        const QJsonArray left = get(u"/api/v1/webhooks"_s, m_brandToken)[u"items"_s].toArray();
        QCOMPARE(left.size(), 1);
    }

    /// Staff acting for two brands pick the brand: its endpoints are listed and a new one is
    /// the picked brand's.
    void staffOfTwoBrandsAddToThePickedBrand()
    {
        const TwoBrands brands = staffOfTwoBrands(m_brandToken, u"Zephyr Outdoor"_s);
        QVERIFY(!brands.staffEmail.isEmpty());
        const QString &zephyr = brands.second;
        const QString &zephyrToken = brands.secondToken;
        const QString &alpine = brands.first;
        const QString &staffEmail = brands.staffEmail;
        const qsizetype alpineEndpoints =
                get(u"/api/v1/webhooks"_s, m_brandToken)[u"items"_s].toArray().size();

        signInAs(staffEmail);
        tests::StallMeter stalls;
        showPage(page());
        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);
        BrandPicker *picker = page()->brandPicker();
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->combo()->count(), 2);
        QCOMPARE(picker->brandId(), alpine);
        QCOMPARE(page()->endpoints().size(), alpineEndpoints);

        QVERIFY(picker->choose(zephyr));
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);
        QVERIFY(page()->endpoints().isEmpty());
        QVERIFY(submitNew(hookUrl(u"zephyr"_s)));
        QVERIFY(takeSecret().startsWith(u"whsec_"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpoints().size(), 1, kTimeout);
        QCOMPARE(page()->endpoints().first().brandId, zephyr);
        const QJsonArray onServer = get(u"/api/v1/webhooks"_s, zephyrToken)[u"items"_s].toArray();
        QCOMPARE(onServer.size(), 1);
        QCOMPARE(onServer.first()[u"url"_s].toString(), hookUrl(u"zephyr"_s));
        QCOMPARE(get(u"/api/v1/webhooks"_s, m_brandToken)[u"items"_s].toArray().size(),
                alpineEndpoints);
        record(stalls);
    }

    void onlyBrandStaffSeeThePage()
    {
        const auto entry = [this]() -> QListWidgetItem * {
            auto *sidebar = find<QListWidget>(u"navigation"_s);
            const int index = find<QWidget>(u"pages"_s)->layout()->indexOf(page());
            for (int row = 0; sidebar && row < sidebar->count(); ++row) {
                if ((sidebar->item(row)->flags() & Qt::ItemIsSelectable) != 0
                        && sidebar->item(row)->data(Qt::UserRole).toInt() == index) {
                    return sidebar->item(row);
                }
            }
            return nullptr;
        };
        QVERIFY(entry());
        QCOMPARE(entry()->text(), u"Webhooks"_s);
        QVERIFY(!entry()->isHidden());
        QVERIFY(!entry()->icon().pixmap(22, 22).isNull());
        signInAs(signUp(u"influencer"_s));
        QVERIFY(entry()->isHidden());
        QVERIFY(page()->endpoints().isEmpty()); // the brand's endpoints forgotten on sign-out
    }

    void refusedTargetShowsTheTranslatedSentence()
    {
        // A server as in production: local targets refused.
        tests::TestServer strict;
        QVERIFY2(strict.isRunning(), qPrintable(strict.error()));
        tests::HttpTestClient http(strict.url());
        const QString email = u"strict-brand@example.com"_s;
        QCOMPARE(http.postJson(u"/api/v1/auth/register"_s,
                             {{u"email"_s, email}, {u"password"_s, m_password},
                                     {u"role"_s, u"brand"_s}})
                         .status,
                201);
        const QString token = http.postJson(u"/api/v1/auth/login"_s,
                                          {{u"email"_s, email}, {u"password"_s, m_password}})
                                      .json()[u"accessToken"_s]
                                      .toString();
        const int brand = http.send("PUT", u"/api/v1/me/brand"_s,
                                      tests::compact({{u"companyName"_s, u"Strict Boots"_s}}),
                                      tests::as(token))
                                  .status;
        QVERIFY(brand == 200 || brand == 201);
        m_session->signOut();
        m_api->setBaseUrl(strict.url());
        QVERIFY(m_languages->apply(u"de"_s));
        signInAs(email);
        showPage(page());
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);

        const auto refused = common::Error::make(common::ErrorCode::WebhookTargetRefused);
        const QString german = desktop::ErrorText::headline(refused);
        QVERIFY(german.contains(u"Netz"_s)); // German, not the English source
        QVERIFY(german
                != desktop::ErrorText::headline(common::Error::make(common::ErrorCode::Unknown)));
        WebhookDialog *dialog = submitNew(u"https://127.0.0.1:9/hook"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().startsWith(german), kTimeout);
        QVERIFY(page()->endpointDialog()); // still open, to correct the address

        const QString invalid = desktop::ErrorText::headline(
                common::Error::make(common::ErrorCode::InvalidWebhookUrl));
        QVERIFY(submitNew(u"http://127.0.0.1:9/hook"_s) == dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().startsWith(invalid), kTimeout);
        dialog->reject();

        page()->reload();
        QTRY_COMPARE_WITH_TIMEOUT(page()->endpointsState(), WebhooksPage::State::Loaded, kTimeout);
        QVERIFY(page()->endpoints().isEmpty()); // nothing was created
        tests::saveScreenshot(m_window.get(), u"webhooks-empty-de"_s);
        m_session->signOut();
        QVERIFY(m_languages->apply(u"en"_s));
        m_api->setBaseUrl(m_server->url());
    }

    void cleanupTestCase()
    {
        reportStalls(u"during the webhook flows"_s);
        stop();
    }
};

QTEST_MAIN(TestDesktopWebhooks)
#include "tst_desktop_webhooks.moc"
