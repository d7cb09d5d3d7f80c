#include "json_pointer.hpp"

namespace perfreport {

std::string pointer_token(std::string_view key)
{
    std::string token;
    token.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

void JsonPointerTracker::reset(std::string root)
{
    root_ = std::move(root);
    levels_.clear();
}

void JsonPointerTracker::value()
{
    if (!levels_.empty() && levels_.back().array) ++levels_.back().next_index;
}

void JsonPointerTracker::open_object() { levels_.push_back({}); }

void JsonPointerTracker::open_array() { levels_.push_back({true, 0, {}}); }

void JsonPointerTracker::key(std::string_view key) { levels_.back().key.assign(key); }

void JsonPointerTracker::close() { levels_.pop_back(); }

std::string JsonPointerTracker::pointer() const
{
    std::string pointer = root_;
    for (const auto& level : levels_) {
        pointer += '/';
        // An array's current element is the last one begun; before the first, the array itself.
        if (level.array) {
            if (level.next_index == 0) {
                pointer.pop_back();
            } else {
                pointer += std::to_string(level.next_index - 1);
            }
        } else {
            pointer += pointer_token(level.key);
        }
    }
    return pointer;
}

}  // namespace perfreport
