// ASCII slugs for folder names and demo e-mail addresses: "'s-Hertogenbosch" -> "s-hertogenbosch".
#pragma once

#include <string>
#include <string_view>

namespace ss {

/// Lower-case ASCII letters, digits and single hyphens; accents folded (ú -> u), everything else
/// dropped. Never empty ("x" for a name without any letter), never contains '/' or "..".
std::string slugify(std::string_view name);

/// The name with its ASCII letters in lower case, for the pages' search boxes (which lower-case
/// what is typed the same way).
std::string lower_ascii(std::string_view name);

} // namespace ss
