// Helpers shared by the tests: temporary folders, a small valid delivery to start from, file
// fingerprints, and running the real command line.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "import/importer.hpp"
#include "report/texts.hpp"

namespace ss::test {

/// A fresh folder under the system temp folder, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// The import day all fixture tests use.
inline Date fixture_today() { return make_date(2026, 1, 20); }

/// The project's queries/ folder: the KPI catalogue.
std::string query_folder();
/// The project's fixed texts (templates/texts.json), loaded once.
const Texts& project_texts();
/// Import options for fixtures: the import day fixture_today() and the project's KPI catalogue.
ImportOptions fixture_import_options();

/// A small, valid delivery: file name -> CSV text. Tests change one file to provoke one error.
std::map<std::string, std::string> valid_delivery();

void write_delivery(const std::filesystem::path& folder,
                    const std::map<std::string, std::string>& files);
void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

/// A fingerprint of a file's bytes, to prove that something did not change at all.
std::string file_fingerprint(const std::filesystem::path& path);

/// One value of a single-value query.
std::string query_text(SQLite::Database& db, const std::string& sql);
long long query_int(SQLite::Database& db, const std::string& sql);

struct CommandResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};
/// Runs a shell command and returns what it wrote to standard output.
std::string run_cli_text(const std::string& shell_command);

/// Runs the built samen-sturen binary with `arguments` (shell-quoted by the caller).
CommandResult run_cli(const std::string& arguments);

/// LibreOffice's filter that writes every sheet of a workbook to `<stem>-<sheet>.csv`, text cells
/// quoted, so that a number stored as text shows.
inline const std::string libreoffice_sheets_csv =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1";

/// Converts `files` with headless LibreOffice into `out` with `filter` (`pdf`, or
/// libreoffice_sheets_csv), using a profile of its own in `out` so that tests may run side by
/// side. REQUIREs that it worked, showing LibreOffice's output when not.
void convert_with_libreoffice(const std::vector<std::filesystem::path>& files, const std::filesystem::path& out,
                              const std::string& filter, int timeout_seconds = 180);

/// A `small` demo database rendered for 2025-Q3 with `samen-sturen run`, made once per test
/// process: its output folder (`.../2025-Q3`) and its database.
struct DemoRun {
    std::filesystem::path db;
    std::filesystem::path quarter_folder;
    std::filesystem::path public_folder() const { return quarter_folder / "public"; }
    std::filesystem::path internal_folder() const { return quarter_folder / "internal"; }
};
const DemoRun& small_demo_run();

/// The files under `folder`, at any depth, whose extension is `extension` (".pdf", ".xlsx").
std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& folder, const std::string& extension);

/// The one value of kpis.csv `file` for scope, KPI and breakdown ("" when the row has none).
std::string kpis_csv_value(const std::filesystem::path& file, const std::string& scope_code,
                           const std::string& kpi_id, const std::string& breakdown = "");

/// The text of a PDF (pdftotext -layout), or of one page of it.
std::string pdf_text(const std::filesystem::path& pdf, int page = 0);

} // namespace ss::test
