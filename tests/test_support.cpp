#include "test_support.hpp"

#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <sys/wait.h>

#include <doctest/doctest.h>

namespace ss::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("samen-sturen-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::map<std::string, std::string> valid_delivery() {
    return {
        {"regions.csv",
         "region_code,name\nJZ31,Zuid-Holland Zuid\nJZ33,Noordoost Brabant\nJZ02,Friesland (Fryslân)\n"},
        {"municipalities.csv",
         "municipality_code,name,region_code\n"
         "GM0505,Dordrecht,JZ31\n"
         "GM0642,Zwijndrecht,JZ31\n"
         "GM0796,'s-Hertogenbosch,JZ33\n"
         "GM1900,Súdwest-Fryslân,JZ02\n"},
        {"population.csv",
         "municipality_code,year,inhabitants,youths_0_17\n"
         "GM0505,2025,122000,23000\n"
         "GM0642,2025,45000,9000\n"},
        {"institutions.csv",
         "institution_id,name,kind\n"
         "GI-W,Jeugdbescherming west,gi\n"
         "P-1,\"Zorg & Co, Dordrecht\",provider\n"
         "LT-0505,Sociaal wijkteam Dordrecht,local_team\n"},
        {"case_workers.csv",
         "case_worker_id,institution_id,skj_number,skj_valid_until\n"
         "CW1,GI-W,110012345,2027-03-31\n"
         "CW2,GI-W,,\n"},
        {"measures.csv",
         "measure_id,child_id,municipality_code,institution_id,case_worker_id,kind,reason,"
         "start_date,end_date,end_reason\n"
         "M1,K1,GM0505,GI-W,CW1,ots,parenting_skills,2024-03-01,,\n"
         "M2,K1,GM0505,GI-W,CW1,uhp,home_situation,2024-06-01,2025-06-30,goal_reached\n"
         "M3,K2,GM0642,GI-W,,jr,other,2025-01-01,,\n"},
        {"measure_extensions.csv", "measure_id,extension_date,months\nM1,2025-03-01,12\n"},
        {"measure_progress.csv",
         "measure_id,quarter,score,parent_child_contact\n"
         "M1,2025-Q2,3,\n"
         "M2,2025-Q2,4,yes\n"},
        {"trajectories.csv",
         "trajectory_id,child_id,municipality_code,provider_id,segment,profile,intensity,referrer,"
         "start_date,end_date,end_reason\n"
         "T1,K3,GM0505,P-1,4,2,perspectief,gp,2025-01-15,2025-05-31,planned\n"
         "T2,K4,GM0642,LT-0505,7,,intensief,local_team,2025-04-01,,\n"},
        {"costs.csv",
         "subject_type,subject_id,quarter,projected_eur,actual_eur\n"
         "trajectory,T1,2025-Q1,1000.50,\"1100,25\"\n"
         "measure,M1,2025-Q1,1200,\n"},
        {"outcomes.csv",
         "trajectory_id,moment,experience_youth,experience_parent,goal_education,"
         "goal_family_balance,goal_problem_reduction,goal_participation\n"
         "T1,end,8,7,1,0,,1\n"},
        {"waiting_lists.csv",
         "provider_id,segment,quarter,waiting_count,longest_wait_days\nP-1,4,2025-Q2,12,130\n"},
        {"norms.csv", "segment,intensity,max_duration_days\n4,perspectief,270\n"},
        {"kpi_targets.csv",
         "kpi_id,scope_code,year,breakdown,target,direction\n"
         "JH01,JZ31,2025,,\"118,5\",lower_is_better\n"
         "JB06,GM0505,2025,,95,higher_is_better\n"
         "JH05,JZ31,2025,segment=4,12,lower_is_better\n"},
        {"notes.csv",
         "note_id,scope_code,quarter,kpi_id,kind,text,owner,due_quarter,status\n"
         "N1,GM0505,2025-Q2,JB07,toelichting,\"Twee gezinnen verhuisden; de score volgt, zegt de GI.\",,,\n"
         "N2,JZ31,2025-Q2,,afspraak,Wachtlijst segment 4 bespreken met aanbieders,contractmanagement,2025-Q4,open\n"},
        {"recipients.csv",
         "scope_code,name,email,role,reports\n"
         "GM0505,Beleid jeugd Dordrecht,jeugd@dordrecht.example,policy,samen-sturen;council\n"
         "JZ31,Contractmanagement ZHZ,cm@zhz.example,contract_management,region;gi-benchmark\n"},
    };
}

