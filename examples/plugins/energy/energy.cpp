// An example analyzer: the energy the modelled run draws, and the energy per
// token of its prefill and of its decode, from the power of one chip given in
// the input's context. README.md beside this file gives the fields, the units
// and the formula.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <perfreport/sdk.hpp>

namespace energy {

// The steps of one phase: how many and how long, in ms.
struct PhaseTime {
    std::size_t steps = 0;
    double time_ms = 0.0;
};

// Joules drawn by `chip_count` chips of `watts_per_chip` for `time_ms`.
double energy_j(double time_ms, double watts_per_chip, std::int64_t chip_count)
{
    return time_ms / 1000.0 * watts_per_chip * static_cast<double>(chip_count);
}

class EnergyAnalyzer final : public perfreport::IAnalyzer {
public:
    static constexpr const char* id = "energy";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Energy of the modelled run and energy per token of prefill and decode, from the power of one chip";
    // Without these the host skips the analyzer with W_SKIPPED naming the key.
    static constexpr std::array required_context{"/hardware/power_watts", "/deployment/batch_size"};

    void analyze(const perfreport::AnalyzerInput& input, perfreport::SectionWriter& out) const override
    {
        const perfreport::StepTable steps = input.steps();
        if (steps.size() == 0) throw perfreport::Skipped("the input has no steps to time");

        const double watts = input.context_value<double>("/hardware/power_watts");
        if (!(watts > 0)) {
            throw perfreport::Failure(PR_ERR_INVALID_INPUT, "context value /hardware/power_watts must be > 0 W, got " +
                                                                std::to_string(watts));
        }
        // The host fills chip_count from tp * pp * dp when the input has none.
        const std::int64_t chips = input.context_value<std::int64_t>("/hardware/chip_count");
        const std::int64_t batch = input.context_value<std::int64_t>("/deployment/batch_size");

        // Each step's time goes to its phase (SPEC 1.9's resolved phase).
        std::array<PhaseTime, 2> phases{};  // indexed by PR_PHASE_PREFILL, PR_PHASE_DECODE
        const perfreport::PhaseResolver phase_of(steps, input.context());
        const auto t_total = steps.t_total();
        double total_ms = 0.0;
        for (std::size_t row = 0; row < steps.size(); ++row) {
            PhaseTime& phase = phases[static_cast<std::size_t>(phase_of(row))];
            ++phase.steps;
            phase.time_ms += t_total[row];
            total_ms += t_total[row];
        }

        // Prefill reads every prompt token of the batch; a decode step writes
        // one token per sequence.
        const auto phase_summary = [&](const PhaseTime& phase, std::int64_t tokens) -> boost::json::value {
            if (phase.steps == 0) return nullptr;
            const double joules = energy_j(phase.time_ms, watts, chips);
            return boost::json::object{
                {"steps", phase.steps},
                {"time_ms", phase.time_ms},
                {"tokens", tokens},
                {"energy_j", joules},
                {"energy_per_token_j", joules / static_cast<double>(tokens)},
            };
        };
        const PhaseTime& prefill = phases[PR_PHASE_PREFILL];
        const std::int64_t prompt_tokens =
            prefill.steps == 0 ? 0 : batch * input.context_value<std::int64_t>("/deployment/input_seq_length");

        out.summary({
            {"power_watts", watts},
            {"chip_count", chips},
            {"total_time_ms", total_ms},
            {"total_energy_j", energy_j(total_ms, watts, chips)},
            {"prefill", phase_summary(prefill, prompt_tokens)},
            {"decode", phase_summary(phases[PR_PHASE_DECODE], batch)},
        });
    }
};

}  // namespace energy

PERFREPORT_PLUGIN("perfreport-example-energy", "1.0.0", energy::EnergyAnalyzer)
