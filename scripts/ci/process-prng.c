/* Debian's Wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's standard library
 * imports on Windows for its random numbers. This stand-in gives the same bytes from
 * advapi32's SystemFunction036 (RtlGenRandom), which Wine has. Used only to run the Windows
 * build under Wine in CI (scripts/ci/windows-wine.sh); Windows itself has the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
