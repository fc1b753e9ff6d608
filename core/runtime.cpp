#include "runtime.h"

#include <cstdlib>
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
    if (at::get_num_threads() != n) at::set_num_threads(n);
}

int computeThreads() { return at::get_num_threads(); }

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string torchVersion() { return TORCH_VERSION; }

std::string blasBackend() {
    // show_config() lists the build options, among them "BLAS_INFO=<name>".
    const std::string config = at::show_config();
    const std::string key = "BLAS_INFO=";
    if (const auto at = config.find(key); at != std::string::npos) {
        const auto begin = at + key.size();
        const auto end = config.find_first_of(", \n", begin);
        const std::string name = config.substr(begin, end - begin);
        if (!name.empty()) return name;
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
