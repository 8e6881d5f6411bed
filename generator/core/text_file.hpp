// Reads a whole text file (a query, a template, a report definition) at the edge of the pipeline.
#pragma once

#include <filesystem>
#include <string>

namespace ss {

/// The file's bytes. Throws InputError "<file>: cannot be read (<what>)".
std::string read_text_file(const std::filesystem::path& file, const std::string& what);

} // namespace ss
