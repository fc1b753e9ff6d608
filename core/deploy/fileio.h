#pragma once

#include <string>
#include <string_view>

// Small POSIX file helpers of the deploy stage, reporting the operating system's reason
// (ENOSPC "No space left on device", EROFS, EACCES, EFBIG ...) in ft::Error (Io) messages
// that name the file. Torch-free.
namespace ft::deploy::fileio {

// Creates or truncates path, writes data, fsyncs and closes; on any failure removes the
// partial file and throws.
void writeFile(const std::string& path, std::string_view data);
// Writes path atomically: path.tmp-<pid> first, fsynced, then renamed over path.
void writeFileAtomic(const std::string& path, std::string_view data);
// fsync of a folder (so a rename inside it is durable); errors are ignored: some file
// systems refuse fsync on folders and the data itself is already synced.
void syncFolder(const std::string& path);
// The text of errno for messages.
std::string lastError();

}  // namespace ft::deploy::fileio
