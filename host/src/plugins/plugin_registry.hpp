// AnalyzerRegistry, ExporterRegistry, PriceSourceRegistry: the loaded parts by id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plugin_info.hpp"

namespace perfreport {

template <class Info>
class Registry {
public:
    // The part registered under `id`, or nullptr.
    const Info* find(std::string_view id) const
    {
        for (const auto& info : parts_) {
            if (info.id == id) return &info;
        }
        return nullptr;
    }

    // Registers `info` unless its id is taken; returns whether it was added.
    bool add(Info info)
    {
        if (find(info.id) != nullptr) return false;
        parts_.push_back(std::move(info));
        return true;
    }

    const std::vector<Info>& all() const { return parts_; }

    std::vector<std::string> ids() const
    {
        std::vector<std::string> out;
        for (const auto& info : parts_) out.push_back(info.id);
        return out;
    }

private:
    std::vector<Info> parts_;  // in load order
};

using AnalyzerRegistry = Registry<AnalyzerInfo>;
using ExporterRegistry = Registry<ExporterInfo>;
using PriceSourceRegistry = Registry<PriceSourceInfo>;

}  // namespace perfreport
