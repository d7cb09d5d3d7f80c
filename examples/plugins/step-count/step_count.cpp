// The smallest useful analyzer, as the README shows it: a section with the
// number of steps. Load it with --plugin-dir <build>/examples/plugins/step-count.
#include <perfreport/sdk.hpp>

class StepCount final : public perfreport::IAnalyzer {
public:
    static constexpr const char* id = "step_count";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description = "how many steps the input has";

    void analyze(const perfreport::AnalyzerInput& input, perfreport::SectionWriter& out) const override
    {
        out.summary({{"steps", input.steps().size()}});
    }
};

PERFREPORT_PLUGIN("step-count", "1.0.0", StepCount)
