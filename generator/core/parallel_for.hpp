// The one worker pool of the program: the import's files, the SQL stage's queries and the run's
// scopes all go through it, so that --jobs means the same everywhere.
#pragma once

#include <cstddef>
#include <functional>

namespace ss {

/// The number of workers `jobs` asks for: itself when positive, else the machine's cores.
int workers_for(int jobs);

/// Calls work(item, worker) for every item in [0, count) on min(workers_for(jobs), count)
/// threads; each worker takes the next item when it is done with one, and `worker` (0-based)
/// says which worker runs it (to use that worker's own connection). An exception stops the
/// handing out of items; the first one is rethrown here once every worker has stopped.
void parallel_for(size_t count, int jobs, const std::function<void(size_t item, size_t worker)>& work);

} // namespace ss
