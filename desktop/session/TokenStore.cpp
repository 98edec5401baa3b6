// SPDX-License-Identifier: Apache-2.0
#include "TokenStore.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace influence::desktop {

Q_LOGGING_CATEGORY(lcTokenStore, "influence.desktop.tokenstore")

namespace {

const QString kService = u"influence-desktop"_s;

bool backendMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
            || error == QKeychain::OtherError;
}

} // namespace

void NoTokenStore::write(const QString &key, const QString &secret)
{
    Q_UNUSED(key);
    Q_UNUSED(secret);
}

void NoTokenStore::remove(const QString &key)
{
    Q_UNUSED(key);
}

void NoTokenStore::read(const QString &key)
{
    // Asynchronous like every store: the answer never arrives inside the call.
    QMetaObject::invokeMethod(
            this,
            [this, key] {
                Q_EMIT readFinished(key, QString());
            },
            Qt::QueuedConnection);
}

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent)
{
    // Probe the backend once so the sign-in dialog can say whether the session will be kept.
    auto *probe = new QKeychain::ReadPasswordJob(kService, this);
    probe->setInsecureFallback(false);
    probe->setKey(u"probe"_s);
    connect(probe, &QKeychain::Job::finished, this, [this](QKeychain::Job *job) {
        if (backendMissing(job->error())) {
            // Expected on machines without a secret service: sessions are then not stored.
            qCInfo(lcTokenStore,
                    "no keychain available (QtKeychain code %d); sessions are not stored",
                    static_cast<int>(job->error()));
            markUnavailable();
        }
    });
    probe->start();
}

void KeychainTokenStore::markUnavailable()
{
    if (m_available) {
        m_available = false;
        Q_EMIT availabilityChanged();
    }
}

void KeychainTokenStore::write(const QString &key, const QString &secret)
{
    if (!m_available) {
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            qCWarning(
                    lcTokenStore, "keychain write failed: %s", qPrintable(finished->errorString()));
            if (backendMissing(finished->error())) {
                markUnavailable();
            }
        }
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
}

void KeychainTokenStore::read(const QString &key)
{
    if (!m_available) {
        QMetaObject::invokeMethod(
                this,
                [this, key] {
                    Q_EMIT readFinished(key, QString());
                },
                Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *finished) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
        Q_EMIT readFinished(
                key, reader->error() == QKeychain::NoError ? reader->textData() : QString());
    });
    job->start();
}

} // namespace influence::desktop
