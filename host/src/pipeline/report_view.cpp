#include "report_view.hpp"

#include <boost/json/serialize.hpp>

#include "../report/report_json.hpp"

namespace perfreport {

ReportViewData::ReportViewData(const ReportingReport& report, const boost::json::object& options)
    : header_(header_json(report)),
      provenance_(provenance_json(report)),
      diagnostics_(diagnostics_json(report.diagnostics)),
      options_(boost::json::serialize(options)),
      step_metrics_(report.step_metrics.view())
{
    // Sizes first: the views below point into these vectors.
    summaries_.reserve(report.sections.size());
    tables_.reserve(report.sections.size());
    for (const auto& section : report.sections) {
        summaries_.push_back(boost::json::serialize(section.summary));
        auto& tables = tables_.emplace_back();
        for (const auto& table : section.tables) tables.push_back(table.view());
    }
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        PR_SectionView section{};
        section.struct_size = sizeof(PR_SectionView);
        section.table_count = static_cast<uint32_t>(tables_[i].size());
        section.id = report.sections[i].id.c_str();
        section.summary_json = {summaries_[i].data(), summaries_[i].size()};
        section.tables = tables_[i].data();
        sections_.push_back(section);
    }
    for (const auto& section : sections_) section_pointers_.push_back(&section);
}

PR_ReportView ReportViewData::view_for(const PR_Host* host) const
{
    PR_ReportView view{};
    view.struct_size = sizeof(PR_ReportView);
    view.section_count = static_cast<uint32_t>(section_pointers_.size());
    view.host = host;
    view.header_json = {header_.data(), header_.size()};
    view.step_metrics = &step_metrics_;
    view.sections = section_pointers_.data();
    view.provenance_json = {provenance_.data(), provenance_.size()};
    view.diagnostics_json = {diagnostics_.data(), diagnostics_.size()};
    view.options_json = {options_.data(), options_.size()};
    return view;
}

}  // namespace perfreport
