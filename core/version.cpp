#include "version.h"

namespace ft {

const char* softwareVersion() { return FT_VERSION; }

}  // namespace ft
