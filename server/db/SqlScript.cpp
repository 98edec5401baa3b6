// SPDX-License-Identifier: Apache-2.0
#include "SqlScript.h"

namespace influence::server::db {

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    const auto flush = [&] {
        const QString statement = current.trimmed();
        bool meaningful = false;
        // A piece of only comments is not a statement.
        for (const QString &line : statement.split(u'\n')) {
            const QString trimmed = line.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(QStringLiteral("--"))) {
                meaningful = true;
                break;
            }
        }
        if (meaningful) {
            statements.append(statement);
        }
        current.clear();
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            const qsizetype end = script.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? n : end + 1;
            current += script.mid(i, stop - i);
            i = stop;
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = script.indexOf(QStringLiteral("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            current += script.mid(i, stop - i);
            i = stop;
        } else if (c == u'\'' || c == u'"') {
            // A doubled quote inside is an escaped quote; the scan simply continues past it.
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const qsizetype stop = qMin(n, j + 1);
            current += script.mid(i, stop - i);
            i = stop;
        } else if (c == u'$') {
            // $tag$ … $tag$ where tag is empty or an identifier.
            qsizetype j = i + 1;
            while (j < n && (script.at(j).isLetterOrNumber() || script.at(j) == u'_')) {
                ++j;
            }
            if (j < n && script.at(j) == u'$' && !(j > i + 1 && script.at(i + 1).isDigit())) {
                const QString tag = script.mid(i, j - i + 1);
                const qsizetype end = script.indexOf(tag, j + 1);
                const qsizetype stop = end < 0 ? n : end + tag.size();
                current += script.mid(i, stop - i);
                i = stop;
            } else {
                current += c;
                ++i;
            }
        } else if (c == u';') {
            flush();
            ++i;
        } else {
            current += c;
            ++i;
        }
    }
    flush();
    return statements;
}

} // namespace influence::server::db
