#include "cicu.h"
#include <unicode/unorm2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static const UNormalizer2 *nfkc(UErrorCode *status) {
    return unorm2_getNFKCInstance(status);
}

int32_t cicu_nfkc_boundary_before(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&status);
    if (U_FAILURE(status)) return 1;
    return unorm2_hasBoundaryBefore(n, (UChar32)c) ? 1 : 0;
}

int32_t cicu_nfkc_inert(uint32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&status);
    if (U_FAILURE(status)) return 0;
    return unorm2_isInert(n, (UChar32)c) ? 1 : 0;
}

int32_t cicu_nfkc(const uint16_t *src, int32_t srcLength,
                  uint16_t *dest, int32_t destCapacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = nfkc(&status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    int32_t length = unorm2_normalize(n, (const UChar *)src, srcLength,
                                      (UChar *)dest, destCapacity, &status);
    *error = status;
    return length;
}

int32_t cicu_to_utf16(const char *charset, const uint8_t *src, int32_t srcLength,
                      uint16_t *dest, int32_t destCapacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = status; return 0; }
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(conv); *error = status; return 0; }
    int32_t length = ucnv_toUChars(conv, (UChar *)dest, destCapacity,
                                   (const char *)src, srcLength, &status);
    ucnv_close(conv);
    *error = status;
    return length;
}
