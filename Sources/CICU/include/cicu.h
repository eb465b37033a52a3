#ifndef MINUTES_CICU_H
#define MINUTES_CICU_H
/* A narrow C interface over system ICU for the minutes pipeline.
 * Only stdint types cross this header, so Swift can import it next to
 * Foundation (whose own ICU module would clash with ICU's headers). */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 1 when NFKC has a normalisation boundary before code point c, else 0. */
int32_t cicu_nfkc_boundary_before(uint32_t c);

/* 1 when code point c is unchanged by NFKC and combines with nothing. */
int32_t cicu_nfkc_inert(uint32_t c);

/* NFKC-normalises UTF-16 text src[0..srcLength) into dest (capacity destCapacity).
 * Returns the length written, or the length needed (negative status in *error
 * on failure; 15 = buffer overflow). */
int32_t cicu_nfkc(const uint16_t *src, int32_t srcLength,
                  uint16_t *dest, int32_t destCapacity, int32_t *error);

/* Converts bytes in the named legacy charset (e.g. "windows-1252") to UTF-16.
 * Returns the length written or needed; *error receives ICU's status code
 * (0 ok, >0 failure, 15 = buffer overflow). Substitutes nothing silently:
 * an unmappable byte is reported through *error. */
int32_t cicu_to_utf16(const char *charset, const uint8_t *src, int32_t srcLength,
                      uint16_t *dest, int32_t destCapacity, int32_t *error);

#ifdef __cplusplus
}
#endif
#endif
