// The exporter's SQL naming and its catalog, on a database of its own.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "sql_text.hpp"
#include "sqlite_database.hpp"
#include "sqlite_reader.hpp"
#include "temp_dir.hpp"

namespace perfreport::sqlite_export {
namespace {

TEST(SqlText, ReportTablesGetNamesThatNeedNoQuotes)
{
    EXPECT_EQ(sql_table_name("gantt", "tasks"), "gantt_tasks");
    EXPECT_EQ(sql_table_name("compat", "gantt_chart.tasks"), "compat_gantt_chart_tasks");
    EXPECT_EQ(sql_table_name("my-analyzer", "a.b"), "my_analyzer_a_b");
}

TEST(SqlText, IdentifiersAreQuotedWithInnerQuotesDoubled)
{
    EXPECT_EQ(sql_identifier("end"), "\"end\"");
    EXPECT_EQ(sql_identifier("a\"b"), "\"a\"\"b\"");
}

class CatalogTest : public ::testing::Test {
protected:
    void SetUp() override { std::ofstream{file()}; }  // empty, as the host hands it over
    std::filesystem::path file() const { return dir_ / "profiler.db"; }
    test::TempDir dir_;
};

TEST_F(CatalogTest, RecordsEachTableAndItsColumns)
{
    {
        Database db{file().string()};
        Catalog catalog{db};
        Statement insert = catalog.create_table("odd names", "report", "x.odd",
                                                {{"end", "REAL", "FLOAT64", "us"}, {"say \"hi\"", "TEXT", "STRING", ""}});
        insert.bind(1, 2.5);
        insert.bind(2, std::string_view{"hello"});
        insert.run();
    }
    const test::SqliteFile db(file());
    EXPECT_EQ(db.query("SELECT name, kind, source FROM tables ORDER BY rowid"),
              (std::vector<test::SqlRow>{{std::string{"tables"}, std::string{"metadata"}, std::string{}},
                                         {std::string{"columns"}, std::string{"metadata"}, std::string{}},
                                         {std::string{"odd names"}, std::string{"report"}, std::string{"x.odd"}}}));
    EXPECT_EQ(db.query("SELECT position, name, sql_type, value_type, unit FROM columns WHERE table_name = 'odd names'"),
              (std::vector<test::SqlRow>{
                  {std::int64_t{0}, std::string{"end"}, std::string{"REAL"}, std::string{"FLOAT64"}, std::string{"us"}},
                  {std::int64_t{1}, std::string{"say \"hi\""}, std::string{"TEXT"}, std::string{"STRING"}, std::string{}}}));
    EXPECT_EQ(db.query("SELECT \"end\", \"say \"\"hi\"\"\" FROM \"odd names\""),
              (std::vector<test::SqlRow>{{2.5, std::string{"hello"}}}));
}

TEST_F(CatalogTest, TwoTablesOfOneNameFailNamingTheSecondSource)
{
    Database db{file().string()};
    Catalog catalog{db};
    catalog.create_table("a_b_c", "report", "a.b_c", {{"x", "INTEGER", "INT64", ""}});
    try {
        catalog.create_table("A_B_C", "report", "a_b.c", {{"x", "INTEGER", "INT64", ""}});
        FAIL() << "two tables of one name";
    } catch (const Failure& e) {
        EXPECT_EQ(e.status(), PR_ERR_INVALID_INPUT);
        EXPECT_EQ(std::string(e.what()), "two tables would be called A_B_C in the database (the second from a_b.c)");
    }
}

TEST_F(CatalogTest, SqliteErrorsCarrySqlitesMessage)
{
    Database db{file().string()};
    try {
        db.execute("CREATE TABLE t (x INTEGER, X REAL)");
        FAIL() << "a duplicate column was accepted";
    } catch (const Failure& e) {
        EXPECT_EQ(std::string(e.what()), "SQLite: duplicate column name: X in CREATE TABLE t (x INTEGER, X REAL)");
    }
}

TEST_F(CatalogTest, AFailedRowCarriesSqlitesMessageAndTheStatementGoesOn)
{
    {
        Database db{file().string()};
        db.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
        Statement insert{db.get(), "INSERT INTO t VALUES (?1)"};
        insert.bind(1, std::int64_t{7});
        insert.run();
        insert.bind(1, std::int64_t{7});
        try {
            insert.run();
            FAIL() << "a second row with the same key was accepted";
        } catch (const Failure& e) {
            EXPECT_EQ(e.status(), PR_ERR_IO);
            EXPECT_EQ(std::string(e.what()),
                      "SQLite: constraint failed (UNIQUE constraint failed: t.x) in INSERT INTO t VALUES (?1)");
        }
        insert.bind(1, std::int64_t{8});
        insert.run();
    }
    EXPECT_EQ(test::SqliteFile(file()).query("SELECT x FROM t ORDER BY x"),
              (std::vector<test::SqlRow>{{std::int64_t{7}}, {std::int64_t{8}}}));
}

}  // namespace
}  // namespace perfreport::sqlite_export
