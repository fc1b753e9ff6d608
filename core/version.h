#pragma once

// The program's version (the project() version in CMakeLists.txt, e.g. "0.4.0"), for code
// built without the FT_VERSION definition: the torch folders (io, models, train, eval,
// deploy) compile as a separate object library that does not get it.
namespace ft {

const char* softwareVersion();

}  // namespace ft
