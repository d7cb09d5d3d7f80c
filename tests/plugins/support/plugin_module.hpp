// A built plugin library loaded through the C ABI, as the host loads it.
#pragma once

#include <dlfcn.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "perfreport/abi.h"

namespace perfreport::testing {

class PluginModule {
public:
    // Never unloaded, as the host does: a plugin's own dependencies (TBB's
    // worker threads) may outlive its last call.
    explicit PluginModule(const std::string& path)
        : handle_(dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE))
    {
        if (handle_ == nullptr) throw std::runtime_error(std::string{"dlopen: "} + dlerror());
        const auto entry = reinterpret_cast<PR_PluginEntryFunction>(dlsym(handle_, PR_PLUGIN_ENTRY_SYMBOL));
        if (entry == nullptr) {
            dlclose(handle_);
            throw std::runtime_error(path + " exports no " PR_PLUGIN_ENTRY_SYMBOL);
        }
        entry_ = entry();
    }
    PluginModule(const PluginModule&) = delete;
    PluginModule& operator=(const PluginModule&) = delete;
    ~PluginModule() { dlclose(handle_); }

    const PR_PluginEntry& entry() const { return *entry_; }

    const PR_IAnalyzer& analyzer(std::string_view id) const
    {
        return find(entry_->analyzers, entry_->analyzer_count, id);
    }

    const PR_IExporter& exporter(std::string_view id) const
    {
        return find(entry_->exporters, entry_->exporter_count, id);
    }

private:
    template <class Descriptor>
    static const Descriptor& find(const Descriptor* const* list, std::uint32_t count, std::string_view id)
    {
        for (std::uint32_t i = 0; i < count; ++i) {
            if (list[i]->id == id) return *list[i];
        }
        throw std::out_of_range("no plugin class " + std::string{id});
    }

    void* handle_;
    const PR_PluginEntry* entry_ = nullptr;
};

}  // namespace perfreport::testing
