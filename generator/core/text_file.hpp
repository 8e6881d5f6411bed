// Reads a whole file (a delivery's CSV, a query, a template, a rendered report to mail) at the edge
// of the pipeline: the program's one whole-file reader.
#pragma once

#include <filesystem>
#include <string>

namespace ss {

/// The file's bytes. Throws InputError "<file>: cannot be read (<what>)" when it is missing, a
/// folder, or fails while being read; `what` says what the file is or what to do.
std::string read_text_file(const std::filesystem::path& file, const std::string& what);

} // namespace ss
