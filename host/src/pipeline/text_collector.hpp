// The host side of PR_TextSink: collects the text a plugin hands over in
// pieces (a price source's cost table).
#pragma once

#include <perfreport/abi.h>

#include <exception>
#include <string>
#include <string_view>

namespace perfreport {

class TextCollector {
public:
    TextCollector()
    {
        sink_.struct_size = sizeof(PR_TextSink);
        sink_.host_data = this;
        sink_.append = &TextCollector::append;
    }
    TextCollector(const TextCollector&) = delete;
    TextCollector& operator=(const TextCollector&) = delete;

    const PR_TextSink* sink() const { return &sink_; }
    const std::string& text() const { return text_; }

private:
    static PR_Status append(const PR_TextSink* sink, const char* utf8, uint64_t size, PR_Error* error) noexcept
    {
        const auto refuse = [&](PR_Status status, std::string_view message) {
            if (error != nullptr && error->set_message != nullptr) error->set_message(error, message.data(), message.size());
            return status;
        };
        if (utf8 == nullptr && size > 0) return refuse(PR_ERR_INVALID_ARGUMENT, "append: no text");
        try {
            static_cast<TextCollector*>(sink->host_data)->text_.append(utf8 != nullptr ? utf8 : "", size);
        } catch (const std::exception& e) {
            return refuse(PR_ERR_INTERNAL, e.what());
        }
        return PR_OK;
    }

    PR_TextSink sink_{};
    std::string text_;
};

}  // namespace perfreport
