// RawMetaStore: the compact text of each step's meta.
#include "input/raw_meta_store.hpp"

#include <gtest/gtest.h>

namespace perfreport {
namespace {

TEST(RawMetaStore, WritesCompactJsonFromEvents)
{
    RawMetaStore store;
    EXPECT_TRUE(store.empty());
    store.begin_object();
    store.key("evaluator");
    store.string("comm");
    store.key("chip_ids");
    store.begin_array();
    store.number("0");
    store.number("1.50");  // as written
    store.end_array();
    store.key("x");
    store.begin_object();
    store.key("ok");
    store.boolean(true);
    store.key("n");
    store.null();
    store.end_object();
    store.end_object();
    store.end_step();
    EXPECT_FALSE(store.empty());
    EXPECT_EQ(store.get(0), R"({"evaluator":"comm","chip_ids":[0,1.50],"x":{"ok":true,"n":null}})");
}

TEST(RawMetaStore, AStepWithoutMetaGetsAnEmptyObject)
{
    RawMetaStore store;
    store.end_step();
    store.begin_object();
    store.end_object();
    store.end_step();
    EXPECT_EQ(store.size(), 2u);
    EXPECT_EQ(store.get(0), "{}");
    EXPECT_EQ(store.get(1), "{}");
}

TEST(RawMetaStore, EscapesStrings)
{
    RawMetaStore store;
    store.begin_object();
    store.key("q\"k");
    store.string(std::string("a\\b\n\t\x01\0", 7) + "\xC3\xA9");
    store.end_object();
    store.end_step();
    EXPECT_EQ(store.get(0), "{\"q\\\"k\":\"a\\\\b\\n\\t\\u0001\\u0000\xC3\xA9\"}");
}

}  // namespace
}  // namespace perfreport
