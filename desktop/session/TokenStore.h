// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

namespace influence::desktop {

/// Where the refresh token survives a restart. Every operation is asynchronous (keychains may
/// ask the user or talk over D-Bus); reads answer with readFinished().
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Whether tokens are kept across restarts. May change once the backend has been probed.
    virtual bool isAvailable() const = 0;
    /// Stores `secret` under `key`, replacing what was there.
    virtual void write(const QString &key, const QString &secret) = 0;
    virtual void remove(const QString &key) = 0;
    /// Answers with readFinished(key, secret); the secret is empty when nothing is stored.
    virtual void read(const QString &key) = 0;

Q_SIGNALS:
    void readFinished(const QString &key, const QString &secret);
    void availabilityChanged();
};

/// Keeps nothing: the refresh token lives only as long as the process.
class NoTokenStore : public TokenStore
{
    Q_OBJECT

public:
    using TokenStore::TokenStore;

    bool isAvailable() const override { return false; }
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;
    void read(const QString &key) override;
};

/// The operating system's keychain through qtkeychain (Secret Service or KWallet on Linux,
/// Keychain on macOS, Credential Store on Windows). Never falls back to a plain-text file.
class KeychainTokenStore : public TokenStore
{
    Q_OBJECT

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);

    bool isAvailable() const override { return m_available; }
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;
    void read(const QString &key) override;

private:
    void markUnavailable();

    bool m_available = true;
};

} // namespace influence::desktop
