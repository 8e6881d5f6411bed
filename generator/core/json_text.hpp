// JSON read at the edge (templates, open data): a file that is not JSON is an InputError naming it.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"

namespace ss {

/// The parsed text; `ordered_json` where the file's order matters (labels: the order reports list
/// codes in). Throws InputError "<file>: not valid JSON: …".
template <typename Json = nlohmann::json>
Json parse_json_text(std::string_view file_name, std::string_view text) {
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(std::string(file_name) + ": not valid JSON: " + e.what());
    }
}

} // namespace ss
