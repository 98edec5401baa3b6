// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "Result.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace influence::common {

/// The messages of a GNU gettext message catalog (a compiled `.mo` file), original → translation.
///
/// The desktop shows country names in the app's language from Debian's iso-codes catalogs
/// (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo). gettext itself does not fit there: its
/// language is the process's (LANGUAGE and LC_MESSAGES, ignored under the C locale, cached per
/// locale), while the app switches language at run time on its own. The format is small and
/// documented (GNU gettext manual, "The Format of GNU MO Files"): a header, two tables of
/// (length, offset) pairs, NUL-terminated strings; either byte order.
///
/// Entries with a context (`ctxt\x04msgid`) and plural forms keep only their first form under
/// the plain msgid; the empty msgid (the catalog's header) and untranslated entries are skipped.
/// A file that is not a catalog, or whose tables point outside it, is an Error.
Result<QHash<QString, QString>> readMoCatalog(QByteArrayView file);

} // namespace influence::common
