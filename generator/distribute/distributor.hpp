// distribute: every recipient gets the files of its report kinds for its own scope, once. Each
// delivery is logged in the database (what, how, how often, status), so a re-run sends nothing
// twice and a failed delivery is tried again, with backoff now and on the next run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "distribute/mail_transport.hpp"

namespace ss {

struct DistributeOptions {
    std::string db;
    Quarter quarter;
    std::filesystem::path out;  ///< the output root of `run`: files are read from <out>/<quarter>/
    std::string from = "samen-sturen@regio.example";
    std::uint64_t max_attachment_bytes = 10ull << 20;
    int attempts = 3;           ///< tries per delivery in this run
    int backoff_ms = 1000;      ///< wait before the second try; doubled each time
    bool allow_provisional = false; ///< send a quarter whose cost figures are provisional (and say so)
    /// Where the quarter's public/ folder is published (https://…/2025-Q4): each mail links to its
    /// scope's public page there. Empty: no link.
    std::string public_url;
    std::filesystem::path templates; ///< the templates/ folder: the mail's text (mail.mustache, texts.json)
};

struct DistributeSummary {
    int sent = 0;
    int already_sent = 0;
    std::vector<std::string> failed;        ///< "email (scope): why"
    std::vector<std::string> without_files; ///< recipients whose kinds have no file for their scope
};

/// Distributes the quarter of a finished run (its manifest.json). Throws InputError when the
/// quarter has no manifest; delivery failures are in the summary, not thrown.
DistributeSummary distribute(const DistributeOptions& options, MailTransport& transport, std::ostream& log);

} // namespace ss
