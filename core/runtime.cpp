#include "runtime.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <ATen/Config.h>
#include <ATen/Version.h>
#include <torch/torch.h>

namespace ft {

int hardwareThreads() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void initRuntime(int threads) {
    const int n = threads > 0 ? threads : hardwareThreads();
    try {
        if (at::get_num_threads() != n) at::set_num_threads(n);
    } catch (const std::exception& e) {
        // Seen without /proc (a bare chroot): LibTorch's cpuinfo cannot start. Say so and
        // go on with LibTorch's own count rather than abort before the first message.
        std::string what = e.what();
        what = what.substr(0, what.find('\n'));
        std::cerr << "warning: cannot set " << n << " compute threads (" << what
                  << "; is /proc mounted?); using LibTorch's default\n";
    }
}

int computeThreads() { return at::get_num_threads(); }

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string torchVersion() { return TORCH_VERSION; }

namespace {

// The BLAS library this process loaded, by the path in /proc/self/maps: Debian's LibTorch
// is built against the generic libblas.so.3, which the alternatives system points at
// OpenBLAS (pthread or OpenMP) or the 20x slower reference BLAS. "" when unknown.
std::string loadedBlas() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos) continue;
        const std::string path = line.substr(slash);
        const std::string file = path.substr(path.rfind('/') + 1);
        if (file.rfind("libblas.so", 0) != 0 && file.rfind("libopenblas", 0) != 0 &&
            file.rfind("libmkl_rt", 0) != 0)
            continue;
        if (path.find("openblas-openmp") != std::string::npos) return "OpenBLAS (OpenMP)";
        if (path.find("openblas-pthread") != std::string::npos) return "OpenBLAS (pthreads)";
        if (path.find("openblas-serial") != std::string::npos) return "OpenBLAS (serial)";
        if (file.rfind("libopenblas", 0) == 0) return "OpenBLAS";
        if (file.rfind("libmkl_rt", 0) == 0) return "MKL";
        if (path.find("/blas/") != std::string::npos)
            return "reference BLAS (slow: install libopenblas0-openmp)";
        return path;
    }
    return "";
}

}  // namespace

std::string blasBackend() {
    // show_config() lists the build options, among them "BLAS_INFO=<name>".
    const std::string config = at::show_config();
    const std::string key = "BLAS_INFO=";
    if (const auto at = config.find(key); at != std::string::npos) {
        const auto begin = at + key.size();
        const auto end = config.find_first_of(", \n", begin);
        const std::string name = config.substr(begin, end - begin);
        const std::string loaded = loadedBlas();
        if (!name.empty()) return loaded.empty() ? name : loaded + " as " + name + " BLAS";
    }
#if AT_MKL_ENABLED()
    return "MKL";
#elif AT_BUILD_WITH_BLAS()
    return "system BLAS";
#else
    return "none";
#endif
}

std::string parallelBackend() {
#if AT_PARALLEL_OPENMP
    return "OpenMP";
#elif AT_PARALLEL_NATIVE_TBB
    return "TBB";
#else
    return "native";
#endif
}

std::string runtimeInfo() {
    std::ostringstream out;
    out << "LibTorch " << torchVersion() << "\n";
    out << "threads " << at::get_num_threads() << " of " << hardwareThreads() << " cores\n";
    out << "BLAS " << blasBackend() << ", parallel backend " << parallelBackend() << "\n";
    // PASSIVE from core/startup/openmp_preinit.cpp unless the user chose.
    const char* wait = std::getenv("OMP_WAIT_POLICY");
    out << "OpenMP wait policy " << (wait && *wait ? wait : "default (spin, then sleep)") << "\n";
    out << "CUDA " << (cudaAvailable() ? "available" : "not available");
    if (cudaAvailable()) out << " (" << torch::cuda::device_count() << " devices)";
    out << "\n";
    return out.str();
}

}  // namespace ft
