// libFuzzer target: validation of one delivery file. The first byte picks the file spec
// (measures.csv, trajectories.csv, …); the rest is its text. Problems are issues, never crashes.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "schema/file_specs.hpp"
#include "import/table_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto& specs = ss::file_specs();
    const ss::FileSpec& spec = specs[data[0] % specs.size()];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::vector<ss::Issue> issues;
    try {
        (void)ss::parse_table(spec, text, ss::make_date(2026, 1, 20), issues);
    } catch (const ss::InputError&) {
    }
    return 0;
}
