// SPDX-License-Identifier: Apache-2.0
#include "SqlScript.h"

using namespace Qt::StringLiterals;

namespace influence::server::db {

namespace {

/// The end of a quoted string or identifier starting at `i` (a doubled quote is an escaped one).
qsizetype endOfQuoted(const QString &script, qsizetype i)
{
    const QChar quote = script.at(i);
    qsizetype j = i + 1;
    while (j < script.size()) {
        if (script.at(j) != quote) {
            ++j;
        } else if (j + 1 < script.size() && script.at(j + 1) == quote) {
            j += 2;
        } else {
            return j + 1;
        }
    }
    return script.size();
}

/// The end of a dollar-quoted body ($$…$$ or $tag$…$tag$) starting at `i`, or `i` when the
/// dollar sign starts something else (a positional parameter such as $1).
qsizetype endOfDollarQuoted(const QString &script, qsizetype i)
{
    qsizetype j = i + 1;
    while (j < script.size() && (script.at(j).isLetterOrNumber() || script.at(j) == u'_')) {
        ++j;
    }
    const bool isTag =
            j < script.size() && script.at(j) == u'$' && !(j > i + 1 && script.at(i + 1).isDigit());
    if (!isTag) {
        return i;
    }
    const QString tag = script.mid(i, j - i + 1);
    const qsizetype end = script.indexOf(tag, j + 1);
    return end < 0 ? script.size() : end + tag.size();
}

/// The end of a comment, string, quoted identifier or dollar-quoted body starting at `i`, or `i`
/// when none starts there. Semicolons inside them do not end a statement.
qsizetype endOfLiteral(const QString &script, qsizetype i)
{
    const QChar c = script.at(i);
    const QChar next = i + 1 < script.size() ? script.at(i + 1) : QChar();
    if (c == u'-' && next == u'-') {
        const qsizetype end = script.indexOf(u'\n', i);
        return end < 0 ? script.size() : end + 1;
    }
    if (c == u'/' && next == u'*') {
        const qsizetype end = script.indexOf(u"*/"_s, i + 2);
        return end < 0 ? script.size() : end + 2;
    }
    if (c == u'\'' || c == u'"') {
        return endOfQuoted(script, i);
    }
    if (c == u'$') {
        return endOfDollarQuoted(script, i);
    }
    return i;
}

/// Whether a piece holds more than whitespace and line comments.
bool isStatement(const QString &piece)
{
    const QStringList lines = piece.split(u'\n');
    return std::any_of(lines.cbegin(), lines.cend(), [](const QString &line) {
        const QString trimmed = line.trimmed();
        return !trimmed.isEmpty() && !trimmed.startsWith(u"--"_s);
    });
}

} // namespace

QStringList splitSqlStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const auto flush = [&] {
        const QString statement = current.trimmed();
        if (isStatement(statement)) {
            statements.append(statement);
        }
        current.clear();
    };
    qsizetype i = 0;
    while (i < script.size()) {
        const qsizetype literalEnd = endOfLiteral(script, i);
        if (literalEnd > i) {
            current += QStringView(script).sliced(i, literalEnd - i);
            i = literalEnd;
        } else if (script.at(i) == u';') {
            flush();
            ++i;
        } else {
            current += script.at(i);
            ++i;
        }
    }
    flush();
    return statements;
}

} // namespace influence::server::db
