#include "runtime.h"

#include <sstream>
#include <thread>

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

std::string runtimeInfo() {
    std::ostringstream out;
    out << "LibTorch " << TORCH_VERSION << "\n";
    out << "threads " << at::get_num_threads() << " of " << hardwareThreads() << " cores\n";
    out << "CUDA " << (torch::cuda::is_available() ? "available" : "not available");
    if (torch::cuda::is_available()) out << " (" << torch::cuda::device_count() << " devices)";
    out << "\n";
    return out.str();
}

}  // namespace ft
