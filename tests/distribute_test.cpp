// distribute: each recipient gets its own scope's files of its report kinds, once; as .eml files
// in an outbox or over SMTP to a real server on loopback; a server that is down loses nothing and
// a later run sends each message exactly once.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <sstream>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "distribute/distribution_plan.hpp"
#include "distribute/mail_message.hpp"
#include "distribute/mail_transport.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const std::string smtp_helpers = std::string(SAMEN_STUREN_SOURCE_DIR) + "/tests/smtp";

/// A fresh copy of the demo database with its quarter rendered, so each test has its own log.
struct Rendered {
    TempDir dir;
    fs::path db = dir / "demo.db";
    Rendered() {
        fs::copy_file(small_demo_run().db, db);
        const auto r = run_cli("run --db " + db.string() + " --quarter 2025-Q3 --out " + (dir / "out").string());
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    std::string distribute(const std::string& how) const {
        return "distribute --db " + db.string() + " --quarter 2025-Q3 --out " + (dir / "out").string() + " " + how;
    }
};

/// `to filename sha256` per attachment of the messages in `folder`.
std::vector<std::string> attachments_in(const fs::path& folder) {
    const std::string text = run_cli_text("/usr/bin/python3 " + smtp_helpers + "/attachments.py " + folder.string() + "/*.eml");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// The manifest's checksum of a file name of scope `code`'s folder.
std::string manifest_sha(const Rendered& r, const std::string& file) {
    const std::string manifest = read_file(r.dir / "out" / "2025-Q3" / "manifest.json");
    const size_t at = manifest.find("/" + file + "\"");
    REQUIRE(at != std::string::npos);
    const size_t sha = manifest.find("\"sha256\": \"", at);
    return manifest.substr(sha + 11, 64);
}

/// An SMTP server on loopback, started and stopped by the test.
class SmtpSink {
public:
    /// A well-behaved server storing messages in `folder`, or with `fault` (refuse, drop, hang) a
    /// misbehaving one (tests/smtp/smtp_faulty.py).
    explicit SmtpSink(fs::path folder, const std::string& fault = "") : folder_(std::move(folder)) {
        const fs::path ready = folder_.parent_path() / (folder_.filename().string() + ".ready");
        pid_ = fork();
        if (pid_ == 0) {
            const std::string out = ready.string();
            if (!freopen(out.c_str(), "w", stdout)) _exit(126);
            const std::string f = folder_.string();
            if (fault.empty()) {
                const std::string script = smtp_helpers + "/smtp_sink.py";
                execl("/usr/bin/python3", "python3", script.c_str(), "0", f.c_str(), "--seconds", "90", static_cast<char*>(nullptr));
            } else {
                const std::string script = smtp_helpers + "/smtp_faulty.py";
                execl("/usr/bin/python3", "python3", script.c_str(), fault.c_str(), "--seconds", "90", static_cast<char*>(nullptr));
            }
            _exit(127);
        }
        for (int i = 0; i < 200; ++i) {
            const std::string line = fs::exists(ready) ? read_file(ready) : "";
            if (line.rfind("ready ", 0) == 0 && line.back() == '\n') {
                port_ = std::stoi(line.substr(6));
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("the SMTP server on loopback did not start (is python3-aiosmtpd installed?)");
    }
    ~SmtpSink() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    int port() const { return port_; }
    size_t messages() const {
        size_t n = 0;
        if (fs::exists(folder_))
            for (const auto& e : fs::directory_iterator(folder_)) n += e.path().extension() == ".eml";
        return n;
    }

private:
    fs::path folder_;
    pid_t pid_ = -1;
    int port_ = 0;
};

Manifest sample_manifest() {
    Manifest m;
    m.inputs.quarter = "2025-Q3";
    m.files = {{"internal/GM0001-a/samen-sturen-2025-Q3-GM0001.pdf", "samen-sturen", "GM0001", 100, "a1", "internal"},
               {"public/GM0001-a/index.html", "samen-sturen", "GM0001", 100, "a2", "public"},
               {"public/GM0001-a/cijfers.csv", "samen-sturen", "GM0001", 100, "a4", "public"},
               {"public/GM0001-a/raadsinformatiebrief-2025-Q3-GM0001.pdf", "council", "GM0001", 100, "a3", "public"},
               {"internal/GM0002-b/samen-sturen-2025-Q3-GM0002.pdf", "samen-sturen", "GM0002", 100, "b1", "internal"},
               {"internal/regio-R1-r/samen-sturen-regio-2025-Q3-R1.pdf", "region", "R1", 100, "r1", "internal"},
               {"internal/regio-R1-r/gi-benchmark-2025-Q3-R1.xlsx", "gi-benchmark", "R1", 5000, "r2", "internal"}};
    return m;
}

} // namespace

TEST_CASE("distribution plan: a recipient gets its own scope's files of its kinds, nothing else") {
    const std::vector<Recipient> recipients{{"GM0001", "Beleid A", "a@x.nl", "policy", {"samen-sturen", "council"}},
                                            {"GM0001", "Griffie A", "g@x.nl", "council", {"council"}},
                                            {"R1", "Regio", "r@x.nl", "contract_management", {"samen-sturen", "gi-benchmark"}},
                                            {"GM0002", "Griffie B", "gb@x.nl", "council", {"council"}}};
    const auto plan = plan_distribution(recipients, sample_manifest(), 1000);
    REQUIRE(plan.size() == 3); // B's council letter was not rendered: nothing to send
    // The report and the letter; the public page and open data are on the site, not in the mail.
    CHECK(plan[0].files.size() == 2);
    CHECK(plan[0].files[0].file.path == "internal/GM0001-a/samen-sturen-2025-Q3-GM0001.pdf");
    CHECK(plan[0].files[1].file.path == "public/GM0001-a/raadsinformatiebrief-2025-Q3-GM0001.pdf");
    CHECK(plan[1].files.size() == 1);
    CHECK(plan[1].files[0].file.kind == "council");
    CHECK(plan[2].files.size() == 2); // a region's samen-sturen is its region report
    CHECK(plan[2].files[0].file.scope == "R1");
    CHECK_FALSE(plan[2].files[1].attached); // 5000 bytes over the limit of 1000: named, not attached
    for (const auto& d : plan)
        for (const auto& f : d.files) CHECK(f.file.scope == d.recipient.scope_code);
    CHECK(plan[0].content_sha256 != plan[1].content_sha256);
    const auto none = recipients_without_files(recipients, sample_manifest());
    REQUIRE(none.size() == 1);
    CHECK(none[0].email == "gb@x.nl");
}

namespace {
/// Refuses the first `refusals` messages, then takes every one.
class FlakyTransport : public MailTransport {
public:
    explicit FlakyTransport(int refusals) : refusals_(refusals) {}
    void send(const std::string&, const std::string&, const std::string&, const std::string&) override {
        ++offered;
        if (offered <= refusals_) throw TransportError("421 try again later (" + std::to_string(offered) + ")");
    }
    std::string describe() const override { return "flaky"; }
    int offered = 0;

private:
    int refusals_;
};
} // namespace

TEST_CASE("retries: a message is offered until the transport takes it or the tries are spent") {
    FlakyTransport twice(2);
    const SendOutcome sent = send_with_retries(twice, "f@x.nl", "t@x.nl", "m", "n", {3, 0});
    CHECK(sent.error.empty());
    CHECK(sent.tries == 3);
    CHECK(twice.offered == 3);
    FlakyTransport always(100);
    const SendOutcome failed = send_with_retries(always, "f@x.nl", "t@x.nl", "m", "n", {2, 0});
    CHECK(failed.tries == 2);
    CHECK(failed.error == "421 try again later (2)"); // the last try's reason
    FlakyTransport never(0);
    CHECK(send_with_retries(never, "f@x.nl", "t@x.nl", "m", "n", {0, 0}).tries == 1); // at least one try
}

TEST_CASE("mail message: MIME with base64 parts in lines of 76, UTF-8 headers as encoded words") {
    CHECK(base64_lines("Man") == "TWFu\r\n");
    CHECK(base64_lines("Ma") == "TWE=\r\n");
    CHECK(base64_lines(std::string(100, 'x')).find("\r\n") == 76);
    CHECK(header_text("Zoë") == "=?UTF-8?B?Wm/Dqw==?=");
    CHECK(header_text("plain") == "plain");
    MailMessage m{"from@x.nl", "to@x.nl", "Zoë", "Samen Sturen", "Hallo", {{"a.pdf", "application/pdf", "%PDF"}}, "id@x", "Mon, 06 Oct 2025 05:00:00 +0200"};
    const std::string mime = render_mime(m);
    CHECK(mime.find("To: =?UTF-8?B?Wm/Dqw==?= <to@x.nl>\r\n") != std::string::npos);
    CHECK(mime.find("Content-Disposition: attachment; filename=\"a.pdf\"\r\n") != std::string::npos);
    CHECK(mime.find("JVBERg==\r\n") != std::string::npos);
}

TEST_CASE("distribute: to an outbox, every recipient once, attachments intact, a re-run sends nothing") {
    Rendered r;
    const auto first = run_cli(r.distribute("--outbox " + (r.dir / "outbox").string()));
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.out.find(": 9 sent, 0 sent before, 0 failed") != std::string::npos);
    const auto lines = attachments_in(r.dir / "outbox");
    CHECK(lines.size() >= 20);
    for (const auto& line : lines) {
        std::istringstream fields(line);
        std::string to, file, sha;
        fields >> to >> file >> sha;
        CAPTURE(line);
        if (file != "kpis.csv") CHECK(sha == manifest_sha(r, file));
        // Dordrecht's addresses get Dordrecht's files only.
        if (to.find("dordrecht") != std::string::npos && file != "kpis.csv") CHECK(file.find("GM0505") != std::string::npos);
    }
    const auto again = run_cli(r.distribute("--outbox " + (r.dir / "outbox").string()));
    CHECK(again.out.find(": 0 sent, 9 sent before, 0 failed") != std::string::npos);
    CHECK(query_int(*std::make_unique<SQLite::Database>(r.db.string()), "SELECT count(*) FROM distributions WHERE status = 'sent'") == 9);
}

TEST_CASE("distribute: over SMTP; the server down, then up: nothing lost, nothing twice") {
    Rendered r;
    // Down: a port where nothing listens. Every delivery fails, is logged, and the run says so.
    int free_port = 0;
    {
        SmtpSink probe(r.dir / "probe"); // started and stopped: its port is free and nothing listens
        free_port = probe.port();
    }
    const auto down = run_cli(r.distribute("--smtp smtp://127.0.0.1:" + std::to_string(free_port) +
                                           " --insecure-smtp --attempts 2 --backoff-ms 10"));
    CHECK(down.exit_code == 7);
    CHECK(down.err.find("not delivered: jeugd@dordrecht.gemeente.example (GM0505): ") != std::string::npos);
    CHECK(down.err.find("tried again on the next distribute") != std::string::npos);
    SQLite::Database db(r.db.string());
    CHECK(query_int(db, "SELECT count(*) FROM distributions WHERE status = 'failed' AND attempts = 2") == 9);

    SmtpSink server(r.dir / "received");
    const std::string smtp = "--smtp smtp://127.0.0.1:" + std::to_string(server.port()) + " --insecure-smtp";
    const auto up = run_cli(r.distribute(smtp));
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out.find(": 9 sent, 0 sent before, 0 failed") != std::string::npos);
    const auto again = run_cli(r.distribute(smtp));
    CHECK(again.out.find(": 0 sent, 9 sent before, 0 failed") != std::string::npos);
    for (int i = 0; i < 40 && server.messages() < 9; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(server.messages() == 9);
    for (const auto& line : attachments_in(r.dir / "received")) {
        std::istringstream fields(line);
        std::string to, file, sha;
        fields >> to >> file >> sha;
        if (file != "kpis.csv") CHECK_MESSAGE(sha == manifest_sha(r, file), line);
    }
    CHECK(query_int(db, "SELECT count(*) FROM distributions WHERE status = 'sent' AND attempts = 3") == 9);
}

TEST_CASE("distribute: a server that refuses, drops the connection mid-message or times out loses nothing") {
    for (const char* fault : {"refuse", "drop", "hang"}) {
        CAPTURE(fault);
        Rendered r;
        {
            SmtpSink bad(r.dir / "bad", fault);
            const auto failed = run_cli(r.distribute("--smtp smtp://127.0.0.1:" + std::to_string(bad.port()) +
                                                     " --insecure-smtp --attempts 1 --smtp-timeout 2"));
            CHECK(failed.exit_code == 7);
            CHECK(failed.out.find(": 0 sent, 0 sent before, 9 failed") != std::string::npos);
        }
        SQLite::Database db(r.db.string());
        CHECK(query_int(db, "SELECT count(*) FROM distributions WHERE status = 'failed' AND last_error <> ''") == 9);
        SmtpSink good(r.dir / "good");
        const auto sent = run_cli(r.distribute("--smtp smtp://127.0.0.1:" + std::to_string(good.port()) + " --insecure-smtp"));
        CHECK(sent.exit_code == 0);
        CHECK(sent.out.find(": 9 sent, 0 sent before, 0 failed") != std::string::npos);
        for (int i = 0; i < 40 && good.messages() < 9; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        CHECK(good.messages() == 9);
    }
}

TEST_CASE("distribute: clear errors for an unrendered quarter and for transport options") {
    Rendered r;
    auto e = run_cli("distribute --db " + r.db.string() + " --quarter 2024-Q1 --out " + (r.dir / "out").string() +
                     " --outbox " + (r.dir / "o").string());
    CHECK(e.exit_code == 3);
    CHECK(e.err.find("manifest.json: missing; the quarter has not been rendered completely") != std::string::npos);
    e = run_cli(r.distribute("--outbox x --smtp smtp://127.0.0.1:25"));
    CHECK(e.exit_code == 2);
    CHECK(e.err == "samen-sturen: --outbox and --smtp: name one of them\n");
    e = run_cli(r.distribute(""));
    CHECK(e.exit_code == 2);
    e = run_cli(r.distribute("--smtp http://mail.example.nl"));
    CHECK(e.err == "samen-sturen: --smtp: 'http://mail.example.nl' is not smtp://host:port or smtps://host:port\n");
}

TEST_CASE("distribute: a quarter with provisional figures goes out only with --allow-provisional, and says so") {
    // The demo's last quarter lacks about one in eight invoices: its cost figures are provisional.
    TempDir dir;
    fs::copy_file(small_demo_run().db, dir / "demo.db");
    const std::string db = (dir / "demo.db").string(), out = (dir / "out").string();
    REQUIRE(run_cli("run --db " + db + " --quarter 2025-Q4 --out " + out).exit_code == 0);
    const std::string manifest = read_file(dir / "out" / "2025-Q4" / "manifest.json");
    CHECK(manifest.find("\"GM0505\": [") != std::string::npos);
    CHECK(manifest.find("\"JH06 kosten jeugdhulp per jongere\"") != std::string::npos);
    const std::string send = "distribute --db " + db + " --quarter 2025-Q4 --out " + out + " --outbox " + (dir / "outbox").string();
    const auto refused = run_cli(send);
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("2025-Q4: ") != std::string::npos);
    CHECK(refused.err.find("have provisional figures (") != std::string::npos);
    CHECK(refused.err.find("--allow-provisional") != std::string::npos);
    CHECK((!fs::exists(dir / "outbox") || fs::is_empty(dir / "outbox"))); // nothing sent
    const auto sent = run_cli(send + " --allow-provisional --public-url https://cijfers.regio.example/2025-Q4/");
    REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
    bool named = false;
    for (const auto& e : fs::directory_iterator(dir / "outbox")) {
        if (e.path().filename().string().find("gm0505-jeugd") == std::string::npos) continue;
        // The text part of the message, decoded.
        const std::string body = run_cli_text("/usr/bin/python3 -c \"import email, sys; m = email.message_from_file(open(sys.argv[1])); "
                                              "print(m.get_payload()[0].get_payload(decode=True).decode())\" '" +
                                              e.path().string() + "'");
        named = body.find("Deze cijfers zijn daarom voorlopig") != std::string::npos &&
                body.find("- JH06 kosten jeugdhulp per jongere") != std::string::npos &&
                body.find("De openbare pagina met de gepubliceerde cijfers: "
                          "https://cijfers.regio.example/2025-Q4/GM0505-dordrecht/index.html\n") != std::string::npos;
    }
    CHECK(named);
}

TEST_CASE("distribute: the mail's words come from templates/mail.mustache and texts.json; a broken one stops before sending") {
    Rendered r;
    TempDir templates;
    fs::copy(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates", templates.path(), fs::copy_options::recursive);
    std::string mail = read_file(templates / "mail.mustache");
    mail.replace(mail.find("Beste "), 6, "Geachte ");
    write_file(templates / "mail.mustache", mail);
    const auto sent = run_cli(r.distribute("--templates " + templates.path().string() + " --outbox " + (r.dir / "outbox").string()));
    REQUIRE_MESSAGE(sent.exit_code == 0, sent.err);
    int mails = 0;
    for (const auto& e : fs::directory_iterator(r.dir / "outbox")) {
        const std::string body = run_cli_text("/usr/bin/python3 -c \"import email, sys; m = email.message_from_file(open(sys.argv[1])); "
                                              "print(m.get_payload()[0].get_payload(decode=True).decode())\" '" +
                                              e.path().string() + "'");
        CAPTURE(body);
        CHECK(body.rfind("Geachte ", 0) == 0);
        CHECK(body.find("\n\n\n") == std::string::npos); // a section left out leaves no gap
        CHECK(body.find("\nBijgevoegd:\n- ") != std::string::npos);
        CHECK(body.find(" kB)\n") != std::string::npos); // small files in kB, not "0,0 MB"
        CHECK(body.find("\nMet vriendelijke groet,\nSamen Sturen\n") != std::string::npos);
        ++mails;
    }
    CHECK(mails == 9);

    // A texts.json without the subject: refused with the file and the text named, nothing sent.
    std::string texts = read_file(templates / "texts.json");
    const size_t at = texts.find("  \"mail.subject\"");
    REQUIRE(at != std::string::npos);
    texts.erase(at, texts.find('\n', at) - at);
    texts.replace(texts.rfind(','), 1, ""); // the entry before it is now the last
    write_file(templates / "texts.json", texts);
    Rendered fresh;
    const auto refused = run_cli(fresh.distribute("--templates " + templates.path().string() + " --outbox " +
                                                  (fresh.dir / "outbox").string()));
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("texts.json: the text 'mail.subject' is missing") != std::string::npos);
    CHECK((!fs::exists(fresh.dir / "outbox") || fs::is_empty(fresh.dir / "outbox"))); // nothing sent
}
