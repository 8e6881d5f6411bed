// libFuzzer target: the CSV reader on any bytes. It may refuse input (CsvSyntaxError), never crash,
// hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "csv/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        ss::CsvReader reader("fuzz.csv", text);
        ss::CsvRecord record;
        while (reader.next(record))
            for (auto field : record.fields) (void)field.size();
    } catch (const ss::InputError&) {
    }
    return 0;
}
