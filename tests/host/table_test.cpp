// Tables handed over through the ABI are copied, checked and appended.
#include <gtest/gtest.h>

#include "report/table.hpp"

namespace perfreport {
namespace {

PR_Column string_column(const char* name, const char* bytes, const uint64_t* offsets, uint64_t rows,
                        const uint8_t* valid = nullptr)
{
    return PR_Column{name, "", PR_COLUMN_STRING, 0, rows, bytes, offsets, valid};
}

TEST(Table, AppendsChunksWithTheSameColumns)
{
    const uint64_t offsets[] = {0, 1, 3};
    const double times[] = {1.5, 2.5};
    PR_Column columns[] = {string_column("name", "abc", offsets, 2),
                           PR_Column{"t", "ms", PR_COLUMN_FLOAT64, 0, 2, times, nullptr, nullptr}};
    Table table("rows");
    table.append(PR_Table{"rows", 2, 2, 0, columns});
    table.append(PR_Table{"rows", 2, 2, 0, columns});
    ASSERT_EQ(table.row_count(), 4u);
    const PR_Table view = table.view();
    const auto* names = static_cast<const char*>(view.columns[0].values);
    EXPECT_EQ(std::string(names + view.columns[0].offsets[3], names + view.columns[0].offsets[4]), "bc");
    EXPECT_EQ(static_cast<const double*>(view.columns[1].values)[2], 1.5);
    EXPECT_STREQ(view.columns[1].unit, "ms");
}

TEST(Table, NullRowsAndAllNullColumnsStayNull)
{
    const int64_t values[] = {7, 8};
    const uint8_t valid[] = {1, 0};
    PR_Column columns[] = {PR_Column{"a", "", PR_COLUMN_INT64, 0, 2, values, nullptr, valid},
                           PR_Column{"b", "", PR_COLUMN_INT64, 0, 2, nullptr, nullptr, nullptr}};
    Table table("rows");
    table.append(PR_Table{"rows", 2, 2, 0, columns});
    const PR_Table view = table.view();
    ASSERT_NE(view.columns[0].valid, nullptr);
    EXPECT_EQ(view.columns[0].valid[0], 1);
    EXPECT_EQ(view.columns[0].valid[1], 0);
    ASSERT_NE(view.columns[1].valid, nullptr);
    EXPECT_EQ(view.columns[1].valid[0], 0);
}

TEST(Table, RejectsAChunkWithOtherColumns)
{
    const int64_t values[] = {1};
    PR_Column first[] = {PR_Column{"a", "", PR_COLUMN_INT64, 0, 1, values, nullptr, nullptr}};
    PR_Column second[] = {PR_Column{"b", "", PR_COLUMN_INT64, 0, 1, values, nullptr, nullptr}};
    Table table("rows");
    table.append(PR_Table{"rows", 1, 1, 0, first});
    try {
        table.append(PR_Table{"rows", 1, 1, 0, second});
        FAIL() << "accepted a different column";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "table 'rows': column 0 is 'b', earlier chunks had 'a'");
    }
}

TEST(Table, RejectsInvalidUtf8AndInvalidJson)
{
    const uint64_t offsets[] = {0, 2};
    PR_Column bad_text[] = {string_column("s", "\xC3\x28", offsets, 1)};
    EXPECT_THROW(Table("t").append(PR_Table{"t", 1, 1, 0, bad_text}), std::invalid_argument);
    PR_Column bad_json[] = {PR_Column{"j", "", PR_COLUMN_JSON, 0, 1, "{x", offsets, nullptr}};
    EXPECT_THROW(Table("t").append(PR_Table{"t", 1, 1, 0, bad_json}), std::invalid_argument);
}

TEST(Table, RejectsACellThatStartsInsideACharacter)
{
    // "é" is two bytes; a cell boundary between them leaves two invalid cells
    // although the bytes as a whole are valid UTF-8.
    const uint64_t offsets[] = {0, 1, 2};
    PR_Column columns[] = {string_column("s", "\xC3\xA9", offsets, 2)};
    EXPECT_THROW(Table("t").append(PR_Table{"t", 2, 1, 0, columns}), std::invalid_argument);
}

TEST(Table, RejectsDecreasingOffsets)
{
    const uint64_t offsets[] = {2, 1};
    PR_Column columns[] = {string_column("s", "abc", offsets, 1)};
    EXPECT_THROW(Table("t").append(PR_Table{"t", 1, 1, 0, columns}), std::invalid_argument);
}

}  // namespace
}  // namespace perfreport
