// A PR_ReportView laid out from plain values, for driving exporters.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fakes/cell_table.hpp"
#include "perfreport/abi.h"

namespace perfreport::testing {

struct SectionSpec {
    std::string id;
    std::string summary_json = "{}";
    std::vector<fakes::CellTable> tables;
};

// What the host would assemble (SPEC 3.1); texts are JSON.
struct ReportSpec {
    std::string header_json;
    fakes::CellTable step_metrics{"step_metrics", {}};
    std::vector<SectionSpec> sections;
    std::string provenance_json = "{}";
    std::string diagnostics_json = "[]";
    std::string options_json = R"({"json": {"compact": false}})";
};

// Borrows `spec`, which must outlive it and stay unchanged.
class OwnedReport {
public:
    OwnedReport(const ReportSpec& spec, const PR_Host* host) : step_metrics_(spec.step_metrics)
    {
        for (const SectionSpec& section : spec.sections) {
            auto& tables = section_tables_.emplace_back();
            for (const auto& table : section.tables) {
                owned_tables_.push_back(std::make_unique<fakes::OwnedTable>(table));
                tables.push_back(owned_tables_.back()->get());
            }
        }
        for (std::size_t s = 0; s < spec.sections.size(); ++s) {
            const SectionSpec& section = spec.sections[s];
            sections_.push_back(PR_SectionView{sizeof(PR_SectionView),
                                               static_cast<std::uint32_t>(section_tables_[s].size()),
                                               section.id.c_str(), view(section.summary_json),
                                               section_tables_[s].data()});
        }
        for (const PR_SectionView& section : sections_) section_pointers_.push_back(&section);
        report_ = PR_ReportView{sizeof(PR_ReportView),
                                static_cast<std::uint32_t>(sections_.size()),
                                host,
                                view(spec.header_json),
                                &step_metrics_.get(),
                                section_pointers_.data(),
                                view(spec.provenance_json),
                                view(spec.diagnostics_json),
                                view(spec.options_json)};
    }
    OwnedReport(const OwnedReport&) = delete;
    OwnedReport& operator=(const OwnedReport&) = delete;

    const PR_ReportView& get() const { return report_; }

private:
    static PR_StringView view(const std::string& text) { return {text.data(), text.size()}; }

    fakes::OwnedTable step_metrics_;
    std::vector<std::unique_ptr<fakes::OwnedTable>> owned_tables_;
    std::vector<std::vector<PR_Table>> section_tables_;
    std::vector<PR_SectionView> sections_;
    std::vector<const PR_SectionView*> section_pointers_;
    PR_ReportView report_{};
};

}  // namespace perfreport::testing
