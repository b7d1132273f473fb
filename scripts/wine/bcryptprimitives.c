/*
 * Test-only stand-in for bcryptprimitives.dll, for smoke tests under the
 * Wine of Debian 12 (8.0), which lacks it. Go's Windows runtime (1.24+)
 * needs its ProcessPrng, present on every Windows 10 and 11; here it is
 * served by advapi32's RtlGenRandom (SystemFunction036). Never shipped.
 */
#include <windows.h>

typedef BOOLEAN(WINAPI *gen_random)(PVOID, ULONG);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	static gen_random gen;
	if (!gen)
		gen = (gen_random)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
	if (!gen)
		return FALSE;
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!gen(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
