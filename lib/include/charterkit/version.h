// The library's version.
#pragma once

#include <string_view>

namespace charterkit {

// Returns the version of the library as "MAJOR.MINOR.PATCH".
std::string_view version();

}  // namespace charterkit
