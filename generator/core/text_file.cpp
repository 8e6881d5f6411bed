#include "core/text_file.hpp"

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace ss {

std::string read_text_file(const std::filesystem::path& file, const std::string& what) {
    // A folder opens as a stream on Linux and fails only on reading: both are checked.
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in && !std::filesystem::is_directory(file)) text << in.rdbuf();
    if (!in || in.bad() || std::filesystem::is_directory(file)) throw InputError(file.string() + ": cannot be read (" + what + ")");
    return std::move(text).str();
}

} // namespace ss
