#include "safe_names.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace perfreport {
namespace {

constexpr std::size_t max_name_bytes = 120;

bool kept_as_is(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
}

bool ends_with_json(std::string_view part)
{
    constexpr std::string_view ending = ".json";
    if (part.size() <= ending.size()) return false;
    const std::string_view tail = part.substr(part.size() - ending.size());
    return std::equal(tail.begin(), tail.end(), ending.begin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::string lower(std::string text)
{
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

std::string safe_name(std::string_view relative_path)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= relative_path.size()) {
        const std::size_t end = std::min(relative_path.find_first_of("/\\", start), relative_path.size());
        const std::string_view part = relative_path.substr(start, end - start);
        if (!part.empty() && part != "." && part != "..") parts.push_back(part);
        start = end + 1;
    }
    if (!parts.empty() && ends_with_json(parts.back())) parts.back().remove_suffix(5);

    std::string name;
    for (const std::string_view part : parts) {
        if (!name.empty()) name += "__";
        if (part.front() == '.' || part.front() == '-') name += '_';
        for (const char c : part) name += kept_as_is(c) ? c : '_';
    }
    if (name.size() > max_name_bytes) name.resize(max_name_bytes);
    return name.empty() ? "input" : name;
}

const std::vector<std::string>& reserved_output_names()
{
    static const std::vector<std::string> names = {"manifest.json", "sweep_summary.csv", "sweep_summary.json",
                                                   "pareto.csv", "failures.csv"};
    return names;
}

std::vector<std::string> unique_safe_names(const std::vector<std::string>& relative_paths)
{
    std::unordered_set<std::string> taken;
    for (const auto& reserved : reserved_output_names()) taken.insert(lower(reserved));
    std::vector<std::string> names;
    names.reserve(relative_paths.size());
    for (const auto& path : relative_paths) {
        const std::string base = safe_name(path);
        std::string name = base;
        for (int copy = 2; taken.count(lower(name)) != 0; ++copy) name = base + "-" + std::to_string(copy);
        taken.insert(lower(name));
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace perfreport
