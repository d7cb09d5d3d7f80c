// SPEC 1.9 "Device ids": which device each chip index of meta.chip_ids is,
// from context.topology; shared by traffic and compat.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"

namespace perfreport {

// Chip index k maps to topology.device_ids[k] when that key is given; else to
// the k-th chip of the walk of topology.pods
// (pod_{p}/rack_{r}/board_{b}/chip_{c}); with neither key, to chip_{k}.
class DeviceIds {
public:
    // A walk may not expand to more chips than this (about a million): it
    // guards against a mistyped count, not against real clusters.
    static constexpr std::size_t max_walked_chips = std::size_t{1} << 20;

    // `context` is the analyzer's context. A topology.pods whose entries or
    // counts have the wrong shape throws Failure naming the key.
    explicit DeviceIds(const boost::json::object& context)
    {
        const boost::json::object* topology = object_member(context, "topology");
        if (topology == nullptr) return;
        if (const auto* ids = topology->if_contains("device_ids"); ids != nullptr && ids->is_array()) {
            numbered_ = false;
            read_device_ids(ids->get_array());
        } else if (const auto* pods = topology->if_contains("pods"); pods != nullptr && pods->is_array()) {
            numbered_ = false;
            walk_pods(pods->get_array());
        }
    }

    // The device of chip index `chip`: a number that exactly the chips with
    // the same id share. nullopt when the chip is unmapped (outside the
    // device_ids list or the walk, or negative).
    std::optional<std::uint64_t> device(std::int64_t chip) const noexcept
    {
        if (chip < 0) return std::nullopt;
        const auto index = static_cast<std::uint64_t>(chip);
        if (numbered_) return index;
        if (index >= device_of_chip_.size()) return std::nullopt;
        return device_of_chip_[index];
    }

    // The id of a device returned by device().
    std::string id(std::uint64_t device) const
    {
        return numbered_ ? "chip_" + std::to_string(device) : names_.at(device);
    }

private:
    static const boost::json::object* object_member(const boost::json::object& parent, std::string_view key)
    {
        const auto* value = parent.if_contains(key);
        return value != nullptr ? value->if_object() : nullptr;
    }

    // Two chips given the same id are one device.
    void read_device_ids(const boost::json::array& ids)
    {
        std::unordered_map<std::string_view, std::uint64_t> device_of_name;
        for (const auto& id : ids) {
            // The host checked that every element is a string.
            const std::string_view name = id.get_string();
            const auto [slot, inserted] = device_of_name.try_emplace(name, names_.size());
            if (inserted) names_.emplace_back(name);
            device_of_chip_.push_back(slot->second);
        }
    }

    void walk_pods(const boost::json::array& pods)
    {
        for_each_copy(pods, "/topology/pods", [&](const boost::json::object& pod_entry, const std::string& pod_pointer,
                                                  std::size_t pod) {
            for_each_copy(children(pod_entry, "racks", pod_pointer), pod_pointer + "/racks",
                          [&](const boost::json::object& rack_entry, const std::string& rack_pointer, std::size_t rack) {
                for_each_copy(children(rack_entry, "boards", rack_pointer), rack_pointer + "/boards",
                              [&](const boost::json::object& board_entry, const std::string& board_pointer,
                                  std::size_t board) {
                    for_each_copy(children(board_entry, "chips", board_pointer), board_pointer + "/chips",
                                  [&](const boost::json::object&, const std::string& chip_pointer, std::size_t chip) {
                        add_walked_chip("pod_" + std::to_string(pod) + "/rack_" + std::to_string(rack) + "/board_" +
                                            std::to_string(board) + "/chip_" + std::to_string(chip),
                                        chip_pointer);
                    });
                });
            });
        });
    }

    void add_walked_chip(std::string name, const std::string& pointer)
    {
        if (names_.size() == max_walked_chips) {
            throw Failure(PR_ERR_INVALID_INPUT, "context value " + pointer + ": topology.pods describes more than " +
                                                    std::to_string(max_walked_chips) + " chips");
        }
        device_of_chip_.push_back(names_.size());
        names_.push_back(std::move(name));
    }

    // The array `key` of a topology entry; an absent key is an empty level.
    static const boost::json::array& children(const boost::json::object& entry, std::string_view key,
                                              const std::string& pointer)
    {
        static const boost::json::array none;
        const auto* value = entry.if_contains(key);
        if (value == nullptr || value->is_null()) return none;
        if (!value->is_array()) {
            throw Failure(PR_ERR_INVALID_INPUT,
                          "context value " + pointer + "/" + std::string(key) + " must be an array");
        }
        return value->get_array();
    }

    // Calls visit(entry, pointer, index) `count` times (default 1) for each
    // entry of `entries`, in array order; `index` numbers the copies of this
    // level across entries, from 0.
    template <class Visit>
    void for_each_copy(const boost::json::array& entries, const std::string& pointer, Visit&& visit)
    {
        std::size_t next = 0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string entry_pointer = pointer + "/" + std::to_string(i);
            const auto* entry = entries[i].if_object();
            if (entry == nullptr) throw Failure(PR_ERR_INVALID_INPUT, "context value " + entry_pointer + " must be an object");
            const std::int64_t count = count_of(*entry, entry_pointer);
            for (std::int64_t copy = 0; copy < count; ++copy) {
                const std::size_t chips_before = names_.size();
                visit(*entry, entry_pointer, next++);
                // The copies of one entry are alike: when one holds no chip,
                // none does, and a huge empty count costs nothing.
                if (names_.size() == chips_before) {
                    next += static_cast<std::size_t>(count - copy - 1);
                    break;
                }
            }
        }
    }

    static std::int64_t count_of(const boost::json::object& entry, const std::string& pointer)
    {
        const auto* value = entry.if_contains("count");
        if (value == nullptr || value->is_null()) return 1;
        boost::json::error_code not_integral;
        const auto count = value->is_number() ? value->to_number<std::int64_t>(not_integral) : -1;
        if (not_integral || count < 0 || static_cast<std::uint64_t>(count) > max_walked_chips) {
            throw Failure(PR_ERR_INVALID_INPUT, "context value " + pointer + "/count must be an integer from 0 to " +
                                                    std::to_string(max_walked_chips));
        }
        return count;
    }

    bool numbered_ = true;  // neither device_ids nor pods: chip_{k}
    std::vector<std::string> names_;
    std::vector<std::uint64_t> device_of_chip_;
};

}  // namespace perfreport
