#pragma once

#include <string>

namespace ft {

// Process-wide compute setup, called once at start-up by every executable before
// any model work: sets LibTorch's intra-op thread count to the machine's cores (it
// defaults to 1 in Debian's build) unless `threads` > 0 asks for another number.
// A thread that already ran a parallel LibTorch operation keeps the count it had then;
// threads started afterwards use the new one.
void initRuntime(int threads = 0);

// One line per fact: LibTorch version, threads, BLAS / parallel backend, CUDA.
std::string runtimeInfo();

int hardwareThreads();

// LibTorch's intra-op thread count as the calling thread sees it.
int computeThreads();

// Whether this LibTorch build has CUDA and the machine a usable GPU.
bool cudaAvailable();

// "2.1.2": the LibTorch version this program was built against.
std::string torchVersion();

// The BLAS LibTorch was built with ("MKL", "open" for OpenBLAS, ...), "none" without one.
std::string blasBackend();

// The intra-op parallel backend: "OpenMP", "native" or "TBB".
std::string parallelBackend();

}  // namespace ft
