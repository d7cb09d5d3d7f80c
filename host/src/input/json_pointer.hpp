// JSON pointers (RFC 6901) for the `where` of a diagnostic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// One reference token: '~' -> "~0", '/' -> "~1".
std::string pointer_token(std::string_view key);

// Follows the parser through a value (a context, say) so that a finding
// inside it can say where it is.
class JsonPointerTracker {
public:
    void reset(std::string root);
    // Call before each value: counts array elements.
    void value();
    void open_object();
    void open_array();
    void key(std::string_view key);
    void close();
    std::string pointer() const;

private:
    struct Level {
        bool array = false;
        std::size_t next_index = 0;  // arrays: elements begun so far
        std::string key;             // objects: the current key
    };
    std::string root_;
    std::vector<Level> levels_;
};

}  // namespace perfreport
