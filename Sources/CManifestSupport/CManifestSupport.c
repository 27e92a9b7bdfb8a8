// The functions of this module are inline, in include/CManifestSupport.h; SwiftPM needs a source file.
#include "CManifestSupport.h"
