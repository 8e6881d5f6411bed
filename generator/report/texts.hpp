// The fixed texts of every output (templates/texts.json): headings, paragraphs, link labels and
// the mail's subject, one place per text, with `{gaps}` the program fills in.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ss {

using TextGaps = std::vector<std::pair<std::string, std::string>>;

class Texts {
public:
    /// Throws InputError naming the file when it is not a JSON object of strings, or when a text
    /// the program uses (text_ids()) is missing: a run never stops halfway for want of a text.
    static Texts parse(std::string_view file_name, std::string_view json_text);
    static Texts load(const std::filesystem::path& file);

    /// The text `id` with its gaps filled.
    std::string fill(std::string_view id, const TextGaps& gaps = {}) const;

private:
    std::map<std::string, std::string, std::less<>> texts_;
};

/// Every id the program fills (a test checks this list against the code and templates/texts.json).
const std::vector<std::string_view>& text_ids();

} // namespace ss