std::string query_folder() { return std::string(SAMEN_STUREN_SOURCE_DIR) + "/queries"; }

const Texts& project_texts() {
    static const Texts texts = Texts::load(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates/texts.json");
    return texts;
}

ImportOptions fixture_import_options() {
    ImportOptions options;
    options.today = fixture_today();
    options.kpis = load_kpi_queries(query_folder());
    return options;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_delivery(const std::filesystem::path& folder,
                    const std::map<std::string, std::string>& files) {
    std::filesystem::create_directories(folder);
    for (const auto& [name, text] : files) write_file(folder / name, text);
}

std::string file_fingerprint(const std::filesystem::path& path) {
    const std::string bytes = read_file(path);
    return std::to_string(bytes.size()) + ":" + std::to_string(std::hash<std::string>{}(bytes));
}

std::string query_text(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getString();
}

long long query_int(SQLite::Database& db, const std::string& sql) {
    return db.execAndGet(sql).getInt64();
}

CommandResult run_cli(const std::string& arguments) {
    TempDir dir;
    const std::string command = std::string(SAMEN_STUREN_BINARY) + " " + arguments + " >" +
                                (dir / "out").string() + " 2>" + (dir / "err").string();
    const int status = std::system(command.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir / "out");
    r.err = read_file(dir / "err");
    return r;
}

} // namespace ss::test

namespace ss::test {

std::string run_cli_text(const std::string& shell_command) {
    TempDir dir;
    const std::string command = shell_command + " >" + (dir / "out").string() + " 2>/dev/null";
    if (std::system(command.c_str()) != 0) return "";
    return read_file(dir / "out");
}

void convert_with_libreoffice(const std::vector<std::filesystem::path>& files, const std::filesystem::path& out,
                              const std::string& filter, int timeout_seconds) {
    std::string command = "cd '" + out.string() + "' && timeout " + std::to_string(timeout_seconds) +
                          " soffice -env:UserInstallation=file://" + (out / "profile").string() +
                          " --headless --norestore --convert-to '" + filter + "' --outdir '" + out.string() + "'";
    for (const auto& file : files) command += " '" + file.string() + "'";
    command += " >'" + (out / "convert.log").string() + "' 2>&1";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, read_file(out / "convert.log"));
}

const DemoRun& small_demo_run() {
    static TempDir dir;
    static const DemoRun run = [] {
        DemoRun r{dir / "demo.db", dir / "out" / "2025-Q3"};
        const auto demo = run_cli("demo --db " + r.db.string() + " --scale small");
        REQUIRE_MESSAGE(demo.exit_code == 0, demo.err);
        const auto render = run_cli("run --db " + r.db.string() + " --quarter 2025-Q3 --out " + (dir / "out").string());
        REQUIRE_MESSAGE(render.exit_code == 0, render.err);
        return r;
    }();
    return run;
}

std::string kpis_csv_value(const std::filesystem::path& file, const std::string& scope_code, const std::string& kpi_id,
                           const std::string& breakdown) {
    std::istringstream lines(read_file(file));
    const std::string key = "," + scope_code + "," + kpi_id + "," + breakdown + ",";
    for (std::string line; std::getline(lines, line);) {
        const size_t at = line.find(key);
        if (at == std::string::npos) continue;
        return line.substr(line.rfind(',') + 1);
    }
    FAIL("no row " << key << " in " << file);
    return {};
}

std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& folder, const std::string& extension) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.path().extension() == extension) files.push_back(entry.path());
    return files;
}

std::string pdf_text(const std::filesystem::path& pdf, int page) {
    const std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return run_cli_text("pdftotext -layout" + pages + " '" + pdf.string() + "' -");
}

} // namespace ss::test
