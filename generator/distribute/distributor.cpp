#include "distribute/distributor.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include <SQLiteCpp/Statement.h>
#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "core/slug.hpp"
#include "core/text_file.hpp"
#include "db/database.hpp"
#include "distribute/distribution_log.hpp"
#include "distribute/distribution_plan.hpp"
#include "distribute/mail_message.hpp"
#include "format/dutch.hpp"
#include "report/texts.hpp"
#include "run/manifest.hpp"

namespace ss {

namespace {

std::vector<Recipient> read_recipients(SQLite::Database& db) {
    std::vector<Recipient> out;
    SQLite::Statement q(db, "SELECT scope_code, name, email, role, reports FROM recipients ORDER BY scope_code, email");
    while (q.executeStep()) {
        Recipient r{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), {}};
        std::istringstream reports(q.getColumn(4).getString());
        for (std::string kind; std::getline(reports, kind, ';');)
            if (!kind.empty()) r.reports.push_back(kind);
        out.push_back(std::move(r));
    }
    return out;
}

std::map<std::string, std::string> scope_titles(SQLite::Database& db) {
    std::map<std::string, std::string> titles;
    SQLite::Statement m(db, "SELECT municipality_code, 'Gemeente ' || name FROM municipalities "
                            "UNION ALL SELECT region_code, 'Regio ' || name FROM regions");
    while (m.executeStep()) titles[m.getColumn(0).getString()] = m.getColumn(1).getString();
    return titles;
}


/// "1,4 MB", or "37 kB" under a megabyte ("0,0 MB" told a reader nothing).
std::string size_text(std::uint64_t bytes) {
    if (bytes < (1u << 20)) return format_number(std::max(1.0, std::round(static_cast<double>(bytes) / 1024)), 0) + " kB";
    return format_number(static_cast<double>(bytes) / (1 << 20), 1) + " MB";
}

/// The mail's words (templates/mail.mustache and the subject in texts.json), read and parsed once
/// per run.
struct MailTemplates {
    kainjow::mustache::mustache body;
    Texts texts;
};

MailTemplates load_mail_templates(const std::filesystem::path& folder) {
    MailTemplates t{kainjow::mustache::mustache(read_text_file(folder / "mail.mustache", "mail template")),
                    Texts::load(folder / "texts.json")};
    if (!t.body.is_valid()) throw InputError((folder / "mail.mustache").string() + ": " + t.body.error_message());
    return t;
}

MailMessage message_for(const PlannedDelivery& d, const DistributeOptions& o, MailTemplates& templates,
                        const std::string& scope_title, const std::filesystem::path& folder, const std::string& delivered_on,
                        const std::vector<std::string>& provisional, const std::string& public_page) {
    using kainjow::mustache::data;
    MailMessage m;
    m.from = o.from;
    m.to = d.recipient.email;
    m.to_name = d.recipient.name;
    m.subject = templates.texts.fill("mail.subject", {{"quarter", format_quarter(o.quarter)}, {"scope", scope_title}});
    m.date = rfc5322_now();
    m.message_id = d.content_sha256.substr(0, 32) + "." + sha256_hex(d.recipient.email).substr(0, 12) + "@samen-sturen";
    data body;
    body.set("recipient", d.recipient.name);
    body.set("quarter", format_quarter(o.quarter));
    body.set("period", format_quarter_period(o.quarter));
    body.set("scope", scope_title);
    if (!delivered_on.empty()) body.set("delivered_on", format_long_date(delivered_on));
    data figures{data::type::list};
    for (const auto& k : provisional) figures.push_back(data(k));
    body.set("has_provisional", !provisional.empty());
    body.set("provisional", figures);
    if (!o.public_url.empty() && !public_page.empty()) {
        std::string base = o.public_url;
        while (!base.empty() && base.back() == '/') base.pop_back();
        body.set("public_page", base + "/" + public_page);
    }
    data attached{data::type::list}, left_out{data::type::list};
    for (const auto& f : d.files) {
        const std::string name = f.file.path.substr(f.file.path.rfind('/') + 1);
        data file;
        file.set("size", size_text(f.file.bytes));
        if (f.attached) {
            file.set("name", name);
            attached.push_back(file);
            m.attachments.push_back({name, content_type_of(name), read_text_file(folder / f.file.path, "a file of the quarter's run; run the quarter again")});
        } else {
            file.set("name", f.file.path);
            left_out.push_back(file);
        }
    }
    body.set("attached", attached);
    body.set("has_left_out", !left_out.is_empty_list());
    body.set("left_out", left_out);
    // A section left out leaves its empty line behind: a mail never has two blank lines in a row.
    std::string text = templates.body.render(body);
    for (size_t at = 0; (at = text.find("\n\n\n", at)) != std::string::npos;) text.erase(at, 1);
    m.body = std::move(text);
    return m;
}

/// The quarter's manifest, checked: of this quarter, and without provisional figures unless the
/// analyst allows them (kpis.md "Data completeness"; the mails then name them).
Manifest checked_manifest(const DistributeOptions& o) {
    const std::filesystem::path folder = o.out / o.quarter.code();
    const auto manifest = read_manifest(folder / "manifest.json");
    if (!manifest)
        throw InputError((folder / "manifest.json").string() + ": missing; the quarter has not been rendered completely. "
                         "Run 'samen-sturen run --quarter " + o.quarter.code() + "' first");
    if (manifest->inputs.quarter != o.quarter.code())
        throw InputError((folder / "manifest.json").string() + ": is of " + manifest->inputs.quarter + ", not " + o.quarter.code());
    if (!manifest->provisional.empty() && !o.allow_provisional) {
        std::set<std::string> kpis;
        for (const auto& [scope, list] : manifest->provisional)
            for (const auto& k : list) kpis.insert(k.substr(0, k.find(' ')));
        std::string names;
        for (const auto& k : kpis) names += (names.empty() ? "" : ", ") + k;
        throw InputError(o.quarter.code() + ": " + std::to_string(manifest->provisional.size()) +
                         " scopes have provisional figures (" + names + "): not all invoices are in. Send when they are, "
                         "or send now with --allow-provisional; the mails then say which figures are provisional");
    }
    return *manifest;
}

/// The scope's page on the site, relative to public/ ("GM0505-dordrecht/index.html"), or "".
std::string public_page_of(const Manifest& manifest, const std::string& scope) {
    for (const auto& f : manifest.files)
        if (f.scope == scope && f.audience == "public" && f.path.size() > 11 &&
            f.path.compare(f.path.size() - 11, 11, "/index.html") == 0)
            return f.path.substr(std::string("public/").size());
    return "";
}

} // namespace

