// Output names come from codes and slugs: no name or code can steer a path outside --out, and no
// name makes a file name too long; files are replaced whole or not at all.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "output/output_files.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

TEST_CASE("output files: folder names are codes and slugs, never paths") {
    CHECK(scope_folder_name({ScopeType::municipality, "GM0505", "Dordrecht", "JZ31", "Zuid-Holland Zuid"}) == "GM0505-dordrecht");
    CHECK(scope_folder_name({ScopeType::region, "JZ31", "Zuid-Holland Zuid", "JZ31", ""}) == "regio-JZ31-zuid-holland-zuid");
    CHECK(scope_folder_name({ScopeType::municipality, "GM0088", "../../etc/passwd", "R", ""}) == "GM0088-etc-passwd");
    CHECK(scope_folder_name({ScopeType::region, "../../x", "/", "", ""}) == "regio-x-x");
    CHECK(scope_folder_name({ScopeType::municipality, "GM/../0001", "a/b", "", ""}) == "GM0001-a-b");
    CHECK_THROWS_AS(scope_folder_name({ScopeType::municipality, "/", "x", "", ""}), OutputError);
    CHECK_THROWS_AS(scope_folder_name({ScopeType::municipality, "..", "x", "", ""}), OutputError);
    const std::string long_name(10000, 'a');
    CHECK(scope_folder_name({ScopeType::municipality, "GM0001", long_name, "", ""}).size() <= 67);
    CHECK(scope_folder_name({ScopeType::municipality, "GM0001", "Gemeente met een heel lange naam die maar doorgaat en doorgaat en doorgaat", "", ""}) ==
          "GM0001-gemeente-met-een-heel-lange-naam-die-maar-doorgaat-en");
    CHECK(scope_file_name("samen-sturen-{quarter}-{code}.pdf", "GM0505", "2025-Q3") == "samen-sturen-2025-Q3-GM0505.pdf");
    CHECK(scope_file_name("kpis.csv", "GM0505", "2025-Q3") == "kpis.csv");
    CHECK(scope_file_name("gi-{code}.pdf", "JZ/../31", "2025-Q3") == "gi-JZ31.pdf"); // a code never steers a path
}

TEST_CASE("output files: a file is replaced whole; a failed write leaves the old one and no temporary file") {
    TempDir dir;
    write_file_atomically(dir / "a.txt", "old");
    write_file_atomically(dir / "a.txt", "new");
    CHECK(read_file(dir / "a.txt") == "new");
    CHECK_THROWS_AS(write_file_atomically_with(dir / "a.txt", [](const std::string& path) {
                        write_file(path, "half");
                        throw OutputError("disk full");
                    }),
                    OutputError);
    CHECK(read_file(dir / "a.txt") == "new");
    CHECK_FALSE(std::filesystem::exists(dir / "a.txt.partial"));
    CHECK_THROWS_AS(write_file_atomically(dir / "missing" / "b.txt", "x"), OutputError);
}
