// The compact JSON text of each step's `meta` object, for keys the columns do
// not carry (PR_Host::step_meta_json). Kept only when asked for: it is most of
// the input's bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

class RawMetaStore {
public:
    bool empty() const { return offsets_.size() == 1; }
    std::uint64_t size() const { return offsets_.size() - 1; }
    // The meta text of step `step`; "{}" when the step had none.
    std::string_view get(std::uint64_t step) const;

    // Writing: the parser replays the meta object's events, then ends the step.
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    void key(std::string_view key);
    void string(std::string_view value);
    void number(std::string_view text);  // as written in the input
    void boolean(bool value);
    void null();
    void end_step();

private:
    void before_value();
    void append_quoted(std::string_view text);

    std::string pool_;
    std::vector<std::uint64_t> offsets_{0};
    bool need_comma_ = false;  // a value just ended at this level
};

}  // namespace perfreport
