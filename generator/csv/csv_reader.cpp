#include "csv/csv_reader.hpp"


namespace ss {

static std::string_view strip_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

char detect_delimiter(std::string_view text) {
    text = strip_bom(text);
    size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

CsvReader::CsvReader(std::string_view file_name, std::string_view text)
    : file_name_(file_name), text_(strip_bom(text)), delimiter_(detect_delimiter(text_)) {}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    unescaped_.clear();
    // Skip blank lines between records (a trailing newline, an empty line at the end).
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    bool end_of_record = false;
    while (!end_of_record) record.fields.push_back(field_at_cursor(end_of_record));
    return true;
}

std::string_view CsvReader::field_at_cursor(bool& end_of_record) {
    const size_t n = text_.size();
    auto finish_at = [&](size_t p) {
        // p points at a delimiter, a line break or the end.
        if (p >= n) {
            end_of_record = true;
            pos_ = n;
        } else if (text_[p] == delimiter_) {
            pos_ = p + 1;
        } else {
            end_of_record = true;
            if (text_[p] == '\r' && p + 1 < n && text_[p + 1] == '\n') ++p;
            pos_ = p + 1;
            ++line_;
        }
    };

    if (pos_ < n && text_[pos_] == '"') {
        const int start_line = line_;
        size_t p = pos_ + 1;
        const size_t content_start = p;
        bool has_escapes = false;
        while (true) {
            if (p >= n)
                throw CsvSyntaxError(file_name_, start_line,
                                     "a quoted field is never closed (a \" is missing)");
            if (text_[p] == '"') {
                if (p + 1 < n && text_[p + 1] == '"') {
                    has_escapes = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (text_[p] == '\n') ++line_;
            ++p;
        }
        std::string_view content = text_.substr(content_start, p - content_start);
        ++p; // past the closing quote
        if (p < n && text_[p] != delimiter_ && text_[p] != '\n' && text_[p] != '\r')
            throw CsvSyntaxError(file_name_, line_,
                                 "unexpected text after a closing quote (write a \" inside a "
                                 "quoted field as \"\")");
        finish_at(p);
        if (!has_escapes) return content;
        std::string& out = unescaped_.emplace_back();
        out.reserve(content.size());
        for (size_t i = 0; i < content.size(); ++i) {
            out.push_back(content[i]);
            if (content[i] == '"') ++i; // skip the second quote of a pair
        }
        return out;
    }

    size_t p = pos_;
    while (p < n && text_[p] != delimiter_ && text_[p] != '\n' && text_[p] != '\r') ++p;
    std::string_view field = text_.substr(pos_, p - pos_);
    finish_at(p);
    return field;
}

} // namespace ss
