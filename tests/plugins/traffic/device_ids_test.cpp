// SPEC 1.9 "Device ids": the device_ids override, the pods walk (counting
// across entries, D14), the chip_{k} fallback and unmapped indices.
#include <gtest/gtest.h>

#include <perfreport/sdk/device_ids.hpp>

#include <boost/json.hpp>

#include <optional>
#include <string>

#include "json_compare.hpp"
#include "traffic_run.hpp"

namespace perfreport {
namespace {
namespace json = boost::json;

DeviceIds ids_of(const char* context)
{
    return DeviceIds(json::parse(context).as_object());
}

std::optional<std::string> id_of(const DeviceIds& ids, std::int64_t chip)
{
    const auto device = ids.device(chip);
    return device ? std::optional<std::string>(ids.id(*device)) : std::nullopt;
}

TEST(DeviceIds, PodsWalkInArrayOrder)
{
    // E1: one board entry of count 2, four chips each.
    const DeviceIds ids = ids_of(R"({"topology": {"pods": [{"count": 1, "racks": [{"count": 1,
        "boards": [{"count": 2, "chips": [{"count": 4}]}]}]}]}})");
    EXPECT_EQ(id_of(ids, 0), "pod_0/rack_0/board_0/chip_0");
    EXPECT_EQ(id_of(ids, 3), "pod_0/rack_0/board_0/chip_3");
    EXPECT_EQ(id_of(ids, 4), "pod_0/rack_0/board_1/chip_0");
    EXPECT_EQ(id_of(ids, 7), "pod_0/rack_0/board_1/chip_3");
    EXPECT_EQ(id_of(ids, 8), std::nullopt);
    EXPECT_EQ(id_of(ids, -1), std::nullopt);
}

TEST(DeviceIds, CountersRunAcrossEntries)
{
    // Two board entries under one rack are board_0 and board_1 (U would name
    // both board_0); two chip groups on a board continue the chip count;
    // racks restart in each pod, pods count globally; count defaults to 1.
    const DeviceIds ids = ids_of(R"({"topology": {"pods": [
        {"racks": [{"boards": [{"chips": [{"count": 2}, {"count": 1}]}, {"chips": [{"count": 1}]}]}]},
        {"count": 1, "racks": [{"count": 2, "boards": [{"chips": [{}]}]}]}]}})");
    EXPECT_EQ(id_of(ids, 0), "pod_0/rack_0/board_0/chip_0");
    EXPECT_EQ(id_of(ids, 1), "pod_0/rack_0/board_0/chip_1");
    EXPECT_EQ(id_of(ids, 2), "pod_0/rack_0/board_0/chip_2");
    EXPECT_EQ(id_of(ids, 3), "pod_0/rack_0/board_1/chip_0");
    EXPECT_EQ(id_of(ids, 4), "pod_1/rack_0/board_0/chip_0");
    EXPECT_EQ(id_of(ids, 5), "pod_1/rack_1/board_0/chip_0");
    EXPECT_EQ(id_of(ids, 6), std::nullopt);
}

TEST(DeviceIds, EmptyCopiesStillCount)
{
    // A rack entry of count 3 without boards holds racks 0..2; the next entry starts at rack_3.
    const DeviceIds ids = ids_of(R"({"topology": {"pods": [{"racks": [{"count": 3},
        {"boards": [{"chips": [{"count": 1}]}]}]}]}})");
    EXPECT_EQ(id_of(ids, 0), "pod_0/rack_3/board_0/chip_0");
    EXPECT_EQ(id_of(ids, 1), std::nullopt);
}

TEST(DeviceIds, DeviceIdsOverridePods)
{
    const DeviceIds ids = ids_of(R"({"topology": {"device_ids": ["npu-a", "npu-b", "npu-a"],
        "pods": [{"racks": [{"boards": [{"chips": [{"count": 8}]}]}]}]}})");
    EXPECT_EQ(id_of(ids, 0), "npu-a");
    EXPECT_EQ(id_of(ids, 1), "npu-b");
    EXPECT_EQ(id_of(ids, 3), std::nullopt);  // the pods would map it; device_ids does not
    EXPECT_EQ(ids.device(0), ids.device(2));  // one id, one device
    EXPECT_NE(ids.device(0), ids.device(1));
}

