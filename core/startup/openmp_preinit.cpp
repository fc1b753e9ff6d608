// Compiled into every executable that links ftcore (an INTERFACE source of ftcore, for
// executables only): OpenMP threads sleep at barriers instead of spinning, unless the
// user chose a policy.
//
// Why: with libgomp's default an idle OpenMP thread spins (300,000 rounds) before it
// sleeps. When the machine has other work (a second training, a build, the GUI's own
// threads), the spinning threads take the cores the working ones need: a 2-thread step
// became 8-100x slower than a 1-thread one on a busy 2-core machine. With passive waits it
// runs as on an idle machine. The cost on an idle machine is measured in bench/.
//
// How: libgomp reads OMP_WAIT_POLICY once, in its own initialiser, and offers no call to
// change it later; setting it in main() is too late, and changing environ before the
// libraries initialise does not help either (libc's initialiser resets environ to the
// block the kernel passed). So the executable's .preinit_array -- run after the
// libraries are loaded but before any of them initialises, so before LibTorch's static
// registrations -- executes the program again with OMP_WAIT_POLICY=PASSIVE added. The
// second start finds the variable and goes on; if the exec fails (no /proc), the program
// simply runs with the default policy.
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace {

constexpr char kPassive[] = "OMP_WAIT_POLICY=PASSIVE";
constexpr size_t kPrefix = sizeof "OMP_WAIT_POLICY=" - 1;

void passiveOpenMpWaits(int /*argc*/, char** argv, char** envp) {
    if (argv == nullptr || envp == nullptr) return;
    size_t n = 0;
    for (; envp[n] != nullptr; ++n)
        if (std::strncmp(envp[n], kPassive, kPrefix) == 0) return;  // chosen: it stands
    auto** env = static_cast<char**>(std::malloc((n + 2) * sizeof(char*)));
    if (env == nullptr) return;
    std::memcpy(env, envp, n * sizeof(char*));
    env[n] = const_cast<char*>(kPassive);
    env[n + 1] = nullptr;
    ::execve("/proc/self/exe", argv, env);
    std::free(env);  // exec failed: run on with the default policy
}

}  // namespace

__attribute__((section(".preinit_array"),
               used)) static void (*const ftPassiveOpenMpWaits)(int, char**,
                                                                char**) = &passiveOpenMpWaits;
