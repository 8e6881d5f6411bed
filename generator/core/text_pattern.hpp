// Texts with named gaps, kept in templates/ (`{municipality}`, `{shown} van de {all}`) and filled
// in by the code that knows the values.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ss {

/// Replaces each `{name}` of `pattern` by its value; a gap without a value stays as it is.
std::string fill_pattern(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values);

} // namespace ss
