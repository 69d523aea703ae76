#include "charterkit/version.h"

namespace charterkit {

std::string_view version() { return CHARTERKIT_VERSION; }

}  // namespace charterkit
