#include "engine_result_parser.hpp"

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "engine_result_handler.hpp"

namespace perfreport {

namespace {

// Read size: large enough that fread costs nothing, small enough that the
// file is never in memory (DESIGN: one streaming pass).
constexpr std::size_t chunk_size = std::size_t{1} << 20;

// The longest token a parse error may need to see to be named ("Infinity").
constexpr std::size_t token_lookahead = 8;

boost::json::parse_options strict_options()
{
    boost::json::parse_options options;
    options.max_depth = json_max_depth;
    return options;
}

ParseOutcome io_error(const std::filesystem::path& path, int error)
{
    ParseOutcome outcome;
    outcome.diagnostics.push_back(
        {Severity::error, "E_IO", "input", "", "cannot read " + path.string() + ": " + std::strerror(error)});
    return outcome;
}

}  // namespace

class EngineResultParser::Impl {
public:
    Impl(const ParseOptions& options, std::size_t size_hint) : parser_(strict_options(), options, size_hint) {}

    bool write(std::string_view piece)
    {
        if (pending_) {
            pending_->rest.append(piece.substr(0, token_lookahead - pending_->rest.size()));
            if (pending_->rest.size() >= token_lookahead) report_pending();
            return pending_.has_value();
        }
        if (failed_) return false;
        boost::json::error_code ec;
        const std::size_t used = parser_.write_some(true, piece.data(), piece.size(), ec);
        advance(piece.substr(0, used));
        // Without an error the parser takes everything, unless the document
        // ended and something other than whitespace follows it.
        if (!ec && used < piece.size()) ec = boost::json::error::extra_data;
        if (!ec) return true;
        fail(ec, piece.substr(used));
        return pending_.has_value();
    }

    ParseOutcome finish()
    {
        if (pending_) report_pending();
        if (!failed_) {
            boost::json::error_code ec;
            parser_.write_some(false, "", 0, ec);
            if (ec) {
                fail(ec, {});
                report_pending();
            }
        }
        return parser_.handler().finish();
    }

private:
    // A parse error, held back until enough of the following text has come
    // to tell whether it is Python's NaN or Infinity.
    struct Pending {
        boost::json::error_code ec;
        std::uint64_t line = 0;
        std::uint64_t column = 0;
        char previous = '\0';
        std::string rest;
    };

    void advance(std::string_view consumed)
    {
        const char* const begin = consumed.data();
        const char* const end = begin + consumed.size();
        for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
            ++line_;
            line_start_ = offset_ + static_cast<std::uint64_t>(p - begin) + 1;
        }
        offset_ += consumed.size();
        if (!consumed.empty()) previous_ = consumed.back();
    }

    void fail(boost::json::error_code ec, std::string_view rest)
    {
        failed_ = true;
        pending_ = Pending{ec, line_, offset_ - line_start_ + 1, previous_, std::string(rest.substr(0, token_lookahead))};
        if (pending_->rest.size() >= token_lookahead) report_pending();
    }

    void report_pending()
    {
        const std::string_view token = non_standard_number_token(pending_->rest, pending_->previous);
        const std::uint64_t column = token.starts_with('-') ? pending_->column - 1 : pending_->column;
        const std::string position = "line " + std::to_string(pending_->line) + ", column " + std::to_string(column);
        parser_.handler().parse_failed(json_error_message(position, pending_->ec, token));
        pending_.reset();
    }

    boost::json::basic_parser<EngineResultHandler> parser_;
    std::uint64_t offset_ = 0;      // bytes consumed
    std::uint64_t line_ = 1;        // line of the next byte
    std::uint64_t line_start_ = 0;  // offset where that line starts
    char previous_ = '\0';          // last byte consumed
    bool failed_ = false;
    std::optional<Pending> pending_;
};

EngineResultParser::EngineResultParser(const ParseOptions& options, std::size_t size_hint)
    : impl_(std::make_unique<Impl>(options, size_hint))
{
}

EngineResultParser::~EngineResultParser() = default;

bool EngineResultParser::write(std::string_view piece) { return impl_->write(piece); }

ParseOutcome EngineResultParser::finish() { return impl_->finish(); }

ParseOutcome parse_engine_result_file(const std::filesystem::path& path, const ParseOptions& options)
{
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return io_error(path, errno);
    std::error_code size_error;
    const auto size = std::filesystem::file_size(path, size_error);
    EngineResultParser parser(options, size_error ? 0 : static_cast<std::size_t>(size));
    const auto buffer = std::make_unique<char[]>(chunk_size);
    for (;;) {
        const std::size_t got = std::fread(buffer.get(), 1, chunk_size, file.get());
        if (got > 0 && !parser.write({buffer.get(), got})) break;
        if (got == chunk_size) continue;
        if (std::ferror(file.get())) return io_error(path, errno);
        break;
    }
    return parser.finish();
}

ParseOutcome parse_engine_result_text(std::string_view text, const ParseOptions& options)
{
    EngineResultParser parser(options, text.size());
    parser.write(text);
    return parser.finish();
}

}  // namespace perfreport
