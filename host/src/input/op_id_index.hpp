// Repeated op_ids (W_DUPLICATE_OP_ID), found once every step is read: a hash
// per step is collected as the steps stream by, then the hashes are sorted
// once and only equal ones compare their strings. Cheaper than probing a hash
// table at random for every step, and no second copy of the strings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "step_store.hpp"

namespace perfreport {

class OpIdIndex {
public:
    static std::uint32_t hash(std::string_view op_id);

    // Step `row` has an op_id with this hash. Rows come in increasing order.
    void add(std::uint64_t row, std::uint32_t hash);

    struct Duplicate {
        std::uint64_t row;    // a step whose op_id an earlier step has
        std::uint64_t first;  // the first step with that op_id
    };
    // Every repeat, in row order. Consumes the collected hashes.
    std::vector<Duplicate> take_duplicates(const StepStore& table);

private:
    // An entry packs the hash over the row: rows from 2^32 on, some hundreds
    // of gigabytes into a file, are not checked.
    static constexpr std::uint64_t row_mask = 0xFFFF'FFFF;

    std::vector<std::uint64_t> entries_;
};

}  // namespace perfreport
