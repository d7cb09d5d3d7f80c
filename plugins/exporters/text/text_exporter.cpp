// TextExporter: the human summary of SPEC 2.1 and one line per section, as summary.txt.
#include <string>

#include "perfreport/sdk.hpp"

namespace perfreport::text_export {

class TextExporter final : public IExporter {
public:
    static constexpr const char* id = "text";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "The summary `perfreport run` prints, plus one line per analyzer section, as summary.txt";

    void export_report(const ReportView& report) const override
    {
        std::string summary = build_text(report.header(), report.option<std::int64_t>("/summary/top_n"));
        if (!report.sections().empty()) {
            summary += "\n--- Sections ---\n";
            for (const SectionView& section : report.sections()) summary += section_line(section) + '\n';
        }
        OutputFile file = report.host().open_output("summary.txt");
        file.write(summary);
        file.commit();
    }
};

}  // namespace perfreport::text_export

PERFREPORT_PLUGIN("perfreport-text", "1.0.0", perfreport::text_export::TextExporter)
