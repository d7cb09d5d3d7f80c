// What an exporter reads: the PR_ReportView of one call, typed.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_json.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/json_lookup.hpp"
#include "perfreport/sdk/table_view.hpp"

namespace perfreport {

// One analyzer's section: its summary (parsed once) and its tables.
class SectionView {
public:
    explicit SectionView(const PR_SectionView& section)
        : section_(&section),
          summary_(parse_host_json(section.summary_json,
                                   "summary of section " + std::string{section.id},
                                   boost::json::kind::object))
    {
    }

    std::string_view id() const noexcept { return section_->id; }
    const boost::json::object& summary() const noexcept { return summary_.get_object(); }
    std::size_t table_count() const noexcept { return section_->table_count; }
    TableView table(std::size_t index) const { return TableView{section_->tables[index]}; }

    std::optional<TableView> find_table(std::string_view name) const
    {
        for (std::size_t i = 0; i < table_count(); ++i) {
            if (table(i).name() == name) return table(i);
        }
        return std::nullopt;
    }

private:
    const PR_SectionView* section_;
    boost::json::value summary_;
};

// Borrowed for one export_report call; every JSON text is parsed here, once.
class ReportView {
public:
    explicit ReportView(const PR_ReportView& report)
        : report_(&report),
          header_(parse_host_json(report.header_json, "header_json", boost::json::kind::object)),
          provenance_(parse_host_json(report.provenance_json, "provenance_json", boost::json::kind::object)),
          diagnostics_(parse_host_json(report.diagnostics_json, "diagnostics_json", boost::json::kind::array)),
          options_(parse_host_json(report.options_json, "options_json", boost::json::kind::object))
    {
        if (report.step_metrics == nullptr) {
            throw Failure(PR_ERR_INVALID_ARGUMENT, "the report has no step_metrics table");
        }
        sections_.reserve(report.section_count);
        for (std::size_t i = 0; i < report.section_count; ++i) sections_.emplace_back(*report.sections[i]);
    }

    // schema_version, timestamp, granularity, performance, bottleneck, config.
    const boost::json::object& header() const noexcept { return header_.get_object(); }
    TableView step_metrics() const noexcept { return TableView{*report_->step_metrics}; }
    // In report order.
    std::span<const SectionView> sections() const noexcept { return sections_; }
    const boost::json::object& provenance() const noexcept { return provenance_.get_object(); }
    const boost::json::array& diagnostics() const noexcept { return diagnostics_.get_array(); }
    const boost::json::object& options() const noexcept { return options_.get_object(); }
    HostServices host() const noexcept { return HostServices{*report_->host}; }

    const SectionView* find_section(std::string_view id) const noexcept
    {
        for (const auto& section : sections_) {
            if (section.id() == id) return &section;
        }
        return nullptr;
    }

    // An option, e.g. option<bool>("/json/compact"); as AnalyzerInput::option.
    template <class T>
    T option(std::string_view pointer) const
    {
        return require_at<T>(options_, pointer, "option", PR_ERR_INVALID_ARGUMENT, PR_ERR_INVALID_ARGUMENT);
    }

    const PR_ReportView& raw() const noexcept { return *report_; }

private:
    const PR_ReportView* report_;
    boost::json::value header_;
    boost::json::value provenance_;
    boost::json::value diagnostics_;
    boost::json::value options_;
    std::vector<SectionView> sections_;
};

}  // namespace perfreport
