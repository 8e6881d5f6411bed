// The layers of docs/architecture.md hold: no folder of generator/ includes one on its own level
// or above it. The table is read from the document, so the document and the code cannot drift.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <sstream>

#include "test_support.hpp"

using namespace ss::test;
namespace fs = std::filesystem;

namespace {

/// folder -> level, from the "| level | folders | what |" table of docs/architecture.md.
std::map<std::string, int> layer_levels() {
    std::istringstream doc(read_file(std::string(SAMEN_STUREN_SOURCE_DIR) + "/docs/architecture.md"));
    static const std::regex row(R"re(^\| (\d+) \| ([a-z_, ]+) \|)re");
    std::map<std::string, int> levels;
    for (std::string line; std::getline(doc, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, row)) continue;
        std::istringstream folders(m[2].str());
        for (std::string folder; std::getline(folders, folder, ',');) {
            folder.erase(0, folder.find_first_not_of(' '));
            folder.erase(folder.find_last_not_of(' ') + 1);
            levels[folder] = std::stoi(m[1].str());
        }
    }
    return levels;
}

} // namespace

TEST_CASE("layers: every folder of generator/ is in the table, and includes only folders below it") {
    const auto levels = layer_levels();
    REQUIRE(levels.size() >= 10);
    const fs::path generator = fs::path(SAMEN_STUREN_SOURCE_DIR) / "generator";
    static const std::regex include(R"re(#include "([a-z_]+)/)re");
    int checked = 0;
    for (const auto& folder : fs::directory_iterator(generator)) {
        if (!folder.is_directory()) continue;
        const std::string name = folder.path().filename().string();
        const auto own = levels.find(name);
        REQUIRE_MESSAGE(own != levels.end(), "generator/" << name << " is not in docs/architecture.md's layer table");
        for (const auto& file : fs::directory_iterator(folder.path())) {
            const std::string path = file.path().string();
            const std::string text = read_file(file.path());
            for (std::sregex_iterator m(text.begin(), text.end(), include), end; m != end; ++m) {
                const std::string used = (*m)[1];
                if (used == name) continue;
                const auto level = levels.find(used);
                CAPTURE(path);
                CAPTURE(used);
                REQUIRE(level != levels.end());
                CHECK(level->second < own->second);
                ++checked;
            }
        }
    }
    CHECK(checked > 100);
}
