#include "db/database_backups.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace ss {

std::filesystem::path backup_folder(const std::string& db_path) { return std::filesystem::path(db_path + ".backups"); }

std::string backup_file_name(const std::string& imported_at, const std::string& what) {
    // 2026-01-20T10:00:00+01:00 -> 20260120T100000: digits and the T, up to the zone.
    std::string stamp;
    for (size_t i = 0; i < imported_at.size() && i < 19; ++i)
        if (std::isdigit(static_cast<unsigned char>(imported_at[i])) || imported_at[i] == 'T') stamp += imported_at[i];
    return stamp + "-before-" + what + ".db";
}

void prune_backups(const std::filesystem::path& folder, size_t keep) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    std::vector<fs::path> copies;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
        const std::string name = e.path().filename().string();
        if (name.find(".partial") != std::string::npos) fs::remove(e.path(), ec); // and its journal
        else if (e.path().extension() == ".db" && name.find("-before-") != std::string::npos) copies.push_back(e.path());
    }
    std::sort(copies.begin(), copies.end());
    for (size_t i = 0; i + keep < copies.size(); ++i) fs::remove(copies[i], ec);
}

} // namespace ss
