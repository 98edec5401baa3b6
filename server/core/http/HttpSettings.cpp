// SPDX-License-Identifier: Apache-2.0
#include "HttpSettings.h"

using namespace Qt::StringLiterals;

namespace influence::server::http {

QString HttpSettings::publicUrlAt(quint16 boundPort) const
{
    if (!publicUrl.isEmpty()) {
        return publicUrl;
    }
    QString host = listenAddress.toString();
    if (listenAddress == QHostAddress::AnyIPv4 || listenAddress == QHostAddress::AnyIPv6
            || listenAddress == QHostAddress::Any || listenAddress == QHostAddress::LocalHost) {
        host = u"localhost"_s;
    } else if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol) {
        host = u'[' + host + u']';
    }
    return u"http://%1:%2"_s.arg(host).arg(boundPort);
}

} // namespace influence::server::http
