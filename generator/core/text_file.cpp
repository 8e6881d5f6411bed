#include "core/text_file.hpp"

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace ss {

std::string read_text_file(const std::filesystem::path& file, const std::string& what) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file.string() + ": cannot be read (" + what + ")");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace ss
