// A named point where the fault tests stop the program to kill it there (SAMEN_STUREN_PAUSE_AT),
// so that "killed while copying the database" is tested at that moment and not by chance.
#pragma once

namespace ss {

/// When SAMEN_STUREN_PAUSE_AT is `name`: says "samen-sturen: paused at NAME" on stderr and sleeps
/// a minute (the test kills the process meanwhile). Otherwise does nothing.
void pause_point(const char* name);

} // namespace ss
