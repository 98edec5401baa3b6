// SPDX-License-Identifier: Apache-2.0
// Splitting migration scripts into statements.
#include "core/db/Migrator.h"
#include "core/db/SqlScript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using influence::server::db::Migration;
using influence::server::db::splitSqlStatements;

class TestSqlScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("two") << u"SELECT 1; SELECT 2;"_s
                             << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("no trailing semicolon")
                << u"SELECT 1;\nSELECT 2"_s << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("string with semicolon")
                << u"SELECT 'a;b'; SELECT 2"_s << QStringList{u"SELECT 'a;b'"_s, u"SELECT 2"_s};
        QTest::newRow("doubled quote") << u"SELECT 'it''s; fine'; SELECT 2"_s
                                       << QStringList{u"SELECT 'it''s; fine'"_s, u"SELECT 2"_s};
        QTest::newRow("quoted identifier") << u"SELECT 1 AS \"a;b\"; SELECT 2"_s
                                           << QStringList{u"SELECT 1 AS \"a;b\""_s, u"SELECT 2"_s};
        QTest::newRow("line comment") << u"-- a; b\nSELECT 1; -- c;\nSELECT 2;\n-- only a comment"_s
                                      << QStringList{u"-- a; b\nSELECT 1"_s, u"-- c;\nSELECT 2"_s};
        QTest::newRow("block comment") << u"/* x; y */ SELECT 1; SELECT 2"_s
                                       << QStringList{u"/* x; y */ SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("dollar body")
                << u"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$; SELECT 2"_s
                << QStringList{u"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$"_s,
                           u"SELECT 2"_s};
        QTest::newRow("tagged dollar body")
                << u"DO $body$ BEGIN PERFORM '$$;'; END $body$; SELECT 2"_s
                << QStringList{u"DO $body$ BEGIN PERFORM '$$;'; END $body$"_s, u"SELECT 2"_s};
        QTest::newRow("positional parameter")
                << u"PREPARE p AS SELECT $1; SELECT 2"_s
                << QStringList{u"PREPARE p AS SELECT $1"_s, u"SELECT 2"_s};
        QTest::newRow("empty") << u"  ;; \n"_s << QStringList{};
    }

    void split()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(splitSqlStatements(script), statements);
    }

    void embeddedMigrationsSplitCleanly()
    {
        const QList<Migration> migrations = Migration::embedded();
        QVERIFY(!migrations.isEmpty());
        qsizetype total = 0;
        for (const Migration &migration : migrations) {
            const QStringList statements = splitSqlStatements(QString::fromUtf8(migration.sql));
            // A migration may be one statement (0032 and 0033 each replace one function).
            QVERIFY(!statements.isEmpty());
            total += statements.size();
            for (const QString &statement : statements) {
                QVERIFY2(!statement.trimmed().endsWith(u';'), qPrintable(statement));
                // A function body survives whole: its dollar quotes open and close in the
                // same statement (PL/pgSQL bodies also keep their final "END;").
                if (statement.contains(u"CREATE FUNCTION"_s)
                        || statement.contains(u"CREATE OR REPLACE FUNCTION"_s)) {
                    const qsizetype quotes = statement.count(u"$$"_s);
                    QVERIFY2(quotes >= 2 && quotes % 2 == 0, qPrintable(statement));
                    if (statement.contains(u"plpgsql"_s)) {
                        QVERIFY2(statement.contains(u"END;"_s), qPrintable(statement));
                    }
                }
            }
        }
        // The splitter does split: most migrations are many statements.
        QVERIFY2(total > 5 * migrations.size(), qPrintable(QString::number(total)));
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sql_script.moc"
