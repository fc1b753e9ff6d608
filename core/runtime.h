#pragma once

#include <string>

namespace ft {

// Process-wide compute setup, called once at start-up by every executable before
// any model work: sets LibTorch's intra-op thread count to the machine's cores (it
// defaults to 1 in Debian's build) unless `threads` > 0 asks for another number.
void initRuntime(int threads = 0);

// One line per fact: LibTorch version, threads, BLAS / parallel backend, CUDA.
std::string runtimeInfo();

int hardwareThreads();

}  // namespace ft
