// A fast RFC 4180 reader over an in-memory buffer: `,` or `;` detected from the header, quotes,
// doubled quotes, line breaks inside quotes, an optional UTF-8 byte-order mark.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace ss {

/// Broken quoting: the rest of the file cannot be read reliably.
struct CsvSyntaxError : InputError {
    CsvSyntaxError(const std::string& file, int line_number, const std::string& what_is_wrong)
        : InputError(file + ":" + std::to_string(line_number) + ": " + what_is_wrong),
          line(line_number), problem(what_is_wrong) {}
    int line;
    std::string problem;
};

/// One record: its fields and the physical line it starts on (1 = the header).
struct CsvRecord {
    int line = 0;
    std::vector<std::string_view> fields;
};

/// Reads records one by one. Field views stay valid until the next call of next().
/// Malformed quoting throws CsvSyntaxError naming `file_name` and the line.
class CsvReader {
public:
    /// `text` must outlive the reader.
    CsvReader(std::string_view file_name, std::string_view text);

    char delimiter() const { return delimiter_; }
    /// The next record, skipping empty lines; false at the end.
    bool next(CsvRecord& record);

private:
    std::string_view field_at_cursor(bool& end_of_record);

    std::string file_name_;
    std::string_view text_;
    size_t pos_ = 0;
    int line_ = 1;
    char delimiter_ = ',';
    std::deque<std::string> unescaped_; // backing storage for fields that held ""
};

/// `,` or `;`, whichever occurs more often outside quotes in the first line; `,` on a tie.
char detect_delimiter(std::string_view text);

} // namespace ss
