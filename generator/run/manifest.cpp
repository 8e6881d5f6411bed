#include "run/manifest.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/sha256.hpp"

namespace ss {

using nlohmann::ordered_json;

std::string RunInputs::digest() const {
    return sha256_hex(quarter + "\n" + version + "\n" + database_sha256 + "\n" + templates_sha256 + "\n" + queries_sha256 +
                      "\n" + selection);
}

std::string manifest_json(const Manifest& m) {
    ordered_json j;
    j["quarter"] = m.inputs.quarter;
    j["version"] = m.inputs.version;
    j["delivered_on"] = m.delivered_on;
    j["deliveries"] = m.delivery_ids;
    j["provisional"] = m.provisional;
    j["inputs"] = {{"database", m.inputs.database},
                   {"database_sha256", m.inputs.database_sha256},
                   {"templates_sha256", m.inputs.templates_sha256},
                   {"queries_sha256", m.inputs.queries_sha256},
                   {"selection", m.inputs.selection},
                   {"digest", m.inputs.digest()}};
    j["seconds"] = m.seconds;
    j["files"] = ordered_json::array();
    for (const auto& f : m.files)
        j["files"].push_back({{"path", f.path}, {"kind", f.kind}, {"scope", f.scope}, {"audience", f.audience},
                              {"bytes", f.bytes}, {"sha256", f.sha256}});
    return j.dump(2) + "\n";
}

std::optional<Manifest> read_manifest(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    try {
        const ordered_json j = ordered_json::parse(in);
        Manifest m;
        m.inputs.quarter = j.at("quarter").get<std::string>();
        m.inputs.version = j.at("version").get<std::string>();
        m.delivered_on = j.value("delivered_on", "");
        m.delivery_ids = j.value("deliveries", std::vector<std::int64_t>{});
        if (j.contains("provisional"))
            m.provisional = j.at("provisional").get<std::map<std::string, std::vector<std::string>>>();
        const auto& inputs = j.at("inputs");
        m.inputs.database = inputs.at("database").get<std::string>();
        m.inputs.database_sha256 = inputs.at("database_sha256").get<std::string>();
        m.inputs.templates_sha256 = inputs.at("templates_sha256").get<std::string>();
        m.inputs.queries_sha256 = inputs.at("queries_sha256").get<std::string>();
        m.inputs.selection = inputs.at("selection").get<std::string>();
        for (const auto& f : j.at("files"))
            m.files.push_back({f.at("path").get<std::string>(), f.at("kind").get<std::string>(),
                               f.at("scope").get<std::string>(), f.at("bytes").get<std::uint64_t>(),
                               f.at("sha256").get<std::string>(), f.value("audience", "")});
        return m;
    } catch (const std::exception&) {
        return std::nullopt; // an unreadable manifest is no manifest: the run renders again
    }
}

bool manifest_files_intact(const Manifest& m, const std::filesystem::path& folder) {
    for (const auto& f : m.files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(folder / f.path, ec);
        if (ec || size != f.bytes || sha256_file(folder / f.path) != f.sha256) return false;
    }
    return true;
}

std::string folder_sha256(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::string all;
    for (const auto& f : files) all += std::filesystem::relative(f, folder).string() + " " + sha256_file(f) + "\n";
    return sha256_hex(all);
}

} // namespace ss
