// Small helpers around ICU, private to the library: error conversion and owners.
#pragma once

#include <unicode/utypes.h>

#include <string>

#include "charterkit/status.h"

namespace charterkit::internal {

// Returns an Internal status naming the ICU call and its error code.
inline Status icu_error(const char* what, UErrorCode code) {
  return Status::Internal(std::string("ICU ") + what + " failed: " + u_errorName(code));
}

}  // namespace charterkit::internal
