// The CSV reader: what Dutch Excel, other tools and hand edits actually produce.
#include <doctest/doctest.h>

#include "csv/csv_reader.hpp"
#include "csv/csv_writer.hpp"

using namespace ss;

namespace {
std::vector<std::vector<std::string>> read_all(const std::string& text, char* delimiter = nullptr) {
    CsvReader reader("test.csv", text);
    if (delimiter) *delimiter = reader.delimiter();
    std::vector<std::vector<std::string>> rows;
    CsvRecord r;
    while (reader.next(r)) rows.emplace_back(r.fields.begin(), r.fields.end());
    return rows;
}
} // namespace

TEST_CASE("csv: the delimiter is detected from the header") {
    char d = 0;
    auto rows = read_all("a;b;c\n1;2,5;3\n", &d);
    CHECK(d == ';');
    CHECK(rows[1] == std::vector<std::string>{"1", "2,5", "3"});
    read_all("a,b\n1,2\n", &d);
    CHECK(d == ',');
    // A comma inside a quoted header name does not count.
    read_all("\"a,b\";c\n1;2\n", &d);
    CHECK(d == ';');
}

TEST_CASE("csv: quotes, doubled quotes and line breaks inside quotes") {
    auto rows = read_all("name,note\n\"Zorg & Co, Dordrecht\",\"says \"\"hi\"\"\nover two lines\"\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][0] == "Zorg & Co, Dordrecht");
    CHECK(rows[1][1] == "says \"hi\"\nover two lines");
}

TEST_CASE("csv: a byte-order mark, CRLF line ends and blank lines are ignored") {
    auto rows = read_all("\xEF\xBB\xBFid,name\r\nA,x\r\n\r\nB,y\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "id");
    CHECK(rows[2] == std::vector<std::string>{"B", "y"});
}

TEST_CASE("csv: records know the line they start on, past embedded line breaks") {
    CsvReader reader("t.csv", "h1,h2\n\"a\nb\",c\nd,e\n");
    CsvRecord r;
    reader.next(r);
    CHECK(r.line == 1);
    reader.next(r);
    CHECK(r.line == 2);
    reader.next(r);
    CHECK(r.line == 4);
}

TEST_CASE("csv: broken quoting names the file and line") {
    SUBCASE("never closed") {
        CsvReader reader("t.csv", "a,b\n1,\"open\n");
        CsvRecord r;
        reader.next(r);
        try {
            reader.next(r);
            FAIL("expected an error");
        } catch (const CsvSyntaxError& e) {
            CHECK(e.line == 2);
            CHECK(std::string(e.what()).find("t.csv:2") == 0);
        }
    }
    SUBCASE("text after the closing quote") {
        CsvReader reader("t.csv", "a,b\n\"x\"y,2\n");
        CsvRecord r;
        reader.next(r);
        CHECK_THROWS_AS(reader.next(r), CsvSyntaxError);
    }
}

TEST_CASE("csv: the writer quotes only what needs it, and the reader reads it back") {
    std::string out;
    append_csv_record(out, {"plain", "with,comma", "with \"quote\"", "two\nlines", ""});
    CHECK(out == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\n");
    auto rows = read_all("h1,h2,h3,h4,h5\n" + out);
    CHECK(rows[1] == std::vector<std::string>{"plain", "with,comma", "with \"quote\"", "two\nlines", ""});
}
