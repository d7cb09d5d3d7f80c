// Rows cut into chunks that TBB's threads work on at once, handed back in
// order: how an exporter formats a large table fast and still writes it as a
// stream. Needs TBB (link TBB::tbb).
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>

#include <tbb/parallel_pipeline.h>

namespace perfreport {

// Calls make(first, last) for the chunks [first, last) of rows [0, count),
// `chunk_rows` rows each, in parallel, and consume(result) for each result
// in row order, one at a time. At most `chunks_in_flight` results exist at
// once, so memory stays bounded. make must be safe to call concurrently.
template <class Make, class Consume>
void for_each_chunk_in_order(std::size_t count, std::size_t chunk_rows, std::size_t chunks_in_flight, Make make,
                             Consume consume)
{
    using Result = decltype(make(std::size_t{}, std::size_t{}));
    const std::size_t chunk_count = (count + chunk_rows - 1) / chunk_rows;
    std::size_t next = 0;
    tbb::parallel_pipeline(
        chunks_in_flight,
        tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                            [&](tbb::flow_control& control) -> std::size_t {
                                                if (next == chunk_count) control.stop();
                                                return next++;
                                            }) &
            tbb::make_filter<std::size_t, Result>(tbb::filter_mode::parallel,
                                                  [&](std::size_t chunk) {
                                                      const std::size_t first = chunk * chunk_rows;
                                                      return make(first, std::min(count, first + chunk_rows));
                                                  }) &
            tbb::make_filter<Result, void>(tbb::filter_mode::serial_in_order,
                                           [&](Result result) { consume(std::move(result)); }));
}

}  // namespace perfreport