TEST(DeviceIds, WithoutEitherKeyChipsAreNumbered)
{
    for (const char* context : {R"({})", R"({"topology": {"interconnect": {}}})"}) {
        const DeviceIds ids = ids_of(context);
        EXPECT_EQ(id_of(ids, 0), "chip_0");
        EXPECT_EQ(id_of(ids, 123456), "chip_123456");
        EXPECT_EQ(id_of(ids, -2), std::nullopt);
    }
}

TEST(DeviceIds, AMalformedWalkNamesTheKey)
{
    const auto message_of = [](const char* context) {
        try {
            ids_of(context);
        } catch (const Failure& failure) {
            EXPECT_EQ(failure.status(), PR_ERR_INVALID_INPUT);
            return std::string(failure.what());
        }
        return std::string("no failure");
    };
    EXPECT_NE(message_of(R"({"topology": {"pods": [{"racks": [{"count": -1}]}]}})").find("/topology/pods/0/racks/0/count"),
              std::string::npos);
    EXPECT_NE(message_of(R"({"topology": {"pods": [{"racks": [{"count": 1.5}]}]}})").find("/topology/pods/0/racks/0/count"),
              std::string::npos);
    EXPECT_NE(message_of(R"({"topology": {"pods": [{"racks": {"count": 1}}]}})").find("/topology/pods/0/racks must be an array"),
              std::string::npos);
    EXPECT_NE(message_of(R"({"topology": {"pods": [3]}})").find("/topology/pods/0 must be an object"), std::string::npos);
    EXPECT_NE(message_of(R"({"topology": {"pods": [{"count": 1048577}]}})").find("from 0 to 1048576"),
              std::string::npos);
    EXPECT_NE(message_of(R"({"topology": {"pods": [{"racks": [{"boards": [{"count": 1048576, "chips": [{"count": 2}]}]}]}]}})")
                  .find("more than 1048576 chips"),
              std::string::npos);
}

// The same rules, seen through the traffic section.

TEST(DeviceIds, TrafficUsesTheDeviceIdsOverride)
{
    json::object document = test::e1_document();
    document["context"].as_object()["topology"].as_object()["device_ids"] = {"a", "b", "c", "d", "e"};
    const test::TrafficResult result = test::run_traffic(document);
    ASSERT_TRUE(result.summary);
    json::array ids;
    for (const auto& link : result.links) ids.push_back(link.at("link_id"));
    EXPECT_EQ(ids, (json::array{"a->b", "b->c", "c->d", "d->a", "d->e"}));
}

TEST(DeviceIds, TrafficNumbersChipsWithoutPods)
{
    json::object document = test::e1_document();
    document["context"].as_object()["topology"].as_object().erase("pods");
    const test::TrafficResult result = test::run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.links.back().at("link_id"), "chip_3->chip_4");
    EXPECT_EQ(result.devices.back().at("device_id"), "chip_4");
}

TEST(DeviceIds, TrafficCountsBoardsAcrossEntries)
{
    // E1's two boards as two entries: chip 4 is still on board_1 (D14).
    json::object document = test::e1_document();
    json::object& rack = document["context"].as_object()["topology"].as_object()["pods"].as_array()[0].as_object()
                             ["racks"].as_array()[0].as_object();
    rack["boards"] = json::parse(R"([{"chips": [{"count": 4}]}, {"chips": [{"count": 4}]}])");
    const test::TrafficResult result = test::run_traffic(document);
    ASSERT_TRUE(result.summary);
    EXPECT_EQ(result.links.back().at("link_id"), "pod_0/rack_0/board_0/chip_3->pod_0/rack_0/board_1/chip_0");
}

}  // namespace
}  // namespace perfreport