DistributeSummary distribute(const DistributeOptions& o, MailTransport& transport, std::ostream& log) {
    const std::filesystem::path folder = o.out / o.quarter.code();
    const Manifest manifest = checked_manifest(o);
    MailTemplates templates = load_mail_templates(o.templates);
    auto db = open_database(o.db, OpenMode::create_or_update); // migrates an older schema: the log is new in version 2
    const auto recipients = read_recipients(*db);
    const auto titles = scope_titles(*db);
    DistributeSummary summary;
    for (const auto& r : recipients_without_files(recipients, manifest))
        summary.without_files.push_back(r.email + " (" + r.scope_code + ")");

    for (const auto& d : plan_distribution(recipients, manifest, o.max_attachment_bytes)) {
        const Recipient& r = d.recipient;
        const auto logged = logged_delivery(*db, o.quarter.code(), d);
        if (logged && logged->sent) {
            ++summary.already_sent;
            continue;
        }
        const auto title = titles.find(r.scope_code);
        const auto provisional = manifest.provisional.find(r.scope_code);
        const MailMessage message = message_for(d, o, templates, title == titles.end() ? r.scope_code : title->second, folder,
                                                manifest.delivered_on,
                                                provisional == manifest.provisional.end() ? std::vector<std::string>{}
                                                                                          : provisional->second,
                                                public_page_of(manifest, r.scope_code));
        const std::string name = o.quarter.code() + "-" + slugify(r.scope_code) + "-" + slugify(r.email) + "-" +
                                 d.content_sha256.substr(0, 8);
        const SendOutcome outcome =
            send_with_retries(transport, o.from, r.email, render_mime(message), name, {o.attempts, o.backoff_ms});
        log_delivery(*db, o.quarter.code(), d, outcome.error, (logged ? logged->attempts : 0) + outcome.tries, transport.describe());
        if (outcome.error.empty()) {
            ++summary.sent;
            log << "distribute: sent " << r.email << " (" << r.scope_code << ", " << d.files.size() << " files)\n";
        } else {
            summary.failed.push_back(r.email + " (" + r.scope_code + "): " + outcome.error);
            log << "distribute: failed " << r.email << " (" << r.scope_code << ") after " << outcome.tries
                << " tries: " << outcome.error << "\n";
        }
    }
    return summary;
}

} // namespace ss
