#include "deploy/fileio.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

namespace ft::deploy::fileio {

std::string lastError() { return std::strerror(errno); }

void writeFile(const std::string& path, std::string_view data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw Error(ErrorCode::Io, path + ": cannot be created (" + lastError() + ")");
    const char* p = data.data();
    size_t left = data.size();
    auto fail = [&](const char* what) {
        const std::string why = lastError();
        ::close(fd);
        ::unlink(path.c_str());
        throw Error(ErrorCode::Io, path + ": " + what + " (" + why + ")");
    };
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot be written");
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    // Delayed allocation can report a full disk only here.
    if (::fsync(fd) != 0 && errno != EINVAL) fail("cannot be written to disk");
    if (::close(fd) != 0) {
        const std::string why = lastError();
        ::unlink(path.c_str());
        throw Error(ErrorCode::Io, path + ": cannot be written (" + why + ")");
    }
}

void writeFileAtomic(const std::string& path, std::string_view data) {
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    writeFile(tmp, data);
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = lastError();
        ::unlink(tmp.c_str());
        throw Error(ErrorCode::Io, path + ": cannot be replaced (" + why + ")");
    }
}

void syncFolder(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace ft::deploy::fileio
