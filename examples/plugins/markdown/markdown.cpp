// An example exporter: the report's performance, its bottlenecks and one line
// per analyzer section as summary.md, a page that renders on any code host.
// It reads the report only through the SDK and writes only through the host's
// output files (temporary file, then rename on commit).
#include <cstddef>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include <perfreport/sdk.hpp>

namespace markdown {

using perfreport::append_format;

// `text` on one line (control characters as C escapes, perfreport::printable)
// with the characters Markdown could read as markup inside a line escaped
// ('#' and '>' only mean something at its start, never ours).
std::string escaped(std::string_view text)
{
    std::string out;
    for (const char c : perfreport::printable(text)) {
        if (std::string_view{"\\`*_[]<|"}.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// An identifier (an op id, a tag) as code, which needs no markup escaped inside.
std::string code(std::string_view identifier)
{
    const std::string shown = perfreport::printable(identifier);
    if (shown.empty() || shown.find('`') != std::string::npos) return escaped(identifier);
    return "`" + shown + "`";
}

// SPEC 2.1's performance object as a two-column table.
void append_performance(std::string& out, const boost::json::object& header)
{
    const boost::json::object& p = perfreport::object_at(header, "performance", "header");
    const auto value = [&p](const char* key) { return perfreport::number(p, key, "performance"); };
    const double total = value("total_time_ms");
    const auto share = [total](double part) { return total > 0 ? 100.0 * part / total : 0.0; };

    out += "## Performance\n\n| metric | value |\n|---|---:|\n";
    append_format(out, "| total time | %.2f ms |\n", total);
    append_format(out, "| TTFT | %.2f ms |\n", value("ttft_ms"));
    append_format(out, "| TPOT | %.2f ms |\n", value("tpot_ms"));
    append_format(out, "| TPS | %.2f tokens/s |\n", value("tps"));
    append_format(out, "| MFU | %.2f%% |\n", 100.0 * value("mfu"));
    append_format(out, "| MBU | %.2f%% |\n", 100.0 * value("mbu"));
    append_format(out, "| memory peak | %.2f MB |\n", value("memory_peak_mb"));
    append_format(out, "| compute | %.2f ms (%.1f%%) |\n", value("compute_time_ms"), share(value("compute_time_ms")));
    append_format(out, "| communication | %.2f ms (%.1f%%) |\n", value("comm_time_ms"), share(value("comm_time_ms")));
    append_format(out, "| wait | %.2f ms (%.1f%%) |\n", value("wait_time_ms"), share(value("wait_time_ms")));
}

// SPEC 2.1's bottleneck counts, then the slowest ops.
void append_bottlenecks(std::string& out, const boost::json::object& header)
{
    const boost::json::object& b = perfreport::object_at(header, "bottleneck", "header");
    const auto count = [&b](const char* key) { return perfreport::integer(b, key, "bottleneck"); };

    out += "\n## Bottlenecks\n\n| bound | ops |\n|---|---:|\n";
    append_format(out, "| compute | %lld |\n", count("compute_bound_count"));
    append_format(out, "| bandwidth | %lld |\n", count("bw_bound_count"));
    append_format(out, "| latency | %lld |\n", count("latency_bound_count"));
    append_format(out, "| unknown | %lld |\n", count("unknown_count"));

    const boost::json::value& top_ops = perfreport::member(b, "top_ops", "bottleneck");
    if (!top_ops.is_array()) throw perfreport::wrong_type("top_ops", "bottleneck", "an array");
    if (top_ops.get_array().empty()) return;
    out += "\nSlowest ops:\n\n";
    std::size_t rank = 1;
    for (const boost::json::value& op : top_ops.get_array()) {
        if (!op.is_object()) throw perfreport::wrong_type("top_ops[]", "bottleneck", "an object");
        const boost::json::object& o = op.get_object();
        append_format(out, "%zu. %s: %.4f ms (%s)\n", rank++, code(perfreport::text(o, "op_id", "top op")).c_str(),
                      perfreport::number(o, "t_total_ms", "top op"),
                      code(perfreport::text(o, "bottleneck", "top op")).c_str());
    }
}

class MarkdownExporter final : public perfreport::IExporter {
public:
    static constexpr const char* id = "markdown";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Performance, bottlenecks and one line per analyzer section as summary.md (Markdown)";

    void export_report(const perfreport::ReportView& report) const override
    {
        const boost::json::object& header = report.header();
        std::string page = "# perfreport summary\n\n";
        append_format(page, "Granularity %s, report schema %s, %s.\n\n",
                      escaped(perfreport::text(header, "granularity", "header")).c_str(),
                      escaped(perfreport::text(header, "schema_version", "header")).c_str(),
                      escaped(perfreport::text(header, "timestamp", "header")).c_str());
        append_performance(page, header);
        append_bottlenecks(page, header);
        if (!report.sections().empty()) {
            page += "\n## Sections\n\n";
            for (const perfreport::SectionView& section : report.sections()) {
                page += "- " + escaped(perfreport::section_line(section)) + '\n';
            }
        }
        // Nothing appears under the final name until commit(); an exception
        // before it leaves no file behind.
        perfreport::OutputFile file = report.host().open_output("summary.md");
        file.write(page);
        file.commit();
    }
};

}  // namespace markdown

PERFREPORT_PLUGIN("perfreport-example-markdown", "1.0.0", markdown::MarkdownExporter)
