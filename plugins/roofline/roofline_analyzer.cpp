// RooflineAnalyzer: the `roofline` section of SPEC 2.4.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "perfreport/sdk.hpp"
#include "roofline_model.hpp"

namespace perfreport::roofline {
namespace {

std::string number_text(double value)
{
    std::string text;
    append_json_number(text, value);
    return text;
}

// A context value that must be > 0; the host applied SPEC 1.6's fallbacks.
double positive_context_value(const AnalyzerInput& input, std::string_view pointer)
{
    const double value = input.context_value<double>(pointer);
    if (!(value > 0)) {
        throw Failure(PR_ERR_INVALID_INPUT,
                      "context value " + std::string{pointer} + " must be > 0, got " + number_text(value));
    }
    return value;
}

struct CurveOptions {
    double ai_min;
    double ai_max;
    std::size_t num_points;
};

CurveOptions curve_options(const AnalyzerInput& input)
{
    const double ai_min = input.option<double>("/roofline/ai_min");
    const double ai_max = input.option<double>("/roofline/ai_max");
    const std::int64_t num_points = input.option<std::int64_t>("/roofline/num_points");
    if (!(ai_min > 0)) {
        throw Failure(PR_ERR_INVALID_ARGUMENT, "option roofline.ai_min must be > 0, got " + number_text(ai_min));
    }
    if (!(ai_max > ai_min)) {
        throw Failure(PR_ERR_INVALID_ARGUMENT, "option roofline.ai_max must be > roofline.ai_min (" +
                                                   number_text(ai_min) + "), got " + number_text(ai_max));
    }
    if (num_points < 2) {
        throw Failure(PR_ERR_INVALID_ARGUMENT,
                      "option roofline.num_points must be >= 2, got " + std::to_string(num_points));
    }
    return {ai_min, ai_max, static_cast<std::size_t>(num_points)};
}

boost::json::array to_json(const std::vector<double>& values)
{
    return boost::json::array(values.begin(), values.end());
}

}  // namespace

class RooflineAnalyzer final : public IAnalyzer {
public:
    static constexpr const char* id = "roofline";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Roofline: arithmetic intensity, achieved and attainable GFLOPS of every step with flops and bytes";
    static constexpr std::array required_context{"/hardware/compute_tflops", "/hardware/memory_bandwidth_gbps"};
    static constexpr const char* options_schema = R"({
  "ai_min": {"type": "number", "default": 0.01,
             "description": "lowest arithmetic intensity of the roofline curve, FLOP/B; > 0"},
  "ai_max": {"type": "number", "default": 1000,
             "description": "highest arithmetic intensity of the roofline curve, FLOP/B; > ai_min"},
  "num_points": {"type": "integer", "default": 100,
                 "description": "number of points of the roofline curve; >= 2"}
})";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const Model model{positive_context_value(input, "/hardware/compute_tflops") * 1000.0,
                          positive_context_value(input, "/hardware/memory_bandwidth_gbps")};
        const CurveOptions options = curve_options(input);
        const std::size_t plotted = write_points(model, input.steps(), out);
        const Curve curve = model.curve(options.ai_min, options.ai_max, options.num_points);
        out.summary({
            {"peak_flops", model.peak_flops()},
            {"peak_bandwidth", model.peak_bandwidth()},
            {"ridge_point", model.ridge_point()},
            {"roofline_x", to_json(curve.x)},
            {"roofline_y", to_json(curve.y)},
            {"num_points", plotted},
        });
    }

private:
    // The `points` table, one row per plotted step in input order; returns its length.
    static std::size_t write_points(const Model& model, const StepTable& steps, SectionWriter& out)
    {
        TableBuilder& table = out.table("points", {
                                                      {"name", "", ColumnType::string},
                                                      {"arithmetic_intensity", "FLOP/B", ColumnType::float64},
                                                      {"achieved_flops", "GFLOPS", ColumnType::float64},
                                                      {"attainable_flops", "GFLOPS", ColumnType::float64},
                                                      {"peak_flops", "GFLOPS", ColumnType::float64},
                                                      {"peak_bandwidth", "GB/s", ColumnType::float64},
                                                      {"is_compute_bound", "", ColumnType::boolean},
                                                      {"is_memory_bound", "", ColumnType::boolean},
                                                      {"bottleneck", "", ColumnType::string},
                                                      {"efficiency", "ratio", ColumnType::float64},
                                                  });
        const StringColumn names = steps.op_id();
        const auto flops = steps.flops();
        const auto bytes_read = steps.bytes_read();
        const auto bytes_write = steps.bytes_write();
        const auto t_total = steps.t_total();
        std::size_t plotted = 0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            // Each count is < 2^63, so their sum fits in 64 unsigned bits.
            const std::uint64_t bytes =
                static_cast<std::uint64_t>(bytes_read[i]) + static_cast<std::uint64_t>(bytes_write[i]);
            if (!Model::is_plotted(flops[i], bytes)) continue;
            const Point point = model.point(flops[i], bytes, t_total[i]);
            table.append(names[i], point.arithmetic_intensity, point.achieved_flops, point.attainable_flops,
                         model.peak_flops(), model.peak_bandwidth(), point.is_compute_bound,
                         !point.is_compute_bound, point.is_compute_bound ? "COMPUTE_BOUND" : "BW_BOUND",
                         point.efficiency);
            ++plotted;
        }
        return plotted;
    }
};

}  // namespace perfreport::roofline

PERFREPORT_PLUGIN("perfreport-roofline", "1.0.0", perfreport::roofline::RooflineAnalyzer)
