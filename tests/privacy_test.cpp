// Privacy (AVG): no file of a municipality's folder holds another municipality's measure ids, and
// no output at all holds a child id or a case worker id; public outputs hold no measure id.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <vector>

#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> ids(const fs::path& db, const std::string& sql) {
    std::vector<std::string> out;
    std::istringstream in(run_cli_text("sqlite3 '" + db.string() + "' \"" + sql + "\""));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

/// What a reader of the file can see: PDF text, the XML inside a workbook, or the file itself.
std::string readable_text(const fs::path& file) {
    if (file.extension() == ".pdf") return pdf_text(file);
    if (file.extension() == ".xlsx") return run_cli_text("unzip -p '" + file.string() + "' '*.xml'");
    return read_file(file);
}

} // namespace

TEST_CASE("privacy: a municipality's folder holds no other municipality's measure ids, and no child or case worker ids") {
    const auto& run = small_demo_run();
    const auto children = ids(run.db, "SELECT DISTINCT child_id FROM measures UNION SELECT child_id FROM trajectories");
    const auto workers = ids(run.db, "SELECT case_worker_id FROM case_workers");
    REQUIRE(children.size() > 100);
    int files = 0;
    for (const fs::path& root : {run.public_folder(), run.internal_folder()})
        for (const auto& folder : fs::directory_iterator(root)) {
            const std::string name = folder.path().filename().string();
            if (!folder.is_directory() || name.rfind("GM", 0) != 0) continue;
            const std::string code = name.substr(0, 6);
            const auto others = ids(run.db, "SELECT measure_id FROM measures WHERE municipality_code <> '" + code + "'");
            const auto own = ids(run.db, "SELECT measure_id FROM measures WHERE municipality_code = '" + code + "'");
            for (const auto& file : fs::directory_iterator(folder.path())) {
                ++files;
                const std::string text = readable_text(file.path());
                CAPTURE(file.path());
                for (const auto& id : others) CHECK_MESSAGE(text.find(id) == std::string::npos, "measure " << id);
                for (const auto& id : children) CHECK_MESSAGE(text.find(id) == std::string::npos, "child " << id);
                for (const auto& id : workers) CHECK_MESSAGE(text.find(id) == std::string::npos, "case worker " << id);
                // Everything under public/ is published: not even the municipality's own measure ids.
                if (root == run.public_folder())
                    for (const auto& id : own) CHECK_MESSAGE(text.find(id) == std::string::npos, "own measure " << id << " in public");
            }
        }
    CHECK(files >= 18);
}
