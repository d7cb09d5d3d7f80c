#include "op_id_index.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

namespace perfreport {

namespace {

// Stable LSD radix sort on the hash (the upper 32 bits), one byte per pass:
// entries with equal hashes keep their row order.
void sort_by_hash(std::vector<std::uint64_t>& entries)
{
    std::vector<std::uint64_t> buffer(entries.size());
    for (unsigned shift = 32; shift < 64; shift += 8) {
        std::array<std::size_t, 257> start{};
        for (const std::uint64_t e : entries) ++start[((e >> shift) & 0xFF) + 1];
        for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
        for (const std::uint64_t e : entries) buffer[start[(e >> shift) & 0xFF]++] = e;
        entries.swap(buffer);
    }
}

}  // namespace

std::uint32_t OpIdIndex::hash(std::string_view op_id)
{
    return static_cast<std::uint32_t>(std::hash<std::string_view>{}(op_id));
}

void OpIdIndex::add(std::uint64_t row, std::uint32_t hash)
{
    if (row <= row_mask) entries_.push_back((std::uint64_t{hash} << 32) | row);
}

std::vector<OpIdIndex::Duplicate> OpIdIndex::take_duplicates(const StepStore& table)
{
    sort_by_hash(entries_);
    std::vector<Duplicate> duplicates;
    std::vector<std::uint64_t> firsts;  // within one hash: the first row of each distinct op_id
    for (std::size_t begin = 0; begin < entries_.size();) {
        std::size_t end = begin + 1;
        while (end < entries_.size() && (entries_[end] >> 32) == (entries_[begin] >> 32)) ++end;
        firsts.clear();
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint64_t row = entries_[i] & row_mask;
            const auto same = std::find_if(firsts.begin(), firsts.end(), [&](std::uint64_t first) {
                return table.op_id(first) == table.op_id(row);
            });
            if (same == firsts.end()) {
                firsts.push_back(row);
            } else {
                duplicates.push_back({row, *same});
            }
        }
        begin = end;
    }
    entries_ = {};
    std::sort(duplicates.begin(), duplicates.end(),
              [](const Duplicate& a, const Duplicate& b) { return a.row < b.row; });
    return duplicates;
}

}  // namespace perfreport
