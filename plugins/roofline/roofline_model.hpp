// The roofline model of SPEC 2.4: a compute roof, a bandwidth slope, and where
// a step sits under them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace perfreport::roofline {

// One plotted step. Units: FLOP/B and GFLOPS (FLOP/ns).
struct Point {
    double arithmetic_intensity;
    double achieved_flops;
    double attainable_flops;
    bool is_compute_bound;
    double efficiency;
};

struct Curve {
    std::vector<double> x;  // FLOP/B
    std::vector<double> y;  // GFLOPS
};

class Model {
public:
    // peak_flops in GFLOPS, peak_bandwidth in GB/s, both > 0.
    Model(double peak_flops, double peak_bandwidth)
        : peak_flops_(peak_flops), peak_bandwidth_(peak_bandwidth)
    {
    }

    double peak_flops() const noexcept { return peak_flops_; }
    double peak_bandwidth() const noexcept { return peak_bandwidth_; }
    double ridge_point() const noexcept { return peak_flops_ / peak_bandwidth_; }
    double attainable(double intensity) const noexcept { return std::min(peak_flops_, intensity * peak_bandwidth_); }

    // Steps without flops or without bytes (every comm step) are not plotted.
    static bool is_plotted(std::int64_t flops, std::uint64_t bytes) noexcept { return flops > 0 && bytes > 0; }

    // A plotted step: `t_total_ms` is the step's time, `bytes` read + written.
    Point point(std::int64_t flops, std::uint64_t bytes, double t_total_ms) const noexcept
    {
        const double intensity = static_cast<double>(flops) / static_cast<double>(bytes);
        const double time_ns = t_total_ms * 1e6;
        const double achieved = time_ns > 0 ? static_cast<double>(flops) / time_ns : 0.0;
        const double roof = attainable(intensity);
        return {intensity, achieved, roof, intensity >= ridge_point(), roof > 0 ? achieved / roof : 0.0};
    }

    // `count` >= 2 intensities spaced evenly in log10 from `low` to `high`,
    // and the roof above each. Exponents are computed as numpy.logspace does
    // (k·step + start, the last one exactly log10(high)), so the upstream
    // curve is reproduced bit for bit.
    Curve curve(double low, double high, std::size_t count) const
    {
        const double start = std::log10(low);
        const double stop = std::log10(high);
        const double step = (stop - start) / static_cast<double>(count - 1);
        Curve result;
        result.x.reserve(count);
        result.y.reserve(count);
        for (std::size_t k = 0; k < count; ++k) {
            const double exponent = k + 1 == count ? stop : static_cast<double>(k) * step + start;
            result.x.push_back(std::pow(10.0, exponent));
            result.y.push_back(attainable(result.x.back()));
        }
        return result;
    }

private:
    double peak_flops_;
    double peak_bandwidth_;
};

}  // namespace perfreport::roofline
