#include "sweep_inputs.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "safe_names.hpp"

namespace perfreport {
namespace fs = std::filesystem;
namespace {

bool is_json_file_name(const std::string& name)
{
    constexpr std::string_view ending = ".json";
    if (name.size() <= ending.size()) return false;
    std::string tail = name.substr(name.size() - ending.size());
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    return tail == ending;
}

bool same_folder(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

std::vector<SweepInput> list_folder(const fs::path& root, const fs::path& output)
{
    std::vector<SweepInput> inputs;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, ec);
    if (ec) throw SweepError("cannot read the folder " + root.string() + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) throw SweepError("cannot read the folder " + root.string() + ": " + ec.message());
        const fs::directory_entry& entry = *it;
        const std::string file_name = entry.path().filename().string();
        if (file_name.front() == '.' || (entry.is_directory() && same_folder(entry.path(), output))) {
            if (entry.is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file() || !is_json_file_name(file_name)) continue;
        inputs.push_back({entry.path(), entry.path().lexically_relative(root).generic_string(), ""});
    }
    std::sort(inputs.begin(), inputs.end(),
              [](const SweepInput& a, const SweepInput& b) { return a.relative < b.relative; });
    return inputs;
}

std::string trimmed(const std::string& line)
{
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    const auto last = line.find_last_not_of(" \t\r");
    return line.substr(first, last - first + 1);
}

std::vector<SweepInput> list_file(const fs::path& list, std::vector<std::string>& warnings)
{
    std::ifstream in(list);
    if (!in) throw SweepError("cannot read the input list " + list.string());
    const fs::path base = list.parent_path();
    std::vector<SweepInput> inputs;
    std::set<fs::path> seen;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string text = trimmed(line);
        if (text.empty() || text.front() == '#') continue;
        if (inputs.empty() && text.front() == '{') {
            throw SweepError(list.string() + " is a JSON document, not a folder or a list of inputs; "
                             "'perfreport run' reports on one input");
        }
        const fs::path path(text);
        const fs::path file = (path.is_absolute() ? path : base / path).lexically_normal();
        if (!seen.insert(file).second) {
            warnings.push_back(list.string() + ":" + std::to_string(number) + ": " + text +
                               " is listed already; listed once");
            continue;
        }
        const fs::path relative = path.is_absolute() ? path.relative_path() : path.lexically_normal();
        inputs.push_back({file, relative.generic_string(), ""});
    }
    return inputs;
}

}  // namespace

SweepListing list_sweep_inputs(const fs::path& source, const fs::path& output)
{
    SweepListing listing;
    std::error_code ec;
    const fs::file_status status = fs::status(source, ec);
    if (fs::is_directory(status)) {
        listing.inputs = list_folder(source, output);
    } else if (fs::exists(status)) {
        listing.inputs = list_file(source, listing.warnings);
    } else {
        throw SweepError("no such folder or input list: " + source.string());
    }
    std::vector<std::string> relative;
    for (const auto& input : listing.inputs) relative.push_back(input.relative);
    const auto names = unique_safe_names(relative);
    for (std::size_t i = 0; i < names.size(); ++i) listing.inputs[i].name = names[i];
    return listing;
}

}  // namespace perfreport
