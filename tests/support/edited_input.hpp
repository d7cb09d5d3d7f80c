// An input that differs from a fixture by a few literal edits (a value added,
// changed or removed): the worked examples with one thing changed.
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "file_text.hpp"

namespace perfreport::test {

struct TextEdit {
    std::string find;
    std::string replace;
};

// Writes `source` with each edit applied to its first occurrence to
// `destination`; an edit whose text is not there throws, so a fixture that
// changed shape cannot silently turn a test into a no-op.
inline std::filesystem::path write_edited(const std::filesystem::path& source, const std::filesystem::path& destination,
                                          const std::vector<TextEdit>& edits)
{
    std::string text = read_text(source);
    for (const auto& edit : edits) {
        const std::size_t at = text.find(edit.find);
        if (at == std::string::npos) throw std::invalid_argument(source.string() + " has no " + edit.find);
        text.replace(at, edit.find.size(), edit.replace);
    }
    std::ofstream(destination, std::ios::binary) << text;
    return destination;
}

}  // namespace perfreport::test
