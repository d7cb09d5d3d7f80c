// A streaming JSON text writer with perfreport's number rules.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace perfreport {

// Appends `value` as a JSON number: the shortest digits that read back as
// the same double, laid out as Python's repr does (positional for exponents
// -4..15, else 1e-07 / 1e+300 style), with ".0" added where the text would
// otherwise read as an integer (1544.0 stays a float for every reader).
// NaN and infinities become null.
inline void append_json_number(std::string& out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char text[32];
    char* end = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific).ptr;
    const char* e = std::find(text, end, 'e');
    int exponent = 0;
    std::from_chars(e + (e[1] == '+' ? 2 : 1), end, exponent);
    if (exponent < -4 || exponent >= 16) {
        out.append(text, end);
        return;
    }
    end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed).ptr;
    out.append(text, end);
    if (std::find(text, end, '.') == end) out += ".0";
}

// Appends `text` as a quoted JSON string. UTF-8 is kept as is; quotes,
// backslashes and control characters are escaped.
inline void append_json_string(std::string& out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text, run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    out.append(text, run, text.size() - run);
    out += '"';
}

// Writes JSON text into a buffer the caller drains: between any two calls the
// caller may hand buffer() to a file and clear it, so a document of any size
// streams in bounded memory. Misuse (a key inside an array, an unbalanced
// end) throws std::logic_error. Not thread-safe: one writer per document.
class JsonWriter {
public:
    enum class Style { compact, pretty };  // pretty: 2-space indentation

    // `base_depth` indents everything as if the writer's first value sat that
    // deep in an enclosing document (for values formatted apart, in parallel).
    explicit JsonWriter(Style style = Style::compact, std::size_t base_depth = 0)
        : pretty_(style == Style::pretty), base_depth_(base_depth)
    {
    }

    bool pretty() const noexcept { return pretty_; }

    // How deep the next member or element sits: what a value formatted apart
    // for this position takes as its base depth.
    std::size_t depth() const noexcept { return base_depth_ + scopes_.size(); }

    // Appends `count` array elements formatted elsewhere. The text holds each
    // element's separator (a comma when one was written before, and the new
    // line and indentation of depth()) as the writer would have written it.
    void raw_elements(std::string_view text, std::uint64_t count)
    {
        if (scopes_.empty() || scopes_.back().is_object || after_key_) {
            throw std::logic_error("JsonWriter: raw elements outside an array");
        }
        out_ += text;
        scopes_.back().count += count;
    }

    // Whether the innermost array or object has a member or element yet.
    bool has_elements() const noexcept { return !scopes_.empty() && scopes_.back().count > 0; }

    void begin_object() { open('{', true); }
    void end_object() { close('}', true); }
    void begin_array() { open('[', false); }
    void end_array() { close(']', false); }

    void key(std::string_view name)
    {
        if (scopes_.empty() || !scopes_.back().is_object || after_key_) {
            throw std::logic_error("JsonWriter: key outside an object");
        }
        separate();
        append_json_string(out_, name);
        out_ += pretty_ ? ": " : ":";
        after_key_ = true;
    }

    void string(std::string_view text)
    {
        before_value();
        append_json_string(out_, text);
    }

    template <std::integral Integer>
        requires(!std::same_as<Integer, bool>)
    void number(Integer value)
    {
        before_value();
        char text[24];
        out_.append(text, std::to_chars(text, text + sizeof text, value).ptr);
    }

    void number(double value)
    {
        before_value();
        append_json_number(out_, value);
    }

    void boolean(bool value)
    {
        before_value();
        out_ += value ? "true" : "false";
    }

    void null()
    {
        before_value();
        out_ += "null";
    }

    // A parsed value (e.g. a section summary), with the same number rules.
    void json(const boost::json::value& value)
    {
        switch (value.kind()) {
        case boost::json::kind::null: null(); break;
        case boost::json::kind::bool_: boolean(value.get_bool()); break;
        case boost::json::kind::int64: number(value.get_int64()); break;
        case boost::json::kind::uint64: number(value.get_uint64()); break;
        case boost::json::kind::double_: number(value.get_double()); break;
        case boost::json::kind::string: string(value.get_string()); break;
        case boost::json::kind::array: json(value.get_array()); break;
        case boost::json::kind::object: json(value.get_object()); break;
        }
    }

    void json(const boost::json::array& array)
    {
        begin_array();
        for (const auto& element : array) json(element);
        end_array();
    }

    void json(const boost::json::object& object)
    {
        begin_object();
        for (const auto& member : object) {
            key(member.key());
            json(member.value());
        }
        end_object();
    }

    // The text written since the last clear; the caller flushes and clears it.
    std::string& buffer() noexcept { return out_; }

private:
    struct Scope {
        bool is_object;
        std::uint64_t count;  // members or elements written so far
    };

    // Comma and, when pretty, a new line at the current depth.
    void separate()
    {
        if (scopes_.back().count++ > 0) out_ += ',';
        if (pretty_) new_line(depth());
    }

    void before_value()
    {
        if (after_key_) {
            after_key_ = false;
        } else if (!scopes_.empty()) {
            if (scopes_.back().is_object) throw std::logic_error("JsonWriter: value without a key");
            separate();
        }
    }

    void open(char bracket, bool is_object)
    {
        before_value();
        out_ += bracket;
        scopes_.push_back({is_object, 0});
    }

    void close(char bracket, bool is_object)
    {
        if (scopes_.empty() || scopes_.back().is_object != is_object || after_key_) {
            throw std::logic_error("JsonWriter: unbalanced end");
        }
        const bool empty = scopes_.back().count == 0;
        scopes_.pop_back();
        if (pretty_ && !empty) new_line(depth());
        out_ += bracket;
    }

    void new_line(std::size_t level)
    {
        out_ += '\n';
        out_.append(2 * level, ' ');
    }

    std::string out_;
    std::vector<Scope> scopes_;
    bool pretty_;
    std::size_t base_depth_;
    bool after_key_ = false;
};

}  // namespace perfreport
